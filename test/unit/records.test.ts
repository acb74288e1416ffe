import { Archive } from '../../src/host/storage/archive';
import { exportJournal, importJournal } from '../../src/core/records/transfer';
import { emptyJournal, SCHEMA_VERSION } from '../../src/core/records/schema';
import type { Cue, Journal, Session } from '../../src/core/records/schema';
import { addCue, addDomain, addRating, addReflection, cueUses, useCue } from '../../src/core/records/journal';
import { endSession as endCoreSession, newSubgoal, startSession } from '../../src/core/practices/session';
import { mergeJournals, mergeSessions, sameContent } from '../../src/core/records/merge';
import { loadJournal } from '../../src/core/records/persisted';
import { endSession } from '../../src/host/actions/end';
import { logWin as logWinAction } from '../../src/host/actions/inSession';
import { deleteRecord } from '../../src/host/actions/records';
import { deleteEverything, editOrDelete } from '../../src/host/commands/records';
import { importData } from '../../src/host/commands/transfer';
import { guarded } from '../../src/host/commands/guarded';
import { MemoryMemento } from '../harness/memoryMemento';
import { acceptSuggestion } from '../../src/host/actions/inSession';
import * as assert from 'node:assert/strict';
import { activeSession, logWin, updateRunning } from '../../src/core/practices/session';
import { CommitWatch } from '../../src/core/practices/suggestions';
import { clip } from '../../src/core/text';
import { LIMITS } from '../../src/core/limits';
import { ERASED_KEY, JOURNAL_KEY, JournalStore, RECOVERY_PREFIX } from '../../src/host/storage/journalStore';
import { DEVICE_KEY } from '../../src/host/storage/deviceId';
import { harness, reflogLine, startFirstSession, IMPORT_NOW } from './helpers';

describe('every write can be read back', () => {
  it('clips outside text to one bounded line without splitting a surrogate pair', () => {
    assert.equal(clip('  fix\n the   parser ', 80), 'fix the parser');
    assert.equal(clip('a'.repeat(100), 80).length, 80);
    assert.ok(clip('a'.repeat(100), 80).endsWith('…'));
    const emoji = `${'a'.repeat(78)}😀tail`;
    const clipped = clip(emoji, 80);
    assert.ok(clipped.length <= 80);
    assert.doesNotMatch(clipped, /[\ud800-\udbff](?![\udc00-\udfff])/, 'no lone high surrogate');
  });

  it('starts, logs and ends a session in a workspace folder with a 100-character name, across a reload', async () => {
    const h = harness();
    const folder = `${'very-long-monorepo-folder-name-'.repeat(3)}end-of-a-hundred-chars-xxxxxxxx`.slice(0, 100);
    assert.equal(folder.length, 100);
    h.ctx.workspaceLabel = () => folder;
    await startFirstSession(h);
    const session = activeSession(h.ctx.store.live);
    assert.ok(session, 'the session started');
    assert.ok(session.workspace.length <= LIMITS.name);
    assert.ok(session.workspace.startsWith('very-long-monorepo'));
    const reloaded = new JournalStore(h.memento, h.time.clock, (p) => h.problems.push(p));
    assert.equal(activeSession(reloaded.live)?.id, session.id, 'a reload still sees the running session');
    assert.deepEqual(reloaded.recoveryKeys(), []);
    assert.deepEqual(h.problems, []);
  });

  it('logs a suggested win from a 600-character commit subject and reads it back', async () => {
    const h = harness();
    await startFirstSession(h);
    const suggestion = new CommitWatch(h.time.now).read('HEAD', reflogLine('x'.repeat(600), h.time.now), h.time.now)[0];
    assert.ok(suggestion);
    assert.ok(suggestion.text.length <= LIMITS.text);
    h.ctx.suggestions.add(suggestion);
    await acceptSuggestion(h.ctx, { id: suggestion.id });
    const reloaded = new JournalStore(h.memento, h.time.clock, (p) => h.problems.push(p));
    assert.equal(activeSession(reloaded.live)?.wins.length, 1);
    assert.deepEqual(reloaded.recoveryKeys(), []);
    assert.deepEqual(h.problems, []);
  });

  it('refuses a change that would not read back, with a message naming the field, and writes nothing', async () => {
    const h = harness();
    await startFirstSession(h);
    const before = h.memento.get(JOURNAL_KEY);
    const writes = h.memento.writes;
    const session = activeSession(h.ctx.store.live);
    assert.ok(session);
    await assert.rejects(
      h.ctx.store.apply((j) => updateRunning(j, session.id, (s) => logWin(s, { text: 'y'.repeat(LIMITS.text + 1) }, h.time.now).session)),
      /did not save this change.*sessions\[0\]\.wins\[0\]\.text.*Nothing was changed/,
    );
    assert.equal(h.memento.writes, writes, 'nothing written');
    assert.equal(h.memento.get(JOURNAL_KEY), before);
    assert.equal(h.memento.keys().filter((k) => k.startsWith(RECOVERY_PREFIX)).length, 0);
  });
});

