import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { emptyJournal } from '../../src/core/records/schema';
import type { CauseKind, Journal, Outcome, Review, Session, TweakOutcome, WinAuthor } from '../../src/core/records/schema';
import { addDomain, addModel, addReflection } from '../../src/core/records/journal';
import { endSession, logWin, newSubgoal, startSession, updateRunning } from '../../src/core/practices/session';
import { CAUSE_DEFAULTS } from '../../src/core/practices/attribution';
import { format, useTranslator } from '../../src/core/l10n';
import { addWeeks, DAY } from '../../src/core/time';
import {
  abilityPattern,
  calibrationAtRuler,
  encouragementFromRecordWithCredit,
  lastTweak,
  lastWeeksLesson,
  learnedThreshold,
  levelScores,
  lessonSentence,
  modelForDoubt,
  modelSentence,
  recurringSlipCues,
  slipPatternSentence,
  tweakReminder,
  tweakStillOpen,
  tweaksThatWork,
  winsByAuthor,
} from '../../src/core/coach';
import type { SlipPattern } from '../../src/core/coach';
import { extractMessages } from '../../scripts/l10nMessages';

/** Friday 20 November 2026, noon local time; every date below is local, so the weekdays hold in any time zone. */
const NOW = new Date(2026, 10, 20, 12).getTime();
const TUESDAY = new Date(2026, 10, 17, 9).getTime();
const HOUR = 3_600_000;

type Goal = [confidence: number, outcome: Outcome];

interface Work {
  goals?: Goal[];
  /** One entry per win: who did it (undefined: unmarked, the user's own). */
  wins?: (WinAuthor | undefined)[];
  cause?: CauseKind;
  slip?: { cue: string; tweak: string };
  answer?: { of: string; outcome: TweakOutcome };
  /** false: ended without a review. */
  reviewed?: boolean;
}

/** A journal built the way the product builds it: domains, sessions started, wins logged, sessions ended and reviewed. */
class Diary {
  journal: Journal = emptyJournal();
  readonly domain: string;

  constructor(name = 'parser tests') {
    this.domain = this.addDomain(name);
  }

  addDomain(name: string): string {
    const added = addDomain(this.journal, name, NOW - 400 * DAY);
    this.journal = added.journal;
    return added.domain.id;
  }

  /** A session from `at` to half an hour later, reviewed at its end unless `reviewed` is false. */
  work(at: number, w: Work = {}, domainId = this.domain): Session {
    const goals = (w.goals ?? []).map(([confidence]) => newSubgoal('a subgoal', confidence, at));
    const started = startSession(this.journal, { domainId, workspace: 'w', subgoals: goals }, at);
    const id = started.session.id;
    let journal = updateRunning(started.journal, id, (s) =>
      (w.wins ?? []).reduce((acc, by, i) => logWin(acc, { text: `win ${i}`, ...(by ? { by } : {}) }, at + (i + 1) * 1000).session, s),
    );
    const outcomes = Object.fromEntries(goals.map((g, i) => [g.id, w.goals?.[i]?.[1] ?? 'met']));
    const end = at + HOUR / 2;
    journal = updateRunning(journal, id, (s) => endSession(s, outcomes, w.reviewed === false ? undefined : review(end, w), end));
    this.journal = journal;
    return journal.sessions.find((s) => s.id === id) as Session;
  }
}

function review(at: number, w: Work): Review {
  const cause = w.cause ?? 'effort';
  return {
    at,
    attribution: { cause, text: '', ...CAUSE_DEFAULTS[cause] },
    feedback: '',
    ...(w.slip ? { slip: { cue: w.slip.cue, frictionFailed: 'notifications were on', tweak: w.slip.tweak } } : {}),
    ...(w.answer ? { tweak: w.answer } : {}),
  };
}

/** Every number a sentence states, to compare with the counts the test computed from the record. */
const numbersIn = (sentence: string | undefined) => (sentence?.match(/\d+/g) ?? []).map(Number);

const goals = (n: number, confidence: number, outcome: Outcome): Goal[] => Array.from({ length: n }, () => [confidence, outcome]);

