import { DEVICE_KEY } from './deviceId';
import type { Journal } from '../../core/records/schema';
import { describeIssues, journalSchema } from '../../core/records/schema';
import { SessionError } from '../../core/practices/session';
import { missingFromStored, reconcile } from '../../core/records/reconcile';
import { syncedChanged, syncedPart } from '../../core/records/synced';
import { purgeable, splitArchivable } from '../../core/records/archive';
import type { Clock } from '../../core/clock';
import { t } from '../../core/l10n';
import { newId } from '../../core/ids';
import { compareMarks, markTime, nextMark } from '../../core/records/eraseMark';
import type { Archive } from './archive';
import { purgeFailed } from './archive';
import type { MementoLike } from '../platform/mementoLike';
import { ERASED_ELSEWHERE_KEY, ERASED_KEY, FOLDER_STATE_KEY, JOURNAL_KEY, SYNCED_KEY } from './storedCopies';
import type { StoredCopies } from './storedCopies';
import { freeRecoveryKey, keepAside, RECOVERY_PREFIX, recoveryKeys, redactSetAside } from './recoveryKeys';
import { errorText } from '../../core/text';

/**
 * Every write to the journal's keys goes through one queue here, so changes run one at a time, each
 * on the latest stored journal, and what reads found to write (storedCopies.ts) is written by the
 * same path as a change. Closed history leaves for the archive on the way, and what cannot be
 * combined is kept aside rather than lost.
 */

export type Change<T> = (journal: Journal) => { journal: Journal; result: T };

/** What the writer needs of the store around it: its reads announce, and a write is announced. */
export interface WriterHooks {
  live: () => Journal;
  refresh: () => void;
  emit: (journal: Journal) => void;
}

/** Who made a change: this window's user, or the journal folder bringing in other devices' changes. */
export type ChangeOrigin = 'here' | 'folder';

export interface WriterOptions {
  signal: () => void;
  /** Each change this window wrote: the journal before it and as changed (before closed history left for the archive). */
  written?: (before: Journal, after: Journal, origin: ChangeOrigin) => void;
  archive: Archive | undefined;
  report: (problem: string) => void;
  reportOnce: (kind: string, problem: string) => void;
}

export class JournalWriter {
  #queue: Promise<unknown> = Promise.resolve();
  #restoring = false;
  #reconciling = false;
  /** Where what this window knew was kept aside when it could not be combined with the stored journal. */
  #aside: { key: string; data: Journal } | undefined;

  readonly #memento: MementoLike;
  readonly #clock: Clock;
  readonly #copies: StoredCopies;
  readonly #options: WriterOptions;
  readonly #hooks: WriterHooks;

  constructor(memento: MementoLike, clock: Clock, copies: StoredCopies, options: WriterOptions, hooks: WriterHooks) {
    this.#memento = memento;
    this.#clock = clock;
    this.#copies = copies;
    this.#options = options;
    this.#hooks = hooks;
  }

  /** An erase made what was kept aside part of what is gone. */
  forgetAside(): void {
    this.#aside = undefined;
  }

