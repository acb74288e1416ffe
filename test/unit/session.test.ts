import * as assert from 'node:assert/strict';
import { emptyJournal } from '../../src/core/records/schema';
import type { Journal, Session } from '../../src/core/records/schema';
import { addDomain } from '../../src/core/records/journal';
import {
  activeSession, currentSubgoal, elapsedMs, endSession, excludeAway, extendPlan, isPaused, liveSubgoals, logWin, newSubgoal,
  pause, remainingMs, resume, sessionResult, SessionError, startSession,
} from '../../src/core/practices/session';

const T0 = Date.UTC(2026, 10, 16, 9, 0, 0);
const MIN = 60_000;

function started(planned?: number): { journal: Journal; session: Session } {
  const { journal, domain } = addDomain(emptyJournal(), 'parser tests', T0);
  const goal = newSubgoal('three edge cases', 8, T0);
  return startSession(journal, { domainId: domain.id, workspace: 'demo', subgoals: [goal], ...(planned ? { plannedMinutes: planned } : {}) }, T0);
}

describe('session state machine', () => {
  it('computes elapsed time from timestamps, excluding pauses', () => {
    let { session } = started();
    assert.equal(elapsedMs(session, T0 + 10 * MIN), 10 * MIN);
    session = pause(session, T0 + 10 * MIN);
    assert.equal(isPaused(session), true);
    assert.equal(elapsedMs(session, T0 + 25 * MIN), 10 * MIN, 'time stands still while paused');
    session = resume(session, T0 + 25 * MIN);
    assert.equal(elapsedMs(session, T0 + 30 * MIN), 15 * MIN);
  });

  it('never reports negative elapsed time when the clock goes back before the start', () => {
    const { session } = started();
    assert.equal(elapsedMs(session, T0 - 5 * MIN), 0);
  });

  it('treats a pause resumed with a clock set backwards as zero-length, not negative', () => {
    let { session } = started();
    session = pause(session, T0 + 10 * MIN);
    session = resume(session, T0 + 5 * MIN);
    assert.equal(elapsedMs(session, T0 + 20 * MIN), 20 * MIN);
  });

  it('counts remaining planned time down and past zero', () => {
    const { session } = started(25);
    assert.equal(remainingMs(session, T0 + 5 * MIN), 20 * MIN);
    assert.equal(remainingMs(session, T0 + 30 * MIN), -5 * MIN);
    assert.equal(remainingMs(started().session, T0), undefined);
  });

  it('refuses a second running session', () => {
    const { journal, session } = started();
    assert.throws(() => startSession(journal, { domainId: session.domainId, workspace: 'x', subgoals: [] }, T0), SessionError);
  });

  it('marks a subgoal met when a win names it, and moves the current subgoal on', () => {
    let { session } = started();
    const second = newSubgoal('fix the lexer', 7, T0);
    session = { ...session, subgoals: [...session.subgoals, second] };
    assert.equal(currentSubgoal(session)?.id, second.id);
    const result = logWin(session, { text: second.text, subgoalId: second.id }, T0 + MIN);
    assert.equal(result.session.subgoals[1]?.outcome, 'met');
    assert.equal(result.session.wins.length, 1);
    assert.equal(currentSubgoal(result.session)?.text, 'three edge cases');
    assert.throws(() => logWin(session, { text: 'x', subgoalId: 'nope' }, T0), SessionError);
  });

  it('replaces a shrunk goal with its smaller version', () => {
    const big = newSubgoal('rewrite the parser', 3, T0);
    const small = newSubgoal('rewrite the number rule', 8, T0, big.id);
    const { session } = started();
    const s = { ...session, subgoals: [big, small] };
    assert.deepEqual(liveSubgoals(s).map((g) => g.text), ['rewrite the number rule']);
  });

  it('excludes away time as an away pause, and extends plans from the time focused so far', () => {
    let { session } = started(25);
    session = excludeAway(session, T0 + 5 * MIN, T0 + 65 * MIN);
    assert.equal(elapsedMs(session, T0 + 70 * MIN), 10 * MIN);
    assert.equal(session.pauses[0]?.away, true);
    const extended = extendPlan(started(25).session, 10, T0 + 40 * MIN);
    assert.equal(extended.plannedMinutes, 50);
  });

  it('ends with outcomes, closing an open pause', () => {
    const { journal } = started();
    let session = activeSession(journal) as Session;
    session = pause(session, T0 + 5 * MIN);
    const goal = session.subgoals[0]?.id as string;
    const ended = endSession(session, { [goal]: 'partly' }, undefined, T0 + 20 * MIN);
    assert.equal(ended.endedAt, T0 + 20 * MIN);
    assert.equal(ended.subgoals[0]?.outcome, 'partly');
    assert.equal(isPaused(ended), false);
    assert.equal(elapsedMs(ended, T0 + 99 * MIN), 5 * MIN);
  });

  it('classifies results', () => {
    assert.equal(sessionResult(['met', 'met']), 'success');
    assert.equal(sessionResult(['missed']), 'setback');
    assert.equal(sessionResult(['met', 'missed']), 'mixed');
    assert.equal(sessionResult([]), 'none');
  });
});
