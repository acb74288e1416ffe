import type { Services } from '../services';
import { t } from '../../core/l10n';
import { customPeriod, dateProblem, PERIOD_KINDS, periodDates, periodLabel, periodOf } from '../../core/accomplishments/period';
import type { Period, PeriodKind } from '../../core/accomplishments/period';
import { reviewFacts } from '../../core/accomplishments/facts';
import type { ReviewQuery } from '../../core/accomplishments/facts';
import { reviewMarkdown } from '../../core/accomplishments/document';
import { dayOfDate, localDate, monthStart } from '../../core/time';
import { periodView } from '../storage/views';
import type { PickItem } from '../platform/ui';

/** What a caller already knows: the Progress tab its range and domains, the session panel the quarter. */
export interface ReviewRequest {
  period?: Period;
  domainIds?: readonly string[];
}

type Included = { domainId: string } | { author: 'assisted' | 'assistant' };

/**
 * Small Wins: Write My Review. Asks for the period (unless given) and, in one list, the domains and
 * whether wins with AI help and the assistant's own are listed; opens the review as an untitled
 * Markdown document the user edits and saves like any other.
 */
export async function writeMyReview(ctx: Services, request: ReviewRequest = {}): Promise<void> {
  const now = ctx.clock();
  const period = request.period ?? (await askPeriod(ctx, now));
  if (!period) return;
  const records = await periodView(ctx.store, period, now);
  const everything: ReviewQuery = { period, assisted: true, assistant: true };
  const present = reviewFacts(records, everything, now).domains;
  // With nothing in the period there is nothing to choose: the document says so, for the domains asked for.
  let query: ReviewQuery = { period, ...(request.domainIds ? { domainIds: request.domainIds } : {}), assisted: true, assistant: false };
  if (present.length > 0) {
    const chosen = new Set(request.domainIds ?? present.map((d) => d.domainId));
    const items: PickItem<Included>[] = [
      ...present.map((d) => ({ label: d.name, description: t('domain'), value: { domainId: d.domainId } })),
      { label: t('List wins done with AI help'), description: t('marked as such'), value: { author: 'assisted' } },
      { label: t("List the assistant's own wins"), description: t('marked as such'), value: { author: 'assistant' } },
    ];
    const selected = items.filter((i) => ('domainId' in i.value ? chosen.has(i.value.domainId) : i.value.author === 'assisted')).map((i) => i.value);
    const picked = await ctx.ui.pickMany(items, { title: t('Write my review: {0}', periodDates(period)), placeholder: t('What goes into the review'), selected });
    if (!picked) return;
    const domainIds = picked.flatMap((p) => ('domainId' in p ? [p.domainId] : []));
    if (domainIds.length === 0) {
      void ctx.ui.info(t('No review was written: choose at least one domain.'));
      return;
    }
    // Every domain chosen is "all": the document says so rather than listing them.
    const all = domainIds.length === present.length;
    query = { period, ...(all ? {} : { domainIds }), assisted: picked.some((p) => 'author' in p && p.author === 'assisted'), assistant: picked.some((p) => 'author' in p && p.author === 'assistant') };
  }
  await ctx.ui.openUntitled(reviewMarkdown(reviewFacts(records, query, now), now), 'markdown');
}

async function askPeriod(ctx: Services, now: number): Promise<Period | undefined> {
  const title = t('Write my review');
  const items: PickItem<PeriodKind | 'custom'>[] = [
    ...PERIOD_KINDS.map((kind) => ({ label: periodLabel(kind), description: periodDates(periodOf(kind, now)), value: kind })),
    { label: t('Choose the days…'), description: t('from one date to another'), value: 'custom' },
  ];
  const kind = await ctx.ui.pick(items, { title, placeholder: t('Which period should the review cover?'), active: 'lastQuarter' });
  if (kind === undefined) return undefined;
  if (kind !== 'custom') return periodOf(kind, now);
  const dateOrProblem = (text: string) => (dayOfDate(text) === undefined ? dateProblem() : undefined);
  const first = await ctx.ui.input({ title, prompt: t('The first day of the review (year-month-day)'), value: localDate(monthStart(now, -3)), validate: dateOrProblem });
  if (first === undefined) return undefined;
  const last = await ctx.ui.input({
    title,
    prompt: t('The last day of the review (year-month-day)'),
    value: localDate(now),
    validate: (text) => {
      const checked = customPeriod(first, text);
      return checked.ok ? undefined : checked.problem;
    },
  });
  if (last === undefined) return undefined;
  const checked = customPeriod(first, last);
  return checked.ok ? checked.period : undefined;
}
