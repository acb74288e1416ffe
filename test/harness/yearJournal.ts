/**
 * A year of a developer's history up to `now`, as the README's pictures show it: three domains taken up
 * over the year (parser tests from the start, SQL tuning in spring, Rust lifetimes in summer), one to
 * three sessions on most weekdays with a holiday in August, can-do ratings that grow with setbacks on
 * the way, confidence that matches outcomes roughly as people's does (a little too sure at the top),
 * wins with AI help becoming more common, and causes that move from luck towards effort and strategy.
 * Seeded, so each run draws the same pictures.
 */
import { emptyJournal } from '../../src/core/records/schema';
import type { CauseKind, Journal, Session } from '../../src/core/records/schema';

const DAY = 86_400_000;
const WEEKS = 52;

interface Track {
  id: string;
  name: string;
  /** Weeks into the year when the domain was taken up. */
  from: number;
  /** Can-do rating at the start and after a year of practice. */
  belief: [number, number];
}

const TRACKS: Track[] = [
  { id: 'parser', name: 'parser tests', from: 0, belief: [32, 84] },
  { id: 'sql', name: 'SQL tuning', from: 12, belief: [22, 66] },
  { id: 'rust', name: 'Rust lifetimes', from: 30, belief: [15, 48] },
];

export function yearJournal(now: number): Journal {
  let seed = 20_261_130;
  const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
  let n = 0;
  const id = () => `y${++n}`;
  const first = now - WEEKS * 7 * DAY;
  const j: Journal = { ...emptyJournal(), domains: TRACKS.map((t) => ({ id: t.id, name: t.name, createdAt: first + t.from * 7 * DAY })) };
  /** How far along a domain is (0–1) at `at`: the share of its weeks so far. */
  const progress = (t: Track, at: number) => Math.max(0, Math.min(1, ((at - first) / (7 * DAY) - t.from) / (WEEKS - t.from)));
  const belief = (t: Track, at: number) => {
    const p = progress(t, at);
    // A dip a third of the way in (a hard stretch), then recovery: growth is not a straight line.
    const dip = Math.abs(p - 0.35) < 0.08 ? -9 : 0;
    return Math.round(Math.max(0, Math.min(100, t.belief[0] + (t.belief[1] - t.belief[0]) * Math.sqrt(p) + dip + (random() - 0.5) * 8)));
  };

  for (let back = WEEKS * 7; back >= 1; back--) {
    const day = new Date(now - back * DAY);
    day.setHours(9, 30, 0, 0);
    const weekday = day.getDay();
    const week = Math.floor((WEEKS * 7 - back) / 7);
    const holiday = day.getMonth() === 7 && day.getDate() >= 10 && day.getDate() <= 23;
    if (weekday === 0 || weekday === 6 || holiday || random() < 0.12) continue;
    const tracks = TRACKS.filter((t) => week >= t.from);
    const count = 1 + Math.floor(random() * Math.min(3, tracks.length + 1));
    for (let k = 0; k < count; k++) {
      const track = tracks[Math.floor(random() * tracks.length)] as Track;
      j.sessions.push(session(track, day.getTime() + k * 2.5 * 3_600_000));
    }
    if (weekday === 5)
      for (const t of tracks) if (random() < 0.6) j.ratings.push({ id: id(), domainId: t.id, at: day.getTime() + 8 * 3_600_000, value: belief(t, day.getTime()) });
  }
  return j;

  function session(track: Track, start: number): Session {
    const p = progress(track, start);
    const minutes = 20 + Math.floor(random() * 50);
    const end = start + minutes * 60_000;
    const subgoals = Array.from({ length: 1 + Math.floor(random() * 2) }, () => {
      const confidence = Math.min(10, Math.max(2, Math.round(4 + p * 4 + (random() - 0.5) * 5)));
      // Met about as often as the confidence says, a little less at 9 and 10.
      const met = random() < confidence / 10 - (confidence >= 9 ? 0.12 : 0) + 0.05;
      return { id: id(), text: 'Cover the next rule', confidence, createdAt: start, outcome: met ? ('met' as const) : ('missed' as const), ...(met ? { doneAt: end - 60_000 } : {}) };
    });
    const wins = Array.from({ length: Math.floor(random() * (2 + p * 4)) }, (_, i) => ({
      id: id(),
      text: `Win ${i + 1}`,
      at: start + (i + 1) * 5 * 60_000,
      source: 'manual' as const,
      ...(random() < 0.1 + p * 0.3 ? { by: 'assisted' as const } : {}),
    }));
    const missed = subgoals.some((s) => s.outcome === 'missed');
    const causes: CauseKind[] = random() < 0.7 - p * 0.5 ? ['luck', 'ability', 'taskEase'] : ['effort', 'strategy'];
    const cause = causes[Math.floor(random() * causes.length)] as CauseKind;
    const own = cause === 'effort' || cause === 'strategy';
    return {
      id: id(),
      domainId: track.id,
      workspace: 'work',
      startedAt: start,
      plannedMinutes: 45,
      pauses: [],
      endedAt: end,
      subgoals,
      wins,
      cueIds: [],
      reframes: [],
      review: {
        at: end,
        feedback: '',
        attribution: { cause, text: '', internal: own ? 8 : 3, stable: 5, controllable: own ? 8 : 3 },
        ...(missed && random() < 0.5 ? { slip: { cue: 'A chat ping', frictionFailed: 'Notifications were on', tweak: 'Do Not Disturb first' } } : {}),
      },
    };
  }
}
