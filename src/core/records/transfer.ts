import * as z from 'zod/mini';
import { COLLECTIONS, describeIssues, emptyJournal, journalSchema, MAX_ITEMS, SCHEMA_VERSION } from './schema';
import { mergeJournals, sameContent } from './merge';
import type { CollectionName, Journal, Tombstone } from './schema';
import { incomingProblem, MAX_IMPORT_DEPTH, unsafeShape } from './importChecks';
import { migrate } from './persisted';
import { activeSession } from '../practices/session';
import { t } from '../l10n';

export const EXPORT_FORMAT = 'small-wins-journal';
/** Far above a lifetime of use; a bigger file is refused before it is parsed. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export function tooLargeMessage(bytes: number): string {
  return t('The file is {0} MB; the limit is {1} MB.', (bytes / 1048576).toFixed(1), MAX_IMPORT_BYTES / 1048576);
}

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: number;
  journal: Journal;
}

export function exportJournal(journal: Journal, now: number): string {
  const file: ExportFile = { format: EXPORT_FORMAT, version: SCHEMA_VERSION, exportedAt: now, journal };
  return JSON.stringify(file, null, 2);
}

/** What an import changed, counted from the journal before and after it. */
export interface ImportCounts {
  /** Records new to this journal, per collection. */
  added: Record<CollectionName, number>;
  /** Records this journal had whose content the file moved forward (an edit, a win added to a session). */
  updated: number;
  /** Records folded into another (a second running session, a second domain of one name). */
  merged: number;
  /** Records of this journal the file's tombstones deleted, at any depth. */
  removed: number;
  /** Deletions of records this journal never held, kept so those records stay deleted. */
  remembered: number;
}

export type ImportResult =
  /** `journal` is the merge; `changes` holds only the records the file added to or moved forward. */
  | { ok: true; journal: Journal; counts: ImportCounts; changes: Journal }
  | { ok: false; message: string };

const envelopeSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.number(),
  /** Checked field by field after migration; here only "an object". */
  journal: z.looseObject({}),
});

/**
 * Parses and fully validates an export file, then merges it by id. Any problem refuses the whole
 * file, with the field named; so does a merge that would not validate. A session whose domain is not
 * here imports all the same (its domain may have been set aside).
 */
export function importJournal(current: Journal, text: string, now: number): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, message: tooLargeMessage(text.length) };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: t('The file is not valid JSON ({0}).', (error as Error).message) };
  }
  const unsafe = unsafeShape(raw);
  if (unsafe && 'forbidden' in unsafe) return { ok: false, message: t('The file contains the forbidden key "{0}".', unsafe.forbidden) };
  if (unsafe) return { ok: false, message: t('The file nests deeper than any Small Wins export ({0} levels).', MAX_IMPORT_DEPTH) };
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    return { ok: false, message: t('This is not a Small Wins export: {0}.', describeIssues(envelope.error)) };
  }
  const migrated = migrate({ ...envelope.data.journal, version: envelope.data.version });
  if (!migrated.ok) return { ok: false, message: t('The file cannot be imported: {0}.', migrated.message) };
  const parsed = journalSchema.safeParse(migrated.value);
  if (!parsed.success) return { ok: false, message: t('The file has a bad field: {0}.', describeIssues(parsed.error, 'journal.')) };
  const problem = incomingProblem(current, parsed.data, now);
  if (problem) return { ok: false, message: t('The file has a bad field: {0}.', problem) };
  return merge(current, parsed.data);
}

/**
 * What an import may change: everything but the session running here. A copy of it in the file, or
 * a tombstone for it, is left out; a file holding another running session is refused.
 */
function withoutRunning(current: Journal, incoming: Journal): Journal | string {
  const here = activeSession(current);
  const running = incoming.sessions.filter((s) => s.endedAt === undefined && s.id !== here?.id);
  if (running.length > 1 || (running.length === 1 && here)) {
    return t('The file holds a running session while another one is running here. End one of them first.');
  }
  if (!here) return incoming;
  const inside = new Set([here.id, ...here.wins.map((w) => w.id), ...here.subgoals.map((g) => g.id)]);
  return {
    ...incoming,
    sessions: incoming.sessions.filter((s) => s.id !== here.id),
    deleted: incoming.deleted.filter((d) => !inside.has(d.id)),
  };
}

