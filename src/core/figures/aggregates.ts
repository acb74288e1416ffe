/**
 * Per-month aggregates: the counts the dashboard and the Progress tab draw, computed from one archive
 * month's records, so a view reads a few small aggregates instead of the whole history and costs the
 * same in year five as in week one. An aggregate is only ever derived from records (never edited), so
 * it can be thrown away and recomputed at any time: a damaged or outdated one simply is.
 *
 * Every number is keyed by what the views filter on (domain, local day, local week, local month), and
 * every number is a whole number, so adding months in any order gives exactly what one pass over the
 * whole history gives (see core/figures/calibration.ts brierTwentieths for the one that was not).
 */
import type { CauseKind, EfficacyRating, Encouragement, Journal, Session } from '../records/schema';
import { CAUSE_KINDS } from '../records/schema';
import { OWN } from './insights';
import { brierTwentieths } from './calibration';
import { elapsedMs, liveSubgoals } from '../practices/session';
import { dayStart, later, monthStart, weekStart, zoneKey } from '../time';
import { laterTweak } from '../coach/tweaks';
import type { Tweak, WorkingTweak } from '../coach/tweaks';

/**
 * 2: wins per domain and the low-confidence starts' wins are counted by author (the sentence from the record gives credit).
 * 3: each domain's latest session and its cue, and the slip reviews' tweaks with their answers (the
 *    next start offers that cue and that tweak, and "What works for you" lists tweaks however long ago).
 */
export const AGGREGATE_VERSION = 3;

/** Wins by author: mine (also when absent), with AI help, the assistant's. */
export type Authors = [mine: number, assisted: number, assistant: number];

/** The sessions one domain started in one local week. */
export interface WeekCell {
  sessions: number;
  /** Focused milliseconds (a running session's up to the moment the aggregate was made). */
  focusMs: number;
  /** Reviewed sessions, and how many of their causes were internal and controllable (insights.ts OWN). */
  reviews: number;
  own: number;
  /** Per cause kind: [reviews, own ones]. */
  causes: Partial<Record<CauseKind, [number, number]>>;
  /** Per confidence level 0–10: subgoals of ended sessions with an outcome, and how many were met and partly met. */
  rated: number[];
  met: number[];
  partly: number[];
}

/** Brier inputs of one domain's sessions started in one local week and local month. */
export interface BrierCell {
  /** Sum of squared errors in 1/400 (core/figures/calibration.ts brierTwentieths), and the goals counted. */
  sq: number;
  goals: number;
  /** The earliest start among them: the order domains first appear in. */
  first: number;
}

/** The latest ended session whose first subgoal had this confidence and that logged a win of the user's own. */
export interface LowStart {
  at: number;
  wins: Authors;
}

/** Per domain, what the evidence bank and the sentence "from your record" need. */
export interface DomainCell {
  /** The newest win's time (0 without wins): which months hold a domain's latest wins. */
  lastWinAt: number;
  /** Ended sessions and the wins logged in them, by author. */
  endedSessions: number;
  endedWins: Authors;
  /** Indexed by the first subgoal's confidence (0–10). */
  lowStarts: (LowStart | null)[];
  /** The latest session's start and the cue it ended with (null: none), as core/records/journal.ts latestCue. */
  latest: { at: number; cue: string | null } | null;
}

/** A slip review's tweak, and whether a later review in its domain answered for it. */
export interface SlipTweak {
  at: number;
  domainId: string;
  tweak: string;
  asked: boolean;
}

/** An answer to a tweak whose slip review is not among these records (another month's). */
export interface TweakAnswer {
  of: string;
  domainId: string;
  at: number;
  helped: boolean;
}

/**
 * What core/coach/tweaks.ts reads from records, kept so it reaches back however far the slip was.
 * Every slip review is kept (they are few), so an answer meets its slip whichever order parts are
 * added in, and a slip review written after later reviews still counts.
 */
export interface TweakFacts {
  /** session id → its slip review's tweak. */
  slips: Record<string, SlipTweak>;
  /** Tweaks a later review said helped, joined with that review. */
  works: WorkingTweak[];
  /** Answers waiting for their slip review: joined when added to the part that holds it. */
  answers: TweakAnswer[];
}

export interface MonthAggregate {
  v: typeof AGGREGATE_VERSION;
  /** The time zone the local days and weeks were computed in; another zone means recompute. */
  zone: string;
  /** domain → local midnight → wins logged that day, by author. */
  days: Record<string, Record<string, Authors>>;
  /** domain → local Monday 00:00 → the sessions started that week. */
  weeks: Record<string, Record<string, WeekCell>>;
  /** domain → "<local Monday>/<local first of month>" → Brier inputs. */
  brier: Record<string, Record<string, BrierCell>>;
  domains: Record<string, DomainCell>;
  /** Ratings and encouragement are few, and views show them one by one: kept as records. */
  ratings: EfficacyRating[];
  encouragements: Encouragement[];
  tweaks: TweakFacts;
  /** The latest moment any record touches (a start, an end, a win, a rating…): which months a view of "the last days" must read. */
  lastAt: number;
}

