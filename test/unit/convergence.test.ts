import * as assert from 'node:assert/strict';
import { addDomain, addReflection } from '../../src/core/records/journal';
import { deleteRecords, revised } from '../../src/core/records/edit';
import { mergeJournals, sameContent } from '../../src/core/records/merge';
import { activeSession, endSession, logWin, newSubgoal, startSession, updateRunning } from '../../src/core/practices/session';
import { emptyJournal, journalSchema } from '../../src/core/records/schema';
import type { Journal } from '../../src/core/records/schema';
import { random } from '../harness/random';

const T = Date.UTC(2026, 10, 16, 9);

interface World {
  stores: Journal[];
  deletedTexts: Set<string>;
  counter: number;
}

/** One step by one store: a record added, edited or deleted, or two stores syncing. */
function step(world: World, rnd: () => number, now: number): void {
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(rnd() * list.length)];
  const i = Math.floor(rnd() * world.stores.length);
  let j = world.stores[i] as Journal;
  const text = `text-${world.counter++}`;
  const roll = rnd();
  if (roll < 0.1) j = addDomain(j, pick(['parser', 'sql', 'css']) as string, now).journal;
  else if (roll < 0.25) {
    const domain = pick(j.domains);
    if (domain && !activeSession(j)) j = startSession(j, { domainId: domain.id, workspace: 'w', subgoals: [newSubgoal(text, 8, now)] }, now).journal;
  } else if (roll < 0.5) {
    const s = activeSession(j);
    if (s) j = updateRunning(j, s.id, (x) => logWin(x, { text }, now).session);
  } else if (roll < 0.6) {
    const s = pick(j.sessions);
    const w = s && pick(s.wins);
    if (s && w) j = { ...j, sessions: j.sessions.map((x) => (x.id === s.id ? { ...x, wins: x.wins.map((y) => (y.id === w.id ? revised(y, { text }, { now, writer: `store-${i}` }) : y)) } : x)) };
  } else if (roll < 0.72) {
    const s = pick(j.sessions);
    const w = s && pick(s.wins);
    if (w) {
      world.deletedTexts.add(w.text);
      j = deleteRecords(j, [w.id], now);
    }
  } else if (roll < 0.78) {
    const s = activeSession(j);
    if (s) j = { ...j, sessions: j.sessions.map((x) => (x.id === s.id ? endSession(x, {}, undefined, now) : x)) };
  } else if (roll < 0.85) j = addReflection(j, { didWell: text, doDifferently: 'd', learned: 'l' }, now, `store-${i}`);
  else {
    const k = Math.floor(rnd() * world.stores.length);
    j = mergeJournals(j, world.stores[k] as Journal);
  }
  world.stores[i] = j;
}

/** Every store merges every other's copy, as windows, archives and Settings Sync do, a few rounds over. */
function gossip(stores: Journal[]): Journal[] {
  let current = stores.slice();
  for (let round = 0; round < 3; round++) {
    current = current.map((mine) => current.reduce((acc, other) => mergeJournals(acc, other), mine));
  }
  return current;
}

describe('merge with revisions and tombstones (property)', () => {
  for (let seed = 1; seed <= 60; seed++) {
    it(`converges from any interleaving of edits and deletes in three stores (seed ${seed})`, () => {
      const rnd = random(seed);
      const world: World = { stores: [emptyJournal(), emptyJournal(), emptyJournal()], deletedTexts: new Set(), counter: 0 };
      for (let n = 0; n < 80; n++) step(world, rnd, T + n * 60_000);
      const [a, b] = world.stores as [Journal, Journal, Journal];
      assert.ok(sameContent(mergeJournals(a, b), mergeJournals(b, a)), 'two copies merge the same either way round');
      const synced = gossip(world.stores);
      for (const result of synced) {
        assert.ok(sameContent(result, synced[0]), 'every store ends with the same journal');
        assert.ok(journalSchema.safeParse(result).success, 'and it is readable');
        assert.ok(result.sessions.filter((s) => s.endedAt === undefined).length <= 1, 'one running session at most');
        const names = result.domains.map((d) => d.name.toLowerCase());
        assert.equal(new Set(names).size, names.length, 'one domain per name');
        for (const deleted of world.deletedTexts) {
          // The text of a deleted win is gone from every win (a subgoal may have been written the same).
          assert.equal(result.sessions.some((s) => s.wins.some((w) => w.text === deleted)), false, `deleted "${deleted}" came back`);
        }
      }
      assert.deepEqual(gossip(synced).map((j) => sameContent(j, synced[0])), [true, true, true], 'a further sync changes nothing');
    });
  }
});
