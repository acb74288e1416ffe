import * as assert from 'node:assert/strict';
import { addDomain } from '../../src/core/records/journal';
import { emptyJournal, SCHEMA_VERSION } from '../../src/core/records/schema';
import type { Journal } from '../../src/core/records/schema';
import { endSession, newSubgoal, startSession } from '../../src/core/practices/session';
import { DAY } from '../../src/core/time';
import { Archive } from '../../src/host/storage/archive';
import { JournalStore } from '../../src/host/storage/journalStore';
import { MemoryArchiveFiles } from './helpers';
import { MemoryMemento } from '../harness/memoryMemento';

const NOW = Date.UTC(2026, 10, 16, 9);
const OCT = Date.UTC(2026, 9, 5, 9);
const SEP = Date.UTC(2026, 8, 5, 9);

/** A window: its store and its archive over the shared globalState and archive folder. */
function window(memento: MemoryMemento, files: MemoryArchiveFiles, problems: string[] = [], now = NOW) {
  let n = 0;
  const report = (p: string) => problems.push(p);
  const archive = new Archive(files, report, () => `t${++n}-${Math.random().toString(36).slice(2, 8)}`, () => now);
  return { archive, store: new JournalStore(memento, () => now, report, { archive }) };
}

/** Adds an ended session started at `at`, in the journal's domain (created if needed). */
function withEnded(journal: Journal, at: number, goal = 'one edge case'): Journal {
  const domain = journal.domains[0] ?? addDomain(journal, 'parser tests', at).domain;
  const base = journal.domains[0] ? journal : { ...journal, domains: [domain] };
  const started = startSession(base, { domainId: domain.id, workspace: 'w', subgoals: [newSubgoal(goal, 8, at)] }, at);
  return { ...started.journal, sessions: started.journal.sessions.map((s) => (s.id === started.session.id ? endSession(s, {}, undefined, at + 60_000) : s)) };
}

/** The text of an archive file holding one ended session, as a version of this format number would write it. */
function partText(at: number, goal: string, version: number): string {
  const part: Journal = { ...emptyJournal(), sessions: withEnded(emptyJournal(), at, goal).sessions };
  return JSON.stringify({ ...part, version });
}

const monthFiles = (files: MemoryArchiveFiles) => [...files.files.keys()].filter((n) => /^\d{4}-\d{2}\.[^.]+\.json$/.test(n));

describe('archive: files a newer Small Wins wrote (after a downgrade)', () => {
  it('leaves them exactly as they are, reads the rest, says so once, and reads them again once updated', async () => {
    const memento = new MemoryMemento();
    const files = new MemoryArchiveFiles();
    const { store: writer } = window(memento, files);
    for (let d = 0; d < 2; d++) await writer.apply((j) => withEnded(j, OCT + d * DAY));
    const newer = new Map([
      ['2026-10.zz-newer-1.json', partText(OCT + 5 * DAY, 'from the future, October', 99)],
      ['2026-09.zz-newer-2.json', partText(SEP, 'from the future, September', 99)],
    ]);
    for (const [name, text] of newer) files.files.set(name, text);

    const problems: string[] = [];
    const { store, archive } = window(memento, files, problems, NOW + 40 * DAY);
    assert.deepEqual((await store.history()).sessions.map((s) => s.subgoals[0]?.text), ['one edge case', 'one edge case'], 'the rest is read, theirs is not');
    await archive.compact('2026-12');
    const futureIds = (JSON.parse(newer.get('2026-10.zz-newer-1.json') as string) as Journal).sessions.map((s) => s.id);
    await archive.purge(new Set(futureIds));
    await store.archiveView();
    await store.history();

    for (const [name, text] of newer) assert.equal(files.files.get(name), text, `${name} is neither renamed nor rewritten`);
    assert.deepEqual([...files.files.keys()].filter((n) => n.endsWith('.damaged')), [], 'nothing set aside');
    assert.equal(monthFiles(files).filter((n) => n.startsWith('2026-10')).length, 2, 'the month is merged without it: one merged file and theirs');
    assert.deepEqual([...files.files.keys()].filter((n) => n.startsWith('2026-09.agg')), [], 'no aggregate of a month this version could not read');
    assert.equal(problems.length, 1, `said once: ${problems.join(' | ')}`);
    assert.match(problems[0] as string, /written by a newer version of Small Wins.*shown again once you update/);

    // An update that reads the newer format: the files, untouched, are read whole.
    for (const [name, text] of newer) files.files.set(name, text.replace('"version":99', `"version":${SCHEMA_VERSION}`));
    const updated = window(memento, files, problems, NOW + 41 * DAY).store;
    const goals = (await updated.history()).sessions.map((s) => s.subgoals[0]?.text).sort();
    assert.deepEqual(goals, ['from the future, October', 'from the future, September', 'one edge case', 'one edge case']);
  });

  it('leaves an aggregate a newer version wrote for the same files as it is, and sums the month in memory', async () => {
    const memento = new MemoryMemento();
    const files = new MemoryArchiveFiles();
    const { store: writer } = window(memento, files);
    await writer.apply((j) => withEnded(j, OCT));
    assert.ok(await writer.archiveView());
    const [aggregateName] = [...files.files.keys()].filter((n) => n.startsWith('2026-10.agg.'));
    assert.ok(aggregateName, 'the month has an aggregate');
    const stored = JSON.parse(files.files.get(aggregateName) as string) as { sources: string[]; aggregate: Record<string, unknown> };
    const theirs = JSON.stringify({ ...stored, aggregate: { ...stored.aggregate, v: 99, somethingNew: [1, 2, 3] } });
    files.files.set(aggregateName, theirs);

    const view = await window(memento, files, [], NOW + DAY).store.archiveView();
    assert.ok(view);
    assert.ok(view.aggregates.index.has('2026-10'), 'the month is still summed');
    assert.equal(files.files.get(aggregateName), theirs, 'neither removed nor replaced');
  });
});

