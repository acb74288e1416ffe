import * as assert from 'node:assert/strict';
import { emptyJournal } from '../../src/core/records/schema';
import type { Journal } from '../../src/core/records/schema';
import { mergeJournals, sameContent } from '../../src/core/records/merge';
import { addDomain } from '../../src/core/records/journal';
import { deleteRecords } from '../../src/core/records/edit';
import { activeSession, endSession, logWin, newSubgoal, pause, startSession, updateRunning } from '../../src/core/practices/session';
import { exportJournal, importJournal } from '../../src/core/records/transfer';
import { JOURNAL_KEY, JournalStore } from '../../src/host/storage/journalStore';
import type { MementoLike } from '../../src/host/platform/mementoLike';
import { Archive } from '../../src/host/storage/archive';
import { MemoryArchiveFiles, TestClock, IMPORT_NOW } from './helpers';

/**
 * Storage shared by windows the way VS Code's globalState is: one blob, last writer wins, and each
 * window sees another's write only when it is delivered (after a delay, in any order).
 */
class SharedStorage {
  /** The journal key's value, which the tests read. */
  stored: unknown;
  /** Every other key (what Settings Sync carries, the erase mark). */
  others: Record<string, unknown> = {};
  readonly windows: WindowMemento[] = [];
  window(): WindowMemento {
    const w = new WindowMemento(this);
    this.windows.push(w);
    return w;
  }
  deliverAll(): void {
    for (const w of this.windows) {
      w.cache = this.stored === undefined ? undefined : copy(this.stored);
      w.others = copy(this.others);
    }
  }
}

class WindowMemento implements MementoLike {
  cache: unknown;
  others: Record<string, unknown> = {};
  constructor(private readonly shared: SharedStorage) {}
  get(key: string): unknown {
    return key === JOURNAL_KEY ? this.cache : this.others[key];
  }
  update(key: string, value: unknown): Promise<void> {
    const stored = value === undefined ? undefined : copy(value);
    if (key === JOURNAL_KEY) {
      this.cache = stored;
      this.shared.stored = stored === undefined ? undefined : copy(stored);
    } else {
      this.others[key] = stored;
      this.shared.others[key] = stored === undefined ? undefined : copy(stored);
    }
    return Promise.resolve();
  }
  keys(): readonly string[] {
    return [JOURNAL_KEY, ...Object.keys(this.others).filter((k) => this.others[k] !== undefined)];
  }
}

/**
 * A window's globalState as VS Code's extension host keeps it (ExtensionMemento): one object for all
 * keys; `update` changes it at once and stores the whole object a moment later; every value stored
 * (this window's, echoed back before `update` resolves, or another window's) replaces the object.
 * `between` stands for a value VS Code delivers in that moment.
 */
class ExtensionHostMemento implements MementoLike {
  value: Record<string, unknown> = {};
  between: { beforeFlush?: () => void; afterFlush?: () => void } = {};
  #flush: Promise<void> | undefined;
  constructor(private readonly shared: { stored: Record<string, unknown> }) {}
  get(key: string): unknown {
    return this.value[key];
  }
  update(key: string, value: unknown): Promise<void> {
    // VS Code sets the key to undefined; the JSON of the whole object then has no such key.
    if (value === undefined) delete this.value[key];
    else this.value[key] = copy(value);
    this.#flush ??= Promise.resolve().then(() => {
      this.#flush = undefined;
      const { beforeFlush, afterFlush } = this.between;
      this.between = {};
      beforeFlush?.();
      this.shared.stored = copy(this.value);
      this.deliver(); // the echo
      afterFlush?.();
    });
    return this.#flush;
  }
  deliver(): void {
    this.value = copy(this.shared.stored);
  }
  keys(): readonly string[] {
    return Object.keys(this.value);
  }
}

