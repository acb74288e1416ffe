import { exportJournal, importJournal } from '../../core/transfer';
import { weeklyReviewMarkdown } from '../../core/weeklyReview';
import { localDate, weekStart } from '../../core/time';
import { mergeJournals } from '../../core/merge';
import type { Services } from '../services';
import { collectionCount, listOf, t } from '../../core/l10n';
import { COLLECTIONS } from '../../core/schema';

export async function exportData(ctx: Services): Promise<void> {
  const now = ctx.clock();
  const date = new Date(now).toISOString().slice(0, 10);
  const written = await ctx.ui.saveText(`small-wins-${date}.json`, exportJournal(await ctx.store.history(), now));
  if (written) void ctx.ui.info(t('Exported your journal to {0}.', written));
}

/** Writes this week as a Markdown document where the user chooses, and opens it. */
export async function writeWeeklyReview(ctx: Services): Promise<void> {
  const now = ctx.clock();
  const written = await ctx.ui.saveText(`small-wins-week-${localDate(weekStart(now))}.md`, weeklyReviewMarkdown(await ctx.store.history(), now), {
    title: t('Save the weekly review'),
    kind: 'markdown',
    open: true,
  });
  if (written) void ctx.ui.info(t('Wrote the weekly review to {0}.', written));
}

/** Import validates the whole file first; a bad file is refused with the field named and nothing changes. */
export async function importData(ctx: Services): Promise<void> {
  const text = await ctx.ui.openText();
  if (text === undefined) return;
  // Checked and counted against the whole history; only what is new goes into the live journal
  // (closed history in it moves on to the archive).
  const outcome = importJournal(await ctx.store.history(), text);
  if (!outcome.ok) {
    ctx.ui.error(t('Import refused, nothing was changed. {0}', outcome.message));
    return;
  }
  await ctx.store.apply((live) => mergeJournals(live, outcome.changes));
  const parts = COLLECTIONS.filter((name) => outcome.added[name] > 0).map((name) => collectionCount(name, outcome.added[name]));
  void ctx.ui.info(parts.length ? t('Imported {0}.', listOf(parts)) : t('Nothing new to import: everything in the file is already here.'));
}
