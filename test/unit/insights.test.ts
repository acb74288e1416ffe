import * as assert from 'node:assert/strict';
import { emptyJournal } from '../../src/core/records/schema';
import type { Journal, Session, Subgoal } from '../../src/core/records/schema';
import { dipNote, efficacySeries, metShare } from '../../src/core/figures/insights';
import { attributionMix, brierByDomain, calibration, winsCalendar } from '../oracles/figures';
import { calibrationAtRuler, levelScores } from '../../src/core/coach/ruler';
import { duePrompts } from '../../src/core/coach/due';
import { calibrationFeedback } from '../../src/core/figures/calibration';
import { evidenceFor, winsSince } from '../../src/core/practices/evidence';
import { encouragementFromRecordWithCredit as encouragementFromRecord } from '../../src/core/coach';
import { dayStart } from '../../src/core/time';
import { otherDomainThisWeek } from '../../src/core/records/journal';
import { addWeeks, DAY, weekStart } from '../../src/core/time';
import { inZone } from './helpers';
import { weeklyReviewMarkdown } from '../../src/core/coach/weeklyReview';

const NOW = new Date(2026, 10, 20, 12).getTime();
let n = 0;
const id = () => `id${++n}`;

function session(o: { start: number; minutes: number; wins?: number; goals?: [number, 'met' | 'partly' | 'missed'][]; internal?: number; controllable?: number; domainId?: string }): Session {
  const subgoals: Subgoal[] = (o.goals ?? []).map(([confidence, outcome]) => ({ id: id(), text: 'g', confidence, createdAt: o.start, outcome }));
  return {
    id: id(), domainId: o.domainId ?? 'd1', workspace: 'w', startedAt: o.start, pauses: [], endedAt: o.start + o.minutes * 60_000, subgoals,
    wins: Array.from({ length: o.wins ?? 0 }, (_, i) => ({ id: id(), text: `win ${i}`, at: o.start + i * 1000, source: 'manual' as const })),
    cueIds: [], reframes: [],
    ...(o.internal !== undefined ? { review: { at: o.start, feedback: '', attribution: { cause: 'effort' as const, text: '', internal: o.internal, stable: 5, controllable: o.controllable ?? 9 } } } : {}),
  };
}

const journal = (sessions: Session[]): Journal => ({ ...emptyJournal(), domains: [{ id: 'd1', name: 'parser tests', createdAt: 0 }, { id: 'd2', name: 'sql', createdAt: 0 }], sessions });

describe('insights', () => {
  it('calibrates: how often goals rated at each level were met', () => {
    const j = journal([session({ start: NOW - DAY, minutes: 30, goals: [[9, 'met'], [9, 'missed'], [9, 'partly'], [5, 'met']] })]);
    const rows = calibration(j);
    assert.deepEqual(rows[9], { confidence: 9, rated: 3, met: 1, partly: 1 });
    assert.deepEqual(rows[5], { confidence: 5, rated: 1, met: 1, partly: 0 });
    assert.equal(rows[0]?.rated, 0);
  });

  it('shows the last 12 calendar weeks of causes, also across a clock change', () =>
    inZone('Australia/Sydney', () => {
      // Mid-November in Sydney: the 12 weeks began before the clocks went forward on 4 October.
      const now = new Date(2026, 10, 18, 15).getTime();
      const mondays = Array.from({ length: 14 }, (_, i) => addWeeks(weekStart(now), -i));
      // A reviewed session late each Sunday night, the last hour of a week, and early each Monday.
      const sessions = mondays.flatMap((monday) => [
        session({ start: new Date(monday).setHours(9), minutes: 30, internal: 8, controllable: 8 }),
        session({ start: addWeeks(monday, 1) - 20 * 60_000, minutes: 10, internal: 2, controllable: 2 }),
      ]);
      const mix = attributionMix(journal(sessions), now);
      assert.deepEqual(mix.map((w) => w.weekOf), mondays.slice(0, 12).reverse());
      assert.ok(mix.every((w) => w.reviews === 2 || (w.weekOf === weekStart(now) && w.reviews <= 2)), JSON.stringify(mix));
    }));

  it('puts the last hour of a week with a clock change in that week’s review', () =>
    inZone('Europe/Berlin', () => {
      // Clocks go back on Sunday 25 October 2026, so that week is 169 hours long.
      const monday = new Date(2026, 9, 19, 10).getTime();
      const lateSunday = new Date(2026, 9, 25, 23, 30).getTime();
      const review = weeklyReviewMarkdown(journal([session({ start: monday, minutes: 30 }), session({ start: lateSunday, minutes: 20 })]), new Date(2026, 9, 25, 23, 55).getTime());
      assert.match(review, /^2 sessions, 0 wins/m);
    }));

  it('counts wins per day over 12 weeks, ending today', () => {
    const j = journal([session({ start: NOW - 2 * DAY, minutes: 10, wins: 3 }), session({ start: NOW - 100 * DAY, minutes: 10, wins: 5 })]);
    const days = winsCalendar(j, NOW);
    assert.equal(days.length, 84);
    assert.equal(days.reduce((s, d) => s + d.wins, 0), 3, 'wins older than 12 weeks are not counted');
    assert.equal(days.at(-3)?.wins, 3);
  });

  it('measures the share of internal and controllable attributions per week', () => {
    const j = journal([
      session({ start: NOW - DAY, minutes: 10, internal: 9, controllable: 9 }),
      session({ start: NOW - DAY + 1000, minutes: 10, internal: 2, controllable: 2 }),
    ]);
    const mix = attributionMix(j, NOW);
    assert.equal(mix.length, 1);
    assert.equal(mix[0]?.reviews, 2);
    assert.equal(mix[0]?.ownShare, 0.5);
  });

  it('names the dip when focused time rises and wins fall, and stays quiet otherwise', () => {
    const earlier = session({ start: NOW - 10 * DAY, minutes: 60, wins: 10 });
    const rising = session({ start: NOW - 2 * DAY, minutes: 120, wins: 3 });
    assert.match(dipNote(journal([earlier, rising]), NOW) ?? '', /This is the dip/);
    const steady = session({ start: NOW - 2 * DAY, minutes: 120, wins: 12 });
    assert.equal(dipNote(journal([earlier, steady]), NOW), undefined);
    assert.equal(dipNote(journal([rising]), NOW), undefined, 'no dip without an earlier baseline');
  });

  it('orders can-do ratings per domain', () => {
    const j = { ...journal([]), ratings: [{ id: 'a', domainId: 'd1', at: 20, value: 60 }, { id: 'b', domainId: 'd1', at: 10, value: 40 }] };
    assert.deepEqual(efficacySeries(j), [{ domainId: 'd1', points: [{ at: 10, value: 40 }, { at: 20, value: 60 }] }]);
  });
});

