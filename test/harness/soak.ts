import { start } from '../../src/host/actions/start';
import { endSession } from '../../src/host/actions/end';
import { logWin } from '../../src/host/actions/inSession';
import { reflect } from '../../src/host/actions/practices';
import { deleteAllData, deleteRecord, editRecord } from '../../src/host/actions/records';
import { JOURNAL_KEY } from '../../src/host/storage/journalStore';
import { COLLECTIONS, MAX_ITEMS } from '../../src/core/records/schema';
import type { Journal } from '../../src/core/records/schema';
import { harness, MemoryArchiveFiles } from '../unit/helpers';
import type { Harness } from '../unit/helpers';
import { MemoryMemento } from './memoryMemento';
import { random } from './random';

const DAY = 86_400_000;

export interface SoakOptions {
  days: number;
  /** Windows open at once; each reloads now and then (a new window id, a new store over the same globalState). */
  windows: number;
  sessionsPerDay: number;
  seed: number;
  /** The day "Delete All My Data" runs, if any. */
  eraseOnDay?: number;
}

export interface SoakResult {
  sessions: number;
  wins: number;
  reloads: number;
  /** Every write refused and every problem reported, with its day: empty when the record held. */
  refused: string[];
  /** Wins logged (since the erase) and not deleted that the history no longer holds. */
  lost: number;
  /** The fullest list relative to its bound, anywhere in the stored journal or the history. */
  fullest: { where: string; length: number; bound: number };
  journalBytes: number;
}

/**
 * Years of a heavy user's days through the real store and actions, with an injected clock: several
 * windows that reload, every session started with the same cue, wins logged, edited and deleted,
 * reviews, a weekly reflection, months closing into the archive, an erase, and a restart at the end.
 */
export async function soak(o: SoakOptions): Promise<SoakResult> {
  const rnd = random(o.seed);
  const memento = new MemoryMemento();
  const files = new MemoryArchiveFiles();
  const start0 = Date.UTC(2027, 0, 4, 8);
  const windows: Harness[] = Array.from({ length: o.windows }, () => harness({ memento, files, settings: { reviewDepth: 'quick' } }));
  const refused: string[] = [];
  const alive = new Set<string>();
  let sessions = 0;
  let wins = 0;
  let reloads = 0;
  let domainId: string | undefined;
  let cueId: string | undefined;
  const attempt = async <T>(day: number, what: string, run: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (error) {
      refused.push(`day ${day}, ${what}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };
  for (let day = 0; day < o.days; day++) {
    const dayStart = start0 + day * DAY;
    for (let i = 0; i < windows.length; i++) {
      if (rnd() < 0.3) {
        windows[i] = harness({ memento, files, settings: { reviewDepth: 'quick' } });
        reloads++;
      }
    }
    if (day === o.eraseOnDay) {
      const h = windows[0] as Harness;
      h.time.now = dayStart;
      await attempt(day, 'erase', () => deleteAllData(h.ctx));
      alive.clear();
      domainId = undefined;
      cueId = undefined;
    }
    for (let n = 0; n < o.sessionsPerDay; n++) {
      const h = windows[Math.floor(rnd() * windows.length)] as Harness;
      let now = dayStart + n * 3 * 3_600_000;
      h.time.now = now;
      const started = await attempt(day, 'start', () =>
        start(h.ctx, {
          domain: domainId ? { kind: 'existing', id: domainId } : { kind: 'new', name: 'parser tests' },
          goals: [{ text: `Goal of day ${day}, ${n}`, confidence: 8 }],
          plannedMinutes: 50,
          cue: cueId ? { kind: 'existing', id: cueId } : { kind: 'new', instruction: 'Run the tests first' },
        }),
      );
      if (!started) continue;
      const session = started.value;
      sessions++;
      domainId = session.domainId;
      cueId = session.cueIds[0] ?? cueId;
      const logged: string[] = [];
      for (let w = 0; w < 2; w++) {
        h.time.now = now += 15 * 60_000;
        const win = await attempt(day, 'win', () => logWin(h.ctx, { sessionId: session.id, text: `Win ${day}.${n}.${w}` }));
        if (!win) continue;
        logged.push(win.value.id);
        alive.add(win.value.id);
        wins++;
      }
      h.time.now = now += 60_000;
      const first = logged[0];
      if (first && rnd() < 0.3) await attempt(day, 'edit', () => editRecord(h.ctx, { kind: 'win', id: first, text: `Win ${day}.${n}, better said` }));
      const second = logged[1];
      if (second && rnd() < 0.1 && (await attempt(day, 'delete', () => deleteRecord(h.ctx, 'win', second)))) alive.delete(second);
      h.time.now = now + 20 * 60_000;
      await attempt(day, 'end', () =>
        endSession(h.ctx, {
          sessionId: session.id,
          outcomes: session.subgoals.map((g) => ({ subgoalId: g.id, outcome: rnd() < 0.8 ? 'met' : 'missed' })),
          attribution: { cause: 'effort', text: '', internal: 8, stable: 5, controllable: 8 },
        }),
      );
    }
    if (new Date(dayStart).getUTCDay() === 5) {
      const h = windows[0] as Harness;
      h.time.now = dayStart + 10 * 3_600_000;
      await attempt(day, 'reflection', () => reflect(h.ctx, { didWell: `Week of day ${day}`, doDifferently: 'Start earlier', learned: 'I can' }));
    }
    for (const h of windows) {
      await h.ctx.store.whenIdle();
      for (const problem of h.problems.splice(0)) refused.push(`day ${day}: ${problem}`);
    }
  }
  // A restart: a new window reads everything back.
  const restarted = harness({ memento, files });
  restarted.time.now = start0 + o.days * DAY;
  await restarted.ctx.store.tidy();
  const history = await restarted.ctx.store.history();
  const stored = memento.get(JOURNAL_KEY) as Journal;
  const present = new Set(history.sessions.flatMap((s) => s.wins.map((w) => w.id)));
  const lost = [...alive].filter((id) => !present.has(id)).length;
  for (const problem of restarted.problems) refused.push(`restart: ${problem}`);
  return { sessions, wins, reloads, refused, lost, fullest: fullestList([['stored', stored], ['history', history]]), journalBytes: JSON.stringify(stored).length };
}

/** The list closest to its bound, relative to the bound, in any of the journals. */
function fullestList(journals: [string, Journal][]): SoakResult['fullest'] {
  let fullest = { where: 'none', length: 0, bound: 1 };
  const consider = (where: string, length: number, bound: number) => {
    if (length / bound > fullest.length / fullest.bound) fullest = { where, length, bound };
  };
  for (const [name, journal] of journals) {
    for (const c of COLLECTIONS) consider(`${name}.${c}`, (journal[c] as unknown[]).length, MAX_ITEMS[c]);
    consider(`${name}.deleted`, journal.deleted.length, MAX_ITEMS.deleted);
    for (const s of journal.sessions) {
      for (const part of ['pauses', 'subgoals', 'wins', 'reframes'] as const) consider(`${name}.sessions[].${part}`, s[part].length, MAX_ITEMS.perSession);
      consider(`${name}.sessions[].cueIds`, s.cueIds.length, MAX_ITEMS.cueIdsPerSession);
    }
    for (const cue of journal.cues) consider(`${name}.cues[].usedOn`, cue.usedOn?.length ?? 0, MAX_ITEMS.cueDevices);
  }
  return fullest;
}
