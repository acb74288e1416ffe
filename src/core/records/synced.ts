import * as z from 'zod/mini';
import { cueSchema, domainSchema, emptyJournal, MAX_ITEMS, modelSchema, tombstoneSchema } from './schema';
import type { Journal } from './schema';
import { mergeJournals, sameContent } from './merge';
import { migrateSyncedRecords } from './persisted';
import { parseStamp } from './stamp';
import { compareMarks, MARK_PATTERN, markTime } from './eraseMark';

/**
 * The small, slow-changing part of the journal that follows the user to other machines through
 * VS Code Settings Sync: domains, saved cues and vicarious models. Sessions, wins, ratings and
 * reflections stay on this machine (they move by export and import).
 *
 * The value carries the latest "Delete all my data" mark its machine knows (core/records/eraseMark.ts), so an
 * erase is never undone by a copy from a machine that had not yet seen it: a value with an older mark
 * (or none, as older versions wrote) is ignored, and a value with a newer one means the user erased on
 * another machine, so what this machine synced before that goes (`withoutSynced`).
 */
export const syncedSchema = z.strictObject({
  domains: z.array(domainSchema).check(z.maxLength(MAX_ITEMS.domains)),
  cues: z.array(cueSchema).check(z.maxLength(MAX_ITEMS.cues)),
  models: z.array(modelSchema).check(z.maxLength(MAX_ITEMS.models)),
  /** What was deleted, so a synced copy cannot bring it back (absent in what older versions synced). */
  deleted: z.optional(z.array(tombstoneSchema).check(z.maxLength(MAX_ITEMS.deleted))),
  /** The latest erase mark the writing machine knew (absent in what older versions synced, and before any erase). */
  erased: z.optional(z.string().check(z.regex(MARK_PATTERN))),
});

export type Synced = z.infer<typeof syncedSchema>;

export function syncedPart(journal: Journal, erased?: unknown): Synced {
  const part: Synced = { domains: journal.domains, cues: journal.cues, models: journal.models, deleted: journal.deleted };
  return typeof erased === 'string' ? { ...part, erased } : part;
}

/** A synced value as this version reads it; undefined when absent or invalid (it is only a copy). */
export function readSynced(raw: unknown): Synced | undefined {
  if (raw === undefined) return undefined;
  // Older versions synced per-window cue counts and revisions: read as a stored journal of theirs is.
  const parsed = syncedSchema.safeParse(typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? migrateSyncedRecords(raw as Record<string, unknown>) : raw);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Adds what another machine synced, unless it was written before an erase this machine knows of
 * (`erased`, the latest mark: its own or one adopted from Settings Sync). An invalid value is ignored.
 */
export function withSynced(journal: Journal, raw: unknown, erased?: unknown): Journal {
  const synced = readSynced(raw);
  if (!synced || compareMarks(synced.erased, erased) < 0) return journal;
  const merged = mergeJournals(journal, { ...emptyJournal(), domains: synced.domains, cues: synced.cues, models: synced.models, deleted: synced.deleted ?? [] });
  return sameContent(syncedPart(merged), syncedPart(journal)) ? journal : merged;
}

/**
 * A journal without what Settings Sync carries (domains, cues, models) as this machine knew it before
 * the user erased everything on another machine at `mark`: what was created or edited here after the
 * erase stays. Tombstones stay (they only keep deleted records deleted), and so does what never left
 * this machine (sessions, ratings, reflections).
 */
export function withoutSynced(journal: Journal, mark: unknown): Journal {
  const erasedAt = markTime(mark);
  const after = (r: { createdAt: number; ed?: string }) => r.createdAt > erasedAt || parseStamp(r.ed).wall > erasedAt;
  const domains = journal.domains.filter(after);
  const cues = journal.cues.filter(after);
  const models = journal.models.filter(after);
  if (domains.length === journal.domains.length && cues.length === journal.cues.length && models.length === journal.models.length) return journal;
  return { ...journal, domains, cues, models };
}

export function syncedChanged(before: Journal | undefined, after: Journal): boolean {
  if (!before) return true;
  // Most writes (a win, a pause) leave these arrays as they were; no need to compare them.
  if (before.domains === after.domains && before.cues === after.cues && before.models === after.models && before.deleted === after.deleted) return false;
  return !sameContent(syncedPart(before), syncedPart(after));
}
