/**
 * What the views read from the aggregates of the whole history: each figure's numbers, the facts the
 * coach cites, and the choices a start offers. Each gives what its full-history definition gives
 * (test/oracles), from a few small aggregates instead of every record.
 */
import type { CalibrationRow } from './insights';
import { brierPoints } from './calibration';
import type { BrierPoint, BrierSum } from './calibration';
import type { CreditFacts } from '../coach/credit';
import type { LevelScore } from '../coach/ruler';
import { addDays, addWeeks, dayStart, later, weekStart } from '../time';
import { laterTweak, mostRecentlyHelped } from '../coach/tweaks';
import type { Tweak, WorkingTweak } from '../coach/tweaks';
import { addWeek, laterStart } from './aggregates';
import type { Authors, DomainCell, MonthAggregate, WeekCell } from './aggregates';

/** Rows of a table for the chosen domains (every domain when `keep` is absent). */
function* rows<T>(table: Record<string, Record<string, T>>, keep: ReadonlySet<string> | undefined): Generator<[string, number, T]> {
  for (const [domain, row] of Object.entries(table)) {
    if (keep && !keep.has(domain)) continue;
    // parseInt reads the leading time and stops at the '/': no array per key, on every key of years of history.
    for (const [key, value] of Object.entries(row)) yield [domain, parseInt(key, 10), value];
  }
}

/** Wins per local day for the `days` days ending today (as winsCalendar in test/oracles/figures.ts), plus the assisted ones from `assistedFrom`. */
export function calendarOf(totals: MonthAggregate, now: number, days: number, keep?: ReadonlySet<string>, assistedFrom = Infinity): { day: number; wins: number; assisted: number }[] {
  const today = dayStart(now);
  const first = dayStart(today - (days - 1) * 86_400_000 + 43_200_000);
  const counts = new Map<number, [number, number]>();
  for (const [, day, authors] of rows(totals.days, keep)) {
    if (day < first) continue;
    const known = counts.get(day) ?? [0, 0];
    known[0] += authors[0] + authors[1] + authors[2];
    if (day >= assistedFrom) known[1] += authors[1] + authors[2];
    counts.set(day, known);
  }
  const out: { day: number; wins: number; assisted: number }[] = [];
  // Day by calendar day (not 24 h, and from each day's start: where daylight saving skips midnight, that day starts at 01:00).
  for (let day = first; day <= today; day = dayStart(addDays(day, 1))) {
    const c = counts.get(day);
    out.push({ day, wins: c?.[0] ?? 0, assisted: c?.[1] ?? 0 });
  }
  return out;
}

/** Wins logged from local midnight `from` on. */
export function winsFrom(totals: MonthAggregate, from: number, keep?: ReadonlySet<string>): number {
  let wins = 0;
  for (const [, day, a] of rows(totals.days, keep)) if (day >= from) wins += a[0] + a[1] + a[2];
  return wins;
}

/** The weekly cells summed per week, from week `from` on. */
export function weeksFrom(totals: MonthAggregate, from: number, keep?: ReadonlySet<string>): Map<number, WeekCell> {
  const byWeek = new Map<number, WeekCell>();
  for (const [, week, cellValue] of rows(totals.weeks, keep)) {
    if (week < from) continue;
    const known = byWeek.get(week);
    byWeek.set(week, known ? addWeek(known, cellValue) : cellValue);
  }
  return byWeek;
}

/** As attributionMix in test/oracles/figures.ts: the last `weeks` weeks with reviews, from week `from` on. */
export function attributionMixOf(totals: MonthAggregate, now: number, weeks = 12, from = -Infinity, keep?: ReadonlySet<string>): { weekOf: number; reviews: number; ownShare: number }[] {
  const since = addWeeks(weekStart(now), -(weeks - 1));
  return [...weeksFrom(totals, Math.max(from, since), keep).entries()]
    .filter(([, c]) => c.reviews > 0)
    .sort((a, b) => a[0] - b[0])
    .map(([weekOf, c]) => ({ weekOf, reviews: c.reviews, ownShare: c.own / c.reviews }));
}

/** Per confidence level 0–10: the goals rated, met and partly met in sessions started from week `from` on. */
function levelCounts(totals: MonthAggregate, from = -Infinity, keep?: ReadonlySet<string>): { rated: number; met: number; partly: number }[] {
  const out = Array.from({ length: 11 }, () => ({ rated: 0, met: 0, partly: 0 }));
  for (const [, week, c] of rows(totals.weeks, keep)) {
    if (week < from) continue;
    out.forEach((row, level) => {
      row.rated += c.rated[level] ?? 0;
      row.met += c.met[level] ?? 0;
      row.partly += c.partly[level] ?? 0;
    });
  }
  return out;
}

/** As calibration in test/oracles/figures.ts, for sessions started from week `from` on. */
export function calibrationOf(totals: MonthAggregate, from = -Infinity, keep?: ReadonlySet<string>): CalibrationRow[] {
  return levelCounts(totals, from, keep).map((c, confidence) => ({ confidence, rated: c.rated, met: c.met, partly: c.partly }));
}

