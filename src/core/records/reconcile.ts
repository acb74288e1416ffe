import { ARCHIVED_COLLECTIONS } from './archive';
import type { ArchivedCollection } from './archive';
import { mergeJournals, mergeSessions, sameContent } from './merge';
import type { Journal, Session } from './schema';

/**
 * What one window knew and the stored journal lacks, per archived collection: records another window
 * may have archived (or this window wrote from a stale view). Empty when nothing is missing.
 */
export function missingFromStored(stored: Journal, mine: Journal): Map<ArchivedCollection, Set<string>> {
  const gone = new Map<ArchivedCollection, Set<string>>();
  for (const name of ARCHIVED_COLLECTIONS) {
    const ids = new Set(stored[name].map((r) => r.id));
    const missing = mine[name].filter((r) => !ids.has(r.id)).map((r) => r.id);
    if (missing.length) gone.set(name, new Set(missing));
  }
  return gone;
}

/**
 * A record this window knew that the stored journal lacks was archived by another window, not lost:
 * it stays archived only, unless this window holds more (a session another window ended while this
 * one logged a win merges with its archived copy and is archived again). A session must never come
 * back as running once it ended elsewhere.
 */
export function withArchivedCopies(mine: Journal, gone: Map<ArchivedCollection, Set<string>>, archived: Journal): Journal {
  const result = { ...mine };
  for (const [name, ids] of gone) {
    const copies = new Map((archived[name] as { id: string }[]).map((r) => [r.id, r]));
    const kept: unknown[] = [];
    for (const record of mine[name] as { id: string }[]) {
      const copy = ids.has(record.id) ? copies.get(record.id) : undefined;
      const merged = copy && name === 'sessions' ? mergeSessions(copy as Session, record as Session) : record;
      if (!copy || !sameContent(merged, copy)) kept.push(merged);
    }
    (result as Record<ArchivedCollection, unknown[]>)[name] = kept;
  }
  return result;
}

/** The stored journal plus what this window knew; the stored value itself when nothing is added. */
export function reconcile(stored: Journal, mine: Journal, archived?: Journal): Journal {
  const gone = missingFromStored(stored, mine);
  const known = archived && gone.size > 0 ? withArchivedCopies(mine, gone, archived) : mine;
  const merged = mergeJournals(stored, known);
  return sameContent(merged, stored) ? stored : merged;
}
