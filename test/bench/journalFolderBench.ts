/**
 * What the journal folder costs (host/storage/journalFolder.ts), on disk, with a heavy user's five
 * years (fiveYearJournal.ts):
 * - the first read of a folder holding that user's five years written by one device, and by three
 *   (the same person's sessions, made on three machines), and three devices of five years each (a
 *   one-time cost, proportional to what is there);
 * - a window's open once that is read (what every later window start does: a look at the folder and
 *   the dashboard's view), three devices against one;
 * - a logged win with a folder against without (the line appended to this device's file);
 * - reading a month another device newly wrote, after one year of history and after five.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fiveYearJournal } from './fiveYearJournal';
import { diskArchiveFiles } from './diskArchiveFiles';
import { diskLogFolder } from './diskLogFolder';
import { VsCodeLikeMemento } from './vsCodeLikeMemento';
import { JournalStore } from '../../src/host/storage/journalStore';
import { Archive, uniqueName } from '../../src/host/storage/archive';
import { JournalFolder } from '../../src/host/storage/journalFolder';
import { dashboardView } from '../../src/host/storage/views';
import { EVIDENCE_WINS } from '../../src/host/dashboard/snapshot';
import { logFileName, logLine, recordByMonth } from '../../src/core/records/journalLog';
import { monthOf } from '../../src/core/records/archive';
import { addDomain } from '../../src/core/records/journal';
import { activeSession, logWin, newSubgoal, startSession, updateRunning } from '../../src/core/practices/session';
import type { Journal } from '../../src/core/records/schema';

const DAY = 86_400_000;

/** A machine: its globalState (kept between windows), its archive folder, and the journal folder it uses. */
interface Machine {
  memento: VsCodeLikeMemento;
  archive: string;
  root: string;
}

function window(m: Machine, now: number) {
  const store = new JournalStore(m.memento, () => now, (problem) => console.error(problem), { archive: new Archive(diskArchiveFiles(m.archive), (problem) => console.error(problem), uniqueName) });
  const sync = new JournalFolder({ folder: diskLogFolder(m.root), where: m.root, store, device: 'bench-machine', clock: () => now, memento: m.memento, changed: () => undefined });
  return { store, sync };
}

/** A device's whole record in the folder, as its first write leaves it. */
function writeDevice(root: string, device: string, journal: Journal, now: number): void {
  fs.mkdirSync(path.join(root, device), { recursive: true });
  for (const [month, part] of recordByMonth(journal, now)) fs.appendFileSync(path.join(root, device, logFileName(month)), logLine(part, `${now}.0.${device}`));
}

const temp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `small-wins-${name}-`));

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** One user's record as `devices` machines hold it: each session, rating and reflection made on one of them, the domains, cues and models on all. */
function splitAmong(journal: Journal, devices: number): Journal[] {
  return Array.from({ length: devices }, (_, d) => ({
    ...journal,
    sessions: journal.sessions.filter((_, i) => i % devices === d),
    ratings: journal.ratings.filter((_, i) => i % devices === d),
    reflections: journal.reflections.filter((_, i) => i % devices === d),
    encouragements: journal.encouragements.filter((_, i) => i % devices === d),
  }));
}

/**
 * A machine that has read a folder of `devices` devices' records of `years` years (one user's record
 * split among them, or with `each`, a whole record per device); the time the first read took.
 */
async function machineAfterFirstRead(devices: number, years: number, now: number, each = false): Promise<{ machine: Machine; firstReadMs: number }> {
  const machine = { memento: new VsCodeLikeMemento(), archive: temp('archive'), root: temp('folder') };
  const records = each ? Array.from({ length: devices }, (_, d) => fiveYearJournal(now, { years, device: d + 1 })) : splitAmong(fiveYearJournal(now, { years }), devices);
  records.forEach((record, d) => writeDevice(machine.root, `device-${d + 1}`, record, now));
  const { store, sync } = window(machine, now);
  const firstReadMs = await timed(async () => {
    await sync.catchUp();
    await store.whenIdle();
  });
  if ((await store.history()).sessions.length === 0) throw new Error('nothing read');
  return { machine, firstReadMs };
}

