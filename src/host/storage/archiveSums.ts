import { aggregateOf, combineAll, indexOf, rolledUp } from '../../core/figures/aggregates';
import { isRecord } from '../../core/figures/aggregateChecks';
import { zoneKey } from '../../core/time';
import type { MonthAggregate, MonthIndex } from '../../core/figures/aggregates';
import type { Journal } from '../../core/records/schema';
import { AGGREGATE_NAME, aggregateFileName, aggregateFileText, parseAggregateFile, parseRollup, ROLLUP_NAME, rollupFileName, sourcesListed, writtenByNewer } from './aggregateFiles';
import type { Rollup } from './aggregateFiles';
import type { ArchiveFiles } from './archiveFiles';

/** What views read of the archive instead of its records (Archive.view). */
export interface ArchiveAggregates {
  /** Every archived month's index: when its records last touch, and its domains' newest wins. */
  index: ReadonlyMap<string, MonthIndex>;
  /** Aggregates that add up to every archived month but `open` ones (the months a view reads records of). */
  closed(open: ReadonlySet<string>): Promise<MonthAggregate[]>;
}

/** What the sums need of the archive they live in. */
export interface SummedArchive {
  /** The merged records of a month's files. */
  readMonth(names: readonly string[]): Promise<Journal>;
  /** A file whose records were not read (damaged, or written by a newer version): a month with one is summed in memory only. */
  unread(name: string): boolean;
  /** Runs work one at a time with the archive's other reads and writes. */
  serial<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * The newest months stay out of the rollup: they are the ones views read records of (the coach's
 * twelve weeks span four calendar months, host/storage/views.ts) and new parts go to.
 */
const LOOSE_MONTHS = 4;

/**
 * What views read of the archive instead of its records (host/storage/views.ts): each month's index,
 * and the aggregates that sum up all months but the ones a view reads records of.
 *
 * Each month's aggregate lives beside its files as "<month>.agg.<key>.json", where the key names the
 * exact set of files it was computed from. Files are never changed, so a month whose files changed
 * (a new part, a compaction, a purge after a deletion or an edit) has a new key, and its aggregate is
 * recomputed from the merged records; so is one that is missing, damaged, or cut in another time
 * zone. All months but the newest four are also summed into one rollup file, so a view reads one file
 * for the years behind it; a new closed month is added to it, a change to a month in it means summing
 * it again from the months' aggregates. Two windows computing the same thing write the same content
 * under the same name, so neither can lose the other's; files of file sets no longer listed are deleted.
 * An aggregate or rollup a newer version wrote (its aggregate's version is above this one's) is left
 * as it is while the files it sums are there: this version sums those months in memory instead.
 */
export class ArchiveSums {
  /** Each month's aggregate, with the names of the files it was computed from. */
  readonly #aggregates = new Map<string, { sources: string; aggregate: MonthAggregate }>();
  /** The older months summed into one, as this window last read or wrote it. */
  #rollup: Rollup | undefined;
  /** Aggregate and rollup files a newer version wrote, with the sources they name (files never change). */
  readonly #newer = new Map<string, { sources: unknown }>();
  readonly #folder: ArchiveFiles;
  readonly #archive: SummedArchive;

  constructor(folder: ArchiveFiles, archive: SummedArchive) {
    this.#folder = folder;
    this.#archive = archive;
  }

  /** Forgets everything summed ("Delete all my data"). */
  clear(): void {
    this.#aggregates.clear();
    this.#rollup = undefined;
    this.#newer.clear();
  }

