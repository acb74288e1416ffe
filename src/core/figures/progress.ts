/**
 * The Progress tab's numbers, from the whole history, for one time range and a set of domains. The
 * charts the dashboard already draws are computed by the same functions, run on the journal narrowed
 * to the range and the domains, so the two surfaces never disagree about a definition.
 */
import type { Journal, ProgressRange, Session, Win } from '../records/schema';
import { emptyJournal } from '../records/schema';
import { attributionMixOf, brierOf, calendarOf, calibrationOf, usedDomains, weeksFrom, winsFrom } from './aggregates';
import type { HistoryView } from './aggregates';
import { attributionMix, calibration, efficacySeries, winsCalendar } from './insights';
import type { CalibrationRow } from './insights';
import { brierByDomain } from './calibration';
import type { BrierPoint } from './calibration';
import { elapsedMs } from '../practices/session';
import { addWeeks, DAY, dayStart, weekStart } from '../time';

export { PROGRESS_RANGES } from '../records/schema';
export type { ProgressRange } from '../records/schema';

/** Whole weeks each range covers, the current one included, so every weekly bar is a full week. */
const RANGE_WEEKS: Record<Exclude<ProgressRange, 'all'>, number> = { '4w': 4, '3m': 13, '1y': 52 };

export interface ProgressQuery {
  range: ProgressRange;
  /** The domains to include; every domain when absent. */
  domainIds?: readonly string[];
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
function daysBetween(from: number, to: number): number {
  return Math.round((to - from) / DAY);
}

function earliestRecord(journal: Journal): number | undefined {
  let earliest: number | undefined;
  for (const s of journal.sessions) earliest = Math.min(earliest ?? s.startedAt, s.startedAt);
  for (const r of journal.ratings) earliest = Math.min(earliest ?? r.at, r.at);
  return earliest;
}

/** Monday 00:00 of the range's first week; "everything" starts with the week of the earliest record. */
export function rangeStart(journal: Journal, range: ProgressRange, now: number): number {
  const thisWeek = weekStart(now);
  if (range !== 'all') return addWeeks(thisWeek, -(RANGE_WEEKS[range] - 1));
  return weekStart(Math.min(earliestRecord(journal) ?? now, now));
}

/** The journal with only the chosen domains' sessions and ratings. */
export function forDomains(journal: Journal, domainIds: readonly string[] | undefined): Journal {
  if (!domainIds) return journal;
  const keep = new Set(domainIds);
  return {
    ...journal,
    sessions: journal.sessions.filter((s) => keep.has(s.domainId)),
    ratings: journal.ratings.filter((r) => keep.has(r.domainId)),
  };
}

/** The journal with only what happened from `from` on: sessions by their start, ratings by their time. */
function since(journal: Journal, from: number): Journal {
  return { ...journal, sessions: journal.sessions.filter((s) => s.startedAt >= from), ratings: journal.ratings.filter((r) => r.at >= from) };
}

/** A win without an author predates authors being recorded, and was the user's own. */
function isAssisted(win: Win): boolean {
  const by = (win as { by?: unknown }).by;
  return by === 'assisted' || by === 'assistant';
}

function focusedMs(s: Session, now: number): number {
  return elapsedMs(s, Math.min(now, s.endedAt ?? now));
}

/** Wins per day, with the assisted part of each day, for the days from `first` to today. */
function calendar(journal: Journal, first: number, now: number): CalendarDay[] {
  const assisted = new Map<number, number>();
  for (const s of journal.sessions) {
    for (const w of s.wins) {
      if (w.at < first || !isAssisted(w)) continue;
      const day = dayStart(w.at);
      assisted.set(day, (assisted.get(day) ?? 0) + 1);
    }
  }
  const days = daysBetween(first, dayStart(now)) + 1;
  return winsCalendar(journal, now, days).map((d) => ({ ...d, assisted: assisted.get(d.day) ?? 0 }));
}

/** Focused minutes for every week from `from` to this week. */
function focusPerWeek(journal: Journal, from: number, now: number): { weekOf: number; minutes: number }[] {
  const ms = new Map<number, number>();
  for (const s of journal.sessions) {
    const week = weekStart(s.startedAt);
    ms.set(week, (ms.get(week) ?? 0) + focusedMs(s, now));
  }
  const out: { weekOf: number; minutes: number }[] = [];
  for (let week = from; week <= now; week = addWeeks(week, 1)) out.push({ weekOf: week, minutes: Math.round((ms.get(week) ?? 0) / 60_000) });
  return out;
}

/** Wins logged from `from` on, counted by when they were logged, as the calendar counts them. */
function winsSince(sessions: readonly Session[], from: number): number {
  let wins = 0;
  for (const s of sessions) for (const w of s.wins) if (w.at >= from) wins++;
  return wins;
}

/**
 * One row per chosen domain that is still in use or has a record in the range. Wins are counted
 * from `chosen`, not `inRange`: a win logged in the range may belong to a session begun just before.
 */
function summaries(chosen: Journal, inRange: Journal, from: number, domainIds: readonly string[] | undefined, now: number): DomainSummary[] {
  const keep = domainIds ? new Set(domainIds) : undefined;
  const rows: DomainSummary[] = [];
  for (const domain of chosen.domains) {
    if (keep && !keep.has(domain.id)) continue;
    const sessions = inRange.sessions.filter((s) => s.domainId === domain.id);
    const ratings = inRange.ratings.filter((r) => r.domainId === domain.id).sort((a, b) => a.at - b.at);
    const wins = winsSince(chosen.sessions.filter((s) => s.domainId === domain.id), from);
    if (domain.archivedAt !== undefined && sessions.length === 0 && ratings.length === 0 && wins === 0) continue;
    const first = ratings[0];
    const latest = ratings[ratings.length - 1];
    rows.push({
      domainId: domain.id,
      ...(first ? { firstRating: first.value } : {}),
      ...(latest ? { latestRating: latest.value } : {}),
      sessions: sessions.length,
      wins,
      minutes: Math.round(sessions.reduce((ms, s) => ms + focusedMs(s, now), 0) / 60_000),
    });
  }
  return rows;
}

/** Everything the Progress tab draws for one range and set of domains, at `now`. */
export function progressData(journal: Journal, now: number, query: ProgressQuery): ProgressData {
  const chosen = forDomains(journal, query.domainIds);
  const from = rangeStart(chosen, query.range, now);
  const inRange = since(chosen, from);
  const weeks = Math.round((weekStart(now) - from) / (7 * DAY)) + 1;
  const calendarFrom = Math.max(from, addWeeks(weekStart(now), -(RANGE_WEEKS['1y'] - 1)));
  return {
    from,
    belief: efficacySeries(inRange),
    calendar: calendar(chosen, calendarFrom, now),
    calendarFrom,
    ownCauses: attributionMix(inRange, now, weeks),
    calibration: calibration(inRange),
    brier: brierByDomain(inRange),
    focus: focusPerWeek(inRange, from, now),
    summary: summaries(chosen, inRange, from, query.domainIds, now),
  };
}

/** The domains the filter offers: every one still in use, and archived ones that left a record. */
export function progressDomains(journal: Journal): { id: string; name: string }[] {
  const used = new Set([...journal.sessions.map((s) => s.domainId), ...journal.ratings.map((r) => r.domainId)]);
  return journal.domains.filter((d) => d.archivedAt === undefined || used.has(d.id)).map((d) => ({ id: d.id, name: d.name }));
}

/** progressData from aggregates (core/figures/aggregates.ts) and the live records, without the whole history. */
export function progressDataFromView(view: HistoryView, now: number, query: ProgressQuery): ProgressData {
  const { totals, records } = view;
  const keep = query.domainIds ? new Set(query.domainIds) : undefined;
  const ratings = keep ? totals.ratings.filter((r) => keep.has(r.domainId)) : totals.ratings;
  let from: number;
  if (query.range !== 'all') from = rangeStart(emptyJournal(), query.range, now);
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
  const calendarFrom = Math.max(from, addWeeks(weekStart(now), -(RANGE_WEEKS['1y'] - 1)));
  const byWeek = weeksFrom(totals, from, keep);
  const focus: { weekOf: number; minutes: number }[] = [];
  for (let week = from; week <= now; week = addWeeks(week, 1)) focus.push({ weekOf: week, minutes: Math.round((byWeek.get(week)?.focusMs ?? 0) / 60_000) });
  const summary: DomainSummary[] = [];
  for (const domain of records.domains) {
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

/** progressDomains from aggregates: every domain still in use, and archived ones that left a record. */
export function progressDomainsFromView(view: HistoryView): { id: string; name: string }[] {
  const used = usedDomains(view.totals);
  for (const r of view.totals.ratings) used.add(r.domainId);
  return view.records.domains.filter((d) => d.archivedAt === undefined || used.has(d.id)).map((d) => ({ id: d.id, name: d.name }));
}
