/**
 * The files beside the archive's months that sum them up (core/figures/aggregates.ts): one aggregate per
 * month, and one rollup of the older months, so a view reads one file for the years behind it
 * instead of one per month. Both are only ever derived from the month files they name; one that is
 * damaged, of another time zone or of files no longer there is simply computed again.
 */
import { AGGREGATE_VERSION } from '../../core/figures/aggregates';
import { isAggregate, isMonthIndex, isRecord } from '../../core/figures/aggregateChecks';
import type { MonthAggregate, MonthIndex } from '../../core/figures/aggregates';

export const AGGREGATE_NAME = /^\d{4}-\d{2}\.agg\.[0-9a-z]{1,16}\.json$/;
export const ROLLUP_NAME = /^rollup\.[0-9a-z]{1,16}\.json$/;

/** "2026-11.agg.1x2y3z.json": the month and a key of the names of the files it sums up. */
export function aggregateFileName(month: string, sources: readonly string[]): string {
  return `${month}.agg.${key(sources.join('\n'))}.json`;
}

export function aggregateFileText(sources: readonly string[], aggregate: MonthAggregate): string {
  return JSON.stringify({ sources, aggregate });
}

/** A month's aggregate, when the file is whole and sums exactly these files in this time zone. */
export function parseAggregateFile(text: string, sources: readonly string[], zone: string): MonthAggregate | undefined {
  try {
    const stored = JSON.parse(text) as { sources?: unknown; aggregate?: unknown };
    return sameNames(stored.sources, sources) && isAggregate(stored.aggregate, zone) ? stored.aggregate : undefined;
  } catch {
    return undefined;
  }
}

/** Older months summed into one aggregate. */
export interface Rollup {
  /** Each month summed in, with the names of the files its aggregate was computed from. */
  sources: Record<string, string[]>;
  /** Each month's index, for views that must know which months to read records of. */
  index: Record<string, MonthIndex>;
  aggregate: MonthAggregate;
}

/** "rollup.1x2y3z.json": a key of every month and file summed in. */
export function rollupFileName(rollup: Rollup): string {
  const months = Object.keys(rollup.sources).sort();
  return `rollup.${key(months.map((m) => `${m}:${(rollup.sources[m] ?? []).join(',')}`).join('\n'))}.json`;
}

/** A rollup, when the file is whole, of this time zone, and every month in it still has exactly the files it was summed from. */
export function parseRollup(text: string, listing: ReadonlyMap<string, readonly string[]>, zone: string): Rollup | undefined {
  try {
    const stored = JSON.parse(text) as Partial<Record<keyof Rollup, unknown>>;
    const { sources, index, aggregate } = stored;
    if (!isRecord(sources) || !isRecord(index) || Object.keys(sources).length === 0 || !sourcesListed(sources, listing)) return undefined;
    if (!Object.keys(sources).every((month) => isMonthIndex(index[month]))) return undefined;
    if (Object.keys(index).length !== Object.keys(sources).length || !isAggregate(aggregate, zone)) return undefined;
    return stored as Rollup;
  } catch {
    return undefined;
  }
}

/**
 * The sources an aggregate or rollup file names when a newer Small Wins wrote it (its aggregate's
 * version is above this one's), so that it is left as it is; undefined for any other file.
 */
export function writtenByNewer(text: string): { sources: unknown } | undefined {
  try {
    const stored = JSON.parse(text) as { sources?: unknown; aggregate?: unknown };
    const version = isRecord(stored.aggregate) ? stored.aggregate['v'] : undefined;
    if (typeof version !== 'number' || !Number.isInteger(version) || version <= AGGREGATE_VERSION) return undefined;
    return { sources: stored.sources };
  } catch {
    return undefined;
  }
}

/** Every month a rollup sums still has exactly the files it was summed from. */
export function sourcesListed(sources: Readonly<Record<string, unknown>>, listing: ReadonlyMap<string, readonly string[]>): boolean {
  return Object.entries(sources).every(([month, names]) => {
    const listed = listing.get(month);
    return listed !== undefined && sameNames(names, listed);
  });
}

function sameNames(stored: unknown, names: readonly string[]): boolean {
  return Array.isArray(stored) && stored.length === names.length && stored.every((n, i) => n === names[i]);
}

/** FNV-1a and the length: a collision only means computing again, since each file lists its sources in full. */
function key(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${hash.toString(36)}${text.length.toString(36)}`;
}
