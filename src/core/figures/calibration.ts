import type { Outcome } from '../records/schema';
import { metShare } from './insights';
import type { CalibrationRow } from './insights';
import { t } from '../l10n';

const HIT: Record<Outcome, number> = { met: 1, partly: 0.5, missed: 0 };

export interface BrierPoint {
  /** First day of the month (local time). */
  month: number;
  score: number;
  goals: number;
}

/**
 * One goal's squared error in units of 1/400: (2·confidence − 20·outcome)² is a whole number, so sums
 * do not depend on the order they are added in, and per-month totals (core/figures/aggregates.ts) add up to
 * exactly what a pass over the whole history gives.
 */
export function brierTwentieths(confidence: number, outcome: Outcome): number {
  return (2 * confidence - 20 * HIT[outcome]) ** 2;
}

/** The mean squared error of `goals` goals whose errors sum to `twentieths` (see brierTwentieths). */
export function brierScore(twentieths: number, goals: number): number {
  return twentieths / 400 / goals;
}


/** Squared errors summed in 1/400 (see brierTwentieths) over `goals` goals. */
export interface BrierSum {
  sq: number;
  goals: number;
}

/** One point per month, in time order, from the month's sums. */
export function brierPoints(byMonth: ReadonlyMap<number, BrierSum>): BrierPoint[] {
  return [...byMonth.entries()].sort((a, b) => a[0] - b[0]).map(([month, e]) => ({ month, score: brierScore(e.sq, e.goals), goals: e.goals }));
}

/** Enough rated goals at one level to say something about it. */
const MIN_GOALS = 5;
/** Healthy efficacy sits slightly above current skill, so a little over-confidence is left alone. */
const OVER_TOLERANCE = 0.1;
const UNDER_TOLERANCE = 0.2;

/**
 * Plain feedback when one confidence level is consistently off, citing the user's own numbers;
 * undefined when the record is too thin or calibration is healthy.
 */
export function calibrationFeedback(rows: readonly CalibrationRow[]): string | undefined {
  let worst: { row: CalibrationRow; gap: number } | undefined;
  for (const row of rows) {
    if (row.rated < MIN_GOALS) continue;
    const gap = metShare(row) - row.confidence / 10;
    const outside = gap < -OVER_TOLERANCE || gap > UNDER_TOLERANCE;
    if (outside && (!worst || Math.abs(gap) > Math.abs(worst.gap))) worst = { row, gap };
  }
  if (!worst) return undefined;
  const { row, gap } = worst;
  const share = Math.round(metShare(row) * 100);
  if (gap < 0) return t('Your {0}s were met {1}% of the time ({2} goals): shrink those goals a little more.', row.confidence, share, row.rated);
  return t('Your {0}s were met {1}% of the time ({2} goals): you can trust yourself with slightly bigger goals.', row.confidence, share, row.rated);
}
