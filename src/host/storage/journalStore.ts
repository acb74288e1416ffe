import type { Journal } from '../../core/schema';
import { describeIssues, emptyJournal, journalSchema, SCHEMA_VERSION } from '../../core/schema';
import { activeSession, SessionError } from '../../core/session';
import { mergeJournals, mergeSessions } from '../../core/merge';
import { missingFromStored, reconcile } from '../../core/reconcile';
import { loadJournal } from '../../core/persisted';
import { readSynced, syncedChanged, syncedPart, withoutSynced, withSynced } from '../../core/synced';
import { combineHistory, monthOf, splitArchivable } from '../../core/archive';
import { DAY } from '../../core/time';
import type { Clock } from '../../core/clock';
import type { Archive } from './archive';
import { listFailed } from './archive';
import type { ArchiveAggregates } from './archiveSums';
import type { DisposableLike, MementoLike } from '../platform/mementoLike';
import { Listeners } from '../platform/listeners';
import { t } from '../../core/l10n';
import { newId } from '../../core/ids';
import { compareMarks, laterMark, markTime, nextMark } from '../../core/eraseMark';

export const JOURNAL_KEY = 'journal';
export const RECOVERY_PREFIX = 'recovery.';
/** The key Settings Sync carries (see core/synced.ts). */
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

type Listener = (journal: Journal) => void;

type Change<T> = (journal: Journal) => { journal: Journal; result: T };

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
 * - the journal only grows, so copies merge without loss (core/merge.ts);
 * - when another window's write replaces what a window knew (it may have written from a stale
 *   view), the window writes the merge of both, so the stored journal converges to the union.
 * What cannot be read is kept aside under a recovery key and reported, never dropped.
 *
 * Closed history (ended sessions; old ratings, reflections and encouragement) moves to the archive on the way to
 * being written, so globalState holds only the live journal and a write costs the same in year five
 * as on day one. `live` is what changes work on; `history()` is everything, for reading.
 */
