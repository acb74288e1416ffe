import * as z from 'zod/mini';
import { attributionSchema, boundedText, idSchema, outcomeSchema, slipReviewSchema, tweakOutcomeSchema, winAuthorSchema } from '../records/schema';
import { LIMITS } from '../limits';
import { MAX_GOAL_VERSIONS } from './plan';

/**
 * What each practice's questions produce: the one input of its action. The palette and the sidebar
 * build these and nothing else; the sidebar's messages carry them as they are (shared/protocol.ts),
 * so a field added here reaches the action from both surfaces or fails to compile on one of them.
 */

const text = boundedText(LIMITS.text);
const rating = (max: number) => z.int().check(z.gte(0), z.lte(max));

/** A subgoal as the user wrote and rated it. */
export const goalDraftSchema = z.strictObject({ text, confidence: rating(10) });

/** A domain the user picked, or one they named in the same step. */
export const domainChoiceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('existing'), id: idSchema }),
  z.strictObject({ kind: z.literal('new'), name: boundedText(LIMITS.name) }),
]);

/** A saved cue the user picked, or one they just wrote (with the hope or worry it replaces). */
export const cueChoiceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('existing'), id: idSchema }),
  z.strictObject({ kind: z.literal('new'), instruction: text, hope: z.optional(text) }),
]);

/** The goal as first written, then each smaller version; the last is the one to work on. */
const goalChainSchema = z.array(goalDraftSchema).check(z.minLength(1), z.maxLength(MAX_GOAL_VERSIONS));

export const startAnswersSchema = z.strictObject({
  domain: domainChoiceSchema,
  /** Bandura's 0–100 can-do rating of a new domain, before its first session (skippable). */
  baseline: z.optional(rating(100)),
  goals: goalChainSchema,
  /** 0 is open-ended. */
  plannedMinutes: rating(24 * 60),
  cue: z.optional(cueChoiceSchema),
});

export const subgoalAnswersSchema = z.strictObject({ sessionId: idSchema, goals: goalChainSchema });

export const winAnswersSchema = z.strictObject({
  sessionId: idSchema,
  /** A subgoal of the session that is done now; its text is the win's. */
  subgoalId: z.optional(idSchema),
  /** A micro-win in the user's words. */
  text: z.optional(text),
  /** Who did it; absent means the user's own. */
  by: z.optional(winAuthorSchema),
});

export const reviewAnswersSchema = z.strictObject({
  sessionId: idSchema,
  /** One outcome per live subgoal of the session. */
  outcomes: z.array(z.strictObject({ subgoalId: idSchema, outcome: outcomeSchema })),
  attribution: attributionSchema,
  /** Kept only when something was missed. */
  slip: z.optional(slipReviewSchema),
  /** Whether the last slip review's tweak in this domain helped (asked once, while it is open). */
  tweak: z.optional(tweakOutcomeSchema),
});

export type GoalDraft = z.infer<typeof goalDraftSchema>;
export type DomainChoice = z.infer<typeof domainChoiceSchema>;
export type CueChoice = z.infer<typeof cueChoiceSchema>;
export type StartAnswers = z.infer<typeof startAnswersSchema>;
export type SubgoalAnswers = z.infer<typeof subgoalAnswersSchema>;
export type WinAnswers = z.infer<typeof winAnswersSchema>;
export type ReviewAnswers = z.infer<typeof reviewAnswersSchema>;
