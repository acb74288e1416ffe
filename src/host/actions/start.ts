import { levelScoresOf, recordFacts } from '../../core/figures/aggregateQueries';
import { coachView } from '../storage/views';
import { encouragementFromCredit, lastWeeksLesson, lessonSentence, modelForDoubt, modelSentence } from '../../core/coach';
import { weekStart } from '../../core/time';
import { addRating, otherDomainThisWeek } from '../../core/records/journal';
import { MAX_GOAL_VERSIONS, plannedLengthLabel } from '../../core/practices/plan';
import type { Journal, Session, Subgoal } from '../../core/records/schema';
import { activeSession, newSubgoal, SessionError, startSession } from '../../core/practices/session';
import { t } from '../../core/l10n';
import { resolveCue, resolveDomain } from './choices';
import type { GoalDraft, StartAnswers } from '../../core/practices/answers';
import { shrinkThreshold } from '../../core/practices/start';
import { info, warn } from './notices';
import type { ActionServices, Done, Notice } from './notices';

/** The goal chain as subgoals, each smaller version linked to the one it replaces. */
export function goalChain(drafts: readonly GoalDraft[], now: number): Subgoal[] {
  if (drafts.length === 0) throw new SessionError(t('Write a subgoal first.'));
  if (drafts.length > MAX_GOAL_VERSIONS) throw new SessionError(t('A goal can be made smaller at most {0} times.', MAX_GOAL_VERSIONS - 1));
  const goals: Subgoal[] = [];
  for (const draft of drafts) goals.push(newSubgoal(draft.text, draft.confidence, now, goals[goals.length - 1]?.id));
  return goals;
}

/** At most one session runs: a start is refused, with this message, while one does. */
export function refuseIfRunning(journal: Journal): void {
  if (activeSession(journal)) throw new SessionError(t('A focus session is already running. End it before starting another.'));
}

/**
 * Starts a focus session: the domain (created when new, with its baseline rating), the goal chain, the plan and the cue, in
 * one write. Warns when a second major domain is started in a week, and below the threshold cites
 * the user's own record.
 */
export async function start(s: ActionServices, answers: StartAnswers): Promise<Done<Session>> {
  const now = s.clock();
  const goals = goalChain(answers.goals, now);
  const { session, domainName } = await s.store.update((journal) => {
    refuseIfRunning(journal);
    const withDomain = resolveDomain(journal, answers.domain, now);
    // The baseline can-do rating comes in the same write as the domain it rates.
    const rated = answers.baseline === undefined ? withDomain.journal : addRating(withDomain.journal, withDomain.domain.id, answers.baseline, now);
    const withCue = answers.cue ? resolveCue(rated, answers.cue, now, s.device) : undefined;
    const started = startSession(
      withCue?.journal ?? rated,
      {
        domainId: withDomain.domain.id,
        workspace: s.workspaceLabel(),
        subgoals: goals,
        ...(answers.plannedMinutes ? { plannedMinutes: answers.plannedMinutes } : {}),
        ...(withCue ? { cueId: withCue.cue.id } : {}),
      },
      now,
    );
    return { journal: started.journal, result: { session: started.session, domainName: withDomain.domain.name } };
  });
  await s.defaults.set({ lastDomainId: session.domainId, plannedMinutes: answers.plannedMinutes });
  const view = await coachView(s.store, now);
  const history = view.records;
  const notices: Notice[] = [];
  const other = otherDomainThisWeek(history, session.domainId, now);
  if (other) {
    notices.push(warn(t('You already worked on "{0}" this week. One major domain at a time lets belief build faster; "{1}" is fine if it is the one that matters now.', other.name, domainName)));
  }
  const chosen = goals[goals.length - 1] as Subgoal;
  const { threshold } = shrinkThreshold(s.settings(), levelScoresOf(view.totals));
  if (chosen.confidence < threshold) {
    // A moment of doubt: the user's own record, then someone like them who got there by effort.
    const record = encouragementFromCredit(recordFacts(view.totals, session.domainId, threshold), domainName);
    if (record) notices.push(info(record));
    const model = modelForDoubt(history, session.domainId);
    if (model) notices.push(info(modelSentence(model)));
    else if (!s.defaults.get().modelOffered) {
      notices.push(info(t('Someone like you who got there by visible effort helps at a moment like this: add one with "Small Wins: Add Vicarious Model".')));
      await s.defaults.set({ modelOffered: true });
    }
  }
  const length = answers.plannedMinutes ? plannedLengthLabel(answers.plannedMinutes) : t('open-ended');
  notices.push(info(t('Focus session started on {0} ({1}). First step: {2}', domainName, length, chosen.text)));
  // Last week's lesson, at the first session of the week.
  const firstThisWeek = !history.sessions.some((x) => x.id !== session.id && x.startedAt >= weekStart(now));
  const lesson = firstThisWeek ? lastWeeksLesson(history, now) : undefined;
  const lessonText = lesson && lessonSentence(lesson, now, s.language);
  if (lessonText) notices.push(info(lessonText));
  return { value: session, notices };
}
