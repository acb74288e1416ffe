import * as assert from 'node:assert/strict';
import { aggregateOf, combine, combineAll, rolledUp } from '../../src/core/figures/aggregates';
import { lastTweakOf, levelScoresOf, tweakStillOpenOf, worksOf } from '../../src/core/figures/aggregateQueries';
import { levelScores } from '../../src/core/coach';
import { mergeJournals } from '../../src/core/records/merge';
import { deleteRecords, revised } from '../../src/core/records/edit';
import { emptyJournal } from '../../src/core/records/schema';
import type { Journal, Session, Win } from '../../src/core/records/schema';
import { merge as importMerge } from '../../src/core/records/transfer';
import { DAY } from '../../src/core/time';
import { Archive } from '../../src/host/storage/archive';
import { JournalStore } from '../../src/host/storage/journalStore';
import { coachView, dashboardView, historyView } from '../../src/host/storage/views';
import { buildSnapshotFromView, EVIDENCE_WINS } from '../../src/host/dashboard/snapshot';
import { buildProgressSnapshotFromHistory, buildSnapshotFromHistory } from '../oracles/snapshots';
import { buildProgressSnapshotFromView } from '../../src/host/progress/progressSnapshot';
import { DEFAULT_SETTINGS } from '../../src/host/platform/settings';
import { PROGRESS_RANGES } from '../../src/core/figures/progress';
import { harness, inZone, MemoryArchiveFiles } from './helpers';
import { startFocusSession } from '../../src/host/commands/start';
import { endAndReview } from '../../src/host/commands/end';
import { showEvidence } from '../../src/host/commands/practices';
import { logWin as logWinAction } from '../../src/host/actions/inSession';
import { activeSession } from '../../src/core/practices/session';
import { MemoryMemento } from '../harness/memoryMemento';

const NOW = Date.UTC(2026, 10, 16, 9, 30);
const CAUSES = ['effort', 'strategy', 'preparation', 'ability', 'luck', 'taskEase', 'otherPeople', 'assistant', 'other'] as const;

