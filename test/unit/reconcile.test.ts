import * as assert from 'node:assert/strict';
import { MERGE_RULES } from '../../src/core/records/merge';
import { missingFromStored, reconcile } from '../../src/core/records/reconcile';
import { addDomain } from '../../src/core/records/journal';
import { emptyJournal, collectionSchemas, subgoalSchema, winSchema, pauseSchema, reframeSchema } from '../../src/core/records/schema';
import type { Journal } from '../../src/core/records/schema';
import { endSession, logWin, newSubgoal, startSession } from '../../src/core/practices/session';

const T = Date.UTC(2026, 10, 16, 9);

function running(): { journal: Journal; sessionId: string } {
  const { journal, domain } = addDomain(emptyJournal(), 'parser tests', T);
  const started = startSession(journal, { domainId: domain.id, workspace: 'w', subgoals: [newSubgoal('g', 8, T)] }, T);
  return { journal: started.journal, sessionId: started.session.id };
}

const withWin = (journal: Journal, text: string, at: number): Journal => ({
  ...journal,
  sessions: journal.sessions.map((s) => logWin(s, { text }, at).session),
});

const ended = (journal: Journal, at: number): Journal => ({ ...journal, sessions: journal.sessions.map((s) => endSession(s, {}, undefined, at)) });

describe('reconcile (what a window knew, against what is stored)', () => {
  it('returns the stored journal itself when the window knew nothing more', () => {
    const { journal } = running();
    const stored = withWin(journal, 'a', T + 1);
    assert.equal(reconcile(stored, journal), stored);
    assert.equal(reconcile(stored, stored), stored);
  });

  it('adds back a win the stored journal lost to a stale writer', () => {
    const { journal } = running();
    const mine = withWin(journal, 'mine', T + 1);
    const theirs = withWin(journal, 'theirs', T + 2);
    const merged = reconcile(theirs, mine);
    assert.deepEqual(merged.sessions[0]?.wins.map((w) => w.text).sort(), ['mine', 'theirs']);
  });

  it('keeps a session that another window ended and archived archived, unless this window holds more', () => {
    const { journal } = running();
    const archivedCopy = ended(journal, T + 60_000);
    const stored = { ...journal, sessions: [] };
    assert.deepEqual([...(missingFromStored(stored, journal).get('sessions') ?? [])], [journal.sessions[0]?.id]);
    assert.equal(reconcile(stored, journal, archivedCopy).sessions.length, 0, 'an ended session never comes back as running');
    const late = withWin(journal, 'late win', T + 30_000);
    const back = reconcile(stored, late, archivedCopy);
    assert.equal(back.sessions.length, 1);
    assert.equal(back.sessions[0]?.endedAt, T + 60_000, 'it comes back ended, with the late win');
    assert.deepEqual(back.sessions[0]?.wins.map((w) => w.text), ['late win']);
  });
});

describe('the merge combines every field the schema has', () => {
  const nested = { subgoals: subgoalSchema, wins: winSchema, pauses: pauseSchema, reframes: reframeSchema };
  const schemas = { ...collectionSchemas, ...nested };
  for (const [name, schema] of Object.entries(schemas)) {
    it(`has a rule for each field of ${name}`, () => {
      const fields = Object.keys((schema as { shape: Record<string, unknown> }).shape).sort();
      const rules = Object.keys(MERGE_RULES[name as keyof typeof MERGE_RULES]).sort();
      assert.deepEqual(rules, fields, `a field of ${name} has no merge rule, or a rule names a field that is gone`);
    });
  }
});
