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

/**
 * The time zone days, weeks and months are cut in: the user's own, which in a remote window is not
 * the zone of the machine the extension runs on (host/platform/timeZone.ts learns it). Undefined: this
 * process's own zone, read from Date itself.
 */
let zone: Zone | undefined;

interface Zone {
  name: string;
  format: Intl.DateTimeFormat;
  /** Per UTC day: the offset it has throughout, or NaN for a day the offset changes in. */
  days: Map<number, number>;
  /** Per minute of the days the offset changes in. */
  minutes: Map<number, number>;
}

/** Each zone named once keeps what it learnt: a window that goes back and forth asks Intl once. */
const zones = new Map<string, Zone>();

/** The zone's name as Intl knows it ("Europe/Berlin"), or undefined for one it does not know. */
export function knownTimeZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** This process's own time zone. */
export function processTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Cuts days in `name` from now on (undefined: this process's zone); false, changing nothing, for a zone Intl does not know. */
export function useTimeZone(name: string | undefined): boolean {
  const known = name === undefined ? processTimeZone() : knownTimeZone(name);
  if (known === undefined) return false;
  if (known === processTimeZone()) zone = undefined;
  else {
    let named = zones.get(known);
    if (!named) {
      const format = new Intl.DateTimeFormat('en-US', { timeZone: known, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
      zones.set(known, (named = { name: known, format, days: new Map(), minutes: new Map() }));
    }
    zone = named;
  }
  return true;
}

/** The zone days are cut in. */
export function timeZoneName(): string {
  return zone?.name ?? processTimeZone();
}

/** Options that make an Intl formatter show the time of day in the zone days are cut in. */
export function inTimeZone<T extends Intl.DateTimeFormatOptions>(options: T): T {
  return zone ? { ...options, timeZone: zone.name } : options;
}

/** The most moments remembered per zone before starting afresh (a few years of days). */
const REMEMBERED = 50_000;

/**
 * How far the zone's clock is ahead of UTC at `at`, in milliseconds. Intl is asked twice per UTC day
 * ever asked about: a day with the same offset at both ends has it throughout (offsets change a few
 * times a year); one with a change inside (St. John's changed at 00:01) is asked about to the minute.
 */
function offsetAt(at: number): number {
  if (!zone) return -new Date(at).getTimezoneOffset() * 60_000;
  const day = Math.floor(at / DAY);
  const known = remembered(zone.days, day, () => {
    const first = intlOffset(day * DAY);
    return intlOffset((day + 1) * DAY) === first ? first : Number.NaN;
  });
  if (!Number.isNaN(known)) return known;
  const minute = Math.floor(at / 60_000);
  return remembered(zone.minutes, minute, () => intlOffset(minute * 60_000));
}

/** The value kept for `key`, computed once; past REMEMBERED keys the map starts afresh. */
function remembered(map: Map<number, number>, key: number, compute: () => number): number {
  let value = map.get(key);
  if (value === undefined) {
    value = compute();
    if (map.size > REMEMBERED) map.clear();
    map.set(key, value);
  }
  return value;
}

function intlOffset(at: number): number {
  const f: Record<string, number> = {};
  for (const part of (zone as Zone).format.formatToParts(at)) if (part.type !== 'literal') f[part.type] = Number(part.value);
  return Date.UTC(f['year'] as number, (f['month'] as number) - 1, f['day'], f['hour'], f['minute'], f['second']) - at;
}

/** What the zone's clock shows at `at`, as the UTC moment with those fields (read with getUTC*). */
function wallClock(at: number): number {
  return at + offsetAt(at);
}

const HOUR = 3_600_000;

/**
 * The moment the zone's clock shows `wall`, as Date reads a local time: a time a daylight-saving change
 * skips is read with the offset before it (00:30 in a skipped hour is 01:30), and a time it repeats
 * is the earlier of the two.
 */
function momentOf(wall: number): number {
  const guess = wall - offsetAt(wall);
  // A change of offset is never more than a few hours: the offsets six hours either side of the guess are the two there can be.
  const before = offsetAt(guess - 6 * HOUR);
  const after = offsetAt(guess + 6 * HOUR);
  if (before === after) return wall - before;
  const early = wall - before;
  const late = wall - after;
  const earlyFits = offsetAt(early) === before;
  const lateFits = offsetAt(late) === after;
  if (earlyFits && lateFits) return Math.min(early, late);
  if (lateFits) return late;
  return early;
}

/** 00:00 of the day containing `at`. */
export function dayStart(at: number): number {
  const wall = wallClock(at);
  return momentOf(wall - mod(wall, DAY));
}

/** Monday 00:00 of the week containing `at`. */
export function weekStart(at: number): number {
  const wall = wallClock(at);
  const day = Math.floor(wall / DAY);
  const sinceMonday = (new Date(day * DAY).getUTCDay() + 6) % 7;
  return momentOf((day - sinceMonday) * DAY);
}

/** 00:00 on the first of the month containing `at`, `months` months later (earlier when negative). */
export function monthStart(at: number, months = 0): number {
  const wall = new Date(wallClock(at));
  return momentOf(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth() + months, 1));
}

/** 00:00 on the first day of the calendar quarter containing `at`, `quarters` quarters later (earlier when negative). */
export function quarterStart(at: number, quarters = 0): number {
  return monthStart(at, -(monthOfYear(at) % 3) + 3 * quarters);
}

/** 00:00 on 1 January of the year containing `at`, `years` years later (earlier when negative). */
export function yearStart(at: number, years = 0): number {
  return monthStart(at, -monthOfYear(at) + 12 * years);
}

/** The zone's month at `at`, 0 for January. */
function monthOfYear(at: number): number {
  return new Date(wallClock(at)).getUTCMonth();
}

/** 00:00 of the calendar date "2026-11-16" names, or undefined when it names none. */
export function dayOfDate(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const wall = Date.UTC(year, month - 1, day);
  // Date.UTC rolls "2026-02-30" into March: a date that does not come back as written is no date.
  if (new Date(wall).toISOString().slice(0, 10) !== text.trim()) return undefined;
  return momentOf(wall);
}

/** "2026-11-16": the calendar date, as file names and the weekly review write it. */
export function localDate(at: number): string {
  return new Date(wallClock(at)).toISOString().slice(0, 10);
}

/** `days` calendar days later (earlier when negative), at the same time of day across daylight-saving changes. */
export function addDays(at: number, days: number): number {
  return momentOf(wallClock(at) + days * DAY);
}

/** `weeks` calendar weeks later (earlier when negative), at the same time of day across daylight-saving changes. */
export function addWeeks(at: number, weeks: number): number {
  return addDays(at, 7 * weeks);
}

/** The zone days are cut in, as a key that changes when they would be cut otherwise (derived data keyed by it is recomputed). */
export function zoneKey(): string {
  const offset = (month: number) => offsetAt(Date.UTC(2026, month, 1)) / 60_000;
  return `${timeZoneName()}|${offset(0)}|${offset(6)}`;
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
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

