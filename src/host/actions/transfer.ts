import { changedSomething, importJournal } from '../../core/records/transfer';
import type { ImportCounts } from '../../core/records/transfer';
import { mergeJournals } from '../../core/records/merge';
import { COLLECTIONS } from '../../core/records/schema';
import { SessionError } from '../../core/practices/session';
import { collectionCount, listOf, t } from '../../core/l10n';
import { info } from './notices';
import type { ActionServices, Done } from './notices';

/** Import validates the whole file first; a bad file is refused with the field named and nothing changes. */
export async function importFile(s: ActionServices, text: string): Promise<Done<undefined>> {
  const history = await s.store.history();
  // Checked and applied in one serialized change, against the whole history as it is at that
  // moment; only what the file adds or changes goes into the live journal (closed history in it
  // moves on to the archive). The running session is never touched.
  const outcome = await s.store.update((live) => {
    const result = importJournal(mergeJournals(history, live), text, s.clock());
    if (!result.ok) throw new SessionError(t('Import refused, nothing was changed. {0}', result.message));
    return { journal: mergeJournals(live, result.changes), result };
  });
  return { value: undefined, notices: [info(importSummary(outcome.counts))] };
}

/** The import's message: exactly what changed, and "Nothing new" only when nothing did. */
export function importSummary(counts: ImportCounts): string {
  if (!changedSomething(counts)) return t('Nothing new to import: everything in the file is already here.');
  const parts = COLLECTIONS.filter((name) => counts.added[name] > 0).map((name) => collectionCount(name, counts.added[name]));
  if (counts.updated > 0) parts.push(counts.updated === 1 ? t('1 update') : t('{0} updates', counts.updated));
  if (counts.merged > 0) parts.push(counts.merged === 1 ? t('1 merge') : t('{0} merges', counts.merged));
  if (counts.removed > 0) parts.push(counts.removed === 1 ? t('1 deletion') : t('{0} deletions', counts.removed));
  if (counts.remembered > 0) parts.push(counts.remembered === 1 ? t('1 deletion of a record not on this machine') : t('{0} deletions of records not on this machine', counts.remembered));
  return t('Imported {0}.', listOf(parts));
}
