import * as assert from 'node:assert/strict';
import { addDays, addWeeks, dayStart, knownTimeZone, localDate, monthStart, timeZoneName, useTimeZone, weekStart, zoneKey } from '../../src/core/time';
import { UserTimeZone, LEARNED_ZONE_KEY } from '../../src/host/platform/timeZone';
import { createDashboardHandler } from '../../src/host/dashboard/dashboardMessages';
import { MemoryMemento } from '../harness/memoryMemento';
import { winsCalendar } from '../oracles/figures';
import { emptyJournal } from '../../src/core/records/schema';
import { random } from '../harness/random';
import { harness, inZone } from './helpers';

/** How Date itself cuts days in the process's zone: what the zone given by name must agree with. */
const oracle = {
  dayStart: (at: number) => new Date(at).setHours(0, 0, 0, 0),
  weekStart: (at: number) => {
    const d = new Date(at);
    return new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7)).getTime();
  },
  monthStart: (at: number, months: number) => {
    const d = new Date(at);
    return new Date(d.getFullYear(), d.getMonth() + months, 1).getTime();
  },
  localDate: (at: number) => new Date(at).toLocaleDateString('en-CA'),
  addDays: (at: number, days: number) => {
    const d = new Date(at);
    d.setDate(d.getDate() + days);
    return d.getTime();
  },
};

/** Zones with daylight saving north and south, half and three-quarter hours, a half-hour change, and midnight skipped (São Paulo until 2019). */
const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Sao_Paulo', 'Pacific/Auckland', 'America/St_Johns'];

/** Moments spread over the century, and more of them in the hours around a change of offset (Date's own view of the zone finds those). */
function moments(seed: number): number[] {
  const r = random(seed);
  const out: number[] = [];
  for (let i = 0; i < 400; i++) out.push(Date.UTC(2000, 0, 1) + Math.floor(r() * 100 * 365.25 * 86_400_000));
  for (let year = 2000; year < 2040; year++) {
    for (let hour = 0; hour < 366 * 24; hour += 1) {
      const at = Date.UTC(year, 0, 1) + hour * 3_600_000;
      if (new Date(at).getTimezoneOffset() !== new Date(at + 3_600_000).getTimezoneOffset()) {
        for (let m = -26 * 60; m <= 26 * 60; m += 20) out.push(at + m * 60_000 + Math.floor(r() * 60_000));
      }
    }
  }
  return out;
}

describe('days cut in the time zone of the user, not of the machine the extension runs on', () => {
  afterEach(() => useTimeZone(undefined));

  for (const zone of ZONES) {
    it(`${zone}: named while the process runs in UTC, days, weeks and months fall where Date puts them in that zone`, async () => {
      const expected = await inZone(zone, () => {
        useTimeZone(undefined);
        const at = moments(ZONES.indexOf(zone) + 1);
        const own = at.map((t) => [dayStart(t), weekStart(t), monthStart(t), monthStart(t, -11), localDate(t), addDays(t, 1), addWeeks(t, -1)]);
        const byDate = at.map((t) => [oracle.dayStart(t), oracle.weekStart(t), oracle.monthStart(t, 0), oracle.monthStart(t, -11), oracle.localDate(t), oracle.addDays(t, 1), oracle.addDays(t, -7)]);
        return { at, own, byDate, key: zoneKey() };
      });
      // The process's own zone goes through the same cutting as a named one: it agrees with Date.
      assert.deepEqual(expected.own, expected.byDate);
      await inZone('UTC', () => {
        assert.equal(useTimeZone(zone), true);
        assert.equal(timeZoneName(), knownTimeZone(zone));
        const named = expected.at.map((t) => [dayStart(t), weekStart(t), monthStart(t), monthStart(t, -11), localDate(t), addDays(t, 1), addWeeks(t, -1)]);
        for (let i = 0; i < named.length; i++) assert.deepEqual(named[i], expected.byDate[i], `at ${new Date(expected.at[i] as number).toISOString()}`);
        assert.equal(zoneKey(), expected.key, 'derived data keyed by the zone is the same whichever way the zone was set');
      });
    });
  }

  it('a calendar across a change that skips midnight (Santiago) has every day, today included, each from its start', async () => {
    await inZone('America/Santiago', () => {
      useTimeZone(undefined);
      // Daylight saving began at 00:00 on 6 September 2026 there: that day starts at 01:00.
      const now = new Date(2026, 8, 20, 15).getTime();
      const days = winsCalendar(emptyJournal(), now, 30).map((d) => d.day);
      assert.equal(days.length, 30);
      assert.equal(days.at(-1), dayStart(now), 'today is the last day');
      assert.ok(days.every((day) => day === dayStart(day)), 'each day from its start');
      assert.equal(new Set(days.map(localDate)).size, 30, 'no day twice, none skipped');
    });
  });

  it('a zone Intl does not know changes nothing', async () => {
    await inZone('UTC', () => {
      assert.equal(useTimeZone('Mars/Olympus_Mons'), false);
      assert.equal(timeZoneName(), 'UTC');
      assert.equal(dayStart(Date.UTC(2026, 11, 5, 23, 30)), Date.UTC(2026, 11, 5));
    });
  });
});

