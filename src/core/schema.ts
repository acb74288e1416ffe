import * as z from 'zod/mini';
import { t } from './l10n';

// zod/mini keeps the bundle small; these short messages say what is wrong in a field (the path is
// added by describeIssues), without shipping a whole locale.
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'too_big':
        return issue.origin === 'string' ? t('Too big: at most {0} characters', String(issue.maximum)) : t('Too big: at most {0}', String(issue.maximum));
      case 'too_small':
        return issue.origin === 'string' ? t('Too small: at least {0} characters', String(issue.minimum)) : t('Too small: at least {0}', String(issue.minimum));
      case 'invalid_type':
        return t('Expected {0}', issue.expected);
      case 'unrecognized_keys':
        return t('Unrecognized key: {0}', issue.keys.join(', '));
      case 'invalid_value':
        return t('Expected one of {0}', issue.values.map((v) => JSON.stringify(v)).join(', '));
      default:
        return t('Invalid value');
    }
  },
});

import { LIMITS } from './limits';

export const SCHEMA_VERSION = 1;

export const idSchema = z.string().check(z.minLength(1), z.maxLength(LIMITS.id));
const id = idSchema;
const epochMs = z.int().check(z.gte(0));
/** Text the user must fill in: trimmed, not empty, bounded. */
export const boundedText = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const name = boundedText(LIMITS.name);
const text = boundedText(LIMITS.text);
const optionalText = z.string().check(z.maxLength(LIMITS.text));
const note = z.string().check(z.maxLength(LIMITS.note));
const int = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));

export const outcomeSchema = z.literal(['met', 'partly', 'missed']);
export const winSourceSchema = z.literal(['manual', 'task', 'test', 'commit', 'diagnostics']);
export const CAUSE_KINDS = ['effort', 'strategy', 'preparation', 'ability', 'luck', 'taskEase', 'otherPeople', 'other'] as const;
export const causeKindSchema = z.literal(CAUSE_KINDS);

/** Causal Dimension Scale II style 1–9 ratings: 9 is internal / stable / controllable. */
export const dimensionSchema = int(1, 9);
const dimension = dimensionSchema;

export const domainSchema = z.strictObject({
  id,
  name,
  createdAt: epochMs,
  archivedAt: z.optional(epochMs),
});

export const subgoalSchema = z.strictObject({
  id,
  text,
  confidence: int(0, 10),
  createdAt: epochMs,
  shrunkFromId: z.optional(id),
  outcome: z.optional(outcomeSchema),
  doneAt: z.optional(epochMs),
});

export const winSchema = z.strictObject({
  id,
  text,
  at: epochMs,
  subgoalId: z.optional(id),
  source: winSourceSchema,
});

export const pauseSchema = z.strictObject({
  from: epochMs,
  to: z.optional(epochMs),
  /** Set when the pause was added after the fact because the machine slept. */
  away: z.optional(z.boolean()),
});

export const reframeSchema = z.strictObject({
  id,
  signal: text,
  reframe: text,
  at: epochMs,
});

export const attributionSchema = z.strictObject({
  cause: causeKindSchema,
  text: optionalText,
  internal: dimension,
  stable: dimension,
  controllable: dimension,
});

export const slipReviewSchema = z.strictObject({
  cue: text,
  frictionFailed: text,
  tweak: text,
});

export const reviewSchema = z.strictObject({
  at: epochMs,
  attribution: attributionSchema,
  slip: z.optional(slipReviewSchema),
  feedback: note,
});

export const sessionSchema = z.strictObject({
  id,
  domainId: id,
  workspace: z.string().check(z.maxLength(LIMITS.name)),
  startedAt: epochMs,
  pauses: z.array(pauseSchema),
  plannedMinutes: z.optional(int(1, 24 * 60)),
  endedAt: z.optional(epochMs),
  subgoals: z.array(subgoalSchema),
  wins: z.array(winSchema),
  cueIds: z.array(id),
  reframes: z.array(reframeSchema),
  review: z.optional(reviewSchema),
  /** Which window announced the planned end (for which plan), so only one of them does. */
  announced: z.optional(z.strictObject({ plannedMinutes: int(1, 24 * 60), by: z.string().check(z.maxLength(LIMITS.id)) })),
});

