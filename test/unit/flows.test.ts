import * as assert from 'node:assert/strict';
import { activeSession, elapsedMs, isPaused, liveSubgoals } from '../../src/core/session';
import type { Session } from '../../src/core/schema';
import { askAboutAwayTime } from '../../src/host/commands/away';
import { JournalStore } from '../../src/host/storage/journalStore';
import { startFocusSession } from '../../src/host/commands/start';
import { addSubgoal, logAWin, reframeArousal, togglePause } from '../../src/host/commands/inSession';
import { endAndReview } from '../../src/host/commands/end';
import { selfTalk } from '../../src/host/commands/selfTalk';
import { exportData, importData, writeWeeklyReview } from '../../src/host/commands/transfer';
import { weeklyReviewMarkdown } from '../../src/core/weeklyReview';
import { emptyJournal } from '../../src/core/schema';
import { DAY } from '../../src/core/time';
import { buildSnapshotFromView, EVIDENCE_WINS } from '../../src/host/dashboard/snapshot';
import { dashboardView } from '../../src/host/storage/views';
import { rateDomain, weeklyReflection } from '../../src/host/commands/practices';
import { guarded } from '../../src/host/commands/guarded';
import { start } from '../../src/host/actions/start';
import { firstSessionMet, harness, ScriptedUi } from './helpers';
import type { Harness } from './helpers';

const MIN = 60_000;

async function startShrunk(h: Harness): Promise<void> {
  h.ui.queue('parser tests', '', { type: 'Rewrite the tokenizer' }, '4', 'Shrink the goal', 'Rewrite the number rule', '8');
  await startFocusSession(h.ctx);
}

