import { emptyJournal } from './schema';
import { mergeJournals } from './merge';
import type { Journal } from './schema';
import { DAY } from './time';

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

export interface Split {
  live: Journal;
  /** What leaves the live journal, by month. */
  moved: Map<string, Journal>;
}

/** Separates what should be archived; undefined when everything stays live (the common case). */
export function splitArchivable(journal: Journal, now: number): Split | undefined {
  const cutoff = now - ARCHIVE_AFTER_DAYS * DAY;
  const oldSession = journal.sessions.some((s) => s.endedAt !== undefined);
  const oldRating = journal.ratings.some((r) => r.at < cutoff);
  const oldReflection = journal.reflections.some((r) => r.at < cutoff);
  const oldEncouragement = journal.encouragements.some((e) => e.at < cutoff);
  if (!oldSession && !oldRating && !oldReflection && !oldEncouragement) return undefined;

  const moved = new Map<string, Journal>();
  const part = (at: number) => {
    const month = monthOf(at);
    let journalOfMonth = moved.get(month);
    if (!journalOfMonth) moved.set(month, (journalOfMonth = emptyJournal()));
    return journalOfMonth;
  };
  const live: Journal = { ...journal, sessions: [], ratings: [], reflections: [], encouragements: [] };
  for (const s of journal.sessions) (s.endedAt !== undefined ? part(s.startedAt).sessions : live.sessions).push(s);
  for (const r of journal.ratings) (r.at < cutoff ? part(r.at).ratings : live.ratings).push(r);
  for (const r of journal.reflections) (r.at < cutoff ? part(r.at).reflections : live.reflections).push(r);
  for (const e of journal.encouragements) (e.at < cutoff ? part(e.at).encouragements : live.encouragements).push(e);
  return { live, moved };
}

/** True when the part holds nothing (an archive file without records is never written). */
export function isEmptyPart(part: Journal): boolean {
  return part.sessions.length + part.ratings.length + part.reflections.length + part.encouragements.length === 0;
}

/** The whole journal: the archive and the live journal, each kind of history in time order. */
export function combineHistory(archived: Journal, live: Journal): Journal {
  const all = mergeJournals(archived, live);
  return {
    ...all,
    sessions: all.sessions.slice().sort((a, b) => a.startedAt - b.startedAt),
    ratings: all.ratings.slice().sort((a, b) => a.at - b.at),
    reflections: all.reflections.slice().sort((a, b) => a.at - b.at),
    encouragements: all.encouragements.slice().sort((a, b) => a.at - b.at),
  };
}
