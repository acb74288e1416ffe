import * as assert from 'node:assert/strict';
import { deleteRecords, revised } from '../../src/core/records/edit';
import { addReflection } from '../../src/core/records/journal';
import { mergeJournals } from '../../src/core/records/merge';
import { loadJournal } from '../../src/core/records/persisted';
import { compareStamps, nextStamp } from '../../src/core/records/stamp';
import { emptyJournal, journalSchema } from '../../src/core/records/schema';
import type { Journal, Win } from '../../src/core/records/schema';
import { exportJournal, importJournal } from '../../src/core/records/transfer';
import { ordinaryJournal } from '../harness/hostileJournal';

const NOW = Date.UTC(2026, 10, 16, 9);
const DAY = 86_400_000;

function withWin(journal: Journal, win: Win): Journal {
  const [first, ...rest] = journal.sessions;
  return { ...journal, sessions: [{ ...(first as Journal['sessions'][number]), wins: [win] }, ...rest] };
}

describe('edits ordered by when they were made', () => {
  const base = ordinaryJournal(1, NOW, 'e');
  const win = base.sessions[0]?.wins[0] as Win;

  it('today\'s single edit beats an edit made twice last week, in both orders of merging', () => {
    const lastWeek = { now: NOW - 7 * DAY, writer: 'desktop' };
    const twice = revised(revised(win, { text: 'Last week, first' }, lastWeek), { text: 'Last week, second' }, lastWeek);
    const today = revised(win, { text: 'Today' }, { now: NOW, writer: 'laptop' });
    for (const merged of [mergeJournals(withWin(base, twice), withWin(base, today)), mergeJournals(withWin(base, today), withWin(base, twice))]) {
      assert.equal(merged.sessions[0]?.wins[0]?.text, 'Today');
    }
  });

  it('an edit wins over the version it replaced even when this clock is behind the other machine\'s', () => {
    const ahead = revised(win, { text: 'From a clock an hour fast' }, { now: NOW + 3_600_000, writer: 'fast' });
    const after = revised(ahead, { text: 'Edited after seeing it' }, { now: NOW, writer: 'slow' });
    assert.ok(compareStamps(after.ed, ahead.ed) > 0);
    assert.equal(mergeJournals(withWin(base, ahead), withWin(base, after)).sessions[0]?.wins[0]?.text, 'Edited after seeing it');
  });

  it('breaks a tie of wall time and counter by writer, the same way everywhere', () => {
    const a = { ...win, text: 'A', ed: nextStamp(undefined, { now: NOW, writer: 'aaa' }) };
    const b = { ...win, text: 'B', ed: nextStamp(undefined, { now: NOW, writer: 'bbb' }) };
    assert.equal(mergeJournals(withWin(base, a), withWin(base, b)).sessions[0]?.wins[0]?.text, 'B');
    assert.equal(mergeJournals(withWin(base, b), withWin(base, a)).sessions[0]?.wins[0]?.text, 'B');
  });

  it('migrates format 3 revisions to stamps that keep their order and come before any new edit', () => {
    const v3 = (rev: number, text: string) => ({ ...withWin(base, { ...win, text, ...(rev > 1 ? { rev } : {}) }), version: 3 });
    const two = loadJournal(v3(2, 'rev two')).journal;
    const five = loadJournal(v3(5, 'rev five')).journal;
    assert.equal(mergeJournals(two, five).sessions[0]?.wins[0]?.text, 'rev five');
    const edited = revised(two.sessions[0]?.wins[0] as Win, { text: 'new edit' }, { now: NOW, writer: 'x' });
    assert.equal(mergeJournals(withWin(base, edited), five).sessions[0]?.wins[0]?.text, 'new edit');
  });

  it('refuses an import whose edit stamp is more than a day ahead, naming the field; a stamp within a day is taken', () => {
    const file = (ed: string) => exportJournal(withWin(base, { ...win, text: 'edited', ed }), NOW);
    const far = importJournal(emptyJournal(), file(`${NOW + 2 * DAY}.0.future`), NOW);
    assert.equal(far.ok, false);
    assert.match((far as { message: string }).message, /journal\.sessions\[0\]\.wins\[0\]\.ed: the edit time is more than a day ahead/);
    assert.equal(importJournal(emptyJournal(), file(`${NOW + 3_600_000}.0.soon`), NOW).ok, true);
  });
});

describe('the week\'s first reflection written in two windows at once', () => {
  it('is one reflection, the later one\'s answers, in both orders of merging', () => {
    const a = addReflection(emptyJournal(), { didWell: 'From window A', doDifferently: 'x', learned: 'y' }, NOW, 'device-a');
    const b = addReflection(emptyJournal(), { didWell: 'From window B', doDifferently: 'x', learned: 'y' }, NOW + 60_000, 'device-b');
    for (const merged of [mergeJournals(a, b), mergeJournals(b, a)]) assert.deepEqual(merged.reflections.map((r) => r.didWell), ['From window B']);
  });
});

describe('edit stamps and the week\'s reflection at the edges', () => {
  const base = ordinaryJournal(1, NOW, 'f');
  const win = base.sessions[0]?.wins[0] as Win;
  it('answers again after this week\'s reflection was deleted: the new answer is kept, not swallowed by the tombstone', () => {
    const first = addReflection(emptyJournal(), { didWell: 'first', doDifferently: 'x', learned: 'y' }, NOW, 'd');
    const deleted = deleteRecords(first, [first.reflections[0]?.id as string], NOW + 1000);
    const again = addReflection(deleted, { didWell: 'again', doDifferently: 'x', learned: 'y' }, NOW + 2000, 'd');
    assert.deepEqual(mergeJournals(again, deleted).reflections.map((r) => r.didWell), ['again']);
  });

  it('stamps an edit over a record whose counter is at the largest a format 3 revision could give', () => {
    const big = { ...win, ed: nextStamp(undefined, { now: NOW + 3_600_000, writer: 'x' }).replace(/\.0\./, '.999999999.') };
    const edited = revised(big, { text: 'still saved' }, { now: NOW, writer: 'y' });
    assert.ok(journalSchema.safeParse(withWin(base, edited)).success, edited.ed);
    assert.ok(journalSchema.safeParse(loadJournal({ ...withWin(base, { ...win, rev: 1_000_000_000 } as Win), version: 3 }).journal).success);
  });
});
