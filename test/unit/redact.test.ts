import * as assert from 'node:assert/strict';
import { redactRecords, redactValue } from '../../src/core/records/redact';
import type { Journal } from '../../src/core/records/schema';
import { ordinaryJournal } from '../harness/hostileJournal';
import { random } from '../harness/random';
import { IMPORT_NOW } from './helpers';

/** The journal without these records, removed the plain way: what the redactor must write for a whole file. */
function without(journal: Journal, ids: ReadonlySet<string>): Journal {
  const keep = <T extends { id: string }>(list: T[]) => list.filter((r) => !ids.has(r.id));
  return {
    ...journal,
    domains: keep(journal.domains),
    ratings: keep(journal.ratings),
    cues: keep(journal.cues),
    sessions: keep(journal.sessions).map((s) => ({ ...s, wins: keep(s.wins), subgoals: keep(s.subgoals), reframes: keep(s.reframes) })),
  };
}

describe('deleted records leave copies that cannot be read as a journal', () => {
  const journal = ordinaryJournal(12, IMPORT_NOW);
  journal.deleted.push({ id: 'hw3', at: IMPORT_NOW - 1000 }, { id: 'hs5', at: IMPORT_NOW - 1000 });
  const ids = new Set(['hw3', 'hs5', 'hr1']);

  it('a whole file, compact or indented, loses exactly those records and keeps its tombstones', () => {
    for (const text of [JSON.stringify(journal), JSON.stringify(journal, null, 2)]) {
      const redacted = redactRecords(text, ids);
      assert.deepEqual(JSON.parse(redacted), without(journal, ids));
      assert.deepEqual((JSON.parse(redacted) as Journal).deleted.map((d) => d.id), ['hw3', 'hs5'], 'the tombstones stay');
    }
  });

  it('returns the very text when it holds none of them, and a value kept aside as it was', () => {
    const text = JSON.stringify(journal, null, 1);
    assert.equal(redactRecords(text, new Set(['elsewhere'])), text);
    assert.equal(redactValue(journal, new Set(['elsewhere'])), journal);
    assert.deepEqual(redactValue(journal, ids), without(journal, ids));
  });

  it('a file cut off anywhere: never fails, and a record whose id was written before the cut is gone', () => {
    const text = JSON.stringify(journal);
    const win = '"id":"hw3"';
    const idEnds = text.indexOf(win) + win.length;
    for (let cut = 0; cut <= text.length; cut++) {
      const redacted = redactRecords(text.slice(0, cut), ids);
      if (cut >= idEnds) assert.equal(redacted.includes('Win 3"'), false, `cut at ${cut}`);
      if (cut < text.indexOf('"hw3"')) assert.equal(redacted, text.slice(0, cut), 'nothing deleted yet: the text as it was');
    }
  });

  it('ends on hostile text: deep nesting, stray brackets and quotes, an id that is not a string', () => {
    const deep = `${'['.repeat(100_000)}{"id":"hw3","text":"x"}${']'.repeat(100_000)}`;
    assert.equal(typeof redactRecords(deep, ids), 'string');
    const deepObjects = `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`;
    assert.equal(typeof redactRecords(deepObjects, ids), 'string');
    const r = random(7);
    const alphabet = ['{', '}', '[', ']', '"', ',', ':', '\\', ' ', 'id', '"id"', '"hw3"', '1', 'x'];
    for (let i = 0; i < 300; i++) {
      let text = '';
      for (let n = Math.floor(r() * 60); n > 0; n--) text += alphabet[Math.floor(r() * alphabet.length)];
      assert.equal(typeof redactRecords(text, ids), 'string', text);
    }
    assert.equal(redactRecords('[{"id":7,"text":"a"},{"id":"hw3","text":"b"}]', ids), '[{"id":7,"text":"a"}]');
  });

  it("takes a deleted domain's sessions and ratings along, and leaves a model that only names it", () => {
    const text = JSON.stringify({ sessions: [{ id: 's1', domainId: 'd1', startedAt: 1, wins: [{ id: 'w', text: 'secret' }] }, { id: 's2', domainId: 'd2', startedAt: 2 }], ratings: [{ id: 'r', domainId: 'd1', value: 50 }], models: [{ id: 'm', name: 'Ada', domainId: 'd1' }] });
    assert.deepEqual(JSON.parse(redactRecords(text, new Set(['d1']))), { sessions: [{ id: 's2', domainId: 'd2', startedAt: 2 }], ratings: [], models: [{ id: 'm', name: 'Ada', domainId: 'd1' }] });
  });
});
