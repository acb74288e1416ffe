import type { Journal, Win } from '../records/schema';
import { sessionCount, t, winCount } from '../l10n';

/** Wins by who did them: the user's own (also when unmarked), with AI help, and the assistant's. */
export interface WinsByAuthor {
  mine: number;
  assisted: number;
  assistant: number;
}

export function winsByAuthor(wins: readonly Pick<Win, 'by'>[]): WinsByAuthor {
  const counts: WinsByAuthor = { mine: 0, assisted: 0, assistant: 0 };
  for (const w of wins) counts[w.by ?? 'mine']++;
  return counts;
}

/** The wins that are the user's mastery experience: their own and those done with AI help, not the assistant's. */
const yours = (c: WinsByAuthor) => c.mine + c.assisted;

/** How much of the user's part had AI help: decides between "(3 of them with AI help)", "with AI help" and nothing. */
function help(c: WinsByAuthor): 'none' | 'some' | 'all' {
  if (c.assisted === 0) return 'none';
  return c.assisted === yours(c) ? 'all' : 'some';
}

/** What the sentence "from your record" cites: counted from records here, or summed from per-month aggregates (core/figures/aggregateQueries.ts recordFacts). */
export interface CreditFacts {
  /** The wins of the domain's ended sessions by author, and how many sessions those are. */
  wins: WinsByAuthor;
  sessions: number;
  /** The latest ended session that began with a first subgoal under the threshold and logged a win of the user's own. */
  lowStart?: { confidence: number; wins: WinsByAuthor };
}

function creditFacts(journal: Journal, domainId: string, threshold: number): CreditFacts {
  const sessions = journal.sessions.filter((s) => s.domainId === domainId && s.endedAt !== undefined);
  const lowStart = sessions.filter((s) => s.subgoals.length > 0 && (s.subgoals[0]?.confidence ?? 10) < threshold && yours(winsByAuthor(s.wins)) > 0).pop();
  return {
    wins: winsByAuthor(sessions.flatMap((s) => s.wins)),
    sessions: sessions.length,
    ...(lowStart ? { lowStart: { confidence: lowStart.subgoals[0]?.confidence ?? 0, wins: winsByAuthor(lowStart.wins) } } : {}),
  };
}

/**
 * The sentence from the user's record, with credit where it is due: it cites the wins the user did,
 * says how many of them had AI help, and leaves the assistant's own wins out of "you logged".
 * Undefined when the user has no win of their own in the domain to cite.
 */
export function encouragementFromCredit(facts: CreditFacts, domainName: string): string | undefined {
  if (yours(facts.wins) === 0) return undefined;
  if (facts.lowStart) return lowStartSentence(facts.lowStart, domainName);
  const logged = winCount(yours(facts.wins));
  const across = sessionCount(facts.sessions);
  switch (help(facts.wins)) {
    case 'none':
      return t('You have logged {0} on {1} across {2}.', logged, domainName, across);
    case 'some':
      return t('You have logged {0} on {1} across {2} ({3} of them with AI help).', logged, domainName, across, facts.wins.assisted);
    case 'all':
      return t('You have logged {0} on {1} across {2}, with AI help.', logged, domainName, across);
  }
}

export function encouragementFromRecordWithCredit(journal: Journal, domainId: string, domainName: string, threshold: number): string | undefined {
  return encouragementFromCredit(creditFacts(journal, domainId, threshold), domainName);
}

/** The last session started below the threshold that still produced wins of the user's own. */
function lowStartSentence(start: { confidence: number; wins: WinsByAuthor }, domainName: string): string {
  const rated = start.confidence;
  const counts = start.wins;
  const logged = winCount(yours(counts));
  switch (help(counts)) {
    case 'none':
      return t('Last time you rated {0}/10 on {1} you logged {2}.', rated, domainName, logged);
    case 'some':
      return t('Last time you rated {0}/10 on {1} you logged {2} ({3} of them with AI help).', rated, domainName, logged, counts.assisted);
    case 'all':
      return t('Last time you rated {0}/10 on {1} you logged {2}, with AI help.', rated, domainName, logged);
  }
}