const NOW = Date.UTC(2026, 10, 16, 9);

function startedJournal(): Journal {
  const { journal, domain } = addDomain(emptyJournal(), 'parser tests', NOW);
  return startSession(journal, { domainId: domain.id, workspace: 'w', subgoals: [newSubgoal('g', 8, NOW)] }, NOW).journal;
}

describe('records the schema can trust', () => {
  it('refuses timestamps a Date cannot hold, and ids that are not ids, on import', () => {
    const journal = startedJournal();
    const file = (mutate: (j: Record<string, unknown>) => void) => {
      const parsed = JSON.parse(exportJournal(journal, NOW)) as { journal: Record<string, unknown> };
      mutate(parsed.journal);
      return JSON.stringify(parsed);
    };
    const far = importJournal(emptyJournal(), file((j) => ((j['sessions'] as { startedAt: number }[])[0]!.startedAt = 8.7e15)), IMPORT_NOW);
    assert.equal(far.ok, false);
    assert.match((far as { message: string }).message, /sessions\[0\]\.startedAt: Too big/);
    const proto = importJournal(emptyJournal(), file((j) => ((j['sessions'] as { id: string }[])[0]!.id = '__proto__')), IMPORT_NOW);
    assert.equal(proto.ok, false);
    assert.match((proto as { message: string }).message, /sessions\[0\]\.id/);
    const many = importJournal(emptyJournal(), file((j) => ((j['sessions'] as { cueIds: string[] }[])[0]!.cueIds = Array.from({ length: 100_000 }, (_, i) => `c${i}`))), IMPORT_NOW);
    assert.equal(many.ok, false, 'a list past its bound is refused');
  });

  it('ends a session with outcomes stored under any subgoal id', async () => {
    const h = harness();
    const session = await startFirstSession(h);
    const goal = session.subgoals[0]?.id as string;
    await endSession(h.ctx, { sessionId: session.id, outcomes: [{ subgoalId: goal, outcome: 'met' }], attribution: { cause: 'effort', text: '', internal: 9, stable: 3, controllable: 9 } });
    const ended = (await h.ctx.store.history()).sessions[0];
    assert.equal(ended?.subgoals[0]?.outcome, 'met');
  });
});

