/**
 * The figures computed record by record from the whole history: slow, plainly correct, and the
 * reference the aggregate-based model the product runs (core/figures/progress.ts, aggregates.ts)
 * must equal. Also the definitions the unit tests check each figure against.
 */
import type { Journal, Outcome, ProgressRange, Session, Win } from '../../src/core/records/schema';
import { brierPoints, brierTwentieths } from '../../src/core/figures/calibration';
import type { BrierPoint, BrierSum } from '../../src/core/figures/calibration';
import { efficacySeries, OWN } from '../../src/core/figures/insights';
import type { CalibrationRow } from '../../src/core/figures/insights';
import { calendarStart, daysBetween, fixedRangeStart } from '../../src/core/figures/progress';
import type { CalendarDay, DomainSummary, ProgressData, ProgressQuery } from '../../src/core/figures/progress';
import { elapsedMs, liveSubgoals } from '../../src/core/practices/session';
import { addDays, addWeeks, DAY, dayStart, monthStart, weekStart } from '../../src/core/time';

/** Monday 00:00 of the range's first week; "everything" starts with the week of the earliest record. */
export function rangeStart(journal: Journal, range: ProgressRange, now: number): number {
  if (range !== 'all') return fixedRangeStart(range, now);
  return weekStart(Math.min(earliestRecord(journal) ?? now, now));
}

function earliestRecord(journal: Journal): number | undefined {
  let earliest: number | undefined;
  for (const s of journal.sessions) earliest = Math.min(earliest ?? s.startedAt, s.startedAt);
  for (const r of journal.ratings) earliest = Math.min(earliest ?? r.at, r.at);
  return earliest;
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
  const calendarFrom = calendarStart(from, now);
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


/** For subgoals rated at each confidence level (0–10), how many were reviewed, met and partly met. */
export function calibration(journal: Journal): CalibrationRow[] {
  const rows: CalibrationRow[] = Array.from({ length: 11 }, (_, confidence) => ({ confidence, rated: 0, met: 0, partly: 0 }));
  for (const s of journal.sessions) {
    if (s.endedAt === undefined) continue;
    for (const g of liveSubgoals(s)) {
      if (!g.outcome) continue;
      const row = rows[g.confidence];
      if (!row) continue;
      row.rated++;
      if (g.outcome === 'met') row.met++;
      else if (g.outcome === 'partly') row.partly++;
    }
  }
  return rows;
}

/** Wins per local day for the `days` days ending today, oldest first. */
export function winsCalendar(journal: Journal, now: number, days = 84): { day: number; wins: number }[] {
  const today = dayStart(now);
  const first = dayStart(today - (days - 1) * DAY + DAY / 2);
  const counts = new Map<number, number>();
  for (const s of journal.sessions) {
    if ((s.endedAt ?? now) < first) continue;
    for (const w of s.wins) {
      if (w.at < first) continue;
      const d = dayStart(w.at);
      counts.set(d, (counts.get(d) ?? 0) + 1);
    }
  }
  const out: { day: number; wins: number }[] = [];
  // Day by calendar day (not 24 h, and from each day's start: where daylight saving skips midnight, that day starts at 01:00).
  for (let day = first; day <= today; day = dayStart(addDays(day, 1))) out.push({ day, wins: counts.get(day) ?? 0 });
  return out;
}

/** Per week with reviews (last `weeks` weeks): the share of attributions that were internal and controllable. */
export function attributionMix(journal: Journal, now: number, weeks = 12): { weekOf: number; reviews: number; ownShare: number }[] {
  // By the calendar, not by 7 × 24 hours: a week with a clock change is an hour (or half an hour) longer or shorter.
  const since = addWeeks(weekStart(now), -(weeks - 1));
  const byWeek = new Map<number, { reviews: number; own: number }>();
  for (const s of journal.sessions) {
    const a = s.review?.attribution;
    if (!a || s.startedAt < since - DAY) continue;
    const week = weekStart(s.startedAt);
    if (week < since) continue;
    const entry = byWeek.get(week) ?? { reviews: 0, own: 0 };
    entry.reviews++;
    if (OWN(a)) entry.own++;
    byWeek.set(week, entry);
  }
  return [...byWeek.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([weekOf, e]) => ({ weekOf, reviews: e.reviews, ownShare: e.own / e.reviews }));
}

/**
 * Brier score per domain per month: the mean of (confidence/10 − outcome)², outcome 1 met, 0.5 partly,
 * 0 missed. 0 is perfect calibration; always saying 5/10 scores 0.25.
 */
export function brierByDomain(journal: Journal): { domainId: string; points: BrierPoint[] }[] {
  const sums = new Map<string, Map<number, BrierSum>>();
  for (const s of journal.sessions) {
    if (s.endedAt === undefined) continue;
    const rated = liveSubgoals(s).filter((g) => g.outcome);
    if (rated.length === 0) continue;
    const byMonth = sums.get(s.domainId) ?? new Map<number, BrierSum>();
    const month = monthStart(s.startedAt);
    const entry = byMonth.get(month) ?? { sq: 0, goals: 0 };
    for (const g of rated) entry.sq += brierTwentieths(g.confidence, g.outcome as Outcome);
    entry.goals += rated.length;
    byMonth.set(month, entry);
    sums.set(s.domainId, byMonth);
  }
  return [...sums.entries()].map(([domainId, byMonth]) => ({ domainId, points: brierPoints(byMonth) }));
}
