import type { Journal, Session } from '../records/schema';
import { elapsedMs, liveSubgoals } from '../practices/session';
import { addDays, addWeeks, DAY, dayStart, weekStart } from '../time';
import { t } from '../l10n';

export interface CalibrationRow {
  confidence: number;
  rated: number;
  met: number;
  partly: number;
}

/**
 * The share of a level's goals that were met, a partly met one counting half: as the Brier score
 * (core/figures/calibration.ts) and the ruler (core/coach/ruler.ts) count, so every figure of calibration agrees.
 */
export function metShare(row: CalibrationRow): number {
  return row.rated === 0 ? 0 : (row.met + row.partly / 2) / row.rated;
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

/** An attribution the user owns: internal and controllable (also counted per week in core/figures/aggregates.ts). */
export const OWN = (a: { internal: number; controllable: number }) => a.internal >= 6 && a.controllable >= 6;

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

export interface PeriodTotals {
  focusMs: number;
  wins: number;
}

function totals(sessions: readonly Session[], from: number, to: number, now: number): PeriodTotals {
  let focusMs = 0;
  let wins = 0;
  for (const s of sessions) {
    if (s.startedAt >= to || (s.endedAt ?? now) < from) continue;
    if (s.startedAt >= from) focusMs += elapsedMs(s, Math.min(now, s.endedAt ?? now));
    for (const w of s.wins) if (w.at >= from && w.at < to) wins++;
  }
  return { focusMs, wins };
}

/**
 * "The dip": over the last two weeks, focused time rose while wins fell. Said plainly, because it is
 * normal when learning something hard, and knowing that keeps people going.
 */
export function dipNote(journal: Journal, now: number): string | undefined {
  const earlier = totals(journal.sessions, now - 14 * DAY, now - 7 * DAY, now);
  const recent = totals(journal.sessions, now - 7 * DAY, now, now);
  const minFocus = 30 * 60_000;
  if (earlier.focusMs < minFocus || earlier.wins < 2) return undefined;
  if (recent.focusMs > earlier.focusMs * 1.1 && recent.wins < earlier.wins * 0.8) {
    const hours = (ms: number) => (ms / 3_600_000).toFixed(1);
    return t(
      'This week you focused {0} h (last week {1} h) but logged {2} wins (last week {3}). This is the dip: more effort before results show is normal when a skill is growing. Keep the subgoals small enough to finish.',
      hours(recent.focusMs),
      hours(earlier.focusMs),
      recent.wins,
      earlier.wins,
    );
  }
  return undefined;
}

/** Can-do ratings per domain over time, oldest first. */
export function efficacySeries(journal: Journal): { domainId: string; points: { at: number; value: number }[] }[] {
  const byDomain = new Map<string, { at: number; value: number }[]>();
  for (const r of journal.ratings) {
    const list = byDomain.get(r.domainId) ?? [];
    list.push({ at: r.at, value: r.value });
    byDomain.set(r.domainId, list);
  }
  return [...byDomain.entries()].map(([domainId, points]) => ({ domainId, points: points.sort((a, b) => a.at - b.at) }));
}