export const cueSchema = z.strictObject({
  id,
  hope: z.optional(optionalText),
  instruction: text,
  createdAt: epochMs,
  uses: z.int().check(z.gte(0)),
});

export const efficacyRatingSchema = z.strictObject({
  id,
  domainId: id,
  at: epochMs,
  value: int(0, 100),
});

export const reflectionSchema = z.strictObject({
  id,
  weekOf: epochMs,
  didWell: note,
  doDifferently: note,
  learned: note,
  at: epochMs,
});

export const modelSchema = z.strictObject({
  id,
  name,
  domainId: z.optional(id),
  workflowNotes: note,
  createdAt: epochMs,
});

export const encouragementSchema = z.strictObject({
  id,
  from: name,
  text,
  domainId: z.optional(id),
  at: epochMs,
});

/** The collections of the journal, each an array of records with an `id`. */
export const collectionSchemas = {
  domains: domainSchema,
  sessions: sessionSchema,
  cues: cueSchema,
  ratings: efficacyRatingSchema,
  reflections: reflectionSchema,
  models: modelSchema,
  encouragements: encouragementSchema,
} as const;

export type CollectionName = keyof typeof collectionSchemas;
export const COLLECTIONS = Object.keys(collectionSchemas) as CollectionName[];

export const journalSchema = z.strictObject({
  version: z.literal(SCHEMA_VERSION),
  domains: z.array(domainSchema),
  sessions: z.array(sessionSchema),
  cues: z.array(cueSchema),
  ratings: z.array(efficacyRatingSchema),
  reflections: z.array(reflectionSchema),
  models: z.array(modelSchema),
  encouragements: z.array(encouragementSchema),
});

export const workspaceDefaultsSchema = z.strictObject({
  lastDomainId: z.optional(id),
  plannedMinutes: z.optional(int(0, 24 * 60)),
});

export type Outcome = z.infer<typeof outcomeSchema>;
export type WinSource = z.infer<typeof winSourceSchema>;
export type CauseKind = z.infer<typeof causeKindSchema>;
export type Domain = z.infer<typeof domainSchema>;
export type Subgoal = z.infer<typeof subgoalSchema>;
export type Win = z.infer<typeof winSchema>;
export type Pause = z.infer<typeof pauseSchema>;
export type Reframe = z.infer<typeof reframeSchema>;
export type Attribution = z.infer<typeof attributionSchema>;
export type SlipReview = z.infer<typeof slipReviewSchema>;
export type Review = z.infer<typeof reviewSchema>;
export type Session = z.infer<typeof sessionSchema>;
export type Cue = z.infer<typeof cueSchema>;
export type EfficacyRating = z.infer<typeof efficacyRatingSchema>;
export type Reflection = z.infer<typeof reflectionSchema>;
export type Model = z.infer<typeof modelSchema>;
export type Encouragement = z.infer<typeof encouragementSchema>;
export type Journal = z.infer<typeof journalSchema>;
export type WorkspaceDefaults = z.infer<typeof workspaceDefaultsSchema>;

export function emptyJournal(): Journal {
  return {
    version: SCHEMA_VERSION,
    domains: [],
    sessions: [],
    cues: [],
    ratings: [],
    reflections: [],
    models: [],
    encouragements: [],
  };
}

/** "sessions[2].wins[0].text: Too big" — names the bad field so the user can find it. */
export function describeIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }, prefix = ''): string {
  const first = error.issues.slice(0, 3).map((issue) => {
    const path = formatPath(issue.path);
    const where = prefix + path;
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length > 3 ? t(' (and {0} more)', error.issues.length - 3) : '';
  return first.join('; ') + more;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
