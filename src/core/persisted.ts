import { COLLECTIONS, collectionSchemas, describeIssues, emptyJournal, journalSchema, SCHEMA_VERSION } from './schema';
import type { Journal } from './schema';
import { t } from './l10n';

/** A step from stored version N to N + 1. Version 1 is the first stored format, so none exist yet. */
export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type MigrateResult = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

/** Runs every step from the value's version up to the current one. */
export function migrate(
  raw: unknown,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  target = SCHEMA_VERSION,
): MigrateResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, message: t('the data is not a JSON object') };
  }
  let value = raw as Record<string, unknown>;
  const version = value['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: t('version: missing or not a positive whole number') };
  }
  if (version > target) {
    return { ok: false, message: t('version: {0} was written by a newer Small Wins (this one reads up to {1})', version, target) };
  }
  for (let v = version; v < target; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, message: t('version: no migration from {0} to {1}', v, v + 1) };
    value = { ...step(value), version: v + 1 };
  }
  return { ok: true, value };
}

export interface LoadResult {
  journal: Journal;
  /** Stored data that could not be read; the caller keeps it aside under a recovery key. */
  rejected?: { problem: string; data: unknown };
}

/**
 * Reads the stored journal. Whatever cannot be read is returned in `rejected` rather than dropped,
 * and every valid record still loads: one corrupted win does not cost the rest of the journal.
 */
export function loadJournal(raw: unknown): LoadResult {
  if (raw === undefined) return { journal: emptyJournal() };
  const migrated = migrate(raw);
  if (!migrated.ok) return { journal: emptyJournal(), rejected: { problem: migrated.message, data: raw } };
  const whole = journalSchema.safeParse(migrated.value);
  if (whole.success) return { journal: whole.data };
  return salvage(migrated.value, describeIssues(whole.error));
}

function salvage(value: Record<string, unknown>, problem: string): LoadResult {
  const journal = emptyJournal();
  const rejectedItems: Record<string, unknown[]> = {};
  const mutable = journal as unknown as Record<string, unknown[]>;
  for (const name of COLLECTIONS) {
    const items = value[name];
    if (!Array.isArray(items)) {
      if (items !== undefined) rejectedItems[name] = [items];
      continue;
    }
    const schema: { safeParse(v: unknown): { success: true; data: unknown } | { success: false } } = collectionSchemas[name];
    for (const item of items) {
      const parsed = schema.safeParse(item);
      if (parsed.success) mutable[name]?.push(parsed.data);
      else (rejectedItems[name] ??= []).push(item);
    }
  }
  return { journal, rejected: { problem, data: rejectedItems } };
}
