import type { Encouragement, Journal, Win } from './schema';
import { sessionCount, t, winCount } from './l10n';

export interface EvidenceWin extends Win {
  domainId: string;
}

export interface Evidence {
  wins: EvidenceWin[];
  encouragements: Encouragement[];
  totalWins: number;
}

/** Recent wins and recorded encouragement for a domain (or every domain), newest first. */
export function evidenceFor(journal: Journal, domainId: string | undefined, limit = 20): Evidence {
  const wins: EvidenceWin[] = [];
  for (const s of journal.sessions) {
    if (domainId && s.domainId !== domainId) continue;
    for (const w of s.wins) wins.push({ ...w, domainId: s.domainId });
  }
  wins.sort((a, b) => b.at - a.at);
  const encouragements = journal.encouragements
    .filter((e) => !domainId || e.domainId === undefined || e.domainId === domainId)
    .sort((a, b) => b.at - a.at);
  return { wins: wins.slice(0, limit), encouragements: encouragements.slice(0, limit), totalWins: wins.length };
}

/**
 * An encouraging sentence built only from the user's own record, for a moment of doubt such as a
 * low-confidence start. Returns undefined when the record holds nothing to cite.
 */
export function encouragementFromRecord(journal: Journal, domainId: string, domainName: string): string | undefined {
  const sessions = journal.sessions.filter((s) => s.domainId === domainId && s.endedAt !== undefined);
  const logged = sessions.reduce((n, s) => n + s.wins.length, 0);
  if (logged === 0) return undefined;
  const lowStart = sessions
    .filter((s) => s.subgoals.length > 0 && (s.subgoals[0]?.confidence ?? 10) < 7 && s.wins.length > 0)
    .pop();
  if (lowStart) {
    const rated = lowStart.subgoals[0]?.confidence ?? 0;
    const wins = lowStart.wins.length;
    return t('Last time you rated {0}/10 on {1} you logged {2}.', rated, domainName, winCount(wins));
  }
  return t('You have logged {0} on {1} across {2}.', winCount(logged), domainName, sessionCount(sessions.length));
}
