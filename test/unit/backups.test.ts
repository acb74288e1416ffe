import * as assert from 'node:assert/strict';
import { BACKUPS_KEPT, backedUpOn, backupInfo, backupName, backupsToRemove, listedBackups } from '../../src/core/records/backups';
import { ordinaryJournal } from '../harness/hostileJournal';
import { harness, IMPORT_NOW, startFirstSession } from './helpers';
import { deleteEverything } from '../../src/host/commands/records';

describe('daily backups: named by day and counts, the last few kept', () => {
  it('names a backup by its local day and what it holds, and reads that back without opening it', () => {
    const name = backupName(ordinaryJournal(12, IMPORT_NOW), IMPORT_NOW);
    assert.match(name, /^small-wins-\d{4}-\d{2}-\d{2}-12s-12w\.json$/);
    assert.deepEqual(backupInfo(name), { name, day: name.slice(11, 21), sessions: 12, wins: 12 });
    assert.equal(backupInfo('small-wins-2026-12-05.json'), undefined, 'an export the user saved is not a backup');
    assert.equal(backedUpOn([name], IMPORT_NOW), true);
    assert.equal(backedUpOn([name], IMPORT_NOW + 2 * 86_400_000), false);
  });

  it(`keeps the newest ${BACKUPS_KEPT}, newest first`, () => {
    const names = Array.from({ length: 10 }, (_, i) => `small-wins-2026-11-${String(10 + i).padStart(2, '0')}-${i}s-${i}w.json`);
    assert.deepEqual(listedBackups([...names, 'notes.txt']).map((b) => b.day).slice(0, 2), ['2026-11-19', '2026-11-18']);
    assert.deepEqual(backupsToRemove(names), ['small-wins-2026-11-12-2s-2w.json', 'small-wins-2026-11-11-1s-1w.json', 'small-wins-2026-11-10-0s-0w.json']);
  });
});

describe('Delete All My Data and the daily backups', () => {
  it('says how many backups go and where, and deletes them with the rest', async () => {
    const h = harness();
    await startFirstSession(h);
    let erased = false;
    const shelf = { where: () => '/home/me/Small Wins backups', list: () => Promise.resolve([backupInfo('small-wins-2026-12-04-3s-5w.json')].filter((b) => b !== undefined)), erase: () => Promise.resolve(void (erased = true)) };
    h.ui.queue('No');
    await deleteEverything(h.ctx, undefined, shelf);
    assert.equal(erased, false, 'declined: nothing deleted');
    assert.match(h.ui.messages.map((m) => m.text).join('\n'), /This also deletes the 1 daily backups in "\/home\/me\/Small Wins backups"\./);
    h.ui.queue('Delete All');
    await deleteEverything(h.ctx, undefined, shelf);
    assert.equal(erased, true);
    assert.equal(h.ctx.store.live.domains.length, 0);
  });
});
