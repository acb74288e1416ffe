import type { Attribution, CauseKind } from '../records/schema';
import type { SessionResult } from './session';
import { inSentence, t, winCount } from '../l10n';

/** What a cause is called, in the display language. */
export function causeLabel(cause: CauseKind): string {
  switch (cause) {
    case 'effort':
      return t('Effort');
    case 'strategy':
      return t('Strategy or approach');
    case 'preparation':
      return t('Preparation');
    case 'ability':
      return t('Ability');
    case 'luck':
      return t('Luck');
    case 'taskEase':
      return t('The task was easy / hard');
    case 'otherPeople':
      return t('Other people');
    case 'assistant':
      return t('An AI assistant or tools');
    case 'other':
      return t('Something else');
  }
}

/** Typical Causal Dimension Scale II placement of each cause (1–9, 9 = internal / stable / controllable). */
export const CAUSE_DEFAULTS: Record<CauseKind, Pick<Attribution, 'internal' | 'stable' | 'controllable'>> = {
  effort: { internal: 9, stable: 3, controllable: 9 },
  strategy: { internal: 8, stable: 4, controllable: 9 },
  preparation: { internal: 8, stable: 4, controllable: 8 },
  ability: { internal: 9, stable: 8, controllable: 3 },
  luck: { internal: 1, stable: 1, controllable: 1 },
  taskEase: { internal: 2, stable: 5, controllable: 2 },
  otherPeople: { internal: 2, stable: 4, controllable: 3 },
  // Help you chose to use: outside you and changeable, but yours to direct.
  assistant: { internal: 3, stable: 3, controllable: 7 },
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
  const label = inSentence(causeLabel(a.cause));
  if (a.cause === 'assistant') {
    // Credit where it is due: the assistant's output is not the user's mastery, but directing it is.
    return wentWell
      ? t('{0} The assistant helped, and your part was real: what you asked for, what you checked and what you decided to keep. Name one of them so you can do it again.', record)
      : t('{0} Working with an assistant is a skill you control: what would you ask, check or decide differently next time?', record);
  }
  if (internal && controllable) {
    return wentWell
      ? t('{0} That came from your {1}: it is yours, and you can repeat it next session.', record, label)
      : t('{0} Your {1} is something you control, so the next attempt can go differently: pick one change and write it down.', record, label);
  }
  if (a.cause === 'ability' || (stable && !controllable)) {
    return wentWell
      ? t('{0} Skill counts, and it grew from practice: name the effort or approach that made the difference so you can repeat it.', record)
      : t('{0} A missed goal says more about the plan than about you: which strategy, preparation or goal size would you change next time?', record);
  }
  return wentWell
    ? t('{0} Outside help may have played a part, but you still did the work: which of your own actions made it go well?', record)
    : t('{0} Some of this was outside your control. What is one part you can control next time: a smaller goal, an earlier start, a different approach?', record);
}

function recordSentence(e: FeedbackEvidence): string {
  const wins = winCount(e.wins);
  if (e.total === 0) return t('You logged {0} on {1}.', wins, e.domainName);
  return e.total === 1
    ? t('You met {0} of 1 subgoal and logged {1} on {2}.', e.met, wins, e.domainName)
    : t('You met {0} of {1} subgoals and logged {2} on {3}.', e.met, e.total, wins, e.domainName);
}

/** The outcome choices for a subgoal at review, in the order they are offered. */
export function outcomeChoices(): { value: 'met' | 'partly' | 'missed'; label: string; icon: string }[] {
  return [
    { value: 'met', label: t('Met'), icon: 'pass-filled' },
    { value: 'partly', label: t('Partly'), icon: 'circle-large-outline' },
    { value: 'missed', label: t('Missed'), icon: 'circle-slash' },
  ];
}

/** The three causal dimensions (Causal Dimension Scale II), each asked on a 1–9 scale. */
export function dimensionQuestions(): { key: 'internal' | 'stable' | 'controllable'; question: string }[] {
  return [
    { key: 'internal', question: t('Is this cause about you (9) or about something outside you (1)?') },
    { key: 'stable', question: t('Will this cause stay the same over time (9) or does it change (1)?') },
    { key: 'controllable', question: t('Can you control this cause (9) or not at all (1)?') },
  ];
}