/** A JSON copy, as VS Code stores and delivers a value. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function startedJournal(time: TestClock): Journal {
  const { journal, domain } = addDomain(emptyJournal(), 'parser tests', time.now);
  return startSession(journal, { domainId: domain.id, workspace: 'w', subgoals: [newSubgoal('g', 8, time.now)] }, time.now).journal;
}

const winIn = (text: string, now: number) => (j: Journal): Journal => {
  const s = activeSession(j);
  if (!s) throw new Error('no session');
  return updateRunning(j, s.id, (x) => logWin(x, { text }, now).session);
};

const texts = (journal: unknown): string[] => ((journal as Journal | undefined)?.sessions[0]?.wins ?? []).map((w) => w.text).sort();

/** Two windows' stores over one shared storage, with a session already started and seen by both. */
async function twoWindows(files?: MemoryArchiveFiles) {
  const time = new TestClock();
  const shared = new SharedStorage();
  let n = 0;
  const options = () => (files ? { archive: new Archive(files, () => undefined, () => `w${++n}`) } : {});
  const a = new JournalStore(shared.window(), time.clock, () => undefined, options());
  const b = new JournalStore(shared.window(), time.clock, () => undefined, options());
  await a.apply(() => startedJournal(time));
  shared.deliverAll();
  /** Delivers every write to every window and lets each reconcile, `rounds` times. */
  const settle = async (rounds: number) => {
    for (let round = 0; round < rounds; round++) {
      shared.deliverAll();
      a.refresh();
      b.refresh();
      await Promise.all([a.whenIdle(), b.whenIdle()]);
    }
  };
  return { time, shared, a, b, settle };
}

