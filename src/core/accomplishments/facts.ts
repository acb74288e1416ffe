/**
 * What a review of a period says, as facts from the record: per domain the can-do ratings, sessions,
 * focused time and subgoal outcomes; the accomplishments (subgoals met, wins) grouped and
 * de-duplicated with what the session review said made the difference; the setbacks and what changed
 * after them. The Markdown document, the rows of the CSV and JSON exports and the assistant's tool
 * all read this one model.
 *
 * Counted as the month aggregates count (core/figures/aggregates.ts), so the numbers agree with the
 * Progress tab: a session and its subgoals by the session's start, a win by its own time, a subgoal's
 * outcome only once its session ended.
 */
import type { CauseKind, Journal, Session, Subgoal, Win } from '../records/schema';
import { domainLabel } from '../records/journal';
import { elapsedMs, liveSubgoals } from '../practices/session';
import { addWeeks, monthStart, weekStart } from '../time';
import { daysBetween } from '../figures/progress';
import type { Period } from './period';
import { within } from './period';

export type Author = 'mine' | 'assisted' | 'assistant';

export interface ReviewQuery {
  period: Period;
  /** The domains to include; every domain when absent. */
  domainIds?: readonly string[];
  /** Whether wins with AI help, and the assistant's own wins, are listed (marked as such). */
  assisted: boolean;
  assistant: boolean;
}

export interface DomainReview {
  domainId: string;
  name: string;
  /** The can-do rating (0–100) in force when the period began (the latest before it, else the first in it), and the latest in it. */
  canDoStart?: number;
  canDoEnd?: number;
  sessions: number;
  focusMs: number;
  met: number;
  partly: number;
  missed: number;
  /** Wins logged in the period, by author; the authors the query leaves out are 0. */
  wins: Record<Author, number>;
}

/** What a session's review said made the difference. */
export interface Cause {
  cause: CauseKind;
  /** The user's own words, when they wrote some. */
  note: string;
}

/** A subgoal met or a win, with the times the same text came back in its group. */
export interface Accomplishment {
  domainId: string;
  kind: 'subgoal' | 'win';
  text: string;
  by: Author;
  times: number;
  /** The first time in the group (a subgoal: its session's start; a win: its own). */
  at: number;
  /** Any of them edited after it was written. */
  edited: boolean;
  /** One per occurrence whose session was reviewed. */
  causes: Cause[];
  /** For a subgoal met once: the confidence it was started with and the wins its session logged (situation → action → result). */
  confidence?: number;
  sessionWins?: number;
}

export interface AccomplishmentGroup {
  /** A week or a month cut to the period: its first day's midnight, and the midnight after its last. */
  from: number;
  to: number;
  items: Accomplishment[];
}

export type TweakAnswer = 'helped' | 'notHelped' | 'notTried';

/** Slip reviews with the same cue, failed friction and tweak in one domain, and what the next reviews said about the tweak. */
export interface Setback {
  /** The first and the last of them. */
  at: number;
  last: number;
  times: number;
  domainId: string;
  cue: string;
  frictionFailed: string;
  tweak: string;
  /** How often the next review in the domain answered each way (unanswered ones are not counted). */
  answers: Record<TweakAnswer, number>;
}

export interface ReviewFacts {
  query: ReviewQuery;
  /** The names of the domains the query chose (all: absent), with records in the period or not. */
  chosen?: string[];
  domains: DomainReview[];
  groups: AccomplishmentGroup[];
  setbacks: Setback[];
  /** Subgoals rated and met in the first and the second half of the period: the trend, as counts. */
  halves: [{ rated: number; met: number }, { rated: number; met: number }];
}

/** A group per week up to this many calendar days, per month beyond. */
const WEEKLY_UP_TO_DAYS = 93;

const authorOf = (w: Pick<Win, 'by'>): Author => w.by ?? 'mine';

/** Whether the query lists wins of this author. */
function listed(query: ReviewQuery, by: Author): boolean {
  return by === 'mine' || (by === 'assisted' ? query.assisted : query.assistant);
}

