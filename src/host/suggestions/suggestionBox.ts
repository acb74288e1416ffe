import type { Clock } from '../../core/clock';
import { activeSession, logWin, updateRunning } from '../../core/session';
import type { Suggestion } from '../../core/suggestions';
import type { JournalStore } from '../storage/journalStore';
import type { DisposableLike } from '../platform/mementoLike';
import { Listeners } from '../platform/listeners';

/**
 * Wins the editor noticed in this window, waiting for one click. Nothing is logged without the
 * user's accept; accepting records the win with its source.
 */
export class SuggestionBox {
  #items: Suggestion[] = [];
  readonly #listeners = new Listeners();

  readonly #store: JournalStore;
  readonly #clock: Clock;

  constructor(
    store: JournalStore,
    clock: Clock,
  ) {
    this.#store = store;
    this.#clock = clock;
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

  async accept(id: string): Promise<boolean> {
    const item = this.#items.find((s) => s.id === id);
    if (!item) return false;
    const logged = await this.#store.update((journal) => {
      const session = activeSession(journal);
      if (!session) return { journal, result: false };
      const next = updateRunning(journal, session.id, (s) => logWin(s, { text: item.text, source: item.source }, this.#clock()).session);
      return { journal: next, result: true };
    });
    this.#remove(id);
    return logged;
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
