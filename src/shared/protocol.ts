import * as z from 'zod/mini';
import { boundedText, causeKindSchema, dimensionSchema, idSchema, outcomeSchema } from '../core/schema';
import { LIMITS } from '../core/limits';
import type { CauseKind } from '../core/schema';
import type { CalibrationRow } from '../core/insights';
import { MAX_GOAL_VERSIONS } from '../core/plan';

// ---- webview → host: validated once by the host with safeParse ----

const id = idSchema;
const text = boundedText(LIMITS.text);
const confidence = z.int().check(z.gte(0), z.lte(10));
const dimension = dimensionSchema;

export const goalDraftSchema = z.strictObject({ text, confidence });

export const webviewMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready'), zone: z.optional(z.string().check(z.maxLength(64))) }),
  z.strictObject({
    type: z.literal('startSession'),
    domain: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('existing'), id }),
      z.strictObject({ kind: z.literal('new'), name: boundedText(LIMITS.name) }),
    ]),
    /** The goal as first written, then each shrunk version; the last is the one to work on. */
    goals: z.array(goalDraftSchema).check(z.minLength(1), z.maxLength(MAX_GOAL_VERSIONS)),
    plannedMinutes: z.int().check(z.gte(0), z.lte(24 * 60)),
    cueId: z.optional(id),
  }),
  z.strictObject({ type: z.literal('addSubgoal'), sessionId: id, goal: goalDraftSchema }),
  z.strictObject({ type: z.literal('logWin'), sessionId: id, text: z.optional(text), subgoalId: z.optional(id) }),
  z.strictObject({ type: z.literal('togglePause'), sessionId: id }),
  z.strictObject({
    type: z.literal('endSession'),
    sessionId: id,
    /** One entry per open subgoal of the session. */
    outcomes: z.array(z.strictObject({ subgoalId: id, outcome: outcomeSchema })),
    attribution: z.strictObject({
      cause: causeKindSchema,
      text: z.string().check(z.trim(), z.maxLength(LIMITS.text)),
      internal: dimension,
      stable: dimension,
      controllable: dimension,
    }),
    slip: z.optional(z.strictObject({ cue: text, frictionFailed: text, tweak: text })),
  }),
  z.strictObject({ type: z.literal('acceptSuggestion'), id }),
  z.strictObject({ type: z.literal('dismissSuggestion'), id }),
  z.strictObject({ type: z.literal('deleteWin'), id }),
  z.strictObject({ type: z.literal('saveCue'), instruction: text }),
  z.strictObject({ type: z.literal('setWinAuthor'), id, by: z.literal(['mine', 'assisted']) }),
  z.strictObject({ type: z.literal('run'), action: z.literal(['selfTalk', 'reframeArousal', 'weeklyReflection', 'rateDomain', 'recordEncouragement', 'addModel', 'showProgress', 'editOrDelete', 'chooseJournalFolder']) }),
]);

export type WebviewMessage = z.infer<typeof webviewMessageSchema>;
export type WebviewMessageType = WebviewMessage['type'];

// ---- host → webview: plain types, built by the host ----

export interface SubgoalView {
  id: string;
  text: string;
  confidence: number;
  done: boolean;
}

export interface SessionView {
  id: string;
  domainName: string;
  startedAt: number;
  /** Focused milliseconds at `Snapshot.now`; the view adds time since, only while running. */
  elapsedMs: number;
  plannedMinutes?: number;
  paused: boolean;
  subgoals: SubgoalView[];
  wins: { id: string; text: string; at: number; by?: 'assisted' | 'assistant' }[];
  cue?: string;
  /** The last slip review's tweak in this domain, brought back ("Your tweak from Tuesday: …"). */
  tweak?: string;
  reframes: { signal: string; reframe: string }[];
}


export interface Charts {
  /** Per domain with ratings; `colour` is its place in the Progress tab's list of domains, which picks its colour there and here (webview/series.ts). */
  efficacy: { domainName: string; colour: number; points: { at: number; value: number }[] }[];
  /** Wins per day for the last 84 days, oldest first. */
  calendar: { day: number; wins: number }[];
  /** Per week, oldest first: share of reviewed sessions whose cause was internal and controllable. */
  attributionMix: { weekOf: number; reviews: number; ownShare: number }[];
  calibration: CalibrationRow[];
  /** Plain feedback when a confidence level is consistently off. */
  calibrationNote?: string;
  /** Brier score per domain per month (0 is perfect). */
  brier: { domainName: string; points: { month: number; score: number; goals: number }[] }[];
  dip?: string;
}

/** Where the record lives, when the dashboard has something to say of it (one line, never a notification). */
export type RecordLine = { kind: 'machine' } | { kind: 'away' | 'note'; text: string };

export interface Snapshot {
  now: number;
  threshold: number;
  defaultPlannedMinutes: number;
  lastDomainId?: string;
  domains: { id: string; name: string }[];
  /** Saved self-talk cues, most used first, and the one the last session in the domain used. */
  cues: { id: string; instruction: string }[];
  lastCueId?: string;
  session?: SessionView;
  /** Wins the editor noticed in this window, waiting for one click. */
  suggestions: { id: string; text: string; source: string }[];
  todayWins: { text: string; at: number; domainName: string }[];
  evidence: {
    wins: { text: string; at: number; by?: 'assisted' | 'assistant' }[];
    /** Tweaks a later review said helped: "what works for you". */
    works: string[];
    /** Slip cues that recur, with how their tweaks fared. */
    patterns: string[];
    encouragements: { from: string; text: string }[];
    domainName?: string;
    /** A sentence built only from the user's own record for this domain. */
    fromRecord?: string;
  };
  models: { name: string; workflowNotes: string; domainName?: string }[];
  due: { reflection: boolean; reassess: string[] };
  causes: { kind: CauseKind; label: string; internal: number; stable: number; controllable: number }[];
  charts: Charts;
  record?: RecordLine;
}

export type HostMessage =
  | { type: 'snapshot'; snapshot: Snapshot }
  | { type: 'feedback'; text: string }
  | { type: 'error'; text: string };

