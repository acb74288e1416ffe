import type { Attribution, CauseKind } from './schema';
import type { SessionResult } from './session';

export const CAUSE_LABELS: Record<CauseKind, string> = {
  effort: 'Effort',
  strategy: 'Strategy or approach',
  preparation: 'Preparation',
  ability: 'Ability',
  luck: 'Luck',
  taskEase: 'The task was easy / hard',
  otherPeople: 'Other people',
  other: 'Something else',
};

/** Typical Causal Dimension Scale II placement of each cause (1–9, 9 = internal / stable / controllable). */
export const CAUSE_DEFAULTS: Record<CauseKind, Pick<Attribution, 'internal' | 'stable' | 'controllable'>> = {
  effort: { internal: 9, stable: 3, controllable: 9 },
  strategy: { internal: 8, stable: 4, controllable: 9 },
  preparation: { internal: 8, stable: 4, controllable: 8 },
  ability: { internal: 9, stable: 8, controllable: 3 },
  luck: { internal: 1, stable: 1, controllable: 1 },
  taskEase: { internal: 2, stable: 5, controllable: 2 },
  otherPeople: { internal: 2, stable: 4, controllable: 3 },
  other: { internal: 5, stable: 5, controllable: 5 },
};

const isHigh = (v: number) => v >= 6;

export interface FeedbackEvidence {
  wins: number;
  met: number;
  total: number;
  domainName: string;
}

/**
 * Feedback follows the attribution seeds: own a success (effort, strategy), and explain a setback by
 * a controllable, changeable cause — never by a lack of ability. Every encouraging sentence cites the
 * user's own record from this session.
 */
export function attributionFeedback(result: SessionResult, a: Attribution, e: FeedbackEvidence): string {
  const record = recordSentence(e);
  const internal = isHigh(a.internal);
  const controllable = isHigh(a.controllable);
  const stable = isHigh(a.stable);
  // Anything missed is read as a setback for that part: it gets a changeable cause, never "ability".
  const wentWell = result === 'success' || result === 'none';
  const label = CAUSE_LABELS[a.cause].toLowerCase();
  if (internal && controllable) {
    return wentWell
      ? `${record} That came from your ${label}: it is yours, and you can repeat it next session.`
      : `${record} Your ${label} is something you control, so the next attempt can go differently: pick one change and write it down.`;
  }
  if (a.cause === 'ability' || (stable && !controllable)) {
    return wentWell
      ? `${record} Skill counts, and it grew from practice: name the effort or approach that made the difference so you can repeat it.`
      : `${record} A missed goal says more about the plan than about you: which strategy, preparation or goal size would you change next time?`;
  }
  return wentWell
    ? `${record} Outside help may have played a part, but you still did the work: which of your own actions made it go well?`
    : `${record} Some of this was outside your control. What is one part you can control next time: a smaller goal, an earlier start, a different approach?`;
}

function recordSentence(e: FeedbackEvidence): string {
  const wins = e.wins === 1 ? '1 win' : `${e.wins} wins`;
  if (e.total === 0) return `You logged ${wins} on ${e.domainName}.`;
  return `You met ${e.met} of ${e.total} subgoal${e.total === 1 ? '' : 's'} and logged ${wins} on ${e.domainName}.`;
}

/** The outcome choices for a subgoal at review, in the order they are offered. */
export const OUTCOME_CHOICES: readonly { value: 'met' | 'partly' | 'missed'; label: string; icon: string }[] = [
  { value: 'met', label: 'Met', icon: 'pass-filled' },
  { value: 'partly', label: 'Partly', icon: 'circle-large-outline' },
  { value: 'missed', label: 'Missed', icon: 'circle-slash' },
];

/** The three causal dimensions (Causal Dimension Scale II), each asked on a 1–9 scale. */
export const DIMENSION_QUESTIONS: readonly { key: 'internal' | 'stable' | 'controllable'; question: string }[] = [
  { key: 'internal', question: 'Is this cause about you (9) or about something outside you (1)?' },
  { key: 'stable', question: 'Will this cause stay the same over time (9) or does it change (1)?' },
  { key: 'controllable', question: 'Can you control this cause (9) or not at all (1)?' },
];
