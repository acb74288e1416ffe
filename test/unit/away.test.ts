import * as assert from 'node:assert/strict';
import { awayStretch } from '../../src/core/practices/away';
import { AwayWatcher } from '../../src/host/session/awayWatcher';
import type { SharedValue } from '../../src/host/storage/sharedFile';
import { TestClock } from './helpers';

const MIN = 60_000;

describe('honest time: away from every window', () => {
  it('measures the stretch from the last blur, only past the threshold', () => {
    assert.equal(awayStretch(undefined, 100, 10), undefined);
    assert.equal(awayStretch({ kind: 'focus', at: 0, by: 'a' }, 100, 10), undefined);
    assert.equal(awayStretch({ kind: 'blur', at: 0, by: 'a' }, 9, 10), undefined, 'below the threshold');
    assert.deepEqual(awayStretch({ kind: 'blur', at: 0, by: 'a' }, 10, 10), { from: 0, to: 10 }, 'at the threshold');
    assert.equal(awayStretch({ kind: 'blur', at: 50, by: 'a' }, 10, 1), undefined, 'a clock set back');
  });

  it('asks once on return when no window was active, and not when another window was', async () => {
    let stored: unknown;
    const state: SharedValue = { read: () => Promise.resolve(stored), write: (value) => Promise.resolve(void (stored = JSON.parse(JSON.stringify(value)))) };
    const time = new TestClock();
    const asked: [string, number, number][] = [];
    const window = (id: string) => new AwayWatcher(state, time.clock, id, () => 15 * MIN, (from, to) => void asked.push([id, from, to]));
    const a = window('a');
    const b = window('b');
    const left = time.now;
    await a.focusChanged(false);
    time.advance(20 * MIN);
    await a.focusChanged(true);
    assert.deepEqual(asked, [['a', left, left + 20 * MIN]], 'away 20 minutes from every window');
    await a.focusChanged(false);
    time.advance(MIN);
    await b.focusChanged(true);
    time.advance(30 * MIN);
    await b.focusChanged(false);
    time.advance(MIN);
    await a.focusChanged(true);
    assert.equal(asked.length, 1, 'window B was active meanwhile; only a minute with none');
    await a.focusChanged(false);
    time.advance(14 * MIN);
    await a.focusChanged(true);
    assert.equal(asked.length, 1, 'under the threshold');
  });
});

describe('the focus record', () => {
  it('stores a quick focus and blur in the order they came, even when reading the last one is slow', async () => {
    let stored: unknown;
    // A read that answers only after other work has run, as a file read does.
    const state: SharedValue = {
      read: () => new Promise((resolve) => setImmediate(() => resolve(stored))),
      write: (value) => Promise.resolve(void (stored = value)),
    };
    const watcher = new AwayWatcher(state, new TestClock().clock, 'a', () => 15 * MIN, () => undefined);
    await Promise.all([watcher.focusChanged(true), watcher.focusChanged(false)]);
    assert.equal((stored as { kind: string }).kind, 'blur');
  });
});