describe('coach: the tweak from the last slip review', () => {
  it('says nothing when no slip was reviewed in the domain', () => {
    const d = new Diary();
    const other = d.addDomain('sql');
    d.work(TUESDAY, { goals: [[8, 'missed']] });
    d.work(TUESDAY + HOUR, { goals: [[8, 'missed']], slip: { cue: 'Slack', tweak: 'Close Slack' } }, other);
    assert.equal(lastTweak(d.journal, d.domain), undefined);
    assert.equal(tweakReminder(d.journal, d.domain, NOW, 'en'), undefined);
    assert.equal(tweakStillOpen(d.journal, d.domain), undefined);
  });

  it('brings back the latest tweak with the weekday within six days, else the date', () => {
    const d = new Diary();
    d.work(TUESDAY - 7 * DAY, { goals: [[8, 'missed']], slip: { cue: 'Slack', tweak: 'close Slack' } });
    const s = d.work(TUESDAY, { goals: [[8, 'missed']], slip: { cue: 'Slack pings', tweak: 'turn on Do Not Disturb first' } });
    assert.deepEqual(lastTweak(d.journal, d.domain), { sessionId: s.id, tweak: 'turn on Do Not Disturb first', at: TUESDAY + HOUR / 2 });
    const at = (day: number, hour = 8) => new Date(2026, 10, day, hour).getTime();
    assert.equal(tweakReminder(d.journal, d.domain, at(17, 20), 'en'), 'Your tweak from today: turn on Do Not Disturb first');
    assert.equal(tweakReminder(d.journal, d.domain, at(18), 'en'), 'Your tweak from yesterday: turn on Do Not Disturb first');
    assert.equal(tweakReminder(d.journal, d.domain, NOW, 'en'), 'Your tweak from Tuesday: turn on Do Not Disturb first');
    assert.equal(tweakReminder(d.journal, d.domain, at(23, 23), 'en'), 'Your tweak from Tuesday: turn on Do Not Disturb first', 'six days later');
    assert.equal(tweakReminder(d.journal, d.domain, at(24), 'en'), 'Your tweak from Nov 17, 2026: turn on Do Not Disturb first', 'a week later');
    assert.equal(tweakReminder(d.journal, d.domain, at(16), 'en'), 'Your tweak from Nov 17, 2026: turn on Do Not Disturb first', 'a clock set back');
  });

  it('names the day in the display language, and in English for a tag Intl cannot read', () => {
    const d = new Diary();
    d.work(TUESDAY, { goals: [[8, 'missed']], slip: { cue: 'Slack pings', tweak: 'Nicht stören einschalten' } });
    assert.equal(tweakReminder(d.journal, d.domain, NOW, 'de'), 'Your tweak from Dienstag: Nicht stören einschalten');
    assert.equal(tweakReminder(d.journal, d.domain, NOW, 'not a language tag!'), 'Your tweak from Tuesday: Nicht stören einschalten');
  });

  it('keeps the tweak open until a later review in the domain answers for it', () => {
    const d = new Diary();
    const other = d.addDomain('sql');
    const slipped = d.work(TUESDAY, { goals: [[8, 'missed']], slip: { cue: 'Slack pings', tweak: 'turn on Do Not Disturb first' } });
    assert.equal(tweakStillOpen(d.journal, d.domain)?.sessionId, slipped.id);
    d.work(TUESDAY + DAY, { goals: [[8, 'met']] }, other);
    assert.equal(tweakStillOpen(d.journal, d.domain)?.sessionId, slipped.id, 'a review in another domain does not close it');
    d.work(TUESDAY + 2 * DAY, { goals: [[8, 'met']], answer: { of: slipped.id, outcome: 'helped' } });
    assert.equal(tweakStillOpen(d.journal, d.domain), undefined, 'asked once');
    assert.equal(lastTweak(d.journal, d.domain)?.sessionId, slipped.id, 'still the latest tweak');
    const again = d.work(TUESDAY + 3 * DAY, { goals: [[8, 'missed']], slip: { cue: 'Email', tweak: 'Mail closed until noon' } });
    assert.equal(tweakStillOpen(d.journal, d.domain)?.tweak, 'Mail closed until noon');
    assert.equal(tweakStillOpen(d.journal, d.domain)?.sessionId, again.id);
  });

  it('lists the tweaks a later review said helped, newest first, once per text', () => {
    const d = new Diary();
    const other = d.addDomain('sql');
    const a = d.work(NOW - 10 * DAY, { goals: [[8, 'missed']], slip: { cue: 'Slack', tweak: 'Close Slack.' } });
    const b = d.work(NOW - 9 * DAY, { goals: [[8, 'missed']], slip: { cue: 'Phone', tweak: 'Phone in the drawer' }, answer: { of: a.id, outcome: 'helped' } });
    const c = d.work(NOW - 8 * DAY, { goals: [[8, 'missed']], slip: { cue: 'Slack', tweak: '  close   slack ' }, answer: { of: b.id, outcome: 'notHelped' } });
    const e = d.work(NOW - 7 * DAY, { goals: [[8, 'missed']], slip: { cue: 'Tired', tweak: 'Start before lunch' }, answer: { of: c.id, outcome: 'helped' } }, other);
    d.work(NOW - 6 * DAY, { goals: [[8, 'met']], answer: { of: e.id, outcome: 'helped' } }, other);
    d.work(NOW - 5 * DAY, { goals: [[8, 'met']], answer: { of: 'no-such-session', outcome: 'helped' } });
    const works = tweaksThatWork(d.journal);
    assert.deepEqual(works.map((w) => w.tweak), ['Start before lunch', '  close   slack '], 'the phone tweak did not help; Slack once, as last written');
    assert.deepEqual(works[0], { sessionId: e.id, tweak: 'Start before lunch', at: e.review?.at, domainId: other, helpedAt: NOW - 6 * DAY + HOUR / 2 });
    assert.deepEqual(tweaksThatWork(new Diary().journal), []);
  });
});

