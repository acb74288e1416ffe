import * as z from 'zod/mini';
import { PERIOD_KINDS } from '../core/accomplishments/period';
import { boundedText, idSchema } from '../core/records/schema';
import { LIMITS } from '../core/limits';
import type { Figures } from './progressProtocol';
import type { Subgoal, Win } from '../core/records/schema';
import { reviewAnswersSchema, startAnswersSchema, subgoalAnswersSchema, winAnswersSchema } from '../core/practices/answers';

// ---- webview → host: validated once by the host with safeParse ----

const id = idSchema;
const text = boundedText(LIMITS.text);

/** A practice's message carries its action's answers as they are: the handler hands them on without copying a field. */
export const webviewMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready'), zone: z.optional(z.string().check(z.maxLength(64))) }),
  z.strictObject({ type: z.literal('startSession'), answers: startAnswersSchema }),
  z.strictObject({ type: z.literal('addSubgoal'), answers: subgoalAnswersSchema }),
  z.strictObject({ type: z.literal('logWin'), answers: winAnswersSchema }),
  z.strictObject({ type: z.literal('togglePause'), sessionId: id }),
  z.strictObject({ type: z.literal('endSession'), answers: reviewAnswersSchema }),
  z.strictObject({ type: z.literal('acceptSuggestion'), id }),
  z.strictObject({ type: z.literal('dismissSuggestion'), id }),
  z.strictObject({ type: z.literal('deleteWin'), id }),
  z.strictObject({ type: z.literal('saveCue'), instruction: text }),
  z.strictObject({ type: z.literal('setWinAuthor'), id, by: z.literal(['mine', 'assisted']) }),
  /** Write My Review, for this period (the palette asks for one when absent). */
  z.strictObject({ type: z.literal('writeReview'), period: z.optional(z.literal(PERIOD_KINDS)) }),
  z.strictObject({ type: z.literal('run'), action: z.literal(['selfTalk', 'reframeArousal', 'weeklyReflection', 'rateDomain', 'recordEncouragement', 'addModel', 'showProgress', 'editOrDelete', 'chooseJournalFolder']) }),
]);

export type WebviewMessage = z.infer<typeof webviewMessageSchema>;
export type WebviewMessageType = WebviewMessage['type'];

// ---- host → webview: plain types, built by the host ----

/**
 * A subgoal and a win as the views show them: the record itself but the fields the views have no use
 * for, through one mapping each (host/dashboard/snapshot.ts), so a field a record gains reaches the view.
 */
export type SubgoalView = Omit<Subgoal, 'ed' | 'createdAt' | 'shrunkFromId' | 'outcome' | 'doneAt'> & { done: boolean };
/** "Mine" is said by leaving `by` out. */
export type WinView = Omit<Win, 'ed' | 'source' | 'subgoalId' | 'by'> & { by?: 'assisted' | 'assistant' };

export interface SessionView {
  id: string;
  domainName: string;
  startedAt: number;
  /** Focused milliseconds at `Snapshot.now`; the view adds time since, only while running. */
  elapsedMs: number;
  plannedMinutes?: number;
  paused: boolean;
  subgoals: SubgoalView[];
  wins: WinView[];
  cue?: string;
  /** The last slip review's tweak in this domain, brought back ("Your tweak from Tuesday: …"). */
  tweak?: string;
  /** That tweak, while no review has said whether it helped: the review asks. */
  openTweak?: string;
  reframes: { signal: string; reframe: string }[];
  /** The first session of a new quarter: the panel offers to write the last quarter's review (one line, never a notification). */
  quarterReview?: true;
}


/** Where the record lives, when the dashboard has something to say of it (one line, never a notification). */
export type RecordLine = { kind: 'machine' } | { kind: 'away' | 'note'; text: string };

export interface Snapshot {
  now: number;
  /** Below it a goal is offered to be shrunk: the setting, or the level the record shows the user usually meets. */
  threshold: number;
  thresholdLearned: boolean;
  /** Calibration at the ruler: for each level 0–10, what the record says of it ('' when nothing). */
  rulerNotes: string[];
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
    wins: WinView[];
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
  /** The charts' model, the Progress tab's for the last three months: drawn by the same modules (src/webview/figures). */
  figures: Figures;
  /** Sentences beside the charts: a dip in belief (with a model), and a confidence level consistently off. */
  notes: { dip?: string; calibration?: string };
  record?: RecordLine;
}

export type HostMessage =
  | { type: 'snapshot'; snapshot: Snapshot }
  | { type: 'feedback'; text: string }
  | { type: 'error'; text: string };

