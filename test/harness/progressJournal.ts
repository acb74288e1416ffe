/**
 * Twelve weeks of two domains up to `now`: a session each weekday, wins (the second of a day's wins
 * done with AI help), a review, a rated and reviewed subgoal, and a can-do rating each Friday.
 * Deterministic, so a test can check the numbers the Progress tab shows.
 */
import { emptyJournal } from '../../src/core/records/schema';
import type { Journal, Session } from '../../src/core/records/schema';

const DAY = 86_400_000;

export function progressJournal(now: number): Journal {
  const j: Journal = {
    ...emptyJournal(),
    domains: [
      { id: 'parser', name: 'parser tests', createdAt: now - 200 * DAY },
      { id: 'sql', name: 'SQL tuning', createdAt: now - 200 * DAY },
    ],
  };
  let n = 0;
  const id = () => `r${++n}`;
  for (let back = 84; back >= 1; back--) {
    const day = new Date(now - back * DAY);
    day.setHours(10, 0, 0, 0);
    const weekday = day.getDay();
    if (weekday === 0 || weekday === 6) continue;
    const start = day.getTime();
    const domainId = back % 3 === 0 ? 'sql' : 'parser';
    const minutes = 20 + ((back * 7) % 41);
    const session: Session = {
      id: id(),
      domainId,
      workspace: 'w',
      startedAt: start,
      pauses: [],
      endedAt: start + minutes * 60_000,
      subgoals: [{ id: id(), text: 'goal', confidence: 4 + (back % 6), createdAt: start, outcome: back % 4 === 0 ? 'missed' : back % 7 === 0 ? 'partly' : 'met' }],
      wins: Array.from({ length: back % 5 }, (_, i) => ({ id: id(), text: `win ${i}`, at: start + (i + 1) * 60_000, source: 'manual' as const, ...(i === 1 ? { by: 'assisted' as const } : {}) })),
      cueIds: [],
      reframes: [],
      review: { at: start + minutes * 60_000, feedback: '', attribution: { cause: 'effort', text: '', internal: back % 2 === 0 ? 8 : 3, stable: 5, controllable: 7 } },
    };
    j.sessions.push(session);
    if (weekday === 5) j.ratings.push({ id: id(), domainId, at: start + 3_600_000, value: domainId === 'sql' ? 20 + Math.round((84 - back) / 3) : Math.min(100, 30 + (84 - back)) });
  }
  return j;
}
