import { exportJournal } from '../../core/records/transfer';
import { importFile } from '../actions/transfer';
import { present } from './present';
import { weeklyReviewMarkdown } from '../../core/coach/weeklyReview';
import { localDate, weekStart } from '../../core/time';
import type { Services } from '../services';
import { t } from '../../core/l10n';
import { coachView } from '../storage/views';

export async function exportData(ctx: Services): Promise<void> {
  const now = ctx.clock();
  const date = new Date(now).toISOString().slice(0, 10);
  const written = await ctx.ui.saveText(`small-wins-${date}.json`, exportJournal(await ctx.store.history(), now));
  if (written) void ctx.ui.info(t('Exported your journal to {0}.', written));
}

/** Writes this week as a Markdown document where the user chooses, and opens it. */
export async function writeWeeklyReview(ctx: Services): Promise<void> {
  const now = ctx.clock();
  const written = await ctx.ui.saveText(`small-wins-week-${localDate(weekStart(now))}.md`, weeklyReviewMarkdown((await coachView(ctx.store, now)).records, now), {
    title: t('Save the weekly review'),
    kind: 'markdown',
    open: true,
  });
  if (written) void ctx.ui.info(t('Wrote the weekly review to {0}.', written));
}

/** Reads the file the user picks and hands it to the import action, which checks it whole. */
export async function importData(ctx: Services): Promise<void> {
  const text = await ctx.ui.openText();
  if (text === undefined) return;
  present(ctx, (await importFile(ctx, text)).notices);
}
