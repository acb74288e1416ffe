/**
 * The mark "Delete all my data" leaves in storage: "<time>:<random id>". Marks are ordered, so a
 * window can tell a newer erase (drop what it knew) from a value stored by a window that had not yet
 * seen the latest one (older mark, or none: stale).
 */

/** When a mark was made; -1 for none. */
export function markTime(mark: unknown): number {
  return typeof mark === 'string' ? Number(mark.split(':')[0]) || 0 : -1;
}

/** A new mark, later than `last` even when the clock was set back since. */
export function nextMark(now: number, last: unknown, id: string): string {
  return `${Math.max(now, markTime(last) + 1)}:${id}`;
}

/** The order of two marks: by time, then by id; none comes before any. */
export function compareMarks(a: unknown, b: unknown): number {
  if (a === b) return 0;
  const byTime = markTime(a) - markTime(b);
  if (byTime !== 0) return Math.sign(byTime);
  return String(a) < String(b) ? -1 : 1;
}

/** What a mark looks like; a value carried from elsewhere (Settings Sync) is checked against it. */
export const MARK_PATTERN = /^\d{1,16}:[0-9A-Za-z-]{1,64}$/;

/** The later of two marks (none when both are none). */
export function laterMark(a: unknown, b: unknown): unknown {
  return compareMarks(a, b) >= 0 ? a : b;
}
