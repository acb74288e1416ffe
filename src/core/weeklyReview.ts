import { CAUSE_LABELS } from './attribution';
import type { Journal, Session } from './schema';
import { elapsedMs, liveSubgoals } from './session';
import { DAY, spokenDuration, weekStart } from './time';

const date = (at: number) => new Date(at).toLocaleDateString('en-CA');
const time = (at: number) => new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
/** One line of user text in Markdown: no line breaks, no accidental headings or HTML. */
const line = (text: string) => text.replace(/\s+/g, ' ').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));

/**
 * The week containing `now` as a Markdown document: sessions, wins, ratings, attributions, slips with
 * their tweaks, and the reflection. It states only what the journal holds.
 */
export function weeklyReviewMarkdown(journal: Journal, now: number): string {
  const from = weekStart(now);
  const to = from + 7 * DAY;
  const inWeek = (at: number) => at >= from && at < to;
  const domain = (id: string) => line(journal.domains.find((d) => d.id === id)?.name ?? 'Unknown domain');
  const sessions = journal.sessions.filter((s) => inWeek(s.startedAt));
  const wins = sessions.reduce((n, s) => n + s.wins.length, 0);
  const focus = sessions.reduce((n, s) => n + elapsedMs(s, Math.min(now, s.endedAt ?? now)), 0);
  const out: string[] = [`# Small Wins — week of ${date(from)}`, ''];
  out.push(`${sessions.length} session${sessions.length === 1 ? '' : 's'}, ${wins} win${wins === 1 ? '' : 's'}, ${spokenDuration(focus)} of focus.`, '');
  out.push('## Sessions', '');
  if (sessions.length === 0) out.push('No sessions this week.', '');
  for (const s of sessions) out.push(...sessionSection(s, domain(s.domainId), now));
  const ratings = journal.ratings.filter((r) => inWeek(r.at));
  out.push('## Can-do ratings', '');
  if (ratings.length === 0) out.push('No ratings this week.', '');
  else out.push(...ratings.map((r) => `- ${domain(r.domainId)}: ${r.value}/100 (${date(r.at)})`), '');
  const reflection = journal.reflections.find((r) => r.weekOf === from);
  out.push('## Reflection', '');
  if (!reflection) out.push('No reflection written this week.', '');
  else {
    out.push(`**What did I do well?** ${line(reflection.didWell)}`, '');
    out.push(`**What would I do differently?** ${line(reflection.doDifferently)}`, '');
    out.push(`**What did this teach me about my capabilities?** ${line(reflection.learned)}`, '');
  }
  return out.join('\n');
}

function sessionSection(s: Session, domainName: string, now: number): string[] {
  const out = [`### ${domainName} — ${date(s.startedAt)} ${time(s.startedAt)} (${spokenDuration(elapsedMs(s, Math.min(now, s.endedAt ?? now)))}${s.endedAt === undefined ? ', running' : ''})`, ''];
  for (const g of liveSubgoals(s)) out.push(`- Subgoal: ${line(g.text)} — confidence ${g.confidence}/10${g.outcome ? `, ${g.outcome}` : ''}`);
  for (const w of s.wins) out.push(`- Win: ${line(w.text)}`);
  const review = s.review;
  if (review) {
    const a = review.attribution;
    const detail = a.text ? `: ${line(a.text)}` : '';
    out.push(`- What made the difference: ${CAUSE_LABELS[a.cause]}${detail} (about me ${a.internal}/9, stable ${a.stable}/9, controllable ${a.controllable}/9)`);
    if (review.slip) out.push(`- Slip: cue “${line(review.slip.cue)}”, friction that failed “${line(review.slip.frictionFailed)}”, tweak: ${line(review.slip.tweak)}`);
  }
  out.push('');
  return out;
}
