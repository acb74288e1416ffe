import { domainLabel } from '../records/journal';
import { recurringSlipCues, slipPatternSentence } from './index';
import { causeLabel, outcomeChoices } from '../practices/attribution';
import type { Journal, Session } from '../records/schema';
import { elapsedMs, liveSubgoals } from '../practices/session';
import { addWeeks, inTimeZone, localDate as date, spokenDuration, weekStart } from '../time';
import { inSentence, sessionCount, t, winCount } from '../l10n';

const time = (at: number) => new Date(at).toLocaleTimeString('en-GB', inTimeZone({ hour: '2-digit', minute: '2-digit' }));
/** One line of user text in Markdown: no line breaks, no accidental headings or HTML. */
const line = (text: string) => text.replace(/\s+/g, ' ').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));

/**
 * The week containing `now` as a Markdown document: sessions, wins, ratings, attributions, slips with
 * their tweaks, and the reflection. It states only what the journal holds.
 */
export function weeklyReviewMarkdown(journal: Journal, now: number): string {
  const from = weekStart(now);
  const to = addWeeks(from, 1);
  const inWeek = (at: number) => at >= from && at < to;
  const domain = (id: string) => line(domainLabel(journal, id));
  const sessions = journal.sessions.filter((s) => inWeek(s.startedAt));
  const wins = sessions.reduce((n, s) => n + s.wins.length, 0);
  const focus = sessions.reduce((n, s) => n + elapsedMs(s, Math.min(now, s.endedAt ?? now)), 0);
  const out: string[] = [t('# Small Wins — week of {0}', date(from)), ''];
  out.push(t('{0}, {1}, {2} of focus.', sessionCount(sessions.length), winCount(wins), spokenDuration(focus)), '');
  out.push(t('## Sessions'), '');
  if (sessions.length === 0) out.push(t('No sessions this week.'), '');
  for (const s of sessions) out.push(...sessionSection(s, domain(s.domainId), now));
  const ratings = journal.ratings.filter((r) => inWeek(r.at));
  out.push(t('## Can-do ratings'), '');
  if (ratings.length === 0) out.push(t('No ratings this week.'), '');
  else out.push(...ratings.map((r) => `- ${domain(r.domainId)}: ${r.value}/100 (${date(r.at)})`), '');
  // Slip cues that keep coming back, with how their tweaks fared: said only when there are some.
  const patterns = recurringSlipCues(journal, Math.min(now, to));
  if (patterns.length) out.push(`## ${t('Patterns in your slips')}`, '', ...patterns.map((p) => `- ${line(slipPatternSentence(p))}`), '');
  const reflection = journal.reflections.find((r) => r.weekOf === from);
  out.push(t('## Reflection'), '');
  if (!reflection) out.push(t('No reflection written this week.'), '');
  else {
    out.push(t('**What did I do well?** {0}', line(reflection.didWell)), '');
    out.push(t('**What would I do differently?** {0}', line(reflection.doDifferently)), '');
    out.push(t('**What did this teach me about my capabilities?** {0}', line(reflection.learned)), '');
  }
  return out.join('\n');
}

function sessionSection(s: Session, domainName: string, now: number): string[] {
  const length = spokenDuration(elapsedMs(s, Math.min(now, s.endedAt ?? now)));
  const when = `${date(s.startedAt)} ${time(s.startedAt)}`;
  const out = [s.endedAt === undefined ? t('### {0} — {1} ({2}, running)', domainName, when, length) : t('### {0} — {1} ({2})', domainName, when, length), ''];
  for (const g of liveSubgoals(s)) {
    const label = g.outcome ? outcomeChoices().find((o) => o.value === g.outcome)?.label : undefined;
    const outcome = label === undefined ? undefined : inSentence(label);
    out.push(outcome ? t('- Subgoal: {0} — confidence {1}/10, {2}', line(g.text), g.confidence, outcome) : t('- Subgoal: {0} — confidence {1}/10', line(g.text), g.confidence));
  }
  for (const w of s.wins) out.push(t('- Win: {0}', line(w.text)));
  const review = s.review;
  if (review) {
    const a = review.attribution;
    const detail = a.text ? `: ${line(a.text)}` : '';
    out.push(t('- What made the difference: {0}{1} (about me {2}/9, stable {3}/9, controllable {4}/9)', causeLabel(a.cause), detail, a.internal, a.stable, a.controllable));
    if (review.slip) out.push(t('- Slip: cue “{0}”, friction that failed “{1}”, tweak: {2}', line(review.slip.cue), line(review.slip.frictionFailed), line(review.slip.tweak)));
  }
  out.push('');
  return out;
}
