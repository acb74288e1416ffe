import { mergeSessions } from '../../core/records/merge';
import { activeSession, updateRunning } from '../../core/practices/session';
import type { ActionServices } from './notices';

/**
 * Records which window announces the planned end of this plan, so that only one of them does: each
 * window writes its claim, the merge keeps one, and the window whose claim survived announces.
 */
export async function claimPlannedEnd(s: Pick<ActionServices, 'store'>, o: { sessionId: string; plannedMinutes: number; windowId: string }): Promise<void> {
  await s.store.apply((j) => {
    const running = activeSession(j);
    if (running?.id !== o.sessionId) return j;
    const claim = { plannedMinutes: o.plannedMinutes, by: o.windowId };
    return updateRunning(j, o.sessionId, (session) => mergeSessions(session, { ...session, announced: claim }));
  });
}