describe('guards, due prompts and evidence', () => {
  it('spots a second domain started in the same week', () => {
    const j = journal([session({ start: NOW - DAY, minutes: 10, domainId: 'd2' })]);
    assert.equal(otherDomainThisWeek(j, 'd1', NOW)?.name, 'sql');
    assert.equal(otherDomainThisWeek(j, 'd2', NOW), undefined);
    assert.equal(otherDomainThisWeek(j, 'd1', NOW + 14 * DAY), undefined);
  });

  it('makes nothing due on day one: reflection after a full week of use, reassessment once a rating is older than the interval', () => {
    const dayOne = journal([session({ start: NOW - 60 * 60_000, minutes: 10 })]);
    assert.deepEqual(duePrompts(dayOne, NOW, 7), { reflection: false, reassess: [] }, 'a first session and no rating: nothing is due');
    const weekTwo = journal([session({ start: NOW - 8 * DAY, minutes: 10 }), session({ start: NOW - 60 * 60_000, minutes: 10 })]);
    assert.equal(duePrompts(weekTwo, NOW, 7).reflection, true, 'a week of use behind and work this week');
    const rated = { ...weekTwo, ratings: [{ id: 'x', domainId: 'd1', at: NOW - DAY, value: 50 }] };
    assert.deepEqual(duePrompts(rated, NOW, 7).reassess, []);
    assert.deepEqual(duePrompts(rated, NOW + 6 * DAY - 1, 7).reassess, [], 'just before the interval');
    assert.deepEqual(duePrompts(rated, NOW + 6 * DAY, 7).reassess, ['d1'], 'exactly the interval');
    const reflected = { ...rated, reflections: [{ id: 'r', weekOf: weekStart(NOW), didWell: '', doDifferently: '', learned: '', at: NOW }] };
    assert.equal(duePrompts(reflected, NOW, 7).reflection, false, 'done for this week');
  });

  it('builds encouragement only from what the record holds', () => {
    assert.equal(encouragementFromRecord(journal([]), 'd1', 'parser tests', 7), undefined);
    const low = session({ start: NOW - DAY, minutes: 10, wins: 4, goals: [[5, 'met']] });
    assert.equal(encouragementFromRecord(journal([low]), 'd1', 'parser tests', 7), 'Last time you rated 5/10 on parser tests you logged 4 wins.');
    const high = session({ start: NOW - DAY, minutes: 10, wins: 2, goals: [[9, 'met']] });
    assert.equal(encouragementFromRecord(journal([high]), 'd1', 'parser tests', 7), 'You have logged 2 wins on parser tests across 1 session.');
    const e = evidenceFor(journal([low, high]), 'd1', 3);
    assert.deepEqual(e.wins.map((w) => w.text), ['win 3', 'win 2', 'win 1'], 'the newest three of six');
  });

  it("lists today's wins across domains, newest first, including a session that began yesterday", () => {
    const today = dayStart(NOW);
    const yesterday = session({ start: today - DAY, minutes: 30, wins: 2 });
    const overnight = { ...session({ start: today - 60_000, minutes: 10, domainId: 'd2' }), wins: [{ id: 'late', text: 'before midnight', at: today - 1000, source: 'manual' as const }, { id: 'early', text: 'after midnight', at: today + 1000, source: 'manual' as const }] };
    const now = session({ start: NOW - 60_000, minutes: 10, wins: 2 });
    const wins = winsSince(journal([yesterday, overnight, now]), today);
    assert.deepEqual(wins.map((w) => [w.text, w.domainId]), [['win 1', 'd1'], ['win 0', 'd1'], ['after midnight', 'd2']]);
  });

  it('picks the same newest wins as sorting every win would, ties in recorded order', () => {
    let seed = 7;
    const random = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * n);
    for (let round = 0; round < 50; round++) {
      const sessions = Array.from({ length: random(30) }, (_, i) => ({
        ...session({ start: NOW - random(100) * DAY, minutes: 10 }),
        id: `s${i}`,
        domainId: random(2) ? 'd1' : 'd2',
        wins: Array.from({ length: random(5) }, (_, w) => ({ id: `s${i}w${w}`, text: 'w', at: NOW - random(20) * 3_600_000, source: 'manual' as const })),
      }));
      const j = journal(sessions);
      for (const [domain, limit] of [[undefined, 10], ['d1', 3], ['d2', 0]] as const) {
        const all = sessions.filter((s) => !domain || s.domainId === domain).flatMap((s) => s.wins.map((w) => ({ ...w, domainId: s.domainId })));
        const expected = [...all].sort((a, b) => b.at - a.at).slice(0, limit);
        const got = evidenceFor(j, domain, limit);
        assert.deepEqual(got.wins, expected);
      }
    }
  });
});

