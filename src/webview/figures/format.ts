/**
 * Numbers and dates in VS Code's display language, as the dashboard writes dates (../dates.ts). One
 * formatter per style, made on first use: Intl formatters are costly to build, and a chart asks for
 * hundreds of labels.
 */
import { displayLocale } from '../displayLanguage';
import { formatter, monthOfYear, shortDate } from '../dates';
import { addWeeks } from '../../core/time';

function numberFormatter(options: Intl.NumberFormatOptions): (value: number) => string {
  let format: Intl.NumberFormat | undefined;
  return (value) => (format ??= new Intl.NumberFormat(displayLocale(), options)).format(value);
}

/** "Nov 22, 2026": a date the reader can place without the chart's context. */
export const fullDate = formatter({ year: 'numeric', month: 'short', day: 'numeric' });
/** "1,234" */
export const count = numberFormatter({ maximumFractionDigits: 0 });
/** "0.04": a Brier score. */
export const score = numberFormatter({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** "6.5" */
export const oneDecimal = numberFormatter({ minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A share (0–1) as a whole percentage number, as charts and tables show it. */
export const percent = (share: number): number => Math.round(share * 100);

/** Up to this long, a time axis names days; beyond, months (with the year). */
const DAY_TICKS_MS = 120 * 86_400_000;

/** Tick labels for a time axis: days for a range of a few months, months (with the year) beyond. */
export function timeTick(from: number, to: number): (at: Date) => string {
  const format = to - from <= DAY_TICKS_MS ? shortDate : monthOfYear;
  return (at) => format(at.getTime());
}

/** How many ticks a time axis this wide has room for. */
export const tickRoom = (width: number): number => Math.max(2, Math.floor(width / 110));

/**
 * Ticks for an axis of weekly bars from `from` (a week's first day) to `to`: where days are named, the
 * first days of the weeks themselves, every so many weeks, so each label names the week whose bar
 * starts there (left to itself, Plot would pick Sundays); beyond, Plot's own month ticks.
 */
export function weekTicks(from: number, to: number, width: number): Date[] | number {
  if (to - from > DAY_TICKS_MS) return tickRoom(width);
  const weeks = Math.round((to - from) / (7 * 86_400_000));
  const step = Math.max(1, Math.ceil(weeks / tickRoom(width)));
  const ticks: Date[] = [];
  for (let week = 0; week < weeks; week += step) ticks.push(new Date(addWeeks(from, week)));
  return ticks;
}