export function emptyAggregate(zone = zoneKey()): MonthAggregate {
  return { v: AGGREGATE_VERSION, zone, days: {}, weeks: {}, brier: {}, domains: {}, ratings: [], encouragements: [], tweaks: { slips: {}, works: [], answers: [] }, lastAt: 0 };
}

const emptyWeek = (): WeekCell => ({ sessions: 0, focusMs: 0, reviews: 0, own: 0, causes: {}, rated: Array<number>(11).fill(0), met: Array<number>(11).fill(0), partly: Array<number>(11).fill(0) });
const emptyDomain = (): DomainCell => ({ lastWinAt: 0, endedSessions: 0, endedWins: [0, 0, 0], lowStarts: Array<LowStart | null>(11).fill(null), latest: null });

function cell<T>(table: Record<string, Record<string, T>>, domain: string, key: string, make: () => T): T {
  const row = (table[domain] ??= {});
  return (row[key] ??= make());
}

function authorIndex(by: unknown): 0 | 1 | 2 {
  return by === 'assisted' ? 1 : by === 'assistant' ? 2 : 0;
}

/**
 * The aggregate of a journal's sessions, ratings and encouragement. `now` only matters for a running
 * session's focused time (an archive month holds none); records come in already merged (core/records/merge.ts).
 */
export function aggregateOf(part: Journal, now = Number.MAX_SAFE_INTEGER, zone = zoneKey()): MonthAggregate {
  const agg = emptyAggregate(zone);
  for (const s of part.sessions) addSession(agg, s, now);
  for (const r of part.ratings) agg.lastAt = Math.max(agg.lastAt, r.at);
  for (const e of part.encouragements) agg.lastAt = Math.max(agg.lastAt, e.at);
  for (const r of part.reflections) agg.lastAt = Math.max(agg.lastAt, r.at, r.weekOf);
  agg.ratings = part.ratings.slice();
  agg.encouragements = part.encouragements.slice();
  agg.tweaks = tweakFactsOf(part.sessions);
  return agg;
}

/** As core/coach/tweaks.ts: every slip review's tweak, and every answer joined with its slip when that is here. */
function tweakFactsOf(sessions: readonly Session[]): TweakFacts {
  const facts: TweakFacts = { slips: {}, works: [], answers: [] };
  for (const s of sessions) {
    if (s.review?.slip) facts.slips[s.id] = { at: s.review.at, domainId: s.domainId, tweak: s.review.slip.tweak, asked: false };
  }
  for (const s of sessions) {
    const answer = s.review?.tweak;
    if (s.review && answer) answerTweak(facts, { of: answer.of, domainId: s.domainId, at: s.review.at, helped: answer.outcome === 'helped' });
  }
  return inOrder(facts);
}

/** Lists in time order, so the same records give the same facts whichever way they were added up. */
function inOrder(facts: TweakFacts): TweakFacts {
  const byId = (p: string, q: string) => (p < q ? -1 : p > q ? 1 : 0);
  facts.works.sort((a, b) => a.helpedAt - b.helpedAt || byId(a.sessionId, b.sessionId));
  facts.answers.sort((a, b) => a.at - b.at || byId(a.of, b.of));
  return facts;
}

/** Joins an answer with its slip when the facts hold it (a "helped" one is a working tweak; one from the slip's domain closes it); else it waits. */
function answerTweak(facts: TweakFacts, answer: TweakAnswer): void {
  const slip = Object.hasOwn(facts.slips, answer.of) ? facts.slips[answer.of] : undefined;
  if (!slip) {
    facts.answers.push(answer);
    return;
  }
  if (answer.helped) facts.works.push({ sessionId: answer.of, tweak: slip.tweak, at: slip.at, domainId: slip.domainId, helpedAt: answer.at });
  if (answer.domainId === slip.domainId && !slip.asked) facts.slips[answer.of] = { ...slip, asked: true };
}

