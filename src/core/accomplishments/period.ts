/**
 * The periods a review covers: whole calendar months and quarters before the current one (what a
 * performance review asks about), the year so far, or any range of days. Each is [from, to) between
 * local midnights.
 */
import { t } from '../l10n';
import { addDays, dayOfDate, dayStart, localDate, monthStart, quarterStart, yearStart } from '../time';

export const PERIOD_KINDS = ['lastMonth', 'lastQuarter', 'lastSixMonths', 'lastYear', 'yearToDate'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  /** Local midnight of the first day. */
  from: number;
  /** Local midnight after the last day (exclusive). */
  to: number;
}

/** The period `kind` names at `now`. */
export function periodOf(kind: PeriodKind, now: number): Period {
  switch (kind) {
    case 'lastMonth':
      return { from: monthStart(now, -1), to: monthStart(now) };
    case 'lastQuarter':
      return { from: quarterStart(now, -1), to: quarterStart(now) };
    case 'lastSixMonths':
      return { from: monthStart(now, -6), to: monthStart(now) };
    case 'lastYear':
      return { from: yearStart(now, -1), to: yearStart(now) };
    case 'yearToDate':
      return { from: yearStart(now), to: dayAfter(now) };
  }
}

/** Local midnight after the day holding `at`: where a period that ends today ends. */
export function dayAfter(at: number): number {
  return dayStart(addDays(dayStart(at), 1));
}

/** The days from `first` to `last` ("2026-07-01", "2026-09-30"), both included, or why they are no period. */
export function customPeriod(first: string, last: string): { ok: true; period: Period } | { ok: false; problem: string } {
  const from = dayOfDate(first);
  const lastDay = dayOfDate(last);
  if (from === undefined || lastDay === undefined) return { ok: false, problem: dateProblem() };
  if (lastDay < from) return { ok: false, problem: t('The last day comes before the first ({0}).', first.trim()) };
  return { ok: true, period: { from, to: dayAfter(lastDay) } };
}

/** What a date box says while its text is not a date. */
export function dateProblem(): string {
  return t('Type a date as year-month-day, such as {0}.', '2026-07-01');
}

/** "2026-07-01 – 2026-09-30": the first and the last day. */
export function periodDates(p: Period): string {
  return `${localDate(p.from)} – ${localDate(addDays(p.to, -1))}`;
}

/** What each period is called where the user picks one. */
export function periodLabel(kind: PeriodKind): string {
  switch (kind) {
    case 'lastMonth':
      return t('Last month');
    case 'lastQuarter':
      return t('Last quarter');
    case 'lastSixMonths':
      return t('Last six months');
    case 'lastYear':
      return t('Last year');
    case 'yearToDate':
      return t('This year so far');
  }
}

/** Whether `at` falls in the period. */
export const within = (p: Period, at: number): boolean => at >= p.from && at < p.to;
