import type { Journal } from '../../core/records/schema';
import { combineHistory, monthOf, purgeable } from '../../core/records/archive';
import { DAY } from '../../core/time';
import type { Clock } from '../../core/clock';
import type { Archive } from './archive';
import { listFailed, purgeFailed } from './archive';
import type { ArchiveAggregates } from './archiveSums';
import type { DisposableLike, MementoLike } from '../platform/mementoLike';
import { Listeners } from '../platform/listeners';
import { t } from '../../core/l10n';
import { StoredCopies } from './storedCopies';
import type { Change, ChangeOrigin } from './journalWriter';
import { JournalWriter } from './journalWriter';
import type { SetAside } from './recoveryKeys';
import { discardSetAside, listSetAside, recoveryKeys } from './recoveryKeys';

export { ERASED_ELSEWHERE_KEY, ERASED_KEY, JOURNAL_KEY, SYNCED_KEY } from './storedCopies';
export { RECOVERY_PREFIX } from './recoveryKeys';

type Listener = (journal: Journal) => void;

export interface StoreOptions {
  /** Tells other windows that the journal changed (see changeSignal.ts). */
  signal?: () => void;
  /** Where closed history goes; without one the whole journal stays in globalState. */
  archive?: Archive;
}

/**
 * The journal in globalState, shared by every window. globalState is one blob per extension and the
 * last writer wins, so two windows writing at once could undo each other. They cannot lose data:
 * - every change starts from the latest stored journal and is written at once;
 * - the journal only grows, so copies merge without loss (core/records/merge.ts);
 * - when another window's write replaces what a window knew (it may have written from a stale
 *   view), the window writes the merge of both, so the stored journal converges to the union.
 * What cannot be read is kept aside under a recovery key and reported, never dropped.
 *
 * Closed history (ended sessions; old ratings, reflections and encouragement) moves to the archive on the way to
 * being written, so globalState holds only the live journal and a write costs the same in year five
 * as on day one. `live` is what changes work on; `history()` is everything, for reading.
 *
 * This class is the one face callers see; reading the copies (storedCopies.ts) and writing them
 * (journalWriter.ts) are separate pieces behind it, so that reading provably never writes.
 */
export class JournalStore {
  readonly #copies: StoredCopies;
  readonly #writer: JournalWriter;
  readonly #listeners = new Listeners<[Journal]>();
  readonly #writes = new Listeners<[Journal, Journal, ChangeOrigin]>();
  #combined: { live: Journal; archived: Journal; journal: Journal } | undefined;
  #compactedFor: string | undefined;
  /** The journal listeners were last told about. */
  #announced: Journal | undefined;
  /** Problems said once (until they go away, for the archive's), not at every write or view. */
  readonly #reported = new Set<string>();
  readonly #archive: Archive | undefined;

  readonly #memento: MementoLike;
  readonly #clock: Clock;
  readonly #report: (problem: string) => void;

