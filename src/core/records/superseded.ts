import type { Journal } from './schema';
import { COLLECTIONS } from './schema';
import { compareStamps } from './stamp';

/** A change this window saved: the record, its new stamp, and how to name it to the user. */
export interface OwnEdit {
  id: string;
  ed: string;
  /** The record's name in a sentence ("the win "Drew the table""), in the user's language. */
  label: string;
  /** The records whose deletion takes this one along (its session, its session's domain). */
  within: readonly string[];
}

export interface Superseded {
  edit: OwnEdit;
  how: 'replaced' | 'deleted';
}

/**
 * Which of this window's saved changes another copy has since replaced (a later stamp on the same
 * record) or deleted (a tombstone for it, or for a record it lived in). One pass over the journal.
 */
export function supersededEdits(edits: readonly OwnEdit[], journal: Journal): Superseded[] {
  if (edits.length === 0) return [];
  const wanted = new Set(edits.map((e) => e.id));
  const stamps = new Map<string, string | undefined>();
  const note = (r: { id: string; ed?: string }) => wanted.has(r.id) && stamps.set(r.id, r.ed);
  for (const name of COLLECTIONS) for (const r of journal[name] as { id: string; ed?: string }[]) note(r);
  for (const s of journal.sessions) for (const r of [...s.wins, ...s.subgoals]) note(r);
  // A merge tombstone (`into`) folds a record into another; its wins and subgoals live on there.
  const deleted = new Set(journal.deleted.filter((d) => d.into === undefined).map((d) => d.id));
  const out: Superseded[] = [];
  for (const edit of edits) {
    if (deleted.has(edit.id) || edit.within.some((id) => deleted.has(id))) out.push({ edit, how: 'deleted' });
    else if (stamps.has(edit.id) && compareStamps(stamps.get(edit.id), edit.ed) > 0) out.push({ edit, how: 'replaced' });
  }
  return out;
}
