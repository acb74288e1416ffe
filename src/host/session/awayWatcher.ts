import { awayStretch } from '../../core/practices/away';
import type { Activity } from '../../core/practices/away';
import type { Clock } from '../../core/clock';
import type { SharedValue } from '../storage/sharedFile';

/**
 * Honest time across windows: each window records when it gains or loses focus in a file all
 * windows share (sharedFile.ts), so when one comes back it can tell whether any window was active
 * meanwhile. A long stretch with none is reported once, to be asked about.
 */
export class AwayWatcher {
  readonly #state: SharedValue;
  readonly #clock: Clock;
  readonly #windowId: string;
  readonly #thresholdMs: () => number;
  readonly #onAway: (from: number, to: number) => void;

  constructor(state: SharedValue, clock: Clock, windowId: string, thresholdMs: () => number, onAway: (from: number, to: number) => void) {
    this.#state = state;
    this.#clock = clock;
    this.#windowId = windowId;
    this.#thresholdMs = thresholdMs;
    this.#onAway = onAway;
  }

  /** The focus changes under way, one after another: a quick focus and blur are stored in that order. */
  #last: Promise<unknown> = Promise.resolve();

  focusChanged(focused: boolean): Promise<void> {
    const now = this.#clock();
    const run = this.#last.then(() => this.#record(focused, now));
    this.#last = run.catch(() => undefined);
    return run;
  }

  async #record(focused: boolean, now: number): Promise<void> {
    if (focused) {
      const stretch = awayStretch(readActivity(await this.#state.read()), now, this.#thresholdMs());
      await this.#state.write({ kind: 'focus', at: now, by: this.#windowId } satisfies Activity);
      if (stretch) this.#onAway(stretch.from, stretch.to);
    } else {
      await this.#state.write({ kind: 'blur', at: now, by: this.#windowId } satisfies Activity);
    }
  }
}

/** What another window wrote, if it is an activity record at all (a bad value counts as none). */
function readActivity(raw: unknown): Activity | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { kind, at, by } = raw as Record<string, unknown>;
  return (kind === 'focus' || kind === 'blur') && typeof at === 'number' && typeof by === 'string' ? { kind, at, by } : undefined;
}
