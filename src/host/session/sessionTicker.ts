import type { Clock } from '../../core/clock';
import type { DisposableLike } from '../platform/mementoLike';

export interface Timers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const realTimers: Timers = {
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

export const TICK_MS = 1000;

/**
 * A one-second tick that exists only while a session is running: no timer at all when idle or paused.
 * A gap far longer than the tick means the machine slept; it is reported once with its bounds.
 */
export class SessionTicker implements DisposableLike {
  #handle: unknown;
  #lastTick: number | undefined;

  readonly #clock: Clock;
  readonly #timers: Timers;
  readonly #onTick: (now: number) => void;
  readonly #onGap: (from: number, to: number) => void;
  readonly #gapThresholdMs: () => number;

  constructor(
    clock: Clock,
    timers: Timers,
    onTick: (now: number) => void,
    onGap: (from: number, to: number) => void,
    gapThresholdMs: () => number,
  ) {
    this.#clock = clock;
    this.#timers = timers;
    this.#onTick = onTick;
    this.#onGap = onGap;
    this.#gapThresholdMs = gapThresholdMs;
  }

  /** Starts or stops the tick to match whether a session is running. */
  setRunning(running: boolean): void {
    if (running && this.#handle === undefined) {
      this.#lastTick = this.#clock();
      this.#handle = this.#timers.setInterval(() => this.tick(), TICK_MS);
    } else if (!running && this.#handle !== undefined) {
      this.#timers.clearInterval(this.#handle);
      this.#handle = undefined;
      this.#lastTick = undefined;
    }
  }

  tick(): void {
    const now = this.#clock();
    const last = this.#lastTick;
    this.#lastTick = now;
    if (last !== undefined && now - last > this.#gapThresholdMs()) this.#onGap(last, now);
    this.#onTick(now);
  }

  dispose(): void {
    this.setRunning(false);
  }
}
