import type { Journal, Session, Tombstone } from '../../src/core/records/schema';
import { emptyJournal, MAX_ITEMS, SCHEMA_VERSION } from '../../src/core/records/schema';
import { EXPORT_FORMAT } from '../../src/core/records/transfer';
import { LIMITS } from '../../src/core/limits';
import { random } from './random';

const DAY = 86_400_000;

/** What a hostile file was made of, so a failing seed says which mix it was. */
export type Hostility =
  | 'duplicateSession' | 'duplicateWin' | 'duplicateDomain' | 'phantomTombstones' | 'intoMissing' | 'intoWrongKind'
  | 'intoChain' | 'intoCycle' | 'hugeRevision' | 'futureRunning' | 'listsAtCap' | 'maxText' | 'editsOfKnown' | 'deletesOfKnown';

export const HOSTILITIES: readonly Hostility[] = [
  'duplicateSession', 'duplicateWin', 'duplicateDomain', 'phantomTombstones', 'intoMissing', 'intoWrongKind',
  'intoChain', 'intoCycle', 'hugeRevision', 'futureRunning', 'listsAtCap', 'maxText', 'editsOfKnown', 'deletesOfKnown',
];

/** An ordinary journal of `sessions` ended sessions in two domains, with wins, a cue and a rating: what an import lands in. */
export function ordinaryJournal(sessions: number, now: number, prefix = 'h'): Journal {
  const journal = emptyJournal();
  journal.domains.push({ id: `${prefix}d1`, name: `${prefix} parser tests`, createdAt: now - 400 * DAY }, { id: `${prefix}d2`, name: `${prefix} sql`, createdAt: now - 400 * DAY });
  journal.cues.push({ id: `${prefix}c1`, instruction: 'Run the tests first', createdAt: now - 400 * DAY, uses: 3 });
  journal.ratings.push({ id: `${prefix}r1`, domainId: `${prefix}d1`, at: now - 300 * DAY, value: 40 });
  for (let i = 0; i < sessions; i++) {
    const at = now - 300 * DAY + i * 3_600_000;
    journal.sessions.push({
      id: `${prefix}s${i}`, domainId: i % 2 ? `${prefix}d2` : `${prefix}d1`, workspace: 'w', startedAt: at, endedAt: at + 1_800_000, pauses: [], cueIds: [`${prefix}c1`], reframes: [],
      subgoals: [{ id: `${prefix}g${i}`, text: `Goal ${i}`, confidence: 8, createdAt: at, outcome: 'met', doneAt: at + 60_000 }],
      wins: [{ id: `${prefix}w${i}`, text: `Win ${i}`, at: at + 60_000, source: 'manual' }],
    });
  }
  return journal;
}

/**
 * A file made from `base` (the journal it lands in, or another) with a seeded mix of hostile parts:
 * duplicate ids, phantom and `into` tombstones (missing, wrong kind, chains, cycles), huge revisions
 * and future times, lists at their caps, texts at their limits, and the ordinary edits and deletions
 * an export carries. Returns the file's text and what it holds.
 */
export function hostileFile(base: Journal, seed: number, now: number): { text: string; mix: Hostility[] } {
  const rnd = random(seed);
  const journal = structuredClone<Journal>(base);
  const mix = HOSTILITIES.filter(() => rnd() < 0.25);
  const sessions = journal.sessions;
  const pickSession = (): Session | undefined => sessions[Math.floor(rnd() * sessions.length)];
  const tomb = (t: Tombstone) => journal.deleted.push(t);
  for (const kind of mix) {
    const s = pickSession();
    switch (kind) {
      case 'duplicateSession':
        if (s) sessions.push({ ...structuredClone(s), workspace: 'copy' });
        break;
      case 'duplicateWin':
        if (s && s.wins[0]) s.wins.push({ ...s.wins[0], text: 'The other win' });
        break;
      case 'duplicateDomain':
        if (journal.domains[0]) journal.domains.push({ ...journal.domains[0], name: 'Another name' });
        break;
      case 'phantomTombstones':
        for (let i = 0; i < 1 + Math.floor(rnd() * 500); i++) tomb({ id: `phantom${seed}x${i}`, at: now - DAY });
        break;
      case 'intoMissing':
        if (s) tomb({ id: s.id, at: now - DAY, into: `nowhere${seed}` });
        break;
      case 'intoWrongKind':
        if (s && journal.domains[0]) tomb({ id: s.id, at: now - DAY, into: journal.domains[0].id });
        break;
      case 'intoChain': {
        const [a, b, c] = [pickSession(), pickSession(), pickSession()];
        if (a && b && c && a.id !== b.id && b.id !== c.id && a.id !== c.id) {
          tomb({ id: a.id, at: now - DAY, into: b.id });
          tomb({ id: b.id, at: now - DAY, into: c.id });
        }
        break;
      }
      case 'intoCycle': {
        const [a, b] = [pickSession(), pickSession()];
        if (a && b && a.id !== b.id) {
          tomb({ id: a.id, at: now - DAY, into: b.id });
          tomb({ id: b.id, at: now - DAY, into: a.id });
        }
        break;
      }
      case 'hugeRevision':
        if (s) s.ed = `${Date.UTC(2199, 0, 1)}.999999999.future`;
        break;
      case 'futureRunning':
        sessions.push({ id: `future${seed}`, domainId: journal.domains[0]?.id ?? 'd', workspace: 'w', startedAt: now + (2 + Math.floor(rnd() * 3000)) * DAY, pauses: [], subgoals: [], wins: [], cueIds: [], reframes: [] });
        break;
      case 'listsAtCap':
        if (s) s.cueIds = Array.from({ length: MAX_ITEMS.cueIdsPerSession }, (_, i) => `cap${i}`);
        break;
      case 'maxText':
        if (s && s.wins[0]) s.wins[0] = { ...s.wins[0], text: 'x'.repeat(LIMITS.text), ed: `${now - DAY}.0.other` };
        break;
      case 'editsOfKnown':
        if (s && s.subgoals[0]) s.subgoals[0] = { ...s.subgoals[0], text: `${s.subgoals[0].text} (edited)`, ed: `${now - DAY}.1.other` };
        break;
      case 'deletesOfKnown':
        if (s && s.wins[0]) tomb({ id: s.wins[0].id, at: now - DAY });
        break;
    }
  }
  return { text: JSON.stringify({ format: EXPORT_FORMAT, version: SCHEMA_VERSION, exportedAt: now, journal }), mix };
}