describe('two windows writing one globalState', () => {
  it('loses nothing when both write from a stale view at the same time', async () => {
    const { time, shared, a, b, settle } = await twoWindows();
    for (let i = 0; i < 20; i++) {
      // Both log before either sees the other's write: the second write replaces the first.
      await a.apply(winIn(`A${i}`, time.now + i));
      await b.apply(winIn(`B${i}`, time.now + i));
      await settle(1);
    }
    await settle(3);
    const stored = shared.stored as Journal;
    const wins = stored.sessions[0]?.wins.map((w) => w.text) ?? [];
    assert.equal(wins.length, 40);
    assert.equal(new Set(wins).size, 40, 'no duplicates');
    assert.deepEqual(a.live.sessions[0]?.wins.length, 40);
    assert.deepEqual(b.live.sessions[0]?.wins.length, 40);
  });

  it('a domain deleted in one window takes along the session and rating another window added to it meanwhile', async () => {
    const { time, shared, a, b, settle } = await twoWindows();
    await a.apply((j) => ({ ...j, sessions: j.sessions.map((s) => endSession(s, {}, undefined, time.now + 1)) }));
    await a.apply((j) => addDomain(j, 'kept', time.now).journal);
    await settle(1);
    const domainId = a.live.domains.find((d) => d.name === 'parser tests')?.id as string;
    // A deletes the domain with the sessions it knows; B, before seeing that, starts one in it and rates it.
    await a.apply((j) => deleteRecords(j, [domainId, ...j.sessions.filter((s) => s.domainId === domainId).map((s) => s.id)], time.now + 2));
    await b.apply((j) => {
      const started = startSession(j, { domainId, workspace: 'w', subgoals: [newSubgoal('meanwhile', 7, time.now + 3)] }, time.now + 3).journal;
      return { ...started, ratings: [{ id: 'rating1', domainId, at: time.now + 3, value: 60 }] };
    });
    await settle(3);
    const third = new JournalStore(shared.window(), time.clock, () => undefined);
    shared.deliverAll();
    for (const journal of [a.live, b.live, third.live]) {
      assert.deepEqual(journal.domains.map((d) => d.name), ['kept']);
      assert.deepEqual(journal.sessions, [], 'no session lives on under a deleted domain');
      assert.deepEqual(journal.ratings, []);
    }
  });

  it('ends the session everywhere once one window ends it, keeping wins logged meanwhile', async () => {
    const { time, shared, a, b, settle } = await twoWindows();
    const id = activeSession(a.live)?.id as string;
    await b.apply(winIn('late win', time.now + 5));
    await a.apply((j) => ({ ...j, sessions: j.sessions.map((s) => (s.id === id ? endSession(s, {}, undefined, time.now + 10) : s)) }));
    await settle(3);
    assert.equal(activeSession(b.live), undefined);
    assert.equal((shared.stored as Journal).sessions[0]?.wins[0]?.text, 'late win');
  });

  it('with an archive, a stale window neither revives an ended session nor loses its late win', async () => {
    const files = new MemoryArchiveFiles();
    const { time, shared, a, b, settle } = await twoWindows(files);
    const id = activeSession(a.live)?.id as string;
    await b.apply(winIn('late win', time.now + 5));
    // A has not seen B's write yet: it ends its copy, which leaves the live journal for the archive.
    await a.apply((j) => ({ ...j, sessions: j.sessions.map((s) => (s.id === id ? endSession(s, {}, undefined, time.now + 10) : s)) }));
    assert.equal((shared.stored as Journal).sessions.length, 0);
    await settle(3);
    assert.equal((shared.stored as Journal).sessions.length, 0, 'not revived as running');
    assert.equal(activeSession(a.live), undefined);
    assert.equal(activeSession(b.live), undefined);
    for (const store of [a, b]) {
      const [ended] = (await store.history()).sessions;
      assert.equal(ended?.endedAt, time.now + 10);
      assert.deepEqual(ended?.wins.map((w) => w.text), ['late win']);
    }
  });

  it('writes the merge back even when a plain read (the status bar tick) sees the other write first', async () => {
    const { time, shared, a, b } = await twoWindows();
    await a.apply(winIn('from A', time.now + 1));
    await b.apply(winIn('from B', time.now + 2)); // B has not seen A's write: it replaces it
    shared.deliverAll();
    void a.live; // the tick reads first
    a.refresh(); // the change signal arrives after
    await a.whenIdle();
    const wins = (shared.stored as Journal).sessions[0]?.wins.map((w) => w.text).sort();
    assert.deepEqual(wins, ['from A', 'from B']);
  });

  it('writes back a win it had already seen stored, when a stale window later drops it', async () => {
    const { time, shared, a, b } = await twoWindows();
    const [memoA] = shared.windows;
    const deliverToA = () => memoA && (memoA.cache = JSON.parse(JSON.stringify(shared.stored)) as unknown);
    await a.apply(winIn('from A', time.now + 1));
    await b.apply(winIn('from B', time.now + 2)); // B has not seen A's win
    deliverToA();
    a.refresh();
    await a.whenIdle(); // A writes the merge, and sees its win stored: nothing left to confirm
    deliverToA();
    a.refresh();
    await b.apply(winIn('from B again', time.now + 3)); // B still has not seen A's win
    deliverToA();
    a.refresh();
    await a.whenIdle();
    const wins = (shared.stored as Journal).sessions[0]?.wins.map((w) => w.text).sort();
    assert.deepEqual(wins, ['from A', 'from B', 'from B again']);
  });

  it('an erase in one window stays erased: the other window neither writes back nor shows what it knew', async () => {
    const files = new MemoryArchiveFiles();
    const { time, shared, a, b, settle } = await twoWindows(files);
    const id = activeSession(a.live)?.id as string;
    await b.apply(winIn('from B', time.now + 1));
    await settle(2);
    // One session ended and archived, one running: both kinds of record must stay gone.
    await a.apply((j) => ({ ...j, sessions: j.sessions.map((s) => (s.id === id ? endSession(s, {}, undefined, time.now + 2) : s)) }));
    await settle(2);
    await b.apply((j) => startSession(j, { domainId: j.domains[0]?.id as string, workspace: 'w', subgoals: [newSubgoal('again', 7, time.now + 3)] }, time.now + 3).journal);
    await settle(2);
    assert.equal((await b.history()).sessions.length, 2, 'B has seen both sessions');
    await a.erase();
    await settle(3);
    await b.apply((j) => addDomain(j, 'after the erase', time.now + 4).journal);
    await settle(2);
    const stored = shared.stored as Journal;
    assert.deepEqual(stored.sessions, [], 'no session came back');
    assert.deepEqual(stored.domains.map((d) => d.name), ['after the erase']);
    for (const store of [a, b]) {
      assert.deepEqual((await store.history()).sessions, []);
      assert.deepEqual(store.live.domains.map((d) => d.name), ['after the erase']);
    }
    assert.deepEqual([...files.files.keys()].filter((n) => /^\d{4}-\d{2}\./.test(n)), [], 'no archive file came back');
  });

  it("keeps a window's own wins aside, not lost, when combining them with another window's exceeds a bound, and combines them at the next change that fits", async () => {
    const time = new TestClock();
    const shared = new SharedStorage();
    const problems: string[] = [];
    const a = new JournalStore(shared.window(), time.clock, (p) => problems.push(p));
    const b = new JournalStore(shared.window(), time.clock, () => undefined);
    await a.apply(() => startedJournal(time));
    shared.deliverAll();
    const wins = (prefix: string, n: number) => (j: Journal): Journal => {
      const s = activeSession(j);
      if (!s) throw new Error('no session');
      return updateRunning(j, s.id, (x) => {
        let session = x;
        for (let i = 0; i < n; i++) session = logWin(session, { text: `${prefix}${i}` }, time.now + i).session;
        return session;
      });
    };
    // Each window logs within the bound (2,000 wins a session); together they exceed it.
    await a.apply(wins('A', 1001));
    await b.apply(wins('B', 1000)); // B has not seen A's wins: its write replaces them
    shared.deliverAll();
    a.refresh();
    await a.whenIdle();
    assert.deepEqual(texts(shared.stored).filter((w) => w.startsWith('A')), [], 'the merge was not stored');
    const [aside] = a.setAside();
    assert.equal(texts(aside?.data).filter((w) => w.startsWith('A')).length, 1001, "A's wins are kept aside, listed for the user");
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /kept aside under "recovery\.\d+"/);
    assert.doesNotMatch(problems[0] ?? '', /Nothing was changed/);
    // A change in A is not refused because of it: it is made on the stored journal, and the merge waits.
    await a.apply((j) => addDomain(j, 'meanwhile', time.now).journal);
    assert.deepEqual(a.live.domains.map((d) => d.name).sort(), ['meanwhile', 'parser tests']);
    assert.equal(problems.length, 1, 'said once');
    // B makes room; A's next change combines what it knew, and what was kept aside goes.
    shared.deliverAll();
    b.refresh();
    await b.apply((j) => deleteRecords(j, (activeSession(j)?.wins ?? []).slice(900).map((w) => w.id), time.now));
    shared.deliverAll();
    await a.apply((j) => addDomain(j, 'after', time.now).journal);
    assert.equal(texts(shared.stored).filter((w) => w.startsWith('A')).length, 1001);
    assert.equal(texts(shared.stored).length, 1901);
    assert.deepEqual(a.setAside(), []);
  });

  it('reading the journal writes nothing, even when it finds work to do (a merge, an erase to restore)', async () => {
    const time = new TestClock();
    const shared = new SharedStorage();
    let updates = 0;
    const counted = (memento: WindowMemento): WindowMemento => {
      const update = memento.update.bind(memento);
      memento.update = (key, value) => {
        updates++;
        return update(key, value);
      };
      return memento;
    };
    const memoA = counted(shared.window());
    const a = new JournalStore(memoA, time.clock, () => undefined);
    const b = new JournalStore(counted(shared.window()), time.clock, () => undefined);
    await a.apply(() => startedJournal(time));
    shared.deliverAll();
    await a.apply(winIn('from A', time.now + 1));
    await b.apply(winIn('from B', time.now + 2)); // replaces A's win
    shared.deliverAll();
    let before = updates;
    void a.live;
    await a.whenIdle();
    assert.equal(updates, before, 'a read found the replacement and wrote nothing');
    a.refresh();
    await a.whenIdle();
    assert.ok(updates > before, 'the refresh writes the merge');
    assert.deepEqual(texts(shared.stored), ['from A', 'from B']);
    // An erase, then a write from a window that had not seen it: reading finds it, refreshing restores it.
    await a.erase();
    await b.apply(winIn('stale', time.now + 3));
    // VS Code stores one blob per window: B's value reaches A without the erase mark B never saw.
    memoA.cache = copy(shared.stored);
    memoA.others = copy(shared.windows[1]?.others ?? {});
    before = updates;
    assert.deepEqual(a.live.sessions, []);
    await a.whenIdle();
    assert.equal(updates, before, 'a read found the stale write and wrote nothing');
    a.refresh();
    await a.whenIdle();
    assert.deepEqual((shared.stored as Journal).sessions, []);
  });

  it('tells other windows after each write, so they refresh', async () => {
    const time = new TestClock();
    let signals = 0;
    const store = new JournalStore(new SharedStorage().window(), time.clock, () => undefined, { signal: () => signals++ });
    await store.apply(() => startedJournal(time));
    await store.apply((j) => j);
    assert.equal(signals, 1, 'a change signals once; no change, no signal');
  });
});

