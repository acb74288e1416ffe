/**
 * The third assistant tool: the facts of a review for a period (the same model as Write My Review),
 * so an agent drafts a self-review from the user's record instead of from its imagination. Read-only;
 * VS Code asks the user first, naming the period and the domains.
 */
import * as z from 'zod/mini';
import { causeLabel } from '../../core/practices/attribution';
import { notesOf, reviewFacts, totalsOf } from '../../core/accomplishments/facts';
import { authorMark } from '../../core/accomplishments/document';
import type { Accomplishment, ReviewFacts, ReviewQuery } from '../../core/accomplishments/facts';
import { customPeriod, PERIOD_KINDS, periodDates, periodOf } from '../../core/accomplishments/period';
import type { Period } from '../../core/accomplishments/period';
import { describeIssues } from '../../core/records/schema';
import type { Journal } from '../../core/records/schema';
import { findDomainByName } from '../../core/records/journal';
import { listOf, sessionCount, t } from '../../core/l10n';
import { localDate, spokenDuration } from '../../core/time';
import { forNotification } from '../../core/userText';
import { periodView } from '../storage/views';
import type { ActionServices } from '../actions/notices';
import { dataNote, quoted } from './assistantTools';

/** The most accomplishment lines the tool lists, newest kept: a year of de-duplicated lines fits; years of them would flood the agent. */
const LISTED = 200;

const inputSchema = z.strictObject({
  period: z.literal([...PERIOD_KINDS, 'custom']),
  from: z.optional(z.string().check(z.maxLength(10))),
  to: z.optional(z.string().check(z.maxLength(10))),
  domains: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(100))),
  includeAssisted: z.optional(z.boolean()),
  includeAssistant: z.optional(z.boolean()),
});

export interface ReviewRequestParsed {
  period: Period;
  /** The domains asked for by name (undefined: all), resolved against the journal. */
  domainIds?: string[];
  domainNames?: string[];
  assisted: boolean;
  assistant: boolean;
}

/** The tool's input as a query on `journal`'s domains, or why it is none (the agent reads the reason and can try again). */
export function parseReviewInput(input: unknown, journal: Journal, now: number): { ok: true; request: ReviewRequestParsed } | { ok: false; problem: string } {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problem: t('No record was read: {0}.', describeIssues(parsed.error)) };
  const o = parsed.data;
  let period: Period;
  if (o.period === 'custom') {
    const custom = customPeriod(o.from ?? '', o.to ?? '');
    if (!custom.ok) return { ok: false, problem: t('No record was read: for a custom period send "from" and "to" as year-month-day dates. {0}', custom.problem) };
    period = custom.period;
  } else period = periodOf(o.period, now);
  const request: ReviewRequestParsed = { period, assisted: o.includeAssisted ?? true, assistant: o.includeAssistant ?? false };
  if (o.domains && o.domains.length > 0) {
    const found = o.domains.map((name) => findDomainByName(journal, name));
    const unknown = o.domains.filter((_, i) => found[i] === undefined);
    // The user confirmed nothing yet: the refusal names no domain of theirs, only what the agent sent.
    if (unknown.length > 0) return { ok: false, problem: t('No record was read: no domain is called {0}. Ask the user which domains to include, or leave "domains" out for all of them.', unknown.map(quoted).join(', ')) };
    request.domainIds = found.map((d) => d?.id ?? '');
    request.domainNames = found.map((d) => d?.name ?? '');
  }
  return { ok: true, request };
}

/** The confirmation VS Code shows before the tool reads the record: which period and which domains. */
export function reviewConfirmation(request: ReviewRequestParsed): { title: string; message: string } {
  const domains = request.domainNames ? listOf(request.domainNames.map((n) => `"${n}"`)) : t('all domains');
  return {
    title: t('Share your Small Wins record with your AI assistant?'),
    message: forNotification(t('Your AI assistant asks to read your record from {0}, {1}: sessions, can-do ratings, subgoals, wins and setbacks. Nothing is changed.', periodDates(request.period), domains)),
  };
}

