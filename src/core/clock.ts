/** Milliseconds since the epoch. Injected everywhere so time-based rules are tested without sleeping. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