/** Compares texts as the same accomplishment: case and spacing aside. */
const sameText = (text: string) => text.toLocaleLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The review of `query.period` from `records` (every session that started in the period or has a
 * win in it, the ratings up to its end, and the domains), at `now` (a running session's focused time).
 */
export function reviewFacts(records: Journal, query: ReviewQuery, now: number): ReviewFacts {
  const { period } = query;
  const keep = query.domainIds ? new Set(query.domainIds) : undefined;
  const kept = (domainId: string) => !keep || keep.has(domainId);
  const unit = daysBetween(period.from, period.to) <= WEEKLY_UP_TO_DAYS ? 'week' : 'month';
  const groupOf = (at: number) => (unit === 'week' ? weekStart(at) : monthStart(at));
  const groupEnd = (start: number) => (unit === 'week' ? addWeeks(start, 1) : monthStart(start, 1));
  const half = period.from + (period.to - period.from) / 2;

  const domains = new Map<string, DomainReview>();
  const domainOf = (id: string): DomainReview => {
    let d = domains.get(id);
    if (!d) {
      d = { domainId: id, name: domainLabel(records, id), sessions: 0, focusMs: 0, met: 0, partly: 0, missed: 0, wins: { mine: 0, assisted: 0, assistant: 0 } };
      domains.set(id, d);
    }
    return d;
  };
  const groups = new Map<number, Map<string, Accomplishment>>();
  const setbacks = new Map<string, Setback>();
  const halves: ReviewFacts['halves'] = [
    { rated: 0, met: 0 },
    { rated: 0, met: 0 },
  ];
  const answers = tweakAnswers(records.sessions);

  const add = (item: Accomplishment, cause: Cause | undefined) => {
    const start = groupOf(item.at);
    const group = groups.get(start) ?? new Map<string, Accomplishment>();
    groups.set(start, group);
    const key = `${item.domainId}\n${item.kind}\n${item.by}\n${sameText(item.text)}`;
    const known = group.get(key);
    if (!known) {
      group.set(key, { ...item, causes: cause ? [cause] : [] });
      return;
    }
    known.times++;
    known.edited ||= item.edited;
    if (cause) known.causes.push(cause);
    // The same text more than once tells no single story.
    delete known.confidence;
    delete known.sessionWins;
  };

  for (const s of records.sessions) {
    if (!kept(s.domainId)) continue;
    const started = within(period, s.startedAt);
    const cause: Cause | undefined = s.review ? { cause: s.review.attribution.cause, note: s.review.attribution.text.trim() } : undefined;
    // Outcomes count once the session ended; a subgoal met is listed from then on.
    const rated = started && s.endedAt !== undefined ? liveSubgoals(s).filter((g) => g.outcome !== undefined) : [];
    const met = rated.filter((g) => g.outcome === 'met');
    if (started) {
      const d = domainOf(s.domainId);
      d.sessions++;
      d.focusMs += elapsedMs(s, Math.min(now, s.endedAt ?? now));
      const h = halves[s.startedAt < half ? 0 : 1];
      for (const g of rated) {
        h.rated++;
        if (g.outcome === 'met') h.met++;
        if (g.outcome) d[g.outcome]++;
      }
      for (const g of met) addSubgoal(s, g, cause);
      const slip = s.review?.slip;
      if (slip) {
        const at = s.review?.at ?? s.startedAt;
        const key = [s.domainId, sameText(slip.cue), sameText(slip.frictionFailed), sameText(slip.tweak)].join('\n');
        const known = setbacks.get(key) ?? { at, last: at, times: 0, domainId: s.domainId, cue: slip.cue, frictionFailed: slip.frictionFailed, tweak: slip.tweak, answers: { helped: 0, notHelped: 0, notTried: 0 } };
        known.at = Math.min(known.at, at);
        known.last = Math.max(known.last, at);
        known.times++;
        const answer = answers.get(s.id);
        if (answer) known.answers[answer]++;
        setbacks.set(key, known);
      }
    }
    const listedGoals = new Set(met.map((g) => g.id));
    for (const w of s.wins) {
      if (!within(period, w.at)) continue;
      const by = authorOf(w);
      if (!listed(query, by)) continue;
      domainOf(s.domainId).wins[by]++;
      // The win that marked a listed subgoal done is that subgoal's line.
      if (w.subgoalId && listedGoals.has(w.subgoalId)) continue;
      add({ domainId: s.domainId, kind: 'win', text: w.text, by, times: 1, at: w.at, edited: w.ed !== undefined, causes: [] }, cause);
    }
  }

  function addSubgoal(s: Session, g: Subgoal, cause: Cause | undefined) {
    // The win that marked it done says who did it.
    const done = s.wins.find((w) => w.subgoalId === g.id);
    const by = done ? authorOf(done) : 'mine';
    if (!listed(query, by)) return;
    add(
      { domainId: s.domainId, kind: 'subgoal', text: g.text, by, times: 1, at: s.startedAt, edited: g.ed !== undefined || done?.ed !== undefined, causes: [], confidence: g.confidence, sessionWins: s.wins.length },
      cause,
    );
  }

  for (const r of records.ratings) {
    if (!kept(r.domainId) || r.at >= period.to) continue;
    const d = domainOf(r.domainId);
    // Ratings come in time order (core/records/archive.ts combineHistory): the latest before the period, else the first in it.
    if (r.at < period.from || d.canDoStart === undefined) d.canDoStart = r.value;
    if (r.at >= period.from) d.canDoEnd = r.value;
  }

  const inPeriod = [...domains.values()].filter((d) => d.sessions > 0 || d.canDoEnd !== undefined || d.wins.mine + d.wins.assisted + d.wins.assistant > 0);
  const order = new Map(records.domains.map((d, i) => [d.id, i]));
  inPeriod.sort((a, b) => (order.get(a.domainId) ?? Infinity) - (order.get(b.domainId) ?? Infinity) || a.name.localeCompare(b.name));
  return {
    query,
    ...(query.domainIds ? { chosen: query.domainIds.map((id) => domainLabel(records, id)) } : {}),
    domains: inPeriod,
    groups: [...groups.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([start, items]) => ({ from: Math.max(start, period.from), to: Math.min(groupEnd(start), period.to), items: [...items.values()].sort((a, b) => a.at - b.at) })),
    setbacks: [...setbacks.values()].sort((a, b) => a.at - b.at),
    halves,
  };
}

/** The most distinct notes quoted for one accomplishment: enough to recall what it took, short enough to read. */
const NOTES_QUOTED = 3;

/** The user's own words about what made the difference, each once, the first NOTES_QUOTED of them. */
export function notesOf(causes: readonly Cause[]): string[] {
  return [...new Set(causes.map((c) => c.note).filter((n) => n !== ''))].slice(0, NOTES_QUOTED);
}

/** The answer each slip review's tweak got at the next review in its domain, by the slip's session id. */
function tweakAnswers(sessions: readonly Session[]): Map<string, TweakAnswer> {
  const out = new Map<string, TweakAnswer>();
  for (const s of sessions) {
    const answer = s.review?.tweak;
    if (answer && !out.has(answer.of)) out.set(answer.of, answer.outcome);
  }
  return out;
}

/** The period's totals over the domains listed: what the closing paragraph states. */
export function totalsOf(facts: ReviewFacts): Omit<DomainReview, 'domainId' | 'name' | 'canDoStart' | 'canDoEnd'> {
  const total = { sessions: 0, focusMs: 0, met: 0, partly: 0, missed: 0, wins: { mine: 0, assisted: 0, assistant: 0 } };
  for (const d of facts.domains) {
    total.sessions += d.sessions;
    total.focusMs += d.focusMs;
    total.met += d.met;
    total.partly += d.partly;
    total.missed += d.missed;
    for (const by of ['mine', 'assisted', 'assistant'] as const) total.wins[by] += d.wins[by];
  }
  return total;
}
