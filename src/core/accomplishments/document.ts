/**
 * The review as a Markdown document the user edits and hands in: the period and filters that made
 * it, a table per domain, the accomplishments by week or month, the setbacks and what changed, and a
 * closing paragraph of counts. Every sentence is built from the record; nothing praises.
 */
import { causeLabel } from '../practices/attribution';
import { inSentence, listOf, sessionCount, t, winCount } from '../l10n';
import { addDays, localDate, spokenDuration } from '../time';
import { forMarkdown } from '../userText';
import type { Accomplishment, AccomplishmentGroup, Cause, DomainReview, ReviewFacts, Setback } from './facts';
import { notesOf, totalsOf } from './facts';
import { periodDates } from './period';

export function reviewMarkdown(facts: ReviewFacts, now: number): string {
  const { query } = facts;
  const out: string[] = [t('# My review: {0}', periodDates(query.period)), ''];
  out.push(`_${madeFrom(facts, now)}_`, '');
  if (facts.domains.length === 0) {
    out.push(t('Nothing was logged in this period for these domains.'), '');
    return out.join('\n');
  }
  out.push(`## ${t('At a glance')}`, '', ...glanceTable(facts), '');
  out.push(`## ${t('Notable accomplishments')}`, '');
  const names = new Map(facts.domains.map((d) => [d.domainId, d.name]));
  if (facts.groups.length === 0) out.push(t('No subgoal was met and no win logged in this period.'), '');
  for (const group of facts.groups) out.push(...groupSection(group, facts));
  out.push(`## ${t('Setbacks and what changed')}`, '');
  if (facts.setbacks.length === 0) out.push(t('No slip was reviewed in this period.'), '');
  else out.push(...facts.setbacks.map((s) => `- ${setbackLine(s, names.get(s.domainId) ?? '')}`), '');
  out.push(`## ${t('In numbers')}`, '', closing(facts), '');
  return out.join('\n');
}

/** Which period, which domains and which authors: the document says what made it. */
function madeFrom(facts: ReviewFacts, now: number): string {
  const { query } = facts;
  const domains = facts.chosen ? listOf(facts.chosen.map(forMarkdown)) : t('all');
  return [
    t('Written by Small Wins on {0} from your own record: every line below comes from what you logged.', localDate(now)),
    t('Period: {0}.', periodDates(query.period)),
    t('Domains: {0}.', domains),
    query.assisted ? t('Wins with AI help: listed, marked as such.') : t('Wins with AI help: not listed.'),
    query.assistant ? t("The assistant's own wins: listed, marked as such.") : t("The assistant's own wins: not listed."),
  ].join(' ');
}

function glanceTable(facts: ReviewFacts): string[] {
  const { query } = facts;
  const rows = [
    `| ${t('Domain')} | ${t('Can-do rating')} | ${t('Sessions')} | ${t('Focused')} | ${t('Subgoals met / partly / missed')} | ${t('Wins')} |`,
    '| --- | --- | --: | --- | --: | --: |',
  ];
  for (const d of facts.domains) {
    rows.push(`| ${forMarkdown(d.name)} | ${canDo(d)} | ${d.sessions} | ${spokenDuration(d.focusMs)} | ${d.met} / ${d.partly} / ${d.missed} | ${winsByAuthor(d.wins, query, t('{0} yours', d.wins.mine)).join(', ')} |`);
  }
  return rows;
}

function canDo(d: DomainReview): string {
  if (d.canDoStart === undefined) return t('not rated');
  if (d.canDoEnd === undefined || d.canDoEnd === d.canDoStart) return t('{0}/100', d.canDoStart);
  return t('{0} → {1}/100', d.canDoStart, d.canDoEnd);
}

/** The wins of each author the query lists, the user's own first, said as `mine` says them. */
function winsByAuthor(wins: DomainReview['wins'], query: ReviewFacts['query'], mine: string): string[] {
  const parts = [mine];
  if (query.assisted) parts.push(t('{0} with AI help', wins.assisted));
  if (query.assistant) parts.push(t('{0} by the assistant', wins.assistant));
  return parts;
}

function groupSection(group: AccomplishmentGroup, facts: ReviewFacts): string[] {
  const out = [t('### {0} to {1}', localDate(group.from), localDate(addDays(group.to, -1))), ''];
  for (const domain of facts.domains) {
    const items = group.items.filter((item) => item.domainId === domain.domainId);
    if (items.length === 0) continue;
    out.push(`**${forMarkdown(domain.name)}**`, '');
    // Subgoals met first: they were planned, and say most about what was set out and done.
    const sorted = [...items].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'subgoal' ? -1 : 1));
    out.push(...sorted.map((item) => `- ${accomplishmentLine(item)}`), '');
  }
  return out;
}