describe('command flows (scripted prompts)', () => {
  it('starts a session, shrinking a goal rated under the threshold and linking it to the original', async () => {
    const h = harness();
    await startShrunk(h);
    const session = activeSession(h.ctx.store.live);
    assert.ok(session);
    assert.equal(session.plannedMinutes, 25);
    const [original, smaller] = session.subgoals;
    assert.equal(smaller?.shrunkFromId, original?.id);
    assert.deepEqual(liveSubgoals(session).map((g) => g.text), ['Rewrite the number rule']);
    assert.equal(h.ui.remaining, 0, 'every prompt was asked');
    assert.deepEqual(h.workspace.get('defaults'), { lastDomainId: session.domainId, plannedMinutes: 25 });
  });

  it('offers what was typed to a session another window started meanwhile, instead of dropping it', async () => {
    const h = harness({ settings: { reviewDepth: 'quick' }, ui: new ScriptedUi([], { 'started in another window': 'Add as a subgoal' }) });
    await firstSessionMet(h);
    const domainId = h.ctx.store.live.domains[0]?.id as string;
    // The other window's Start lands while this one is at the ruler.
    const otherWindow = async () => void (await start(h.ctx, { domain: { kind: 'existing', id: domainId }, goals: [{ text: 'Theirs', confidence: 9 }], plannedMinutes: 0 }));
    let landed: Promise<void> | undefined;
    h.ui.queue({ type: 'Mine, typed here' }, (items) => ((landed = otherWindow()), items.find((i) => i.label === '9')?.value));
    await startFocusSession(h.ctx);
    await landed;
    const running = activeSession(h.ctx.store.live);
    assert.deepEqual(running && liveSubgoals(running).map((g) => g.text), ['Theirs', 'Mine, typed here']);
    assert.ok(h.ui.messages.some((m) => m.text.includes('A focus session was started in another window meanwhile. Add "Mine, typed here"')));
  });

  it('uses the threshold setting as it is now', async () => {
    const h = harness({ settings: { confidenceThreshold: 3 } });
    h.ui.queue('sql', '', { type: 'Write the join' }, '4');
    await startFocusSession(h.ctx);
    assert.equal(activeSession(h.ctx.store.live)?.subgoals.length, 1, 'no shrink offered at 4 when the threshold is 3');
  });

  it('keeps the prompt open with a message on bad input', async () => {
    const h = harness();
    h.ui.queue('   ', 'x'.repeat(81), 'parser tests', '101', '', { button: 'length' }, 'Open-ended', { type: 'y'.repeat(501) }, { type: 'A goal' }, '9');
    await startFocusSession(h.ctx);
    assert.deepEqual(h.ui.validationMessages, [
      'Enter a domain name.',
      'Keep a domain name to 80 characters (now 81).',
      'A rating must be from 0 to 100; you entered 101.',
      'Keep a subgoal to 500 characters (now 501).',
    ]);
    assert.equal(activeSession(h.ctx.store.live)?.plannedMinutes, undefined);
  });

  it('changes nothing when the user cancels half-way', async () => {
    const h = harness();
    h.ui.queue('parser tests', '', { type: 'A goal' }, undefined);
    await startFocusSession(h.ctx);
    assert.equal(activeSession(h.ctx.store.live), undefined);
  });

  it('warns, without blocking, when a second domain is started in the same week', async () => {
    const h = harness();
    await startShrunk(h);
    h.ui.queue('Met', 'Effort', '', '9', '3', '9');
    await endAndReview(h.ctx);
    h.ui.queue({ button: 'domain' }, { type: 'sql' }, '', { button: 'length' }, 'Open-ended', { type: 'Write the join' }, '9');
    await startFocusSession(h.ctx);
    assert.ok(h.ui.messages.some((m) => m.kind === 'warn' && /already worked on "parser tests" this week/.test(m.text)));
    assert.ok(activeSession(h.ctx.store.live));
  });

  it("counts today's wins on the session's own domain in the acknowledgment", async () => {
    const h = harness();
    await startShrunk(h);
    h.ui.queue('Rewrite the number rule');
    await logAWin(h.ctx);
    h.ui.queue('Met', 'Effort', '', '9', '3', '9');
    await endAndReview(h.ctx);
    h.ui.queue({ button: 'domain' }, { type: 'sql' }, '', { button: 'length' }, 'Open-ended', { type: 'Write the join' }, '9');
    await startFocusSession(h.ctx);
    h.ui.queue({ type: 'Indexed the table' });
    await logAWin(h.ctx);
    assert.match(h.ui.messages.at(-1)?.text ?? '', /1 win this session and 1 today on sql/);
  });

  it('reframes a signal typed straight into the box, kept on the session', async () => {
    const ui = new ScriptedUi([], { 'Jaw clenched': 'Keep this reframe' });
    const h = harness({ ui });
    await startShrunk(h);
    h.ui.queue({ type: 'Jaw clenched' });
    await reframeArousal(h.ctx);
    assert.match(h.ui.messages.find((m) => m.text.startsWith('Jaw clenched'))?.text ?? '', /^Jaw clenched: My body is getting ready/);
    assert.deepEqual(activeSession(h.ctx.store.live)?.reframes.map((r) => r.signal), ['Jaw clenched']);
  });

  it('logs wins, pauses, reframes, and ends with attribution feedback and a slip review', async () => {
    const ui = new ScriptedUi([], { 'slip review': 'Review the slip', 'Racing heart': 'Keep this reframe' });
    const h = harness({ ui });
    await startShrunk(h);
    h.ui.queue('Rewrite the number rule');
    await logAWin(h.ctx);
    assert.match(h.ui.messages.at(-1)?.text ?? '', /1 win this session and 1 today on parser tests/);
    h.ui.queue('Document the lexer', '9');
    await addSubgoal(h.ctx);
    h.time.advance(5 * MIN);
    await togglePause(h.ctx);
    h.time.advance(10 * MIN);
    await togglePause(h.ctx);
    h.ui.queue('Racing heart');
    await reframeArousal(h.ctx);
    h.time.advance(5 * MIN);
    h.ui.queue('Met', 'Missed', 'Ability', '', '9', '8', '3', 'Slack ping', 'Notifications on', 'Turn on Do Not Disturb');
    await endAndReview(h.ctx);
    const session = (await h.ctx.store.history()).sessions[0];
    assert.ok(session?.endedAt);
    assert.equal(session.reframes.length, 1);
    assert.deepEqual(session.review?.slip, { cue: 'Slack ping', frictionFailed: 'Notifications on', tweak: 'Turn on Do Not Disturb' });
    assert.match(session.review?.feedback ?? '', /says more about the plan than about you/);
    assert.equal(session.endedAt - session.startedAt - 10 * MIN, 10 * MIN, 'the pause is not focus time');
    assert.deepEqual(h.ran, [], 'reassessment offered but not accepted');
  });

  it('cancelling the review leaves the session running', async () => {
    const h = harness();
    await startShrunk(h);
    h.ui.queue('Met', undefined);
    await endAndReview(h.ctx);
    assert.ok(activeSession(h.ctx.store.live));
    assert.match(h.ui.messages.at(-1)?.text ?? '', /still running/);
  });

  it('turns a worry into an instruction, refusing another hope', async () => {
    const h = harness();
    h.ui.queue('Turn a hope or worry', "I'm afraid the deploy fails", 'hopefully it works', 'Deploy to staging first');
    await selfTalk(h.ctx);
    assert.equal(h.ui.validationMessages.length, 1);
    assert.match(h.ui.prompts.at(-1) ?? '', /"I'm afraid" is about the outcome/);
    assert.deepEqual(h.ctx.store.live.cues.map((c) => [c.hope, c.instruction]), [["I'm afraid the deploy fails", 'Deploy to staging first']]);
  });

  it('rates on the 0–100 scale with range validation, and reflects weekly', async () => {
    const h = harness();
    await startShrunk(h);
    h.ui.queue('parser tests', '101', '-1', 'abc', '70');
    await rateDomain(h.ctx);
    assert.equal(h.ui.validationMessages.length, 3);
    assert.equal(h.ctx.store.live.ratings[0]?.value, 70);
    h.ui.queue('Small goals', 'Start earlier', 'I can do hard parts');
    await weeklyReflection(h.ctx);
    assert.equal(h.ctx.store.live.reflections[0]?.learned, 'I can do hard parts');
  });

  it('exports, then refuses a bad import with the field named and nothing changed', async () => {
    const h = harness();
    await startShrunk(h);
    await exportData(h.ctx);
    const exported = h.ui.saved?.content ?? '';
    const before = JSON.stringify(h.memento.get('journal'));
    h.ui.fileToOpen = exported.replace('"confidence": 8', '"confidence": "eight"');
    await guarded(h.ctx, importData);
    assert.match(h.ui.messages.at(-1)?.text ?? '', /Import refused, nothing was changed.*subgoals\[1\]\.confidence/);
    assert.equal(JSON.stringify(h.memento.get('journal')), before);
    h.ui.fileToOpen = exported;
    await guarded(h.ctx, importData);
    assert.match(h.ui.messages.at(-1)?.text ?? '', /Nothing new to import/);
  });

  it('asks to start a session when an in-session command runs idle', async () => {
    const ui = new ScriptedUi([], { 'No focus session': 'Start Focus Session' });
    const h = harness({ ui });
    await logAWin(h.ctx);
    assert.deepEqual(h.ran, ['startSession']);
  });
});

