/**
 * Dates in VS Code's display language, which the host writes into `<html lang>`, so they match the
 * dashboard's translated words whatever the browser's own language is. One formatter per style, made
 * on first use: `toLocaleDateString` with options builds a new formatter on every call, which
 * dominated a five-year dashboard's render. A display language Intl cannot read leaves the browser's
 * own locale, the next best thing for a date.
 */
import { displayLocale } from './displayLanguage';

export function formatter(options: Intl.DateTimeFormatOptions): (at: number | Date) => string {
  let format: Intl.DateTimeFormat | undefined;
  return (at) => (format ??= new Intl.DateTimeFormat(displayLocale(), options)).format(at);
}

/** "Nov 22" */
export const shortDate = formatter({ month: 'short', day: 'numeric' });
/** "Nov" */
export const monthName = formatter({ month: 'short' });
const weekdayName = formatter({ weekday: 'short' });
/** The short name of a weekday, 0 for Monday: "Mon". */
export const weekdayLabel = (index: number): string => weekdayName(new Date(2024, 0, 1 + index));
/** "Nov 2026" */
export const monthOfYear = formatter({ year: 'numeric', month: 'short' });
/** "14:05" or "2:05 PM" */
export const clockTime = formatter({ hour: '2-digit', minute: '2-digit' });