describe('invariants that hold under races', () => {
  it('keeps one running session when two windows started one each, with the wins of both', () => {
    const base = addDomain(emptyJournal(), 'parser tests', NOW);
    const a = startSession(base.journal, { domainId: base.domain.id, workspace: 'a', subgoals: [newSubgoal('A', 8, NOW)] }, NOW);
    const b = startSession(base.journal, { domainId: base.domain.id, workspace: 'b', subgoals: [newSubgoal('B', 8, NOW + 5)] }, NOW + 5);
    const aWin = { ...a.journal, sessions: a.journal.sessions.map((s) => logWin(s, { text: 'win in A' }, NOW + 10).session) };
    const bWin = { ...b.journal, sessions: b.journal.sessions.map((s) => logWin(s, { text: 'win in B' }, NOW + 11).session) };
    for (const merged of [mergeJournals(aWin, bWin), mergeJournals(bWin, aWin)]) {
      const running = merged.sessions.filter((s) => s.endedAt === undefined);
      assert.equal(running.length, 1);
      assert.equal(running[0]?.id, a.session.id, 'the earlier start survives');
      assert.deepEqual(running[0]?.wins.map((w) => w.text).sort(), ['win in A', 'win in B']);
      assert.deepEqual(running[0]?.subgoals.map((g) => g.text).sort(), ['A', 'B']);
    }
    // A late win logged in B's copy still lands in the survivor.
    const late = { ...bWin, sessions: bWin.sessions.map((s) => logWin(s, { text: 'late in B' }, NOW + 20).session) };
    const again = mergeJournals(mergeJournals(aWin, bWin), late);
    assert.deepEqual(again.sessions.filter((s) => s.endedAt === undefined).map((s) => s.wins.length), [3]);
  });

  it('keeps one domain per name, pointing sessions and ratings at the survivor', () => {
    const a = addDomain(emptyJournal(), 'SQL joins', NOW);
    const b = addDomain(emptyJournal(), 'sql joins ', NOW + 1);
    const bSession = startSession(b.journal, { domainId: b.domain.id, workspace: 'w', subgoals: [] }, NOW + 2);
    const bRated = addRating(bSession.journal, b.domain.id, 40, NOW + 3);
    const merged = mergeJournals(bRated, a.journal);
    assert.deepEqual(merged.domains.map((d) => d.id), [a.domain.id]);
    assert.equal(merged.sessions[0]?.domainId, a.domain.id);
    assert.equal(merged.ratings[0]?.domainId, a.domain.id);
  });

  it('does not bring back a reflection rewritten in another window', () => {
    const first = addReflection(emptyJournal(), { didWell: 'old', doDifferently: 'x', learned: 'y' }, NOW, 'device-a');
    const rewritten = addReflection(first, { didWell: 'new', doDifferently: 'x', learned: 'y' }, NOW + 60_000, 'device-b');
    assert.equal(rewritten.reflections.length, 1);
    for (const merged of [mergeJournals(first, rewritten), mergeJournals(rewritten, first)]) {
      assert.deepEqual(merged.reflections.map((r) => r.didWell), ['new']);
    }
  });

  it('imports without ending or changing the running session, and says exactly what it added', async () => {
    const h = harness();
    await startFirstSession(h);
    const running = activeSession(h.ctx.store.live);
    assert.ok(running);
    const copy = { ...h.ctx.store.live, sessions: h.ctx.store.live.sessions.map((s) => ({ ...endCoreSession(s, {}, undefined, NOW + 1000), wins: [{ id: 'planted', text: 'planted', at: NOW, source: 'manual' as const }] })) };
    h.ui.fileToOpen = exportJournal(copy, NOW);
    await guarded(h.ctx, importData);
    assert.match(h.ui.messages.at(-1)?.text ?? '', /Nothing new to import/);
    const after = activeSession(h.ctx.store.live);
    assert.equal(after?.id, running.id, 'still running');
    assert.deepEqual(after?.wins, [], 'no win planted in it');
  });
});