describe('sleep, clock changes and reloads', () => {
  it('asks whether away time counts, and leaves it out when told not to', async () => {
    const ui = new ScriptedUi([], { 'You were away': "Don't count it" });
    const h = harness({ ui });
    await startShrunk(h);
    const start = h.time.now;
    h.time.advance(50 * MIN);
    await askAboutAwayTime(h.ctx, start + 5 * MIN, start + 45 * MIN);
    assert.match(h.ui.messages[h.ui.messages.length - 1]?.text ?? '', /away for about 40 minutes/);
    const session = activeSession(h.ctx.store.live);
    assert.ok(session);
    assert.equal(elapsedMs(session, h.time.now), 10 * MIN);
  });

  it('keeps away time when the user says it counts (or dismisses the question)', async () => {
    const h = harness();
    await startShrunk(h);
    h.time.advance(50 * MIN);
    await askAboutAwayTime(h.ctx, h.time.now - 45 * MIN, h.time.now);
    assert.equal(elapsedMs(activeSession(h.ctx.store.live) as Session, h.time.now), 50 * MIN);
  });

  it('keeps a paused session paused across a reload, with the same elapsed time', async () => {
    const h = harness();
    await startShrunk(h);
    h.time.advance(7 * MIN);
    await togglePause(h.ctx);
    h.time.advance(30 * MIN);
    const reloaded = new JournalStore(h.memento, h.time.clock, () => undefined);
    const session = activeSession(reloaded.live) as Session;
    assert.equal(isPaused(session), true);
    assert.equal(elapsedMs(session, h.time.now), 7 * MIN);
  });
});