describe('coach: last week’s lesson', () => {
  const MONDAY = new Date(2026, 10, 23, 9).getTime();

  it('says nothing without a reflection from an earlier week', () => {
    const d = new Diary();
    assert.equal(lastWeeksLesson(d.journal, MONDAY), undefined);
    d.journal = addReflection(d.journal, { didWell: 'x', doDifferently: 'Start earlier', learned: 'I can' }, MONDAY + HOUR, 'test');
    assert.equal(lastWeeksLesson(d.journal, MONDAY + 2 * HOUR), undefined, 'this week’s own reflection is not a lesson from before');
  });

  it('brings back what last week’s reflection said, leaving out empty answers', () => {
    const d = new Diary();
    d.journal = addReflection(d.journal, { didWell: 'Small goals', doDifferently: 'Start before checking mail', learned: 'I can finish hard parts' }, NOW, 'test');
    const lesson = lastWeeksLesson(d.journal, MONDAY);
    assert.deepEqual(lesson, { doDifferently: 'Start before checking mail', learned: 'I can finish hard parts', weekOf: new Date(2026, 10, 16).getTime() });
    assert.equal(lesson && lessonSentence(lesson, MONDAY, 'en'), 'Last week you said you would do differently: Start before checking mail; and that it taught you: I can finish hard parts');
    assert.equal(lessonSentence({ doDifferently: '', learned: 'I can', weekOf: lesson?.weekOf ?? 0 }, MONDAY, 'en'), 'Last week you said it taught you: I can');
    assert.equal(lessonSentence({ doDifferently: 'Start earlier', learned: '', weekOf: lesson?.weekOf ?? 0 }, MONDAY, 'en'), 'Last week you said you would do differently: Start earlier');
    assert.equal(lessonSentence({ doDifferently: '', learned: '', weekOf: lesson?.weekOf ?? 0 }, MONDAY, 'en'), undefined);
  });

  it('names an older week by its date, and skips a reflection that holds no lesson', () => {
    const d = new Diary();
    const october = new Date(2026, 9, 28, 18).getTime();
    d.journal = addReflection(d.journal, { didWell: 'x', doDifferently: '', learned: 'Tests first works for me' }, october, 'test');
    d.journal = addReflection(d.journal, { didWell: 'Shipped it', doDifferently: ' ', learned: '' }, NOW, 'test');
    const lesson = lastWeeksLesson(d.journal, MONDAY);
    assert.equal(lesson?.weekOf, new Date(2026, 9, 26).getTime());
    assert.equal(lesson && lessonSentence(lesson, MONDAY, 'en'), 'In the week of Oct 26, 2026 you said it taught you: Tests first works for me');
  });

  it('keeps a long answer to one line', () => {
    const d = new Diary();
    d.journal = addReflection(d.journal, { didWell: '', doDifferently: `Plan\n${'a'.repeat(400)}`, learned: '' }, NOW, 'test');
    const lesson = lastWeeksLesson(d.journal, MONDAY);
    assert.equal(lesson?.doDifferently.length, 200);
    assert.match(lesson?.doDifferently ?? '', /^Plan a+…$/);
  });
});

