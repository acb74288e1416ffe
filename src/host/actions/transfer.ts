import { importJournal } from '../../core/transfer';
import { mergeJournals } from '../../core/merge';
import { COLLECTIONS } from '../../core/schema';
import { SessionError } from '../../core/session';
import { collectionCount, listOf, t } from '../../core/l10n';
import { info } from './notices';
import type { ActionServices, Done } from './notices';

/** Import validates the whole file first; a bad file is refused with the field named and nothing changes. */
export async function importFile(s: ActionServices, text: string): Promise<Done<undefined>> {
  // Checked and counted against the whole history; only what is new goes into the live journal
  // (closed history in it moves on to the archive).
  const outcome = importJournal(await s.store.history(), text);
  if (!outcome.ok) throw new SessionError(t('Import refused, nothing was changed. {0}', outcome.message));
  await s.store.apply((live) => mergeJournals(live, outcome.changes));
  const parts = COLLECTIONS.filter((name) => outcome.added[name] > 0).map((name) => collectionCount(name, outcome.added[name]));
  return { value: undefined, notices: [info(parts.length ? t('Imported {0}.', listOf(parts)) : t('Nothing new to import: everything in the file is already here.'))] };
}