describe('the user time zone, from the setting or the dashboard', () => {
  afterEach(() => useTimeZone(undefined));

  function subject(setting = '') {
    const memento = new MemoryMemento();
    const problems: string[] = [];
    let changes = 0;
    const o = { setting };
    const zone = new UserTimeZone({ memento, setting: () => o.setting, changed: () => void changes++, report: (p) => void problems.push(p) });
    return { zone, memento, problems, o, changes: () => changes };
  }

  it('learns the zone of the screen the dashboard runs on, keeps it for the next start, and the setting names one outright', async () => {
    await inZone('UTC', () => {
      const s = subject();
      s.zone.apply();
      assert.equal(s.changes(), 0, 'the process zone: nothing changes');
      // In a remote window the host is in UTC; the dashboard runs in Auckland: a win at 23:30 UTC is on the next day there.
      s.zone.learn('Pacific/Auckland');
      assert.equal(timeZoneName(), 'Pacific/Auckland');
      assert.equal(localDate(Date.UTC(2026, 11, 5, 23, 30)), '2026-12-06');
      assert.equal(s.changes(), 1, 'views recompute once');
      s.zone.learn('Pacific/Auckland');
      assert.equal(s.changes(), 1, 'the same zone again changes nothing');
      assert.equal(s.memento.get(LEARNED_ZONE_KEY), 'Pacific/Auckland');
      // The next window start, before any dashboard is shown.
      useTimeZone(undefined);
      const next = new UserTimeZone({ memento: s.memento, setting: () => '', changed: () => undefined, report: () => undefined });
      next.apply();
      assert.equal(timeZoneName(), 'Pacific/Auckland');
      s.o.setting = 'America/New_York';
      s.zone.apply();
      assert.equal(localDate(Date.UTC(2026, 11, 6, 3, 30)), '2026-12-05');
      s.zone.learn('Not/AZone');
      assert.equal(timeZoneName(), 'America/New_York', 'nothing but a zone Intl knows is learned');
    });
  });

  it('a setting naming no zone is said once, and days are cut in the zone it falls back to', async () => {
    await inZone('UTC', () => {
      const s = subject('Europe/Atlantis');
      s.zone.learn('Asia/Tokyo');
      s.zone.apply();
      s.zone.apply();
      assert.equal(timeZoneName(), 'Asia/Tokyo');
      assert.equal(s.problems.length, 1);
      assert.match(s.problems[0] as string, /"Europe\/Atlantis".*Asia\/Tokyo/);
    });
  });

  it("the dashboard's ready message carries its zone to the services; a malformed one changes nothing", async () => {
    const h = harness();
    const handle = createDashboardHandler(h.ctx, { sendSnapshot: () => undefined, sendNotices: () => undefined, sendError: () => undefined });
    await handle({ type: 'ready', zone: 'Pacific/Auckland' });
    await handle({ type: 'ready', zone: 'x'.repeat(65) });
    await handle({ type: 'ready', zone: 42 });
    await handle({ type: 'ready' });
    assert.deepEqual(h.zones, ['Pacific/Auckland']);
  });
});