describe('coach: a model for a moment of doubt', () => {
  it('picks the newest model of the domain, else the newest of any, else nothing', () => {
    const d = new Diary();
    const other = d.addDomain('sql');
    assert.equal(modelForDoubt(d.journal, d.domain), undefined);
    d.journal = addModel(d.journal, { name: 'Ana', domainId: other, workflowNotes: 'Wrote one query a day for a year' }, NOW - 3 * DAY);
    d.journal = addModel(d.journal, { name: 'Ben', workflowNotes: 'Reads the failing test first' }, NOW - 2 * DAY);
    assert.equal(modelForDoubt(d.journal, d.domain)?.name, 'Ben', 'none of this domain: the newest of any');
    d.journal = addModel(d.journal, { name: 'Chen', domainId: d.domain, workflowNotes: 'Rewrote the parser three times' }, NOW - 5 * DAY);
    d.journal = addModel(d.journal, { name: 'Dee', domainId: d.domain, workflowNotes: 'Small commits, every hour' }, NOW - 4 * DAY);
    const model = modelForDoubt(d.journal, d.domain);
    assert.deepEqual(model && { name: model.name, workflowNotes: model.workflowNotes }, { name: 'Dee', workflowNotes: 'Small commits, every hour' });
    assert.equal(model && modelSentence(model), 'Dee got there by visible effort: Small commits, every hour');
  });

  it('clips long notes and leaves them out when there are none', () => {
    const sentence = modelSentence({ name: 'Ana', workflowNotes: `${'word '.repeat(100)}end` });
    const notes = sentence.slice('Ana got there by visible effort: '.length);
    assert.ok(notes.length <= 200 && notes.endsWith('…'), notes);
    assert.equal(modelSentence({ name: 'Ana', workflowNotes: '  ' }), 'Ana got there by visible effort.');
  });
});

describe('coach: calibration at the ruler', () => {
  /** One ended session per call, holding the given rated goals. */
  const rated = (d: Diary, list: Goal[], at = NOW - DAY) => d.work(at, { goals: list });

  it('says how often goals at this level were met and suggests the level that matches', () => {
    const d = new Diary();
    rated(d, [...goals(2, 9, 'met'), ...goals(3, 9, 'missed')]);
    assert.equal(calibrationAtRuler(levelScores(d.journal), 9), 'Your 9s were met 40% of the time — shrink it, or rate it 4.');
    assert.equal(calibrationAtRuler(levelScores(d.journal), 8), undefined, 'no goals at 8');
  });

  it('speaks at exactly 5 goals and a gap of exactly 20 points, counting a partly met goal half', () => {
    const d = new Diary();
    rated(d, [...goals(3, 9, 'met'), [9, 'partly'], [9, 'missed']]);
    assert.equal(calibrationAtRuler(levelScores(d.journal), 9), 'Your 9s were met 70% of the time — shrink it, or rate it 7.');
  });

  it('stays quiet at 4 goals or a gap of 19 points', () => {
    const four = new Diary();
    rated(four, goals(4, 9, 'missed'));
    assert.equal(calibrationAtRuler(levelScores(four.journal), 9), undefined);
    const close = new Diary();
    rated(close, [...goals(5, 9, 'met'), ...goals(2, 9, 'missed')]);
    assert.equal(Math.round((5 / 7) * 100), 71);
    assert.equal(calibrationAtRuler(levelScores(close.journal), 9), undefined, '71% against 90%');
  });

  it('tells an under-confident rater they can aim bigger', () => {
    const d = new Diary();
    rated(d, goals(3, 3, 'met'));
    rated(d, goals(2, 3, 'met'), NOW - 2 * DAY);
    assert.equal(calibrationAtRuler(levelScores(d.journal), 3), 'Your 3s were met 100% of the time — you can aim a little bigger, or rate it 10.');
  });

  it('counts as calibration does: reviewed live goals of ended sessions only', () => {
    const d = new Diary();
    rated(d, goals(4, 9, 'missed'));
    // A goal shrunk at the ruler is replaced by its smaller version: only the smaller one was attempted.
    const big = newSubgoal('Rewrite the lexer', 9, NOW);
    const small = newSubgoal('Rewrite the number rule', 6, NOW, big.id);
    const started = startSession(d.journal, { domainId: d.domain, workspace: 'w', subgoals: [big, small] }, NOW);
    d.journal = updateRunning(started.journal, started.session.id, (s) => endSession(s, { [big.id]: 'missed', [small.id]: 'met' }, undefined, NOW + HOUR));
    assert.equal(calibrationAtRuler(levelScores(d.journal), 9), undefined, 'the shrunk 9 does not count');
    d.work(NOW + 2 * HOUR, { goals: [[9, 'missed']], reviewed: false });
    assert.equal(calibrationAtRuler(levelScores(d.journal), 9), 'Your 9s were met 0% of the time — shrink it, or rate it 0.');
    const running = startSession(d.journal, { domainId: d.domain, workspace: 'w', subgoals: [newSubgoal('Ship it', 9, NOW + 3 * HOUR)] }, NOW + 3 * HOUR);
    const goal = running.session.subgoals[0]?.id ?? '';
    d.journal = updateRunning(running.journal, running.session.id, (s) => logWin(s, { text: 'shipped', subgoalId: goal }, NOW + 4 * HOUR).session);
    assert.equal(calibrationAtRuler(levelScores(d.journal), 9), 'Your 9s were met 0% of the time — shrink it, or rate it 0.', 'a running session is not reviewed yet');
  });

  it('learns a shrink threshold only from 20 rated goals, and only where goals were met 70% of the time', () => {
    const d = new Diary();
    rated(d, [...goals(8, 5, 'met'), ...goals(2, 5, 'missed'), ...goals(9, 8, 'met')]);
    assert.equal(learnedThreshold(levelScores(d.journal), 7), 7, '19 goals: the configured threshold');
    rated(d, [[8, 'missed']]);
    assert.equal(learnedThreshold(levelScores(d.journal), 7), 5, '5s met 80%, and everything from 5 up 85%');

    const strongTop = new Diary();
    rated(strongTop, [...goals(1, 4, 'met'), ...goals(4, 4, 'missed'), ...goals(15, 9, 'met')]);
    assert.equal(learnedThreshold(levelScores(strongTop.journal), 7), 9, 'a run of 9s does not vouch for the 4s');

    const edge = new Diary();
    rated(edge, [...goals(7, 6, 'met'), ...goals(3, 6, 'missed'), ...goals(7, 8, 'met'), ...goals(3, 8, 'missed')]);
    assert.equal(learnedThreshold(levelScores(edge.journal), 7), 6, 'exactly 70% qualifies');

    const none = new Diary();
    rated(none, [...goals(10, 8, 'met'), ...goals(10, 8, 'missed')]);
    assert.equal(learnedThreshold(levelScores(none.journal), 7), 7, 'no level qualifies: the configured threshold');
  });
});

