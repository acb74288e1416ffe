import { COLLECTIONS, emptyJournal } from './schema';
import type { Journal, Session, Tombstone } from './schema';
import { applyTombstones, sameContent, uniteJournals } from './merge';
import { loadJournal } from './persisted';
import { unsafeShape } from './importChecks';
import { ARCHIVED_COLLECTIONS, monthOf } from './archive';

/**
 * The journal folder's files (README, "Your record on several machines"): each device appends to its
 * own `<device id>/<yyyy-mm>.jsonl`, one change per line, so no two devices ever write one file and
 * a sync tool has nothing to conflict over. A line is a JSON object:
 *
 *   {"log":1,"ed":"<edit stamp of the write>","journal":{"version":4,"sessions":[…],…}}
 *
 * `journal` is a piece of a journal in the format of that version (only the collections that changed;
 * a session carries only the wins, subgoals and reframes that changed), merged with every other line
 * by the same per-record rules windows use: the most recent edit wins, tombstones win.
 */
export const LOG_VERSION = 1;

/** The file a device appends to in a month: "2026-12.jsonl". */
export function logFileName(month: string): string {
  return `${month}.jsonl`;
}

/** A device's own month file, as logFileName names it (not a sync tool's copy of one). */
export function isMonthFile(name: string): boolean {
  return /^\d{4}-\d{2}\.jsonl$/.test(name);
}

/**
 * A file of the folder that holds lines: a month's file and the copies sync tools make of one
 * ("2026-12.sync-conflict-20261205-101010-ABC.jsonl", "2026-12 (conflicted copy).jsonl"), which are
 * read as more input. A sync tool's temporary files (".syncthing.*.tmp", "~", ".partial") are not.
 */
export function isLogFile(name: string): boolean {
  return /^\d{4}-\d{2}\b.*\.jsonl$/.test(name) && !name.startsWith('.');
}

/** One line for a change: a piece of the journal, written with the stamp of the write. */
export function logLine(change: Journal, stamp: string): string {
  const journal: Record<string, unknown> = { version: change.version };
  for (const name of [...COLLECTIONS, 'deleted' as const]) if (change[name].length > 0) journal[name] = change[name];
  return `${JSON.stringify({ log: LOG_VERSION, ed: stamp, journal })}\n`;
}

/**
 * What `after` holds that `before` did not, as a piece of the journal: new and edited records, a
 * session with only its new or changed wins, subgoals and reframes, and new tombstones. A record
 * that left (for the archive) is no change; a deletion always leaves a tombstone. Undefined when
 * nothing changed.
 */
export function changesBetween(before: Journal, after: Journal): Journal | undefined {
  const part = emptyJournal();
  let changed = false;
  for (const name of COLLECTIONS) {
    if (after[name] === before[name]) continue;
    const known = new Map((before[name] as { id: string }[]).map((r) => [r.id, r]));
    const out = part[name] as { id: string }[];
    for (const record of after[name] as { id: string }[]) {
      const old = known.get(record.id);
      if (old === record) continue;
      const change = name === 'sessions' && old ? sessionChange(old as Session, record as Session) : old && sameContent(old, record) ? undefined : record;
      if (change) out.push(change);
    }
    changed ||= out.length > 0;
  }
  if (after.deleted !== before.deleted) {
    const known = new Map(before.deleted.map((d) => [d.id, d]));
    part.deleted = after.deleted.filter((d) => {
      const old = known.get(d.id);
      return !old || !sameContent(old, d);
    });
    changed ||= part.deleted.length > 0;
  }
  return changed ? part : undefined;
}

/** The session with only the parts that changed inside it; undefined when nothing did. */
function sessionChange(old: Session, now: Session): Session | undefined {
  if (sameContent(old, now)) return undefined;
  const changedOf = <T extends { id: string }>(was: readonly T[], is: readonly T[]): T[] => {
    const known = new Map(was.map((r) => [r.id, r]));
    return is.filter((r) => {
      const o = known.get(r.id);
      return o !== r && (!o || !sameContent(o, r));
    });
  };
  return { ...now, wins: changedOf(old.wins, now.wins), subgoals: changedOf(old.subgoals, now.subgoals), reframes: changedOf(old.reframes, now.reframes) };
}

/**
 * A whole record as lines per month, for the first write into a folder: each piece of history goes
 * to the month it happened in, and what is not history (domains, cues, models, tombstones) to `now`'s.
 */
export function recordByMonth(journal: Journal, now: number): Map<string, Journal> {
  const months = new Map<string, Journal>();
  const partOf = (month: string) => {
    let part = months.get(month);
    if (!part) months.set(month, (part = emptyJournal()));
    return part;
  };
  const current = partOf(monthOf(now));
  for (const name of COLLECTIONS) {
    if ((ARCHIVED_COLLECTIONS as readonly string[]).includes(name)) continue;
    (current[name] as unknown[]) = journal[name];
  }
  current.deleted = journal.deleted;
  for (const s of journal.sessions) partOf(monthOf(s.startedAt)).sessions.push(s);
  for (const r of journal.ratings) partOf(monthOf(r.at)).ratings.push(r);
  for (const r of journal.reflections) partOf(monthOf(r.at)).reflections.push(r);
  for (const e of journal.encouragements) partOf(monthOf(e.at)).encouragements.push(e);
  for (const [month, part] of months) if (isEmpty(part)) months.delete(month);
  return months;
}

