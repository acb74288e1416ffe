import type { Journal, Session } from './schema';
import { activeSession, currentSubgoal, elapsedMs, isPaused } from './session';
import { formatDuration, spokenDuration } from './time';
import { revealBidi } from './text';

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
}

export function statusView(journal: Journal, now: number, o: StatusOptions): StatusView {
  const session = activeSession(journal);
  if (!session) {
    return {
      text: '$(target) Start focus',
      tooltip: 'Small Wins: start a focus session',
      accessibilityLabel: 'Small Wins: no session running. Activate to start a focus session.',
      running: false,
    };
  }
  return sessionView(journal, session, now, o);
}

function sessionView(journal: Journal, session: Session, now: number, o: StatusOptions): StatusView {
  const elapsed = Math.max(elapsedMs(session, now), o.elapsedFloor ?? 0);
  const remaining = session.plannedMinutes === undefined ? undefined : session.plannedMinutes * 60_000 - elapsed;
  const paused = isPaused(session);
  const domain = inert(journal.domains.find((d) => d.id === session.domainId)?.name ?? 'unknown domain');
  const wins = session.wins.length;
  let time: string;
  let spokenTime: string;
  if (remaining === undefined) {
    time = formatDuration(elapsed);
    spokenTime = `${spokenDuration(elapsed)} elapsed`;
  } else if (remaining >= 0) {
    time = `${formatDuration(remaining)} left`;
    spokenTime = `${spokenDuration(remaining)} left of ${session.plannedMinutes} planned`;
  } else {
    time = `+${formatDuration(-remaining)} over`;
    spokenTime = `${spokenDuration(-remaining)} over the planned ${session.plannedMinutes} minutes`;
  }
  const icon = paused ? '$(debug-pause)' : '$(clock)';
  const parts = [`${icon} ${time}${paused ? ' paused' : ''}`];
  if (o.showDomain) parts.push(domain);
  parts.push(`$(star-full) ${wins}`);
  const suggested = o.suggestions ?? 0;
  if (suggested > 0) parts.push(`$(lightbulb) ${suggested}`);
  const goal = currentSubgoal(session);
  const cue = journal.cues.find((c) => c.id === session.cueIds[session.cueIds.length - 1]);
  const tooltip = [
    `Small Wins — ${domain}${paused ? ' (paused)' : ''}`,
    goal ? `Subgoal: ${revealBidi(goal.text)} (confidence ${goal.confidence}/10)` : 'All subgoals done: add one or log a micro-win',
    cue ? `Cue: ${revealBidi(cue.instruction)}` : 'No cue yet',
    suggested > 0 ? `${suggested} suggested win${suggested === 1 ? '' : 's'} to review · click for session actions` : `${wins} win${wins === 1 ? '' : 's'} · click for session actions`,
  ].join('\n');
  return {
    text: parts.join(' · '),
    tooltip,
    accessibilityLabel: `Small Wins session on ${domain}${paused ? ', paused' : ''}: ${spokenTime}, ${wins} win${wins === 1 ? '' : 's'}${suggested > 0 ? `, ${suggested} suggested` : ''}. Activate for session actions.`,
    running: !paused,
  };
}

/** User text in a status-bar label must not turn into icons: "$(x)" is broken up. */
function inert(text: string): string {
  return revealBidi(text).replace(/\$\(/g, '$\u200b(');
}
