import * as assert from 'node:assert/strict';
import { ARCHIVE_AFTER_DAYS, archiveMonth, monthOf, splitArchivable } from '../../src/core/records/archive';
import { sameContent } from '../../src/core/records/merge';
import { addDomain, addRating } from '../../src/core/records/journal';
import { emptyJournal } from '../../src/core/records/schema';
import type { Journal } from '../../src/core/records/schema';
import { activeSession, endSession, newSubgoal, startSession } from '../../src/core/practices/session';
import { exportJournal, importJournal } from '../../src/core/records/transfer';
import { DAY } from '../../src/core/time';
import { Archive } from '../../src/host/storage/archive';
import { JournalStore, JOURNAL_KEY } from '../../src/host/storage/journalStore';
import { fiveYearJournal } from '../bench/fiveYearJournal';
import { exportData, importData } from '../../src/host/commands/transfer';
import { harness, MemoryArchiveFiles, ScriptedUi, startFirstSession, IMPORT_NOW } from './helpers';
import { logWin as logWinAction } from '../../src/host/actions/inSession';
import { MemoryMemento } from '../harness/memoryMemento';

const NOW = Date.UTC(2026, 10, 16, 9);

function store(memento: MemoryMemento, files: MemoryArchiveFiles, problems: string[] = [], now = NOW) {
  let n = 0;
  const report = (p: string) => problems.push(p);
  return new JournalStore(memento, () => now, report, { archive: new Archive(files, report, () => `t${++n}-${Math.random().toString(36).slice(2, 8)}`, () => now) });
}

/** Adds a session (ended a minute later, or running) in the journal's domain, creating it if needed. */
function withSession(journal: Journal, at: number, ended: boolean): Journal {
  const domain = journal.domains[0] ?? addDomain(journal, 'parser tests', at).domain;
  const base = journal.domains[0] ? journal : { ...journal, domains: [domain] };
  const started = startSession(base, { domainId: domain.id, workspace: 'w', subgoals: [newSubgoal('one edge case', 8, at)] }, at);
  if (!ended) return started.journal;
  return { ...started.journal, sessions: started.journal.sessions.map((s) => (s.id === started.session.id ? endSession(s, {}, undefined, at + 60_000) : s)) };
}

/** One domain and one session per given start time. */
function withSessions(starts: { at: number; ended: boolean }[]): Journal {
  return starts.reduce((j, { at, ended }) => withSession(j, at, ended), emptyJournal());
}

describe('archive: what leaves the live journal', () => {
  it('moves ended sessions by the month they started, and ratings and reflections once old', () => {
    const oct = Date.UTC(2026, 9, 20, 9);
    let journal = withSessions([{ at: oct, ended: true }, { at: NOW - DAY, ended: true }, { at: NOW, ended: false }]);
    const domainId = journal.domains[0]?.id as string;
    journal = addRating(addRating(journal, domainId, 40, Date.UTC(2026, 9, 25)), domainId, 60, NOW - (ARCHIVE_AFTER_DAYS - 1) * DAY);
    const split = splitArchivable(journal, NOW);
    assert.ok(split);
    assert.deepEqual([...split.moved.keys()].sort(), ['2026-10', '2026-11']);
    assert.equal(split.moved.get('2026-10')?.sessions.length, 1);
    assert.equal(split.moved.get('2026-10')?.ratings[0]?.value, 40);
    assert.equal(split.moved.get('2026-11')?.sessions.length, 1);
    assert.deepEqual(split.live.sessions.map((s) => s.endedAt), [undefined], 'the running session stays');
    assert.deepEqual(split.live.ratings.map((r) => r.value), [60], 'a recent rating stays');
    assert.equal(split.live.domains.length, 1, 'domains stay');
    assert.equal(splitArchivable(split.live, NOW), undefined, 'nothing left to move');
  });

  it('names files by month and recognises only its own names', () => {
    assert.equal(monthOf(Date.UTC(2026, 0, 31, 23, 59)), '2026-01');
    assert.equal(archiveMonth('2026-01.lq3k9z1c-5f0a2b7e.json'), '2026-01');
    assert.equal(archiveMonth('2026-01.lq3k9z1c-5f0a2b7e.json.partial'), undefined);
    assert.equal(archiveMonth('journal-changed'), undefined);
  });
});

