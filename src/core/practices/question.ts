import { parseIntegerInRange, parseText } from './confidence';
import { LIMITS } from '../limits';

/** Something typed: what it is called on a form, how the palette asks it, and what it must be. */
export interface TextQuestion {
  label: () => string;
  prompt: () => string;
  placeholder?: () => string;
  /** How a message names it: "Enter a subgoal." */
  what: () => string;
  max: number;
  /** Empty is a skip, not a problem. */
  optional?: boolean;
}

export function textQuestion(q: Omit<TextQuestion, 'max'> & { max?: number }): TextQuestion {
  return { ...q, max: q.max ?? LIMITS.text };
}

/** The problem with typed text as the answer to `q`, or undefined when it will do. */
export function textProblem(q: Pick<TextQuestion, 'what' | 'max' | 'optional'>, typed: string): string | undefined {
  if (q.optional && typed.trim() === '') return undefined;
  const parsed = parseText(typed, q.max, q.what());
  return parsed.ok ? undefined : parsed.message;
}

/** A whole number in a range, typed or chosen. */
export interface NumberQuestion {
  min: number;
  max: number;
  what: () => string;
  optional?: boolean;
}

/** The problem with a typed number, or undefined when it will do (empty is a skip for an optional one). */
export function numberProblem(q: NumberQuestion, typed: string): string | undefined {
  if (q.optional && typed.trim() === '') return undefined;
  const parsed = parseIntegerInRange(typed, q.min, q.max, q.what());
  return parsed.ok ? undefined : parsed.message;
}