/** One accomplishment: what, who, how often, and what it took. */
function accomplishmentLine(item: Accomplishment): string {
  const text = item.kind === 'subgoal' ? `**${forMarkdown(item.text)}**` : forMarkdown(item.text);
  const marks = [authorMark(item.by), item.edited ? t('edited') : undefined].filter((m) => m !== undefined);
  const head = marks.length ? `${text} (${marks.join(', ')})` : text;
  const count = item.times > 1 ? (item.kind === 'subgoal' ? t('met {0} times', item.times) : t('{0} times', item.times)) : undefined;
  const story = storyOf(item);
  if (story) return `${head}. ${story}`;
  const took = tookOf(item.causes);
  return [head, count, took].filter((p) => p !== undefined).join(' · ');
}

/** How a win not the user's alone is marked, wherever the review lists it (the document, the assistant's tool). */
export function authorMark(by: Accomplishment['by']): string | undefined {
  if (by === 'assisted') return t('with AI help');
  if (by === 'assistant') return t('done by the assistant');
  return undefined;
}

/** Situation → action → result, where the record holds all three: one subgoal met, a reviewed session with a note. */
function storyOf(item: Accomplishment): string | undefined {
  const cause = item.causes[0];
  if (item.kind !== 'subgoal' || item.times !== 1 || item.confidence === undefined || !cause?.note) return undefined;
  const result = item.sessionWins ? t('met, with {0} in the session', winCount(item.sessionWins)) : t('met');
  return t('Situation: set out with confidence {0}/10. Action: {1}: “{2}”. Result: {3}.', item.confidence, inSentence(causeLabel(cause.cause)), forMarkdown(cause.note), result);
}

/** "What it took: effort (3), strategy or approach (1); “wrote the test first”": the causes the reviews named, and their notes. */
function tookOf(causes: readonly Cause[]): string | undefined {
  if (causes.length === 0) return undefined;
  const counts = new Map<Cause['cause'], number>();
  for (const c of causes) counts.set(c.cause, (counts.get(c.cause) ?? 0) + 1);
  const named = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([cause, n]) => (causes.length > 1 ? `${inSentence(causeLabel(cause))} (${n})` : inSentence(causeLabel(cause))));
  const notes = notesOf(causes).map((n) => `“${forMarkdown(n)}”`);
  return notes.length ? t('what it took: {0}; {1}', named.join(', '), notes.join(', ')) : t('what it took: {0}', named.join(', '));
}

function setbackLine(s: Setback, domain: string): string {
  const when = s.times === 1 ? localDate(s.at) : t('{0} to {1}, {2} times', localDate(s.at), localDate(s.last), s.times);
  const what = t('{0}, {1}: the cue was “{2}”, “{3}” did not hold; the change: “{4}”.', when, forMarkdown(domain), forMarkdown(s.cue), forMarkdown(s.frictionFailed), forMarkdown(s.tweak));
  const said = [
    s.answers.helped ? t('It helped ({0}).', s.answers.helped) : undefined,
    s.answers.notHelped ? t('It did not help ({0}).', s.answers.notHelped) : undefined,
    s.answers.notTried ? t('It was not tried ({0}).', s.answers.notTried) : undefined,
  ].filter((p) => p !== undefined);
  return [what, ...(said.length ? said : [t('Not yet known whether it helped.')])].join(' ');
}

/** Counts and trends only: what the record says, in numbers. */
function closing(facts: ReviewFacts): string {
  const total = totalsOf(facts);
  const { query } = facts;
  const rated = total.met + total.partly + total.missed;
  const wins = winsByAuthor(total.wins, query, t('{0} of your own', winCount(total.wins.mine)));
  const sentences = [t('In this period: {0}, {1} of focus, {2}.', sessionCount(total.sessions), spokenDuration(total.focusMs), listOf(wins))];
  const share = (part: number, whole: number) => Math.round((100 * part) / whole);
  if (rated > 0 && total.partly > 0) sentences.push(t('Of {0} subgoals with an outcome, {1} were met ({2}%) and {3} partly met.', rated, total.met, share(total.met, rated), total.partly));
  else if (rated > 0) sentences.push(t('Of {0} subgoals with an outcome, {1} were met ({2}%).', rated, total.met, share(total.met, rated)));
  const [first, second] = facts.halves;
  if (first.rated > 0 && second.rated > 0) {
    sentences.push(t('Subgoals met: {0}% in the first half of the period, {1}% in the second.', share(first.met, first.rated), share(second.met, second.rated)));
  }
  const moved = facts.domains.filter((d) => d.canDoStart !== undefined && d.canDoEnd !== undefined && d.canDoEnd !== d.canDoStart);
  for (const d of moved) sentences.push(t('Can-do rating in {0}: from {1} to {2}.', forMarkdown(d.name), d.canDoStart ?? 0, d.canDoEnd ?? 0));
  const slips = facts.setbacks.reduce((n, s) => n + s.times, 0);
  const helped = facts.setbacks.reduce((n, s) => n + s.answers.helped, 0);
  const answered = facts.setbacks.reduce((n, s) => n + s.answers.helped + s.answers.notHelped + s.answers.notTried, 0);
  if (slips > 0 && answered > 0) sentences.push(t('{0} slips reviewed; where the next review answered, the change helped {1} of {2} times.', slips, helped, answered));
  else if (slips > 0) sentences.push(t('{0} slips reviewed.', slips));
  return sentences.join(' ');
}
