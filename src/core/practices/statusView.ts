import type { Journal, Session } from '../records/schema';
import { activeSession, currentSubgoal, elapsedMs, isPaused } from './session';
import { timerText } from './plan';
import { domainLabel } from '../records/journal';
import { revealBidi } from '../text';
import { forLabel } from '../userText';
import { t, winCount } from '../l10n';

export interface StatusView {
  text: string;
  tooltip: string;
  accessibilityLabel: string;
  running: boolean;
}

/** What the status bar shows, from the journal and the time alone. */
export interface StatusOptions {
  showDomain: boolean;
  elapsedFloor?: number;
  /** Wins the editor noticed and the user has not answered yet. */
  suggestions?: number;
  /** A win's brief acknowledgment, shown in place of the win count for a few seconds. */
  flash?: string;
  /** What is due (a reflection, a reassessment), said in the tooltip rather than in a notification. */
  due?: readonly string[];
}

export function statusView(journal: Journal, now: number, o: StatusOptions): StatusView {
  const session = activeSession(journal);
  if (!session) {
    return {
      text: `$(target) ${t('Start focus')}`,
      tooltip: [t('Small Wins: start a focus session'), ...(o.due ?? [])].join('\n'),
      accessibilityLabel: t('Small Wins: no session running. Activate to start a focus session.'),
      running: false,
    };
  }
  return sessionView(journal, session, now, o);
}

function sessionView(journal: Journal, session: Session, now: number, o: StatusOptions): StatusView {
  const elapsed = Math.max(elapsedMs(session, now), o.elapsedFloor ?? 0);
  const paused = isPaused(session);
  const domain = forLabel(domainLabel(journal, session.domainId));
  const wins = session.wins.length;
  const { text: time, spoken: spokenTime } = timerText(elapsed, session.plannedMinutes);
  const parts = [paused ? `$(debug-pause) ${t('{0} paused', time)}` : `$(clock) ${time}`];
  if (o.showDomain) parts.push(domain);
  parts.push(o.flash ? `$(check) ${forLabel(o.flash)}` : `$(star-full) ${wins}`);
  const suggested = o.suggestions ?? 0;
  if (suggested > 0) parts.push(`$(lightbulb) ${suggested}`);
  const goal = currentSubgoal(session);
  const cue = journal.cues.find((c) => c.id === session.cueIds[session.cueIds.length - 1]);
  const winsText = winCount(wins);
  const tooltip = [
    paused ? t('Small Wins — {0} (paused)', domain) : t('Small Wins — {0}', domain),
    goal ? t('Subgoal: {0} (confidence {1}/10)', revealBidi(goal.text), goal.confidence) : t('All subgoals done: add one or log a micro-win'),
    cue ? t('Cue: {0}', revealBidi(cue.instruction)) : t('No cue yet'),
    t('{0} · click for session actions', suggested === 0 ? winsText : suggested === 1 ? t('1 suggested win to review') : t('{0} suggested wins to review', suggested)),
    ...(o.due ?? []),
  ].join('\n');
  const spokenWins = suggested > 0 ? t('{0}, {1} suggested', winsText, suggested) : winsText;
  return {
    text: parts.join(' · '),
    tooltip,
    accessibilityLabel: paused
      ? t('Small Wins session on {0}, paused: {1}, {2}. Activate for session actions.', domain, spokenTime, spokenWins)
      : t('Small Wins session on {0}: {1}, {2}. Activate for session actions.', domain, spokenTime, spokenWins),
    running: !paused,
  };
}
