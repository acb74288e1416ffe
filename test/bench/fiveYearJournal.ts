/**
 * A synthetic journal of a heavy user: 3 sessions a day, 250 working days a year, for five years, with
 * subgoals, wins, reviews (a slip review when something was missed), weekly ratings and reflections.
 * With `library`, also what such a user collects beside: 50 cues, 5 models, 30 encouragements.
 * Deterministic (seeded), so every run measures the same data.
 */
import { emptyJournal } from '../../src/core/records/schema';
import type { Journal, Session } from '../../src/core/records/schema';

const DAY = 86_400_000;

export function fiveYearJournal(now: number, options: { years?: number; library?: boolean; device?: number } = {}): Journal {
  const { years = 5, library = true, device = 0 } = options;
  let seed = 12345 + device;
  const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  let n = 0;
  // Another device's record has ids of its own (`device`), as records made on two machines do.
  const id = () => `${device.toString(16).padStart(8, '0')}-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;
  const journal = emptyJournal();
  const start = now - years * 365 * DAY;
  const domainNames = ['writing parser tests', 'SQL query tuning', 'reading Rust lifetimes', 'code review comments', 'Kubernetes manifests', 'CSS layout'];
  for (const [i, name] of domainNames.entries()) journal.domains.push({ id: id(), name, createdAt: start + i * 300 * DAY });
  if (library) for (let c = 0; c < 50; c++) journal.cues.push({ id: id(), hope: `I hope the deploy number ${c} goes fine`, instruction: `Run step ${c} on staging first, then read the diff`, createdAt: start, uses: 1 + Math.floor(random() * 40) });
  let day = 0;
  for (let t = start; t < now - DAY; t += DAY) {
    const weekday = new Date(t).getDay();
    if (weekday === 0 || weekday === 6) continue;
    if (++day > years * 250) break;
    const domain = journal.domains[Math.min(domainNames.length - 1, Math.floor((t - start) / (300 * DAY)))]!;
    for (let k = 0; k < 3; k++) journal.sessions.push(session(t + (9 + k * 3) * 3_600_000, domain.id));
    if (weekday === 5) {
      journal.ratings.push({ id: id(), domainId: domain.id, at: t + 17 * 3_600_000, value: 30 + Math.floor(random() * 60) });
      journal.reflections.push({
        id: id(), weekOf: t - 4 * DAY, at: t + 17 * 3_600_000,
        didWell: 'Kept the subgoals small and logged the wins as they came.',
        doDifferently: 'Silence notifications before the hard part.',
        learned: 'I can do the hard parts when I break them into twenty-minute steps.',
      });
    }
  }
  if (library) for (let m = 0; m < 5; m++) journal.models.push({ id: id(), name: `Model ${m}`, workflowNotes: 'Writes the failing test first, then the smallest change.', createdAt: start });
  if (library) for (let e = 0; e < 30; e++) journal.encouragements.push({ id: id(), from: 'Lead reviewer', text: 'Your tests caught a real regression before release.', at: start + e * 60 * DAY });
  return journal;

  function session(at: number, domainId: string): Session {
    const big = { id: id(), text: 'Cover every tokenizer edge case in one go', confidence: 4, createdAt: at };
    const small = { id: id(), text: 'Cover the number edge cases', confidence: 8, createdAt: at, shrunkFromId: big.id };
    const second = { id: id(), text: 'Document the lexer states', confidence: 7, createdAt: at };
    const missed = random() < 0.3;
    const wins = [0, 1, 2].map((w) => ({ id: id(), text: `Micro-win ${w}: the failing test now reproduces the bug`, at: at + (w + 1) * 600_000, source: 'manual' as const }));
    return {
      id: id(), domainId, workspace: 'work', startedAt: at, plannedMinutes: 45,
      pauses: [{ from: at + 900_000, to: at + 1_200_000 }],
      endedAt: at + 50 * 60_000,
      subgoals: [big, { ...small, outcome: 'met', doneAt: at + 1_800_000 }, { ...second, outcome: missed ? 'missed' : 'met' }],
      wins, cueIds: [], reframes: [],
      review: {
        at: at + 50 * 60_000,
        attribution: { cause: 'strategy', text: 'wrote the failing test first', internal: 8, stable: 4, controllable: 9 },
        feedback: 'You met 2 of 2 subgoals and logged 3 wins on writing parser tests. That came from your strategy: it is yours, and you can repeat it next session.',
        ...(missed ? { slip: { cue: 'A chat ping', frictionFailed: 'Notifications were on', tweak: 'Do Not Disturb first' } } : {}),
      },
    };
  }
}
