import * as assert from 'node:assert/strict';
import { changedSomething, exportJournal, importJournal } from '../../src/core/records/transfer';
import { sameContent } from '../../src/core/records/merge';
import { COLLECTIONS, emptyJournal, journalSchema } from '../../src/core/records/schema';
import type { Journal } from '../../src/core/records/schema';
import { importFile } from '../../src/host/actions/transfer';
import { SessionError } from '../../src/core/practices/session';
import { hostileFile, ordinaryJournal } from '../harness/hostileJournal';
import { harness, IMPORT_NOW } from './helpers';

const NOW = IMPORT_NOW;

function ids(journal: Journal): Set<string> {
  const out = new Set<string>();
  for (const name of COLLECTIONS) for (const r of journal[name] as { id: string }[]) out.add(r.id);
  for (const s of journal.sessions) for (const r of [...s.wins, ...s.subgoals, ...s.reframes]) out.add(r.id);
  return out;
}

function fileOf(journal: Journal): { format: string; version: number; journal: Journal } {
  return JSON.parse(exportJournal(journal, NOW)) as { format: string; version: number; journal: Journal };
}

describe('import: refused whole with the field named, or applied whole and counted exactly', () => {
  const here = ordinaryJournal(40, NOW);

  it('refuses duplicate ids in a collection and within sessions, naming the field', () => {
    const twiceSession = fileOf(here);
    twiceSession.journal.sessions.push({ ...(twiceSession.journal.sessions[3] as Journal['sessions'][number]), workspace: 'other' });
    const r1 = importJournal(here, JSON.stringify(twiceSession), NOW);
    assert.equal(r1.ok, false);
    assert.match((r1 as { message: string }).message, /journal\.sessions\[40\]\.id: the id "hs3" is used twice/);
    const twiceWin = fileOf(emptyJournal());
    const other = ordinaryJournal(2, NOW, 'o');
    (other.sessions[1] as Journal['sessions'][number]).wins.push({ ...(other.sessions[0]?.wins[0] as Journal['sessions'][number]['wins'][number]) });
    twiceWin.journal = other;
    const r2 = importJournal(emptyJournal(), JSON.stringify(twiceWin), NOW);
    assert.equal(r2.ok, false);
    assert.match((r2 as { message: string }).message, /journal\.sessions\[1\]\.wins\[1\]\.id: the id "ow0" is used twice/);
  });

  it('refuses a merge tombstone into nothing or into another kind of record', () => {
    const missing = fileOf(emptyJournal());
    missing.journal.deleted.push({ id: 'hs1', at: NOW - 1000, into: 'ghost' });
    const r1 = importJournal(here, JSON.stringify(missing), NOW);
    assert.match((r1 as { message: string }).message, /journal\.deleted\[0\]\.into: "ghost" names no session or domain/);
    const wrong = fileOf(emptyJournal());
    wrong.journal.deleted.push({ id: 'hs1', at: NOW - 1000, into: 'hd1' });
    assert.equal(importJournal(here, JSON.stringify(wrong), NOW).ok, false, 'a session folded into a domain');
  });

  it('refuses a running session that starts more than a day ahead of this clock, which would never end', () => {
    const file = fileOf(emptyJournal());
    file.journal.domains.push({ id: 'fd', name: 'future', createdAt: NOW });
    file.journal.sessions.push({ id: 'fs', domainId: 'fd', workspace: 'w', startedAt: NOW + 3 * 86_400_000, pauses: [], subgoals: [], wins: [], cueIds: [], reframes: [] });
    const result = importJournal(here, JSON.stringify(file), NOW);
    assert.match((result as { message: string }).message, /journal\.sessions\[0\]\.startedAt: the time is more than a day ahead/);
  });

  it('keeps deletions of records this journal never held, says so, and refuses a file that would fill half the list', async () => {
    const file = fileOf(here);
    for (let i = 0; i < 5000; i++) file.journal.deleted.push({ id: `never${i}`, at: NOW - 1000 });
    const result = importJournal(here, JSON.stringify(file), NOW);
    assert.ok(result.ok);
    assert.equal(result.journal.deleted.length, 5000);
    assert.equal(result.counts.remembered, 5000);
    const h = harness();
    await h.ctx.store.apply(() => here);
    assert.deepEqual((await importFile(h.ctx, JSON.stringify(file))).notices.map((n) => n.text), ['Imported 5000 deletions of records not on this machine.']);
    for (let i = 5000; i < 100_001; i++) file.journal.deleted.push({ id: `never${i}`, at: NOW - 1000 });
    const crowded = importJournal(here, JSON.stringify(file), NOW);
    assert.match((crowded as { message: string }).message, /journal\.deleted: 100001 deletions in all would leave too little room/);
  });

  it('a deleted domain takes its sessions and ratings along from this machine\'s journal and archive, and counts each', async () => {
    const h = harness();
    await h.ctx.store.apply(() => here);
    const file = fileOf(emptyJournal());
    file.journal.deleted.push({ id: 'hd1', at: NOW - 1000 });
    const inDomain = here.sessions.filter((s) => s.domainId === 'hd1').length;
    const done = await importFile(h.ctx, JSON.stringify(file));
    // The domain, its 20 sessions and its rating.
    assert.equal(inDomain, 20);
    assert.deepEqual(done.notices.map((n) => n.text), ['Imported 22 deletions.']);
    const history = await h.ctx.store.history();
    assert.deepEqual(history.sessions.filter((s) => s.domainId === 'hd1'), []);
    assert.deepEqual(history.ratings, []);
    assert.equal(history.sessions.length, 20);
    const archived = [...h.files.files.values()].join('\n');
    assert.ok(archived.includes('"hs1"'), 'the other domain\'s sessions stay archived');
    assert.equal(archived.includes('"hs0"'), false, 'no archive file holds a session of the deleted domain');
    assert.equal(archived.includes('"hr1"'), false, 'nor its rating');
  });

  it('keeps a record deleted whatever order two exports of it are imported in', () => {
    const before = fileOf(here);
    const after = fileOf(here);
    const session = after.journal.sessions[7] as Journal['sessions'][number];
    const winId = session.wins[0]?.id as string;
    session.wins = [];
    after.journal.deleted.push({ id: winId, at: NOW - 1000 });
    for (const order of [[before, after], [after, before]]) {
      let journal = emptyJournal();
      for (const file of order) {
        const result = importJournal(journal, JSON.stringify(file), NOW);
        assert.ok(result.ok);
        journal = result.journal;
      }
      assert.equal(ids(journal).has(winId), false);
    }
  });

  it('reports an export that carries edits as updates, not as "Nothing new"', async () => {
    const h = harness();
    await h.ctx.store.apply(() => here);
    const edited = fileOf(here);
    const session = edited.journal.sessions[5] as Journal['sessions'][number];
    session.wins[0] = { ...(session.wins[0] as Journal['sessions'][number]['wins'][number]), text: 'Win 5, better said', ed: `${NOW - 1000}.0.other` };
    const done = await importFile(h.ctx, JSON.stringify(edited));
    assert.deepEqual(done.notices.map((n) => n.text), ['Imported 1 update.']);
    const history = await h.ctx.store.history();
    assert.equal(history.sessions.find((s) => s.id === 'hs5')?.wins[0]?.text, 'Win 5, better said');
  });

  it('refuses a file nested thousands of levels deep before parsing it', () => {
    const text = `{"format":"small-wins-journal","version":3,"journal":{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    const result = importJournal(here, text, NOW);
    assert.match((result as { message: string }).message, /nests deeper than any Small Wins export/);
  });

  for (let seed = 1; seed <= 80; seed++) {
    it(`hostile file (seed ${seed}): refused and nothing changed, or accepted with a valid journal and exact counts`, async () => {
      const base = seed % 3 === 0 ? ordinaryJournal(30, NOW, 'x') : here;
      const { text, mix } = hostileFile(base, seed, NOW);
      const result = importJournal(here, text, NOW);
      const label = `mix: ${mix.join(', ') || 'none'}`;
      if (!result.ok) {
        assert.match(result.message, /\S/, label);
        // Through the action: refused with the message, and the stored journal as it was.
        const h = harness();
        await h.ctx.store.apply(() => here);
        await assert.rejects(importFile(h.ctx, text), (e: unknown) => e instanceof SessionError && /Import refused, nothing was changed/.test(e.message), label);
        assert.ok(sameContent(await h.ctx.store.history(), here), label);
        return;
      }
      assert.ok(journalSchema.safeParse(result.journal).success, `${label}: the merge validates`);
      assert.equal(changedSomething(result.counts), !sameContent(result.journal, here), `${label}: "Nothing new" exactly when nothing changed`);
      for (const name of COLLECTIONS) {
        const before = new Set((here[name] as { id: string }[]).map((r) => r.id));
        const fresh: number = (result.journal[name] as { id: string }[]).filter((r) => !before.has(r.id)).length;
        assert.equal(result.counts.added[name], fresh, `${label}: ${name} added`);
      }
      const held = ids(here);
      const before = new Set(here.deleted.map((d) => d.id));
      const remembered = result.journal.deleted.filter((d) => d.into === undefined && !before.has(d.id) && !held.has(d.id)).length;
      assert.equal(result.counts.remembered, remembered, `${label}: deletions of records not here, counted`);
      const seen = new Set<string>();
      for (const s of result.journal.sessions) for (const w of s.wins) assert.ok(!seen.has(w.id) && seen.add(w.id), `${label}: win ids stay unique`);
    });
  }
});
