import { withoutSynced } from '../../src/core/records/synced';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { emptyJournal, journalSchema, SCHEMA_VERSION } from '../../src/core/records/schema';
import type { Journal } from '../../src/core/records/schema';
import { loadJournal, migrate } from '../../src/core/records/persisted';
import { exportJournal, importJournal, MAX_IMPORT_BYTES } from '../../src/core/records/transfer';
import { addDomain } from '../../src/core/records/journal';
import { newSubgoal, startSession } from '../../src/core/practices/session';
import { ERASED_ELSEWHERE_KEY, ERASED_KEY, JOURNAL_KEY, JournalStore, RECOVERY_PREFIX, SYNCED_KEY } from '../../src/host/storage/journalStore';
import { TestClock, IMPORT_NOW } from './helpers';
import { MemoryMemento } from '../harness/memoryMemento';

const fixtures = path.join(process.cwd(), 'test', 'fixtures');
const readFixture = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(fixtures, name), 'utf8'));

describe('schemas and migration', () => {
  it('reads every stored version fixture', () => {
    for (let v = 1; v <= SCHEMA_VERSION; v++) {
      const loaded = loadJournal(readFixture(`journal-v${v}.json`));
      assert.equal(loaded.rejected, undefined, `v${v} loads without rejects`);
      assert.ok(loaded.journal.sessions.length > 0);
      assert.equal(loaded.journal.version, SCHEMA_VERSION);
    }
  });

  it('runs each migration step in order up to the target', () => {
    const steps = {
      1: (old: Record<string, unknown>) => ({ ...old, renamed: old['legacy'] }),
      2: (old: Record<string, unknown>) => ({ ...old, doubled: (old['renamed'] as number) * 2 }),
    };
    const out = migrate({ version: 1, legacy: 21 }, steps, 3);
    assert.deepEqual(out, { ok: true, value: { version: 3, legacy: 21, renamed: 21, doubled: 42 } });
    assert.deepEqual(migrate({ version: 1 }, {}, 2), { ok: false, message: 'version: no migration from 1 to 2' });
  });

  it('refuses a newer version instead of mangling it', () => {
    const out = migrate({ version: SCHEMA_VERSION + 1 });
    assert.equal(out.ok, false);
    assert.match((out as { message: string }).message, /newer Small Wins/);
  });

  it('keeps valid records and sets aside a corrupted one', () => {
    const good = readFixture('journal-v1.json') as { sessions: unknown[] };
    const broken = { ...good, sessions: [...good.sessions, { id: 'x', domainId: 42 }] };
    const loaded = loadJournal(broken);
    assert.equal(loaded.journal.sessions.length, good.sessions.length);
    assert.ok(loaded.rejected);
    assert.deepEqual((loaded.rejected.data as { sessions: unknown[] }).sessions, [{ id: 'x', domainId: 42 }]);
    assert.match(loaded.rejected.problem, /sessions\[\d+\]/);
  });
});

