import type { Encouragement, Journal, Session, Win } from '../records/schema';

export interface EvidenceWin extends Win {
  domainId: string;
}

export interface Evidence {
  wins: EvidenceWin[];
  encouragements: Encouragement[];
}

/**
 * Recent wins and recorded encouragement for a domain (or every domain), newest first. Keeps only the
 * newest `limit` wins as it walks, so five years of history cost one pass and no big sort. (How many
 * wins there are in all comes from the totals, not from records that may be only the recent ones.)
 */
export function evidenceFor(journal: Journal, domainId: string | undefined, limit = 20): Evidence {
  // Walk from the end, where the newest records usually are, so most wins fail the first comparison.
  const newest: { win: Win; domainId: string }[] = [];
  for (let si = journal.sessions.length - 1; si >= 0; si--) {
    const s = journal.sessions[si] as Session;
    if (domainId && s.domainId !== domainId) continue;
    for (let wi = s.wins.length - 1; wi >= 0; wi--) {
      const win = s.wins[wi] as Win;
      if (newest.length === limit && (newest[limit - 1]?.win.at ?? Infinity) > win.at) continue;
      // Ties keep their recorded order, as a stable sort would: walking backwards, a tie met later was recorded earlier.
      let i = newest.length;
      while (i > 0 && (newest[i - 1] as { win: Win }).win.at <= win.at) i--;
      newest.splice(i, 0, { win, domainId: s.domainId });
      if (newest.length > limit) newest.pop();
    }
  }
  const wins = newest.map(({ win, domainId }) => ({ ...win, domainId }));
  const encouragements = journal.encouragements
    .filter((e) => !domainId || e.domainId === undefined || e.domainId === domainId)
    .sort((a, b) => b.at - a.at);
  return { wins, encouragements: encouragements.slice(0, limit) };
}

/** Every win logged since `since`, newest first, with its domain (today's wins, across domains). */
export function winsSince(journal: Journal, since: number): EvidenceWin[] {
  const wins: EvidenceWin[] = [];
  for (const s of journal.sessions) {
    if (s.endedAt !== undefined && s.endedAt < since) continue;
    for (const w of s.wins) if (w.at >= since) wins.push({ ...w, domainId: s.domainId });
  }
  return wins.sort((a, b) => b.at - a.at);
}
