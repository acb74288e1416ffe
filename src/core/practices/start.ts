import { t } from '../l10n';
import { LIMITS } from '../limits';
import { calibrationAtRuler, learnedThreshold } from '../coach';
import type { LevelScore } from '../coach';
import { efficacyAnchors } from './confidence';
import { plannedLengthChoices, plannedLengthLabel, shouldOfferShrink } from './plan';
import type { DomainChoice, GoalDraft, StartAnswers } from './answers';
import { textQuestion } from './question';
import type { NumberQuestion } from './question';

/**
 * The start of a focus session, asked the same on every surface: the domain (named when new, with
 * the baseline can-do rating offered), the proximal subgoal and its 0–10 rating, the shrink step
 * below the threshold, the planned length and the self-talk cue. One entry per answer: a field added
 * to StartAnswers without its question here fails to compile.
 */
export const startPractice = {
  domain: {
    label: () => t('Micro-domain'),
    pick: () => t('Pick a micro-domain'),
    pickOrName: () => t('Pick a micro-domain, or type a new one: something specific, like "writing parser tests"'),
    create: () => t('New micro-domain…'),
    /** What Enter does with a typed name in the palette's domain box. */
    createTyped: () => t('a new micro-domain'),
    name: textQuestion({
      label: () => t('New micro-domain'),
      prompt: () => t('Name a micro-domain: a specific skill you are building.'),
      placeholder: () => t('writing parser tests'),
      what: () => t('a domain name'),
      max: LIMITS.name,
    }),
  },
  baseline: {
    /** Asked once, when the domain is named: where belief starts, so its growth can be seen. */
    asked: (domain: DomainChoice) => domain.kind === 'new',
    question: (domainName: string, skippable: boolean) =>
      skippable
        ? t('How certain are you that you can do "{0}" well? {1} (optional — press Enter to skip)', domainName, anchorsText())
        : t('How certain are you that you can do "{0}" well? {1}', domainName, anchorsText()),
    label: () => t('How certain are you that you can do it well? (0–100, optional)'),
    number: { min: 0, max: 100, what: () => t('a rating'), optional: true } satisfies NumberQuestion,
  },
  goals: {
    goal: textQuestion({
      label: () => t('Proximal subgoal'),
      prompt: () => t('A proximal subgoal: close in time and concrete. What will you get done?'),
      placeholder: () => t('Write tests for the three tokenizer edge cases'),
      what: () => t('a subgoal'),
    }),
    confidence: {
      label: () => t('How sure are you that you can do this?'),
      question: (goal: string) => t('How sure are you that you can do this? "{0}" (0–10)', goal),
      /** The ruler starts at the threshold: "sure enough" as the user defined it (or their record did). */
      start: (threshold: number) => threshold,
      /** Calibration at the ruler: a level the record shows to be off says so where it is chosen. */
      note: (scores: readonly LevelScore[], level: number) => calibrationAtRuler(scores, level),
    },
    shrink: {
      offered: (chain: readonly GoalDraft[], threshold: number) => {
        const latest = chain[chain.length - 1];
        return latest !== undefined && shouldOfferShrink(latest.confidence, threshold, chain.length);
      },
      question: (rated: number, threshold: number, learned: boolean) =>
        learned
          ? t('You rated {0}/10, below {1} (the level your record shows you usually meet). Make it smaller?', rated, threshold)
          : t('You rated {0}/10, below {1}. Make it smaller?', rated, threshold),
      why: () => t('A smaller step you are sure of builds more belief than a big one you doubt'),
      accept: () => t('Shrink the goal'),
      keep: (goal: string, rated: number) => t('Keep "{0}" at {1}/10', goal, rated),
      smaller: textQuestion({
        label: () => t('A smaller subgoal you could surely finish'),
        prompt: () => t('Make it smaller: which part could you surely finish?'),
        what: () => t('the smaller subgoal'),
      }),
      /** A smaller goal is a different one. */
      sameProblem: (typed: string, previous: string) => (typed.trim() === previous ? t('Change the goal to make it smaller.') : undefined),
    },
  },
  plannedMinutes: {
    label: () => t('Planned length'),
    question: () => t('How long do you plan to focus?'),
    choices: (preferred: number) => plannedLengthChoices(preferred).map((minutes) => ({ minutes, label: plannedLengthLabel(minutes) })),
    other: () => t('Other length…'),
    typed: { min: 1, max: 24 * 60, what: () => t('planned minutes') } satisfies NumberQuestion,
  },
  cue: {
    label: () => t('Self-talk cue'),
    none: () => t('No cue this time'),
  },
} satisfies Record<keyof StartAnswers, unknown>;

function anchorsText(): string {
  return efficacyAnchors()
    .map((a) => `${a.value} ${a.label}`)
    .join(' · ');
}

/**
 * The confidence under which a goal is offered to be shrunk: the user's setting, or, when they opted
 * in, the level from which their record shows goals were usually met (never changed silently: the
 * shrink question names it).
 */
export function shrinkThreshold(settings: { confidenceThreshold: number; learnThreshold: boolean }, scores: readonly LevelScore[]): { threshold: number; learned: boolean } {
  const configured = settings.confidenceThreshold;
  const threshold = settings.learnThreshold ? learnedThreshold(scores, configured) : configured;
  return { threshold, learned: threshold !== configured };
}
