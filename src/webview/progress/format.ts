/**
 * Numbers and dates in VS Code's display language, as the dashboard writes dates (../dates.ts). One
 * formatter per style, made on first use: Intl formatters are costly to build, and a chart asks for
 * hundreds of labels.
 */
import { displayLocale } from '../displayLanguage';
import { monthOfYear, shortDate } from '../dates';

function dateFormatter(options: Intl.DateTimeFormatOptions): (at: number | Date) => string {
  let format: Intl.DateTimeFormat | undefined;
  return (at) => (format ??= new Intl.DateTimeFormat(displayLocale(), options)).format(at);
}

function numberFormatter(options: Intl.NumberFormatOptions): (value: number) => string {
  let format: Intl.NumberFormat | undefined;
  return (value) => (format ??= new Intl.NumberFormat(displayLocale(), options)).format(value);
}

/** "Nov 22, 2026": a date the reader can place without the chart's context. */
export const fullDate = dateFormatter({ year: 'numeric', month: 'short', day: 'numeric' });
/** "Nov" */
export const monthName = dateFormatter({ month: 'short' });
/** "Mon" */
export const weekdayName = dateFormatter({ weekday: 'short' });
/** "1,234" */
export const count = numberFormatter({ maximumFractionDigits: 0 });
/** "0.04": a Brier score. */
export const score = numberFormatter({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** "6.5" */
export const oneDecimal = numberFormatter({ minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A share (0–1) as a whole percentage number, as charts and tables show it. */
export const percent = (share: number): number => Math.round(share * 100);

/** Tick labels for a time axis: days for a range of a few months, months (with the year) beyond. */
export function timeTick(from: number, to: number): (at: Date) => string {
  const format = to - from <= 120 * 86_400_000 ? shortDate : monthOfYear;
  return (at) => format(at.getTime());
}
