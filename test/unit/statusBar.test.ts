import * as assert from 'node:assert/strict';
import { SessionTicker } from '../../src/host/session/sessionTicker';
import type { Timers } from '../../src/host/session/sessionTicker';
import { statusView } from '../../src/core/practices/statusView';
import { emptyJournal } from '../../src/core/records/schema';
import { addDomain, addCue } from '../../src/core/records/journal';
import { logWin, newSubgoal, pause, startSession, updateRunning } from '../../src/core/practices/session';
import { TestClock } from './helpers';

const T = Date.UTC(2026, 10, 16, 9);

class FakeTimers implements Timers {
  readonly active = new Map<number, () => void>();
  private next = 1;
  setInterval(callback: () => void): unknown {
    const handle = this.next++;
    this.active.set(handle, callback);
    return handle;
  }
  clearInterval(handle: unknown): void {
    this.active.delete(handle as number);
  }
  fire(): void {
    for (const callback of [...this.active.values()]) callback();
  }
}

describe('session ticker', () => {
  it('has no timer when idle and exactly one while a session runs', () => {
    const time = new TestClock();
    const timers = new FakeTimers();
    const ticks: number[] = [];
    const ticker = new SessionTicker(time.clock, timers, (now) => ticks.push(now), () => undefined, () => 120_000);
    ticker.setRunning(false);
    assert.equal(timers.active.size, 0);
    ticker.setRunning(true);
    ticker.setRunning(true);
    assert.equal(timers.active.size, 1);
    time.advance(1000);
    timers.fire();
    assert.deepEqual(ticks, [time.now]);
    ticker.setRunning(false);
    assert.equal(timers.active.size, 0);
    ticker.dispose();
  });

  it('reports a gap far longer than the tick (sleep) once, with its bounds', () => {
    const time = new TestClock();
    const timers = new FakeTimers();
    const gaps: [number, number][] = [];
    const ticker = new SessionTicker(time.clock, timers, () => undefined, (from, to) => gaps.push([from, to]), () => 120_000);
    ticker.setRunning(true);
    const start = time.now;
    time.advance(1000);
    timers.fire();
    time.advance(45 * 60_000);
    timers.fire();
    time.advance(1000);
    timers.fire();
    assert.deepEqual(gaps, [[start + 1000, start + 1000 + 45 * 60_000]]);
  });

  it('does not take a clock set backwards for a sleep', () => {
    const time = new TestClock();
    const timers = new FakeTimers();
    const gaps: unknown[] = [];
    const ticker = new SessionTicker(time.clock, timers, () => undefined, (...g) => gaps.push(g), () => 120_000);
    ticker.setRunning(true);
    time.advance(-3_600_000);
    timers.fire();
    assert.deepEqual(gaps, []);
  });
});

describe('status bar view', () => {
  const time = new TestClock();
  const base = addDomain(emptyJournal(), 'parser $(zap) tests', time.now);
  const cue = addCue(base.journal, 'Run the tests after each edit', undefined, time.now);
  const started = startSession(cue.journal, { domainId: base.domain.id, workspace: 'w', subgoals: [newSubgoal('three edge cases', 8, time.now)], cueId: cue.cue.id, plannedMinutes: 25 }, time.now);

  it('offers to start when idle', () => {
    const view = statusView(emptyJournal(), time.now, { showDomain: true });
    assert.equal(view.text, '$(target) Start focus');
    assert.equal(view.running, false);
  });

  it('shows the time left, the domain (inert) and the wins; the tooltip has subgoal, confidence and cue', () => {
    let j = started.journal;
    j = updateRunning(j, started.session.id, (s) => logWin(s, { text: 'w' }, time.now).session);
    const view = statusView(j, time.now + 65_000, { showDomain: true });
    assert.equal(view.text, '$(clock) 23:55 left · parser $\u200b(zap) tests · $(star-full) 1');
    assert.match(view.tooltip, /Subgoal: three edge cases \(confidence 8\/10\)/);
    assert.match(view.tooltip, /Cue: Run the tests after each edit/);
    assert.match(view.accessibilityLabel, /23 minutes left of 25 planned, 1 win/);
    assert.equal(statusView(j, time.now, { showDomain: false }).text.includes('parser'), false);
  });

  it('shows waiting suggested wins as a badge, in the tooltip and for screen readers', () => {
    const view = statusView(started.journal, time.now, { showDomain: true, suggestions: 2 });
    assert.match(view.text, /\$\(lightbulb\) 2$/);
    assert.match(view.tooltip, /2 suggested wins to review/);
    assert.match(view.accessibilityLabel, /2 suggested/);
    assert.doesNotMatch(statusView(started.journal, time.now, { showDomain: true }).text, /lightbulb/);
  });

  it('counts over time past the plan, and shows a paused session as not running', () => {
    const over = statusView(started.journal, time.now + 27 * 60_000, { showDomain: true });
    assert.match(over.text, /\+02:00 over/);
    const paused = updateRunning(started.journal, started.session.id, (s) => pause(s, time.now + 60_000));
    const view = statusView(paused, time.now + 10 * 60_000, { showDomain: true });
    assert.match(view.text, /^\$\(debug-pause\) 24:00 left paused/);
    assert.equal(view.running, false);
  });

  it('never shows a shrinking time when given the floor already shown', () => {
    const view = statusView({ ...started.journal, sessions: [{ ...started.session, plannedMinutes: undefined }] }, time.now - 60_000, { showDomain: true, elapsedFloor: 30_000 });
    assert.match(view.text, /00:30/);
  });
});

describe('hostile text in the status bar', () => {
  it('shows bidi controls as codes and breaks up icon syntax', () => {
    const time = new TestClock();
    const base = addDomain(emptyJournal(), 'a\u202egnp.exe $(alert)', time.now);
    const started = startSession(base.journal, { domainId: base.domain.id, workspace: 'w', subgoals: [newSubgoal('x\u2066y', 8, time.now)] }, time.now);
    const view = statusView(started.journal, time.now, { showDomain: true });
    assert.match(view.text, /a\[U\+202E\]gnp\.exe \$\u200b\(alert\)/);
    assert.match(view.tooltip, /x\[U\+2066\]y/);
  });
});

describe('status bar: flash and due prompts', () => {
  it('shows a brief acknowledgment in place of the win count, and what is due in the tooltip', () => {
    const { journal } = addDomain(emptyJournal(), 'parser tests', T);
    const started = startSession(journal, { domainId: journal.domains[0]?.id as string, workspace: 'w', subgoals: [] }, T).journal;
    const view = statusView(started, T + 1000, { showDomain: true, flash: 'win 1 · 3 today', due: ['Your weekly reflection is due.'] });
    assert.match(view.text, /\$\(check\) win 1 · 3 today$/);
    assert.match(view.tooltip, /Your weekly reflection is due\.$/);
    const idle = statusView(journal, T, { showDomain: true, due: ['Time to reassess: sql.'] });
    assert.equal(idle.tooltip, 'Small Wins: start a focus session\nTime to reassess: sql.');
  });
});
