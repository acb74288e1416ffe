import { t } from '../l10n';
import type { SubgoalAnswers, WinAnswers } from './answers';
import { textQuestion } from './question';
import { startPractice } from './start';

/** Logging a win: a micro-win in the user's words, or an open subgoal marked done. */
export const winPractice = {
  sessionId: { given: true },
  subgoalId: { label: () => t('Done') },
  text: textQuestion({
    label: () => t('Log a micro-win'),
    prompt: () => t('Type a micro-win: a passing test, a clear name, a question answered'),
    placeholder: () => t('The failing test now reproduces the bug'),
    what: () => t('the win'),
  }),
  /** Not asked when the win is logged: the win's credit button changes it after. */
  by: { asked: false },
} satisfies Record<keyof WinAnswers, unknown>;

/** A subgoal added to a running session: asked as the start asks it, with the same ruler and shrink step. */
export const subgoalPractice = {
  sessionId: { given: true },
  goals: startPractice.goals,
} satisfies Record<keyof SubgoalAnswers, unknown>;
