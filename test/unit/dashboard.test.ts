import type { Notice } from '../../src/host/actions/notices';
import * as assert from 'node:assert/strict';
import { webviewMessageSchema } from '../../src/shared/protocol';
import { createDashboardHandler } from '../../src/host/dashboard/dashboardMessages';
import { buildSnapshot } from '../../src/host/dashboard/snapshot';
import { buildProgressSnapshot, figuresOf } from '../../src/host/progress/progressSnapshot';
import { activeSession } from '../../src/core/practices/session';
import { DEFAULT_SETTINGS } from '../../src/host/platform/settings';
import { emptyJournal } from '../../src/core/records/schema';
import { harness } from './helpers';
import type { Harness } from './helpers';

function port() {
  const sent = { snapshots: 0, feedback: [] as string[], errors: [] as string[] };
  return {
    sent,
    port: {
      sendSnapshot: () => void sent.snapshots++,
      sendNotices: (notices: readonly Notice[]) => void sent.feedback.push(...notices.map((n) => n.text)),
      sendError: (t: string) => void sent.errors.push(t),
    },
  };
}

async function startFromView(h: Harness) {
  const p = port();
  const handle = createDashboardHandler(h.ctx, p.port);
  await handle({ type: 'startSession', answers: { domain: { kind: 'new', name: 'parser tests' }, goals: [{ text: 'Rewrite it all', confidence: 3 }, { text: 'Rewrite one rule', confidence: 8 }], plannedMinutes: 25 } });
  const session = activeSession(h.ctx.store.live);
  assert.ok(session);
  return { handle, session, sent: p.sent };
}

describe('dashboard protocol', () => {
  it('accepts well-formed messages and rejects malformed ones', () => {
    assert.equal(webviewMessageSchema.safeParse({ type: 'ready' }).success, true);
    assert.equal(webviewMessageSchema.safeParse({ type: 'logWin', answers: { sessionId: 's', text: 'win' } }).success, true);
    assert.equal(webviewMessageSchema.safeParse({ type: 'run', action: 'selfTalk' }).success, true);
    for (const bad of [
      null, 'ready', {}, { type: 'nope' }, { type: 'ready', extra: 1 }, { type: 'logWin', answers: { sessionId: '' } },
      { type: 'logWin', answers: { sessionId: 's', text: 'x'.repeat(501) } }, { type: 'run', action: 'workbench.action.quit' },
      { type: 'startSession', answers: { domain: { kind: 'new', name: 'x' }, goals: [], plannedMinutes: 0 } },
      { type: 'addSubgoal', answers: { sessionId: 's', goals: [{ text: 'x', confidence: 11 }] } },
      { type: 'startSession', answers: { domain: { kind: 'existing', name: 'x' }, goals: [{ text: 'y', confidence: 9 }], plannedMinutes: 0 } },
      { type: 'startSession', answers: { domain: { id: 'd' }, goals: [{ text: 'y', confidence: 9 }], plannedMinutes: 0 } },
      { type: 'endSession', answers: { sessionId: 's', outcomes: { g: 'met' }, attribution: { cause: 'luck', text: '', internal: 1, stable: 1, controllable: 1 } } },
    ]) {
      assert.equal(webviewMessageSchema.safeParse(bad).success, false, JSON.stringify(bad));
    }
  });
});