describe('JournalStore over a Memento', () => {
  it('persists each change at once and reads it back in a new store (a reload)', async () => {
    const memento = new MemoryMemento();
    const time = new TestClock();
    const store = new JournalStore(memento, time.clock, () => undefined);
    await store.apply((j) => addDomain(j, 'SQL', time.now).journal);
    assert.equal(memento.writes, 2, 'the journal, and the synced part because a domain was added');
    const reloaded = new JournalStore(memento, time.clock, () => undefined);
    assert.equal(reloaded.live.domains[0]?.name, 'SQL');
  });

  it('keeps a corrupted stored value under a recovery key, reports it once, and loads the rest', async () => {
    const memento = new MemoryMemento();
    const fixture = readFixture('journal-v1.json') as { domains: unknown[] };
    await memento.update(JOURNAL_KEY, { ...fixture, domains: [...fixture.domains, { id: '', name: 7 }] });
    const problems: string[] = [];
    const store = new JournalStore(memento, new TestClock().clock, (p) => problems.push(p));
    assert.equal(store.live.domains.length, fixture.domains.length);
    await store.apply((j) => j);
    assert.equal(store.live.domains.length, fixture.domains.length);
    assert.equal(problems.length, 1);
    const keys = store.recoveryKeys();
    assert.equal(keys.length, 1);
    assert.ok(keys[0]?.startsWith(RECOVERY_PREFIX));
    assert.deepEqual((memento.get(keys[0] as string) as { data: { domains: unknown[] } }).data.domains, [{ id: '', name: 7 }]);
    // The next window to read finds a clean journal and reports nothing.
    const again: string[] = [];
    const next = new JournalStore(memento, new TestClock().clock, (p) => again.push(p));
    assert.equal(next.live.domains.length, fixture.domains.length);
    assert.deepEqual(again, []);
  });

  it('builds on a change another window stored instead of overwriting it', async () => {
    const memento = new MemoryMemento();
    const time = new TestClock();
    const a = new JournalStore(memento, time.clock, () => undefined);
    const b = new JournalStore(memento, time.clock, () => undefined);
    assert.equal(a.live.domains.length, 0);
    await b.apply((j) => addDomain(j, 'from B', time.now).journal);
    await a.apply((j) => addDomain(j, 'from A', time.now).journal);
    assert.deepEqual(new JournalStore(memento, time.clock, () => undefined).live.domains.map((d) => d.name), ['from B', 'from A']);
  });

  it('tells listeners when a refresh finds another window’s change', async () => {
    const memento = new MemoryMemento();
    const time = new TestClock();
    const a = new JournalStore(memento, time.clock, () => undefined);
    const b = new JournalStore(memento, time.clock, () => undefined);
    void a.live;
    let seen = 0;
    a.onDidChange(() => seen++);
    a.refresh();
    assert.equal(seen, 0, 'no change, no event');
    await b.apply((j) => addDomain(j, 'elsewhere', time.now).journal);
    a.refresh();
    assert.equal(seen, 1);
  });

  it('changes nothing when a change throws', async () => {
    const memento = new MemoryMemento();
    const store = new JournalStore(memento, new TestClock().clock, () => undefined);
    await assert.rejects(store.apply(() => { throw new Error('no'); }));
    assert.equal(memento.writes, 0);
    await store.apply((j) => addDomain(j, 'still works', Date.UTC(2026, 0, 1)).journal);
    assert.equal(store.live.domains.length, 1);
  });
});

function sampleJournal() {
  const time = new TestClock();
  const { journal, domain } = addDomain(emptyJournal(), 'parser tests', time.now);
  const started = startSession(journal, { domainId: domain.id, workspace: 'demo', subgoals: [newSubgoal('edge cases', 8, time.now)] }, time.now);
  return { journal: started.journal, time };
}

