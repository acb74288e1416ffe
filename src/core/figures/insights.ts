import type { Journal, Session } from '../records/schema';
import { elapsedMs } from '../practices/session';
import { DAY } from '../time';
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

/** An attribution the user owns: internal and controllable (also counted per week in core/figures/aggregates.ts). */
export const OWN = (a: { internal: number; controllable: number }) => a.internal >= 6 && a.controllable >= 6;


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