/** Two windows over VS Code's memento, both holding a running session; with `files`, sharing an archive. */
async function hosts(files?: MemoryArchiveFiles) {
  const time = new TestClock();
  const shared = { stored: {} as Record<string, unknown> };
  const memoA = new ExtensionHostMemento(shared);
  const memoB = new ExtensionHostMemento(shared);
  let n = 0;
  const options = () => (files ? { archive: new Archive(files, () => undefined, () => `w${++n}`, time.clock) } : {});
  const a = new JournalStore(memoA, time.clock, () => undefined, options());
  const b = new JournalStore(memoB, time.clock, () => undefined, options());
  await a.apply(() => startedJournal(time));
  a.refresh();
  await a.whenIdle();
  memoB.deliver();
  b.refresh();
  await b.whenIdle();
  return { time, shared, memoA, memoB, a, b };
}
const storedJournal = (shared: { stored: Record<string, unknown> }) => shared.stored[JOURNAL_KEY] as Journal | undefined;

describe('a window whose write VS Code replaced before or after storing it', () => {
  for (const moment of ['beforeFlush', 'afterFlush'] as const) {
    it(`writes its win again when another window's value arrives ${moment === 'beforeFlush' ? 'before its update is stored' : 'before its update resolves'}`, async () => {
      const { time, shared, memoA, a, b } = await hosts();
      // B logs a win from the view both share; its value reaches A in the middle of A's own write.
      await b.apply(winIn('from B', time.now + 1));
      const fromB = copy(shared.stored);
      memoA.between = { [moment]: () => (memoA.value = copy(fromB)) };
      await a.apply(winIn('from A', time.now + 2));
      await a.whenIdle();
      const wins = storedJournal(shared)?.sessions[0]?.wins.map((w) => w.text).sort();
      assert.deepEqual(wins, ['from A', 'from B'], 'stored without waiting for another read or write');
      assert.deepEqual(a.live.sessions[0]?.wins.map((w) => w.text).sort(), ['from A', 'from B']);
    });
  }

  it('takes the echo of its own write, both keys in one, as what it wrote: nothing read again', async () => {
    const time = new TestClock();
    const memo = new ExtensionHostMemento({ stored: {} });
    const store = new JournalStore(memo, time.clock, () => undefined);
    let told: Journal | undefined;
    store.onDidChange((journal) => (told = journal));
    for (const change of [() => startedJournal(time), winIn('one', time.now + 1), (j: Journal) => addDomain(j, 'second', time.now + 2).journal]) {
      await store.apply(change);
      await store.whenIdle();
      assert.equal(store.live, told, 'the journal it wrote is the one it reads');
    }
  });
});

