import type { Journal, TweakOutcome } from '../records/schema';
import { listOf, t } from '../l10n';
import { clip } from '../text';
import { addWeeks } from '../time';
import { sameTextKey } from './normalize';

/** A slip cue that keeps coming back, and what the user said about the tweaks written against it. */
export interface SlipPattern {
  /** The cue as the user last typed it. */
  cue: string;
  slips: number;
  /** The sessions whose slip reviews named this cue, oldest first. */
  sessionIds: string[];
  helped: number;
  notHelped: number;
  notTried: number;
  /** When this cue was last named. */
  lastAt: number;
}

/** The sentence says "in 4 weeks", so the window is a literal four calendar weeks. */
const WINDOW_WEEKS = 4;

/** Where the slip patterns' window starts: a view must hold every session reviewed since. */
export function slipWindowStart(now: number): number {
  return addWeeks(now, -WINDOW_WEEKS);
}
/** Twice can be chance; the third time is a pattern worth planning for. */
const MIN_SLIPS = 3;
/** A cue is a short phrase; a longer one is clipped so the sentence stays readable. */
const CUE_LENGTH = 80;

/** The latest answer about each session's tweak, by that session's id. */
function tweakAnswers(journal: Journal): Map<string, { outcome: TweakOutcome; at: number }> {
  const answers = new Map<string, { outcome: TweakOutcome; at: number }>();
  for (const s of journal.sessions) {
    const answer = s.review?.tweak;
    if (!s.review || !answer) continue;
    const known = answers.get(answer.of);
    if (!known || s.review.at >= known.at) answers.set(answer.of, { outcome: answer.outcome, at: s.review.at });
  }
  return answers;
}

/** Slips grouped by cue as the same text (sameTextKey), each group showing the cue as last typed. */
function groupByCue(slips: readonly { id: string; cue: string; at: number }[]): SlipPattern[] {
  const groups = new Map<string, SlipPattern>();
  for (const slip of [...slips].sort((a, b) => a.at - b.at)) {
    const key = sameTextKey(slip.cue);
    const group = groups.get(key) ?? { cue: '', slips: 0, sessionIds: [], helped: 0, notHelped: 0, notTried: 0, lastAt: 0 };
    group.cue = clip(slip.cue, CUE_LENGTH);
    group.slips++;
    group.sessionIds.push(slip.id);
    group.lastAt = slip.at;
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * Slip cues named 3 or more times in slip reviews of the last four weeks, however they were
 * capitalised or punctuated, each with how its tweaks fared at later reviews. Most frequent first.
 */
export function recurringSlipCues(journal: Journal, now: number): SlipPattern[] {
  const since = slipWindowStart(now);
  const slips = journal.sessions.flatMap((s) =>
    s.review?.slip && s.review.at > since && s.review.at <= now ? [{ id: s.id, cue: s.review.slip.cue, at: s.review.at }] : [],
  );
  const recurring = groupByCue(slips).filter((g) => g.slips >= MIN_SLIPS);
  const answers = tweakAnswers(journal);
  for (const g of recurring) {
    for (const id of g.sessionIds) {
      const outcome = answers.get(id)?.outcome;
      if (outcome) g[outcome]++;
    }
  }
  return recurring.sort((a, b) => b.slips - a.slips || b.lastAt - a.lastAt);
}

// English says "once" and "twice", so each count has its own literal for translators.
const helpedTimes = (n: number) => (n === 1 ? t('helped once') : n === 2 ? t('helped twice') : t('helped {0} times', n));
const notHelpedTimes = (n: number) => (n === 1 ? t('did not help once') : n === 2 ? t('did not help twice') : t('did not help {0} times', n));
const notTriedTimes = (n: number) => (n === 1 ? t('went untried once') : n === 2 ? t('went untried twice') : t('went untried {0} times', n));

/**
 * "\"Slack pings\" triggered 3 slips in 4 weeks; its tweaks helped once and did not help twice."
 * Only the answers the record holds are named; with none yet, it says so.
 */
export function slipPatternSentence(pattern: SlipPattern): string {
  const fared = [
    pattern.helped > 0 ? helpedTimes(pattern.helped) : undefined,
    pattern.notHelped > 0 ? notHelpedTimes(pattern.notHelped) : undefined,
    pattern.notTried > 0 ? notTriedTimes(pattern.notTried) : undefined,
  ].filter((part) => part !== undefined);
  const one = pattern.slips === 1;
  if (fared.length === 0) {
    return one
      ? t('"{0}" triggered 1 slip in 4 weeks; no review has said yet whether its tweak helped.', pattern.cue)
      : t('"{0}" triggered {1} slips in 4 weeks; no review has said yet whether its tweaks helped.', pattern.cue, pattern.slips);
  }
  return one
    ? t('"{0}" triggered 1 slip in 4 weeks; its tweak {1}.', pattern.cue, listOf(fared))
    : t('"{0}" triggered {1} slips in 4 weeks; its tweaks {2}.', pattern.cue, pattern.slips, listOf(fared));
}