describe('coach: recurring slip cues', () => {
  it('groups a cue typed three ways and says how its tweaks fared', () => {
    const d = new Diary();
    const s1 = d.work(NOW - 20 * DAY, { goals: [[8, 'missed']], slip: { cue: 'slack pings.', tweak: 'Close Slack' } });
    const s2 = d.work(NOW - 12 * DAY, { goals: [[8, 'missed']], slip: { cue: ' Slack  pings!', tweak: 'Status: busy' }, answer: { of: s1.id, outcome: 'helped' } });
    const s3 = d.work(NOW - 5 * DAY, { goals: [[8, 'missed']], slip: { cue: 'Slack pings', tweak: 'Quit Slack' }, answer: { of: s2.id, outcome: 'notHelped' } });
    d.work(NOW - 2 * DAY, { goals: [[8, 'met']], answer: { of: s3.id, outcome: 'notHelped' } });
    d.work(NOW - 3 * DAY, { goals: [[8, 'missed']], slip: { cue: 'Tired', tweak: 'Sleep' } });
    const patterns = recurringSlipCues(d.journal, NOW);
    assert.equal(patterns.length, 1, 'a cue named once is no pattern');
    const [pattern] = patterns;
    assert.deepEqual(pattern && { ...pattern, sessionIds: pattern.sessionIds.length }, { cue: 'Slack pings', slips: 3, sessionIds: 3, helped: 1, notHelped: 2, notTried: 0, lastAt: s3.review?.at });
    assert.equal(pattern && slipPatternSentence(pattern), '"Slack pings" triggered 3 slips in 4 weeks; its tweaks helped once and did not help twice.');
  });

  it('needs 3 slips within the last 4 weeks', () => {
    const d = new Diary();
    const first = d.work(NOW - 25 * DAY, { goals: [[8, 'missed']], slip: { cue: 'Email', tweak: 'Mail closed' } });
    d.work(NOW - 10 * DAY, { goals: [[8, 'missed']], slip: { cue: 'email', tweak: 'Mail closed' } });
    d.work(NOW - 1 * DAY, { goals: [[8, 'missed']], slip: { cue: 'Email', tweak: 'Mail closed' } });
    const firstAt = first.review?.at ?? 0;
    const fourWeeksOn = addWeeks(firstAt, 4);
    assert.equal(recurringSlipCues(d.journal, fourWeeksOn - 1)[0]?.slips, 3, 'just inside four weeks');
    assert.deepEqual(recurringSlipCues(d.journal, fourWeeksOn), [], 'four weeks on, the first slip has left the window');
    assert.equal(recurringSlipCues(d.journal, fourWeeksOn - 1)[0] && slipPatternSentence(recurringSlipCues(d.journal, fourWeeksOn - 1)[0] as SlipPattern), '"Email" triggered 3 slips in 4 weeks; no review has said yet whether its tweaks helped.');
  });

  it('words every count as English needs it', () => {
    const base: SlipPattern = { cue: 'Meetings', slips: 4, sessionIds: [], helped: 0, notHelped: 0, notTried: 0, lastAt: NOW };
    assert.equal(slipPatternSentence({ ...base, helped: 2, notHelped: 1, notTried: 1 }), '"Meetings" triggered 4 slips in 4 weeks; its tweaks helped twice, did not help once, and went untried once.');
    assert.equal(slipPatternSentence({ ...base, helped: 3 }), '"Meetings" triggered 4 slips in 4 weeks; its tweaks helped 3 times.');
    assert.equal(slipPatternSentence({ ...base, notTried: 2 }), '"Meetings" triggered 4 slips in 4 weeks; its tweaks went untried twice.');
    assert.equal(slipPatternSentence({ ...base, slips: 1, notHelped: 1 }), '"Meetings" triggered 1 slip in 4 weeks; its tweak did not help once.');
  });
});

