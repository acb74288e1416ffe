import { CAUSE_KINDS } from './causeKinds';
import * as z from 'zod/mini';
import { t } from '../l10n';

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
      case 'invalid_format':
        return t('Expected an id: letters, digits, "-" and "_"');
      default:
        return t('Invalid value');
    }
  },
});

import { LIMITS } from '../limits';
import { COLLECTION_NAMES } from './collections';
import type { CollectionName } from './collections';
import { parseStamp, STAMP_PATTERN } from './stamp';

export const SCHEMA_VERSION = 4;

/** Names a plain object would treat as its own machinery, never valid as an id. */
const RESERVED_IDS = new Set(['__proto__', 'constructor', 'prototype']);
const ID = /^[A-Za-z0-9_-]{1,64}$/;
export const idSchema = z.string().check(
  z.regex(ID),
  z.refine((value) => !RESERVED_IDS.has(value), { message: t('That id is reserved') }),
);

/** The id check without zod, for derived files read in bulk (core/figures/aggregateChecks.ts). */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value) && !RESERVED_IDS.has(value);
}
const id = idSchema;

/** Timestamps from the year 2000 to 2200: what a record can hold, and what a Date can always format. */
export const MIN_TIME = Date.UTC(2000, 0, 1);
export const MAX_TIME = Date.UTC(2200, 0, 1);
const epochMs = z.int().check(z.gte(MIN_TIME), z.lte(MAX_TIME));

/**
 * Every edit stamps its record (core/records/stamp.ts; absent: never edited since it was written); copies of
 * a record merge to the content of the later stamp (core/records/merge.ts). The wall time stays in range.
 */
export const stampSchema = z.string().check(
  z.regex(STAMP_PATTERN),
  z.refine((value) => parseStamp(value).wall <= MAX_TIME, { message: t('The edit time is after the year 2200') }),
);
const ed = z.optional(stampSchema);

/**
 * Bounds no lifetime of heavy use reaches, so no stored or imported value can be unbounded. Next to
 * each, why: every entry is one deliberate act of the user (nothing is added by a window start, a
 * reload or time alone), and "heavy" is ten sessions a day, every day. The ten-year soak
 * (test/harness/soak.ts) keeps each list under half its bound.
 */
export const MAX_ITEMS = {
  /**
   * Subgoals, wins, reframes and pauses of one session: each a click or a typed line (a pause after a
   * sleep is asked about once per gap). 2,000 is a win every 43 seconds through a whole 24-hour session.
   */
  perSession: 2000,
  /** The distinct cues used in one session (a cue used again is not added again). */
  cueIdsPerSession: 200,
  /** Each named by the user; a new micro-domain every week for 38 years. */
  domains: 2000,
  /** Ten sessions a day for 54 years; ended ones live in archive files of a month each. */
  sessions: 200_000,
  /** Each written by the user: one every working day for 20 years. */
  cues: 5000,
  /** One per rating the user gives: five a day for 54 years (the prompt is weekly). */
  ratings: 100_000,
  /** One per week (its id is the week's), so 190 years. */
  reflections: 10_000,
  /** Each entered by the user. */
  models: 2000,
  /** Each entered by the user: two a day for 68 years. */
  encouragements: 50_000,
  /**
   * One per record the user deleted (a domain's deletion counts its sessions and ratings) or per
   * merge of two sessions started at once; an import adds none for ids neither side knows. Half the
   * bound is five deletions a day for 54 years.
   */
  deleted: 200_000,
  /** A cue's per-device counts: see cueSchema.usedOn. */
  cueDevices: 1000,
} as const;
const list = <T extends z.core.SomeType>(item: T, max: number) => z.array(item).check(z.maxLength(max));
/** Text the user must fill in: trimmed, not empty, bounded. */
export const boundedText = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const name = boundedText(LIMITS.name);
const text = boundedText(LIMITS.text);
const optionalText = z.string().check(z.maxLength(LIMITS.text));
const note = z.string().check(z.maxLength(LIMITS.note));
const int = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));

export const outcomeSchema = z.literal(['met', 'partly', 'missed']);
export const winSourceSchema = z.literal(['manual', 'task', 'test', 'commit', 'diagnostics']);
/** Who did it: mine (also when absent), with AI help, or the assistant's. */
export const winAuthorSchema = z.literal(['mine', 'assisted', 'assistant']);
export { CAUSE_KINDS };
export const causeKindSchema = z.literal(CAUSE_KINDS);

/** Causal Dimension Scale II style 1–9 ratings: 9 is internal / stable / controllable. */
export const dimensionSchema = int(1, 9);
const dimension = dimensionSchema;

export const domainSchema = z.strictObject({
  id,
  ed,
  name,
  createdAt: epochMs,
  archivedAt: z.optional(epochMs),
});

export const subgoalSchema = z.strictObject({
  id,
  ed,
  text,
  confidence: int(0, 10),
  createdAt: epochMs,
  shrunkFromId: z.optional(id),
  outcome: z.optional(outcomeSchema),
  doneAt: z.optional(epochMs),
});

export const winSchema = z.strictObject({
  id,
  ed,
  text,
  at: epochMs,
  subgoalId: z.optional(id),
  source: winSourceSchema,
  by: z.optional(winAuthorSchema),
});

export const pauseSchema = z.strictObject({
  from: epochMs,
  to: z.optional(epochMs),
  /** Set when the pause was added after the fact because the machine slept. */
  away: z.optional(z.boolean()),
});