  /** Does what reads found to do: written from here (a refresh, a change), so that reading never writes. */
  settle(merge = true): void {
    const found = this.#copies.takeFound();
    if (found.removeAdded) void this.#options.archive?.removeAdded();
    if (found.restore) this.#restoreErase();
    // What could not be combined (kept aside) is tried again at the next change, not at every read.
    const known = this.#copies.known;
    const toMerge = known !== undefined && known !== this.#aside?.data;
    if (merge && !this.#copies.newer && (toMerge || this.#copies.unsaved || this.#copies.rejected)) this.#writeMerge();
  }

  #writeMerge(): void {
    if (this.#reconciling) return;
    this.#reconciling = true;
    const noticed = this.#copies.noticed;
    void this.apply((journal) => journal).then(
      () => {
        this.#reconciling = false;
        // A replacement noticed while that merge was written is merged now, not at some later read.
        // (What could not be combined waits for the next change: no retry loop.)
        if (this.#copies.noticed !== noticed) this.settle();
      },
      (error: unknown) => {
        this.#reconciling = false;
        this.#reportError(error);
      },
    );
  }

  apply(change: (journal: Journal) => Journal, origin: ChangeOrigin = 'here'): Promise<void> {
    return this.update((journal) => ({ journal: change(journal), result: undefined }), origin);
  }

  update<T>(change: Change<T>, origin: ChangeOrigin = 'here'): Promise<T> {
    const copies = this.#copies;
    const run = this.#queue.then(async () => {
      const stored = this.#hooks.live();
      // This change writes what the read found; an erase to restore or files to remove are done beside it.
      this.settle(false);
      const erasedAtStart = copies.erased;
      // A journal from a newer version is never replaced: this version works read-only beside it.
      if (copies.newer) throw new SessionError(copies.newer);
      await this.#keepRejected();
      // What this window knew stays known until the merge is stored: a refused change, a merge that
      // cannot be read back or an erase meanwhile leaves it for the next change.
      const mine = copies.known;
      const merged = copies.withArchivedEnds(await this.#reconcile(stored, mine));
      const base = mine && merged !== stored ? await this.#readableMerge(merged, mine, stored) : merged;
      const { journal: changed, result } = change(base);
      if (changed !== stored) refuseUnreadable(changed);
      const journal = await this.#archiveClosed(changed);
      // Everything was erased in another window while this change was made (read meanwhile, or not
      // yet): it was made on what is gone, and is not stored.
      if (copies.erased !== erasedAtStart || compareMarks(this.#memento.get(ERASED_KEY), copies.erased) > 0) {
        this.#hooks.refresh();
        throw new SessionError(t('Everything was deleted in another window while this change was being saved, so it was not saved.'));
      }
      if (journal !== stored || copies.unsaved) {
        const adopting = compareMarks(copies.elsewhere, this.#memento.get(ERASED_ELSEWHERE_KEY)) > 0;
        const held = await this.#write(journal, syncedChanged(stored, journal) || copies.syncedUnread || copies.unsaved);
        if (base === merged) await this.#settleKnown(mine);
        copies.changed(journal);
        this.#options.written?.(stored, changed, origin);
        this.#hooks.emit(journal);
        this.#options.signal();
        if (adopting) this.#options.report(t('All Small Wins data was deleted on another machine. The domains, saved cues and models that Settings Sync shares were removed here too; sessions, ratings and reflections on this machine were kept.'));
        if (!held) this.#rewriteMerge(journal);
        await this.#purgeDeleted(stored, journal);
      } else if (base === merged) await this.#settleKnown(mine);
      return result;
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Another window's value replaced what was just written: the merge of both is written next. */
  #rewriteMerge(journal: Journal): void {
    this.#copies.remember(journal);
    this.#writeMerge();
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
      const key = this.#aside?.key ?? freeRecoveryKey(this.#memento, this.#clock());
      await keepAside(this.#memento, { key, problem: t('What this window knew could not be combined with the stored journal ({0}).', problem), at: this.#clock(), data: mine });
      this.#aside = { key, data: mine };
    }
    if (first) {
      this.#options.report(t('Small Wins could not combine what this window knew with changes saved in another window, because the result could not be read back ({0}). What this window knew is kept aside under "{1}", so nothing is lost, and combining is tried again at your next change.', problem, this.#aside.key));
    }
    return this.#copies.withArchivedEnds(stored);
  }

  /** What this window knew is in the stored journal now: no longer kept to merge, nor kept aside. */
  async #settleKnown(mine: Journal | undefined): Promise<void> {
    this.#copies.settled(mine);
    const aside = this.#aside;
    this.#aside = undefined;
    if (aside) await this.#memento.update(aside.key, undefined);
  }

  /**
   * Writes the journal (and what Settings Sync carries) and says whether the memento still holds it.
   * VS Code keeps an extension's globalState as one object: a value delivered between an update and
   * its flush (another window's write) replaces that object, and the flush then stores that value
   * instead, while the update still resolves. Both keys go in one flush, and what the memento holds
   * afterwards is compared with what was written. When it differs, the reader keeps what was written,
   * so the next read sees the replacement as another window's write and the merge is written.
   */
  async #write(journal: Journal, withSynced: boolean): Promise<boolean> {
    const copies = this.#copies;
    const pending = [this.#memento.update(JOURNAL_KEY, journal)];
    if (withSynced) pending.push(this.#memento.update(SYNCED_KEY, syncedPart(journal, copies.mark)));
    // The journal goes with the mark this window knows: one that arrived while the change was being
    // made is not stored over a journal from before it (other windows then restore the erase).
    if (copies.erased !== undefined || this.#memento.get(ERASED_KEY) !== undefined) pending.push(this.#memento.update(ERASED_KEY, copies.erased));
    if (copies.elsewhere !== undefined || this.#memento.get(ERASED_ELSEWHERE_KEY) !== undefined) pending.push(this.#memento.update(ERASED_ELSEWHERE_KEY, copies.elsewhere));
    copies.saving();
    const written = this.#memento.get(JOURNAL_KEY);
    const writtenSynced = this.#memento.get(SYNCED_KEY);
    await Promise.all(pending);
    // What VS Code hands back is its echo of the write: another object with the same content.
    const held = this.#memento.get(JOURNAL_KEY);
    const heldSynced = this.#memento.get(SYNCED_KEY);
    const kept = sameValue(held, written);
    copies.stored(kept ? held : written, sameValue(heldSynced, writtenSynced) ? heldSynced : writtenSynced);
    return kept;
  }

  /** Writes this window's journal again with its erase mark, over a value stored without it (see StoredCopies.read). */
  #restoreErase(): void {
    if (this.#restoring) return;
    this.#restoring = true;
    const copies = this.#copies;
    const run = this.#queue.then(async () => {
      const order = compareMarks(this.#memento.get(ERASED_KEY), copies.erased);
      const confirming = copies.takeConfirmErase();
      // Unless someone restored it meanwhile, or erased again (read next), or this version may not write.
      if (copies.newer || order > 0 || (order === 0 && !confirming)) {
        this.#hooks.refresh();
        return;
      }
      // What was set aside before the erase came back with the stale value: it goes again.
      const cleared = recoveryKeys(this.#memento)
        .filter((key) => Number(key.slice(RECOVERY_PREFIX.length)) < markTime(copies.erased))
        .map((key) => this.#memento.update(key, undefined));
      // Read again: a newer write with this mark may be held by now, and it is kept.
      const journal = this.#hooks.live();
      const kept = await this.#write(journal, true);
      await Promise.all(cleared);
      this.#options.signal();
      if (!kept) this.#rewriteMerge(journal);
    });
    this.#queue = run.catch((error: unknown) => this.#reportError(error)).finally(() => (this.#restoring = false));
  }

  /** Resolves when every change started so far has been written. */
  whenIdle(): Promise<void> {
    return this.#queue.then(() => undefined);
  }

  /** See JournalStore.erase. */
  erase(): Promise<void> {
    const run = this.#queue.then(async () => {
      // One write, so no window sees the journal gone without the mark that says it was erased.
      const erased = nextMark(this.#clock(), this.#copies.mark, newId());
      // Every key goes, also one an earlier version wrote (the focus record, now a file).
      const keys = new Set([JOURNAL_KEY, SYNCED_KEY, ...this.#memento.keys()]);
      keys.delete(ERASED_KEY);
      // The device's id holds nothing of the journal; keeping it keeps one id per machine for windows already open.
      keys.delete(DEVICE_KEY);
      // What was read of the journal folder holds no record either: without it, every other device's record would be read back in.
      keys.delete(FOLDER_STATE_KEY);
      await Promise.all([...[...keys].map((key) => this.#memento.update(key, undefined)), this.#memento.update(ERASED_KEY, erased)]);
      await this.#options.archive?.erase();
      this.#copies.erasedHere(erased);
      this.#options.signal();
      this.#hooks.refresh();
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Writes closed history to the archive and returns what stays live; on failure everything stays. */
  async #archiveClosed(journal: Journal): Promise<Journal> {
    const archive = this.#options.archive;
    const split = archive && splitArchivable(journal, this.#clock());
    if (!split) return journal;
    try {
      await archive.add(split.moved);
      return split.live;
    } catch (error) {
      this.#options.reportOnce('archive', t('Small Wins could not write its archive ({0}). Old history stays in the journal; nothing is lost.', String(error)));
      return journal;
    }
  }

  /** Deleted text leaves the archive files and what was set aside too; the tombstones already hide it from every read. */
  async #purgeDeleted(before: Journal, after: Journal): Promise<void> {
    if (after.deleted === before.deleted) return;
    const ids = purgeable(after);
    try {
      await redactSetAside(this.#memento, ids);
      await this.#options.archive?.purge(ids);
    } catch (error) {
      this.#options.report(purgeFailed(error));
    }
  }

  /** The stored journal plus anything this window knew that another window's write replaced (core/records/reconcile.ts). */
  async #reconcile(stored: Journal, mine: Journal | undefined): Promise<Journal> {
    if (!mine || mine === stored) return stored;
    // The archive is read only when something this window knew is missing from the stored journal.
    const archive = this.#options.archive;
    const archived = archive && missingFromStored(stored, mine).size > 0 ? await archive.journal() : undefined;
    return reconcile(stored, mine, archived);
  }

  /** Keeps aside what a read could not take in (see StoredCopies), and says so. */
  async #keepRejected(): Promise<void> {
    const rejected = this.#copies.takeRejected();
    if (!rejected) return;
    await keepAside(this.#memento, { ...rejected, at: this.#clock() });
    this.#options.report(t('Small Wins could not read part of its stored journal ({0}). It was kept aside under "{1}"; everything else loaded.', rejected.problem, rejected.key));
  }

  #reportError(error: unknown): void {
    this.#options.report(errorText(error));
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