describe('coach: setbacks put down to ability', () => {
  /** Five setbacks (two credited to ability), a success, and what followed each. */
  function record(): Diary {
    const d = new Diary();
    let at = NOW - 20 * DAY;
    const next = (w: Work) => d.work((at += DAY), w);
    next({ goals: [[7, 'missed']], cause: 'luck' });
    next({ goals: [[7, 'missed'], [7, 'missed']], cause: 'effort' });
    next({ goals: [[7, 'met'], [7, 'met'], [7, 'met'], [7, 'missed']], cause: 'taskEase' });
    next({ goals: [[7, 'missed']], cause: 'ability' });
    next({ goals: [[7, 'partly']], cause: 'ability' });
    next({ goals: [[7, 'met']], cause: 'effort' });
    return d;
  }

  it('cites what followed a setback credited to effort or strategy', () => {
    const d = record();
    const sentence = abilityPattern(d.journal);
    assert.equal(sentence, '2 of your last 5 setbacks were put down to ability. When you credited effort or strategy instead, your next session met 3 of 4 subgoals.');
  });

  it('needs 2 of the last 5 setbacks', () => {
    const d = record();
    d.work(NOW - 4 * DAY, { goals: [[7, 'missed']], cause: 'luck' });
    d.work(NOW - 3 * DAY, { goals: [[7, 'missed']], cause: 'otherPeople' });
    d.work(NOW - 2 * DAY, { goals: [[7, 'missed']], cause: 'luck' });
    assert.match(abilityPattern(d.journal) ?? '', /^2 of your last 5 setbacks/, 'the first ability setback is fifth from last');
    d.work(NOW - DAY, { goals: [[7, 'missed']], cause: 'luck' });
    assert.equal(abilityPattern(d.journal), undefined, 'one of the last five');
    const few = new Diary();
    few.work(NOW - 3 * DAY, { goals: [[7, 'missed']], cause: 'ability' });
    few.work(NOW - 2 * DAY, { goals: [[7, 'met']], cause: 'strategy' });
    assert.equal(abilityPattern(few.journal), undefined);
  });

  it('says nothing without a credited setback followed by a session, or when that went no better', () => {
    const noChangeable = new Diary();
    for (const [i, cause] of (['ability', 'luck', 'ability'] as const).entries()) noChangeable.work(NOW - (5 - i) * DAY, { goals: [[7, 'missed']], cause });
    noChangeable.work(NOW - DAY, { goals: [[7, 'met']] });
    assert.equal(abilityPattern(noChangeable.journal), undefined, 'no setback credited to effort or strategy');

    const last = new Diary();
    last.work(NOW - 3 * DAY, { goals: [[7, 'missed']], cause: 'ability' });
    last.work(NOW - 2 * DAY, { goals: [[7, 'missed']], cause: 'ability' });
    last.work(NOW - DAY, { goals: [[7, 'missed']], cause: 'effort' });
    assert.equal(abilityPattern(last.journal), undefined, 'the effort-credited setback has no next session yet');

    const worse = new Diary();
    worse.work(NOW - 5 * DAY, { goals: [[7, 'missed']], cause: 'strategy' });
    worse.work(NOW - 4 * DAY, { goals: [[7, 'missed']], cause: 'ability' });
    worse.work(NOW - 3 * DAY, { goals: [[7, 'met'], [7, 'met']], cause: 'ability' });
    worse.work(NOW - 2 * DAY, { goals: [[7, 'missed']], cause: 'ability' });
    assert.equal(abilityPattern(worse.journal), undefined, 'met 0 after strategy: nothing to encourage with');

    const noBetter = new Diary();
    noBetter.work(NOW - 5 * DAY, { goals: [[7, 'missed']], cause: 'strategy' });
    noBetter.work(NOW - 4 * DAY, { goals: [[7, 'met'], [7, 'missed']], cause: 'ability' });
    noBetter.work(NOW - 3 * DAY, { goals: [[7, 'met'], [7, 'missed']], cause: 'ability' });
    noBetter.work(NOW - 2 * DAY, { goals: [[7, 'met'], [7, 'met']] });
    assert.equal(abilityPattern(noBetter.journal), undefined, 'after strategy 1 of 2, after ability 3 of 4: the record does not say crediting strategy went better');
  });

  it('sums the sessions that followed when there were several', () => {
    const d = record();
    d.work(NOW - 3 * DAY, { goals: [[7, 'missed']], cause: 'strategy' });
    d.work(NOW - 2 * DAY, { goals: [[7, 'met'], [7, 'met']] });
    assert.equal(abilityPattern(d.journal), '2 of your last 5 setbacks were put down to ability. When you credited effort or strategy instead, the sessions that followed met 5 of 6 subgoals.');
  });
});