describe('an erase against values stored by a window that had not yet seen it', () => {
  /** Delivers what is stored to a window and lets it react. */
  const deliver = async (memo: ExtensionHostMemento, store: JournalStore) => {
    memo.deliver();
    store.refresh();
    await store.whenIdle();
  };

  it('a write from a window that has not received the erase does not undo it', async () => {
    const { time, shared, memoA, memoB, a, b } = await hosts();
    await a.erase();
    await b.apply(winIn('from B, before it saw the erase', time.now + 1));
    assert.equal(storedJournal(shared)?.sessions.length, 1, 'B stored its stale copy last');
    await deliver(memoA, a);
    await deliver(memoB, b);
    assert.deepEqual(storedJournal(shared)?.sessions, []);
    assert.deepEqual(a.live.sessions, []);
    assert.deepEqual(b.live.sessions, []);
  });

  it('the erase holds when the window that erased is closed before the stale write reaches it', async () => {
    const { time, shared, memoB, a, b } = await hosts();
    await a.erase();
    const erased = copy(shared.stored);
    await b.apply(winIn('from B, before it saw the erase', time.now + 1));
    // Window A closes; B's copy then receives the erase, which storage no longer holds.
    assert.equal(storedJournal(shared)?.sessions.length, 1);
    memoB.value = copy(erased);
    b.refresh();
    await b.whenIdle();
    assert.deepEqual(storedJournal(shared)?.sessions, []);
    assert.equal(shared.stored['erased'], erased['erased']);
    assert.deepEqual(b.live.sessions, []);
  });

  it('what the erasing window added after the erase survives that stale write', async () => {
    const { time, shared, memoA, memoB, a, b } = await hosts();
    await a.erase();
    await a.apply((j) => addDomain(j, 'after the erase', time.now + 1).journal);
    await b.apply(winIn('from B, before it saw the erase', time.now + 2));
    await deliver(memoA, a);
    await deliver(memoB, b);
    for (const journal of [storedJournal(shared), a.live, b.live]) {
      assert.deepEqual(journal?.domains.map((d) => d.name), ['after the erase']);
      assert.deepEqual(journal?.sessions, []);
    }
  });

  for (const readMeanwhile of [false, true]) {
    it(`a session ended in a window that receives the erase while archiving it comes back neither in the journal nor the archive${readMeanwhile ? ', when a read (the tick) takes the erase in first' : ''}`, async () => {
      const files = new MemoryArchiveFiles();
      const { time, shared, memoA, memoB, a, b } = await hosts(files);
      const id = activeSession(b.live)?.id as string;
      await a.erase();
      // The erase reaches B while B writes the ended session's archive file.
      const write = files.write.bind(files);
      files.write = (name, text) => {
        files.write = write;
        memoB.value = copy(shared.stored);
        if (readMeanwhile) b.refresh();
        return write(name, text);
      };
      const ending = b.apply((j) => ({ ...j, sessions: j.sessions.map((s) => (s.id === id ? endSession(s, {}, undefined, time.now + 1) : s)) }));
      await assert.rejects(ending, /deleted in another window while this change was being saved/);
      await deliver(memoA, a);
      await deliver(memoB, b);
      await deliver(memoA, a);
      assert.deepEqual(storedJournal(shared)?.sessions ?? [], []);
      for (const store of [a, b]) assert.deepEqual((await store.history()).sessions, []);
      assert.deepEqual([...files.files.keys()].filter((name) => /^\d{4}-\d{2}\./.test(name)), [], 'no archive file of the ended session');
    });
  }

  it('what was set aside before the erase does not come back with a stale write', async () => {
    const { time, shared, memoA, memoB, a, b } = await hosts();
    shared.stored[`recovery.${time.now - 1000}`] = { problem: 'unreadable', at: time.now - 1000, data: { sessions: 'x' } };
    memoA.deliver();
    memoB.deliver();
    await a.erase();
    await b.apply(winIn('from B, before it saw the erase', time.now + 1));
    await deliver(memoA, a);
    await deliver(memoB, b);
    assert.deepEqual(Object.keys(shared.stored).filter((key) => key.startsWith('recovery.')), []);
    assert.deepEqual(a.setAside(), []);
  });

  it('a second erase with the clock set back still wins over the first', async () => {
    const { time, shared, memoA, memoB, a, b } = await hosts();
    await a.erase();
    await deliver(memoB, b);
    await a.apply((j) => addDomain(j, 'between the erases', time.now + 1).journal);
    await deliver(memoB, b);
    time.advance(-3_600_000);
    await b.erase();
    await deliver(memoA, a);
    await deliver(memoB, b);
    for (const journal of [storedJournal(shared), a.live, b.live]) assert.deepEqual(journal?.domains ?? [], []);
  });

  it("an erase whose write another window's value replaced before it was stored is written again", async () => {
    const { time, shared, memoA, a, b } = await hosts();
    await b.apply(winIn('from B', time.now + 1));
    const fromB = copy(shared.stored);
    memoA.between = { beforeFlush: () => (memoA.value = copy(fromB)) };
    await a.erase();
    await a.whenIdle();
    assert.deepEqual(storedJournal(shared)?.sessions ?? [], [], 'gone from storage');
    assert.deepEqual(a.live.sessions, [], 'and from the window that erased');
  });
});

