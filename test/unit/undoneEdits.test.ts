import * as assert from 'node:assert/strict';
import { deleteRecord, editRecord } from '../../src/host/actions/records';
import { logWin } from '../../src/host/actions/inSession';
import { activeSession } from '../../src/core/session';
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
