import type { Journal, Pause, Session, Subgoal, Win, Outcome, Review, WinSource } from '../records/schema';
import { newId } from '../ids';
import { LIMITS } from '../limits';
import { clip } from '../text';
import { t } from '../l10n';

/** The one session with no end: sessions are global, so every window sees the same one. */
export function activeSession(journal: Journal): Session | undefined {
  return journal.sessions.find((s) => s.endedAt === undefined);
}

export function isPaused(session: Session): boolean {
  const last = session.pauses[session.pauses.length - 1];
  return last !== undefined && last.to === undefined;
}

/**
 * Focused milliseconds, computed only from timestamps: now − start − paused time.
 * Never negative, even if the clock was set back before the session started.
 */
export function elapsedMs(session: Session, now: number): number {
  const end = session.endedAt ?? now;
  let paused = 0;
  for (const pause of session.pauses) {
    const from = Math.max(pause.from, session.startedAt);
    const to = Math.min(pause.to ?? end, end);
    if (to > from) paused += to - from;
  }
  return Math.max(0, end - session.startedAt - paused);
}

/** Remaining planned milliseconds (negative once over time), or undefined when open-ended. */
export function remainingMs(session: Session, now: number): number | undefined {
  if (session.plannedMinutes === undefined) return undefined;
  return session.plannedMinutes * 60_000 - elapsedMs(session, now);
}

/** Subgoals still in play: a goal that was shrunk is replaced by its smaller version. */
export function liveSubgoals(session: Session): Subgoal[] {
  const replaced = new Set(session.subgoals.map((g) => g.shrunkFromId).filter((id) => id !== undefined));
  return session.subgoals.filter((g) => !replaced.has(g.id));
}

export function openSubgoals(session: Session): Subgoal[] {
  return liveSubgoals(session).filter((g) => g.doneAt === undefined);
}

/** The proximal subgoal being worked on now: the latest one not yet done. */
export function currentSubgoal(session: Session): Subgoal | undefined {
  const open = openSubgoals(session);
  return open[open.length - 1];
}

export interface StartInput {
  domainId: string;
  workspace: string;
  subgoals: Subgoal[];
  plannedMinutes?: number;
  cueId?: string;
}

export class SessionError extends Error {}

export function startSession(journal: Journal, input: StartInput, now: number): { journal: Journal; session: Session } {
  const running = activeSession(journal);
  if (running) throw new SessionError(t('A focus session is already running. End it before starting another.'));
  if (!journal.domains.some((d) => d.id === input.domainId)) throw new SessionError(t('That domain no longer exists.'));
  const session: Session = {
    id: newId(),
    domainId: input.domainId,
    // A folder name has no bound of its own; the record's label has one.
    workspace: clip(input.workspace, LIMITS.name),
    startedAt: now,
    pauses: [],
    subgoals: input.subgoals,
    wins: [],
    cueIds: input.cueId ? [input.cueId] : [],
    reframes: [],
    ...(input.plannedMinutes ? { plannedMinutes: input.plannedMinutes } : {}),
  };
  return { journal: { ...journal, sessions: [...journal.sessions, session] }, session };
}

/** Applies `change` to the running session with id `sessionId`; refuses ended or unknown sessions. */
export function updateRunning(journal: Journal, sessionId: string, change: (s: Session) => Session): Journal {
  const index = journal.sessions.findIndex((s) => s.id === sessionId);
  const session = journal.sessions[index];
  if (!session) throw new SessionError(t('That session no longer exists.'));
  if (session.endedAt !== undefined) throw new SessionError(t('That session has already ended.'));
  const sessions = journal.sessions.slice();
  sessions[index] = change(session);
  return { ...journal, sessions };
}

export function newSubgoal(text: string, confidence: number, now: number, shrunkFromId?: string): Subgoal {
  return { id: newId(), text, confidence, createdAt: now, ...(shrunkFromId ? { shrunkFromId } : {}) };
}

export function addSubgoals(session: Session, goals: Subgoal[]): Session {
  return { ...session, subgoals: [...session.subgoals, ...goals] };
}

/** A win as it is logged: all a win records but its id and time, its source manual unless said. */
export type NewWin = Omit<Win, 'id' | 'at' | 'ed' | 'source'> & { source?: WinSource };

export function logWin(session: Session, win: NewWin, now: number): { session: Session; win: Win } {
  // Whatever else the win carries is kept as it came; "mine" is what an absent author means.
  const { text, source, by, ...rest } = win;
  // The fields in the order a win has always been stored in, the rest after them.
  const entry: Win = { id: newId(), text, at: now, source: source ?? 'manual', ...rest, ...(by && by !== 'mine' ? { by } : {}) };
  let subgoals = session.subgoals;
  if (win.subgoalId) {
    if (!subgoals.some((g) => g.id === win.subgoalId)) throw new SessionError(t('That subgoal is not part of this session.'));
    subgoals = subgoals.map((g) => (g.id === win.subgoalId ? { ...g, doneAt: now, outcome: 'met' as const } : g));
  }
  return { session: { ...session, subgoals, wins: [...session.wins, entry] }, win: entry };
}

export function pause(session: Session, now: number): Session {
  if (isPaused(session)) return session;
  return { ...session, pauses: [...session.pauses, { from: now }] };
}

export function resume(session: Session, now: number): Session {
  if (!isPaused(session)) return session;
  const pauses = session.pauses.slice();
  const last = pauses[pauses.length - 1] as Pause;
  pauses[pauses.length - 1] = { ...last, to: Math.max(now, last.from) };
  return { ...session, pauses };
}

/** Excludes a stretch the machine was asleep from focused time, recorded as an "away" pause. */
export function excludeAway(session: Session, from: number, to: number): Session {
  if (to <= from || isPaused(session)) return session;
  return { ...session, pauses: [...session.pauses, { from, to, away: true }] };
}

export function extendPlan(session: Session, minutes: number, now: number): Session {
  // Extending an open-ended or overrun plan counts from the focused time so far.
  const elapsedMinutes = Math.ceil(elapsedMs(session, now) / 60_000);
  const base = Math.max(session.plannedMinutes ?? 0, elapsedMinutes);
  return { ...session, plannedMinutes: Math.min(base + minutes, 24 * 60) };
}

export function addCue(session: Session, cueId: string): Session {
  if (session.cueIds.includes(cueId)) return session;
  return { ...session, cueIds: [...session.cueIds, cueId] };
}

export function endSession(
  session: Session,
  outcomes: Record<string, Outcome>,
  review: Review | undefined,
  now: number,
): Session {
  const closed = resume(session, now);
  const subgoals = closed.subgoals.map((g) => {
    const outcome = outcomes[g.id] ?? g.outcome;
    return outcome ? { ...g, outcome } : g;
  });
  return { ...closed, subgoals, endedAt: Math.max(now, session.startedAt), ...(review ? { review } : {}) };
}

export type SessionResult = 'success' | 'mixed' | 'setback' | 'none';

/** Success when every subgoal was met, setback when none was, mixed otherwise. */
export function sessionResult(outcomes: readonly Outcome[]): SessionResult {
  if (outcomes.length === 0) return 'none';
  if (outcomes.every((o) => o === 'met')) return 'success';
  if (outcomes.every((o) => o === 'missed')) return 'setback';
  return 'mixed';
}