describe('what cannot be read is set aside, alone', () => {
  it('sets aside one bad win, not its session', () => {
    const journal = startedJournal();
    const raw = JSON.parse(JSON.stringify(journal)) as { sessions: { wins: unknown[] }[] };
    raw.sessions[0]!.wins = [{ id: 'w1', text: 'good', at: NOW, source: 'manual' }, { id: 'w2', text: 'bad', at: 'yesterday', source: 'manual' }];
    const loaded = loadJournal(raw);
    assert.equal(loaded.journal.sessions.length, 1);
    assert.deepEqual(loaded.journal.sessions[0]?.wins.map((w) => w.text), ['good']);
    assert.deepEqual((loaded.rejected?.data as Record<string, unknown[]>)['sessions.wins'], [{ id: 'w2', text: 'bad', at: 'yesterday', source: 'manual' }]);
  });

  it('imports a session whose domain is not here (it was set aside), shown under the unknown domain', () => {
    const journal = startedJournal();
    const file = exportJournal({ ...journal, domains: [] }, NOW);
    const result = importJournal(emptyJournal(), file, IMPORT_NOW);
    assert.ok(result.ok);
    assert.equal(result.counts.added.sessions, 1);
  });

  it('leaves a journal from a newer version as it is, works read-only and says so once', async () => {
    const memento = new MemoryMemento();
    const newer = { version: SCHEMA_VERSION + 1, anything: ['from the future'] };
    await memento.update(JOURNAL_KEY, newer);
    const problems: string[] = [];
    const store = new JournalStore(memento, () => NOW, (p) => problems.push(p));
    assert.deepEqual(store.live.sessions, []);
    await assert.rejects(store.apply((j) => addDomain(j, 'x', NOW).journal), /newer version of Small Wins/);
    store.refresh();
    assert.deepEqual(memento.get(JOURNAL_KEY), newer, 'never replaced');
    assert.equal(problems.length, 1, 'said once');
    assert.deepEqual(store.recoveryKeys(), []);
  });
});

/** A running session with two wins: "a private win", to delete, and "keep me". */
async function privateWinAndAnother() {
  const h = harness();
  const session = await startFirstSession(h);
  const secret = (await logWinAction(h.ctx, { sessionId: session.id, text: 'a private win' })).value.id;
  await logWinAction(h.ctx, { sessionId: session.id, text: 'keep me' });
  return { h, session, secret };
}