/** As core/coach/ruler.ts levelScores: per confidence level, the goals rated and the points met (partly met counting half). */
export function levelScoresOf(totals: MonthAggregate): LevelScore[] {
  return levelCounts(totals).map((c) => ({ rated: c.rated, points: c.met + c.partly / 2 }));
}

/** As brierByDomain in test/oracles/figures.ts, for sessions started from week `from` on, domains in the order they were first rated. */
export function brierOf(totals: MonthAggregate, from = -Infinity, keep?: ReadonlySet<string>): { domainId: string; points: BrierPoint[] }[] {
  const byDomain = new Map<string, { domainId: string; first: number; months: Map<number, BrierSum> }>();
  for (const [domainId, row] of Object.entries(totals.brier)) {
    if (keep && !keep.has(domainId)) continue;
    for (const [key, b] of Object.entries(row)) {
      const [week, month] = key.split('/').map(Number) as [number, number];
      if (week < from) continue;
      const entry = byDomain.get(domainId) ?? { domainId, first: b.first, months: new Map<number, BrierSum>() };
      entry.first = Math.min(entry.first, b.first);
      const m = entry.months.get(month) ?? { sq: 0, goals: 0 };
      m.sq += b.sq;
      m.goals += b.goals;
      entry.months.set(month, m);
      byDomain.set(domainId, entry);
    }
  }
  return [...byDomain.values()].sort((a, b) => a.first - b.first).map((e) => ({ domainId: e.domainId, points: brierPoints(e.months) }));
}

/** What the sentence from the record cites (core/coach/credit.ts), for one domain and confidence threshold. */
export function recordFacts(totals: MonthAggregate, domainId: string, threshold: number): CreditFacts {
  const byAuthor = (a: Authors) => ({ mine: a[0], assisted: a[1], assistant: a[2] });
  const d = totals.domains[domainId];
  if (!d) return { wins: byAuthor([0, 0, 0]), sessions: 0 };
  let low: { confidence: number; at: number; wins: Authors } | undefined;
  d.lowStarts.forEach((l, confidence) => {
    if (l && confidence < threshold && (!low || l.at >= low.at)) low = { confidence, at: l.at, wins: l.wins };
  });
  return { wins: byAuthor(d.endedWins), sessions: d.endedSessions, ...(low ? { lowStart: { confidence: low.confidence, wins: byAuthor(low.wins) } } : {}) };
}

/** The domain of the latest session, however long ago. */
export function latestDomainOf(totals: MonthAggregate): string | undefined {
  let latest: { at: number; domainId: string } | undefined;
  for (const [domainId, d] of Object.entries(totals.domains)) latest = later(latest, d.latest ? { at: d.latest.at, domainId } : undefined, (l) => l.domainId);
  return latest?.domainId;
}

/** The cue the latest session (in `domainId`, or in any domain) ended with, however long ago: core/records/journal.ts latestCue from the totals. */
export function latestCueOf(totals: MonthAggregate, domainId?: string): string | undefined {
  const cells = domainId === undefined ? Object.values(totals.domains) : [totals.domains[domainId]];
  let latest: DomainCell['latest'] = null;
  for (const d of cells) latest = laterStart(latest, d?.latest ?? null);
  return latest?.cue ?? undefined;
}


/** As core/coach/tweaks.ts lastTweak, however long ago the slip was; with whether it was asked about. */
function lastSlip(totals: MonthAggregate, domainId: string): (Tweak & { asked: boolean }) | undefined {
  let latest: (Tweak & { asked: boolean }) | undefined;
  for (const [sessionId, slip] of Object.entries(totals.tweaks.slips)) {
    if (slip.domainId === domainId) latest = laterTweak(latest, { sessionId, tweak: slip.tweak, at: slip.at, asked: slip.asked });
  }
  return latest;
}

export function lastTweakOf(totals: MonthAggregate, domainId: string): Tweak | undefined {
  const last = lastSlip(totals, domainId);
  return last && { sessionId: last.sessionId, tweak: last.tweak, at: last.at };
}

/** As core/coach/tweaks.ts tweakStillOpen. */
export function tweakStillOpenOf(totals: MonthAggregate, domainId: string): Tweak | undefined {
  const last = lastSlip(totals, domainId);
  return last && !last.asked ? { sessionId: last.sessionId, tweak: last.tweak, at: last.at } : undefined;
}

/** As core/coach/tweaks.ts tweaksThatWork. */
export function worksOf(totals: MonthAggregate): WorkingTweak[] {
  return mostRecentlyHelped(totals.tweaks.works.slice());
}

/** Domains with at least one session. */
export function usedDomains(totals: MonthAggregate): Set<string> {
  return new Set(Object.entries(totals.weeks).filter(([, row]) => Object.keys(row).length > 0).map(([d]) => d));
}
