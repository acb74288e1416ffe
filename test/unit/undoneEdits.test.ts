import * as assert from 'node:assert/strict';
import { deleteRecord, editRecord } from '../../src/host/actions/records';
import { logWin } from '../../src/host/actions/inSession';
import { reflect } from '../../src/host/actions/practices';
import { activeSession } from '../../src/core/practices/session';
import { harness, MemoryArchiveFiles, startFirstSession } from './helpers';
import type { Harness } from './helpers';
import { MemoryMemento } from '../harness/memoryMemento';

/** Two windows over one globalState and one archive; B's clock a minute after A's. */
async function twoWindows(): Promise<{ a: Harness; b: Harness; winId: string }> {
  const memento = new MemoryMemento();
  const files = new MemoryArchiveFiles();
  const a = harness({ memento, files });
  const session = await startFirstSession(a);
  const win = await logWin(a.ctx, { sessionId: session.id, text: 'Drew the table' });
  const b = harness({ memento, files });
  b.time.now = a.time.now + 60_000;
  return { a, b, winId: win.value.id };
}

describe('a saved change another window undoes is said once in the dashboard', () => {
  it('says that a later change from another window replaced this window\'s edit, once', async () => {
    const { a, b, winId } = await twoWindows();
    await editRecord(a.ctx, { kind: 'win', id: winId, text: 'Drew the whole table' });
    assert.deepEqual(a.ctx.edits.undone(await a.ctx.store.history()), [], 'nothing to say while this edit stands');
    await editRecord(b.ctx, { kind: 'win', id: winId, text: 'Drew the table and its header' });
    a.ctx.store.refresh();
    const lines = a.ctx.edits.undone(await a.ctx.store.history());
    assert.deepEqual(lines, ['Your change to the win "Drew the whole table" was replaced by a later change from another window or machine.']);
    assert.deepEqual(a.ctx.edits.undone(await a.ctx.store.history()), [], 'said once');
    assert.equal(activeSession(a.ctx.store.live)?.wins[0]?.text, 'Drew the table and its header');
  });

  it('says that another window deleted what this one changed; a deletion here says nothing', async () => {
    const { a, b, winId } = await twoWindows();
    await editRecord(a.ctx, { kind: 'win', id: winId, text: 'Drew the whole table' });
    await deleteRecord(b.ctx, 'win', winId);
    a.ctx.store.refresh();
    assert.deepEqual(a.ctx.edits.undone(await a.ctx.store.history()), ['Another window or machine deleted the win "Drew the whole table", which you had changed here.']);
    const own = await twoWindows();
    await editRecord(own.a.ctx, { kind: 'win', id: own.winId, text: 'Drew the whole table' });
    await deleteRecord(own.a.ctx, 'win', own.winId);
    assert.deepEqual(own.a.ctx.edits.undone(await own.a.ctx.store.history()), []);
  });
});

describe('what the edit watch does not call undone', () => {
  it('a session folded into another (a merge tombstone) keeps the edited win: nothing is said', async () => {
    const { a, winId } = await twoWindows();
    await editRecord(a.ctx, { kind: 'win', id: winId, text: 'Drew the whole table' });
    const history = await a.ctx.store.history();
    const session = history.sessions[0] as (typeof history.sessions)[number];
    const folded = { ...history, deleted: [...history.deleted, { id: session.id, at: a.time.now, into: 'another-session' }] };
    assert.deepEqual(a.ctx.edits.undone(folded), []);
  });

  it('answering this week\'s reflection again after editing it here says nothing', async () => {
    const h = harness();
    await reflect(h.ctx, { didWell: 'first', doDifferently: 'x', learned: 'y' });
    const id = h.ctx.store.live.reflections[0]?.id as string;
    await editRecord(h.ctx, { kind: 'reflection', id, didWell: 'edited', doDifferently: 'x', learned: 'y' });
    h.time.advance(60_000);
    await reflect(h.ctx, { didWell: 'answered again', doDifferently: 'x', learned: 'y' });
    assert.deepEqual(h.ctx.edits.undone(await h.ctx.store.history()), []);
  });

  it('stops watching after an hour', async () => {
    const { a, b, winId } = await twoWindows();
    await editRecord(a.ctx, { kind: 'win', id: winId, text: 'Drew the whole table' });
    a.time.advance(2 * 3_600_000);
    b.time.now = a.time.now;
    await editRecord(b.ctx, { kind: 'win', id: winId, text: 'Later' });
    a.ctx.store.refresh();
    assert.deepEqual(a.ctx.edits.undone(await a.ctx.store.history()), []);
    assert.equal(a.ctx.edits.watching, 0);
  });
});