/**
 * A piece of the journal as lines of a bounded size: `per` records of each list to a line. A whole
 * record's month (or every tombstone) in one line could be megabytes; lines this small are written
 * whole by one call even when two windows write at once, and read without holding much in memory.
 */
export function inLines(part: Journal, per = 200): Journal[] {
  const names = [...COLLECTIONS, 'deleted' as const];
  const longest = Math.max(...names.map((name) => part[name].length));
  if (longest <= per) return [part];
  const lines: Journal[] = [];
  for (let from = 0; from < longest; from += per) {
    const line = emptyJournal();
    for (const name of names) (line[name] as unknown[]) = (part[name] as unknown[]).slice(from, from + per);
    lines.push(line);
  }
  return lines;
}

function isEmpty(part: Journal): boolean {
  return COLLECTIONS.every((name) => part[name].length === 0) && part.deleted.length === 0;
}

/**
 * A device's own month file, compacted: its lines merged into the fewest that hold the same
 * record (a session written again with each win is written once), and what the user deleted since
 * (`deleted`: tombstones held anywhere) left out, so deleted text does not stay in the folder. The
 * merge of the folder is the same with either file. Undefined when the file stays as it is: nothing
 * to gain, or a line it cannot read whole (damaged, written by a newer Small Wins, or still being
 * written), which is never dropped.
 */
export function compactLog(bytes: Uint8Array, deleted: readonly Tombstone[], stamp: string): string | undefined {
  const found = readLogBytes(bytes);
  if (!found.part || found.skipped > 0 || found.newer > 0 || found.consumed !== bytes.length) return undefined;
  const part = found.part;
  // Only deletions: a fold is the merge's to make, wherever the two records are read together.
  const plain = deleted.filter((d) => d.into === undefined);
  const pruned = plain.length > 0 ? { ...applyTombstones({ ...part, deleted: plain }), deleted: part.deleted } : part;
  const text = inLines(pruned)
    .map((line) => logLine(line, stamp))
    .join('');
  const encoded = new TextEncoder().encode(text);
  if (encoded.length >= bytes.length) return undefined;
  // Never written unless it reads back as the record it replaces.
  const back = readLogBytes(encoded);
  return back.part && back.skipped === 0 && sameContent(back.part, pruned) ? text : undefined;
}

/** What reading a file's new bytes found. */
export interface LogRead {
  /** The complete lines that read as a piece of the journal, merged into one. */
  part: Journal | undefined;
  /** Bytes of whole lines read (a last line without its newline is still being written or synced: read next time). */
  consumed: number;
  /** Lines that could not be read whole (damaged, or not a Small Wins line): what of them was valid is kept, and they are counted. */
  skipped: number;
  /** Lines written by a newer Small Wins: skipped and counted, to be read once this one is updated. */
  newer: number;
}

const NEWLINE = 0x0a;

/**
 * Reads a file's bytes from where the last read stopped. Only complete lines count, so a file
 * a sync tool is still bringing over is read up to its last whole line and the rest comes next time.
 */
export function readLogBytes(bytes: Uint8Array): LogRead {
  const end = bytes.lastIndexOf(NEWLINE) + 1;
  const text = new TextDecoder().decode(bytes.subarray(0, end));
  const read: LogRead = { part: undefined, consumed: end, skipped: 0, newer: 0 };
  const parts: Journal[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const parsed = parseLine(line);
    if (parsed === 'newer') read.newer++;
    else if (parsed === undefined) read.skipped++;
    else {
      if (parsed.damaged) read.skipped++;
      parts.push(parsed.part);
    }
  }
  if (parts.length > 0) read.part = parts.length === 1 ? parts[0] : parts.reduce(uniteJournals);
  return read;
}

/**
 * One line as a valid piece of the journal of this version (migrated from an older one), with what
 * of it could not be read left out (one damaged win leaves the rest of the line); 'newer' for a line
 * a newer Small Wins wrote, undefined for one that is not a Small Wins line at all.
 */
export function parseLine(line: string): { part: Journal; damaged: boolean } | 'newer' | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || unsafeShape(raw)) return undefined;
  const { log, journal } = raw as { log?: unknown; journal?: unknown };
  if (typeof log !== 'number' || typeof journal !== 'object' || journal === null || Array.isArray(journal)) return undefined;
  if (log > LOG_VERSION) return 'newer';
  // A line holds only the collections that changed; the others are empty.
  const whole: Record<string, unknown> = { ...emptyJournal(), version: undefined, ...journal };
  const loaded = loadJournal(whole);
  if (loaded.newer) return 'newer';
  return { part: loaded.journal, damaged: loaded.rejected !== undefined };
}