describe('archive: an erase erases the archive', () => {
  it('an erase racing a compaction in another window leaves no archive file', async () => {
    const memento = new MemoryMemento();
    const files = new MemoryArchiveFiles();
    const a = window(memento, files);
    for (let d = 0; d < 3; d++) await a.store.apply((j) => withEnded(j, OCT + d * DAY));
    const b = window(memento, files);
    assert.equal(b.store.live.domains.length, 1, 'window B has read the journal');
    // Window A erases everything while B writes the month it merged; B learns of it only afterwards.
    const write = files.write.bind(files);
    files.write = async (name, text) => {
      files.write = write;
      await a.store.erase();
      return write(name, text);
    };
    await b.archive.compact('2026-11');
    assert.equal(monthFiles(files).length, 1, "B's merged file landed after the erase");
    b.store.refresh();
    await b.store.archiveView();
    assert.deepEqual([...files.files.keys()], []);
    assert.deepEqual((await b.store.history()).sessions, []);
    assert.deepEqual((await window(memento, files).store.history()).sessions, []);
  });

  it('an erase goes on past a file it cannot delete, says which, and shows nothing of it; the next start deletes it', async () => {
    const memento = new MemoryMemento();
    const files = new MemoryArchiveFiles();
    const problems: string[] = [];
    const a = window(memento, files, problems);
    for (let d = 0; d < 3; d++) await a.store.apply((j) => withEnded(j, OCT + d * DAY));
    files.files.set('2026-10.damaged-1.json.damaged', '{"version":1,"sessions":[{"id":');
    // The first file in the listing cannot be deleted (a lock, a permission).
    const stuck = '2026-09.0-stuck.json';
    files.files.set(stuck, partText(SEP, 'kept by a lock', SCHEMA_VERSION));
    const other = window(memento, files);
    assert.equal(other.store.live.domains.length, 1);
    assert.equal((await other.archive.journal()).sessions.length, 4, 'another window has read the archive');
    const remove = files.remove.bind(files);
    let locked = true;
    files.remove = (name) => (locked && name === stuck ? Promise.reject(new Error('EBUSY: resource busy or locked')) : remove(name));

    await a.store.erase();
    assert.deepEqual(monthFiles(files), [stuck], 'every other file is gone');
    assert.ok(![...files.files.keys()].some((n) => n.endsWith('.damaged')));
    assert.equal(problems.length, 1);
    assert.match(problems[0] as string, /could not delete some of its archive files \(Error: EBUSY[^)]*\): 2026-09\.0-stuck\.json\./);
    assert.deepEqual((await a.store.history()).sessions, [], 'not shown in the window that erased');
    other.store.refresh();
    assert.deepEqual((await other.store.history()).sessions, [], 'nor in another window');
    const view = await other.store.archiveView();
    assert.equal(view?.aggregates.index.size, 0, 'nor in its views');
    assert.deepEqual((await window(memento, files).store.history()).sessions, [], 'nor at the next start, while it cannot be deleted');

    locked = false;
    assert.deepEqual((await window(memento, files).store.history()).sessions, []);
    assert.deepEqual([...files.files.keys()], [], 'the next start deletes it, and the list of what was left');
  });

  it('a file set aside by another window after the erase is removed too', async () => {
    const memento = new MemoryMemento();
    const files = new MemoryArchiveFiles();
    const a = window(memento, files);
    await a.store.apply((j) => withEnded(j, OCT));
    files.files.set('2026-08.old-1.json.damaged', '{"an old file set aside');
    files.files.set('2026-09.broken-1.json', '{"version":1,"sessions":[{"id":');
    const b = window(memento, files);
    assert.equal(b.store.live.domains.length, 1);
    // B finds the damaged file and sets it aside just after A erased everything.
    const write = files.write.bind(files);
    files.write = async (name, text) => {
      files.write = write;
      if (name.endsWith('.damaged')) await a.store.erase();
      return write(name, text);
    };
    await b.store.history();
    await b.store.archiveView();
    // The erase's change signal reaches B, which removes what it added (reads alone write nothing).
    b.store.refresh();
    await b.store.whenIdle();
    assert.deepEqual([...files.files.keys()], []);
  });
});
