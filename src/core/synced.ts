import * as z from 'zod/mini';
import { cueSchema, domainSchema, emptyJournal, MAX_ITEMS, modelSchema, tombstoneSchema } from './schema';
import type { Journal } from './schema';
import { mergeJournals, sameContent } from './merge';
import { foldWindowCounts } from './persisted';

/**
 * The small, slow-changing part of the journal that follows the user to other machines through
 * VS Code Settings Sync: domains, saved cues and vicarious models. Sessions, wins, ratings and
 * reflections stay on this machine (they move by export and import).
 */
export const syncedSchema = z.strictObject({
  domains: z.array(domainSchema).check(z.maxLength(MAX_ITEMS.domains)),
  cues: z.array(cueSchema).check(z.maxLength(MAX_ITEMS.cues)),
  models: z.array(modelSchema).check(z.maxLength(MAX_ITEMS.models)),
  /** What was deleted, so a synced copy cannot bring it back (absent in what older versions synced). */
  deleted: z.optional(z.array(tombstoneSchema).check(z.maxLength(MAX_ITEMS.deleted))),
});

export type Synced = z.infer<typeof syncedSchema>;

export function syncedPart(journal: Journal): Synced {
  return { domains: journal.domains, cues: journal.cues, models: journal.models, deleted: journal.deleted };
}

/** Adds what another machine synced; a value that does not validate is ignored (it is only a copy). */
export function withSynced(journal: Journal, raw: unknown): Journal {
  if (raw === undefined) return journal;
  // Older versions synced per-window cue counts; they fold into the base count, as in a stored journal.
  const cues = typeof raw === 'object' && raw !== null ? (raw as { cues?: unknown }).cues : undefined;
  const parsed = syncedSchema.safeParse(Array.isArray(cues) ? { ...raw, cues: cues.map(foldWindowCounts) } : raw);
  if (!parsed.success) return journal;
  const merged = mergeJournals(journal, { ...emptyJournal(), ...parsed.data, deleted: parsed.data.deleted ?? [] });
  return sameContent(syncedPart(merged), syncedPart(journal)) ? journal : merged;
}

export function syncedChanged(before: Journal | undefined, after: Journal): boolean {
  if (!before) return true;
  // Most writes (a win, a pause) leave these arrays as they were; no need to compare them.
  if (before.domains === after.domains && before.cues === after.cues && before.models === after.models && before.deleted === after.deleted) return false;
  return !sameContent(syncedPart(before), syncedPart(after));
}
