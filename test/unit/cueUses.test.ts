import * as assert from 'node:assert/strict';
import { start } from '../../src/host/actions/start';
import { endSession } from '../../src/host/actions/end';
import { addCue, addDomain, CUE_DEVICES_KEPT, cueUses, useCue } from '../../src/core/records/journal';
import { mergeJournals } from '../../src/core/records/merge';
import { loadJournal } from '../../src/core/records/persisted';
import { withSynced } from '../../src/core/records/synced';
import { exportJournal, importJournal } from '../../src/core/records/transfer';
import { emptyJournal, journalSchema, MAX_ITEMS } from '../../src/core/records/schema';
import type { Cue, Journal } from '../../src/core/records/schema';
import { activeSession } from '../../src/core/practices/session';
import { JOURNAL_KEY } from '../../src/host/storage/journalStore';
import { MemoryMemento } from '../harness/memoryMemento';
import { harness, MemoryArchiveFiles } from './helpers';
import { deviceId } from '../../src/host/storage/deviceId';

const NOW = Date.UTC(2026, 2, 2, 9);

describe('a favourite cue through years of window starts', () => {
  it('starts with the same cue after 1,200 window starts and reloads: no write refused, one entry for the device', async function () {
    // 1,200 starts and ends through the real store: seconds, more on a busy machine.
    this.timeout(120_000);
    const memento = new MemoryMemento();
    const files = new MemoryArchiveFiles();
    let cueId = '';
    let domainId = '';
    let h = harness({ memento, files });
    for (let reload = 0; reload < 1200; reload++) {
      // Each pass is a window start: the app's services made anew (as createSmallWins does at every
      // start or reload), over the same globalState; every 100th also reloads the store from it.
      const now = NOW + reload * 8 * 3_600_000;
      if (reload % 100 === 0) h = harness({ memento, files });
      h.time.now = now;
      h.ctx = { ...h.ctx, device: deviceId(memento) };
      if (reload === 0) {
        const { journal, domain } = addDomain(emptyJournal(), 'parser tests', NOW);
        const withCue = addCue(journal, 'Run the tests first', undefined, NOW);
        await h.ctx.store.apply(() => withCue.journal);
        cueId = withCue.cue.id;
        domainId = domain.id;
      }
      const started = await start(h.ctx, { domain: { kind: 'existing', id: domainId }, goals: [{ text: `Goal ${reload}`, confidence: 9 }], plannedMinutes: 0, cue: { kind: 'existing', id: cueId } });
      const session = started.value;
      await endSession(h.ctx, {
        sessionId: session.id,
        outcomes: session.subgoals.map((g) => ({ subgoalId: g.id, outcome: 'met' as const })),
        attribution: { cause: 'effort', text: '', internal: 9, stable: 5, controllable: 9 },
      });
      await h.ctx.store.whenIdle();
      assert.deepEqual(h.problems, [], `reload ${reload}`);
      assert.equal(activeSession(h.ctx.store.live), undefined);
    }
    const cue = (memento.get(JOURNAL_KEY) as Journal).cues[0] as Cue;
    assert.equal(cueUses(cue), 1 + 1200, 'created once, used at every start');
    assert.equal(cue.usedOn?.length, 1, 'one device, whatever the number of windows');
  });

  it('counts devices past the cap in the base count: the list stays at the cap and no use is lost', () => {
    const { journal: base, cue } = addCue(emptyJournal(), 'Read the diff', undefined, NOW);
    let journal = base;
    for (let device = 0; device < CUE_DEVICES_KEPT * 3; device++) journal = useCue(journal, cue.id, `device-${device}`);
    const used = journal.cues[0] as Cue;
    assert.equal(used.usedOn?.length, CUE_DEVICES_KEPT);
    assert.ok(CUE_DEVICES_KEPT <= MAX_ITEMS.cueDevices / 2, 'the write path stays under half the bound');
    assert.equal(cueUses(used), 1 + CUE_DEVICES_KEPT * 3);
    assert.ok(journalSchema.safeParse(journal).success);
  });

  it('folds the per-window counts of format 2 into the base count, in the stored journal and in a synced value', () => {
    const usedBy = Array.from({ length: 1000 }, (_, i) => ({ by: `window-${i}`, n: 2 }));
    const v2cue = { id: 'c1', instruction: 'Run the tests first', createdAt: NOW, uses: 1, usedBy };
    const loaded = loadJournal({ ...emptyJournal(), version: 2, cues: [v2cue] });
    assert.equal(loaded.rejected, undefined);
    const cue = loaded.journal.cues[0] as Cue;
    assert.equal(cueUses(cue), 1 + 2000);
    assert.equal(cue.usedOn, undefined);
    // The same fold on every copy: merged with itself or with a copy that saw fewer uses, nothing is counted twice.
    const fewer = loadJournal({ ...emptyJournal(), version: 2, cues: [{ ...v2cue, usedBy: usedBy.slice(0, 10) }] }).journal;
    assert.equal(cueUses(mergeJournals(loaded.journal, fewer).cues[0] as Cue), 1 + 2000);
    const synced = withSynced(emptyJournal(), { domains: [], models: [], cues: [v2cue] });
    assert.equal(cueUses(synced.cues[0] as Cue), 1 + 2000, 'a value synced by an older version is read, not ignored');
  });
});

describe('copies of a cue counted on several devices', () => {
  it('re-importing an export says nothing new, whatever order the devices first used the cue in', () => {
    const { journal: base, cue } = addCue(emptyJournal(), 'Read the diff', undefined, NOW);
    const used = useCue(useCue(base, cue.id, 'zeta-device'), cue.id, 'alpha-device');
    const result = importJournal(used, exportJournal(used, NOW), NOW);
    assert.ok(result.ok);
    assert.equal(result.counts.updated, 0);
  });

  it('reads a value synced by format 3 (revisions) and format 2 (window counts) instead of ignoring it', () => {
    const synced = withSynced(emptyJournal(), { domains: [{ id: 'd1', rev: 2, name: 'renamed', createdAt: NOW }], models: [], cues: [{ id: 'c1', rev: 3, instruction: 'Edited', createdAt: NOW, uses: 1, usedBy: [{ by: 'w', n: 2 }] }] });
    assert.deepEqual(synced.domains.map((d) => d.name), ['renamed']);
    assert.equal(cueUses(synced.cues[0] as Cue), 3);
  });
});
