import { activeSession } from '../../core/practices/session';
import type { Suggestion } from '../../core/practices/suggestions';
import type { JournalStore } from '../storage/journalStore';
import type { DisposableLike } from '../platform/mementoLike';
import { Listeners } from '../platform/listeners';

/**
 * Wins the editor noticed in this window, waiting for one click. Nothing is logged without the
 * user's accept (the acceptSuggestion action), which records the win with its source.
 */
export class SuggestionBox {
  #items: Suggestion[] = [];
  readonly #listeners = new Listeners();

  readonly #store: JournalStore;

  constructor(store: JournalStore) {
    this.#store = store;
  }

  list(): readonly Suggestion[] {
    return this.#items;
  }

  add(suggestion: Suggestion | undefined): void {
    if (!suggestion || !activeSession(this.#store.live)) return;
    // One suggestion per kind of news is enough: keep the latest.
    this.#items = [...this.#items.filter((s) => s.text !== suggestion.text), suggestion].slice(-5);
    this.#listeners.fire();
  }

  dismiss(id: string): void {
    this.#remove(id);
  }

  clear(): void {
    if (this.#items.length === 0) return;
    this.#items = [];
    this.#listeners.fire();
  }

  onDidChange(listener: () => void): DisposableLike {
    return this.#listeners.add(listener);
  }

  #remove(id: string): void {
    const before = this.#items.length;
    this.#items = this.#items.filter((s) => s.id !== id);
    if (this.#items.length !== before) this.#listeners.fire();
  }
}
