/**
 * Activates the real extension (with stand-ins for the vscode API) and counts timers: how many exist
 * and how often they wake when idle, and how much work each tick does while a session runs.
 * Prints one JSON line.
 */
import { activate } from '../../src/extension';
import { fakeContext } from './fakeContext';

interface Counters {
  created: number;
  fired: number;
  /** When the first and the last counted wakeup ran (performance.now()). */
  firstAt: number;
  lastAt: number;
  busyMs: number;
  active: Set<unknown>;
}

const counters: Counters = { created: 0, fired: 0, firstAt: 0, lastAt: 0, busyMs: 0, active: new Set() };
const realSetInterval = globalThis.setInterval;
const realClearInterval = globalThis.clearInterval;
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;

function timed(callback: (...args: unknown[]) => void) {
  return (...args: unknown[]) => {
    const started = performance.now();
    if (counters.fired++ === 0) counters.firstAt = started;
    counters.lastAt = started;
    callback(...args);
    counters.busyMs += performance.now() - started;
  };
}

type Schedule = (callback: (...args: unknown[]) => void, ms?: number) => unknown;

/** Wraps a scheduling function so every timer it creates is counted while alive and timed when it fires. */
function counting(schedule: Schedule, repeats: boolean): Schedule {
  return (callback, ms) => {
    counters.created++;
    const handle: unknown = schedule(
      timed((...args) => {
        if (!repeats) counters.active.delete(handle);
        callback(...args);
      }),
      ms,
    );
    counters.active.add(handle);
    return handle;
  };
}

function forgetting(clear: (handle: never) => void): (handle: unknown) => void {
  return (handle) => {
    counters.active.delete(handle);
    clear(handle as never);
  };
}

globalThis.setInterval = counting(realSetInterval as Schedule, true) as typeof setInterval;
globalThis.clearInterval = forgetting(realClearInterval);
globalThis.setTimeout = counting(realSetTimeout as Schedule, false) as typeof setTimeout;
globalThis.clearTimeout = forgetting(realClearTimeout);

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => realSetTimeout(resolve, ms));
}

/**
 * Wakeups per minute from their spacing: a window that starts between two ticks and ends just before
 * one would count one tick too few (4 in 5 s for a one-second tick, not 5).
 */
function wakeupsPerMinute(windowMs: number): number {
  const { fired, firstAt, lastAt } = counters;
  if (fired < 2) return (fired / windowMs) * 60_000;
  return ((fired - 1) / (lastAt - firstAt)) * 60_000;
}

async function measure(journal: unknown, windowMs: number) {
  const context = fakeContext(journal);
  await activate(context);
  // Count from the moment activation has finished: what runs while the user works.
  counters.created = counters.fired = counters.busyMs = 0;
  await wait(windowMs);
  const result = {
    timersAlive: counters.active.size,
    wakeupsPerMinute: Math.round(wakeupsPerMinute(windowMs)),
    workPerWakeupMs: counters.fired ? counters.busyMs / counters.fired : 0,
  };
  for (const subscription of context.subscriptions) subscription.dispose();
  return result;
}

async function main() {
  const now = Date.now();
  const running = {
    version: 1,
    domains: [{ id: 'd', name: 'bench', createdAt: now }],
    sessions: [{ id: 's', domainId: 'd', workspace: 'w', startedAt: now - 60_000, pauses: [], subgoals: [{ id: 'g', text: 'goal', confidence: 8, createdAt: now }], wins: [], cueIds: [], reframes: [] }],
    cues: [], ratings: [], reflections: [], models: [], encouragements: [],
  };
  const windowMs = Number(process.argv[2] ?? 5000);
  counters.active.clear();
  const idle = await measure(undefined, windowMs);
  const session = await measure(running, windowMs);
  process.stdout.write(`${JSON.stringify({ idle, session, windowMs })}\n`);
  process.exit(0);
}

void main();