/** A seeded journal of `months` months: sessions at any hour (so local days and weeks straddle the UTC months the archive files by), wins by every author, rated goals, reviews, ratings, encouragement. */
function generated(seed: number, months = 14): Journal {
  let s = seed;
  const random = () => ((s = (s * 48271) % 2147483647) / 2147483647);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  let n = 0;
  const id = () => `g${seed}x${++n}`;
  const j = emptyJournal();
  const start = NOW - months * 30 * DAY;
  for (const name of ['Alpha', 'Beta', 'Gamma']) j.domains.push({ id: id(), name, createdAt: start });
  for (const instruction of ['Run the tests first', 'Read the error out loud', 'One file at a time']) j.cues.push({ id: id(), instruction, createdAt: start, uses: 0 });
  const lastSlipIn = new Map<string, string>();
  for (let at = start + random() * DAY; at < NOW - 2 * 3_600_000; at += random() * 2.5 * DAY) {
    const minutes = 5 + Math.floor(random() * 120);
    const end = Math.min(at + minutes * 60_000, NOW - 3_600_000);
    const domainId = pick(j.domains).id;
    const cueIds = random() < 0.6 ? [pick(j.cues).id] : [];
    const wins: Win[] = Array.from({ length: Math.floor(random() * 5) }, () => {
      const by = pick([undefined, 'mine', 'assisted', 'assistant'] as const);
      return { id: id(), text: 'w', at: Math.floor(at + random() * (end - at)), source: 'manual' as const, ...(by ? { by } : {}) };
    });
    const subgoals = Array.from({ length: Math.floor(random() * 4) }, () => {
      const outcome = pick([undefined, 'met', 'partly', 'missed'] as const);
      return { id: id(), text: 'g', confidence: Math.floor(random() * 11), createdAt: Math.floor(at), ...(outcome ? { outcome } : {}) };
    });
    // Some reviews name a slip's cue (the dashboard's slip patterns), and some answer the domain's last slip's tweak.
    const lastSlip = lastSlipIn.get(domainId);
    const slip = random() < 0.3 ? { slip: { cue: pick(['Slack pings', 'Email', 'A meeting']), frictionFailed: 'f', tweak: pick(['Mute Slack first', 'Close the mail tab', 'Write the failing test first', 'Plan the hour']) } } : {};
    const tweak = lastSlip && random() < 0.5 ? { tweak: { of: lastSlip, outcome: pick(['helped', 'notHelped', 'notTried'] as const) } } : {};
    const session: Session = {
      id: id(), domainId, workspace: 'w', startedAt: Math.floor(at), endedAt: Math.floor(end), subgoals, wins, cueIds, reframes: [],
      pauses: random() < 0.3 ? [{ from: Math.floor(at + 60_000), to: Math.floor(at + 120_000) }] : [],
      ...(random() < 0.7 ? { review: { at: Math.floor(end), feedback: '', attribution: { cause: pick(CAUSES), text: '', internal: 1 + Math.floor(random() * 9), stable: 5, controllable: 1 + Math.floor(random() * 9) }, ...slip, ...tweak } } : {}),
    };
    if (session.review?.slip) lastSlipIn.set(domainId, session.id);
    j.sessions.push(session);
    if (random() < 0.15) j.ratings.push({ id: id(), domainId, at: Math.floor(end + 1000), value: Math.floor(random() * 101) });
    if (random() < 0.05) j.encouragements.push({ id: id(), from: 'A friend', text: 'Nice', at: Math.floor(end + 2000), ...(random() < 0.5 ? { domainId } : {}) });
    if (random() < 0.1) j.reflections.push({ id: id(), weekOf: Math.floor(at), didWell: 'a', doDifferently: 'b', learned: 'c', at: Math.floor(end + 3000) });
  }
  // A domain last used in the first weeks: its cue is still the one the next start in it offers.
  const delta = { id: id(), name: 'Delta', createdAt: start };
  j.domains.push(delta);
  for (const [k, cue] of j.cues.entries()) {
    const at = Math.floor(start + (k + 2) * DAY);
    j.sessions.push({ id: id(), domainId: delta.id, workspace: 'w', startedAt: at, endedAt: at + 1_800_000, subgoals: [], wins: [], cueIds: [cue.id], reframes: [], pauses: [] });
  }
  // A running session with wins today, so live records and archived ones meet in the current month.
  const domainId = (j.domains[0] as { id: string }).id;
  j.sessions.push({ id: id(), domainId, workspace: 'w', startedAt: NOW - 40 * 60_000, subgoals: [{ id: id(), text: 'g', confidence: 3, createdAt: NOW - 40 * 60_000 }], wins: [{ id: id(), text: 'now', at: NOW - 60_000, source: 'manual', by: 'assisted' }], cueIds: [], reframes: [], pauses: [] });
  return j;
}

function newStore(memento: MemoryMemento, files: MemoryArchiveFiles, now = NOW) {
  let n = 0;
  return new JournalStore(memento, () => now, () => undefined, { archive: new Archive(files, () => undefined, () => `t${++n}-${Math.random().toString(36).slice(2, 8)}`, () => now) });
}

/** A journal archived by one window and viewed once, so its month aggregates and rollup are written. */
async function archivedHistory(journal: Journal): Promise<{ memento: MemoryMemento; files: MemoryArchiveFiles }> {
  const memento = new MemoryMemento();
  const files = new MemoryArchiveFiles();
  await memento.update('journal', journal);
  await newStore(memento, files).tidy();
  await historyView(newStore(memento, files), NOW);
  return { memento, files };
}

