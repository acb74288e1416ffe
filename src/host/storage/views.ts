import { aggregateOf, combineAll, viewOf } from '../../core/figures/aggregates';
import type { HistoryView, MonthIndex } from '../../core/figures/aggregates';
import { combineHistory, monthOf } from '../../core/records/archive';
import { survivor } from '../../core/records/merge';
import { emptyJournal } from '../../core/records/schema';
import type { Journal, Tombstone } from '../../core/records/schema';
import { activeSession } from '../../core/practices/session';
import { slipWindowStart } from '../../core/coach';
import { addWeeks } from '../../core/time';
import type { JournalStore } from './journalStore';
import { t } from '../../core/l10n';
import { errorText } from '../../core/text';

/** What a view needs as records besides the live journal. */
export interface ViewNeeds {
  /** Every record that touches this moment or later (today's wins, this week, the dip's two weeks, the slip patterns' four). */
  since?: number;
  /** The newest `count` wins of a domain (every domain when `domainId` is absent), for the evidence bank. */
  latestWins?: { domainId: string | undefined; count: number };
}

/**
 * A view of the whole history from the archive's aggregates plus only the records it needs: the months
 * the live journal touches (so a record in both places counts once, merged as history() would merge
 * it), the months with a record since `needs.since`, and the months holding the newest wins asked
 * for. The rest of the history is not read, so opening a view costs about the same in year five as
 * in week one.
 */
export async function historyView(store: JournalStore, now: number, needs: ViewNeeds = {}): Promise<HistoryView> {
  const source = await store.archiveView();
  if (!source) return viewOf(store.live, now);
  const { live, aggregates, months } = source;
  const { index } = aggregates;
  const rename = resolver(live.deleted);
  const open = new Set<string>();
  const touch = (at: number) => {
    const month = monthOf(at);
    if (index.has(month)) open.add(month);
  };
  for (const s of live.sessions) touch(s.startedAt);
  for (const r of live.ratings) touch(r.at);
  for (const r of live.reflections) touch(r.at);
  for (const e of live.encouragements) touch(e.at);
  if (needs.since !== undefined) for (const [month, m] of index) if (m.lastAt >= needs.since) open.add(month);
  let records = combineHistory(await months(open), live);
  const read = async () => combineHistory(await months(open), live);
  if (needs.latestWins) records = await latestWinMonths(index, open, records, needs.latestWins, rename, read);
  const totals = combineAll([...(await aggregates.closed(open)), aggregateOf(records, now)], rename);
  // Ratings and encouragement are few and shown one by one (the belief line, reassessment, the evidence bank): all of them.
  const byTime = <T extends { at: number }>(list: T[]) => list.slice().sort((a, b) => a.at - b.at);
  return { totals, records: { ...records, ratings: byTime(totals.ratings), encouragements: byTime(totals.encouragements) } };
}

/**
 * Adds to `open` (and reads) the months that hold the newest `count` wins of a domain: months in order of their
 * newest win until `count` are read, then every month whose newest win is as new as the count-th.
 */
async function latestWinMonths(
  index: ReadonlyMap<string, MonthIndex>,
  open: Set<string>,
  initial: Journal,
  wanted: { domainId: string | undefined; count: number },
  rename: (domain: string) => string,
  read: () => Promise<Journal>,
): Promise<Journal> {
  const newestIn = (m: MonthIndex) => {
    let newest = 0;
    for (const [domain, at] of Object.entries(m.lastWinAt)) if (wanted.domainId === undefined || rename(domain) === wanted.domainId) newest = Math.max(newest, at);
    return newest;
  };
  let records = initial;
  for (;;) {
    const times: number[] = [];
    for (const s of records.sessions) if (wanted.domainId === undefined || s.domainId === wanted.domainId) for (const w of s.wins) times.push(w.at);
    times.sort((a, b) => b - a);
    const unread = [...index].filter(([month, m]) => !open.has(month) && newestIn(m) > 0);
    const cut = times[wanted.count - 1];
    const next =
      cut !== undefined
        ? unread.filter(([, m]) => newestIn(m) >= cut).map(([month]) => month)
        : unread.sort((a, b) => newestIn(b[1]) - newestIn(a[1])).slice(0, 1).map(([month]) => month);
    if (next.length === 0) return records;
    for (const month of next) open.add(month);
    records = await read();
  }
}