describe('weekly review document', () => {
  it('writes the week: sessions, wins, attribution, slip with its tweak, ratings and reflection', async () => {
    const ui = new ScriptedUi([], { 'slip review': 'Review the slip' });
    const h = harness({ ui });
    await startShrunk(h);
    h.ui.queue('Rewrite the number rule');
    await logAWin(h.ctx);
    h.ui.queue('Document <the> lexer', '9');
    await addSubgoal(h.ctx);
    h.time.advance(20 * MIN);
    h.ui.queue('Met', 'Missed', 'Strategy', 'failing test first', '8', '4', '9', 'Slack ping', 'Notifications on', 'Do Not Disturb first');
    await endAndReview(h.ctx);
    h.ui.queue('parser tests', '60');
    await rateDomain(h.ctx);
    h.ui.queue('Small goals', 'Start earlier', 'I can do hard parts');
    await weeklyReflection(h.ctx);
    await writeWeeklyReview(h.ctx);
    const doc = h.ui.saved?.content ?? '';
    assert.equal(h.ui.saved?.name, 'small-wins-week-2026-11-16.md');
    assert.match(doc, /^# Small Wins — week of 2026-11-16/);
    assert.match(doc, /1 session, 1 win, 20 minutes of focus\./);
    assert.match(doc, /- Subgoal: Rewrite the number rule — confidence 8\/10, met/);
    assert.match(doc, /- Subgoal: Document &lt;the&gt; lexer — confidence 9\/10, missed/);
    assert.match(doc, /- What made the difference: Strategy or approach: failing test first \(about me 8\/9, stable 4\/9, controllable 9\/9\)/);
    assert.match(doc, /tweak: Do Not Disturb first/);
    assert.match(doc, /- parser tests: 60\/100/);
    assert.match(doc, /\*\*What did this teach me about my capabilities\?\*\* I can do hard parts/);
    assert.doesNotMatch(doc, /Rewrite the tokenizer/, 'the shrunk original is not reported as a subgoal');
  });

  it('says plainly when the week holds nothing', () => {
    const doc = weeklyReviewMarkdown(emptyJournal(), Date.UTC(2026, 10, 18));
    assert.match(doc, /0 sessions, 0 wins, 0 minutes of focus/);
    assert.match(doc, /No sessions this week\./);
    assert.match(doc, /No reflection written this week\./);
  });
});

describe('the daily loop in few interactions', () => {
  it('starts a returning user in 2 interactions, with the last domain, length and cue', async () => {
    const h = harness({ settings: { reviewDepth: 'quick' } });
    h.ui.queue('parser tests', '', { button: 'length' }, 'Other length', '45', { button: 'cue' }, 'Write an instruction', 'Run the tests after each edit', { type: 'Lex the numbers' }, '9');
    await startFocusSession(h.ctx);
    h.ui.queue(['Lex the numbers'], 'Effort', 'Keep');
    await endAndReview(h.ctx);
    const before = h.ui.remaining;
    assert.equal(before, 0);
    h.ui.queue({ type: 'Lex the strings' }, '9');
    await startFocusSession(h.ctx);
    assert.equal(h.ui.remaining, 0, 'two answers were enough');
    const session = activeSession(h.ctx.store.live);
    assert.ok(session);
    assert.equal(session.plannedMinutes, 45);
    assert.equal(h.ctx.store.live.cues.find((c) => c.id === session.cueIds[0])?.instruction, 'Run the tests after each edit');
    assert.match(h.ui.titles.at(-1) ?? '', /parser tests · 45 minutes · cue: Run the tests after each edit/);
  });

  it('still holds the domain’s last cue after months away, when that session is long archived', async () => {
    const h = harness({ settings: { reviewDepth: 'quick' } });
    h.ui.queue('parser tests', '', { button: 'cue' }, 'Write an instruction', 'Run the tests after each edit', { type: 'Lex the numbers' }, '9');
    await startFocusSession(h.ctx);
    h.ui.queue(['Lex the numbers'], 'Effort', 'Keep');
    await endAndReview(h.ctx);
    h.time.advance(150 * DAY);
    await h.ctx.store.tidy();
    assert.equal(h.ctx.store.live.sessions.length, 0, 'the session now lives in the archive only');
    h.ui.queue({ type: 'Lex the strings' }, '9');
    await startFocusSession(h.ctx);
    assert.equal(h.ui.remaining, 0);
    assert.match(h.ui.titles.at(-1) ?? '', /parser tests · .* · cue: Run the tests after each edit/);
    const session = activeSession(h.ctx.store.live);
    assert.equal(h.ctx.store.live.cues.find((c) => c.id === session?.cueIds[0])?.instruction, 'Run the tests after each edit');
  });

  it('opens a new workspace on the domain of the latest session, however long ago', async () => {
    const h = harness({ settings: { reviewDepth: 'quick' } });
    await firstSessionMet(h);
    h.time.advance(DAY);
    h.ui.queue({ button: 'domain' }, { type: 'SQL tuning' }, '', { type: 'Index the joins' }, '9');
    await startFocusSession(h.ctx);
    h.ui.queue(['Index the joins'], 'Effort', 'Keep');
    await endAndReview(h.ctx);
    const later = harness({ settings: { reviewDepth: 'quick' }, memento: h.memento, files: h.files });
    later.time.now = h.time.now + 150 * DAY;
    await later.ctx.store.tidy();
    assert.equal(later.ctx.store.live.sessions.length, 0, 'both sessions live in the archive only');
    const now = later.time.now;
    const snapshot = buildSnapshotFromView(await dashboardView(later.ctx.store, now, undefined, EVIDENCE_WINS), now, later.settings, later.ctx.defaults.get());
    assert.equal(snapshot.domains.find((d) => d.id === snapshot.lastDomainId)?.name, 'SQL tuning', 'the dashboard’s start form offers the same domain');
    later.ui.queue({ type: 'Tune the report query' }, '9');
    await startFocusSession(later.ctx);
    assert.equal(later.ui.remaining, 0);
    assert.match(later.ui.titles.at(-1) ?? '', /^Start focus · SQL tuning ·/);
  });

  it('offers the subgoals not finished last time, missed first, as one pick', async () => {
    const h = harness({ settings: { reviewDepth: 'quick' } });
    h.ui.queue('parser tests', '', { type: 'Lex the numbers' }, '9');
    await startFocusSession(h.ctx);
    h.ui.queue('Lex the strings', '9');
    await addSubgoal(h.ctx);
    h.ui.queue([], ['Lex the strings'], 'Effort', 'Keep');
    await endAndReview(h.ctx);
    h.ui.queue('Lex the numbers', '9');
    await startFocusSession(h.ctx);
    assert.deepEqual(h.ui.pickTexts.filter((l) => l.includes('Lex the')).slice(-2).map((l) => l.replace(/^\$\([^)]*\) /, '')), ['Lex the numbers', 'Lex the strings'], 'missed before partly');
    assert.deepEqual(liveSubgoals(activeSession(h.ctx.store.live) as Session).map((g) => g.text), ['Lex the numbers']);
  });

  it('reviews a settled session in 3 interactions: met list, cause with a note, the preset ratings kept', async () => {
    const h = harness({ settings: { reviewDepth: 'quick' } });
    await startShrunk(h);
    h.ui.queue('Rewrite the number rule');
    await logAWin(h.ctx);
    const answers = h.ui.remaining;
    h.ui.queue('=', { type: 'wrote the failing test first' }, 'Strategy', 'Keep');
    await endAndReview(h.ctx);
    assert.equal(answers, 0);
    assert.equal(h.ui.remaining, 0, 'the typed note and the cause are one box; with the note it is one more Enter at most');
    const review = (await h.ctx.store.history()).sessions[0]?.review;
    assert.deepEqual(review?.attribution, { cause: 'strategy', text: 'wrote the failing test first', internal: 8, stable: 4, controllable: 9 });
    assert.equal(activeSession(h.ctx.store.live), undefined);
  });

  it('keeps the slip review one click away on the feedback when something was missed', async () => {
    const ui = new ScriptedUi([], { 'You met 0 of 1': 'Review the slip' });
    const h = harness({ ui, settings: { reviewDepth: 'quick' } });
    h.ui.queue('parser tests', '', { type: 'Lex the numbers' }, '9');
    await startFocusSession(h.ctx);
    h.ui.queue([], [], 'Effort', 'Adjust', '7', '3', '8', 'Slack ping', 'Notifications on', 'Do Not Disturb first');
    await endAndReview(h.ctx);
    const session = (await h.ctx.store.history()).sessions[0];
    assert.deepEqual(session?.review?.slip, { cue: 'Slack ping', frictionFailed: 'Notifications on', tweak: 'Do Not Disturb first' });
    assert.deepEqual([session?.review?.attribution.internal, session?.review?.attribution.stable, session?.review?.attribution.controllable], [7, 3, 8]);
    assert.equal(session?.subgoals[0]?.outcome, 'missed');
  });
});