/** Every dashboard and Progress tab snapshot, from aggregates, equals the one computed from the whole history. */
async function assertSameAsHistory(store: JournalStore, label: string): Promise<void> {
  const history = await store.history();
  for (const lastDomainId of [undefined, history.domains[1]?.id, history.domains.find((d) => d.name === 'Delta')?.id]) {
    for (const threshold of [3, 7]) {
      const settings = { ...DEFAULT_SETTINGS, confidenceThreshold: threshold };
      const defaults = lastDomainId ? { lastDomainId } : {};
      const expected = buildSnapshotFromHistory(history, NOW, settings, defaults);
      const actual = buildSnapshotFromView(await dashboardView(store, NOW, lastDomainId, EVIDENCE_WINS), NOW, settings, defaults);
      assert.deepEqual(actual, expected, `${label}: dashboard (${lastDomainId ?? 'no domain'}, threshold ${threshold})`);
    }
  }
  const view = await historyView(store, NOW);
  for (const range of PROGRESS_RANGES) {
    for (const hidden of [new Set<string>(), new Set([history.domains[0]?.id ?? ''])]) {
      const expected = buildProgressSnapshotFromHistory(history, NOW, { range, hidden });
      assert.deepEqual(buildProgressSnapshotFromView(view, NOW, { range, hidden }), expected, `${label}: progress ${range}, ${hidden.size} hidden`);
    }
  }
}

/** The snapshots from aggregates equal the ones from the whole history, after each kind of change a user makes. */
async function sameAsHistoryThroughChanges(seed: number): Promise<void> {
    const memento = new MemoryMemento();
    const files = new MemoryArchiveFiles();
    await memento.update('journal', generated(seed));
    const store = newStore(memento, files);
    await store.tidy();
    assert.ok([...files.files.keys()].some((name) => name.includes('.agg.')) === false, 'aggregates are written when a view first needs them');
    await assertSameAsHistory(store, 'archived');
    assert.ok([...files.files.keys()].filter((name) => name.includes('.agg.')).length >= 10, 'an aggregate beside each month');

    const history = await store.history();
    const old = history.sessions.find((s) => s.endedAt !== undefined && s.wins.length >= 2 && s.subgoals.some((g) => g.outcome) && s.startedAt < NOW - 200 * DAY) as Session;
    // Edit an old win and a subgoal's confidence: the session comes back to the live journal and is archived again.
    const EDITOR = { now: Date.UTC(2026, 10, 16, 9), writer: 'test' };
    const edited = revised(old, { wins: old.wins.map((w, i) => (i === 0 ? revised(w, { text: 'edited', by: 'assistant' }, EDITOR) : w)), subgoals: old.subgoals.map((g) => (g.outcome ? revised(g, { confidence: 10 - g.confidence }, EDITOR) : g)) }, EDITOR);
    await store.apply((j) => mergeJournals(j, { ...emptyJournal(), sessions: [edited] }));
    await assertSameAsHistory(store, 'after an edit');

    // Delete a win, a whole old session and a rating.
    const another = history.sessions.find((s) => s.endedAt !== undefined && s.id !== old.id && s.wins.length > 0 && s.startedAt < NOW - 100 * DAY) as Session;
    await store.apply((j) => deleteRecords(j, [(old.wins[1] as Win).id, another.id, ...(history.ratings[0] ? [history.ratings[0].id] : [])], NOW));
    await assertSameAsHistory(store, 'after deletions');

    // Import a file with a second "Alpha" (merged into the first) and old sessions in it.
    const file = generated(seed + 100, 6);
    const imported = importMerge(store.live, { ...file, sessions: file.sessions.filter((s) => s.endedAt !== undefined) });
    assert.ok(imported.ok);
    if (imported.ok) await store.apply(() => imported.journal);
    assert.ok(store.live.deleted.some((d) => d.into !== undefined), 'the imported "Alpha" was merged into the existing one');
    await assertSameAsHistory(store, 'after an import');

    // A second window, starting from the files only, agrees too.
    const second = newStore(memento, files);
    await assertSameAsHistory(second, 'another window');
}

