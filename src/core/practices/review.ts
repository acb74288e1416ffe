import { t } from '../l10n';
import { CAUSE_DEFAULTS, causeLabel, dimensionQuestions, outcomeChoices } from './attribution';
import { CAUSE_KINDS } from '../records/causeKinds';
import type { Outcome, TweakOutcome } from '../records/schema';
import type { ReviewAnswers } from './answers';
import { textQuestion } from './question';

const slipQuestion = (label: () => string, prompt: () => string, placeholder: () => string, what: () => string) => textQuestion({ label, prompt, placeholder, what });

/**
 * The end-of-session review, asked the same on every surface: an outcome per subgoal, what made the
 * difference (cause, a note, three causal ratings preset from the cause), whether the last tweak
 * helped while one is open, and the slip review when something was missed. One entry per answer.
 */
export const reviewPractice = {
  sessionId: { given: true },
  outcomes: {
    legend: () => t('How did each subgoal go?'),
    question: (goal: string) => t('How did it go: "{0}"?', goal),
    choices: outcomeChoices,
    /** A subgoal marked done was met; an open one was missed until the user says it was partly met. */
    preset: (done: boolean): Outcome => (done ? 'met' : 'missed'),
  },
  attribution: {
    legend: () => t('Attribution'),
    cause: {
      question: () => t('What made the difference this session?'),
      choices: () => CAUSE_KINDS.map((kind) => ({ value: kind, label: causeLabel(kind) })),
      preset: 'effort' as const,
    },
    note: textQuestion({
      label: () => t('In a few words (optional)'),
      prompt: () => t('In a few words, what exactly? (optional — press Enter to skip)'),
      what: () => t('the note'),
      optional: true,
    }),
    dimensions: dimensionQuestions,
    /** Each rating starts at what is typical for the cause. */
    presets: CAUSE_DEFAULTS,
  },
  tweak: {
    asked: (openTweak: string | undefined) => openTweak !== undefined,
    question: (tweak: string) => t('Your tweak from last time, "{0}": did it help?', tweak),
    choices: (): { value: TweakOutcome; label: string }[] => [
      { value: 'helped', label: t('the tweak helped') },
      { value: 'notHelped', label: t('the tweak did not help') },
      { value: 'notTried', label: t('did not try the tweak') },
    ],
  },
  slip: {
    asked: (outcomes: readonly Outcome[]) => outcomes.includes('missed'),
    legend: () => t('Slip review (something was missed)'),
    title: () => t('Small Wins: Slip Review'),
    cue: slipQuestion(() => t('What cue triggered the slip?'), () => t('What cue triggered the slip?'), () => t('A Slack ping during the hard part'), () => t('the cue')),
    frictionFailed: slipQuestion(() => t('What friction failed?'), () => t('What friction failed to stop it?'), () => t('Notifications were on'), () => t('the friction that failed')),
    tweak: slipQuestion(() => t('One tweak for tomorrow'), () => t('One tweak for tomorrow:'), () => t('Turn on Do Not Disturb when I start a session'), () => t('a tweak')),
    /** The slip review is whole or absent: three answers, or none. */
    incomplete: () => t('Fill in all three slip questions, or leave them all empty.'),
  },
} satisfies Record<keyof ReviewAnswers, unknown>;
