import type { Journal } from '../core/schema';
import { mergeJournals, sameContent } from '../core/merge';
import { loadJournal } from '../core/persisted';
import { syncedChanged, syncedPart, withSynced } from '../core/synced';
import type { Clock } from '../core/clock';
import type { DisposableLike, MementoLike } from './mementoLike';

export const JOURNAL_KEY = 'journal';
export const RECOVERY_PREFIX = 'recovery.';
/** The key Settings Sync carries (see core/synced.ts). */
export const SYNCED_KEY = 'synced';

type Listener = (journal: Journal) => void;
type Change<T> = (journal: Journal) => { journal: Journal; result: T };

/**
 * The journal in globalState, shared by every window. globalState is one blob per extension and the
 * last writer wins, so two windows writing at once could undo each other. They cannot lose data:
 * - every change starts from the latest stored journal and is written at once;
 * - the journal only grows, so copies merge without loss (core/merge.ts);
 * - each window remembers what it wrote until it sees it stored; if another window's write replaced
 *   it, the window merges the two and writes again, so the stored journal converges to the union.
 * What cannot be read is kept aside under a recovery key and reported, never dropped.
 */
export class JournalStore {
  private raw: unknown = Symbol('not loaded');
  private rawSynced: unknown;
  private current: Journal | undefined;
  private readonly listeners = new Set<Listener>();
  private queue: Promise<unknown> = Promise.resolve();
  /** The last journal this window wrote, until the stored journal is seen to contain it. */
  private unconfirmed: Journal | undefined;

  constructor(
    private readonly memento: MementoLike,
    private readonly clock: Clock,
    private readonly report: (problem: string) => void,
    /** Tells other windows that the journal changed (see changeSignal.ts). */
    private readonly signal: () => void = () => undefined,
  ) {}

  /** The journal as stored now. Cheap when nothing changed: the parsed value is cached by identity. */
  get journal(): Journal {
    const raw = this.memento.get(JOURNAL_KEY);
    const synced = this.memento.get(SYNCED_KEY);
    if (raw !== this.raw || synced !== this.rawSynced || !this.current) {
      this.read(raw);
      this.rawSynced = synced;
      this.current = withSynced(this.current as Journal, synced);
    }
    return this.current;
  }

  /**
   * Looks for a change another window stored: tells listeners, and if that write replaced something
   * this window wrote, writes the merge of both.
   */
  refresh(): void {
    const before = this.current;
    const after = this.journal;
    if (before === after) return;
    if (this.unconfirmed) void this.update((journal) => ({ journal, result: undefined }));
    this.emit(after);
  }

  onDidChange(listener: Listener): DisposableLike {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Applies a pure change to the latest journal and persists it; changes run one at a time. */
  update<T>(change: Change<T>): Promise<T> {
    const run = this.queue.then(async () => {
      const stored = this.journal;
      const base = this.reconcile(stored);
      const { journal, result } = change(base);
      if (journal !== stored) {
        await this.memento.update(JOURNAL_KEY, journal);
        this.raw = this.memento.get(JOURNAL_KEY);
        if (syncedChanged(stored, journal) || this.rawSynced === undefined) {
          await this.memento.update(SYNCED_KEY, syncedPart(journal));
          this.rawSynced = this.memento.get(SYNCED_KEY);
        }
        this.current = journal;
        this.unconfirmed = journal;
        this.emit(journal);
        this.signal();
      }
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves when every change started so far has been written. */
  whenIdle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  /** Shorthand for a change with no result. */
  apply(change: (journal: Journal) => Journal): Promise<void> {
    return this.update((journal) => ({ journal: change(journal), result: undefined }));
  }

  /** The stored journal plus anything this window wrote that another window's write replaced. */
  private reconcile(stored: Journal): Journal {
    const mine = this.unconfirmed;
    if (!mine || mine === stored) return stored;
    const merged = mergeJournals(stored, mine);
    if (sameContent(merged, stored)) {
      this.unconfirmed = undefined;
      return stored;
    }
    return merged;
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