describe('per-month aggregates', () => {
  it('combining the aggregates of two halves gives the aggregate of the whole', () => {
    const j = generated(7);
    const half = Math.floor(j.sessions.length / 2);
    const a = { ...j, sessions: j.sessions.slice(0, half), ratings: j.ratings.slice(0, 3), encouragements: [] };
    const b = { ...j, sessions: j.sessions.slice(half), ratings: j.ratings.slice(3) };
    assert.deepEqual(combine(aggregateOf(a, NOW), aggregateOf(b, NOW)), aggregateOf(j, NOW));
    // And the counts are really there: every win is counted once, by its author.
    const total = Object.values(aggregateOf(j, NOW).days).flatMap((row) => Object.values(row)).reduce((sum, x) => sum + x[0] + x[1] + x[2], 0);
    assert.equal(total, j.sessions.reduce((sum, s) => sum + s.wins.length, 0));
    assert.ok(total > 50);
  });

  it('joins an answer with its tweak whatever order the months are added in, also when a slip review was written late', () => {
    const session = (id: string, at: number, review: Partial<NonNullable<Session['review']>> = {}): Session => ({
      id, domainId: 'd', workspace: 'w', startedAt: at, endedAt: at + 60_000, subgoals: [], wins: [], cueIds: [], reframes: [], pauses: [],
      review: { at: at + 60_000, feedback: '', attribution: { cause: 'effort', text: '', internal: 5, stable: 5, controllable: 5 }, ...review },
    });
    const slip = (tweak: string) => ({ slip: { cue: 'Slack pings', frictionFailed: 'f', tweak } });
    const month = (sessions: Session[]) => ({ ...emptyJournal(), sessions });
    // January: a slip, and a later session whose slip review was added after February's review had answered the first.
    const january = month([session('s', Date.UTC(2026, 0, 10), slip('Close Slack')), session('late', Date.UTC(2026, 0, 31), slip('Plan the hour'))]);
    const february = month([session('answer', Date.UTC(2026, 1, 3), { tweak: { of: 's', outcome: 'helped' } })]);
    const march = month([session('l', Date.UTC(2026, 2, 5), slip('Mail closed until noon'))]);
    const whole = aggregateOf(month([...january.sessions, ...february.sessions, ...march.sessions]), NOW);
    assert.deepEqual(worksOf(whole).map((w) => w.tweak), ['Close Slack']);
    assert.equal(tweakStillOpenOf(whole, 'd')?.tweak, 'Mail closed until noon');
    for (const order of [[january, february, march], [january, march, february], [march, february, january], [february, march, january]]) {
      assert.deepEqual(combineAll(order.map((m) => aggregateOf(m, NOW))), whole);
    }
    // A rollup keeps each domain's latest slip only; a later answer about it still closes it and counts.
    const rollup = rolledUp(whole);
    assert.deepEqual(Object.keys(rollup.tweaks.slips), ['l']);
    const april = month([session('later', Date.UTC(2026, 3, 2), { tweak: { of: 'l', outcome: 'helped' } })]);
    const withApril = combineAll([rollup, aggregateOf(april, NOW)]);
    assert.equal(tweakStillOpenOf(withApril, 'd'), undefined);
    assert.deepEqual(worksOf(withApril).map((w) => w.tweak), ['Mail closed until noon', 'Close Slack']);
    assert.equal(lastTweakOf(withApril, 'd')?.tweak, 'Mail closed until noon');
  });

  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`snapshots from aggregates equal the full-history snapshots (generated journal ${seed}), also after edits, deletions, merges and an import`, () => sameAsHistoryThroughChanges(seed));
  }

  // Days, weeks and months are local: where a local day straddles two UTC months, or a clock change
  // makes a day 23, 23.5 or 25 hours long, the aggregates must still cut them as the records do.
  for (const zone of ['America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata']) {
    it(`snapshots from aggregates equal the full-history snapshots in ${zone}`, () =>
      inZone(zone, async () => {
        assert.notEqual(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset(), 0, `${zone} is in force`);
        await sameAsHistoryThroughChanges(7);
      }));
  }

  it('a view reads one rollup of the older months, the newest months\' aggregates and recent records, not the whole history', async () => {
    const { memento, files } = await archivedHistory(generated(11, 24));
    const rollups = () => [...files.files.keys()].filter((n) => n.startsWith('rollup.'));
    assert.equal(rollups().length, 1);
    const reads: string[] = [];
    const read = files.read.bind(files);
    files.read = (name) => (reads.push(name), read(name));
    const view = await dashboardView(newStore(memento, files), NOW, undefined, EVIDENCE_WINS);
    const monthsRead = new Set(reads.filter((n) => /^\d{4}-\d{2}\.t/.test(n)).map((n) => n.slice(0, 7)));
    assert.ok(monthsRead.size <= 2, `records of ${[...monthsRead].join(', ')} read`);
    assert.deepEqual(reads.filter((n) => n.includes('.agg.')).map((n) => n.slice(0, 7)), ['2026-08', '2026-09', '2026-10', '2026-11'], 'only the four newest months on their own');
    assert.deepEqual(reads.filter((n) => n.startsWith('rollup.')), rollups(), 'the older months from the rollup');
    assert.ok(reads.length <= 7, `${reads.length} files read`);
    assert.ok(view.totals.ratings.length > 0);

    // A month closes: it is added to the rollup, without reading the older months again.
    const december = Date.UTC(2026, 11, 10, 9);
    const session: Session = { id: 'dec', domainId: (generated(11, 24).domains[0] as { id: string }).id, workspace: 'w', startedAt: december, endedAt: december + 3_600_000, subgoals: [], wins: [{ id: 'decw', text: 'w', at: december + 60_000, source: 'manual' }], cueIds: [], reframes: [], pauses: [] };
    await new Archive(files, () => undefined, () => 'tdec-1').add(new Map([['2026-12', { ...emptyJournal(), sessions: [session] }]]));
    reads.length = 0;
    await historyView(newStore(memento, files), NOW);
    assert.deepEqual(reads.filter((n) => n.includes('.agg.')).map((n) => n.slice(0, 7)), ['2026-08', '2026-09', '2026-10', '2026-11'], 'the closing month and the newest ones');
    assert.equal(rollups().length, 1, 'the rollup was replaced, not added to');
    const rolled = JSON.parse(files.files.get(rollups()[0] as string) as string) as { sources: Record<string, string[]> };
    assert.ok('2026-08' in rolled.sources && !('2026-09' in rolled.sources));
    files.read = read;
    files.files.delete('2026-12.tdec-1.json');
  });

  it('a domain last used long ago shows its latest wins from the months in the rollup', async () => {
    const journal = generated(12, 24);
    // The running session's domain (the evidence bank's) had no session for five months before today's.
    const alpha = (journal.domains[0] as { id: string }).id;
    const old = journal.sessions.filter((s) => s.domainId !== alpha || s.startedAt < NOW - 150 * DAY || s.endedAt === undefined);
    const { memento, files } = await archivedHistory({ ...journal, sessions: old });
    const rolled = JSON.parse(files.files.get([...files.files.keys()].find((n) => n.startsWith('rollup.')) as string) as string) as { sources: Record<string, string[]> };
    assert.ok(Object.keys(rolled.sources).length >= 20);
    const view = await dashboardView(newStore(memento, files), NOW, undefined, EVIDENCE_WINS);
    assert.ok(view.records.sessions.some((s) => s.domainId === alpha && s.endedAt !== undefined && s.wins.length > 0), 'the old months of its wins were read');
    await assertSameAsHistory(newStore(memento, files), 'a domain last used five months ago');
  });

  it('a window start with deletions reads the purge ledger, not the whole archive; a file written later with a deleted record is cleaned', async () => {
    const memento = new MemoryMemento();
    const files = new MemoryArchiveFiles();
    await memento.update('journal', generated(13, 24));
    await newStore(memento, files).tidy();
    const store = newStore(memento, files);
    const history = await store.history();
    const old = history.sessions.find((s) => s.endedAt !== undefined && s.wins.length >= 2 && s.startedAt < NOW - 300 * DAY) as Session;
    const win = old.wins[0] as Win;
    await store.apply((j) => deleteRecords(j, [win.id, (history.ratings[0] as { id: string }).id], NOW));
    const holding = () => [...files.files].filter(([name, text]) => /^\d{4}-\d{2}\.t/.test(name) && text.includes(`"${win.id}"`)).map(([name]) => name);
    assert.deepEqual(holding(), [], 'gone from the archive files');
    assert.equal([...files.files.keys()].filter((n) => n.startsWith('purged.')).length, 1, 'one ledger');
    await historyView(newStore(memento, files), NOW);

    const reads: string[] = [];
    const read = files.read.bind(files);
    files.read = (name) => (reads.push(name), read(name));
    const recordsRead = () => reads.filter((n) => /^\d{4}-\d{2}\.t/.test(n) && n < '2026-10');
    await newStore(memento, files).tidy();
    assert.deepEqual(recordsRead(), [], 'a new window reads no old month to purge');
    let looks = 0;
    const list = files.list.bind(files);
    files.list = () => (looks++, list());
    await dashboardView(newStore(memento, files), NOW, undefined, EVIDENCE_WINS);
    assert.equal(looks, 1, 'one look at the folder serves the purge check and the view');
    files.list = list;

    // A window that had not seen the deletion archives its old copy of the session.
    const month = new Date(old.startedAt).toISOString().slice(0, 7);
    await new Archive(files, () => undefined, () => 'tstale-1').add(new Map([[month, { ...emptyJournal(), sessions: [old] }]]));
    assert.deepEqual(holding(), [`${month}.tstale-1.json`]);
    reads.length = 0;
    const window = newStore(memento, files);
    await dashboardView(window, NOW, undefined, EVIDENCE_WINS);
    assert.deepEqual(holding(), [], 'cleaned');
    assert.deepEqual([...new Set(recordsRead().map((n) => n.slice(0, 7)))], [month], 'only the month with the new file was read: to purge it and to count it again');
    await assertSameAsHistory(window, 'after a stale copy was archived');

    // A damaged ledger: every file is checked once more, and nothing else changes.
    const ledger = [...files.files.keys()].find((n) => n.startsWith('purged.')) as string;
    files.files.set(ledger, '{"ids": [');
    reads.length = 0;
    await newStore(memento, files).tidy();
    assert.ok(recordsRead().length >= 20, 'checked every file');
    assert.deepEqual(holding(), []);
    assert.doesNotThrow(() => JSON.parse(files.files.get([...files.files.keys()].find((n) => n.startsWith('purged.')) as string) as string));
    files.read = read;
  });

  it('counts each confidence level\'s goals and points (partly met as half) as the ruler does from records, for the ruler and the learned threshold', async () => {
    for (const seed of [21, 22, 23]) {
      const { memento, files } = await archivedHistory(generated(seed, 18));
      const store = newStore(memento, files);
      const fromRecords = levelScores(await store.history());
      assert.ok(fromRecords.some((row) => row.points % 1 !== 0), 'a partly met goal is among them');
      assert.deepEqual(levelScoresOf((await coachView(newStore(memento, files), NOW)).totals), fromRecords);
    }
  });

  it('a day of work in a new window (a start, a win, a quick review) reads no month older than the coach\'s twelve weeks', async () => {
    const journal = generated(14, 24);
    // Ended sessions only, without slip reviews, so the day's questions are the plain ones.
    const sessions = journal.sessions.filter((s) => s.endedAt !== undefined).map((s) => (s.review ? { ...s, review: { at: s.review.at, feedback: s.review.feedback, attribution: s.review.attribution } } : s));
    const { memento, files } = await archivedHistory({ ...journal, sessions });
    const h = harness({ memento, files, settings: { reviewDepth: 'quick' } });
    const reads: string[] = [];
    const read = files.read.bind(files);
    files.read = (name) => (reads.push(name), read(name));
    await h.ui.answering({ 'Type your proximal subgoal': { type: 'Lex the numbers' }, 'How sure are you': '9' }, () => startFocusSession(h.ctx));
    const session = activeSession(h.ctx.store.live) as Session;
    await logWinAction(h.ctx, { sessionId: session.id, text: 'Numbers lex' });
    await h.ui.answering(
      { 'Which subgoals did you meet': { check: ['Lex the numbers'] }, 'What made the difference': 'Effort', 'How you see the cause': 'Keep' },
      () => endAndReview(h.ctx),
    );
    assert.equal(h.ui.remaining, 0);
    assert.equal(activeSession(h.ctx.store.live), undefined, 'the session ended');
    const oldest = new Date(h.time.now - 13 * 7 * DAY).toISOString().slice(0, 7);
    const old = reads.filter((n) => /^\d{4}-\d{2}\.t/.test(n) && n.slice(0, 7) < oldest);
    assert.deepEqual(old, [], 'no month before the coach\'s window was read');
    assert.ok(reads.some((n) => n.startsWith('rollup.')), 'the all-time figures came from the rollup');
    assert.ok(reads.filter((n) => n.includes('.agg.')).length <= 4, 'and not from every month\'s own aggregate');
  });

  it('the evidence bank lists a domain\'s newest wins and counts all of them, from two years of archive', async () => {
    const { memento, files } = await archivedHistory(generated(12, 24));
    const history = await newStore(memento, files).history();
    // The running session's domain is the one shown.
    const domain = history.domains.find((d) => d.id === activeSession(history)?.domainId) as { id: string; name: string };
    const wins = history.sessions.filter((s) => s.domainId === domain.id).flatMap((s) => s.wins);
    assert.ok(wins.length > 40, 'more wins than the list shows');
    const h = harness({ memento, files });
    const shown: (string | undefined)[] = [];
    h.ui.queue((items: readonly { label: string; description?: string }[]) => void shown.push(...items.filter((i) => i.label.startsWith('$(star-full)')).map((i) => i.description)));
    await showEvidence(h.ctx);
    const newest = wins.map((w) => w.at).sort((a, b) => b - a).slice(0, 20).map((at) => new Date(at).toLocaleString('en'));
    assert.deepEqual(shown, newest);
    assert.match(h.ui.prompts.at(-1) ?? '', new RegExp(`^${wins.length} wins on ${domain.name}`));
  });

  it('a damaged rollup or month aggregate is computed again, with the same snapshots, and replaced', async () => {
    const { memento, files } = await archivedHistory(generated(11, 24));
    const rollup = [...files.files.keys()].find((n) => n.startsWith('rollup.')) as string;
    const agg = [...files.files.keys()].find((n) => n.includes('.agg.') && n.startsWith('2026-01')) as string;
    const rollupText = files.files.get(rollup) as string;
    files.files.set(rollup, rollupText.slice(0, rollupText.length / 2));
    files.files.set(agg, '{"sources": [], "aggregate": {"v": 1');
    await assertSameAsHistory(newStore(memento, files), 'damaged rollup and aggregate');
    assert.doesNotThrow(() => JSON.parse(files.files.get(agg) as string));
    assert.equal(files.files.get(rollup), rollupText, 'the same rollup, summed again');

    // A rollup of files no longer there is removed, even when no month is left to add: it may hold deleted text.
    const stray = 'rollup.0stray0.json';
    files.files.set(stray, rollupText);
    await historyView(newStore(memento, files), NOW);
    assert.equal(files.files.has(stray), false);

    // One of another time zone or of files no longer there is not used either.
    const foreign = JSON.parse(rollupText) as { aggregate: { zone: string }; sources: Record<string, string[]> };
    files.files.set(rollup, JSON.stringify({ ...foreign, aggregate: { ...foreign.aggregate, zone: 'Mars/Olympus|0|0' } }));
    await assertSameAsHistory(newStore(memento, files), 'rollup of another zone');
    assert.equal(files.files.get(rollup), rollupText);
    const month = Object.keys(foreign.sources)[0] as string;
    files.files.set(rollup, JSON.stringify({ ...foreign, sources: { ...foreign.sources, [month]: ['gone.json'] } }));
    await assertSameAsHistory(newStore(memento, files), 'rollup of other files');
    assert.equal(files.files.get(rollup), rollupText);
  });
});
