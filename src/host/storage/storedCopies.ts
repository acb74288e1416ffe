import type { Journal } from '../../core/records/schema';
import { emptyJournal, SCHEMA_VERSION } from '../../core/records/schema';
import { activeSession } from '../../core/practices/session';
import { mergeJournals, mergeSessions } from '../../core/records/merge';
import { loadJournal } from '../../core/records/persisted';
import { readSynced, withoutSynced, withSynced } from '../../core/records/synced';
import { compareMarks, laterMark } from '../../core/records/eraseMark';
import type { Clock } from '../../core/clock';
import { t } from '../../core/l10n';
import type { Archive } from './archive';
import type { MementoLike } from '../platform/mementoLike';
import { freeRecoveryKey } from './recoveryKeys';
import type { SetAside } from './recoveryKeys';

/**
 * Reading the journal's copies (this window's, the stored one, what Settings Sync carried, the erase
 * marks) and deciding which to take is the subtle half of the store; it writes nothing, so a read can
 * happen anywhere (a view, the status bar's tick) without racing a write. What a read finds to write is
 * noted here and done by the writer (journalWriter.ts), the only place that writes.
 */

export const JOURNAL_KEY = 'journal';
/** The key Settings Sync carries (see core/records/synced.ts). */
export const SYNCED_KEY = 'synced';
/**
 * A new mark at each "Delete all my data" ("<time>:<random id>"), so other windows drop what they knew
 * instead of writing it back, and a value stored by a window that had not yet seen the erase (an
 * older mark, or none) is recognised as stale.
 */
export const ERASED_KEY = 'erased';
/**
 * The latest erase mark this machine took in from Settings Sync (the user deleted all their data on
 * another machine): what it had synced before is gone, and a synced value written before it is ignored.
 * Kept apart from ERASED_KEY, which makes every window drop everything it knew, local records too.
 */
export const ERASED_ELSEWHERE_KEY = 'erasedElsewhere';
/**
 * What this machine has read of the journal folder and which erase marks it has followed: kept by
 * an erase (so an erase of this machine alone does not read every other device's record back in).
 */
export const FOLDER_STATE_KEY = 'journalFolder';

/** Work a read found besides a merge, taken once by the writer. */
export interface Found {
  /** Archive files this window added after an erase elsewhere it had not seen yet. */
  removeAdded: boolean;
  /** An erase this window knows, to be written again over a value stored without it. */
  restore: boolean;
}

export interface CopiesOptions {
  archive: Archive | undefined;
  reportOnce: (kind: string, problem: string) => void;
  /** An erase dropped what this window knew: caches and what was kept aside for it go too. */
  forget: () => void;
}

export class StoredCopies {
  #raw: unknown = Symbol('not loaded');
  #rawSynced: unknown;
  /** The latest erase mark this window knows; `#rawErased` is the stored value last read. */
  #erased: unknown;
  #rawErased: unknown;
  /** The latest erase mark taken in from Settings Sync; `#rawElsewhere` is the stored value last read. */
  #elsewhere: unknown;
  #rawElsewhere: unknown;
  /** The live journal differs from what is stored (an erase made elsewhere, a synced value to answer): the next write stores it. */
  #unsaved = false;
  #restoreDue = false;
  #removeAddedDue = false;
  /** A part the last read could not take in, with the key the writer keeps it aside under. */
  #rejected: Omit<SetAside, 'at'> | undefined;
  /** Counts what reads found to write, so a merge written meanwhile is followed by another. */
  #noticed = 0;
  /** A restore that writes even over a value with this window's mark (after adopting another window's erase). */
  #confirmErase = false;
  #current: Journal | undefined;
  /** What this window knew before another window's write replaced it, until reconciled. */
  #known: Journal | undefined;
  /** Set while the stored journal comes from a newer version (the message that says so). */
  #newer: string | undefined;

  readonly #memento: MementoLike;
  readonly #clock: Clock;
  readonly #options: CopiesOptions;

