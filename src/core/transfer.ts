import * as z from 'zod/mini';
import { COLLECTIONS, describeIssues, emptyJournal, journalSchema, SCHEMA_VERSION } from './schema';
import { mergeJournals, sameContent } from './merge';
import type { CollectionName, Journal } from './schema';
import { migrate } from './persisted';
import { activeSession } from './session';
import { t } from './l10n';

export const EXPORT_FORMAT = 'small-wins-journal';
/** Far above a lifetime of use; a bigger file is refused before it is parsed. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

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

export type ImportResult =
  /** `journal` is the merge; `changes` holds only the records the file added to or moved forward. */
  | { ok: true; journal: Journal; added: Record<CollectionName, number>; removed: number; changes: Journal }
  | { ok: false; message: string };

const envelopeSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.number(),
  /** Checked field by field after migration; here only "an object". */
  journal: z.looseObject({}),
});

/**
 * Parses and fully validates an export file, then merges it by id. Any problem refuses the whole
 * file. A session whose domain is not here imports all the same (its domain may have been set aside).
 */
export function importJournal(current: Journal, text: string): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, message: tooLargeMessage(text.length) };
  let forbidden: string | undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) forbidden ??= key;
      return value;
    });
  } catch (error) {
    return { ok: false, message: t('The file is not valid JSON ({0}).', (error as Error).message) };
  }
  if (forbidden) return { ok: false, message: t('The file contains the forbidden key "{0}".', forbidden) };
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    return { ok: false, message: t('This is not a Small Wins export: {0}.', describeIssues(envelope.error)) };
  }
  const migrated = migrate({ ...envelope.data.journal, version: envelope.data.version });
  if (!migrated.ok) return { ok: false, message: t('The file cannot be imported: {0}.', migrated.message) };
  const parsed = journalSchema.safeParse(migrated.value);
  if (!parsed.success) return { ok: false, message: t('The file has a bad field: {0}.', describeIssues(parsed.error, 'journal.')) };
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
  return {
    ...incoming,
    sessions: incoming.sessions.filter((s) => s.id !== here.id),
    deleted: incoming.deleted.filter((d) => d.id !== here.id && !here.wins.some((w) => w.id === d.id) && !here.subgoals.some((g) => g.id === d.id)),
  };
}

/**
 * Adds what the file has and the journal lacks, with the same merge windows use (newer revisions and
 * tombstones win). `changes` holds only the records the file added, moved forward or deleted.
 */
export function merge(current: Journal, file: Journal): ImportResult {
  const incoming = withoutRunning(current, file);
  if (typeof incoming === 'string') return { ok: false, message: incoming };
  const journal = mergeJournals(current, incoming);
  const added = {} as Record<CollectionName, number>;
  const changes = emptyJournal() as unknown as Record<CollectionName | 'deleted', { id: string }[]>;
  for (const name of COLLECTIONS) {
    const known = new Map((current[name] as { id: string }[]).map((r) => [r.id, r]));
    const incomingIds = new Set((incoming[name] as { id: string }[]).map((r) => r.id));
    added[name] = [...incomingIds].filter((id) => !known.has(id) && (journal[name] as { id: string }[]).some((r) => r.id === id)).length;
    changes[name] = (journal[name] as { id: string }[]).filter((r) => incomingIds.has(r.id) && !sameContent(r, known.get(r.id)));
  }
  const knownDeleted = new Set(current.deleted.map((d) => d.id));
  changes.deleted = journal.deleted.filter((d) => !knownDeleted.has(d.id));
  return { ok: true, journal, added, removed: removedCount(current, journal), changes: changes as unknown as Journal };
}

/** How many records of the journal the file's tombstones remove, at any depth. */
function removedCount(before: Journal, after: Journal): number {
  const known = new Set(before.deleted.map((d) => d.id));
  const fresh = new Set(after.deleted.filter((d) => !known.has(d.id) && d.into === undefined).map((d) => d.id));
  if (fresh.size === 0) return 0;
  let removed = 0;
  for (const name of COLLECTIONS) for (const r of before[name] as { id: string }[]) if (fresh.has(r.id)) removed++;
  for (const session of before.sessions) {
    if (fresh.has(session.id)) continue;
    for (const r of [...session.wins, ...session.subgoals, ...session.reframes]) if (fresh.has(r.id)) removed++;
  }
  return removed;
}
