import * as assert from 'node:assert/strict';
import { BACKUPS_KEPT, backedUpOn, backupInfo, backupName, backupsToRemove, listedBackups } from '../../src/core/backups';
import { ordinaryJournal } from '../harness/hostileJournal';
import { IMPORT_NOW } from './helpers';

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
