/**
 * The figures' one model (the Progress tab's, and the sidebar's for its range), for one time range and
 * a set of domains, computed from the month aggregates.
 */
import type { ProgressRange } from '../records/schema';
import { emptyJournal } from '../records/schema';
import { attributionMixOf, brierOf, calendarOf, calibrationOf, usedDomains, weeksFrom, winsFrom } from './aggregateQueries';
import type { HistoryView } from './aggregates';
import { efficacySeries } from './insights';
import type { CalibrationRow } from './insights';
import type { BrierPoint } from './calibration';
import { addWeeks, DAY, dayStart, weekStart } from '../time';

export { PROGRESS_RANGES } from '../records/schema';
export type { ProgressRange } from '../records/schema';

/** Whole weeks each range covers, the current one included, so every weekly bar is a full week. */
const RANGE_WEEKS: Record<Exclude<ProgressRange, 'all'>, number> = { '4w': 4, '3m': 13, '1y': 52 };

export interface ProgressQuery {
  range: ProgressRange;
  /** The domains to include; every domain when absent. */
  domainIds?: readonly string[];
  /** False: the table per domain is left out (the sidebar has none). */
  summary?: boolean;
}

export interface CalendarDay {
  /** Local midnight. */
  day: number;
  wins: number;
  /** How many of `wins` were done with AI help or by the assistant. */
  assisted: number;
}

export interface DomainSummary {
  domainId: string;
  /** The first and the latest can-do rating (0–100) inside the range, when there is one. */
  firstRating?: number;
  latestRating?: number;
  sessions: number;
  wins: number;
  minutes: number;
}

export interface ProgressData {
  /** Monday 00:00 of the first week in the range. */
  from: number;
  belief: { domainId: string; points: { at: number; value: number }[] }[];
  /** One entry per day from `calendarFrom` to today: the range, but never more than a year. */
  calendar: CalendarDay[];
  calendarFrom: number;
  ownCauses: { weekOf: number; reviews: number; ownShare: number }[];
  calibration: CalibrationRow[];
  brier: { domainId: string; points: BrierPoint[] }[];
  /** Every week of the range, oldest first, weeks without a session at 0. */
  focus: { weekOf: number; minutes: number }[];
  summary: DomainSummary[];
}

/** Whole calendar days from `from` to `to`, both local midnights. */
export function daysBetween(from: number, to: number): number {
  return Math.round((to - from) / DAY);
}

/** Monday 00:00 of the first week of a range of whole weeks, the current one included. */
export function fixedRangeStart(range: Exclude<ProgressRange, 'all'>, now: number): number {
  return addWeeks(weekStart(now), -(RANGE_WEEKS[range] - 1));
}

/** Where the calendar starts for a range from `from`: the range, but never more than a year. */
export function calendarStart(from: number, now: number): number {
  return Math.max(from, fixedRangeStart('1y', now));
}

/** Everything the Progress tab draws for one range and set of domains, at `now`: from aggregates (core/figures/aggregates.ts) and the live records, without the whole history (test/oracles/figures.ts computes the same record by record). */
export function progressDataFromView(view: HistoryView, now: number, query: ProgressQuery): ProgressData {
  const { totals, records } = view;
  const keep = query.domainIds ? new Set(query.domainIds) : undefined;
  const ratings = keep ? totals.ratings.filter((r) => keep.has(r.domainId)) : totals.ratings;
  let from: number;
  if (query.range !== 'all') from = fixedRangeStart(query.range, now);
  else {
    let earliest: number | undefined;
    for (const [domain, row] of Object.entries(totals.weeks)) {
      if (keep && !keep.has(domain)) continue;
      for (const week of Object.keys(row)) earliest = Math.min(earliest ?? Number(week), Number(week));
    }
    for (const r of ratings) earliest = Math.min(earliest ?? r.at, r.at);
    from = weekStart(Math.min(earliest ?? now, now));
  }
  const inRangeRatings = ratings.filter((r) => r.at >= from).sort((a, b) => a.at - b.at);
  const weeks = Math.round((weekStart(now) - from) / (7 * DAY)) + 1;
  const calendarFrom = calendarStart(from, now);
  const byWeek = weeksFrom(totals, from, keep);
  const focus: { weekOf: number; minutes: number }[] = [];
  for (let week = from; week <= now; week = addWeeks(week, 1)) focus.push({ weekOf: week, minutes: Math.round((byWeek.get(week)?.focusMs ?? 0) / 60_000) });
  const summary: DomainSummary[] = [];
  for (const domain of query.summary === false ? [] : records.domains) {
    if (keep && !keep.has(domain.id)) continue;
    const one = new Set([domain.id]);
    let sessions = 0;
    let ms = 0;
    for (const c of weeksFrom(totals, from, one).values()) {
      sessions += c.sessions;
      ms += c.focusMs;
    }
    const own = inRangeRatings.filter((r) => r.domainId === domain.id);
    const wins = winsFrom(totals, from, one);
    if (domain.archivedAt !== undefined && sessions === 0 && own.length === 0 && wins === 0) continue;
    const first = own[0];
    const latest = own[own.length - 1];
    summary.push({
      domainId: domain.id,
      ...(first ? { firstRating: first.value } : {}),
      ...(latest ? { latestRating: latest.value } : {}),
      sessions,
      wins,
      minutes: Math.round(ms / 60_000),
    });
  }
  return {
    from,
    belief: efficacySeries({ ...emptyJournal(), ratings: inRangeRatings }),
    calendar: calendarOf(totals, now, daysBetween(calendarFrom, dayStart(now)) + 1, keep, calendarFrom),
    calendarFrom,
    ownCauses: attributionMixOf(totals, now, weeks, from, keep),
    calibration: calibrationOf(totals, from, keep),
    brier: brierOf(totals, from, keep),
    focus,
    summary,
  };
}

/** The domains the filter offers: every one still in use, and archived ones that left a record. */
export function progressDomainsFromView(view: HistoryView): { id: string; name: string }[] {
  const used = usedDomains(view.totals);
  for (const r of view.totals.ratings) used.add(r.domainId);
  return view.records.domains.filter((d) => d.archivedAt === undefined || used.has(d.id)).map((d) => ({ id: d.id, name: d.name }));
}
