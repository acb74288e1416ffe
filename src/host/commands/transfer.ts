import { exportJournal } from '../../core/records/transfer';
import { importFile } from '../actions/transfer';
import { present } from './present';
import { weeklyReviewMarkdown } from '../../core/coach/weeklyReview';
import { localDate, weekStart } from '../../core/time';
import type { Services } from '../services';
import type { PickItem } from '../platform/ui';
import { recordRows, rowsCsv, rowsJson } from '../../core/accomplishments/rows';
import { t } from '../../core/l10n';
import { coachView } from '../storage/views';

type ExportFormat = 'journal' | 'csv' | 'rows';

/** The whole journal (to import again), or its subgoals and wins as rows for a spreadsheet or another tool. */
export async function exportData(ctx: Services): Promise<void> {
  const formats: PickItem<ExportFormat>[] = [
    { label: t('Whole journal (JSON)'), description: t('to import again, here or on another machine'), value: 'journal' },
    { label: t('Subgoals and wins (CSV)'), description: t('one row each, for a spreadsheet'), value: 'csv' },
    { label: t('Subgoals and wins (JSON)'), description: t('one row each, for another tool'), value: 'rows' },
  ];
  const format = await ctx.ui.pick(formats, { title: t('Export Small Wins journal'), placeholder: t('What to export') });
  if (format === undefined) return;
  const now = ctx.clock();
  const date = localDate(now);
  const history = await ctx.store.history();
  const written =
    format === 'journal'
      ? await ctx.ui.saveText(`small-wins-${date}.json`, exportJournal(history, now))
      : format === 'csv'
        ? await ctx.ui.saveText(`small-wins-rows-${date}.csv`, rowsCsv(recordRows(history)), { title: t('Export subgoals and wins'), kind: 'csv' })
        : await ctx.ui.saveText(`small-wins-rows-${date}.json`, rowsJson(recordRows(history), now), { title: t('Export subgoals and wins'), kind: 'json' });
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