/** The facts as text for an agent: user text quoted as data, numbers as they are. */
export function reviewText(facts: ReviewFacts): string {
  const { query } = facts;
  const lines = [dataNote(), t('The user\'s Small Wins record from {0}. Every fact below is from what they logged; draft from these facts only, and mark wins done with AI help or by the assistant as such.', periodDates(query.period))];
  if (facts.domains.length === 0) {
    lines.push(t('Nothing was logged in this period for these domains.'));
    return lines.join('\n');
  }
  lines.push(t('Per domain:'));
  for (const d of facts.domains) {
    const rating = d.canDoStart === undefined ? t('no can-do rating') : d.canDoEnd === undefined ? t('can-do rating {0}/100', d.canDoStart) : t('can-do rating {0}/100 at the start, {1}/100 at the end', d.canDoStart, d.canDoEnd);
    lines.push(t('- {0}: {1}; {2}, {3} focused; subgoals met {4}, partly {5}, missed {6}; wins: {7} the user\'s own, {8} with AI help, {9} by the assistant.', quoted(d.name), rating, sessionCount(d.sessions), spokenDuration(d.focusMs), d.met, d.partly, d.missed, d.wins.mine, query.assisted ? d.wins.assisted : '-', query.assistant ? d.wins.assistant : '-'));
  }
  const names = new Map(facts.domains.map((d) => [d.domainId, d.name]));
  const items = facts.groups.flatMap((g) => g.items.map((item) => ({ group: g.from, item })));
  lines.push(items.length > LISTED ? t('Accomplishments (the latest {0} of {1}):', LISTED, items.length) : t('Accomplishments:'));
  for (const { group, item } of items.slice(-LISTED)) lines.push(`- ${localDate(group)} ${quoted(names.get(item.domainId) ?? '')}: ${accomplishmentText(item)}`);
  if (facts.setbacks.length > 0) {
    lines.push(t('Setbacks and what changed:'));
    for (const s of facts.setbacks) {
      lines.push(t('- {0} {1}, {2} times: cue {3}, what did not hold {4}, the change {5}; the next review said it helped {6}, did not help {7}, was not tried {8} times.', localDate(s.at), quoted(names.get(s.domainId) ?? ''), s.times, quoted(s.cue), quoted(s.frictionFailed), quoted(s.tweak), s.answers.helped, s.answers.notHelped, s.answers.notTried));
    }
  }
  const total = totalsOf(facts);
  lines.push(t('Totals: {0}, {1} focused, {2} subgoals met of {3} with an outcome.', sessionCount(total.sessions), spokenDuration(total.focusMs), total.met, total.met + total.partly + total.missed));
  return lines.join('\n');
}

function accomplishmentText(item: Accomplishment): string {
  const mark = authorMark(item.by);
  const who = mark ? ` (${mark})` : '';
  const what = item.kind === 'subgoal' ? t('subgoal met {0}{1}', quoted(item.text), who) : t('win {0}{1}', quoted(item.text), who);
  const causes = [...new Set(item.causes.map((c) => causeLabel(c.cause)))];
  const notes = notesOf(item.causes).map(quoted);
  return [what, item.times > 1 ? t('{0} times', item.times) : undefined, item.edited ? t('edited') : undefined, causes.length ? t('what made the difference: {0}', [...causes, ...notes].join(', ')) : undefined]
    .filter((p) => p !== undefined)
    .join('; ');
}

/** How many confirmed requests wait for their invoke at most; one the user cancelled never gets it. */
const MAX_PENDING = 20;

/**
 * The tool between VS Code's confirmation and its invoke: what the user confirmed is what is read,
 * even when a day (a month, a quarter) turns in between and "last month" would name another.
 */
export class ReviewReads {
  readonly #confirmed = new Map<string, ReviewRequestParsed>();

  constructor(private readonly s: ActionServices) {}

  /** The confirmation for this input, or undefined when it reads nothing (invoke says why). */
  prepare(input: unknown): { title: string; message: string } | undefined {
    const parsed = parseReviewInput(input, this.s.store.live, this.s.clock());
    if (!parsed.ok) return undefined;
    const key = JSON.stringify(input);
    this.#confirmed.delete(key);
    this.#confirmed.set(key, parsed.request);
    while (this.#confirmed.size > MAX_PENDING) this.#confirmed.delete(this.#confirmed.keys().next().value as string);
    return reviewConfirmation(parsed.request);
  }

  invoke(input: unknown): Promise<string> {
    const key = JSON.stringify(input);
    const confirmed = this.#confirmed.get(key);
    this.#confirmed.delete(key);
    return reviewToolText(this.s, input, confirmed);
  }
}

/** Reads the period's records and answers with the facts, or with why the input is not a request. */
export async function reviewToolText(s: ActionServices, input: unknown, confirmed?: ReviewRequestParsed): Promise<string> {
  const now = s.clock();
  const parsed = confirmed ? { ok: true as const, request: confirmed } : parseReviewInput(input, s.store.live, now);
  if (!parsed.ok) return parsed.problem;
  const { request } = parsed;
  const query: ReviewQuery = { period: request.period, assisted: request.assisted, assistant: request.assistant, ...(request.domainIds ? { domainIds: request.domainIds } : {}) };
  const records = await periodView(s.store, request.period, now);
  return reviewText(reviewFacts(records, query, now));
}
