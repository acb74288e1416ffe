import { emptyJournal } from './schema';
import { mergeJournals } from './merge';
import type { Journal } from './schema';
import { DAY } from '../time';

/**
 * History that can no longer change leaves the live journal for archive files (see host/archive.ts),
 * so the value VS Code serialises on every write stays small however long the journal gets:
 * - a session once it has ended (ending is final: the review is written with it);
 * - an efficacy rating, a reflection or a recorded encouragement once it is older than
 *   ARCHIVE_AFTER_DAYS (past the week in which a reflection can still be rewritten).
 * Domains, cues and models stay live: they are few, the user edits them, and they sync.
 */
export const ARCHIVE_AFTER_DAYS = 14;

/** "2026-11": the UTC month of a timestamp, which names the archive files of that month. */
export function monthOf(at: number): string {
  return new Date(at).toISOString().slice(0, 7);
}

const ARCHIVE_NAME = /^(\d{4}-\d{2})\.[A-Za-z0-9-]{1,64}\.json$/;

/** The month an archive file holds, or undefined for a file that is not one. */
export function archiveMonth(fileName: string): string | undefined {
  return ARCHIVE_NAME.exec(fileName)?.[1];
}

/** Archive files are written once and never changed, so each gets a name of its own. */
export function archiveFileName(month: string, unique: string): string {
  return `${month}.${unique}.json`;
}

/** The collections whose closed records leave the live journal; the rest always stay live. */
export const ARCHIVED_COLLECTIONS = ['sessions', 'ratings', 'reflections', 'encouragements'] as const;
export type ArchivedCollection = (typeof ARCHIVED_COLLECTIONS)[number];
type ArchivedRecord = Journal[ArchivedCollection][number];

/** When a record happened: the month it is filed under, and the order history is read in. */
function timeOf(record: ArchivedRecord): number {
  return 'startedAt' in record ? record.startedAt : record.at;
}

function isClosed(record: ArchivedRecord, cutoff: number): boolean {
  return 'startedAt' in record ? record.endedAt !== undefined : record.at < cutoff;
}

export interface Split {
  live: Journal;
  /** What leaves the live journal, by month. */
  moved: Map<string, Journal>;
}

/** Separates what should be archived; undefined when everything stays live (the common case). */
export function splitArchivable(journal: Journal, now: number): Split | undefined {
  const cutoff = now - ARCHIVE_AFTER_DAYS * DAY;
  if (!ARCHIVED_COLLECTIONS.some((name) => journal[name].some((r) => isClosed(r, cutoff)))) return undefined;
  const moved = new Map<string, Journal>();
  const live: Journal = { ...journal };
  for (const name of ARCHIVED_COLLECTIONS) {
    const kept: ArchivedRecord[] = [];
    for (const record of journal[name]) {
      if (!isClosed(record, cutoff)) {
        kept.push(record);
        continue;
      }
      const month = monthOf(timeOf(record));
      let part = moved.get(month);
      if (!part) moved.set(month, (part = emptyJournal()));
      (part[name] as ArchivedRecord[]).push(record);
    }
    (live[name] as ArchivedRecord[]) = kept;
  }
  return { live, moved };
}

/** True when the part holds nothing (an archive file without records is never written). */
export function isEmptyPart(part: Journal): boolean {
  return ARCHIVED_COLLECTIONS.every((name) => part[name].length === 0);
}

/** The whole journal: the archive and the live journal, each kind of history in time order. */
export function combineHistory(archived: Journal, live: Journal): Journal {
  const all = mergeJournals(archived, live);
  for (const name of ARCHIVED_COLLECTIONS) (all[name] as ArchivedRecord[]) = all[name].slice().sort((a, b) => timeOf(a) - timeOf(b));
  return all;
}

/** The deleted records whose text leaves the archive files (a merged one lives on in the record it was merged into). */
export function purgeable(journal: Journal): Set<string> {
  return new Set(journal.deleted.filter((d) => d.into === undefined).map((d) => d.id));
}
