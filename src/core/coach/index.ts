/**
 * A coach that remembers: sentences that bring back what the user recorded (a tweak, a lesson, a
 * model, their own calibration, a recurring slip, how crediting effort worked out, whose wins they
 * were) at the moment it helps. Each builder is a pure function of the journal; it cites only what
 * the record holds and returns undefined when the record does not hold what the sentence would say,
 * because encouragement that is not built from the user's own evidence is not believed.
 */
export { lastTweak, tweakReminder, tweakSentence, tweakStillOpen, tweaksThatWork } from './tweaks';
export type { Tweak, WorkingTweak } from './tweaks';
export { lastWeeksLesson, lessonSentence } from './lesson';
export type { Lesson } from './lesson';
export { modelForDoubt, modelSentence } from './model';
export type { DoubtModel } from './model';
export { calibrationAtRuler, learnedThreshold, levelScores } from './ruler';
export type { LevelScore } from './ruler';
export { recurringSlipCues, slipPatternSentence, slipWindowStart } from './slips';
export type { SlipPattern } from './slips';
export { abilityPattern } from './ability';
export { encouragementFromCredit, encouragementFromRecordWithCredit, winsByAuthor } from './credit';
export type { CreditFacts } from './credit';
export type { WinsByAuthor } from './credit';
export { sameTextKey } from './normalize';
