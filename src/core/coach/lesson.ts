import type { Journal, Reflection } from '../records/schema';
import { t } from '../l10n';
import { clip } from '../text';
import { addWeeks, weekStart } from '../time';
import { calendarDate } from './dates';

/** What a weekly reflection said to carry forward. Empty answers are empty strings. */
export interface Lesson {
  doDifferently: string;
  learned: string;
  weekOf: number;
}

/** Long enough for a sentence or two, short enough for the line a prompt shows. */
const PART_LENGTH = 200;

const part = (text: string) => clip(text, PART_LENGTH);

/**
 * The newest lesson written before this week: the latest reflection from an earlier week that says
 * what to do differently or what it taught. A reflection that answered neither has no lesson to
 * bring back, so an older one that did is used instead. Undefined when there is none.
 */
export function lastWeeksLesson(journal: Journal, now: number): Lesson | undefined {
  const thisWeek = weekStart(now);
  let latest: Reflection | undefined;
  for (const r of journal.reflections) {
    if (r.weekOf >= thisWeek || (!part(r.doDifferently) && !part(r.learned))) continue;
    if (!latest || r.weekOf > latest.weekOf || (r.weekOf === latest.weekOf && r.at >= latest.at)) latest = r;
  }
  return latest && { doDifferently: part(latest.doDifferently), learned: part(latest.learned), weekOf: latest.weekOf };
}

/**
 * "Last week you said you would do differently: …; and that it taught you: …". A lesson from an
 * older week names its week instead of calling it last week; empty answers are left out.
 */
export function lessonSentence(lesson: Lesson, now: number, language: string): string | undefined {
  const { doDifferently, learned } = lesson;
  if (!doDifferently && !learned) return undefined;
  const lastWeek = weekStart(addWeeks(weekStart(now), -1));
  if (weekStart(lesson.weekOf) === lastWeek) {
    if (!learned) return t('Last week you said you would do differently: {0}', doDifferently);
    if (!doDifferently) return t('Last week you said it taught you: {0}', learned);
    return t('Last week you said you would do differently: {0}; and that it taught you: {1}', doDifferently, learned);
  }
  const week = calendarDate(lesson.weekOf, language);
  if (!learned) return t('In the week of {0} you said you would do differently: {1}', week, doDifferently);
  if (!doDifferently) return t('In the week of {0} you said it taught you: {1}', week, learned);
  return t('In the week of {0} you said you would do differently: {1}; and that it taught you: {2}', week, doDifferently, learned);
}