/** The tweak facts of two disjoint sets of records: the slips of both, and the answers of each joined with the other's slips. */
function addTweaks(x: TweakFacts, y: TweakFacts, rename: (domain: string) => string): TweakFacts {
  const slips: Record<string, SlipTweak> = {};
  for (const part of [x, y]) {
    for (const [id, slip] of Object.entries(part.slips)) {
      const known = slips[id];
      const own = rename(slip.domainId) === slip.domainId ? slip : { ...slip, domainId: rename(slip.domainId) };
      slips[id] = known ? { ...own, asked: known.asked || own.asked } : own;
    }
  }
  const renamed = (w: WorkingTweak): WorkingTweak => (rename(w.domainId) === w.domainId ? w : { ...w, domainId: rename(w.domainId) });
  const facts: TweakFacts = { slips, works: [...x.works.map(renamed), ...y.works.map(renamed)], answers: [] };
  for (const answer of [...x.answers, ...y.answers]) answerTweak(facts, { ...answer, domainId: rename(answer.domainId) });
  return inOrder(facts);
}

function addSession(agg: MonthAggregate, s: Session, now: number): void {
  const domain = s.domainId;
  const ended = s.endedAt !== undefined;
  agg.lastAt = Math.max(agg.lastAt, s.startedAt, s.endedAt ?? now);
  const d = (agg.domains[domain] ??= emptyDomain());
  d.latest = laterStart(d.latest, { at: s.startedAt, cue: s.cueIds[s.cueIds.length - 1] ?? null });
  const authors: Authors = [0, 0, 0];
  for (const w of s.wins) {
    const by = authorIndex(w.by);
    authors[by]++;
    cell(agg.days, domain, String(dayStart(w.at)), (): Authors => [0, 0, 0])[by]++;
    d.lastWinAt = Math.max(d.lastWinAt, w.at);
    agg.lastAt = Math.max(agg.lastAt, w.at);
  }
  const week = weekStart(s.startedAt);
  const wc = cell(agg.weeks, domain, String(week), emptyWeek);
  wc.sessions++;
  wc.focusMs += elapsedMs(s, Math.min(now, s.endedAt ?? now));
  const a = s.review?.attribution;
  if (a) {
    const own = OWN(a) ? 1 : 0;
    wc.reviews++;
    wc.own += own;
    const c = (wc.causes[a.cause] ??= [0, 0]);
    c[0]++;
    c[1] += own;
  }
  if (!ended) return;
  d.endedSessions++;
  d.endedWins = addAuthors(d.endedWins, authors);
  const first = s.subgoals[0];
  if (first && authors[0] + authors[1] > 0) {
    const known = d.lowStarts[first.confidence];
    if (known !== undefined && (!known || known.at <= s.startedAt)) d.lowStarts[first.confidence] = { at: s.startedAt, wins: authors };
  }
  let sq = 0;
  let goals = 0;
  for (const g of liveSubgoals(s)) {
    if (!g.outcome) continue;
    const rated = wc.rated[g.confidence];
    if (rated !== undefined) {
      wc.rated[g.confidence] = rated + 1;
      if (g.outcome === 'met') wc.met[g.confidence] = (wc.met[g.confidence] ?? 0) + 1;
      if (g.outcome === 'partly') wc.partly[g.confidence] = (wc.partly[g.confidence] ?? 0) + 1;
    }
    sq += brierTwentieths(g.confidence, g.outcome);
    goals++;
  }
  if (goals > 0) {
    const b = cell(agg.brier, domain, `${week}/${monthStart(s.startedAt)}`, () => ({ sq: 0, goals: 0, first: s.startedAt }));
    b.sq += sq;
    b.goals += goals;
    b.first = Math.min(b.first, s.startedAt);
  }
}

function addTable<T>(into: Record<string, Record<string, T>>, from: Record<string, Record<string, T>>, add: (x: T, y: T) => T, rename: (domain: string) => string): void {
  for (const [domain, row] of Object.entries(from)) {
    const target = (into[rename(domain)] ??= {});
    for (const [key, value] of Object.entries(row)) {
      const known = target[key];
      // Cells are never changed once made (each add makes a new one), so they can be shared.
      target[key] = known === undefined ? value : add(known, value);
    }
  }
}

const addAuthors = (x: Authors, y: Authors): Authors => [x[0] + y[0], x[1] + y[1], x[2] + y[2]];

export function addWeek(x: WeekCell, y: WeekCell): WeekCell {
  const causes: WeekCell['causes'] = { ...x.causes };
  for (const kind of CAUSE_KINDS) {
    const b = y.causes[kind];
    if (!b) continue;
    const a = causes[kind];
    causes[kind] = a ? [a[0] + b[0], a[1] + b[1]] : [b[0], b[1]];
  }
  return {
    sessions: x.sessions + y.sessions,
    focusMs: x.focusMs + y.focusMs,
    reviews: x.reviews + y.reviews,
    own: x.own + y.own,
    causes,
    rated: x.rated.map((n, i) => n + (y.rated[i] ?? 0)),
    met: x.met.map((n, i) => n + (y.met[i] ?? 0)),
    partly: x.partly.map((n, i) => n + (y.partly[i] ?? 0)),
  };
}