describe('the prompt budget', () => {
  it('acknowledges a win in the status bar instead of a notification when the user chose so', async () => {
    const h = harness({ settings: { acknowledgeIn: 'statusBar' } });
    h.ui.queue('parser tests', '', { type: 'Lex the numbers' }, '9');
    await startFocusSession(h.ctx);
    const before = h.ui.messages.length;
    h.ui.queue('Lex the numbers');
    await logAWin(h.ctx);
    assert.equal(h.ui.messages.length, before, 'no notification');
    assert.deepEqual(h.flashes, ['win 1 · 1 today']);
  });

  it('answers one action with one notification, however much it has to say', async () => {
    const h = harness();
    h.ui.queue('parser tests', '', { type: 'Lex the numbers' }, '9');
    await startFocusSession(h.ctx);
    h.ui.queue('Met', 'Effort', '', '9', '3', '9');
    await endAndReview(h.ctx);
    h.ui.messages.length = 0;
    h.ui.queue({ button: 'domain' }, { type: 'sql' }, '', { type: 'Write the join' }, '3', 'Keep');
    await startFocusSession(h.ctx);
    assert.equal(h.ui.messages.length, 1);
    assert.match(h.ui.messages[0]?.text ?? '', /already worked on "parser tests" this week.*Focus session started on sql/);
    assert.equal(h.ui.messages[0]?.kind, 'warn', 'a warning among the sentences makes it a warning');
  });
});