describe('coach: credit in the AI era', () => {
  it('counts wins by who did them, unmarked as the user’s own', () => {
    assert.deepEqual(winsByAuthor([{}, { by: 'mine' }, { by: 'assisted' }, { by: 'assistant' }, { by: 'assisted' }]), { mine: 2, assisted: 2, assistant: 1 });
    assert.deepEqual(winsByAuthor([]), { mine: 0, assisted: 0, assistant: 0 });
  });

  it('counts the user’s wins apart from those with AI help, and leaves the assistant’s out', () => {
    const d = new Diary();
    const by: (WinAuthor | undefined)[][] = [[undefined, undefined, 'assisted'], ['mine', undefined, 'mine'], [undefined, 'assisted', 'assistant'], [undefined, undefined, undefined], ['assisted', 'assistant']];
    by.forEach((wins, i) => d.work(NOW - (10 - i) * DAY, { goals: [[8, 'met']], wins }));
    assert.equal(encouragementFromRecordWithCredit(d.journal, d.domain, 'parser tests', 7), 'You have logged 12 wins on parser tests across 5 sessions (3 of them with AI help).');
  });

  it('says "with AI help" when all of it was, and nothing when the assistant did it all', () => {
    const d = new Diary();
    d.work(NOW - DAY, { goals: [[8, 'met']], wins: ['assistant', 'assistant'] });
    assert.equal(encouragementFromRecordWithCredit(d.journal, d.domain, 'parser tests', 7), undefined);
    d.work(NOW - DAY / 2, { goals: [[8, 'met']], wins: ['assisted'] });
    assert.equal(encouragementFromRecordWithCredit(d.journal, d.domain, 'parser tests', 7), 'You have logged 1 win on parser tests across 2 sessions, with AI help.');
  });

  it('cites the last low-confidence start with the user’s part of its wins', () => {
    const d = new Diary();
    d.work(NOW - 3 * DAY, { goals: [[5, 'met']], wins: [undefined, 'assisted', 'assistant'] });
    d.work(NOW - 2 * DAY, { goals: [[9, 'met']], wins: [undefined] });
    assert.equal(encouragementFromRecordWithCredit(d.journal, d.domain, 'parser tests', 7), 'Last time you rated 5/10 on parser tests you logged 2 wins (1 of them with AI help).');
    d.work(NOW - DAY, { goals: [[4, 'met']], wins: ['assistant'] });
    assert.match(encouragementFromRecordWithCredit(d.journal, d.domain, 'parser tests', 7) ?? '', /^Last time you rated 5\/10/, 'a start where only the assistant won is not cited');
    d.work(NOW - DAY / 2, { goals: [[3, 'met']], wins: ['assisted'] });
    assert.equal(encouragementFromRecordWithCredit(d.journal, d.domain, 'parser tests', 7), 'Last time you rated 3/10 on parser tests you logged 1 win, with AI help.');
  });

  it('says it plainly when every win is the user’s own', () => {
    const d = new Diary();
    assert.equal(encouragementFromRecordWithCredit(d.journal, d.domain, 'parser tests', 7), undefined);
    d.work(NOW - 2 * DAY, { goals: [[9, 'met']], wins: [undefined, undefined] });
    assert.equal(encouragementFromRecordWithCredit(d.journal, d.domain, 'parser tests', 7), 'You have logged 2 wins on parser tests across 1 session.');
    d.work(NOW - DAY, { goals: [[4, 'met']], wins: [undefined, 'mine', undefined] });
    assert.equal(encouragementFromRecordWithCredit(d.journal, d.domain, 'parser tests', 7), 'Last time you rated 4/10 on parser tests you logged 3 wins.');
  });
});