const addBrier = (x: BrierCell, y: BrierCell): BrierCell => ({ sq: x.sq + y.sq, goals: x.goals + y.goals, first: Math.min(x.first, y.first) });

/** The later start; at the same moment the larger cue id, so every order of adding agrees. */
export function laterStart(x: DomainCell['latest'], y: DomainCell['latest']): DomainCell['latest'] {
  return later(x ?? undefined, y ?? undefined, (l) => l.cue ?? '') ?? null;
}

function addDomainCell(x: DomainCell, y: DomainCell): DomainCell {
  return {
    latest: laterStart(x.latest, y.latest),
    lastWinAt: Math.max(x.lastWinAt, y.lastWinAt),
    endedSessions: x.endedSessions + y.endedSessions,
    endedWins: addAuthors(x.endedWins, y.endedWins),
    lowStarts: x.lowStarts.map((a, i) => {
      const b = y.lowStarts[i] ?? null;
      if (!a) return b;
      if (!b) return a;
      return b.at > a.at ? b : a;
    }),
  };
}

/**
 * The aggregate of two disjoint sets of records (two months, or a month and the live journal).
 * `rename` maps a domain merged into another (a tombstone with `into`) to the one it lives on as.
 */
export function combine(a: MonthAggregate, b: MonthAggregate, rename: (domain: string) => string = (d) => d): MonthAggregate {
  return combineAll([a, b], rename);
}

/** The aggregate of many: added into one accumulator, so summing five years of months stays linear. */
export function combineAll(parts: Iterable<MonthAggregate>, rename: (domain: string) => string = (d) => d): MonthAggregate {
  let out: MonthAggregate | undefined;
  const ratingIds = new Set<string>();
  const encouragementIds = new Set<string>();
  const repoint = <T extends { domainId?: string }>(r: T): T => (r.domainId !== undefined && rename(r.domainId) !== r.domainId ? { ...r, domainId: rename(r.domainId) } : r);
  for (const part of parts) {
    out ??= emptyAggregate(part.zone);
    addTable(out.days, part.days, addAuthors, rename);
    addTable(out.weeks, part.weeks, addWeek, rename);
    addTable(out.brier, part.brier, addBrier, rename);
    for (const [domain, d] of Object.entries(part.domains)) {
      const name = rename(domain);
      const known = out.domains[name];
      out.domains[name] = known ? addDomainCell(known, d) : d;
    }
    for (const r of part.ratings) if (!ratingIds.has(r.id) && ratingIds.add(r.id)) out.ratings.push(repoint(r));
    for (const e of part.encouragements) if (!encouragementIds.has(e.id) && encouragementIds.add(e.id)) out.encouragements.push(repoint(e));
    out.tweaks = addTweaks(out.tweaks, part.tweaks, rename);
    out.lastAt = Math.max(out.lastAt, part.lastAt);
  }
  return out ?? emptyAggregate();
}

/** What a view needs of a month to know whether to read its records: when they last touch, and each domain's newest win. */
export interface MonthIndex {
  lastAt: number;
  lastWinAt: Record<string, number>;
}

export function indexOf(agg: MonthAggregate): MonthIndex {
  return { lastAt: agg.lastAt, lastWinAt: Object.fromEntries(Object.entries(agg.domains).map(([domain, d]) => [domain, d.lastWinAt])) };
}

/**
 * What a view is built from: the aggregate of the whole history, and the records it shows one by one
 * (the live journal, the months it reads records of, and every rating and encouragement).
 */
export interface HistoryView {
  totals: MonthAggregate;
  records: Journal;
}

/** The view of a whole journal held in memory (what an import, an export or a test has). */
export function viewOf(journal: Journal, now: number): HistoryView {
  return { totals: aggregateOf(journal, now), records: journal };
}

/**
 * The aggregate a rollup keeps: of the slip reviews, each domain's latest only. A review asks about
 * its domain's latest tweak, so an answer written after these months (the rollup holds all but the
 * newest four) can only be about that one; the older ones' answers are already joined in `works`.
 */
export function rolledUp(agg: MonthAggregate): MonthAggregate {
  const latest = new Map<string, Tweak>();
  for (const [sessionId, slip] of Object.entries(agg.tweaks.slips)) latest.set(slip.domainId, laterTweak(latest.get(slip.domainId), { sessionId, tweak: slip.tweak, at: slip.at }) as Tweak);
  const slips = Object.fromEntries([...latest.values()].map((t) => [t.sessionId, agg.tweaks.slips[t.sessionId] as SlipTweak]));
  return { ...agg, tweaks: { ...agg.tweaks, slips } };
}
