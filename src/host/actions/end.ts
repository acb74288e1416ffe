import { nextStamp } from '../../core/records/stamp';
import { reviewFeedback, endWithReview } from '../../core/practices/reviewFeedback';
import { domainLabel } from '../../core/records/journal';
import type { Journal, Outcome, SlipReview } from '../../core/records/schema';
import type { ReviewAnswers } from '../../core/practices/answers';
import { abilityPattern } from '../../core/coach';
import { tweakStillOpenOf } from '../../core/figures/aggregateQueries';
import { liveSubgoals, SessionError } from '../../core/practices/session';
import { t } from '../../core/l10n';
import { mergeJournals } from '../../core/records/merge';
import { emptyJournal } from '../../core/records/schema';
import { runningSession } from './inSession';
import { info } from './notices';
import type { ActionServices, Done } from './notices';
import { coachView } from '../storage/views';

/**
 * Ends the running session with its review: an outcome for every subgoal, the attribution, and a
 * slip review when something was missed. The feedback follows the seeds and cites the record.
 */
export async function endSession(s: ActionServices, o: ReviewAnswers): Promise<Done<string>> {
  const now = s.clock();
  const running = runningSession(s.store.live, o.sessionId);
  const openTweak = o.tweak ? tweakStillOpenOf((await coachView(s.store, now)).totals, running.domainId) : undefined;
  const feedback = await s.store.update((journal) => {
    const session = runningSession(journal, o.sessionId);
    const outcomes: Record<string, Outcome> = Object.create(null) as Record<string, Outcome>;
    for (const goal of liveSubgoals(session)) {
      const outcome = o.outcomes.find((entry) => entry.subgoalId === goal.id)?.outcome;
      if (!outcome) throw new SessionError(t('Choose met, partly or missed for "{0}".', goal.text));
      outcomes[goal.id] = outcome;
    }
    const attribution = { ...o.attribution, text: o.attribution.text.trim() };
    const text = reviewFeedback(session, outcomes, attribution, domainLabel(journal, session.domainId));
    const missed = Object.values(outcomes).includes('missed');
    const review = {
      at: now,
      attribution,
      feedback: text,
      ...(o.slip && missed ? { slip: o.slip } : {}),
      ...(openTweak && o.tweak ? { tweak: { of: openTweak.sessionId, outcome: o.tweak } } : {}),
    };
    return { journal: endWithReview(journal, session.id, outcomes, review, now), result: text };
  });
  // A pattern in how setbacks were explained is named from the record, at the review.
  const pattern = abilityPattern((await coachView(s.store, now)).records);
  return { value: feedback, notices: [info(feedback), ...(pattern ? [info(pattern)] : [])] };
}

/** A slip review added after the end (the quick review offers it one click away, with the feedback). */
export async function addSlipReview(s: ActionServices, o: { sessionId: string; slip: SlipReview }): Promise<Done<undefined>> {
  // The session just reviewed is among the recent records; the whole history is read only for an older one.
  const find = (journal: Journal) => journal.sessions.find((x) => x.id === o.sessionId);
  const session = find((await coachView(s.store, s.clock())).records) ?? find(await s.store.history());
  if (!session?.review) throw new SessionError(t('That session has no review to add a slip review to.'));
  const revised = { ...session, ed: nextStamp(session.ed, { now: s.clock(), writer: s.device }), review: { ...session.review, slip: o.slip } };
  await s.store.apply((live) => mergeJournals(live, { ...emptyJournal(), sessions: [revised] }));
  return { value: undefined, notices: [info(t('Slip review saved: your tweak comes back at your next start in this domain.'))] };
}