describe('dashboard message handler', () => {
  it('starts a session with the shrink chain linked, and remembers the workspace defaults', async () => {
    const h = harness();
    const { session } = await startFromView(h);
    assert.equal(session.subgoals[1]?.shrunkFromId, session.subgoals[0]?.id);
    assert.equal(session.plannedMinutes, 25);
    assert.equal((h.workspace.get('defaults') as { plannedMinutes: number }).plannedMinutes, 25);
  });

  it('logs wins, marks subgoals done and ends with a review and feedback', async () => {
    const h = harness();
    const { handle, session, sent } = await startFromView(h);
    const goal = session.subgoals[1]?.id as string;
    await handle({ type: 'logWin', answers: { sessionId: session.id, subgoalId: goal } });
    await handle({ type: 'logWin', answers: { sessionId: session.id, text: 'micro' } });
    await handle({ type: 'togglePause', sessionId: session.id });
    await handle({
      type: 'endSession',
      answers: { sessionId: session.id, outcomes: [{ subgoalId: goal, outcome: 'met' }], attribution: { cause: 'effort', text: '', internal: 9, stable: 3, controllable: 9 } },
    });
    const ended = (await h.ctx.store.history()).sessions[0];
    assert.equal(ended?.wins.length, 2);
    assert.ok(ended?.endedAt);
    assert.match(sent.feedback.at(-1) ?? '', /met 1 of 1 subgoal and logged 2 wins.*yours/);
  });

  it('deletes a win from the view only after the modal confirmation', async () => {
    const h = harness();
    const { handle, session, sent } = await startFromView(h);
    await handle({ type: 'logWin', answers: { sessionId: session.id, text: 'mistake' } });
    const win = activeSession(h.ctx.store.live)?.wins[0];
    assert.ok(win);
    h.ui.queue('Cancel');
    await handle({ type: 'deleteWin', id: win.id });
    assert.equal(activeSession(h.ctx.store.live)?.wins.length, 1, 'declined: kept');
    h.ui.queue('Delete');
    await handle({ type: 'deleteWin', id: win.id });
    assert.equal(activeSession(h.ctx.store.live)?.wins.length, 0);
    assert.match(h.ui.messages.filter((m) => m.text.startsWith('Delete the win')).at(-1)?.text ?? '', /"mistake"/);
    await handle({ type: 'deleteWin', id: win.id });
    assert.match(sent.errors.at(-1) ?? '', /no longer there/);
  });

  it('refuses a well-formed message that does not fit the journal, with an error and no change', async () => {
    const h = harness();
    const { handle, session, sent } = await startFromView(h);
    const before = JSON.stringify(h.memento.get('journal'));
    await handle({ type: 'logWin', answers: { sessionId: 'other-session', text: 'x' } });
    await handle({ type: 'logWin', answers: { sessionId: session.id, subgoalId: 'not-a-goal' } });
    await handle({ type: 'endSession', answers: { sessionId: session.id, outcomes: [], attribution: { cause: 'luck', text: '', internal: 1, stable: 1, controllable: 1 } } });
    await handle({ type: 'startSession', answers: { domain: { kind: 'new', name: 'x' }, goals: [{ text: 'y', confidence: 9 }], plannedMinutes: 0 } });
    assert.equal(JSON.stringify(h.memento.get('journal')), before);
    assert.equal(sent.errors.length, 4);
  });

  it('survives 10,000 random and malformed messages without throwing or changing anything', async () => {
    const h = harness();
    const { handle, session } = await startFromView(h);
    const before = JSON.stringify(h.memento.get('journal'));
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const choose = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const junk = (): unknown => choose([
      undefined, null, 0, -1, 1e308, NaN, '', 'x'.repeat(100_000), '<img src=x onerror=alert(1)>', true, [], {},
      { __proto__: { polluted: true } }, session.id, 'other-session', [session.id],
    ]);
    const types = ['ready', 'startSession', 'addSubgoal', 'logWin', 'togglePause', 'endSession', 'acceptSuggestion', 'dismissSuggestion', 'run', 'nope', undefined];
    const keys = ['type', 'id', 'sessionId', 'answers', 'text', 'subgoalId', 'goals', 'domain', 'outcomes', 'attribution', 'action', 'plannedMinutes', 'slip'];
    for (let i = 0; i < 10_000; i++) {
      const message: Record<string, unknown> = { type: choose(types) };
      const fields = Math.floor(random() * 4);
      for (let f = 0; f < fields; f++) message[choose(keys)] = junk();
      // Well-formed-looking messages aimed at ids that are not open must not change state either.
      if (message['type'] === 'logWin' && random() < 0.3) message['answers'] = { sessionId: 'other-session', text: 'x' };
      if (message['type'] === 'togglePause') message['sessionId'] = 'other-session';
      await handle(random() < 0.05 ? junk() : message);
    }
    assert.equal(JSON.stringify(h.memento.get('journal')), before);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });
});

