/* No zod here: the webviews build their answers with this, and stay free of the schemas' weight. */

/**
 * Every question of a practice answered, the skipped ones as undefined: a surface builds its answers
 * as this, so a question added to the practice is a compile error on a surface that does not ask it.
 */
export type Answered<T> = { [K in Exclude<keyof T, never>]: T[K] | undefined };

/** The answers as the action takes them: a skipped question is absent, not undefined. */
export function answers<T>(answered: Answered<T>): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(answered)) if (value !== undefined) out[key] = value;
  return out as T;
}

/** The answers but the named ones: what an action hands on as it is, after taking what it decides itself. */
export function without<T extends object, K extends keyof T>(answered: T, ...keys: K[]): Omit<T, K> {
  const rest: Partial<T> = { ...answered };
  for (const key of keys) delete rest[key];
  return rest as Omit<T, K>;
}