describe('edit and delete that stay deleted', () => {
  it('deletes a win everywhere: a stale copy, the archive files and an import cannot bring it back', async () => {
    const { h, session, secret } = await privateWinAndAnother();
    const stale = h.ctx.store.live;
    const exported = exportJournal(stale, NOW);
    await endSession(h.ctx, { sessionId: session.id, outcomes: [{ subgoalId: session.subgoals[0]?.id as string, outcome: 'met' }], attribution: { cause: 'effort', text: '', internal: 9, stable: 3, controllable: 9 } });
    h.time.advance(30 * 86_400_000);
    await h.ctx.store.tidy();
    assert.ok([...h.files.files.values()].some((text) => text.includes('a private win')), 'archived first');
    await deleteRecord(h.ctx, 'win', secret);
    assert.equal([...h.files.files.values()].some((text) => text.includes('a private win')), false, 'gone from the archive files');
    assert.equal(JSON.stringify(h.memento.get(JOURNAL_KEY)).includes('a private win'), false, 'gone from the journal');
    // A stale window writes its old copy back; the tombstone wins.
    await h.memento.update(JOURNAL_KEY, mergeJournals(stale, h.memento.get(JOURNAL_KEY) as Journal));
    h.ui.fileToOpen = exported;
    await guarded(h.ctx, importData);
    const history = await h.ctx.store.history();
    assert.deepEqual(history.sessions.flatMap((s) => s.wins.map((w) => w.text)), ['keep me']);
  });

  it('deletes a win from the copies set aside too: a damaged archive file and a value kept aside keep everything else', async () => {
    const { h, secret } = await privateWinAndAnother();
    const journal = h.ctx.store.live;
    // A window's copy kept aside, and an archive file cut off mid-way: both hold the win.
    await h.memento.update(`${RECOVERY_PREFIX}1`, { problem: 'could not be combined', at: NOW, data: journal });
    const cut = JSON.stringify({ version: SCHEMA_VERSION, sessions: journal.sessions });
    h.files.files.set('2026-08.cut-1.json', cut.slice(0, cut.lastIndexOf('keep me') + 4));
    await h.ctx.store.history();
    assert.ok(h.files.files.get('2026-08.cut-1.json.damaged')?.includes('a private win'), 'set aside as it was');
    await deleteRecord(h.ctx, 'win', secret);
    const damaged = h.files.files.get('2026-08.cut-1.json.damaged') as string;
    assert.equal(damaged.includes('a private win'), false, 'gone from the damaged copy');
    assert.ok(damaged.includes('"keep'), 'the rest of it stays, cut off where it was');
    const aside = h.memento.get(`${RECOVERY_PREFIX}1`) as { problem: string; data: Journal };
    assert.equal(JSON.stringify(aside).includes('a private win'), false, 'gone from the value kept aside');
    assert.deepEqual(aside.data.sessions[0]?.wins.map((w) => w.text), ['keep me']);
    assert.equal(aside.problem, 'could not be combined');
  });

  it('deletes a domain with its sessions and ratings after a confirmation that counts them', async () => {
    const h = harness();
    const session = await startFirstSession(h);
    await endSession(h.ctx, { sessionId: session.id, outcomes: [{ subgoalId: session.subgoals[0]?.id as string, outcome: 'met' }], attribution: { cause: 'effort', text: '', internal: 9, stable: 3, controllable: 9 } });
    h.ui.queue('A domain', 'parser tests', 'Delete', 'Delete');
    await editOrDelete(h.ctx);
    assert.match(h.ui.messages.find((m) => m.text.startsWith('Delete the domain'))?.text ?? '', /with its 1 sessions and 0 ratings/);
    const history = await h.ctx.store.history();
    assert.deepEqual([history.domains.length, history.sessions.length], [0, 0]);
  });

  it('renames a domain and marks a win as done with AI help, from the palette', async () => {
    const h = harness();
    const session = await startFirstSession(h);
    await logWinAction(h.ctx, { sessionId: session.id, text: 'generated the fixtures' });
    h.ui.queue('A win', 'generated the fixtures', 'Mark as done with AI help');
    await editOrDelete(h.ctx);
    assert.equal(activeSession(h.ctx.store.live)?.wins[0]?.by, 'assisted');
    h.ui.queue('A domain', 'parser tests', 'Rename', 'lexer tests');
    await editOrDelete(h.ctx);
    assert.deepEqual(h.ctx.store.live.domains.map((d) => d.name), ['lexer tests']);
  });

  it('deletes all data after a confirmation, and nothing before it', async () => {
    const h = harness();
    // What an earlier version kept in globalState (the focus record, now a file) goes too.
    await h.memento.update('activity', { kind: 'blur', at: 1, by: 'w' });
    await startFirstSession(h);
    h.ui.queue('No');
    await deleteEverything(h.ctx);
    assert.equal(h.ctx.store.live.domains.length, 1, 'declined: nothing deleted');
    h.ui.queue('Delete All');
    await deleteEverything(h.ctx);
    // Only the mark that tells other windows it was erased and the device's id: ids, nothing of the journal.
    assert.deepEqual(h.memento.keys().filter((k) => h.memento.get(k) !== undefined).sort(), [DEVICE_KEY, ERASED_KEY].sort());
    assert.match(String(h.memento.get(ERASED_KEY)), /^\d+:[0-9a-f-]{36}$/);
    assert.equal(h.files.files.size, 0);
    assert.equal(h.ctx.store.live.domains.length, 0);
  });

  it('says in its confirmation that records set aside as unreadable are deleted too', async () => {
    const h = harness();
    await h.memento.update(`${RECOVERY_PREFIX}1`, { problem: 'sessions[0].id: Expected an id', at: 1, data: { sessions: [{ id: '??', text: 'my words' }] } });
    h.ui.queue('No');
    await deleteEverything(h.ctx);
    assert.match(h.ui.messages.at(-1)?.text ?? '', /This also deletes the 1 set-aside copies of records that could not be read/);
    h.ui.queue('Delete All');
    await deleteEverything(h.ctx);
    assert.deepEqual(h.memento.keys().filter((k) => k.startsWith(RECOVERY_PREFIX) && h.memento.get(k) !== undefined), []);
  });
});

