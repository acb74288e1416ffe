import { winsSince } from '../../core/practices/evidence';
import { addCue as addCueRecord, domainLabel, findCueByInstruction } from '../../core/records/journal';
import type { Journal, Session, Win, WinSource } from '../../core/records/schema';
import { activeSession, addCue, addSubgoals, excludeAway, extendPlan, isPaused, liveSubgoals, logWin as recordWin, pause, resume, SessionError, updateRunning } from '../../core/practices/session';
import { newId } from '../../core/ids';
import { dayStart } from '../../core/time';
import { t, winCount } from '../../core/l10n';
import { clip } from '../../core/text';
import { resolveCue } from './choices';
import { goalChain } from './start';
import { without } from '../../core/practices/answered';
import type { CueChoice, SubgoalAnswers, WinAnswers as AnsweredWin } from '../../core/practices/answers';
import { info } from './notices';
import type { ActionServices, Done } from './notices';
import { historyView } from '../storage/views';

/** The running session with this id, or a refusal that says it is no longer running. */
export function runningSession(journal: Journal, sessionId: string): Session {
  const session = activeSession(journal);
  if (!session || session.id !== sessionId) throw new SessionError(t('That session is no longer running.'));
  return session;
}

/** Adds a subgoal (and the smaller versions it was shrunk to) to the running session. */
export async function addSubgoal(s: ActionServices, o: SubgoalAnswers): Promise<Done<undefined>> {
  const goals = goalChain(o.goals, s.clock());
  await s.store.apply((j) => {
    runningSession(j, o.sessionId);
    return updateRunning(j, o.sessionId, (session) => addSubgoals(session, goals));
  });
  return { value: undefined, notices: [info(t('Subgoal added: {0}', goals[goals.length - 1]?.text ?? ''))] };
}

/** A win as asked on both surfaces, or noticed by the editor (its source said). */
export type WinAnswers = AnsweredWin & { source?: WinSource };

/**
 * Logs a win: a subgoal done or a micro-win. The acknowledgment (when the setting is on) cites the
 * record: wins this session and today on this domain.
 */
export async function logWin(s: ActionServices, o: WinAnswers): Promise<Done<Win>> {
  const now = s.clock();
  const { win, session } = await s.store.update((journal) => {
    const running = runningSession(journal, o.sessionId);
    const goal = o.subgoalId ? liveSubgoals(running).find((g) => g.id === o.subgoalId && g.doneAt === undefined) : undefined;
    if (o.subgoalId && !goal) throw new SessionError(t('That subgoal is not open in this session.'));
    const text = goal?.text ?? o.text?.trim();
    if (!text) throw new SessionError(t('Name the win first.'));
    // The rest of the answers is the win's own, handed on as it is: a field added to them is kept without a line here.
    const said = without(o, 'sessionId', 'subgoalId', 'text');
    let logged: { session: Session; win: Win } | undefined;
    const next = updateRunning(journal, o.sessionId, (current) => {
      logged = recordWin(current, { ...said, text, ...(goal ? { subgoalId: goal.id } : {}) }, now);
      return logged.session;
    });
    return { journal: next, result: logged as { session: Session; win: Win } };
  });
  if (!s.settings().acknowledgeWins) return { value: win, notices: [] };
  const today = winsSince((await historyView(s.store, now, { since: dayStart(now) })).records, dayStart(now)).filter((w) => w.domainId === session.domainId).length;
  const domain = domainLabel(s.store.live, session.domainId);
  const text = t('"{0}" — that is {1} this session and {2} today on {3}. Take a breath and notice it.', clip(win.text, 80), winCount(session.wins.length), today, domain);
  return { value: win, notices: [{ kind: 'ack', text, brief: t('win {0} · {1} today', session.wins.length, today) }] };
}

/** Logs a win the editor noticed, with its source, once the user accepts it. */
export async function acceptSuggestion(s: ActionServices, o: { id: string }): Promise<Done<Win>> {
  const suggestion = s.suggestions.list().find((item) => item.id === o.id);
  if (!suggestion) throw new SessionError(t('That suggestion is no longer there.'));
  const session = activeSession(s.store.live);
  if (!session) throw new SessionError(t('That session is no longer running.'));
  // Wins noticed in commits and tasks count as done with AI help when the user says they usually are.
  const by = s.settings().commitsWithAiHelp ? ('assisted' as const) : undefined;
  const done = await logWin(s, { sessionId: session.id, text: suggestion.text, source: suggestion.source, ...(by ? { by } : {}) });
  s.suggestions.dismiss(o.id);
  return done;
}

export async function togglePause(s: ActionServices, o: { sessionId: string }): Promise<Done<boolean>> {
  const now = s.clock();
  const paused = await s.store.update((j) => {
    const running = runningSession(j, o.sessionId);
    const wasPaused = isPaused(running);
    return { journal: updateRunning(j, o.sessionId, (session) => (wasPaused ? resume(session, now) : pause(session, now))), result: !wasPaused };
  });
  return { value: paused, notices: [info(paused ? t('Session paused. The timer waits for you.') : t('Session resumed.'))] };
}

/** Sets the instructional self-talk cue, on the running session when there is one. */
export async function useCue(s: ActionServices, choice: CueChoice): Promise<Done<undefined>> {
  const instruction = await s.store.update((journal) => {
    const { journal: next, cue } = resolveCue(journal, choice, s.clock(), s.device);
    const session = activeSession(next);
    return { journal: session ? updateRunning(next, session.id, (current) => addCue(current, cue.id)) : next, result: cue.instruction };
  });
  return { value: undefined, notices: [info(t('Your cue: {0}', instruction))] };
}

/** Keeps a tweak that worked (or any instruction) as a saved self-talk cue; the same text is not saved twice. */
export async function saveCue(s: ActionServices, instruction: string): Promise<Done<undefined>> {
  await s.store.apply((journal) => {
    return findCueByInstruction(journal, instruction) ? journal : addCueRecord(journal, instruction.trim(), undefined, s.clock()).journal;
  });
  return { value: undefined, notices: [info(t('Your cue: {0}', instruction.trim()))] };
}

/** Keeps a reappraised bodily signal on the running session; without one it says how to keep it. */
export async function keepReframe(s: ActionServices, o: { signal: string; reframe: string }): Promise<Done<boolean>> {
  const now = s.clock();
  const kept = await s.store.update((journal) => {
    const running = activeSession(journal);
    if (!running) return { journal, result: false };
    const next = updateRunning(journal, running.id, (session) => ({ ...session, reframes: [...session.reframes, { id: newId(), signal: o.signal, reframe: o.reframe, at: now }] }));
    return { journal: next, result: true };
  });
  return { value: kept, notices: kept ? [] : [info(t('Start a focus session to keep reframes in your journal.'))] };
}

/** Time the user said does not count (the machine slept, or they were away) becomes an "away" pause. */
export async function excludeAwayTime(s: ActionServices, o: { sessionId: string; from: number; to: number }): Promise<Done<undefined>> {
  await s.store.apply((j) => (activeSession(j)?.id === o.sessionId ? updateRunning(j, o.sessionId, (session) => excludeAway(session, o.from, o.to)) : j));
  return { value: undefined, notices: [] };
}

/** "+10 min" at the planned end. */
export async function extendPlannedTime(s: ActionServices, o: { sessionId: string; minutes: number }): Promise<Done<undefined>> {
  await s.store.apply((j) => (activeSession(j)?.id === o.sessionId ? updateRunning(j, o.sessionId, (session) => extendPlan(session, o.minutes, s.clock())) : j));
  return { value: undefined, notices: [] };
}
