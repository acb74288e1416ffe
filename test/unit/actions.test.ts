import * as assert from 'node:assert/strict';
import type { Notice } from '../../src/host/actions/notices';
import { createDashboardHandler } from '../../src/host/dashboard/dashboardMessages';
import { startFocusSession } from '../../src/host/commands/start';
import { addSubgoal, logAWin, togglePause } from '../../src/host/commands/inSession';
import { endAndReview } from '../../src/host/commands/end';
import { sessionMenu } from '../../src/host/commands/menu';
import { addDomain } from '../../src/core/records/journal';
import { newSubgoal, startSession, endSession, activeSession, logWin } from '../../src/core/practices/session';
import { emptyJournal } from '../../src/core/records/schema';
import type { Journal } from '../../src/core/records/schema';
import { MAX_GOAL_VERSIONS } from '../../src/core/practices/plan';
import { commitSuggestion, harness } from './helpers';
import type { Harness } from './helpers';
import type { Settings } from '../../src/host/platform/settings';

const DAY = 86_400_000;

/** Last week nothing; this week a session on "sql", and earlier a low-confidence session on "parser tests" with wins. */
function history(now: number): Journal {
  let journal = emptyJournal();
  const sql = addDomain(journal, 'sql', now - 3 * DAY);
  const parser = addDomain(sql.journal, 'parser tests', now - 20 * DAY);
  journal = parser.journal;
  const past = startSession(journal, { domainId: parser.domain.id, workspace: 'w', subgoals: [newSubgoal('Lex numbers', 5, now - 20 * DAY)] }, now - 20 * DAY);
  let session = logWin(logWin(past.session, { text: 'first' }, now - 20 * DAY + 1000).session, { text: 'second' }, now - 20 * DAY + 2000).session;
  session = endSession(session, {}, undefined, now - 20 * DAY + 3000);
  journal = { ...past.journal, sessions: [session] };
  const sqlSession = startSession(journal, { domainId: sql.domain.id, workspace: 'w', subgoals: [newSubgoal('Join', 9, now - 1000)] }, now - 60_000);
  return { ...sqlSession.journal, sessions: [session, endSession(sqlSession.session, {}, undefined, now - 30_000)] };
}

/** Two stores from the same history: one driven from the palette, one from the dashboard. */
async function pair(settings: Partial<Settings> = {}) {
  const palette = harness({ settings });
  const view = harness({ settings });
  const seed = history(palette.time.now);
  await palette.memento.update('journal', seed);
  await view.memento.update('journal', seed);
  const notices: string[] = [];
  const errors: string[] = [];
  const handle = createDashboardHandler(view.ctx, {
    sendSnapshot: () => undefined,
    // As the dashboard shows them: one line per action.
    sendNotices: (list: readonly Notice[]) => void (list.length && notices.push(list.map((n) => n.text).join(' '))),
    sendError: (text) => void errors.push(text),
  });
  return { palette, view, handle, notices, errors };
}

/** The journal with its random ids replaced by their order of appearance, so two runs compare. */
function normalized(h: Harness): unknown {
  const ids = new Map<string, string>();
  const text = JSON.stringify(h.memento.get('journal'), (_key, value: unknown) => {
    if (typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(value)) {
      if (!ids.has(value)) ids.set(value, `id${ids.size}`);
      return ids.get(value);
    }
    return value;
  });
  return JSON.parse(text);
}

const paletteMessages = (h: Harness) => h.ui.messages.map((m) => m.text);