describe('archive: the store', () => {
  it('keeps five years out of globalState, losslessly, and reads them back in a new window', async () => {
    const memento = new MemoryMemento();
    const files = new MemoryArchiveFiles();
    const original = fiveYearJournal(NOW, { years: 1 });
    await memento.update(JOURNAL_KEY, original);
    const first = store(memento, files);
    await first.tidy();
    const stored = memento.get(JOURNAL_KEY) as Journal;
    assert.equal(stored.sessions.length, 0);
    assert.ok(JSON.stringify(stored).length < JSON.stringify(original).length / 20, 'the live journal is a small part');
    assert.ok(files.files.size >= 12, 'a file per month');
    const reader = store(memento, files);
    assert.ok(sameContent(await reader.history(), original), 'everything is still there');
  });

  it('archives a session when it ends, and export holds the whole history', async () => {
    const h = harness();
    h.time.now = NOW;
    await h.ctx.store.apply(() => withSessions([{ at: NOW - 40 * DAY, ended: true }, { at: NOW, ended: false }]));
    assert.equal(h.ctx.store.live.sessions.length, 1);
    const running = activeSession(h.ctx.store.live);
    assert.ok(running);
    await h.ctx.store.apply((j) => ({ ...j, sessions: j.sessions.map((s) => endSession(s, {}, undefined, NOW + 60_000)) }));
    assert.equal(h.ctx.store.live.sessions.length, 0);
    assert.equal((await h.ctx.store.history()).sessions.length, 2);
    h.ui.queue('Whole journal');
    await exportData(h.ctx);
    const exported = JSON.parse(h.ui.saved?.content ?? '{}') as { journal: Journal };
    assert.deepEqual(exported.journal.sessions.map((s) => s.startedAt), [NOW - 40 * DAY, NOW]);
  });

  it('imports history into the archive and counts only what is new', async () => {
    const source = withSessions([{ at: NOW - 100 * DAY, ended: true }, { at: NOW - 50 * DAY, ended: true }]);
    const ui = new ScriptedUi();
    const h = harness({ ui });
    h.time.now = NOW;
    ui.fileToOpen = exportJournal(source, NOW);
    await importData(h.ctx);
    assert.match(ui.messages.at(-1)?.text ?? '', /Imported 1 domain and 2 sessions/);
    assert.equal(h.ctx.store.live.sessions.length, 0, 'closed sessions went to the archive');
    const filesAfterFirst = h.files.files.size;
    await importData(h.ctx);
    assert.match(ui.messages.at(-1)?.text ?? '', /Nothing new to import/);
    assert.equal(h.files.files.size, filesAfterFirst, 'nothing archived twice');
    assert.ok(importJournal(await h.ctx.store.history(), exportJournal(source, NOW), IMPORT_NOW).ok);
  });

  it('keeps everything live when the archive cannot be written, says so once, and archives later', async () => {
    const memento = new MemoryMemento();
    const files = new MemoryArchiveFiles();
    const problems: string[] = [];
    const s = store(memento, files, problems);
    files.failWrites = true;
    await s.apply((j) => withSession(j, NOW - 3 * DAY, true));
    await s.apply((j) => withSession(j, NOW - 2 * DAY, true));
    assert.equal((memento.get(JOURNAL_KEY) as Journal).sessions.length, 2, 'nothing lost');
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /could not write its archive.*ENOSPC.*nothing is lost/);
    files.failWrites = false;
    await s.tidy();
    assert.equal((memento.get(JOURNAL_KEY) as Journal).sessions.length, 0);
    assert.equal((await s.history()).sessions.length, 2);
  });

  it('reports a damaged archive file once, keeps its text aside and loads the rest', async () => {
    const memento = new MemoryMemento();
    const files = new MemoryArchiveFiles();
    const problems: string[] = [];
    await store(memento, files).apply(() => withSessions([{ at: NOW - 3 * DAY, ended: true }]));
    const broken = '{"version":1,"sessions":[{"id":';
    files.files.set('2026-09.broken-1.json', broken);
    const reader = store(memento, files, problems, NOW + 40 * DAY);
    assert.equal((await reader.history()).sessions.length, 1);
    assert.match(problems.join('\n'), /archive file "2026-09.broken-1.json" \(it is not valid JSON\).*kept as "2026-09.broken-1.json.damaged"/);
    assert.equal(files.files.get('2026-09.broken-1.json.damaged'), broken, 'its text is kept, byte for byte');
    assert.equal(files.files.has('2026-09.broken-1.json'), false);
    const nextStart = store(memento, files, problems, NOW + 41 * DAY);
    assert.equal((await nextStart.history()).sessions.length, 1);
    assert.equal(problems.length, 1, 'reported once, not on every start');
  });

  it('keeps the readable records of a partly damaged file, and removes partial files left by a write that never finished', async () => {
    const memento = new MemoryMemento();
    const files = new MemoryArchiveFiles();
    const problems: string[] = [];
    const writer = store(memento, files);
    await writer.apply(() => withSessions([{ at: NOW - 3 * DAY, ended: true }]));
    const [name] = [...files.files.keys()];
    const part = JSON.parse(files.files.get(name as string) as string) as { sessions: unknown[] };
    part.sessions.push({ id: 'bad', domainId: 42 });
    files.files.set(name as string, JSON.stringify(part));
    const stale = `2026-09.${(NOW - 2 * 3_600_000).toString(36)}-abcd.json.partial`;
    const fresh = `2026-09.${(NOW + 40 * DAY - 60_000).toString(36)}-abcd.json.partial`;
    files.files.set(stale, '{"half');
    files.files.set(fresh, '{"being written');
    const reader = store(memento, files, problems, NOW + 40 * DAY);
    assert.equal((await reader.history()).sessions.length, 1, 'the good session stays in history');
    assert.equal(files.files.has(stale), false, 'an old partial file is removed');
    assert.equal(files.files.has(fresh), true, 'a recent one may still be written: it stays');
    assert.ok([...files.files.keys()].some((n) => n.endsWith('.damaged')));
    const again = store(memento, files, problems, NOW + 41 * DAY);
    assert.equal((await again.history()).sessions.length, 1, 'and stays there on the next start');
  });

  it('merges a closed month into one file and deletes only the files it merged', async () => {
    const memento = new MemoryMemento();
    const files = new MemoryArchiveFiles();
    const writer = store(memento, files);
    const oct = Date.UTC(2026, 9, 5, 9);
    for (let d = 0; d < 3; d++) await writer.apply((j) => withSession(j, oct + d * DAY, true));
    assert.equal([...files.files.keys()].filter((n) => n.startsWith('2026-10')).length, 3);
    const archived = () => new Archive(files, () => undefined, () => 'unused').journal();
    const before = await archived();
    const archive = new Archive(files, () => undefined, () => 'merged');
    // Another window archives into the month while this one merges it: that file must survive.
    const late = files.files.get([...files.files.keys()][0] as string) as string;
    files.beforeWrite = (name) => name === '2026-10.merged.json' && files.files.set('2026-10.late-1.json', late);
    await archive.compact('2026-11');
    const names = [...files.files.keys()].sort();
    assert.deepEqual(names, ['2026-10.late-1.json', '2026-10.merged.json']);
    assert.equal(before.sessions.length, 3);
    assert.ok(sameContent((await archived()).sessions, before.sessions));
  });

  it('never writes a merged file under the name of a file it merges, even when names repeat', async () => {
    const files = new MemoryArchiveFiles();
    const counter = () => {
      let n = 0;
      return () => `part-${++n}`;
    };
    const writer = new JournalStore(new MemoryMemento(), () => NOW, () => undefined, { archive: new Archive(files, () => undefined, counter(), () => NOW) });
    const oct = Date.UTC(2026, 9, 5, 9);
    for (let d = 0; d < 2; d++) await writer.apply((j) => withSession(j, oct + d * DAY, true));
    assert.deepEqual([...files.files.keys()].sort(), ['2026-10.part-1.json', '2026-10.part-2.json']);
    // A second archive whose names start over, as a test harness's do, merges the month.
    await new Archive(files, () => undefined, counter(), () => NOW).compact('2026-11');
    assert.deepEqual([...files.files.keys()], ['2026-10.part-3.json']);
    assert.equal((await new Archive(files, () => undefined, counter()).journal()).sessions.length, 2);
  });

  it('merges last month\'s files at a window\'s start, reading only that month', async () => {
    const memento = new MemoryMemento();
    const files = new MemoryArchiveFiles();
    const oct = Date.UTC(2026, 9, 5, 9);
    // Three sessions of October archived one by one, as three windows' ends write them; one of September.
    const first = store(memento, files);
    await first.apply(() => withSessions([{ at: Date.UTC(2026, 8, 10, 9), ended: true }]));
    for (let i = 0; i < 3; i++) await first.apply((j) => withSession(j, oct + i * DAY, true));
    assert.equal([...files.files.keys()].filter((n) => archiveMonth(n) === '2026-10').length, 3);
    await first.archiveView();
    const reads: string[] = [];
    const read = files.read.bind(files);
    files.read = (name) => (reads.push(name), read(name));
    const window = store(memento, files);
    await window.tidy();
    await window.whenIdle();
    await window.archiveView();
    assert.deepEqual([...files.files.keys()].filter((n) => archiveMonth(n) === '2026-10').length, 1, 'one file for October');
    assert.deepEqual(reads.filter((n) => archiveMonth(n) === '2026-09'), [], 'September\'s records were not read');
    assert.ok(reads.some((n) => archiveMonth(n) === '2026-10'));
    files.read = read;
    assert.equal((await store(memento, files).history()).sessions.length, 4);
  });

  it('merges the current month at a window\'s start once it has 8 files, and a view reads only a month\'s new file', async () => {
    const memento = new MemoryMemento();
    const files = new MemoryArchiveFiles();
    const nov = Date.UTC(2026, 10, 2, 9);
    const first = store(memento, files);
    const monthFiles = () => [...files.files.keys()].filter((n) => archiveMonth(n) === '2026-11');
    for (let i = 0; i < 7; i++) await first.apply((j) => withSession(j, nov + i * DAY, true));
    assert.equal(monthFiles().length, 7);
    await store(memento, files).tidy();
    assert.equal(monthFiles().length, 7, 'seven files are left as they are');
    const window = store(memento, files);
    await window.archiveView().then((v) => v?.months(['2026-11']));
    await window.apply((j) => withSession(j, nov + 8 * DAY, true));
    const reads: string[] = [];
    const read = files.read.bind(files);
    files.read = (name) => (reads.push(name), read(name));
    const view = await window.archiveView();
    assert.equal((await view?.months(['2026-11']))?.sessions.length, 8);
    assert.deepEqual(reads.filter((n) => archiveMonth(n) !== undefined), [], 'the files read before and the one it wrote are known');
    files.read = read;
    const next = store(memento, files);
    await next.tidy();
    await next.archiveView();
    assert.equal(monthFiles().length, 1, 'eight files are merged into one');
    assert.equal((await store(memento, files).history()).sessions.length, 8);
  });

  it('says nothing of a file another window merged away between a look at the folder and the read', async () => {
    const memento = new MemoryMemento();
    const files = new MemoryArchiveFiles();
    const problems: string[] = [];
    const first = store(memento, files);
    for (let i = 0; i < 2; i++) await first.apply((j) => withSession(j, Date.UTC(2026, 9, 5 + i, 9), true));
    await store(memento, files).archiveView();
    const reader = store(memento, files, problems);
    const view = await reader.archiveView();
    await new Archive(files, () => undefined, () => 'merged-1').compact('2026-11');
    assert.equal([...files.files.keys()].filter((n) => archiveMonth(n) === '2026-10').length, 1);
    // The reader's look listed the two files that are gone now; the merged one comes with its next look.
    assert.equal((await view?.months(['2026-10']))?.sessions.length, 0);
    assert.deepEqual(problems, []);
    assert.equal((await (await reader.archiveView())?.months(['2026-10']))?.sessions.length, 2);
  });

  it('goes on without the archive when it cannot be listed: a win is logged and acknowledged, the problem said once', async () => {
    const h = harness();
    const session = await startFirstSession(h);
    h.files.failList = true;
    const first = await logWinAction(h.ctx, { sessionId: session.id, text: 'first' });
    const second = await logWinAction(h.ctx, { sessionId: session.id, text: 'second' });
    assert.match(first.notices[0]?.text ?? '', /"first" — that is 1 win this session and 1 today/);
    assert.match(second.notices[0]?.text ?? '', /2 today/);
    assert.equal(h.problems.filter((p) => /could not list its archive/.test(p)).length, 1, 'said once');
    h.files.failList = false;
  });

  it('says once when the archive cannot be listed, shows what it has, and reads it again later', async () => {
    const memento = new MemoryMemento();
    const files = new MemoryArchiveFiles();
    await store(memento, files).apply(() => withSessions([{ at: NOW - 3 * DAY, ended: true }, { at: NOW, ended: false }]));
    const problems: string[] = [];
    const reader = store(memento, files, problems);
    files.failList = true;
    assert.equal((await reader.history()).sessions.length, 1, 'the live journal still shows');
    await reader.history();
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /could not list its archive \(Error: EACCES/);
    files.failList = false;
    assert.equal((await reader.history()).sessions.length, 2);
  });

  it('sees sessions another window archived', async () => {
    const memento = new MemoryMemento();
    const files = new MemoryArchiveFiles();
    const a = store(memento, files);
    const b = store(memento, files);
    await a.apply(() => withSessions([{ at: NOW - DAY, ended: false }]));
    assert.equal((await b.history()).sessions.length, 1);
    await a.apply((j) => ({ ...j, sessions: j.sessions.map((s) => endSession(s, {}, undefined, NOW)) }));
    b.refresh();
    const seen = await b.history();
    assert.equal(seen.sessions.length, 1);
    assert.equal(seen.sessions[0]?.endedAt, NOW);
  });
});
