import * as assert from 'node:assert/strict';
import { emptyJournal } from '../../src/core/records/schema';
import type { Journal, Session, Win } from '../../src/core/records/schema';
import { attributionMix, progressData, progressDomains, rangeStart } from '../oracles/figures';
import { DAY, dayStart, weekStart } from '../../src/core/time';

/** Friday 20 November 2026, noon: the current week began on Monday the 16th. */
const NOW = new Date(2026, 10, 20, 12).getTime();
const MONDAY = new Date(2026, 10, 16).getTime();
const MINUTE = 60_000;
let n = 0;
const id = () => `id${++n}`;

function win(at: number, by?: 'mine' | 'assisted' | 'assistant'): Win {
  const plain: Win = { id: id(), text: 'w', at, source: 'manual' };
  // The author is optional: a win without one is the user's own.
  return by ? Object.assign(plain, { by }) : plain;
}

function session(o: {
  domainId?: string;
  start: number;
  minutes: number;
  pausedMinutes?: number;
  running?: boolean;
  wins?: Win[];
  goals?: [number, 'met' | 'partly' | 'missed'][];
  internal?: number;
  controllable?: number;
}): Session {
  const end = o.start + (o.minutes + (o.pausedMinutes ?? 0)) * MINUTE;
  return {
    id: id(),
    domainId: o.domainId ?? 'd1',
    workspace: 'w',
    startedAt: o.start,
    pauses: o.pausedMinutes ? [{ from: o.start + MINUTE, to: o.start + (1 + o.pausedMinutes) * MINUTE }] : [],
    ...(o.running ? {} : { endedAt: end }),
    subgoals: (o.goals ?? []).map(([confidence, outcome]) => ({ id: id(), text: 'g', confidence, createdAt: o.start, outcome })),
    wins: o.wins ?? [],
    cueIds: [],
    reframes: [],
    ...(o.internal !== undefined
      ? { review: { at: end, feedback: '', attribution: { cause: 'effort' as const, text: '', internal: o.internal, stable: 5, controllable: o.controllable ?? 9 } } }
      : {}),
  };
}

function journal(sessions: Session[], ratings: { domainId: string; at: number; value: number }[] = []): Journal {
  return {
    ...emptyJournal(),
    domains: [
      { id: 'd1', name: 'parser tests', createdAt: NOW - 800 * DAY },
      { id: 'd2', name: 'sql', createdAt: NOW - 800 * DAY },
      { id: 'd3', name: 'old css', createdAt: NOW - 800 * DAY, archivedAt: NOW - 400 * DAY },
    ],
    sessions,
    ratings: ratings.map((r) => ({ id: id(), ...r })),
  };
}