  constructor(
    memento: MementoLike,
    clock: Clock,
    report: (problem: string) => void,
    options: StoreOptions = {},
  ) {
    this.#memento = memento;
    this.#clock = clock;
    this.#report = report;
    this.#archive = options.archive;
    const reportOnce = (kind: string, problem: string): void => this.#reportOnce(kind, problem);
    this.#copies = new StoredCopies(memento, clock, {
      archive: options.archive,
      reportOnce,
      forget: () => {
        this.#writer.forgetAside();
        this.#combined = undefined;
      },
    });
    this.#writer = new JournalWriter(
      memento,
      clock,
      this.#copies,
      { signal: options.signal ?? (() => undefined), archive: options.archive, report, reportOnce, written: (before, after, origin) => this.#writes.fire(before, after, origin) },
      { live: () => this.live, refresh: () => this.refresh(), emit: (journal) => this.#emit(journal) },
    );
  }

  /**
   * The live journal as stored now: running sessions, domains, cues, models, encouragements and
   * recent ratings and reflections. Cheap when nothing changed: the parsed value is cached by identity.
   * Reading writes nothing: what a read finds to write (a merge, an erase to restore, a part to set
   * aside) is written by the next `refresh` or change.
   */
  get live(): Journal {
    const journal = this.#copies.read();
    // What a window first reads is where it starts, not a change to announce.
    this.#announced ??= journal;
    return journal;
  }

  /** Looks for a change another window stored and tells listeners about it. */
  refresh(): void {
    const after = this.live;
    if (after !== this.#announced) this.#emit(after);
    this.#writer.settle();
  }

  onDidChange(listener: Listener): DisposableLike {
    return this.#listeners.add(listener);
  }

  /** Each change this window wrote: the journal before it, as changed (before closed history left for the archive), and who made it. */
  onDidWrite(listener: (before: Journal, after: Journal, origin: ChangeOrigin) => void): DisposableLike {
    return this.#writes.add(listener);
  }

  /** Applies a pure change to the latest journal and persists it; changes run one at a time. */
  update<T>(change: Change<T>): Promise<T> {
    return this.#writer.update(change);
  }

  /** Resolves when every change started so far has been written. */
  whenIdle(): Promise<void> {
    return this.#writer.whenIdle();
  }

  /** Everything: the archive and the live journal. Reads the archive files the first time. */
  async history(): Promise<Journal> {
    if (!this.#archive) return this.live;
    const archived = await this.#archive.journal();
    // Read after the archive, so a change written meanwhile is in the result.
    const live = this.live;
    this.#compactOnceAMonth();
    if (this.#combined?.live !== live || this.#combined.archived !== archived) {
      this.#combined = { live, archived, journal: combineHistory(archived, live) };
    }
    return this.#combined.journal;
  }

  /** Each month's files are merged into one file (archive.ts compact): at a window's start, and once a month on a full read. */
  #compactOnceAMonth(): void {
    const month = monthOf(this.#clock());
    if (!this.#archive || this.#compactedFor === month) return;
    this.#compact(month);
  }

  #compact(month: string): void {
    this.#compactedFor = month;
    void this.#archive?.compact(month).catch((error: unknown) => this.#report(t('Small Wins could not tidy its archive ({0}); nothing is lost.', String(error))));
  }

  /**
   * For views that must not read the whole history (host/storage/views.ts): the live journal, the
   * archive's aggregates, and a reader of chosen months' records; undefined without an archive, or
   * when the archive cannot be listed now (said once; the views then show the live journal, and the
   * action that asked goes on). Deletions not yet removed from the archive files are removed first,
   * so every aggregate is of records that are still there.
   */
  async archiveView(): Promise<{ live: Journal; aggregates: ArchiveAggregates; months: (names: Iterable<string>) => Promise<Journal> } | undefined> {
    const archive = this.#archive;
    if (!archive) return undefined;
    let aggregates: ArchiveAggregates;
    let purged = true;
    try {
      aggregates = await archive.view(purgeable(this.live), (error) => {
        purged = false;
        this.#reportOnce('purge', purgeFailed(error));
      });
    } catch (error) {
      this.#reportOnce('list', listFailed(error));
      return undefined;
    }
    this.#reported.delete('list');
    if (purged) this.#reported.delete('purge');
    // Read after the archive, as history() does, so a change written meanwhile is in the result.
    return { live: this.live, aggregates, months: (names) => archive.months(names) };
  }

  #reportOnce(kind: string, problem: string): void {
    if (this.#reported.has(kind)) return;
    this.#reported.add(kind);
    this.#report(problem);
  }

  /**
   * Moves closed history out of the live journal (e.g. one written before there was an archive), and
   * finishes removing deleted records from archive files if an earlier attempt did not.
   */
  async tidy(): Promise<void> {
    if (this.#archive) {
      // The sessions that ended lately, so a stale copy of one can be recognised (StoredCopies.withArchivedEnds).
      const now = this.#clock();
      await this.#archive.readRecent(monthOf(now - 31 * DAY)).catch(() => undefined);
      this.refresh();
    }
    await this.apply((journal) => journal);
    if (!this.#archive) return;
    this.#compact(monthOf(this.#clock()));
    await this.#archive.purge(purgeable(this.live));
  }

  /** Shorthand for a change with no result; the journal folder's own changes say so, so they are not written back to it. */
  apply(change: (journal: Journal) => Journal, origin?: ChangeOrigin): Promise<void> {
    return this.#writer.apply(change, origin);
  }

  /**
   * Removes everything Small Wins stored on this machine: the journal, what Settings Sync carries,
   * what was set aside, and the archive files. Other windows see an empty journal.
   */
  erase(): Promise<void> {
    return this.#writer.erase();
  }

  recoveryKeys(): string[] {
    return recoveryKeys(this.#memento);
  }

  /** What was set aside because it could not be read, newest first, for the user to export or discard. */
  setAside(): SetAside[] {
    return listSetAside(this.#memento);
  }

  async discardSetAside(key: string): Promise<void> {
    await discardSetAside(this.#memento, key);
  }

  #emit(journal: Journal): void {
    this.#announced = journal;
    this.#listeners.fire(journal);
  }
}
