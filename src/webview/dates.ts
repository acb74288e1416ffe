/**
 * Dates in VS Code's display language, which the host writes into `<html lang>`, so they match the
 * dashboard's translated words whatever the browser's own language is. One formatter per style, made
 * on first use: `toLocaleDateString` with options builds a new formatter on every call, which
 * dominated a five-year dashboard's render. A display language Intl cannot read leaves the browser's
 * own locale, the next best thing for a date.
 */
import { displayLocale } from './displayLanguage';

function formatter(options: Intl.DateTimeFormatOptions): (at: number) => string {
  let format: Intl.DateTimeFormat | undefined;
  return (at) => (format ??= new Intl.DateTimeFormat(displayLocale(), options)).format(at);
}

/** "Nov 22" */
export const shortDate = formatter({ month: 'short', day: 'numeric' });
/** "Nov" */
export const monthName = formatter({ month: 'short' });
/** "Mon" */
export const weekdayName = formatter({ weekday: 'short' });
/** "Nov 2026" */
export const monthOfYear = formatter({ year: 'numeric', month: 'short' });
/** "14:05" or "2:05 PM" */
export const clockTime = formatter({ hour: '2-digit', minute: '2-digit' });