describe('one action per practice: the palette and the dashboard agree', () => {
  it('start: the same session, the one-domain warning and the encouragement from the record', async () => {
    const { palette, view, handle, notices, errors } = await pair();
    await palette.ui.answering(
      {
        'Type your proximal subgoal': [{ button: 'domain' }, { type: 'Rewrite it all' }],
        'Pick a micro-domain, or type a new one': 'parser tests',
        'How sure are you': ['3', '4'],
        'Make it smaller?': ['Shrink the goal', 'Keep'],
        'which part could you surely finish': 'Rewrite one rule',
      },
      () => startFocusSession(palette.ctx),
    );
    const domainId = palette.ctx.store.live.domains.find((d) => d.name === 'parser tests')?.id as string;
    await handle({ type: 'startSession', answers: { domain: { kind: 'existing', id: domainId }, goals: [{ text: 'Rewrite it all', confidence: 3 }, { text: 'Rewrite one rule', confidence: 4 }], plannedMinutes: 25 } });
    assert.deepEqual(errors, []);
    assert.deepEqual(normalized(view), normalized(palette));
    assert.equal(palette.ui.remaining, 0);
    assert.deepEqual(notices, paletteMessages(palette));
    assert.equal(notices.length, 1, 'one notification for one action');
    assert.match(notices[0] ?? '', /already worked on "sql" this week.*Last time you rated 5\/10 on parser tests you logged 2 wins.*Focus session started on parser tests \(25 minutes\)/);
    assert.deepEqual(view.workspace.get('defaults'), palette.workspace.get('defaults'));
  });

  for (const acknowledgeWins of [true, false]) {
    it(`in session: subgoal, wins, pause and end give the same journal and messages (acknowledgeWins ${acknowledgeWins})`, async () => {
      const { palette, view, handle, notices, errors } = await pair({ acknowledgeWins });
      const domainId = palette.ctx.store.live.domains.find((d) => d.name === 'sql')?.id as string;
      await palette.ui.answering(
        { 'Type your proximal subgoal': [{ button: 'length' }, { type: 'Write the join' }], 'How long do you plan to focus': 'Open-ended', 'How sure are you': '9' },
        () => startFocusSession(palette.ctx),
      );
      await handle({ type: 'startSession', answers: { domain: { kind: 'existing', id: domainId }, goals: [{ text: 'Write the join', confidence: 9 }], plannedMinutes: 0 } });
      const sessionId = activeSession(view.ctx.store.live)?.id as string;
      palette.ui.messages.length = 0;
      notices.length = 0;

      await palette.ui.answering({ 'What will you get done': 'Index the table', 'How sure are you': '8' }, () => addSubgoal(palette.ctx));
      await handle({ type: 'addSubgoal', answers: { sessionId, goals: [{ text: 'Index the table', confidence: 8 }] } });
      await palette.ui.answering({ 'Type a micro-win': 'Write the join' }, () => logAWin(palette.ctx));
      const goalId = activeSession(view.ctx.store.live)?.subgoals.find((g) => g.text === 'Write the join')?.id as string;
      await handle({ type: 'logWin', answers: { sessionId, subgoalId: goalId } });
      await palette.ui.answering({ 'Type a micro-win': { type: 'Found the slow query' } }, () => logAWin(palette.ctx));
      await handle({ type: 'logWin', answers: { sessionId, text: 'Found the slow query' } });
      for (const h of [palette, view]) h.ctx.suggestions.add(commitSuggestion('Add the index', h.time.now));
      await palette.ui.answering({ 'Session actions': (items) => items[0]?.value }, () => sessionMenu(palette.ctx, () => Promise.resolve()));
      await handle({ type: 'acceptSuggestion', id: view.ctx.suggestions.list()[0]?.id });
      await togglePause(palette.ctx);
      await handle({ type: 'togglePause', sessionId });
      await togglePause(palette.ctx);
      await handle({ type: 'togglePause', sessionId });
      await palette.ui.answering(
        {
          'How did it go: "Write the join"': 'Met',
          'How did it go: "Index the table"': 'Missed',
          'What made the difference this session': 'Strategy',
          'In a few words': 'Explain plans first',
          'Is this cause about you': '7',
          'Will this cause stay the same': '6',
          'Can you control this cause': '8',
        },
        () => endAndReview(palette.ctx),
      );
      const indexId = (await view.ctx.store.history()).sessions.find((s) => s.id === sessionId)?.subgoals.find((g) => g.text === 'Index the table')?.id as string;
      await handle({
        type: 'endSession',
        answers: {
          sessionId,
          outcomes: [{ subgoalId: goalId, outcome: 'met' }, { subgoalId: indexId, outcome: 'missed' }],
          attribution: { cause: 'strategy', text: 'Explain plans first', internal: 7, stable: 6, controllable: 8 },
        },
      });

      assert.deepEqual(errors, []);
      assert.equal(palette.ui.remaining, 0);
      assert.deepEqual(normalized(view), normalized(palette));
      // The palette also asks about the slip and offers the due reassessment in notifications of its
      // own (the dashboard shows what is due in its view); everything the actions said is the same.
      const fromActions = paletteMessages(palette).filter((text) => !text.startsWith('Something was missed') && !text.startsWith('Time to reassess'));
      assert.deepEqual(notices, fromActions);
      const acks = notices.filter((text) => text.includes('Take a breath'));
      assert.equal(acks.length, acknowledgeWins ? 3 : 0, 'the acknowledgment follows the setting on both surfaces');
      if (acknowledgeWins) assert.match(acks[1] ?? '', /"Found the slow query" — that is 2 wins this session and 2 today on sql/);
    });
  }

  it('bounds the shrink chain the same way on both surfaces', async () => {
    const { palette, view, handle, errors } = await pair();
    const shrinks = Array.from({ length: MAX_GOAL_VERSIONS - 1 }, (_, i) => `g${i + 1}`);
    await palette.ui.answering(
      {
        'Type your proximal subgoal': [{ button: 'length' }, { type: 'g0' }],
        'How long do you plan to focus': 'Open-ended',
        'How sure are you': ['1', ...shrinks.map(() => '1')],
        'Make it smaller?': shrinks.map(() => 'Shrink the goal'),
        'which part could you surely finish': shrinks,
      },
      () => startFocusSession(palette.ctx),
    );
    assert.equal(palette.ui.remaining, 0, 'no shrink offered after the last version');
    assert.equal(activeSession(palette.ctx.store.live)?.subgoals.length, MAX_GOAL_VERSIONS);
    const domainId = palette.ctx.store.live.domains.find((d) => d.name === 'sql')?.id as string;
    const goals = Array.from({ length: MAX_GOAL_VERSIONS + 1 }, (_, i) => ({ text: `g${i}`, confidence: 1 }));
    await handle({ type: 'startSession', answers: { domain: { kind: 'existing', id: domainId }, goals, plannedMinutes: 0 } });
    assert.equal(activeSession(view.ctx.store.live), undefined, 'a longer chain is refused');
    assert.deepEqual(errors, [], 'the protocol already rejects it, silently as any malformed message');
  });
});
