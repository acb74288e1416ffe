import { attributionFeedback } from './attribution';
import type { Attribution, Journal, Outcome, Review, Session } from '../records/schema';
import { endSession, sessionResult } from './session';

/** The seeds' feedback for a reviewed session, citing its own record. */
export function reviewFeedback(session: Session, outcomes: Record<string, Outcome>, attribution: Attribution, domainName: string): string {
  const values = Object.values(outcomes);
  return attributionFeedback(sessionResult(values), attribution, {
    wins: session.wins.length,
    met: values.filter((o) => o === 'met').length,
    total: values.length,
    domainName,
  });
}

/**
 * Ends the latest stored copy of the session, so wins logged in another window during the review are
 * kept; a session already ended elsewhere keeps that ending.
 */
export function endWithReview(journal: Journal, sessionId: string, outcomes: Record<string, Outcome>, review: Review, now: number): Journal {
  return {
    ...journal,
    sessions: journal.sessions.map((s) => (s.id === sessionId && s.endedAt === undefined ? endSession(s, outcomes, review, now) : s)),
  };
}