export async function journalFolderCosts(): Promise<Record<string, number>> {
  const now = Date.now();
  const one = await machineAfterFirstRead(1, 5, now);
  const three = await machineAfterFirstRead(3, 5, now);
  const threeWhole = await machineAfterFirstRead(3, 5, now, true);
  // A later window start: the folder looked at (nothing new) and the dashboard's view built.
  const openOnce = (m: Machine) =>
    timed(async () => {
      const { store, sync } = window(m, now);
      await sync.catchUp();
      await dashboardView(store, now, undefined, EVIDENCE_WINS);
    });
  // Interleaved rounds, so a pause of the machine (a collection, another process) falls on both alike.
  const oneTimes: number[] = [];
  const threeTimes: number[] = [];
  for (let i = 0; i < 15; i++) {
    oneTimes.push(await openOnce(one.machine));
    threeTimes.push(await openOnce(three.machine));
  }
  const openOne = median(oneTimes);
  const openThree = median(threeTimes);

  // A logged win, with the folder and without: 25 wins in a running session, each written (and its line appended).
  const logWinMs = async (withFolder: boolean) => {
    const { store, sync } = window(one.machine, now);
    if (!withFolder) sync.dispose();
    await store.apply((j) => {
      const { journal, domain } = addDomain(j, `bench ${withFolder ? 'with' : 'without'}`, now);
      return startSession(journal, { domainId: domain.id, workspace: 'bench', subgoals: [newSubgoal('bench goal', 8, now)] }, now).journal;
    });
    const times: number[] = [];
    for (let i = 0; i < 25; i++) {
      times.push(
        await timed(async () => {
          await store.apply((j) => {
            const s = activeSession(j);
            return s ? updateRunning(j, s.id, (x) => logWin(x, { text: `bench win ${i}` }, now + i).session) : j;
          });
          await sync.idle();
        }),
      );
    }
    await store.apply((j) => ({ ...j, sessions: j.sessions.filter((s) => s.endedAt !== undefined) }));
    return median(times);
  };
  const winWithout = await logWinMs(false);
  const winWith = await logWinMs(true);

  // A month another device newly wrote: 60 sessions, read after one year of history and after five.
  // Interleaved rounds, each with a month of its own (a device not read before), medians of both.
  const afterYears = { one: (await machineAfterFirstRead(1, 1, now - 40 * DAY)).machine, five: (await machineAfterFirstRead(1, 5, now - 40 * DAY)).machine };
  const readNewMonth = (machine: Machine, round: number) => {
    const device = `device-new-${round}`;
    const month = fiveYearJournal(now, { years: 1 / 12, device: 10 + round, library: false });
    const file = path.join(machine.root, device, logFileName(monthOf(now)));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, logLine({ ...month, sessions: month.sessions.slice(-60) }, `${now}.0.${device}`));
    const { store, sync } = window(machine, now);
    return timed(async () => {
      await sync.catchUp();
      await store.whenIdle();
    });
  };
  const oneYearTimes: number[] = [];
  const fiveYearTimes: number[] = [];
  for (let round = 0; round < 7; round++) {
    oneYearTimes.push(await readNewMonth(afterYears.one, round));
    fiveYearTimes.push(await readNewMonth(afterYears.five, round));
  }
  const newMonthOneYear = median(oneYearTimes);
  const newMonthFiveYears = median(fiveYearTimes);
  for (const m of [afterYears.one, afterYears.five]) {
    fs.rmSync(m.archive, { recursive: true, force: true });
    fs.rmSync(m.root, { recursive: true, force: true });
  }

  for (const m of [one.machine, three.machine, threeWhole.machine]) {
    fs.rmSync(m.archive, { recursive: true, force: true });
    fs.rmSync(m.root, { recursive: true, force: true });
  }
  return {
    firstReadOneMs: one.firstReadMs,
    firstReadThreeMs: three.firstReadMs,
    firstReadThreeWholeMs: threeWhole.firstReadMs,
    openOneMs: openOne,
    openThreeMs: openThree,
    openRatio: openThree / openOne,
    winWithoutMs: winWithout,
    winWithMs: winWith,
    winRatio: winWith / winWithout,
    newMonthOneYearMs: newMonthOneYear,
    newMonthFiveYearsMs: newMonthFiveYears,
    newMonthRatio: newMonthFiveYears / newMonthOneYear,
  };
}
