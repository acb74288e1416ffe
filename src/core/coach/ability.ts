import type { CauseKind, Journal, Outcome, Session } from '../records/schema';
import { liveSubgoals, sessionResult } from '../practices/session';
import { t } from '../l10n';

/** The recent setbacks looked at, and how many of them put down to ability make a pattern. */
const RECENT_SETBACKS = 5;
const ABILITY_PATTERN = 2;
/** Causes the user controls and can change: the attribution seeds' answer to a setback. */
const CHANGEABLE: readonly CauseKind[] = ['effort', 'strategy'];

const outcomesOf = (s: Session): Outcome[] => liveSubgoals(s).flatMap((g) => (g.outcome ? [g.outcome] : []));

/** Anything missed counts, as in the review's feedback: a mixed session is a setback for that part. */
function isSetback(s: Session): boolean {
  const result = sessionResult(outcomesOf(s));
  return result === 'setback' || result === 'mixed';
}

interface Followed {
  sessions: number;
  met: number;
  total: number;
}

/** How the session right after each of `credited` went: subgoals met of those rated (one with none rated has nothing to cite). */
function whatFollowed(ended: readonly Session[], credited: (s: Session) => boolean): Followed {
  const out: Followed = { sessions: 0, met: 0, total: 0 };
  ended.forEach((s, i) => {
    const next = ended[i + 1];
    if (!credited(s) || !next) return;
    const outcomes = outcomesOf(next);
    if (outcomes.length === 0) return;
    out.sessions++;
    out.total += outcomes.length;
    out.met += outcomes.filter((o) => o === 'met').length;
  });
  return out;
}

/** The attribution of a reviewed setback; undefined for a success or an unreviewed session. */
const setbackCause = (s: Session): CauseKind | undefined => (s.review && isSetback(s) ? s.review.attribution.cause : undefined);

const creditedChangeable = (s: Session) => {
  const cause = setbackCause(s);
  return cause !== undefined && CHANGEABLE.includes(cause);
};

/** Whether the record bears out that crediting a changeable cause went better; cross-multiplied, so no rounding decides. */
function wentBetter(changeable: Followed, afterAbility: Followed): boolean {
  if (changeable.met === 0) return false;
  return afterAbility.total === 0 || changeable.met * afterAbility.total > afterAbility.met * changeable.total;
}

/**
 * When 2 of the last 5 reviewed setbacks were put down to ability, what the record says about the
 * alternative: how the next session (in any domain, as "your next session" says) went after
 * setbacks credited to effort or strategy. The sentence implies that crediting a changeable cause
 * went better, so it is said only when the record bears that out: something was met, and a larger
 * share than after the setbacks put down to ability (when those were followed by a session at all).
 * Undefined otherwise.
 */
export function abilityPattern(journal: Journal): string | undefined {
  const ended = journal.sessions.filter((s) => s.endedAt !== undefined).sort((a, b) => a.startedAt - b.startedAt);
  const recent = ended.filter((s) => setbackCause(s) !== undefined).slice(-RECENT_SETBACKS);
  const ability = recent.filter((s) => setbackCause(s) === 'ability').length;
  if (ability < ABILITY_PATTERN) return undefined;
  const changeable = whatFollowed(ended, creditedChangeable);
  if (!wentBetter(changeable, whatFollowed(ended, (s) => setbackCause(s) === 'ability'))) return undefined;
  return sentence(ability, recent.length, changeable);
}

function sentence(ability: number, setbacks: number, f: Followed): string {
  if (f.sessions > 1) {
    return t('{0} of your last {1} setbacks were put down to ability. When you credited effort or strategy instead, the sessions that followed met {2} of {3} subgoals.', ability, setbacks, f.met, f.total);
  }
  return f.total === 1
    ? t('{0} of your last {1} setbacks were put down to ability. When you credited effort or strategy instead, your next session met {2} of 1 subgoal.', ability, setbacks, f.met)
    : t('{0} of your last {1} setbacks were put down to ability. When you credited effort or strategy instead, your next session met {2} of {3} subgoals.', ability, setbacks, f.met, f.total);
}
