import * as assert from 'node:assert/strict';
import { parseIntegerInRange, parseText } from '../../src/core/practices/confidence';
import { MAX_GOAL_VERSIONS, PLANNED_LENGTHS, plannedLengthChoices, shouldOfferShrink, timerText } from '../../src/core/practices/plan';
import { addDomain, domainLabel } from '../../src/core/records/journal';
import { emptyJournal } from '../../src/core/records/schema';
import { attributionFeedback, CAUSE_DEFAULTS } from '../../src/core/practices/attribution';
import { findOutcomePhrasing, instructionProblem } from '../../src/core/practices/selfTalk';
import { CAUSE_KINDS } from '../../src/core/records/schema';
import type { Attribution, CauseKind } from '../../src/core/records/schema';
import { formatDuration, spokenDuration, weekStart } from '../../src/core/time';

const evidence = { wins: 3, met: 1, total: 2, domainName: 'parser tests' };
const attribution = (cause: CauseKind): Attribution => ({ cause, text: '', ...CAUSE_DEFAULTS[cause] });

describe('confidence rule', () => {
  it('offers to shrink below the threshold only', () => {
    assert.equal(shouldOfferShrink(6, 7), true);
    assert.equal(shouldOfferShrink(7, 7), false);
    assert.equal(shouldOfferShrink(0, 0), false);
    assert.equal(shouldOfferShrink(3, 7, MAX_GOAL_VERSIONS - 1), true);
    assert.equal(shouldOfferShrink(3, 7, MAX_GOAL_VERSIONS), false, 'a chain has a bound');
  });

  it('parses numbers in range with messages that say what is wrong', () => {
    assert.deepEqual(parseIntegerInRange(' 42 ', 0, 100, 'a rating'), { ok: true, value: 42 });
    const out = parseIntegerInRange('101', 0, 100, 'a rating');
    assert.equal(out.ok, false);
    assert.match((out as { message: string }).message, /0 to 100.*101/);
    assert.equal(parseIntegerInRange('4.5', 0, 10, 'a rating').ok, false);
    assert.equal(parseIntegerInRange('', 0, 10, 'a rating').ok, false);
    assert.equal(parseText('  ', 10, 'a goal').ok, false);
    assert.match((parseText('x'.repeat(11), 10, 'a goal') as { message: string }).message, /10 characters \(now 11\)/);
  });
});

describe('attribution feedback', () => {
  it('has a success owned when the cause is internal and controllable', () => {
    const text = attributionFeedback('success', attribution('effort'), evidence);
    assert.match(text, /yours/);
    assert.match(text, /3 wins/, 'cites the record');
  });

  it('never tells a setback it lacks ability, and steers to a changeable cause', () => {
    for (const cause of CAUSE_KINDS) {
      for (const result of ['setback', 'mixed', 'success'] as const) {
        const text = attributionFeedback(result, attribution(cause), evidence);
        assert.doesNotMatch(text, /lack (of )?ability|not (smart|good) enough|you can't/i, `${result}/${cause}: ${text}`);
      }
    }
    const ability = attributionFeedback('setback', attribution('ability'), evidence);
    assert.match(ability, /strategy|preparation|goal size/);
  });

  it('points a luck-credited success back at the user’s own actions', () => {
    assert.match(attributionFeedback('success', attribution('luck'), evidence), /your own actions/);
  });

  it('builds its encouraging sentence from the evidence given', () => {
    const text = attributionFeedback('success', attribution('strategy'), { wins: 1, met: 2, total: 2, domainName: 'SQL' });
    assert.match(text, /You met 2 of 2 subgoals and logged 1 win on SQL/);
  });
});

describe('instructional self-talk', () => {
  it('recognises hope and outcome phrasing', () => {
    assert.equal(findOutcomePhrasing("I hope I don't break prod"), 'I hope');
    assert.equal(findOutcomePhrasing('what if the migration fails'), 'what if');
    assert.equal(findOutcomePhrasing("I'm afraid of the review"), "I'm afraid");
    assert.equal(findOutcomePhrasing("don't mess up the demo"), "don't mess up");
    assert.equal(findOutcomePhrasing('Run the migration on staging first'), undefined);
  });

  it('rejects an instruction that is still a hope', () => {
    assert.match(instructionProblem('hopefully the tests pass') ?? '', /next mechanical step/);
    assert.equal(instructionProblem('Read the diff line by line'), undefined);
  });
});

describe('time helpers', () => {
  it('formats durations and spoken durations', () => {
    assert.equal(formatDuration(0), '00:00');
    assert.equal(formatDuration(-5000), '00:00');
    assert.equal(formatDuration(3_723_000), '1:02:03');
    assert.equal(spokenDuration(61 * 60_000), '1 hour 1 minute');
  });

  it('finds the Monday of a week', () => {
    const monday = weekStart(new Date(2026, 10, 19, 15).getTime());
    assert.equal(new Date(monday).getDay(), 1);
    assert.equal(new Date(monday).getDate(), 16);
  });
});

describe('values every surface shares', () => {
  it('shows the timer the same way for the status bar and the dashboard: elapsed, left, over', () => {
    assert.deepEqual(timerText(65_000, undefined), { text: '01:05', spoken: '1 minute elapsed' });
    assert.deepEqual(timerText(65_000, 25), { text: '23:55 left', spoken: '23 minutes left of 25 planned' });
    assert.deepEqual(timerText(26 * 60_000, 25), { text: '+01:00 over', spoken: '1 minute over the planned 25 minutes' });
  });

  it('offers the planned lengths from one list, adding the preferred one in order', () => {
    assert.deepEqual(plannedLengthChoices(25), [...PLANNED_LENGTHS]);
    assert.deepEqual(plannedLengthChoices(50), [0, 15, 25, 45, 50, 60, 90]);
  });

  it('names a missing domain in one wording everywhere', () => {
    const { journal, domain } = addDomain(emptyJournal(), 'sql', 1);
    assert.equal(domainLabel(journal, domain.id), 'sql');
    assert.equal(domainLabel(journal, 'gone'), 'unknown domain');
  });
});