describe('coach: only the record speaks', () => {
  it('states no number the record does not hold', () => {
    const d = new Diary();
    const wins: (WinAuthor | undefined)[] = [undefined, 'assisted', undefined, 'assistant', 'assisted'];
    d.work(NOW - 9 * DAY, { goals: [[9, 'missed'], [9, 'met']], wins, cause: 'ability' });
    d.work(NOW - 8 * DAY, { goals: [[9, 'missed'], [9, 'missed']], cause: 'strategy' });
    d.work(NOW - 7 * DAY, { goals: [[9, 'met'], [9, 'missed'], [9, 'met']], cause: 'ability', wins: ['mine'] });
    d.work(NOW - 6 * DAY, { goals: [[9, 'met']] });
    const ended = d.journal.sessions;
    const all = ended.flatMap((s) => s.wins);
    const own = all.filter((w) => w.by !== 'assistant').length;
    const assisted = all.filter((w) => w.by === 'assisted').length;
    assert.deepEqual(numbersIn(encouragementFromRecordWithCredit(d.journal, d.domain, 'parser tests', 7)), [own, ended.length, assisted]);

    const nines = ended.flatMap((s) => s.subgoals).filter((g) => g.confidence === 9);
    const metShare = Math.round((nines.filter((g) => g.outcome === 'met').length / nines.length) * 100);
    assert.deepEqual(numbersIn(calibrationAtRuler(levelScores(d.journal), 9)), [9, metShare, Math.round(metShare / 10)]);

    const setbacks = ended.filter((s) => s.subgoals.some((g) => g.outcome !== 'met'));
    const ability = setbacks.filter((s) => s.review?.attribution.cause === 'ability').length;
    const after = ended[ended.findIndex((s) => s.review?.attribution.cause === 'strategy') + 1]?.subgoals ?? [];
    assert.deepEqual(numbersIn(abilityPattern(d.journal)), [ability, setbacks.length, after.filter((g) => g.outcome === 'met').length, after.length]);
  });

  describe('in the display language', () => {
    const MARK = '‹›';
    afterEach(() => useTranslator(format));

    it('sends every sentence through the translator', () => {
      const d = new Diary();
      const slipped = d.work(NOW - 3 * DAY, { goals: goals(5, 9, 'missed'), slip: { cue: 'Slack', tweak: 'Close Slack' }, wins: ['assisted'] });
      d.work(NOW - 2 * DAY, { goals: [[9, 'missed']], slip: { cue: 'Slack', tweak: 'Close Slack' }, answer: { of: slipped.id, outcome: 'helped' } });
      d.work(NOW - DAY, { goals: [[9, 'missed']], slip: { cue: 'slack', tweak: 'Close Slack' } });
      d.journal = addReflection(d.journal, { didWell: '', doDifferently: 'Start early', learned: '' }, NOW - 7 * DAY, 'test');
      d.journal = addModel(d.journal, { name: 'Ana', workflowNotes: 'Daily practice' }, NOW);
      useTranslator((message, ...args) => `${format(message, ...args)}${MARK}`);
      const lesson = lastWeeksLesson(d.journal, NOW);
      const model = modelForDoubt(d.journal, d.domain);
      const pattern = recurringSlipCues(d.journal, NOW)[0];
      const sentences = [
        tweakReminder(d.journal, d.domain, NOW, 'en'),
        lesson && lessonSentence(lesson, NOW, 'en'),
        model && modelSentence(model),
        calibrationAtRuler(levelScores(d.journal), 9),
        pattern && slipPatternSentence(pattern),
        encouragementFromRecordWithCredit(d.journal, d.domain, 'parser tests', 7),
      ];
      for (const sentence of sentences) assert.ok(sentence?.endsWith(MARK), sentence);
    });

    it('gives translators every message as a plain string literal', () => {
      const { messages, problems } = extractMessages(path.join(process.cwd(), 'src', 'core', 'coach'));
      assert.deepEqual(problems, []);
      assert.ok(messages.has('Your {0}s were met {1}% of the time — shrink it, or rate it {2}.'));
    });
  });
});
