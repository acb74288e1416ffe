/**
 * A coach that remembers: sentences that bring back what the user recorded (a tweak, a lesson, a
 * model, their own calibration, a recurring slip, how crediting effort worked out, whose wins they
 * were) at the moment it helps. Each builder is a pure function of the journal; it cites only what
 * the record holds and returns undefined when the record does not hold what the sentence would say,
 * because encouragement that is not built from the user's own evidence is not believed.
 */
export { lastTweak, tweakReminder, tweakSentence, tweakStillOpen, tweaksThatWork } from './coach/tweaks';
export type { Tweak, WorkingTweak } from './coach/tweaks';
export { lastWeeksLesson, lessonSentence } from './coach/lesson';
export type { Lesson } from './coach/lesson';
export { modelForDoubt, modelSentence } from './coach/model';
export type { DoubtModel } from './coach/model';
export { calibrationAtRuler, learnedThreshold, levelScores } from './coach/ruler';
export type { LevelScore } from './coach/ruler';
export { recurringSlipCues, slipPatternSentence, slipWindowStart } from './coach/slips';
export type { SlipPattern } from './coach/slips';
export { abilityPattern } from './coach/ability';
export { encouragementFromCredit, encouragementFromRecordWithCredit, winsByAuthor } from './coach/credit';
export type { CreditFacts } from './coach/credit';
export type { WinsByAuthor } from './coach/credit';
export { sameTextKey } from './coach/normalize';