/**
 * Adds what the file has and the journal lacks, with the same merge windows use (newer edits and
 * tombstones win). `changes` holds only the records the file added, moved forward or deleted.
 */
export function merge(current: Journal, file: Journal): ImportResult {
  const incoming = withoutRunning(current, file);
  if (typeof incoming === 'string') return { ok: false, message: incoming };
  const journal = mergeJournals(current, incoming);
  // Every tombstone is kept, so a record deleted anywhere stays deleted whatever order files come in;
  // a file that would fill half the list leaves too little room for the user's own deletions.
  if (journal.deleted.length > MAX_ITEMS.deleted / 2) {
    return { ok: false, message: t('The file has a bad field: {0}.', t('journal.deleted: {0} deletions in all would leave too little room for your own (at most {1})', journal.deleted.length, MAX_ITEMS.deleted / 2)) };
  }
  const valid = journalSchema.safeParse(journal);
  if (!valid.success) return { ok: false, message: t('Merged with this journal, the file would make it unreadable: {0}.', describeIssues(valid.error)) };
  const added = {} as Record<CollectionName, number>;
  let updated = 0;
  const changes = emptyJournal() as unknown as Record<CollectionName | 'deleted', { id: string }[]>;
  for (const name of COLLECTIONS) {
    const known = new Map((current[name] as { id: string }[]).map((r) => [r.id, r]));
    added[name] = 0;
    changes[name] = [];
    // Every record the merge changed, also those the file reached only through a merge tombstone.
    for (const r of journal[name] as { id: string }[]) {
      const before = known.get(r.id);
      if (before === r) continue;
      if (before === undefined) added[name]++;
      else if (sameContent(r, before)) continue;
      else updated++;
      changes[name].push(r);
    }
  }
  const knownDeleted = new Set(current.deleted.map((d) => d.id));
  changes.deleted = journal.deleted.filter((d) => !knownDeleted.has(d.id));
  const merged = changes.deleted.filter((d) => (d as Tombstone).into !== undefined).length;
  const { removed, remembered } = deletionCounts(current, journal);
  return { ok: true, journal, counts: { added, updated, merged, removed, remembered }, changes: changes as unknown as Journal };
}

/** Whether an import changed anything at all. */
export function changedSomething(counts: ImportCounts): boolean {
  return counts.updated + counts.merged + counts.removed + counts.remembered + Object.values(counts.added).reduce((a, b) => a + b, 0) > 0;
}

/**
 * What the file's new tombstones did: how many records of the journal they removed (a removed session
 * counts once, not its wins; a removed domain's sessions and ratings count each), and how many name
 * records this journal never held.
 */
function deletionCounts(before: Journal, after: Journal): { removed: number; remembered: number } {
  const known = new Set(before.deleted.map((d) => d.id));
  const fresh = new Set(after.deleted.filter((d) => !known.has(d.id) && d.into === undefined).map((d) => d.id));
  if (fresh.size === 0) return { removed: 0, remembered: 0 };
  let removed = 0;
  const held = new Set<string>();
  const hit = (id: string) => fresh.has(id) && (held.add(id), true);
  for (const name of COLLECTIONS) for (const r of before[name] as { id: string }[]) if (hit(r.id)) removed++;
  // A deleted domain takes its sessions and ratings along (core/records/merge.ts), those without a tombstone of their own too.
  for (const rating of before.ratings) if (!fresh.has(rating.id) && fresh.has(rating.domainId)) removed++;
  for (const session of before.sessions) {
    const gone = fresh.has(session.id);
    const along = !gone && fresh.has(session.domainId);
    if (along) removed++;
    for (const r of [...session.wins, ...session.subgoals, ...session.reframes]) if (hit(r.id) && !gone && !along) removed++;
  }
  return { removed, remembered: fresh.size - held.size };
}
