import type { Journal } from '../records/schema';
import { latestRating } from '../records/journal';
import { DAY, weekStart } from '../time';

export interface DuePrompts {
  reflection: boolean;
  /** Domain ids whose can-do rating is older than the reassessment interval. */
  reassess: string[];
}

/**
 * What is due, by the user's own history, never on day one: a weekly reflection once a full week of
 * use lies behind (and this week has work in it), and a reassessment of each domain whose last
 * can-do rating is older than the interval. A domain never rated is not nagged about: its baseline
 * is offered when it is created.
 */
export function duePrompts(journal: Journal, now: number, reassessDays: number): DuePrompts {
  const thisWeek = weekStart(now);
  let firstStart = Infinity;
  let workedThisWeek = false;
  for (const s of journal.sessions) {
    if (s.endedAt === undefined) continue;
    firstStart = Math.min(firstStart, s.startedAt);
    if (s.startedAt >= thisWeek) workedThisWeek = true;
  }
  const aWeekOfUse = now - firstStart >= 7 * DAY;
  const reflectedThisWeek = journal.reflections.some((r) => r.weekOf === thisWeek);
  const reassess: string[] = [];
  for (const d of journal.domains) {
    if (d.archivedAt !== undefined) continue;
    const last = latestRating(journal, d.id);
    if (last && now - last.at >= reassessDays * DAY) reassess.push(d.id);
  }
  return { reflection: aWeekOfUse && workedThisWeek && !reflectedThisWeek, reassess };
}