describe('calibration feedback and Brier score', () => {
  it('scores each domain per month: 0 is perfect, misses at high confidence cost most', () => {
    const j = journal([session({ start: NOW - DAY, minutes: 10, goals: [[10, 'met'], [10, 'missed']] })]);
    const series = brierByDomain(j);
    assert.equal(series.length, 1);
    assert.equal(series[0]?.points[0]?.score, 0.5);
    assert.equal(series[0]?.points[0]?.goals, 2);
    const perfect = brierByDomain(journal([session({ start: NOW - DAY, minutes: 10, goals: [[10, 'met'], [0, 'missed']] })]));
    assert.equal(perfect[0]?.points[0]?.score, 0);
  });

  it('counts a partly met goal as half wherever calibration is shown: the note, the ruler, the Brier score', () => {
    // At 9: 1 met, 2 partly, 2 missed → 2 of 5 points, 40 %; counting only the met ones would say 20 %.
    const j = journal([session({ start: NOW - DAY, minutes: 10, goals: [[9, 'met'], [9, 'partly'], [9, 'partly'], [9, 'missed'], [9, 'missed']] })]);
    const row = calibration(j)[9];
    assert.ok(row);
    assert.equal(metShare(row), 0.4);
    assert.equal(calibrationFeedback(calibration(j)), 'Your 9s were met 40% of the time (5 goals): shrink those goals a little more.');
    assert.equal(calibrationAtRuler(levelScores(j), 9), 'Your 9s were met 40% of the time — shrink it, or rate it 4.');
    // The Brier score's outcome for a partly met goal is the same half: (0.9 − 0.5)² for each.
    const brier = brierByDomain(journal([session({ start: NOW - DAY, minutes: 10, goals: [[9, 'partly']] })]));
    assert.ok(Math.abs((brier[0]?.points[0]?.score ?? 0) - 0.16) < 1e-12);
  });

  it('says plainly when a level is over- or under-confident, citing the numbers, and is quiet otherwise', () => {
    const over = calibration(journal([session({ start: NOW - DAY, minutes: 10, goals: [[9, 'met'], [9, 'met'], [9, 'missed'], [9, 'missed'], [9, 'missed']] })]));
    assert.equal(calibrationFeedback(over), 'Your 9s were met 40% of the time (5 goals): shrink those goals a little more.');
    const under = calibration(journal([session({ start: NOW - DAY, minutes: 10, goals: Array.from({ length: 5 }, () => [5, 'met'] as [number, 'met']) })]));
    assert.match(calibrationFeedback(under) ?? '', /Your 5s were met 100% .*slightly bigger goals/);
    const healthy = calibration(journal([session({ start: NOW - DAY, minutes: 10, goals: [[8, 'met'], [8, 'met'], [8, 'met'], [8, 'met'], [8, 'missed']] })]));
    assert.equal(calibrationFeedback(healthy), undefined);
    const thin = calibration(journal([session({ start: NOW - DAY, minutes: 10, goals: [[9, 'missed']] })]));
    assert.equal(calibrationFeedback(thin), undefined);
  });
});
