import { ARCHIVED_COLLECTIONS, archiveFileName, archiveMonth, isEmptyPart } from '../../core/records/archive';
import { ArchiveSums } from './archiveSums';
import type { ArchiveFiles } from './archiveFiles';
import type { ArchiveAggregates } from './archiveSums';
import { LEDGER_NAME, parsePurgeLedger, purgeLedgerText } from './purgeLedger';
import { ErasableFiles } from './erasableFiles';
import type { PurgeLedger } from './purgeLedger';
import { applyTombstones, mergeJournals } from '../../core/records/merge';
import { loadJournal } from '../../core/records/persisted';
import { emptyJournal, MIN_TIME } from '../../core/records/schema';
import type { Clock } from '../../core/clock';
import type { Journal } from '../../core/records/schema';
import { newId } from '../../core/ids';
import { t } from '../../core/l10n';
import { redactRecords } from '../../core/records/redact';

/** The suffix of an archive file kept aside, as it was, because it could not be read whole. */
const DAMAGED = '.damaged';

export type { ArchiveFiles };

/**
 * Closed history, one set of files per month (see core/records/archive.ts for what goes there). Files are
 * written once and never changed, so windows cannot overwrite each other's: two windows archiving at
 * once write two files, and the same record in two files merges like any two copies (core/records/merge.ts).
 * A closed month's files are merged into one now and then; only files that were read are deleted.
 */
export class Archive {
  /** The readable content of each file read so far. */
  readonly #files = new Map<string, Journal>();
  /** Files with a part that did not validate: kept as they are, never merged away. */
  readonly #damaged = new Set<string>();
  /**
   * Files a newer Small Wins wrote (a journal version above this one's): left exactly as they are
   * (never set aside, rewritten, merged or purged) and not read, so that version reads them again.
   */
  readonly #newer = new Set<string>();
  /** Whether this window said that some history is from a newer version (once, not per file or read). */
  #newerSaid = false;
  #merged: Journal | undefined = emptyJournal();
  /** The records of the months views read lately (a few), by the files they were read from. */
  #monthRecords = new Map<string, { sources: string; journal: Journal }>();
  /** Which deletions the archive files were checked for, and which files, as this window last read or wrote it. */
  #ledger: PurgeLedger | undefined;
  /** The archive's files by month, as the last view's look at the folder found them. */
  #listing = new Map<string, string[]>();
  #scanning: Promise<void> = Promise.resolve();
  #listFailed = false;
  /** The folder, through which every write is remembered until an erase (see removeAdded). */
  readonly #folder: ErasableFiles;
  readonly #report: (problem: string) => void;
  readonly #unique: () => string;
  readonly #clock: Clock;

  readonly #sums: ArchiveSums;