export const reframeSchema = z.strictObject({
  id,
  ed,
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

/** Whether the last slip review's tweak helped, asked once at the next review in its domain. */
export const tweakOutcomeSchema = z.literal(['helped', 'notHelped', 'notTried']);

export const reviewSchema = z.strictObject({
  at: epochMs,
  attribution: attributionSchema,
  slip: z.optional(slipReviewSchema),
  /** The answer about the tweak of the session `of` (the last slip review in this domain). */
  tweak: z.optional(z.strictObject({ of: id, outcome: tweakOutcomeSchema })),
  feedback: note,
});

export const sessionSchema = z.strictObject({
  id,
  ed,
  domainId: id,
  workspace: z.string().check(z.maxLength(LIMITS.name)),
  startedAt: epochMs,
  pauses: list(pauseSchema, MAX_ITEMS.perSession),
  plannedMinutes: z.optional(int(1, 24 * 60)),
  endedAt: z.optional(epochMs),
  subgoals: list(subgoalSchema, MAX_ITEMS.perSession),
  wins: list(winSchema, MAX_ITEMS.perSession),
  cueIds: list(id, MAX_ITEMS.cueIdsPerSession),
  reframes: list(reframeSchema, MAX_ITEMS.perSession),
  review: z.optional(reviewSchema),
  /** Which window announced the planned end (for which plan), so only one of them does. */
  announced: z.optional(z.strictObject({ plannedMinutes: int(1, 24 * 60), by: z.string().check(z.maxLength(LIMITS.id)) })),
});

export const cueSchema = z.strictObject({
  id,
  ed,
  hope: z.optional(optionalText),
  instruction: text,
  createdAt: epochMs,
  /** Uses counted in no device's own entry: at creation, before format 3, and by devices past the cap. */
  uses: z.int().check(z.gte(0)),
  /**
   * Later uses, counted per device (a machine or browser, shared by its windows and reloads), so two
   * devices using a cue at once both count. Why a lifetime cannot reach the bound: a device gets an
   * entry only while its copy holds fewer than CUE_DEVICES_KEPT (64) entries, later devices count in
   * `uses`; copies that each add one entry before seeing the others add one per device, so 1000
   * needs hundreds of devices using the same cue within the same minutes. Window starts add nothing.
   */
  usedOn: z.optional(list(z.strictObject({ device: id, n: int(1, 1_000_000_000) }), MAX_ITEMS.cueDevices)),
});

export const efficacyRatingSchema = z.strictObject({
  id,
  ed,
  domainId: id,
  at: epochMs,
  value: int(0, 100),
});

export const reflectionSchema = z.strictObject({
  id,
  ed,
  weekOf: epochMs,
  didWell: note,
  doDifferently: note,
  learned: note,
  at: epochMs,
});

export const modelSchema = z.strictObject({
  id,
  ed,
  name,
  domainId: z.optional(id),
  workflowNotes: note,
  createdAt: epochMs,
});

export const encouragementSchema = z.strictObject({
  id,
  ed,
  from: name,
  text,
  domainId: z.optional(id),
  at: epochMs,
});

/** The collections of the journal (collections.ts names them), each with its record's schema. */
export const collectionSchemas = {
  domains: domainSchema,
  sessions: sessionSchema,
  cues: cueSchema,
  ratings: efficacyRatingSchema,
  reflections: reflectionSchema,
  models: modelSchema,
  encouragements: encouragementSchema,
} as const satisfies Record<CollectionName, unknown>;

export type { CollectionName };
export const COLLECTIONS: CollectionName[] = [...COLLECTION_NAMES];

/**
 * What is left of a deleted record: its id, so no copy brings it back. `into` names the record it was
 * merged into (a second running session, a second domain of the same name): copies of it fold there.
 */
export const tombstoneSchema = z.strictObject({
  id,
  at: epochMs,
  into: z.optional(id),
});

export const journalSchema = z.strictObject({
  version: z.literal(SCHEMA_VERSION),
  domains: list(domainSchema, MAX_ITEMS.domains),
  sessions: list(sessionSchema, MAX_ITEMS.sessions),
  cues: list(cueSchema, MAX_ITEMS.cues),
  ratings: list(efficacyRatingSchema, MAX_ITEMS.ratings),
  reflections: list(reflectionSchema, MAX_ITEMS.reflections),
  models: list(modelSchema, MAX_ITEMS.models),
  encouragements: list(encouragementSchema, MAX_ITEMS.encouragements),
  deleted: list(tombstoneSchema, MAX_ITEMS.deleted),
});

/** The Progress tab's time ranges: four weeks, three months, a year, everything. */
export const PROGRESS_RANGES = ['4w', '3m', '1y', 'all'] as const;
export type ProgressRange = (typeof PROGRESS_RANGES)[number];

export const workspaceDefaultsSchema = z.strictObject({
  lastDomainId: z.optional(id),
  plannedMinutes: z.optional(int(0, 24 * 60)),
  /** Adding a vicarious model was offered at a moment of doubt (it is offered once). */
  modelOffered: z.optional(z.boolean()),
  /** What the Progress tab showed last: its range and the domains hidden from it. */
  progressRange: z.optional(z.literal(PROGRESS_RANGES)),
  progressHidden: z.optional(list(id, MAX_ITEMS.domains)),
});

export type Outcome = z.infer<typeof outcomeSchema>;
export type WinSource = z.infer<typeof winSourceSchema>;
export type WinAuthor = z.infer<typeof winAuthorSchema>;
export type Tombstone = z.infer<typeof tombstoneSchema>;
export type CauseKind = z.infer<typeof causeKindSchema>;
export type TweakOutcome = z.infer<typeof tweakOutcomeSchema>;
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
    deleted: [],
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