describe('merge', () => {
  const time = new TestClock();
  const base = startedJournal(time);
  const id = activeSession(base)?.id as string;
  const a = updateRunning(base, id, (s) => pause(logWin(s, { text: 'a' }, time.now + 1).session, time.now + 2));
  const b = updateRunning(base, id, (s) => logWin(s, { text: 'b' }, time.now + 3).session);

  it('is commutative, idempotent and keeps every record', () => {
    const ab = mergeJournals(a, b);
    assert.ok(sameContent(ab, mergeJournals(b, a)));
    assert.ok(sameContent(mergeJournals(ab, ab), ab));
    assert.ok(sameContent(mergeJournals(ab, a), ab));
    assert.deepEqual(ab.sessions[0]?.wins.map((w) => w.text).sort(), ['a', 'b']);
    assert.equal(ab.sessions[0]?.pauses.length, 1);
  });

  it('compares content regardless of key order', () => {
    assert.ok(sameContent({ x: 1, y: [1, { z: 2 }] }, { y: [1, { z: 2 }], x: 1 }));
    assert.ok(!sameContent({ x: 1 }, { x: 2 }));
    assert.ok(sameContent({ x: 1, y: undefined }, { x: 1 }));
  });
});

describe('export → import round trip (generated journals)', () => {
  it('is lossless for 200 generated journals', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let run = 0; run < 200; run++) {
      const time = new TestClock(Date.UTC(2026, 0, 1) + Math.floor(random() * 1e10));
      let journal = emptyJournal();
      const domains = 1 + Math.floor(random() * 3);
      for (let d = 0; d < domains; d++) journal = addDomain(journal, `domain ${d} ${'é'.repeat(d)}`, time.now).journal;
      const sessions = Math.floor(random() * 6);
      for (let s = 0; s < sessions; s++) {
        const domain = journal.domains[Math.floor(random() * journal.domains.length)];
        const goals = [newSubgoal(`goal <b>${s}</b> \u202e`, Math.floor(random() * 11), time.now)];
        journal = startSession(journal, { domainId: domain?.id as string, workspace: 'w', subgoals: goals, ...(random() < 0.5 ? { plannedMinutes: 25 } : {}) }, time.now).journal;
        const sid = activeSession(journal)?.id as string;
        const wins = Math.floor(random() * 5);
        for (let w = 0; w < wins; w++) journal = updateRunning(journal, sid, (x) => logWin(x, { text: `win ${w} "quoted" \\ ${'x'.repeat(Math.floor(random() * 400))}`.trim() }, time.now + w).session);
        journal = { ...journal, sessions: journal.sessions.map((x) => (x.id === sid ? endSession(x, { [goals[0]?.id as string]: random() < 0.5 ? 'met' : 'missed' }, undefined, time.now + 60_000) : x)) };
        time.advance(86_400_000);
      }
      const result = importJournal(emptyJournal(), exportJournal(journal, time.now), IMPORT_NOW);
      assert.ok(result.ok, `run ${run}: ${result.ok ? '' : result.message}`);
      assert.deepEqual(result.journal, journal, `run ${run}`);
    }
  });
});