describe('export and import', () => {
  it('round-trips losslessly into an empty journal', () => {
    const { journal, time } = sampleJournal();
    const result = importJournal(emptyJournal(), exportJournal(journal, time.now), IMPORT_NOW);
    assert.equal(result.ok, true);
    assert.deepEqual(result.ok && result.journal, journal);
  });

  it('merges by id: importing the same file twice adds nothing the second time', () => {
    const { journal, time } = sampleJournal();
    const file = exportJournal(journal, time.now);
    const first = importJournal(emptyJournal(), file, IMPORT_NOW);
    assert.ok(first.ok);
    const second = importJournal(first.journal, file, IMPORT_NOW);
    assert.ok(second.ok);
    assert.deepEqual(Object.values(second.counts.added), [0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(second.journal, first.journal);
  });

  const refuse = (text: string, pattern: RegExp) => {
    const result = importJournal(emptyJournal(), text, IMPORT_NOW);
    assert.equal(result.ok, false);
    assert.match((result as { message: string }).message, pattern);
  };

  it('refuses a bad file, naming the bad field', () => {
    const { journal, time } = sampleJournal();
    const file = JSON.parse(exportJournal(journal, time.now)) as { journal: { sessions: { subgoals: { confidence: number }[] }[] } };
    (file.journal.sessions[0] as { subgoals: { confidence: number }[] }).subgoals[0]!.confidence = 11;
    refuse(JSON.stringify(file), /journal\.sessions\[0\]\.subgoals\[0\]\.confidence/);
  });

  it('refuses hostile, truncated, wrong and newer files', () => {
    const { journal, time } = sampleJournal();
    const good = exportJournal(journal, time.now);
    refuse(good.slice(0, good.length / 2), /not valid JSON/);
    refuse('{"format":"small-wins-journal","version":1,"journal":{"__proto__":{"polluted":true}}}', /forbidden key "__proto__"/);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    refuse('{"hello":"world"}', /not a Small Wins export: format/);
    refuse(good.replace('"version": 4', '"version": 99'), /newer Small Wins/);
    refuse(' '.repeat(MAX_IMPORT_BYTES + 1), /limit is 20 MB/);
  });

  it('refuses a file with a 10 MB string, naming the field', () => {
    const { journal, time } = sampleJournal();
    const file = JSON.parse(exportJournal(journal, time.now)) as { journal: { domains: { name: string }[] } };
    file.journal.domains[0]!.name = 'x'.repeat(10 * 1024 * 1024);
    refuse(JSON.stringify(file), /journal\.domains\[0\]\.name: Too big/);
  });

  it('only produces journals the schema accepts', () => {
    const { journal, time } = sampleJournal();
    const result = importJournal(emptyJournal(), exportJournal(journal, time.now), IMPORT_NOW);
    assert.ok(result.ok && journalSchema.safeParse(result.journal).success);
  });
});

describe('Settings Sync of the small keys', () => {
  it('keeps domains, cues, models and the tombstones in the synced key, and nothing else', async () => {
    const memento = new MemoryMemento();
    const time = new TestClock();
    const store = new JournalStore(memento, time.clock, () => undefined);
    await store.apply((j) => {
      const { journal, domain } = addDomain(j, 'SQL', time.now);
      return startSession(journal, { domainId: domain.id, workspace: 'w', subgoals: [] }, time.now).journal;
    });
    const writes = memento.writes;
    await store.apply((j) => ({ ...j, sessions: j.sessions.map((s) => ({ ...s, endedAt: time.now + 1 })) }));
    assert.equal(memento.writes, writes + 1, 'a session change does not rewrite the synced key');
    const synced = memento.get(SYNCED_KEY) as Record<string, unknown[]>;
    assert.deepEqual(Object.keys(synced).sort(), ['cues', 'deleted', 'domains', 'models']);
    assert.equal(synced['domains']?.length, 1);
    assert.equal(JSON.stringify(synced).includes('startedAt'), false, 'sessions stay local');
  });

  it('brings in what another machine synced, without touching the local journal', async () => {
    const memento = new MemoryMemento();
    const time = new TestClock();
    const local = new JournalStore(memento, time.clock, () => undefined);
    await local.apply((j) => addDomain(j, 'local domain', time.now).journal);
    // Settings Sync replaces the synced key with another machine's copy.
    await memento.update(SYNCED_KEY, { domains: [{ id: 'remote', name: 'remote domain', createdAt: time.now }], cues: [{ id: 'c', instruction: 'Read the diff first', createdAt: time.now, uses: 3 }], models: [] });
    assert.deepEqual(local.live.domains.map((d) => d.name).sort(), ['local domain', 'remote domain']);
    assert.equal(local.live.cues[0]?.instruction, 'Read the diff first');
    await memento.update(SYNCED_KEY, { domains: 'garbage' });
    assert.deepEqual(local.live.domains.map((d) => d.name), ['local domain'], 'a bad synced value is ignored');
  });

  it('never undoes an erase on this machine: a synced value from before it is ignored, and answered with the mark', async () => {
    const memento = new MemoryMemento();
    const time = new TestClock();
    const store = new JournalStore(memento, time.clock, () => undefined);
    await store.apply((j) => addDomain(j, 'SQL', time.now).journal);
    const fromBefore = memento.get(SYNCED_KEY) as Record<string, unknown>;
    await store.erase();
    time.advance(1000);
    // Settings Sync brings back the value another machine holds: what this machine had synced before.
    await memento.update(SYNCED_KEY, fromBefore);
    assert.equal(store.live.domains.length, 0, 'not merged');
    store.refresh();
    await store.whenIdle();
    assert.deepEqual((memento.get(JOURNAL_KEY) as Journal | undefined)?.domains ?? [], []);
    const answered = memento.get(SYNCED_KEY) as { domains: unknown[]; erased?: string };
    assert.deepEqual(answered.domains, [], 'this machine answers with its own value');
    assert.equal(answered.erased, memento.get(ERASED_KEY), '…carrying the erase, so the other machine takes it in');
    // A value written after the erase (it carries the mark) is merged as usual.
    await memento.update(SYNCED_KEY, { ...answered, domains: [{ id: 'remote', name: 'after the erase', createdAt: time.now }] });
    assert.deepEqual(store.live.domains.map((d) => d.name), ['after the erase']);
  });

  it('takes in an erase made on another machine: what it synced before goes, local records stay, older values are ignored', async () => {
    const memento = new MemoryMemento();
    const time = new TestClock();
    const problems: string[] = [];
    const store = new JournalStore(memento, time.clock, (p) => problems.push(p));
    await store.apply((j) => {
      const { journal, domain } = addDomain(j, 'SQL', time.now);
      return startSession(journal, { domainId: domain.id, workspace: 'w', subgoals: [newSubgoal('g', 8, time.now)] }, time.now).journal;
    });
    const fromBefore = memento.get(SYNCED_KEY) as Record<string, unknown>;
    const mark = `${time.now + 5000}:remote-erase`;
    time.advance(10_000);
    await memento.update(SYNCED_KEY, { domains: [{ id: 'remote', name: 'after the erase', createdAt: time.now }], cues: [], models: [], deleted: [], erased: mark });
    assert.deepEqual(store.live.domains.map((d) => d.name), ['after the erase'], 'what this machine synced before is gone');
    assert.equal(store.live.sessions.length, 1, 'what never left this machine stays');
    store.refresh();
    await store.whenIdle();
    const stored = memento.get(JOURNAL_KEY) as Journal;
    assert.deepEqual(stored.domains.map((d) => d.name), ['after the erase']);
    assert.equal(stored.sessions.length, 1);
    assert.equal(memento.get(ERASED_ELSEWHERE_KEY), mark);
    assert.equal(memento.get(ERASED_KEY), undefined, 'not an erase of this machine');
    assert.equal(problems.length, 1, 'the user is told');
    // Another window (or a reload) knows it too, and a value from before that erase is ignored.
    const reloaded = new JournalStore(memento, time.clock, () => undefined);
    await memento.update(SYNCED_KEY, fromBefore);
    assert.deepEqual(reloaded.live.domains.map((d) => d.name), ['after the erase']);
    assert.deepEqual(store.live.domains.map((d) => d.name), ['after the erase']);
    await store.apply((j) => j);
    assert.equal((memento.get(SYNCED_KEY) as { erased?: string }).erased, mark, 'and what this machine syncs carries the mark');
  });
});

describe('an erase made on another machine, taken in here', () => {
  it('drops only the synced records this machine knew before that erase; one made or edited here after it stays', () => {
    const at = Date.UTC(2026, 10, 16, 9);
    const journal = {
      ...emptyJournal(),
      domains: [
        { id: 'old', name: 'before', createdAt: at - 60_000 },
        { id: 'new', name: 'after', createdAt: at + 60_000 },
        { id: 'edited', name: 'renamed after', createdAt: at - 60_000, ed: `${at + 1000}.0.here` },
      ],
    };
    assert.deepEqual(withoutSynced(journal, `${at}:mark`).domains.map((d) => d.id), ['new', 'edited']);
  });
});
