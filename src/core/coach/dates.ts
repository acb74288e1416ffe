import { DAY, dayStart, inTimeZone } from '../time';

/**
 * A formatter in the user's display language; a tag Intl cannot read falls back to English, the
 * source language, rather than failing the sentence it sits in.
 */
export function dateFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const zoned = inTimeZone(options);
  try {
    return new Intl.DateTimeFormat(language, zoned);
  } catch {
    return new Intl.DateTimeFormat('en', zoned);
  }
}

/** "Nov 9, 2026": a day far enough back that a weekday name would be ambiguous. */
export function calendarDate(at: number, language: string): string {
  return dateFormat(language, { dateStyle: 'medium' }).format(at);
}

/** "Tuesday": only unambiguous within the last six days, which the caller checks with `daysAgo`. */
export function weekdayName(at: number, language: string): string {
  return dateFormat(language, { weekday: 'long' }).format(at);
}

/** Whole local calendar days between `at` and `now`; rounding absorbs a daylight-saving hour. */
export function daysAgo(at: number, now: number): number {
  return Math.round((dayStart(now) - dayStart(at)) / DAY);
}