export class JournalStore {
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
  /** Work a read found (an erase to restore, archive files to remove, a part to set aside); done by `refresh` or the next change. */
  #restoreDue = false;
  #removeAddedDue = false;
  #rejected: { key: string; problem: string; data: unknown } | undefined;
  /** Counts what reads found to write, so a merge written meanwhile is followed by another. */
  #noticed = 0;
  /** Where what this window knew was kept aside when it could not be combined with the stored journal. */
  #aside: { key: string; data: Journal } | undefined;
  #restoring = false;
  /** A restore that writes even over a value with this window's mark (after adopting another window's erase). */
  #confirmErase = false;
  #current: Journal | undefined;
  readonly #listeners = new Listeners<[Journal]>();
  #queue: Promise<unknown> = Promise.resolve();
  /** What this window knew before another window's write replaced it, until reconciled. */
  #known: Journal | undefined;
  #combined: { live: Journal; archived: Journal; journal: Journal } | undefined;
  #compactedFor: string | undefined;
  /** The journal listeners were last told about. */
  #announced: Journal | undefined;
  #reconciling = false;
  /** Set while the stored journal comes from a newer version (the message that says so). */
  #newer: string | undefined;
  /** Problems said once (until they go away, for the archive's), not at every write or view. */
  readonly #reported = new Set<string>();
  readonly #signal: () => void;
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
    this.#signal = options.signal ?? (() => undefined);
    this.#archive = options.archive;
  }

  /**
   * The live journal as stored now: running sessions, domains, cues, models, encouragements and
   * recent ratings and reflections. Cheap when nothing changed: the parsed value is cached by identity.
   * Reading writes nothing: what a read finds to write (a merge, an erase to restore, a part to set
   * aside) is written by the next `refresh` or change.
   */
  get live(): Journal {
    const raw = this.#memento.get(JOURNAL_KEY);
    const synced = this.#memento.get(SYNCED_KEY);
    const erased = this.#memento.get(ERASED_KEY);
    const elsewhere = this.#memento.get(ERASED_ELSEWHERE_KEY);
    if (raw !== this.#raw || synced !== this.#rawSynced || erased !== this.#rawErased || elsewhere !== this.#rawElsewhere || !this.#current) {
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
      this.#read(raw);
      this.#rawSynced = synced;
      const carried = readSynced(synced);
      const known = this.#mark();
      // The user deleted everything on another machine (Settings Sync brought its mark, or another window
      // of this machine took it in): what this window knew of the synced part goes, not to be written back.
      const adopted = laterMark(carried?.erased, elsewhere);
      if (compareMarks(adopted, known) > 0) {
        this.#elsewhere = adopted;
        if (previous) previous = withoutSynced(previous);
        if (this.#known) this.#known = withoutSynced(this.#known);
      }
      let journal = this.#current as Journal;
      // Stored without that mark (before the erase reached this machine, or by a window that had not
      // taken it in): its synced part is from before the erase.
      if (compareMarks(laterMark(erased, elsewhere), this.#mark()) < 0) {
        journal = withoutSynced(journal);
        this.#unsave();
      }
      // A synced value written before an erase this machine knows is ignored, and answered with this
      // machine's value, so Settings Sync carries the erase on.
      if (carried && compareMarks(carried.erased, this.#mark()) < 0) this.#unsave();
      const read = withSynced(journal, synced, this.#mark());
      this.#current = this.#withArchivedEnds(read);
      if (previous && previous !== this.#current) this.#remember(previous);
      // A stale copy brought back a session the archive holds as ended: it is written ended again.
      else if (this.#current !== read && !this.#newer) this.#remember(read);
    }
    // What a window first reads is where it starts, not a change to announce.
    this.#announced ??= this.#current;
    return this.#current;
  }

  /** The latest erase mark this window knows: one made on this machine, or one taken in from Settings Sync. */
  #mark(): unknown {
    return laterMark(this.#erased, this.#elsewhere);
  }

  #unsave(): void {
    if (!this.#unsaved) this.#noticed++;
    this.#unsaved = true;
  }

  /**
   * Another window's write replaced the journal this window knew. A window may write from a stale
   * view, so whatever this window knew and the new value lacks is written back (the merge of both)
   * at the next refresh or change. Whoever reads first (a refresh, the status bar's tick) notices.
   */
  #remember(previous: Journal): void {
    this.#known = this.#known ? mergeJournals(this.#known, previous) : previous;
    this.#noticed++;
  }

  /** Does what reads found to do: written from here (a refresh, a change), so that reading never writes. */
  #settle(merge = true): void {
    if (this.#removeAddedDue) {
      this.#removeAddedDue = false;
      void this.#archive?.removeAdded();
    }
    if (this.#restoreDue) {
      this.#restoreDue = false;
      this.#restoreErase();
    }
    // What could not be combined (kept aside) is tried again at the next change, not at every read.
    const toMerge = this.#known !== undefined && this.#known !== this.#aside?.data;
    if (merge && !this.#newer && (toMerge || this.#unsaved || this.#rejected)) this.#writeMerge();
  }

  #writeMerge(): void {
    if (this.#reconciling) return;
    this.#reconciling = true;
    const noticed = this.#noticed;
    void this.apply((journal) => journal).then(
      () => {
        this.#reconciling = false;
        // A replacement noticed while that merge was written is merged now, not at some later read.
        // (What could not be combined waits for the next change: no retry loop.)
        if (this.#noticed !== noticed) this.#settle();
      },
      (error: unknown) => {
        this.#reconciling = false;
        this.#reportError(error);
      },
    );
  }

  /** Looks for a change another window stored and tells listeners about it. */
  refresh(): void {
    const after = this.live;
    if (after !== this.#announced) this.#emit(after);
    this.#settle();
  }

  onDidChange(listener: Listener): DisposableLike {
    return this.#listeners.add(listener);
  }

  /** Applies a pure change to the latest journal and persists it; changes run one at a time. */
  update<T>(change: Change<T>): Promise<T> {
    const run = this.#queue.then(async () => {
      const stored = this.live;
      // This change writes what the read found; an erase to restore or files to remove are done beside it.
      this.#settle(false);
      const erasedAtStart = this.#erased;
      // A journal from a newer version is never replaced: this version works read-only beside it.
      if (this.#newer) throw new SessionError(this.#newer);
      await this.#keepRejected();
      // What this window knew stays known until the merge is stored: a refused change, a merge that
      // cannot be read back or an erase meanwhile leaves it for the next change.
      const mine = this.#known;
      const merged = this.#withArchivedEnds(await this.#reconcile(stored, mine));
      const base = mine && merged !== stored ? await this.#readableMerge(merged, mine, stored) : merged;
      const { journal: changed, result } = change(base);
      if (changed !== stored) refuseUnreadable(changed);
      const journal = await this.#archiveClosed(changed);
      // Everything was erased in another window while this change was made (read meanwhile, or not
      // yet): it was made on what is gone, and is not stored.
      if (this.#erased !== erasedAtStart || compareMarks(this.#memento.get(ERASED_KEY), this.#erased) > 0) {
        this.refresh();
        throw new SessionError(t('Everything was deleted in another window while this change was being saved, so it was not saved.'));
      }
      if (journal !== stored || this.#unsaved) {
        const adopting = compareMarks(this.#elsewhere, this.#memento.get(ERASED_ELSEWHERE_KEY)) > 0;
        const held = await this.#write(journal, syncedChanged(stored, journal) || this.#rawSynced === undefined || this.#unsaved);
        if (base === merged) await this.#settleKnown(mine);
        this.#current = journal;
        this.#emit(journal);
        this.#signal();
        if (adopting) this.#report(t('All Small Wins data was deleted on another machine. The domains, saved cues and models that Settings Sync shares were removed here too; sessions, ratings and reflections on this machine were kept.'));
        if (!held) {
          this.#remember(journal);
          this.#writeMerge();
        }
        await this.#purgeArchive(stored, journal);
      } else if (base === merged) await this.#settleKnown(mine);
      return result;
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /**
   * The stored journal combined with what this window knew, when it can be read back; otherwise what
   * this window knew is kept aside (listed for the user, never dropped), the change is made on the
   * stored journal alone, and combining is tried again at the next change.
   */
  async #readableMerge(merged: Journal, mine: Journal, stored: Journal): Promise<Journal> {
    const check = journalSchema.safeParse(merged);
    if (check.success) return merged;
    const problem = describeIssues(check.error);
    const first = !this.#aside;
    if (this.#aside?.data !== mine) {
      const key = this.#aside?.key ?? this.#freeRecoveryKey();
      await this.#memento.update(key, { problem: t('What this window knew could not be combined with the stored journal ({0}).', problem), at: this.#clock(), data: mine });
      this.#aside = { key, data: mine };
    }
    if (first) {
      this.#report(t('Small Wins could not combine what this window knew with changes saved in another window, because the result could not be read back ({0}). What this window knew is kept aside under "{1}", so nothing is lost, and combining is tried again at your next change.', problem, this.#aside.key));
    }
    return this.#withArchivedEnds(stored);
  }

  /** What this window knew is in the stored journal now: no longer kept to merge, nor kept aside. */
  async #settleKnown(mine: Journal | undefined): Promise<void> {
    if (mine && this.#known === mine) this.#known = undefined;
    const aside = this.#aside;
    this.#aside = undefined;
    if (aside) await this.#memento.update(aside.key, undefined);
  }

  #freeRecoveryKey(): string {
    const taken = new Set(this.recoveryKeys());
    let at = this.#clock();
    while (taken.has(`${RECOVERY_PREFIX}${at}`)) at++;
    return `${RECOVERY_PREFIX}${at}`;
  }

  /**
   * Writes the journal (and what Settings Sync carries) and says whether the memento still holds it.
   * VS Code keeps an extension's globalState as one object: a value delivered between an update and
   * its flush (another window's write) replaces that object, and the flush then stores that value
   * instead, while the update still resolves. Both keys go in one flush, and what the memento holds
   * afterwards is compared with what was written. When it differs, `#raw` keeps what was written, so
   * the next read sees the replacement as another window's write and the merge is written (#remember).
   */
  async #write(journal: Journal, withSynced: boolean): Promise<boolean> {
    const pending = [this.#memento.update(JOURNAL_KEY, journal)];
    if (withSynced) pending.push(this.#memento.update(SYNCED_KEY, syncedPart(journal, this.#mark())));
    // The journal goes with the mark this window knows: one that arrived while the change was being
    // made is not stored over a journal from before it (other windows then restore the erase).
    if (this.#erased !== undefined || this.#memento.get(ERASED_KEY) !== undefined) pending.push(this.#memento.update(ERASED_KEY, this.#erased));
    if (this.#elsewhere !== undefined || this.#memento.get(ERASED_ELSEWHERE_KEY) !== undefined) pending.push(this.#memento.update(ERASED_ELSEWHERE_KEY, this.#elsewhere));
    this.#unsaved = false;
    const written = this.#memento.get(JOURNAL_KEY);
    const writtenSynced = this.#memento.get(SYNCED_KEY);
    await Promise.all(pending);
    // What VS Code hands back is its echo of the write: another object with the same content.
    const held = this.#memento.get(JOURNAL_KEY);
    const heldSynced = this.#memento.get(SYNCED_KEY);
    const kept = sameValue(held, written);
    this.#raw = kept ? held : written;
    this.#rawSynced = sameValue(heldSynced, writtenSynced) ? heldSynced : writtenSynced;
    this.#rawErased = this.#erased;
    this.#rawElsewhere = this.#elsewhere;
    return kept;
  }

  /** Writes this window's journal again with its erase mark, over a value stored without it (see `live`). */
  #restoreErase(confirm = false): void {
    this.#confirmErase ||= confirm;
    if (this.#restoring) return;
    this.#restoring = true;
    const run = this.#queue.then(async () => {
      const order = compareMarks(this.#memento.get(ERASED_KEY), this.#erased);
      const confirming = this.#confirmErase;
      this.#confirmErase = false;
      // Unless someone restored it meanwhile, or erased again (read next), or this version may not write.
      if (this.#newer || order > 0 || (order === 0 && !confirming)) {
        this.refresh();
        return;
      }
      // What was set aside before the erase came back with the stale value: it goes again.
      const cleared = this.recoveryKeys()
        .filter((key) => Number(key.slice(RECOVERY_PREFIX.length)) < markTime(this.#erased))
        .map((key) => this.#memento.update(key, undefined));
      // Read again: a newer write with this mark may be held by now, and it is kept.
      const journal = this.live;
      const kept = await this.#write(journal, true);
      await Promise.all(cleared);
      this.#signal();
      if (!kept) {
        this.#remember(journal);
        this.#writeMerge();
      }
    });
    this.#queue = run.catch((error: unknown) => this.#reportError(error)).finally(() => (this.#restoring = false));
  }

  /** Resolves when every change started so far has been written. */
  whenIdle(): Promise<void> {
    return this.#queue.then(() => undefined);
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

  #reportError(error: unknown): void {
    this.#report(error instanceof Error ? error.message : String(error));
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
      // The sessions that ended lately, so a stale copy of one can be recognised (#withArchivedEnds).
      const now = this.#clock();
      await this.#archive.readRecent(monthOf(now - 31 * DAY)).catch(() => undefined);
      this.refresh();
    }
    await this.apply((journal) => journal);
    if (!this.#archive) return;
    this.#compact(monthOf(this.#clock()));
    await this.#archive.purge(purgeable(this.live));
  }

  /** Shorthand for a change with no result. */
  apply(change: (journal: Journal) => Journal): Promise<void> {
    return this.update((journal) => ({ journal: change(journal), result: undefined }));
  }

  /** Deleted text leaves the archive files too; the tombstones already hide it from every read. */
  async #purgeArchive(before: Journal, after: Journal): Promise<void> {
    if (!this.#archive || after.deleted === before.deleted) return;
    try {
      await this.#archive.purge(purgeable(after));
    } catch (error) {
      this.#report(purgeFailed(error));
    }
  }

  /**
   * Removes everything Small Wins stored on this machine: the journal, what Settings Sync carries,
   * what was set aside, and the archive files. Other windows see an empty journal.
   */
  erase(): Promise<void> {
    const run = this.#queue.then(async () => {
      // One write, so no window sees the journal gone without the mark that says it was erased.
      const erased = nextMark(this.#clock(), this.#mark(), newId());
      // Every key goes, also one an earlier version wrote (the focus record, now a file).
      const keys = new Set([JOURNAL_KEY, SYNCED_KEY, ...this.#memento.keys()]);
      keys.delete(ERASED_KEY);
      await Promise.all([...[...keys].map((key) => this.#memento.update(key, undefined)), this.#memento.update(ERASED_KEY, erased)]);
      await this.#archive?.erase();
      this.#forgetAll();
      this.#erased = erased;
      this.#elsewhere = undefined;
      this.#unsaved = false;
      this.#rejected = undefined;
      // What was written: if another window's value replaced it before it was stored, the next read
      // sees that value without the mark and writes the erase again.
      this.#raw = undefined;
      this.#rawSynced = undefined;
      this.#rawErased = erased;
      this.#rawElsewhere = undefined;
      this.#current = emptyJournal();
      this.#signal();
      this.refresh();
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Drops what this window knew of a journal that was erased. */
  #forgetAll(): void {
    this.#known = undefined;
    this.#aside = undefined;
    this.#combined = undefined;
    this.#newer = undefined;
  }

  /** Writes closed history to the archive and returns what stays live; on failure everything stays. */
  async #archiveClosed(journal: Journal): Promise<Journal> {
    const split = this.#archive && splitArchivable(journal, this.#clock());
    if (!split) return journal;
    try {
      await this.#archive?.add(split.moved);
      return split.live;
    } catch (error) {
      this.#reportOnce('archive', t('Small Wins could not write its archive ({0}). Old history stays in the journal; nothing is lost.', String(error)));
      return journal;
    }
  }

  /**
   * Ending is final: a session the archive holds as ended never runs again, whatever stale copy (a
   * window that wrote from an old view, a late echo of an earlier value) says. Only what the archive
   * already has in memory is consulted, so this costs no file access.
   */
  #withArchivedEnds(journal: Journal): Journal {
    const running = activeSession(journal);
    const ended = running && this.#archive?.known()?.sessions.find((s) => s.id === running.id && s.endedAt !== undefined);
    if (!running || !ended) return journal;
    return { ...journal, sessions: journal.sessions.map((s) => (s === running ? mergeSessions(ended, s) : s)) };
  }

  /** The stored journal plus anything this window knew that another window's write replaced (core/reconcile.ts). */
  async #reconcile(stored: Journal, mine: Journal | undefined): Promise<Journal> {
    if (!mine || mine === stored) return stored;
    // The archive is read only when something this window knew is missing from the stored journal.
    const archived = this.#archive && missingFromStored(stored, mine).size > 0 ? await this.#archive.journal() : undefined;
    return reconcile(stored, mine, archived);
  }

  recoveryKeys(): string[] {
    return this.#memento.keys().filter((k) => k.startsWith(RECOVERY_PREFIX));
  }

  /** What was set aside because it could not be read, newest first, for the user to export or discard. */
  setAside(): { key: string; problem: string; at: number; data: unknown }[] {
    return this.recoveryKeys()
      .map((key) => {
        const value = this.#memento.get(key) as { problem?: unknown; at?: unknown; data?: unknown } | undefined;
        return { key, problem: typeof value?.problem === 'string' ? value.problem : '', at: typeof value?.at === 'number' ? value.at : 0, data: value?.data };
      })
      .sort((a, b) => b.at - a.at);
  }

  async discardSetAside(key: string): Promise<void> {
    if (key.startsWith(RECOVERY_PREFIX)) await this.#memento.update(key, undefined);
  }

  #read(raw: unknown): void {
    const loaded = loadJournal(raw);
    this.#raw = raw;
    this.#current = loaded.journal;
    this.#newer = loaded.newer
      ? t('Your Small Wins journal was written by a newer version of Small Wins (format {0}; this version reads up to {1}). It is kept exactly as it is, and nothing can be saved until you update Small Wins.', loaded.newer.version, SCHEMA_VERSION)
      : undefined;
    if (this.#newer) this.#reportOnce('newer', this.#newer);
    // The unreadable part is kept aside first, then what could be read is stored (the next refresh or
    // change), so nothing is lost either way.
    if (loaded.rejected) {
      this.#rejected = { key: this.#freeRecoveryKey(), problem: loaded.rejected.problem, data: loaded.rejected.data };
      this.#unsave();
    }
  }

  /** Keeps aside what a read could not take in (see #read), and says so. */
  async #keepRejected(): Promise<void> {
    const rejected = this.#rejected;
    if (!rejected) return;
    this.#rejected = undefined;
    await this.#memento.update(rejected.key, { problem: rejected.problem, at: this.#clock(), data: rejected.data });
    this.#report(t('Small Wins could not read part of its stored journal ({0}). It was kept aside under "{1}"; everything else loaded.', rejected.problem, rejected.key));
  }

  #emit(journal: Journal): void {
    this.#announced = journal;
    this.#listeners.fire(journal);
  }
}

/**
 * Never write what cannot be read back: a journal the schema would set aside on the next read is
 * refused before anything (globalState or the archive) is written, with a message naming the field.
 */
function refuseUnreadable(journal: Journal): void {
  const check = journalSchema.safeParse(journal);
  if (!check.success) throw new SessionError(t('Small Wins did not save this change, because it could not be read back ({0}). Nothing was changed.', describeIssues(check.error)));
}

/** Two stored values with the same content; both are JSON copies, so their texts compare. */
function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The deleted records whose text leaves the archive files (a merged one lives on in the record it was merged into). */
function purgeable(journal: Journal): Set<string> {
  return new Set(journal.deleted.filter((d) => d.into === undefined).map((d) => d.id));
}

/** Deleted records stay hidden by their tombstones until a later purge removes their text from the files. */
function purgeFailed(error: unknown): string {
  return t('Small Wins could not remove deleted records from its archive files yet ({0}); they stay hidden and are removed next time.', String(error));
}
