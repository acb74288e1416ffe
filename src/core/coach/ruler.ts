import type { Journal, Outcome } from '../records/schema';
import { liveSubgoals } from '../practices/session';
import { t } from '../l10n';

/** As in the Brier score (core/figures/calibration.ts): a goal partly met counts half. */
const HIT: Record<Outcome, number> = { met: 1, partly: 0.5, missed: 0 };

/** Enough goals at one level for its rate to say something (as calibrationFeedback requires). */
const MIN_AT_LEVEL = 5;
/** A gap the user would notice: two steps of the ruler. */
const MIN_GAP_POINTS = 20;
/** Enough rated goals overall before the record may move the shrink threshold. */
const MIN_FOR_THRESHOLD = 20;
/** The threshold asks "will I probably finish this?": goals at or above it were met 7 times in 10. */
const RELIABLE_IN_TEN = 7;

export interface LevelScore {
  rated: number;
  /** Met goals, a partly met one counting half. */
  points: number;
}

/**
 * Per confidence level 0–10, counted as `calibration` in core/figures/insights.ts counts: reviewed live goals
 * of ended sessions. The per-month aggregates hold the same counts (core/figures/aggregates.ts levelScoresOf).
 */
export function levelScores(journal: Journal): LevelScore[] {
  const rows: LevelScore[] = Array.from({ length: 11 }, () => ({ rated: 0, points: 0 }));
  for (const s of journal.sessions) {
    if (s.endedAt === undefined) continue;
    for (const g of liveSubgoals(s)) {
      const row = rows[g.confidence];
      if (!g.outcome || !row) continue;
      row.rated++;
      row.points += HIT[g.outcome];
    }
  }
  return rows;
}

// Whole numbers on both sides (points come in halves), so exactly 70% is never lost to rounding.
const isReliable = (points: number, rated: number) => rated > 0 && points * 10 >= rated * RELIABLE_IN_TEN;

/**
 * At the confidence ruler, when the user's own goals rated `level` were met far from what the level
 * promises: "Your 9s were met 40% of the time — shrink it, or rate it 4." The gap is measured on the
 * percentage the sentence shows, so the sentence and the threshold always agree; the suggested
 * rating is the level whose promise is closest to the observed rate. Undefined below 5 goals at the
 * level or under 20 points of gap.
 */
export function calibrationAtRuler(scores: readonly LevelScore[], level: number): string | undefined {
  if (!Number.isInteger(level)) return undefined;
  const row = scores[level];
  if (!row || row.rated < MIN_AT_LEVEL) return undefined;
  const exact = (row.points / row.rated) * 100;
  const percent = Math.round(exact);
  if (Math.abs(percent - level * 10) < MIN_GAP_POINTS) return undefined;
  const suggested = Math.min(10, Math.max(0, Math.round(exact / 10)));
  return percent < level * 10
    ? t('Your {0}s were met {1}% of the time — shrink it, or rate it {2}.', level, percent, suggested)
    : t('Your {0}s were met {1}% of the time — you can aim a little bigger, or rate it {2}.', level, percent, suggested);
}

/**
 * The shrink threshold the user's record supports, for users who opt in to it: the lowest level L
 * such that goals rated exactly L (at least 5 of them) and all goals rated L or higher were each met
 * at least 70% of the time (partly met counting half). Requiring L's own goals keeps a strong run
 * of 9s and 10s from vouching for levels the user rarely meets. Until the record holds 20 rated
 * goals, or when no level qualifies, it is the configured threshold.
 */
export function learnedThreshold(rows: readonly LevelScore[], configured: number): number {
  if (rows.reduce((n, r) => n + r.rated, 0) < MIN_FOR_THRESHOLD) return configured;
  let found: number | undefined;
  let rated = 0;
  let points = 0;
  for (let level = 10; level >= 0; level--) {
    const row = rows[level] ?? { rated: 0, points: 0 };
    rated += row.rated;
    points += row.points;
    if (row.rated >= MIN_AT_LEVEL && isReliable(row.points, row.rated) && isReliable(points, rated)) found = level;
  }
  return found ?? configured;
}