describe('ending is final', () => {
  async function endedWithStaleCopy() {
    const h = harness();
    const session = await startFirstSession(h);
    await logWinAction(h.ctx, { sessionId: session.id, text: 'a win' });
    const stale = h.memento.get(JOURNAL_KEY) as Journal;
    await endSession(h.ctx, { sessionId: session.id, outcomes: [{ subgoalId: session.subgoals[0]?.id as string, outcome: 'met' }], attribution: { cause: 'effort', text: '', internal: 9, stable: 3, controllable: 9 } });
    assert.equal(activeSession(h.ctx.store.live), undefined);
    return { h, stale, session };
  }

  it('does not let a late stale copy bring an ended session back as running in the window that ended it', async () => {
    const { h, stale } = await endedWithStaleCopy();
    await h.memento.update(JOURNAL_KEY, stale);
    assert.equal(activeSession(h.ctx.store.live), undefined, 'read as ended at once');
    h.ctx.store.refresh();
    await h.ctx.store.whenIdle();
    assert.equal(activeSession(h.memento.get(JOURNAL_KEY) as Journal), undefined, 'and written back ended');
    assert.equal((await h.ctx.store.history()).sessions[0]?.wins.length, 1);
  });

  it('does not let it come back in a window opened afterwards (a reload)', async () => {
    const { h, stale } = await endedWithStaleCopy();
    await h.memento.update(JOURNAL_KEY, stale);
    const files = h.files;
    const reloaded = new JournalStore(h.memento, h.time.clock, () => undefined, { archive: new Archive(files, () => undefined, () => 'reloaded-1') });
    await reloaded.tidy();
    assert.equal(activeSession(reloaded.live), undefined);
    assert.equal(activeSession(h.memento.get(JOURNAL_KEY) as Journal), undefined);
  });
});

describe('counters merge as counts', () => {
  it('counts a cue used on two devices at the same time twice', () => {
    const { journal: base, cue } = addCue(emptyJournal(), 'Run the tests first', undefined, NOW);
    const a = useCue(base, cue.id, 'device-a');
    const b = useCue(useCue(base, cue.id, 'device-b'), cue.id, 'device-b');
    for (const merged of [mergeJournals(a, b), mergeJournals(b, a), mergeJournals(mergeJournals(a, b), a)]) {
      assert.equal(cueUses(merged.cues[0] as Cue), 1 + 1 + 2, 'created once, used once on A and twice on B');
    }
  });
});

describe('merging two copies of one session', () => {
  const session: Session = {
    id: 's1', domainId: 'd1', workspace: 'w', startedAt: NOW, endedAt: NOW + 60_000, pauses: [], cueIds: [], reframes: [],
    subgoals: [{ id: 'g1', text: 'Cover the number rule', confidence: 8, createdAt: NOW }],
    wins: [{ id: 'w1', text: 'Drew the table', at: NOW + 1000, source: 'manual' }],
  };

  it('keeps the later edit itself when the older copy adds nothing, in either order', () => {
    const edited: Session = { ...session, ed: `${NOW + 5000}.0.b`, wins: [{ id: 'w1', ed: `${NOW + 5000}.0.b`, text: 'Drew the whole table', at: NOW + 1000, source: 'manual' }] };
    assert.equal(mergeSessions(session, edited), edited);
    assert.equal(mergeSessions(edited, session), edited);
    const reread = JSON.parse(JSON.stringify(session)) as Session;
    assert.ok(sameContent(mergeSessions(session, reread), session), 'two reads of one record merge to that record');
  });

  it('combines the copies when the older one holds something the newer lacks', () => {
    const older: Session = { ...session, wins: [...session.wins, { id: 'w2', text: 'Named the rule', at: NOW + 2000, source: 'manual' }] };
    const newer: Session = { ...session, ed: `${NOW + 5000}.0.b`, endedAt: NOW + 90_000 };
    for (const merged of [mergeSessions(older, newer), mergeSessions(newer, older)]) {
      assert.notEqual(merged, newer);
      assert.deepEqual(merged.wins.map((w) => w.id), ['w1', 'w2']);
      assert.equal(merged.endedAt, NOW + 60_000, 'the earlier end');
      assert.equal(merged.ed, `${NOW + 5000}.0.b`);
    }
  });
});