describe('what goes with a deleted record', () => {
  const at = Date.UTC(2026, 10, 16, 9);
  const session = (id: string, domainId: string, o: Partial<Journal['sessions'][number]> = {}): Journal['sessions'][number] => ({ id, domainId, workspace: 'w', startedAt: at, pauses: [], subgoals: [], wins: [], cueIds: [], reframes: [], ...o });

  it('a session folded into one since deleted goes with it, whatever copy still held it', () => {
    const journal: Journal = {
      ...emptyJournal(),
      domains: [{ id: 'd1', name: 'parser tests', createdAt: at }],
      sessions: [session('s2', 'd1', { wins: [{ id: 'w1', text: 'secret', at, source: 'manual' }] })],
      deleted: [{ id: 's2', at, into: 's1' }, { id: 's1', at: at + 1 }],
    };
    assert.deepEqual(mergeJournals(journal, emptyJournal()).sessions, []);
  });

  it('a rating of a domain merged into one since deleted goes too', () => {
    const journal: Journal = {
      ...emptyJournal(),
      ratings: [{ id: 'r1', domainId: 'd2', at, value: 50 }],
      deleted: [{ id: 'd2', at, into: 'd1' }, { id: 'd1', at: at + 1 }],
    };
    assert.deepEqual(mergeJournals(journal, emptyJournal()).ratings, []);
  });
});