  constructor(folder: ArchiveFiles, report: (problem: string) => void, unique: () => string, clock: Clock = Date.now) {
    this.#folder = new ErasableFiles(folder, unique);
    this.#report = report;
    this.#unique = unique;
    this.#clock = clock;
    this.#sums = new ArchiveSums(this.#folder, {
      readMonth: (names) => this.#readMonth(names),
      unread: (name) => this.#unread(name),
      serial: (work) => this.#serial(work),
    });
  }

  /** Compaction, purges and the aggregates' reads run one at a time, so a file is never removed under a read of this window. */
  #busy: Promise<unknown> = Promise.resolve();
  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#busy.then(work);
    this.#busy = run.catch(() => undefined);
    return run;
  }

  /** The add() under way, so removeAdded() sees the file it is writing. */
  #adding: Promise<unknown> = Promise.resolve();

  /** Writes each month's part as a new file; resolves once every file is written. */
  add(parts: ReadonlyMap<string, Journal>): Promise<void> {
    const run = this.#adding.then(() => this.#add(parts));
    this.#adding = run.catch(() => undefined);
    return run;
  }

  async #add(parts: ReadonlyMap<string, Journal>): Promise<void> {
    for (const [month, part] of [...parts].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (isEmptyPart(part)) continue;
      const name = this.#freshName(month);
      await this.#folder.write(name, JSON.stringify(part));
      this.#remember(name, part);
    }
  }

  /** A file whose records this window does not read: damaged, or written by a newer version. */
  #unread(name: string): boolean {
    return this.#damaged.has(name) || this.#newer.has(name);
  }

  /** Everything archived, including files other windows wrote since the last look. */
  async journal(): Promise<Journal> {
    const scan = this.#scanning.then(() => this.#scan());
    // A failed look fails this call only; the next one looks again.
    this.#scanning = scan.catch(() => undefined);
    await scan;
    this.#merged ??= [...this.#files.values()].reduce(mergeJournals, emptyJournal());
    return this.#merged;
  }

  /**
   * Reads the files of `sinceMonth` and later (the sessions that ended lately), without the rest of
   * the history: cheap at any history size, and enough to know which recent sessions have ended.
   */
  async readRecent(sinceMonth: string): Promise<void> {
    const listed = await this.#folder.list();
    for (const name of listed.sort()) {
      const month = archiveMonth(name);
      if (month !== undefined && month >= sinceMonth) await this.#part(name);
    }
  }

  /** What this window has read or written of the archive so far, without looking at the folder again. */
  known(): Journal | undefined {
    return this.#merged;
  }

  /**
   * Merges the files of each month before `currentMonth` into one file, and the current month's once
   * it has many (one is written per session that ends), then deletes the ones merged.
   */
  compact(currentMonth: string): Promise<void> {
    return this.#serial(() => this.#compact(currentMonth));
  }

  /**
   * A name for a new file of `month` that no file this window knows has: a file written in place of
   * others must never take one of their names, or removing them would remove it.
   */
  #freshName(month: string): string {
    for (let attempt = 0; attempt < 100; attempt++) {
      const name = archiveFileName(month, this.#unique());
      if (!this.#files.has(name) && !this.#unread(name)) return name;
    }
    throw new Error(`no new archive file name for ${month}`);
  }

  async #compact(currentMonth: string): Promise<void> {
    // Only the months with more than one file are read: a closed month is compacted once, so this is mostly last month.
    // A folder that cannot be listed now is said by the read that needs it; tidying waits for next month.
    const listed = await this.#folder.list().catch(() => [] as string[]);
    for (const [month, files] of filesByMonth(listed)) {
      if (month > currentMonth) continue;
      const names = files.filter((n) => !this.#unread(n));
      if (names.length < (month === currentMonth ? MERGE_CURRENT_AT : 2)) continue;
      for (const name of names) await this.#part(name);
      // A file that could not be read (or that a newer version wrote) stays as it is; the others are merged without it.
      const readable = names.filter((n) => !this.#unread(n));
      if (readable.length < 2) continue;
      const whole = readable.map((n) => this.#files.get(n) ?? emptyJournal()).reduce(mergeJournals);
      const name = this.#freshName(month);
      await this.#folder.write(name, JSON.stringify(whole));
      this.#remember(name, whole);
      for (const old of readable) {
        // Another window compacting the same month may have deleted it first; its content is safe here.
        await this.#folder.remove(old).catch(() => undefined);
        this.#forget(old);
      }
    }
  }

  /**
   * Rewrites every archive file that holds one of these deleted records without it (a new file,
   * then the old one removed), so deleted text does not stay on disk. Damaged files are left alone,
   * and so are files a newer version wrote (that version removes deleted records from them itself).
   * `ids` are all the deletions there are: a ledger beside the files names the deletions and the
   * files already checked for them, so only a new deletion means reading the whole archive, and
   * otherwise only files written since (by a window that had not seen a deletion yet) are read.
   */
  purge(ids: ReadonlySet<string>): Promise<void> {
    return this.#serial(async () => void (await this.#purge(ids, await this.#folder.list())));
  }

  /** Purges with a look at the folder just taken; true when it changed the archive's files. */
  async #purge(ids: ReadonlySet<string>, listed: readonly string[]): Promise<boolean> {
    if (ids.size === 0) return false;
    const ledgers = listed.filter((n) => LEDGER_NAME.test(n)).sort();
    const ledger = await this.#readLedger(ledgers);
    const known = [...ids].every((id) => ledger.ids.has(id));
    // Copies set aside as damaged are checked too: deleted text leaves them, the rest stays for the user.
    const names = listed.filter((n) => archiveMonth(n) !== undefined || n.endsWith(DAMAGED)).sort();
    if (known && names.every((n) => ledger.files.has(n))) return false;
    const deleted = [...ids].map((id) => ({ id, at: MIN_TIME }));
    // Files checked for every one of these deletions stay clean (files never change); the rest are read.
    const clean = new Set(known ? names.filter((n) => ledger.files.has(n)) : []);
    const unchecked = known ? names.filter((n) => !ledger.files.has(n)) : names;
    let rewritten = false;
    for (const name of unchecked) {
      if (name.endsWith(DAMAGED)) {
        if (await this.#redactSetAside(name, ids)) clean.add(name);
        continue;
      }
      const month = archiveMonth(name);
      if (month === undefined || this.#unread(name)) continue;
      const part = await this.#part(name);
      if (this.#unread(name)) continue;
      if (!holdsAny(part, ids)) {
        clean.add(name);
        continue;
      }
      rewritten = true;
      const cleaned = { ...applyTombstones({ ...part, deleted }), deleted: [] };
      if (!isEmptyPart(cleaned)) {
        const fresh = this.#freshName(month);
        await this.#folder.write(fresh, JSON.stringify(cleaned));
        this.#remember(fresh, cleaned);
        clean.add(fresh);
      }
      await this.#folder.remove(name).catch(() => undefined);
      this.#forget(name);
    }
    // Only files left unread (damaged, or a newer version's) were not checked: the ledger says the same as before.
    if (known && !rewritten && [...clean].every((n) => ledger.files.has(n))) return false;
    this.#ledger = { name: this.#ledger?.name, ids: new Set(ids), files: clean };
    const name = `purged.${this.#unique()}.json`;
    // A ledger that could not be written only means checking again next time.
    await this.#folder.write(name, purgeLedgerText(this.#ledger)).then(
      async () => {
        this.#ledger = { ...(this.#ledger as PurgeLedger), name };
        for (const old of ledgers) await this.#folder.remove(old).catch(() => undefined);
      },
      () => undefined,
    );
    return true;
  }

  /** Rewrites a copy set aside as damaged without the deleted records it holds; false when it could not be read or written (tried again next time). */
  async #redactSetAside(name: string, ids: ReadonlySet<string>): Promise<boolean> {
    try {
      const text = await this.#folder.read(name);
      const redacted = redactRecords(text, ids);
      if (redacted !== text) await this.#folder.write(name, redacted);
      return true;
    } catch {
      return false;
    }
  }

  /** The newest ledger: as this window wrote or read it, or read from its file; an empty one when there is none or it is damaged. */
  async #readLedger(files: readonly string[]): Promise<PurgeLedger> {
    const newest = files[files.length - 1];
    if (newest === undefined) return { ids: new Set(), files: new Set() };
    if (this.#ledger?.name === newest) return this.#ledger;
    const read = await this.#folder.read(newest).then(parsePurgeLedger, () => undefined);
    return (this.#ledger = { ...(read ?? { ids: new Set<string>(), files: new Set<string>() }), name: newest });
  }

  /**
   * What views read of the archive instead of its records (archiveSums.ts), from one look at the
   * folder: the deleted records not yet removed from the files are removed first (a failure goes to
   * `purgeFailed` and the view goes on), and the folder is looked at again only if that changed it.
   */
  view(deletions: ReadonlySet<string>, purgeFailed: (error: unknown) => void): Promise<ArchiveAggregates> {
    return this.#serial(async () => {
      let listed = await this.#folder.list();
      const changed = await this.#purge(deletions, listed).catch((error: unknown) => (purgeFailed(error), true));
      if (changed) listed = await this.#folder.list();
      await this.#removeStalePartials(listed);
      const byMonth = filesByMonth(listed);
      this.#listing = byMonth;
      return this.#sums.read(listed, byMonth);
    });
  }

  /**
   * The merged records of these months only (a view's recent months), read from the files the last
   * `view` listed. Only the months of the latest call are kept in memory.
   */
  months(wanted: Iterable<string>): Promise<Journal> {
    return this.#serial(() => this.#readMonths(wanted));
  }

  async #readMonths(wanted: Iterable<string>): Promise<Journal> {
    const kept = new Map<string, { sources: string; journal: Journal }>();
    for (const month of wanted) {
      const names = this.#listing.get(month);
      if (!names) continue;
      const sources = names.join('\n');
      const known = this.#monthRecords.get(month);
      kept.set(month, known?.sources === sources ? known : { sources, journal: await this.#readMonth(names) });
    }
    this.#monthRecords = kept;
    return [...kept.values()].map((m) => m.journal).reduce(mergeJournals, emptyJournal());
  }

  async #readMonth(names: readonly string[]): Promise<Journal> {
    let merged = emptyJournal();
    for (const name of names) merged = mergeJournals(merged, await this.#part(name));
    return merged;
  }

  /**
   * A file's readable content: as read before (files never change), or read now and kept, so this
   * window reads (and reports) no file twice, and a month that gains a file costs one read.
   */
  async #part(name: string): Promise<Journal> {
    const known = this.#files.get(name);
    if (known) return known;
    const part = await this.#readFile(name);
    this.#remember(name, part);
    return part;
  }

  /**
   * Removes every file of the archive ("Delete all my data"): damaged, partial and set-aside ones, and
   * those a newer version wrote. It waits for this window's own writes under way (a compaction, a
   * purge, an archived session, a file set aside), so none lands after it. A file that cannot be
   * deleted does not stop it: the others go, that one is said and no longer shown (erasableFiles.ts).
   */
  erase(): Promise<void> {
    return this.#serial(async () => {
      await Promise.all([this.#adding, this.#scanning]);
      const undeleted = await this.#folder.eraseAll();
      this.#files.clear();
      this.#damaged.clear();
      this.#newer.clear();
      this.#newerSaid = false;
      this.#sums.clear();
      this.#ledger = undefined;
      this.#monthRecords.clear();
      this.#listing.clear();
      this.#merged = emptyJournal();
      if (undeleted.length > 0) this.#report(undeletedProblem(undeleted.map((u) => u.name), undeleted[0]?.error));
    });
  }

  /**
   * Another window erased everything and this one had not yet seen it: whatever it wrote to the
   * archive meanwhile (archived sessions, compacted or purged files, files set aside, aggregates)
   * holds what was erased. Those written before the erase are gone already; the rest go now, once
   * this window's reads and writes under way have finished.
   */
  removeAdded(): Promise<void> {
    return this.#serial(async () => {
      await Promise.all([this.#adding, this.#scanning]);
      for (const name of await this.#folder.removeWritten()) this.#forget(name);
      this.#sums.clear();
      this.#ledger = undefined;
      this.#monthRecords.clear();
    });
  }

  async #scan(): Promise<void> {
    let listed: string[];
    try {
      listed = await this.#folder.list();
    } catch (error) {
      // The files already read still count; the next look tries again, and says so only once.
      if (!this.#listFailed) this.#report(listFailed(error));
      this.#listFailed = true;
      return;
    }
    this.#listFailed = false;
    await this.#removeStalePartials(listed);
    const names = new Set(listed.filter((n) => archiveMonth(n) !== undefined));
    // A file another window merged away: its records are in the merged file, which is listed too.
    for (const known of this.#files.keys()) if (!names.has(known)) this.#forget(known);
    for (const name of [...names].sort()) await this.#part(name);
  }

  async #readFile(name: string): Promise<Journal> {
    let text: string;
    try {
      text = await this.#folder.read(name);
    } catch (error) {
      // Merged or purged away by another window since the folder was listed: its records are in the file that replaced it.
      if (!(await this.#folder.list().then((names) => names.includes(name), () => true))) return emptyJournal();
      // Unreadable now (permissions, a file being replaced): skipped this time, looked at again next time.
      this.#damaged.add(name);
      this.#report(t('Small Wins could not read its archive file "{0}" ({1}); the history shown may be incomplete.', name, String(error)));
      return emptyJournal();
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return this.#setAside(name, text, emptyJournal(), t('it is not valid JSON'));
    }
    const loaded = loadJournal(raw);
    if (loaded.newer) {
      // Left exactly as it is: a newer version reads it, and this one again once updated.
      this.#newer.add(name);
      if (!this.#newerSaid) this.#report(t('Some of your Small Wins history was written by a newer version of Small Wins. It is kept exactly as it is and is shown again once you update Small Wins.'));
      this.#newerSaid = true;
      return emptyJournal();
    }
    if (loaded.rejected) return this.#setAside(name, text, loaded.journal, loaded.rejected.problem);
    return loaded.journal;
  }

  /**
   * A damaged file is reported once and never read again: its whole text is kept beside the archive
   * as "<name>.damaged", and what could be read from it goes on as a new archive file.
   */
  async #setAside(name: string, text: string, readable: Journal, problem: string): Promise<Journal> {
    const aside = `${name}${DAMAGED}`;
    try {
      await this.#folder.write(aside, text);
      const month = archiveMonth(name);
      if (month !== undefined && !isEmptyPart(readable)) {
        const fresh = this.#freshName(month);
        await this.#folder.write(fresh, JSON.stringify(readable));
        this.#remember(fresh, readable);
      }
      await this.#folder.remove(name);
      this.#report(t('Small Wins could not read all of its archive file "{0}" ({1}). Everything readable was kept; the file as it was is kept as "{2}".', name, problem, aside));
    } catch (error) {
      this.#damaged.add(name);
      this.#report(t('Small Wins could not read all of its archive file "{0}" ({1}) nor set it aside ({2}). It is kept as it is.', name, problem, String(error)));
      return readable;
    }
    return emptyJournal();
  }

  /** A partial file older than an hour is a write that never finished (the window closed); it holds nothing needed. */
  async #removeStalePartials(listed: readonly string[]): Promise<void> {
    for (const name of listed) {
      if (!name.endsWith('.partial')) continue;
      const written = writtenAt(name);
      if (written !== undefined && this.#clock() - written < PARTIAL_GRACE_MS) continue;
      await this.#folder.remove(name).catch(() => undefined);
    }
  }

  #remember(name: string, part: Journal): void {
    this.#files.set(name, part);
    if (this.#merged) this.#merged = mergeJournals(this.#merged, part);
  }

  #forget(name: string): void {
    if (this.#files.delete(name)) this.#merged = undefined;
    this.#damaged.delete(name);
    this.#newer.delete(name);
  }
}

const PARTIAL_GRACE_MS = 60 * 60_000;

/** How many files the current month may have before a window's start merges them (views read it file by file). */
const MERGE_CURRENT_AT = 8;

/** The archive's month files by month, each month's in name order (the listing is sorted in place). */
function filesByMonth(listed: string[]): Map<string, string[]> {
  const byMonth = new Map<string, string[]>();
  for (const name of listed.sort()) {
    const month = archiveMonth(name);
    if (month === undefined) continue;
    const names = byMonth.get(month);
    if (names) names.push(name);
    else byMonth.set(month, [name]);
  }
  return byMonth;
}

/** When a file named by uniqueName was written, from its time part. */
function writtenAt(name: string): number | undefined {
  const time = /^\d{4}-\d{2}\.([0-9a-z]+)-/.exec(name)?.[1];
  const at = time === undefined ? NaN : parseInt(time, 36);
  return Number.isFinite(at) ? at : undefined;
}

/** True when a part holds a record (or a win, subgoal or reframe) with one of these ids. */
function holdsAny(part: Journal, ids: ReadonlySet<string>): boolean {
  for (const name of ARCHIVED_COLLECTIONS) for (const r of part[name]) if (ids.has(r.id)) return true;
  // A deleted domain's sessions and ratings go with it (core/records/merge.ts), those archived by a window that had not seen the deletion too.
  if (part.ratings.some((r) => ids.has(r.domainId))) return true;
  return part.sessions.some((s) => ids.has(s.domainId) || s.wins.some((w) => ids.has(w.id)) || s.subgoals.some((g) => ids.has(g.id)) || s.reframes.some((r) => ids.has(r.id)));
}

/** "lq3k9z1c-5f0a2b7e": a time part, so a month's files sort by when they were written, and a random part. */
export function uniqueName(): string {
  return `${Date.now().toString(36)}-${newId().slice(0, 8)}`;
}

/** What an erase says of the files it could not delete (a few named, and how many more). */
function undeletedProblem(names: readonly string[], error: unknown): string {
  const list = names.slice(0, 3).join(', ') + (names.length > 3 ? t(' (and {0} more)', names.length - 3) : '');
  return t('Small Wins could not delete some of its archive files ({0}): {1}. Everything else was deleted; what those files hold is no longer shown, and Small Wins tries to delete them again when it next starts.', String(error), list);
}

/** What a view says when the archive folder cannot be listed: it goes on with what it has. */
export function listFailed(error: unknown): string {
  return t('Small Wins could not list its archive ({0}); the history shown may be incomplete.', String(error));
}

/** Deleted records stay hidden by their tombstones until a later purge removes their text from the files. */
export function purgeFailed(error: unknown): string {
  return t('Small Wins could not remove deleted records from its archive files yet ({0}); they stay hidden and are removed next time.', String(error));
}
