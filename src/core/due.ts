import type { Journal } from './schema';
import { latestRating } from './journal';
import { DAY, weekStart } from './time';

export interface DuePrompts {
  reflection: boolean;
  /** Domain ids whose can-do rating is older than the reassessment interval (or never given). */
  reassess: string[];
}

/** What is due: a weekly reflection once a week has work in it, and reassessment per domain. */
export function duePrompts(journal: Journal, now: number, reassessDays: number): DuePrompts {
  const thisWeek = weekStart(now);
  const workedThisWeek = journal.sessions.some((s) => s.endedAt !== undefined && s.startedAt >= thisWeek);
  const reflectedThisWeek = journal.reflections.some((r) => r.weekOf === thisWeek);
  const reassess: string[] = [];
  for (const d of journal.domains) {
    if (d.archivedAt !== undefined) continue;
    const used = journal.sessions.some((s) => s.domainId === d.id);
    if (!used) continue;
    const last = latestRating(journal, d.id);
    if (!last || now - last.at >= reassessDays * DAY) reassess.push(d.id);
  }
  return { reflection: workedThisWeek && !reflectedThisWeek, reassess };
}
