import { DAY } from '../time';

/**
 * An edit stamp from a hybrid logical clock: the wall time of the edit, a counter for edits that
 * would otherwise not move forward (within one millisecond, or behind a clock set back), and the
 * writer (a device id) as the final tie-break. Written "<wall>.<counter>.<writer>". The most recent
 * edit wins everywhere, ties break the same way on every machine, and an edit always wins over the
 * version it replaced, whatever the two clocks said.
 */
export interface Stamp {
  wall: number;
  counter: number;
  writer: string;
}

/** Wall time and counter stay exact in a double (15 digits each), so an edit past any stored counter can always be stamped. */
export const STAMP_PATTERN = /^(\d{1,15})\.(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/;

/** A record never edited since it was written (absent stamp) sorts before every edit. */
const NEVER: Stamp = { wall: 0, counter: 0, writer: '' };

export function parseStamp(text: string | undefined): Stamp {
  const m = text === undefined ? null : STAMP_PATTERN.exec(text);
  return m ? { wall: Number(m[1]), counter: Number(m[2]), writer: m[3] as string } : NEVER;
}

export function formatStamp(stamp: Stamp): string {
  return `${stamp.wall}.${stamp.counter}.${stamp.writer}`;
}

/** Negative when `a` is older than `b`: by wall time, then counter, then writer. */
export function compareStamps(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  const p = parseStamp(a);
  const q = parseStamp(b);
  return p.wall - q.wall || p.counter - q.counter || (p.writer < q.writer ? -1 : p.writer > q.writer ? 1 : 0);
}

/** Who edits and when: what an edit's new stamp is made from. */
export interface Editor {
  now: number;
  writer: string;
}

/** The stamp of an edit made now over a record stamped `seen`: later than `seen`, even when this clock is behind it. */
export function nextStamp(seen: string | undefined, by: Editor): string {
  const prior = parseStamp(seen);
  if (by.now > prior.wall) return formatStamp({ wall: by.now, counter: 0, writer: by.writer });
  return formatStamp({ wall: prior.wall, counter: prior.counter + 1, writer: by.writer });
}

/** A stamp from a clock more than a day ahead of `now`: an import carrying one is refused. */
export function stampAhead(stamp: string | undefined, now: number): boolean {
  return stamp !== undefined && parseStamp(stamp).wall > now + DAY;
}

/** Format 3's revisions as stamps: before every real edit, in their old order (format 4's migration). */
export function stampOfRevision(rev: number): string {
  return formatStamp({ wall: 0, counter: rev, writer: 'rev' });
}