  /** The sums for a look at the folder: every file listed, and the month files by month. */
  async read(listed: readonly string[], byMonth: ReadonlyMap<string, readonly string[]>): Promise<ArchiveAggregates> {
    const aggregateFiles = new Set(listed.filter((name) => AGGREGATE_NAME.test(name)));
    const rollupFiles = listed.filter((name) => ROLLUP_NAME.test(name)).sort();
    const zone = zoneKey();
    let rollup = await this.#readRollup(rollupFiles, byMonth, zone);
    const loose = new Map<string, MonthAggregate>();
    const lasting = new Set<string>();
    for (const month of byMonth.keys()) {
      if (rollup?.sources[month]) continue;
      const { aggregate, kept } = await this.#monthAggregate(month, byMonth.get(month) ?? [], aggregateFiles, zone);
      loose.set(month, aggregate);
      if (kept) lasting.add(month);
    }
    const older = [...byMonth.keys()].sort().slice(0, -LOOSE_MONTHS);
    const adding = older.filter((month) => lasting.has(month));
    if (adding.length > 0) {
      rollup = await this.#extendRollup(rollup, adding, loose, byMonth);
      for (const month of adding) loose.delete(month);
    }
    // Every other rollup goes: one this replaced, or one of files no longer there (it holds ratings' and encouragements' text, perhaps deleted since).
    const keep = rollup ? rollupFileName(rollup) : undefined;
    for (const name of rollupFiles) if (name !== keep && !(await this.#newerListed(name, byMonth))) await this.#folder.remove(name).catch(() => undefined);
    for (const month of this.#aggregates.keys()) if (!byMonth.has(month)) this.#aggregates.delete(month);
    const current = new Set([...byMonth].map(([month, names]) => aggregateFileName(month, names)));
    for (const name of aggregateFiles) if (!current.has(name)) await this.#folder.remove(name).catch(() => undefined);
    for (const name of this.#newer.keys()) if (!aggregateFiles.has(name) && !rollupFiles.includes(name)) this.#newer.delete(name);

    const index = new Map<string, MonthIndex>(Object.entries(rollup?.index ?? {}));
    for (const [month, aggregate] of loose) index.set(month, indexOf(aggregate));
    const rolled = rollup;
    return {
      index,
      closed: async (open) => {
        if (!rolled || !Object.keys(rolled.sources).some((month) => open.has(month))) return [...(rolled ? [rolled.aggregate] : []), ...[...loose].filter(([month]) => !open.has(month)).map(([, agg]) => agg)];
        // A view reads records of a month in the rollup (an old record being edited): every month on its own.
        return this.#archive.serial(async () => {
          const out: MonthAggregate[] = [];
          for (const [month, names] of byMonth) if (!open.has(month)) out.push(loose.get(month) ?? (await this.#monthAggregate(month, names, aggregateFiles, zone)).aggregate);
          return out;
        });
      },
    };
  }

  /** A month's aggregate: remembered, read from its file, or computed from its records and written. `kept` is false when a file of it could not be read. */
  async #monthAggregate(month: string, names: readonly string[], aggregateFiles: ReadonlySet<string>, zone: string): Promise<{ aggregate: MonthAggregate; kept: boolean }> {
    const sources = names.join('\n');
    const cached = this.#aggregates.get(month);
    if (cached?.sources === sources && cached.aggregate.zone === zone) return { aggregate: cached.aggregate, kept: true };
    const file = aggregateFileName(month, names);
    let aggregate: MonthAggregate | undefined;
    if (aggregateFiles.has(file) && !this.#newer.has(file)) {
      aggregate = await this.#folder.read(file).then(
        (text) => {
          const stored = writtenByNewer(text);
          if (stored) this.#newer.set(file, stored);
          return stored ? undefined : parseAggregateFile(text, names, zone);
        },
        () => undefined,
      );
    }
    if (!aggregate) {
      aggregate = aggregateOf(await this.#archive.readMonth(names), undefined, zone);
      // An aggregate of a file that could not be read would miss its records: kept in memory only, tried again next time.
      if (names.some((n) => this.#archive.unread(n))) return { aggregate, kept: false };
      // One a newer version wrote for these very files stays as it is; this version's is kept in memory.
      if (this.#newer.has(file)) {
        this.#aggregates.set(month, { sources, aggregate });
        return { aggregate, kept: true };
      }
      // A damaged one is replaced. Written once under its name: another window that wrote it first wrote the same content.
      if (aggregateFiles.has(file)) await this.#folder.remove(file).catch(() => undefined);
      await this.#folder.write(file, aggregateFileText(names, aggregate)).catch(() => undefined);
    }
    this.#aggregates.set(month, { sources, aggregate });
    return { aggregate, kept: true };
  }

  /** True for a rollup a newer version wrote whose months still have exactly the files it sums: it stays. */
  async #newerListed(name: string, listing: ReadonlyMap<string, readonly string[]>): Promise<boolean> {
    const newer = this.#newer.get(name) ?? (await this.#folder.read(name).then(writtenByNewer, () => undefined));
    if (!newer) return false;
    this.#newer.set(name, newer);
    return isRecord(newer.sources) && sourcesListed(newer.sources, listing);
  }

  /** The rollup this window summed last, or the first rollup file that still sums months as they are. */
  async #readRollup(files: readonly string[], listing: ReadonlyMap<string, readonly string[]>, zone: string): Promise<Rollup | undefined> {
    const known = this.#rollup;
    if (known && known.aggregate.zone === zone && files.includes(rollupFileName(known)) && sourcesListed(known.sources, listing)) return known;
    this.#rollup = undefined;
    for (const file of files) {
      const rollup = await this.#folder.read(file).then((text) => parseRollup(text, listing, zone), () => undefined);
      if (rollup) return (this.#rollup = rollup);
    }
    return undefined;
  }

  /** Adds months to the rollup (or starts one) and writes it. */
  async #extendRollup(rollup: Rollup | undefined, months: readonly string[], aggregates: ReadonlyMap<string, MonthAggregate>, listing: ReadonlyMap<string, readonly string[]>): Promise<Rollup> {
    const added = months.map((month) => aggregates.get(month) as MonthAggregate);
    const next: Rollup = {
      sources: { ...rollup?.sources, ...Object.fromEntries(months.map((month) => [month, [...(listing.get(month) ?? [])]])) },
      index: { ...rollup?.index, ...Object.fromEntries(months.map((month, i) => [month, indexOf(added[i] as MonthAggregate)])) },
      aggregate: rolledUp(combineAll(rollup ? [rollup.aggregate, ...added] : added)),
    };
    const name = rollupFileName(next);
    // A newer version's rollup of the very same files is not written over; this one is kept in memory.
    if (!this.#newer.has(name)) await this.#folder.write(name, JSON.stringify(next)).catch(() => undefined);
    this.#rollup = next;
    return next;
  }
}
