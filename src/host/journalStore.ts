import type { Journal } from '../core/schema';
import { loadJournal } from '../core/persisted';
import type { Clock } from '../core/clock';
import type { DisposableLike, MementoLike } from './mementoLike';

export const JOURNAL_KEY = 'journal';
export const RECOVERY_PREFIX = 'recovery.';

type Listener = (journal: Journal) => void;
type Change<T> = (journal: Journal) => { journal: Journal; result: T };

/**
 * The journal in globalState. Every change re-reads the latest stored value first and writes at once
 * (writes in deactivate are dropped), so a change made by another window is built upon, not undone.
 * What cannot be read is kept aside under a recovery key and reported, never dropped.
 */
export class JournalStore {
  private raw: unknown = Symbol('not loaded');
  private current: Journal | undefined;
  private readonly listeners = new Set<Listener>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly memento: MementoLike,
    private readonly clock: Clock,
    private readonly report: (problem: string) => void,
  ) {}

  /** The journal as stored now. Cheap when nothing changed: the parsed value is cached by identity. */
  get journal(): Journal {
    const raw = this.memento.get(JOURNAL_KEY);
    if (raw !== this.raw || !this.current) this.read(raw);
    return this.current as Journal;
  }

  /** Tells listeners when another window changed the stored journal. */
  refresh(): void {
    const before = this.current;
    const after = this.journal;
    if (before !== after) this.emit(after);
  }

  onDidChange(listener: Listener): DisposableLike {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Applies a pure change to the latest journal and persists it; changes run one at a time. */
  update<T>(change: Change<T>): Promise<T> {
    const run = this.queue.then(async () => {
      const { journal, result } = change(this.journal);
      if (journal !== this.current) {
        await this.memento.update(JOURNAL_KEY, journal);
        this.raw = this.memento.get(JOURNAL_KEY);
        this.current = journal;
        this.emit(journal);
      }
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Shorthand for a change with no result. */
  apply(change: (journal: Journal) => Journal): Promise<void> {
    return this.update((journal) => ({ journal: change(journal), result: undefined }));
  }

  recoveryKeys(): string[] {
    return this.memento.keys().filter((k) => k.startsWith(RECOVERY_PREFIX));
  }

  private read(raw: unknown): void {
    const loaded = loadJournal(raw);
    this.raw = raw;
    this.current = loaded.journal;
    if (loaded.rejected) {
      const key = `${RECOVERY_PREFIX}${this.clock()}`;
      const problem = loaded.rejected.problem;
      // Keep the unreadable part first, then store what could be read, so nothing is lost either way.
      this.queue = this.queue
        .then(() => this.memento.update(key, { problem, at: this.clock(), data: loaded.rejected?.data }))
        .then(() => this.memento.update(JOURNAL_KEY, loaded.journal))
        .then(() => {
          this.raw = this.memento.get(JOURNAL_KEY);
        })
        .catch(() => undefined);
      this.report(`Small Wins could not read part of its stored journal (${problem}). It was kept aside under "${key}"; everything else loaded.`);
    }
  }

  private emit(journal: Journal): void {
    for (const listener of this.listeners) listener(journal);
  }
}