  constructor(memento: MementoLike, clock: Clock, options: CopiesOptions) {
    this.#memento = memento;
    this.#clock = clock;
    this.#options = options;
  }

  /** The live journal as stored now (see JournalStore.live); cached by the identity of what was read. */
  read(): Journal {
    const raw = this.#memento.get(JOURNAL_KEY);
    const synced = this.#memento.get(SYNCED_KEY);
    const erased = this.#memento.get(ERASED_KEY);
    const elsewhere = this.#memento.get(ERASED_ELSEWHERE_KEY);
    if (raw === this.#raw && synced === this.#rawSynced && erased === this.#rawErased && elsewhere === this.#rawElsewhere && this.#current) return this.#current;
    this.#rawErased = erased;
    this.#rawElsewhere = elsewhere;
    const order = compareMarks(erased, this.#erased);
    if (order < 0 && this.#current) {
      // Stored by a window that had not yet seen an erase this window knows of: not taken; this
      // window's journal is written again, with the mark (at the next refresh or change).
      this.#raw = raw;
      this.#rawSynced = synced;
      this.#restoreDue = true;
      return this.#current;
    }
    let previous = this.#current;
    if (order > 0) {
      // Everything was deleted in another window since this one read: what it knew is gone, not to
      // be written back, and so is what it archived since without knowing.
      this.#erased = erased;
      if (previous) {
        this.#forgetAll();
        previous = undefined;
        this.#removeAddedDue = true;
        // This window may have stored a stale value after the erase, and the window that erased may
        // close before it sees it: the erased journal is written once more from here.
        this.#restoreDue = true;
        this.#confirmErase = true;
      }
    }
    this.#load(raw);
    this.#rawSynced = synced;
    const carried = readSynced(synced);
    const known = this.mark;
    // The user deleted everything on another machine (Settings Sync brought its mark, or another window
    // of this machine took it in): what this window knew of the synced part goes, not to be written back.
    const adopted = laterMark(carried?.erased, elsewhere);
    if (compareMarks(adopted, known) > 0) {
      this.#elsewhere = adopted;
      if (previous) previous = withoutSynced(previous, adopted);
      if (this.#known) this.#known = withoutSynced(this.#known, adopted);
    }
    let journal = this.#current as Journal;
    // Stored without that mark (before the erase reached this machine, or by a window that had not
    // taken it in): its synced part is from before the erase.
    if (compareMarks(laterMark(erased, elsewhere), this.mark) < 0) {
      journal = withoutSynced(journal, this.mark);
      this.#unsave();
    }
    // A synced value written before an erase this machine knows is ignored, and answered with this
    // machine's value, so Settings Sync carries the erase on.
    if (carried && compareMarks(carried.erased, this.mark) < 0) this.#unsave();
    const read = withSynced(journal, synced, this.mark);
    this.#current = this.withArchivedEnds(read);
    if (previous && previous !== this.#current) this.remember(previous);
    // A stale copy brought back a session the archive holds as ended: it is written ended again.
    else if (this.#current !== read && !this.#newer) this.remember(read);
    return this.#current;
  }

  /** The latest erase mark this window knows: one made on this machine, or one taken in from Settings Sync. */
  get mark(): unknown {
    return laterMark(this.#erased, this.#elsewhere);
  }

  get erased(): unknown {
    return this.#erased;
  }

  get elsewhere(): unknown {
    return this.#elsewhere;
  }

  get newer(): string | undefined {
    return this.#newer;
  }

  get known(): Journal | undefined {
    return this.#known;
  }

  get unsaved(): boolean {
    return this.#unsaved;
  }

  get noticed(): number {
    return this.#noticed;
  }

  /** Nothing Settings Sync carries has been read or written by this window yet. */
  get syncedUnread(): boolean {
    return this.#rawSynced === undefined;
  }

  get rejected(): Omit<SetAside, 'at'> | undefined {
    return this.#rejected;
  }

  /**
   * Another window's write replaced the journal this window knew. A window may write from a stale
   * view, so whatever this window knew and the new value lacks is written back (the merge of both)
   * at the next refresh or change. Whoever reads first (a refresh, the status bar's tick) notices.
   */
  remember(previous: Journal): void {
    this.#known = this.#known ? mergeJournals(this.#known, previous) : previous;
    this.#noticed++;
  }

  takeFound(): Found {
    const found = { removeAdded: this.#removeAddedDue, restore: this.#restoreDue };
    this.#removeAddedDue = false;
    this.#restoreDue = false;
    return found;
  }

  takeConfirmErase(): boolean {
    const confirm = this.#confirmErase;
    this.#confirmErase = false;
    return confirm;
  }

  takeRejected(): Omit<SetAside, 'at'> | undefined {
    const rejected = this.#rejected;
    this.#rejected = undefined;
    return rejected;
  }

  /** What this window knew is in the stored journal now, unless more was remembered meanwhile. */
  settled(mine: Journal | undefined): void {
    if (mine && this.#known === mine) this.#known = undefined;
  }

  /** A change is being written: what reads found unsaved goes with it. */
  saving(): void {
    this.#unsaved = false;
  }

  /**
   * What the writer stored (or the memento's echo of it), so the next read takes only another window's
   * write as news. The marks are this window's, as the writer stores them with every journal.
   */
  stored(raw: unknown, rawSynced: unknown): void {
    this.#raw = raw;
    this.#rawSynced = rawSynced;
    this.#rawErased = this.#erased;
    this.#rawElsewhere = this.#elsewhere;
  }

  changed(journal: Journal): void {
    this.#current = journal;
  }

  /** This window erased everything: it knows nothing but the new mark, as if it had read the erase. */
  erasedHere(mark: unknown): void {
    this.#forgetAll();
    this.#erased = mark;
    this.#elsewhere = undefined;
    this.#unsaved = false;
    this.#rejected = undefined;
    // What was written: if another window's value replaced it before it was stored, the next read
    // sees that value without the mark and writes the erase again.
    this.#raw = undefined;
    this.#rawSynced = undefined;
    this.#rawErased = mark;
    this.#rawElsewhere = undefined;
    this.#current = emptyJournal();
  }

  /**
   * Ending is final: a session the archive holds as ended never runs again, whatever stale copy (a
   * window that wrote from an old view, a late echo of an earlier value) says. Only what the archive
   * already has in memory is consulted, so this costs no file access.
   */
  withArchivedEnds(journal: Journal): Journal {
    const running = activeSession(journal);
    const ended = running && this.#options.archive?.known()?.sessions.find((s) => s.id === running.id && s.endedAt !== undefined);
    if (!running || !ended) return journal;
    return { ...journal, sessions: journal.sessions.map((s) => (s === running ? mergeSessions(ended, s) : s)) };
  }

  #unsave(): void {
    if (!this.#unsaved) this.#noticed++;
    this.#unsaved = true;
  }

  /** Drops what this window knew of a journal that was erased. */
  #forgetAll(): void {
    this.#known = undefined;
    this.#newer = undefined;
    this.#options.forget();
  }

  #load(raw: unknown): void {
    const loaded = loadJournal(raw);
    this.#raw = raw;
    this.#current = loaded.journal;
    this.#newer = loaded.newer
      ? t('Your Small Wins journal was written by a newer version of Small Wins (format {0}; this version reads up to {1}). It is kept exactly as it is, and nothing can be saved until you update Small Wins.', loaded.newer.version, SCHEMA_VERSION)
      : undefined;
    if (this.#newer) this.#options.reportOnce('newer', this.#newer);
    // The unreadable part is kept aside first, then what could be read is stored (the next refresh or
    // change), so nothing is lost either way.
    if (loaded.rejected) {
      this.#rejected = { key: freeRecoveryKey(this.#memento, this.#clock()), problem: loaded.rejected.problem, data: loaded.rejected.data };
      this.#unsave();
    }
  }
}