describe('progress data', () => {
  it('starts each range on a Monday: this week and the 3, 12 and 51 before it', () => {
    const j = journal([]);
    assert.equal(rangeStart(j, '4w', NOW), new Date(2026, 9, 26).getTime());
    assert.equal(rangeStart(j, '3m', NOW), new Date(2026, 7, 24).getTime());
    assert.equal(rangeStart(j, '1y', NOW), new Date(2025, 10, 24).getTime());
    assert.equal(rangeStart(j, 'all', NOW), MONDAY, 'an empty journal has only this week');
  });

  it('gives an empty journal empty charts with zero-filled weeks and days, never a missing one', () => {
    const data = progressData(emptyJournal(), NOW, { range: '4w' });
    assert.deepEqual(data.belief, []);
    assert.deepEqual(data.ownCauses, []);
    assert.deepEqual(data.brier, []);
    assert.deepEqual(data.summary, []);
    assert.equal(data.calibration.length, 11);
    assert.ok(data.calibration.every((r) => r.rated === 0 && r.met === 0));
    assert.deepEqual(data.focus.map((w) => w.minutes), [0, 0, 0, 0]);
    assert.equal(data.calendar.length, 26, 'Monday 26 October to Friday 20 November');
    assert.equal(data.calendar[0]?.day, data.from);
    assert.equal(data.calendar.at(-1)?.day, dayStart(NOW));
    assert.ok(data.calendar.every((d) => d.wins === 0 && d.assisted === 0));
  });

  it('cuts every chart at the start of the range', () => {
    const old = NOW - 40 * DAY;
    const recent = NOW - 2 * DAY;
    const j = journal(
      [
        session({ start: old, minutes: 50, wins: [win(old + MINUTE), win(old + 2 * MINUTE)], goals: [[9, 'missed']], internal: 2, controllable: 2 }),
        session({ start: recent, minutes: 20, wins: [win(recent + MINUTE)], goals: [[8, 'met']], internal: 9, controllable: 9 }),
      ],
      [
        { domainId: 'd1', at: old, value: 30 },
        { domainId: 'd1', at: recent, value: 60 },
        { domainId: 'd1', at: recent + DAY, value: 70 },
      ],
    );
    const four = progressData(j, NOW, { range: '4w' });
    assert.deepEqual(four.belief, [{ domainId: 'd1', points: [{ at: recent, value: 60 }, { at: recent + DAY, value: 70 }] }]);
    assert.equal(four.calendar.reduce((s, d) => s + d.wins, 0), 1);
    assert.equal(four.focus.reduce((s, w) => s + w.minutes, 0), 20);
    assert.deepEqual(four.ownCauses.map((w) => w.ownShare), [1]);
    assert.deepEqual(four.calibration[8], { confidence: 8, rated: 1, met: 1, partly: 0 });
    assert.equal(four.calibration[9]?.rated, 0, 'the goal from 40 days ago is outside four weeks');
    assert.deepEqual(four.brier[0]?.points.map((p) => Number(p.score.toFixed(4))), [0.04]);
    assert.deepEqual(four.summary.find((r) => r.domainId === 'd1'), { domainId: 'd1', firstRating: 60, latestRating: 70, sessions: 1, wins: 1, minutes: 20 });

    const three = progressData(j, NOW, { range: '3m' });
    assert.equal(three.calendar.reduce((s, d) => s + d.wins, 0), 3);
    assert.equal(three.focus.length, 13);
    assert.equal(three.focus.reduce((s, w) => s + w.minutes, 0), 70);
    assert.deepEqual(three.summary.find((r) => r.domainId === 'd1'), { domainId: 'd1', firstRating: 30, latestRating: 70, sessions: 2, wins: 3, minutes: 70 });
    assert.equal(three.calibration[9]?.rated, 1);
  });

  it('uses the dashboard’s definition of an own and controllable cause', () => {
    const j = journal([
      session({ start: NOW - DAY, minutes: 10, internal: 9, controllable: 9 }),
      session({ start: NOW - DAY + MINUTE, minutes: 10, internal: 6, controllable: 6 }),
      session({ start: NOW - DAY + 2 * MINUTE, minutes: 10, internal: 5, controllable: 9 }),
      session({ start: NOW - DAY + 3 * MINUTE, minutes: 10, internal: 2, controllable: 2 }),
    ]);
    const data = progressData(j, NOW, { range: '4w' });
    assert.deepEqual(data.ownCauses, attributionMix(j, NOW, 4));
    assert.equal(data.ownCauses[0]?.reviews, 4);
  });

  it('starts "everything" at the week of the earliest record, and keeps the calendar to a year', () => {
    const twoYearsAgo = NOW - 730 * DAY;
    const j = journal([session({ start: twoYearsAgo, minutes: 30, wins: [win(twoYearsAgo + MINUTE)] }), session({ start: NOW - DAY, minutes: 15, wins: [win(NOW - DAY)] })]);
    const data = progressData(j, NOW, { range: 'all' });
    assert.equal(data.from, weekStart(twoYearsAgo));
    assert.equal(data.focus[0]?.minutes, 30);
    assert.equal(data.focus.reduce((s, w) => s + w.minutes, 0), 45);
    assert.ok(data.focus.length >= 104 && data.focus.length <= 106, `${data.focus.length} weeks`);
    assert.equal(data.calendarFrom, new Date(2025, 10, 24).getTime(), 'the calendar shows the last 52 weeks');
    assert.equal(data.calendar.reduce((s, d) => s + d.wins, 0), 1);
    assert.equal(data.summary.find((r) => r.domainId === 'd1')?.wins, 2, 'the table counts the whole range');
  });

  it('lists weeks as local Mondays at midnight, each once', () => {
    const data = progressData(journal([]), NOW, { range: '1y' });
    assert.equal(data.focus.length, 52);
    assert.ok(data.focus.every((w) => new Date(w.weekOf).getDay() === 1 && new Date(w.weekOf).getHours() === 0));
    assert.equal(new Set(data.focus.map((w) => w.weekOf)).size, 52);
    assert.equal(data.focus.at(-1)?.weekOf, MONDAY);
  });

  it('counts focused time from timestamps: pauses left out, a running session up to now', () => {
    const j = journal([
      session({ start: MONDAY + 9 * 3_600_000, minutes: 20, pausedMinutes: 10 }),
      session({ start: NOW - 15 * MINUTE, minutes: 0, running: true }),
    ]);
    const data = progressData(j, NOW, { range: '4w' });
    assert.equal(data.focus.at(-1)?.minutes, 35);
    assert.equal(data.summary.find((r) => r.domainId === 'd1')?.sessions, 2);
  });

  it('filters every chart and the table to the chosen domains', () => {
    const j = journal(
      [
        session({ domainId: 'd1', start: NOW - DAY, minutes: 10, wins: [win(NOW - DAY)], goals: [[5, 'met']], internal: 9 }),
        session({ domainId: 'd2', start: NOW - 2 * DAY, minutes: 40, wins: [win(NOW - 2 * DAY), win(NOW - 2 * DAY + 1)], goals: [[3, 'missed']], internal: 1 }),
      ],
      [
        { domainId: 'd1', at: NOW - DAY, value: 40 },
        { domainId: 'd2', at: NOW - DAY, value: 80 },
      ],
    );
    const sql = progressData(j, NOW, { range: '4w', domainIds: ['d2'] });
    assert.deepEqual(sql.belief.map((b) => b.domainId), ['d2']);
    assert.deepEqual(sql.brier.map((b) => b.domainId), ['d2']);
    assert.equal(sql.calendar.reduce((s, d) => s + d.wins, 0), 2);
    assert.equal(sql.focus.reduce((s, w) => s + w.minutes, 0), 40);
    assert.deepEqual(sql.ownCauses.map((w) => w.ownShare), [0]);
    assert.equal(sql.calibration[3]?.rated, 1);
    assert.equal(sql.calibration[5]?.rated, 0);
    assert.deepEqual(sql.summary.map((r) => r.domainId), ['d2']);

    const every = progressData(j, NOW, { range: '4w' });
    assert.deepEqual(every.summary.map((r) => r.domainId), ['d1', 'd2'], 'the archived domain with no record is left out');
    assert.equal(every.calendar.reduce((s, d) => s + d.wins, 0), 3);

    const none = progressData(j, NOW, { range: '4w', domainIds: [] });
    assert.deepEqual(none.summary, []);
    assert.deepEqual(none.belief, []);
    assert.equal(none.calendar.reduce((s, d) => s + d.wins, 0), 0);
  });

  it('counts the assisted part of each day’s wins; a win with no author is the user’s own', () => {
    const day = NOW - DAY;
    const j = journal([session({ start: day, minutes: 10, wins: [win(day), win(day + 1, 'mine'), win(day + 2, 'assisted'), win(day + 3, 'assistant')] })]);
    const data = progressData(j, NOW, { range: '4w' });
    const entry = data.calendar.find((d) => d.day === dayStart(day));
    assert.deepEqual(entry, { day: dayStart(day), wins: 4, assisted: 2 });
    assert.ok(data.calendar.filter((d) => d !== entry).every((d) => d.wins === 0 && d.assisted === 0));
  });

  it('offers every domain in use, and archived ones only when they left a record', () => {
    const j = journal([session({ domainId: 'd3', start: NOW - 500 * DAY, minutes: 10 })]);
    assert.deepEqual(progressDomains(j).map((d) => d.name), ['parser tests', 'sql', 'old css']);
    assert.deepEqual(progressDomains(journal([])).map((d) => d.name), ['parser tests', 'sql']);
    const everything = progressData(j, NOW, { range: 'all' });
    assert.deepEqual(everything.summary.map((r) => [r.domainId, r.sessions]), [['d1', 0], ['d2', 0], ['d3', 1]]);
    assert.deepEqual(progressData(j, NOW, { range: '1y' }).summary.map((r) => r.domainId), ['d1', 'd2']);
  });
});
