import { formatDuration, spokenDuration } from '../time';
import { t } from '../l10n';

/** The planned lengths offered at every start, in minutes; 0 is open-ended. */
export const PLANNED_LENGTHS: readonly number[] = [0, 15, 25, 45, 60, 90];

/** The offered lengths plus the user's preferred one when it is not among them, in ascending order. */
export function plannedLengthChoices(preferred: number): number[] {
  const choices = PLANNED_LENGTHS.includes(preferred) ? [...PLANNED_LENGTHS] : [...PLANNED_LENGTHS, preferred];
  return choices.sort((a, b) => a - b);
}

export function plannedLengthLabel(minutes: number): string {
  return minutes === 0 ? t('Open-ended') : t('{0} minutes', minutes);
}

/** A goal and its smaller versions: the original plus at most four shrinks, on every surface. */
export const MAX_GOAL_VERSIONS = 5;

/**
 * Bandura: a proximal goal should feel doable. Below the threshold (the user's setting) the goal is
 * offered to be shrunk, until it has been shrunk as often as a chain allows.
 */
export function shouldOfferShrink(confidence: number, threshold: number, versions = 1): boolean {
  return confidence < threshold && versions < MAX_GOAL_VERSIONS;
}

/** The session timer as the status bar and the dashboard both show it: elapsed, or left / over the plan. */
export function timerText(elapsedMs: number, plannedMinutes: number | undefined): { text: string; spoken: string } {
  if (plannedMinutes === undefined || plannedMinutes === 0) {
    return { text: formatDuration(elapsedMs), spoken: t('{0} elapsed', spokenDuration(elapsedMs)) };
  }
  const remaining = plannedMinutes * 60_000 - elapsedMs;
  if (remaining >= 0) {
    return { text: t('{0} left', formatDuration(remaining)), spoken: t('{0} left of {1} planned', spokenDuration(remaining), plannedMinutes) };
  }
  return { text: t('+{0} over', formatDuration(-remaining)), spoken: t('{0} over the planned {1} minutes', spokenDuration(-remaining), plannedMinutes) };
}