/** Where a merged domain lives on, as core/records/merge.ts resolves it. */
function resolver(deleted: readonly Tombstone[]): (domain: string) => string {
  if (!deleted.some((d) => d.into !== undefined)) return (domain) => domain;
  const tombstones = new Map(deleted.map((d) => [d.id, d]));
  return (domain) => survivor(domain, tombstones);
}

/**
 * How far back the coach reads records at a start, a logged win and a review: what it cites lies
 * there (this week, last week's lesson, the latest tweak and setbacks, the last cue and unfinished goals).
 * All-time figures (the sentence from your record) come from the totals, so a start, a win and a
 * review cost the same in year five as in week one.
 */
const COACH_WEEKS = 12;

/** The coach's view: the last COACH_WEEKS weeks as records (every rating and encouragement), and the totals of all. */
export function coachView(store: JournalStore, now: number): Promise<HistoryView> {
  return historyView(store, now, { since: addWeeks(now, -COACH_WEEKS) });
}

/** Where the records the dashboard and the status bar read begin: the slip patterns' four weeks, which hold the dip's two, this week and what is due. */
export function recentSince(now: number): number {
  return slipWindowStart(now);
}

/** The dashboard's view: the recent records (recentSince), and the evidence bank's latest wins. */
export function dashboardView(store: JournalStore, now: number, lastDomainId: string | undefined, evidenceWins: number): Promise<HistoryView> {
  const focus = activeSession(store.live)?.domainId ?? lastDomainId;
  return historyView(store, now, { since: recentSince(now), latestWins: { domainId: focus, count: evidenceWins } });
}

/** How long after a review's period its records are read: the next reviews, which say whether a slip's tweak helped. */
const ANSWERS_AFTER_WEEKS = 8;

/**
 * The records a review of `period` reads: every record from five weeks before it (a session that
 * began then and logged wins in it) to ANSWERS_AFTER_WEEKS weeks after it, and every rating before it
 * (the can-do rating in force when the period began), from the aggregates. Nothing else of the
 * history is read, so a year's review costs about the same in year five as in year one.
 */
export async function periodView(store: JournalStore, period: { from: number; to: number }, now: number): Promise<Journal> {
  const source = await store.archiveView();
  // No archive: the live journal is the whole history, put in time order as combineHistory puts it.
  if (!source) return combineHistory(emptyJournal(), store.live);
  const { live, aggregates, months } = source;
  const [first, last] = [monthOf(addWeeks(period.from, -5)), monthOf(Math.min(now, addWeeks(period.to, ANSWERS_AFTER_WEEKS)))];
  const records = combineHistory(await months([...aggregates.index.keys()].filter((month) => month >= first && month <= last)), live);
  // The aggregates of the whole archive as they are kept (none of its months opened): only their ratings are wanted.
  // A rating deleted since (its purge from the files not done yet) stays deleted.
  const known = new Set([...records.ratings.map((r) => r.id), ...live.deleted.map((d) => d.id)]);
  const rename = resolver(live.deleted);
  const earlier = (await aggregates.closed(new Set()))
    .flatMap((a) => a.ratings)
    .filter((r) => r.at < period.from && !known.has(r.id))
    .map((r) => ({ ...r, domainId: rename(r.domainId) }));
  return { ...records, ratings: [...earlier, ...records.ratings].sort((a, b) => a.at - b.at) };
}

/** What a view that could not be built says instead of its snapshot. */
export function unreadable(error: unknown): string {
  return t('Small Wins could not read your history ({0}). Close this view and open it again to try once more.', errorText(error));
}