describe('snapshot', () => {
  it('carries the running session with the time computed from timestamps', async () => {
    const h = harness();
    const { handle, session } = await startFromView(h);
    h.time.advance(90_000);
    await handle({ type: 'logWin', answers: { sessionId: session.id, text: '<b>bold</b>' } });
    const snap = buildSnapshot(await h.ctx.store.history(), h.time.now, DEFAULT_SETTINGS, h.ctx.defaults.get());
    assert.equal(snap.session?.elapsedMs, 90_000);
    assert.deepEqual(snap.session?.subgoals.map((g) => g.text), ['Rewrite one rule'], 'the shrunk original is not shown');
    assert.equal(snap.todayWins[0]?.text, '<b>bold</b>');
    assert.equal(snap.evidence.domainName, 'parser tests');
    assert.equal(snap.figures.calendar.days.at(-1)?.wins, 1, "today's win in the sidebar's calendar");
    assert.equal(snap.rulerNotes.length, 11, 'a note place for every level of the ruler');
  });

  it('shows the idle state with the workspace defaults', () => {
    const h = harness();
    const snap = buildSnapshot(h.ctx.store.live, h.time.now, { ...DEFAULT_SETTINGS, defaultPlannedMinutes: 45 }, {});
    assert.equal(snap.session, undefined);
    assert.equal(snap.defaultPlannedMinutes, 45);
    assert.equal(snap.threshold, 7);
  });

  it("draws the sidebar from the Progress tab's model: every domain, the last three months, the same colours", () => {
    const now = new Date(2026, 10, 16, 12).getTime();
    const journal = emptyJournal();
    journal.domains.push({ id: 'd1', name: 'Parsers', createdAt: now - 9e9 }, { id: 'd2', name: 'Ops', createdAt: now - 9e9 }, { id: 'd3', name: 'SQL', createdAt: now - 9e9 });
    journal.ratings.push({ id: 'r1', domainId: 'd3', at: now - 5e8, value: 30 }, { id: 'r2', domainId: 'd2', at: now - 4e8, value: 50 }, { id: 'r0', domainId: 'd2', at: now - 8e9, value: 20 });
    for (let n = 0; n < 6; n++) {
      const at = now - n * 20 * 86_400_000;
      const by = n % 2 ? { by: 'assisted' as const } : {};
      journal.sessions.push({ id: `s${n}`, domainId: 'd1', workspace: 'w', startedAt: at, endedAt: at + 3_600_000, subgoals: [{ id: `g${n}`, text: 'g', confidence: 7, createdAt: at, outcome: 'met' }], wins: [{ id: `w${n}`, text: 'w', at: at + 1, source: 'manual', ...by }], cueIds: [], reframes: [], pauses: [] });
    }
    const tab = figuresOf(buildProgressSnapshot(journal, now, { range: '3m', hidden: new Set() }));
    const sidebar = buildSnapshot(journal, now, DEFAULT_SETTINGS, {}).figures;
    assert.deepEqual(sidebar, tab);
    assert.deepEqual(sidebar.domains.map((d) => d.name), ['Parsers', 'Ops', 'SQL'], 'the order that picks the colours');
    assert.ok(sidebar.calendar.days.some((d) => d.assisted > 0), 'wins with AI help are in the sidebar calendar too');
  });

  it('says from the record what the user did, with AI help counted apart and the assistant\'s wins left out, from aggregates as from records', () => {
    const now = new Date(2026, 10, 16, 12).getTime();
    const journal = emptyJournal();
    journal.domains.push({ id: 'd1', name: 'Parsers', createdAt: now - 40 * 86_400_000 });
    const by = [undefined, 'assisted', 'assistant', 'mine', 'assisted'] as const;
    for (let n = 0; n < 3; n++) {
      const at = now - (10 - n) * 86_400_000;
      journal.sessions.push({ id: `s${n}`, domainId: 'd1', workspace: 'w', startedAt: at, endedAt: at + 3_600_000, subgoals: [{ id: `g${n}`, text: 'g', confidence: 8, createdAt: at, outcome: 'met' }], wins: by.map((b, i) => ({ id: `w${n}${i}`, text: 'w', at: at + i, source: 'manual' as const, ...(b ? { by: b } : {}) })), cueIds: [], reframes: [], pauses: [] });
    }
    const snapshot = buildSnapshot(journal, now, DEFAULT_SETTINGS, { lastDomainId: 'd1' });
    assert.equal(snapshot.evidence.fromRecord, 'You have logged 12 wins on Parsers across 3 sessions (6 of them with AI help).');
  });
});
