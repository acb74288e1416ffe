import { t } from './l10n';

export const DAY = 86_400_000;

/**
 * The later of two records by `at`; at the same moment the one whose `key` sorts later, so every copy
 * and every order of reading picks the same one.
 */
export function later<T extends { at: number }>(x: T | undefined, y: T | undefined, key: (record: T) => string): T | undefined {
  if (!x || !y) return x ?? y;
  if (x.at !== y.at) return x.at > y.at ? x : y;
  return key(x) >= key(y) ? x : y;
}

/** Monday 00:00 local time of the week containing `at`. */
export function weekStart(at: number): number {
  const d = new Date(at);
  d.setHours(0, 0, 0, 0);
  const sinceMonday = (d.getDay() + 6) % 7;
  d.setDate(d.getDate() - sinceMonday);
  return d.getTime();
}

/** "2026-11-16": the local calendar date, as file names and the weekly review write it. */
export function localDate(at: number): string {
  return new Date(at).toLocaleDateString('en-CA');
}

/** `weeks` calendar weeks later (earlier when negative), at the same local time across daylight-saving changes. */
export function addWeeks(at: number, weeks: number): number {
  const d = new Date(at);
  d.setDate(d.getDate() + 7 * weeks);
  return d.getTime();
}

export function dayStart(at: number): number {
  const d = new Date(at);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}


/** "1:02:03" or "12:34"; always from a non-negative number of milliseconds. */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = String(minutes).padStart(2, '0');
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** "12 minutes", "1 hour 5 minutes": for screen readers, which read "12:34" poorly. */
export function spokenDuration(ms: number): string {
  const minutesTotal = Math.floor(Math.max(0, ms) / 60_000);
  const hours = Math.floor(minutesTotal / 60);
  const minutes = minutesTotal % 60;
  const parts: string[] = [];
  if (hours) parts.push(hours === 1 ? t('1 hour') : t('{0} hours', hours));
  parts.push(minutes === 1 ? t('1 minute') : t('{0} minutes', minutes));
  return parts.join(' ');
}

