import * as z from 'zod/mini';
import { COLLECTIONS, describeIssues, emptyJournal, journalSchema, SCHEMA_VERSION } from './schema';
import { mergeJournals, sameContent } from './merge';
import type { CollectionName, Journal, Session } from './schema';
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
  | { ok: true; journal: Journal; added: Record<CollectionName, number>; changes: Journal }
  | { ok: false; message: string };

const envelopeSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.number(),
  /** Checked field by field after migration; here only "an object". */
  journal: z.looseObject({}),
});

/** Parses and fully validates an export file, then merges it by id. Any problem refuses the whole file. */
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
  const incoming = parsed.data;
  const reference = checkReferences(current, incoming);
  if (reference) return { ok: false, message: reference };
  return merge(current, incoming);
}

function checkReferences(current: Journal, incoming: Journal): string | undefined {
  const domainIds = new Set([...current.domains, ...incoming.domains].map((d) => d.id));
  const sessions = incoming.sessions;
  for (let i = 0; i < sessions.length; i++) {
    const s = sessions[i] as Session;
    if (!domainIds.has(s.domainId)) return t('The file has a bad field: journal.sessions[{0}].domainId: no domain with id "{1}".', i, s.domainId);
  }
  const here = activeSession(current);
  const running = incoming.sessions.filter((s) => s.endedAt === undefined);
  if (running.length > 1 || (running[0] && here && running[0].id !== here.id)) {
    return t('The file holds a running session while another one is running here. End one of them first.');
  }
  return undefined;
}

/** Adds what the file has and the journal lacks, with the same lossless merge windows use. */
export function merge(current: Journal, incoming: Journal): ImportResult {
  const journal = mergeJournals(current, incoming);
  const added = {} as Record<CollectionName, number>;
  const changes = emptyJournal() as unknown as Record<CollectionName, { id: string }[]>;
  for (const name of COLLECTIONS) {
    const known = new Map((current[name] as { id: string }[]).map((r) => [r.id, r]));
    const incomingIds = new Set((incoming[name] as { id: string }[]).map((r) => r.id));
    added[name] = [...incomingIds].filter((id) => !known.has(id)).length;
    changes[name] = (journal[name] as { id: string }[]).filter((r) => incomingIds.has(r.id) && !sameContent(r, known.get(r.id)));
  }
  return { ok: true, journal, added, changes: changes as unknown as Journal };
}
