import * as assert from 'node:assert/strict';
import { soak } from '../harness/soak';

/** The stored journal's budget (the bench's "Stored globalState, five years" row). */
const JOURNAL_BUDGET = 512 * 1024;

describe('a heavy user\'s years through the store (the bench runs ten)', () => {
  it('three months of days in three windows that reload, with an erase: no write refused, nothing logged lost, every list under half its bound', async function () {
    this.timeout(120_000);
    const result = await soak({ days: 90, windows: 3, sessionsPerDay: 2, seed: 7, eraseOnDay: 60 });
    assert.deepEqual(result.refused, []);
    assert.equal(result.lost, 0);
    assert.ok(result.sessions === 90 * 2, `sessions: ${result.sessions}`);
    assert.ok(result.reloads > 50, `windows reloaded: ${result.reloads}`);
    assert.ok(result.fullest.length <= result.fullest.bound / 2, `${result.fullest.where}: ${result.fullest.length} of ${result.fullest.bound}`);
    assert.ok(result.journalBytes <= JOURNAL_BUDGET, `journal key ${result.journalBytes} bytes`);
  });
});
