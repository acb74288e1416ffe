import { COLLECTIONS, collectionSchemas, describeIssues, emptyJournal, idSchema, journalSchema, pauseSchema, reframeSchema, SCHEMA_VERSION, sessionSchema, subgoalSchema, tombstoneSchema, winSchema } from './schema';
import type { Journal } from './schema';
import { t } from '../l10n';
import { stampOfRevision } from './stamp';

/** A step from stored version N to N + 1. */
export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // 2 adds revisions, win authors (both optional, absent meaning 1 and "mine") and the tombstones of deleted records.
  1: (old) => ({ ...old, deleted: [] }),
  // 3 counts a cue's uses per device (`usedOn`): the per-window counts of 2 fold into the base count.
  2: (old) => (Array.isArray(old['cues']) ? { ...old, cues: old['cues'].map(foldWindowCounts) } : old),
  // 4 orders edits by a stamp from a hybrid logical clock instead of a revision count.
  3: (old) => stampsForRevisions(old),
};

/**
 * A value Settings Sync carries has no version of its own, and records from any version since it was
 * added (format 2): it goes through the same steps a stored journal of format 2 does. Each step leaves
 * records that are already current as they are.
 */
export function migrateSyncedRecords(raw: Record<string, unknown>): Record<string, unknown> {
  let value = raw;
  for (let v = 2; v < SCHEMA_VERSION; v++) value = (MIGRATIONS[v] as Migration)(value);
  return value;
}

const STAMPED = ['domains', 'sessions', 'cues', 'ratings', 'reflections', 'models', 'encouragements'] as const;
const STAMPED_IN_SESSIONS = ['subgoals', 'wins', 'reframes'] as const;

/**
 * Format 3's revisions become stamps that keep their order among themselves and come before any edit
 * made from now on (core/records/stamp.ts): every copy migrates the same way, so copies still agree.
 */
function stampsForRevisions(old: Record<string, unknown>): Record<string, unknown> {
  const restamp = (record: unknown): unknown => {
    if (typeof record !== 'object' || record === null || !('rev' in record)) return record;
    const { rev, ...rest } = record;
    if (typeof rev !== 'number' || !Number.isInteger(rev) || rev < 1 || rev > 1_000_000_000) return record;
    return rev === 1 ? rest : { ...rest, ed: stampOfRevision(rev) };
  };
  const out: Record<string, unknown> = { ...old };
  for (const name of STAMPED) {
    const list = old[name];
    if (!Array.isArray(list)) continue;
    out[name] = list.map((record: unknown) => {
      const stamped = restamp(record);
      if (name !== 'sessions' || typeof stamped !== 'object' || stamped === null) return stamped;
      const session: Record<string, unknown> = { ...(stamped as Record<string, unknown>) };
      for (const part of STAMPED_IN_SESSIONS) if (Array.isArray(session[part])) session[part] = (session[part] as unknown[]).map(restamp);
      return session;
    });
  }
  return out;
}

/**
 * Format 2 counted a cue's uses per window start (`usedBy`), a list that grew with every reload until
 * the cue could no longer be saved. The same fold runs on every copy (stored, imported, synced, archived),
 * so copies still merge as the higher count and no use is counted twice.
 */
export function foldWindowCounts(cue: unknown): unknown {
  if (typeof cue !== 'object' || cue === null || !('usedBy' in cue)) return cue;
  const { usedBy, ...rest } = cue as { usedBy: unknown; uses?: unknown };
  if (!Array.isArray(usedBy) || typeof rest.uses !== 'number') return cue;
  let uses = rest.uses;
  for (const entry of usedBy) {
    const n = typeof entry === 'object' && entry !== null ? (entry as { n?: unknown }).n : undefined;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return cue;
    uses += n;
  }
  return { ...rest, uses };
}

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
  /** The stored journal was written by a newer Small Wins: it is left exactly as it is. */
  newer?: { version: number };
}

type Parser = { safeParse(v: unknown): { success: true; data: unknown } | { success: false } };

/**
 * Reads the stored journal. Whatever cannot be read is returned in `rejected` rather than dropped,
 * and every valid record still loads: one corrupted win sets aside that win, not its session.
 */
export function loadJournal(raw: unknown): LoadResult {
  if (raw === undefined) return { journal: emptyJournal() };
  const version = typeof raw === 'object' && raw !== null ? (raw as { version?: unknown }).version : undefined;
  if (typeof version === 'number' && Number.isInteger(version) && version > SCHEMA_VERSION) return { journal: emptyJournal(), newer: { version } };
  const migrated = migrate(raw);
  if (!migrated.ok) return { journal: emptyJournal(), rejected: { problem: migrated.message, data: raw } };
  const whole = journalSchema.safeParse(migrated.value);
  if (whole.success) return { journal: whole.data };
  return salvage(migrated.value, describeIssues(whole.error));
}

/** The arrays inside a session whose elements are set aside one by one. */
const SESSION_PARTS = { subgoals: subgoalSchema, wins: winSchema, reframes: reframeSchema, pauses: pauseSchema, cueIds: idSchema } as const;

function salvage(value: Record<string, unknown>, problem: string): LoadResult {
  const journal = emptyJournal();
  const rejectedItems: Record<string, unknown[]> = {};
  const mutable = journal as unknown as Record<string, unknown[]>;
  const setAside = (name: string, item: unknown) => (rejectedItems[name] ??= []).push(item);
  for (const name of [...COLLECTIONS, 'deleted' as const]) {
    const items = value[name];
    if (!Array.isArray(items)) {
      if (items !== undefined) setAside(name, items);
      continue;
    }
    const schema: Parser = name === 'deleted' ? tombstoneSchema : collectionSchemas[name];
    for (const item of items) {
      const parsed = schema.safeParse(item);
      if (parsed.success) mutable[name]?.push(parsed.data);
      else if (name === 'sessions') {
        const kept = salvageSession(item, setAside);
        if (kept === undefined) setAside(name, item);
        else mutable[name]?.push(kept);
      } else setAside(name, item);
    }
  }
  return { journal, rejected: { problem, data: rejectedItems } };
}

/** A session with its bad subgoals, wins, reframes or pauses set aside; undefined when the session itself is bad. */
function salvageSession(item: unknown, setAside: (name: string, item: unknown) => void): unknown {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const session: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  const aside: [string, unknown][] = [];
  for (const [part, schema] of Object.entries(SESSION_PARTS) as [keyof typeof SESSION_PARTS, Parser][]) {
    const list = session[part];
    if (!Array.isArray(list)) continue;
    session[part] = list.filter((element) => schema.safeParse(element).success || (aside.push([`sessions.${part}`, element]), false));
  }
  const parsed = sessionSchema.safeParse(session);
  if (!parsed.success) return undefined;
  for (const [name, element] of aside) setAside(name, element);
  return parsed.data;
}
