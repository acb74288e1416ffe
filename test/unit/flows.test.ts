import * as assert from 'node:assert/strict';
import { activeSession, elapsedMs, isPaused, liveSubgoals } from '../../src/core/practices/session';
import type { Session } from '../../src/core/records/schema';
import { askAboutAwayTime } from '../../src/host/commands/away';
import { JournalStore } from '../../src/host/storage/journalStore';
import { startFocusSession } from '../../src/host/commands/start';
import { addSubgoal, logAWin, reframeArousal, togglePause } from '../../src/host/commands/inSession';
import { endAndReview } from '../../src/host/commands/end';
import { selfTalk } from '../../src/host/commands/selfTalk';
import { cueUses } from '../../src/core/records/journal';
import { exportData, importData, writeWeeklyReview } from '../../src/host/commands/transfer';
import { weeklyReviewMarkdown } from '../../src/core/coach/weeklyReview';
import { emptyJournal } from '../../src/core/records/schema';
import { DAY } from '../../src/core/time';
import { buildSnapshotFromView, EVIDENCE_WINS } from '../../src/host/dashboard/snapshot';
import { dashboardView } from '../../src/host/storage/views';
import { rateDomain, weeklyReflection } from '../../src/host/commands/practices';
import { guarded } from '../../src/host/commands/guarded';
import { start } from '../../src/host/actions/start';
import { firstSessionMet, harness, ScriptedUi } from './helpers';
import type { Answers, Harness } from './helpers';

const MIN = 60_000;

async function startShrunk(h: Harness): Promise<void> {
  await h.ui.answering(
    {
      'Name a micro-domain': 'parser tests',
      'How certain are you': '',
      'Type your proximal subgoal': { type: 'Rewrite the tokenizer' },
      'How sure are you': ['4', '8'],
      'Make it smaller?': 'Shrink the goal',
      'which part could you surely finish': 'Rewrite the number rule',
    },
    () => startFocusSession(h.ctx),
  );
}

/** A new domain "parser tests", no baseline, one subgoal `goal` rated 9. */
const firstStart = (goal: string): Answers => ({ 'Name a micro-domain': 'parser tests', 'How certain are you': '', 'Type your proximal subgoal': { type: goal }, 'How sure are you': '9' });

/** The full review of a session whose one live subgoal was met: by effort, rated 9 · 3 · 9, no note. */
const FULL_REVIEW_MET: Answers = {
  'How did it go': 'Met',
  'What made the difference this session': 'Effort',
  'In a few words': '',
  'Is this cause about you': '9',
  'Will this cause stay the same': '3',
  'Can you control this cause': '9',
};

/** The start of a session on a new domain "sql", changed from the start box, open-ended, one subgoal at 9. */
const SQL_START: Answers = {
  'Type your proximal subgoal': [{ button: 'domain' }, { button: 'length' }, { type: 'Write the join' }],
  'Pick a micro-domain, or type a new one': { type: 'sql' },
  'How certain are you': '',
  'How long do you plan to focus': 'Open-ended',
  'How sure are you': '9',
};

/** The quick review: the subgoals `met` checked, the rest missed, by effort, the typical ratings kept. */
const quickReview = (...met: string[]): Answers => ({ 'Which subgoals did you meet': { check: met }, 'What made the difference': 'Effort', 'How you see the cause': 'Keep' });

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
    await h.ui.answering(
      { 'Type your proximal subgoal': { type: 'Mine, typed here' }, 'How sure are you': (items) => ((landed = otherWindow()), items.find((i) => i.label === '9')?.value) },
      () => startFocusSession(h.ctx),
    );
    await landed;
    const running = activeSession(h.ctx.store.live);
    assert.deepEqual(running && liveSubgoals(running).map((g) => g.text), ['Theirs', 'Mine, typed here']);
    assert.ok(h.ui.messages.some((m) => m.text.includes('A focus session was started in another window meanwhile. Add "Mine, typed here"')));
  });

  it('uses the threshold setting as it is now', async () => {
    const h = harness({ settings: { confidenceThreshold: 3 } });
    await h.ui.answering({ 'Name a micro-domain': 'sql', 'How certain are you': '', 'Type your proximal subgoal': { type: 'Write the join' }, 'How sure are you': '4' }, () => startFocusSession(h.ctx));
    assert.equal(activeSession(h.ctx.store.live)?.subgoals.length, 1, 'no shrink offered at 4 when the threshold is 3');
  });

  it('keeps the prompt open with a message on bad input', async () => {
    const h = harness();
    await h.ui.answering(
      {
        'Name a micro-domain': ['   ', 'x'.repeat(81), 'parser tests'],
        'How certain are you': ['101', ''],
        'Type your proximal subgoal': [{ button: 'length' }, { type: 'y'.repeat(501) }, { type: 'A goal' }],
        'How long do you plan to focus': 'Open-ended',
        'How sure are you': '9',
      },
      () => startFocusSession(h.ctx),
    );
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
    await h.ui.answering({ ...firstStart('A goal'), 'How sure are you': undefined }, () => startFocusSession(h.ctx));
    assert.equal(activeSession(h.ctx.store.live), undefined);
  });

  it('warns, without blocking, when a second domain is started in the same week', async () => {
    const h = harness();
    await startShrunk(h);
    await h.ui.answering(FULL_REVIEW_MET, () => endAndReview(h.ctx));
    await h.ui.answering(SQL_START, () => startFocusSession(h.ctx));
    assert.ok(h.ui.messages.some((m) => m.kind === 'warn' && /already worked on "parser tests" this week/.test(m.text)));
    assert.ok(activeSession(h.ctx.store.live));
  });

  it("counts today's wins on the session's own domain in the acknowledgment", async () => {
    const h = harness();
    await startShrunk(h);
    await h.ui.answering({ 'Type a micro-win': 'Rewrite the number rule' }, () => logAWin(h.ctx));
    await h.ui.answering(FULL_REVIEW_MET, () => endAndReview(h.ctx));
    await h.ui.answering(SQL_START, () => startFocusSession(h.ctx));
    await h.ui.answering({ 'Type a micro-win': { type: 'Indexed the table' } }, () => logAWin(h.ctx));
    assert.match(h.ui.messages.at(-1)?.text ?? '', /1 win this session and 1 today on sql/);
  });

  it('reframes a signal typed straight into the box, kept on the session', async () => {
    const ui = new ScriptedUi([], { 'Jaw clenched': 'Keep this reframe' });
    const h = harness({ ui });
    await startShrunk(h);
    await h.ui.answering({ 'What do you notice in your body': { type: 'Jaw clenched' } }, () => reframeArousal(h.ctx));
    assert.match(h.ui.messages.find((m) => m.text.startsWith('Jaw clenched'))?.text ?? '', /^Jaw clenched: My body is getting ready/);
    assert.deepEqual(activeSession(h.ctx.store.live)?.reframes.map((r) => r.signal), ['Jaw clenched']);
  });

  it('logs wins, pauses, reframes, and ends with attribution feedback and a slip review', async () => {
    const ui = new ScriptedUi([], { 'slip review': 'Review the slip', 'Racing heart': 'Keep this reframe' });
    const h = harness({ ui });
    await startShrunk(h);
    await h.ui.answering({ 'Type a micro-win': 'Rewrite the number rule' }, () => logAWin(h.ctx));
    assert.match(h.ui.messages.at(-1)?.text ?? '', /1 win this session and 1 today on parser tests/);
    await h.ui.answering({ 'What will you get done': 'Document the lexer', 'How sure are you': '9' }, () => addSubgoal(h.ctx));
    h.time.advance(5 * MIN);
    await togglePause(h.ctx);
    h.time.advance(10 * MIN);
    await togglePause(h.ctx);
    await h.ui.answering({ 'What do you notice in your body': 'Racing heart' }, () => reframeArousal(h.ctx));
    h.time.advance(5 * MIN);
    await h.ui.answering(
      {
        'How did it go: "Rewrite the number rule"': 'Met',
        'How did it go: "Document the lexer"': 'Missed',
        'What made the difference this session': 'Ability',
        'In a few words': '',
        'Is this cause about you': '9',
        'Will this cause stay the same': '8',
        'Can you control this cause': '3',
        'What cue triggered the slip': 'Slack ping',
        'What friction failed': 'Notifications on',
        'One tweak for tomorrow': 'Turn on Do Not Disturb',
      },
      () => endAndReview(h.ctx),
    );
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
    await h.ui.answering({ 'How did it go': 'Met', 'What made the difference this session': undefined }, () => endAndReview(h.ctx));
    assert.ok(activeSession(h.ctx.store.live));
    assert.match(h.ui.messages.at(-1)?.text ?? '', /still running/);
  });

  it('turns a worry into an instruction, refusing another hope', async () => {
    const h = harness();
    await h.ui.answering(
      {
        'Instructional self-talk': 'Turn a hope or worry',
        'What are you hoping for or worried about': "I'm afraid the deploy fails",
        'next mechanical step': ['hopefully it works', 'Deploy to staging first'],
      },
      () => selfTalk(h.ctx),
    );
    assert.equal(h.ui.validationMessages.length, 1);
    assert.match(h.ui.prompts.at(-1) ?? '', /"I'm afraid" is about the outcome/);
    assert.deepEqual(h.ctx.store.live.cues.map((c) => [c.hope, c.instruction]), [["I'm afraid the deploy fails", 'Deploy to staging first']]);
  });

  it('takes an instruction typed straight into the box, refusing one that names the outcome', async () => {
    const h = harness();
    await h.ui.answering({ 'Instructional self-talk': [{ type: 'hopefully it works' }, { type: 'Deploy to staging first' }] }, () => selfTalk(h.ctx));
    assert.equal(h.ui.validationMessages.length, 1);
    assert.match(h.ui.validationMessages[0] ?? '', /"hopefully" is about the outcome/);
    assert.deepEqual(h.ctx.store.live.cues.map((c) => c.instruction), ['Deploy to staging first']);
  });

  it('takes a typed instruction that is already saved as that cue, counted once more, as a typed domain is', async () => {
    const h = harness();
    await h.ui.answering({ 'Instructional self-talk': { type: 'Deploy to staging first' } }, () => selfTalk(h.ctx));
    await h.ui.answering({ 'Instructional self-talk': { type: '  deploy to STAGING first ' } }, () => selfTalk(h.ctx));
    assert.deepEqual(h.ctx.store.live.cues.map((c) => [c.instruction, cueUses(c)]), [['Deploy to staging first', 2]]);
  });

  it('rates on the 0–100 scale with range validation, and reflects weekly', async () => {
    const h = harness();
    await startShrunk(h);
    await h.ui.answering({ 'Pick a micro-domain, or type a new one': 'parser tests', 'How certain are you': ['101', '-1', 'abc', '70'] }, () => rateDomain(h.ctx));
    assert.equal(h.ui.validationMessages.length, 3);
    assert.equal(h.ctx.store.live.ratings[0]?.value, 70);
    await h.ui.answering(
      { 'What did I do well': 'Small goals', 'What would I do differently': 'Start earlier', 'What did this teach me': 'I can do hard parts' },
      () => weeklyReflection(h.ctx),
    );
    assert.equal(h.ctx.store.live.reflections[0]?.learned, 'I can do hard parts');
  });

  it('exports, then refuses a bad import with the field named and nothing changed', async () => {
    const h = harness();
    await startShrunk(h);
    h.ui.queue('Whole journal');
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
    await h.ui.answering({ 'Type a micro-win': 'Rewrite the number rule' }, () => logAWin(h.ctx));
    await h.ui.answering({ 'What will you get done': 'Document <the> lexer', 'How sure are you': '9' }, () => addSubgoal(h.ctx));
    h.time.advance(20 * MIN);
    await h.ui.answering(
      {
        'How did it go: "Rewrite the number rule"': 'Met',
        'How did it go: "Document <the> lexer"': 'Missed',
        'What made the difference this session': 'Strategy',
        'In a few words': 'failing test first',
        'Is this cause about you': '8',
        'Will this cause stay the same': '4',
        'Can you control this cause': '9',
        'What cue triggered the slip': 'Slack ping',
        'What friction failed': 'Notifications on',
        'One tweak for tomorrow': 'Do Not Disturb first',
      },
      () => endAndReview(h.ctx),
    );
    await h.ui.answering({ 'Pick a micro-domain, or type a new one': 'parser tests', 'How certain are you': '60' }, () => rateDomain(h.ctx));
    await h.ui.answering(
      { 'What did I do well': 'Small goals', 'What would I do differently': 'Start earlier', 'What did this teach me': 'I can do hard parts' },
      () => weeklyReflection(h.ctx),
    );
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
    await h.ui.answering(
      {
        ...firstStart('Lex the numbers'),
        'Type your proximal subgoal': [{ button: 'length' }, { button: 'cue' }, { type: 'Lex the numbers' }],
        'How long do you plan to focus': 'Other length',
        'Planned minutes': '45',
        'Instructional self-talk': { type: 'Run the tests after each edit' },
      },
      () => startFocusSession(h.ctx),
    );
    await h.ui.answering(quickReview('Lex the numbers'), () => endAndReview(h.ctx));
    const before = h.ui.remaining;
    assert.equal(before, 0);
    await h.ui.answering({ 'Type your proximal subgoal': { type: 'Lex the strings' }, 'How sure are you': '9' }, () => startFocusSession(h.ctx));
    assert.equal(h.ui.remaining, 0, 'two answers were enough');
    const session = activeSession(h.ctx.store.live);
    assert.ok(session);
    assert.equal(session.plannedMinutes, 45);
    assert.equal(h.ctx.store.live.cues.find((c) => c.id === session.cueIds[0])?.instruction, 'Run the tests after each edit');
    assert.match(h.ui.titles.at(-1) ?? '', /parser tests · 45 minutes · cue: Run the tests after each edit/);
  });

  it('still holds the domain’s last cue after months away, when that session is long archived', async () => {
    const h = harness({ settings: { reviewDepth: 'quick' } });
    await h.ui.answering(
      {
        ...firstStart('Lex the numbers'),
        'Type your proximal subgoal': [{ button: 'cue' }, { type: 'Lex the numbers' }],
        'Instructional self-talk': { type: 'Run the tests after each edit' },
      },
      () => startFocusSession(h.ctx),
    );
    await h.ui.answering(quickReview('Lex the numbers'), () => endAndReview(h.ctx));
    h.time.advance(150 * DAY);
    await h.ctx.store.tidy();
    assert.equal(h.ctx.store.live.sessions.length, 0, 'the session now lives in the archive only');
    await h.ui.answering({ 'Type your proximal subgoal': { type: 'Lex the strings' }, 'How sure are you': '9' }, () => startFocusSession(h.ctx));
    assert.equal(h.ui.remaining, 0);
    assert.match(h.ui.titles.at(-1) ?? '', /parser tests · .* · cue: Run the tests after each edit/);
    const session = activeSession(h.ctx.store.live);
    assert.equal(h.ctx.store.live.cues.find((c) => c.id === session?.cueIds[0])?.instruction, 'Run the tests after each edit');
  });

  it('opens a new workspace on the domain of the latest session, however long ago', async () => {
    const h = harness({ settings: { reviewDepth: 'quick' } });
    await firstSessionMet(h);
    h.time.advance(DAY);
    await h.ui.answering(
      {
        'Type your proximal subgoal': [{ button: 'domain' }, { type: 'Index the joins' }],
        'Pick a micro-domain, or type a new one': { type: 'SQL tuning' },
        'How certain are you': '',
        'How sure are you': '9',
      },
      () => startFocusSession(h.ctx),
    );
    await h.ui.answering(quickReview('Index the joins'), () => endAndReview(h.ctx));
    const later = harness({ settings: { reviewDepth: 'quick' }, memento: h.memento, files: h.files });
    later.time.now = h.time.now + 150 * DAY;
    await later.ctx.store.tidy();
    assert.equal(later.ctx.store.live.sessions.length, 0, 'both sessions live in the archive only');
    const now = later.time.now;
    const snapshot = buildSnapshotFromView(await dashboardView(later.ctx.store, now, undefined, EVIDENCE_WINS), now, later.settings, later.ctx.defaults.get());
    assert.equal(snapshot.domains.find((d) => d.id === snapshot.lastDomainId)?.name, 'SQL tuning', 'the dashboard’s start form offers the same domain');
    await later.ui.answering({ 'Type your proximal subgoal': { type: 'Tune the report query' }, 'How sure are you': '9' }, () => startFocusSession(later.ctx));
    assert.equal(later.ui.remaining, 0);
    assert.match(later.ui.titles.at(-1) ?? '', /^Start focus · SQL tuning ·/);
  });

  it('offers the subgoals not finished last time, missed first, as one pick', async () => {
    const h = harness({ settings: { reviewDepth: 'quick' } });
    await h.ui.answering(firstStart('Lex the numbers'), () => startFocusSession(h.ctx));
    await h.ui.answering({ 'What will you get done': 'Lex the strings', 'How sure are you': '9' }, () => addSubgoal(h.ctx));
    await h.ui.answering({ ...quickReview(), 'Which of the rest did you partly meet': { check: ['Lex the strings'] } }, () => endAndReview(h.ctx));
    await h.ui.answering({ 'Type your proximal subgoal, or pick one you did not finish': 'Lex the numbers', 'How sure are you': '9' }, () => startFocusSession(h.ctx));
    assert.deepEqual(h.ui.pickTexts.filter((l) => l.includes('Lex the')).slice(-2).map((l) => l.replace(/^\$\([^)]*\) /, '')), ['Lex the numbers', 'Lex the strings'], 'missed before partly');
    assert.deepEqual(liveSubgoals(activeSession(h.ctx.store.live) as Session).map((g) => g.text), ['Lex the numbers']);
  });

  it('reviews a settled session in 3 interactions: met list, cause with a note, the preset ratings kept', async () => {
    const h = harness({ settings: { reviewDepth: 'quick' } });
    await startShrunk(h);
    await h.ui.answering({ 'Type a micro-win': 'Rewrite the number rule' }, () => logAWin(h.ctx));
    const answers = h.ui.remaining;
    await h.ui.answering(
      { 'Which subgoals did you meet': '=', 'What made the difference': [{ type: 'wrote the failing test first' }, 'Strategy'], 'How you see the cause': 'Keep' },
      () => endAndReview(h.ctx),
    );
    assert.equal(answers, 0);
    assert.equal(h.ui.remaining, 0, 'the typed note and the cause are one box; with the note it is one more Enter at most');
    const review = (await h.ctx.store.history()).sessions[0]?.review;
    assert.deepEqual(review?.attribution, { cause: 'strategy', text: 'wrote the failing test first', internal: 8, stable: 4, controllable: 9 });
    assert.equal(activeSession(h.ctx.store.live), undefined);
  });

  it('keeps the slip review one click away on the feedback when something was missed', async () => {
    const ui = new ScriptedUi([], { 'You met 0 of 1': 'Review the slip' });
    const h = harness({ ui, settings: { reviewDepth: 'quick' } });
    await h.ui.answering(firstStart('Lex the numbers'), () => startFocusSession(h.ctx));
    await h.ui.answering(
      {
        'Which subgoals did you meet': { check: [] },
        'Which of the rest did you partly meet': { check: [] },
        'What made the difference': 'Effort',
        'How you see the cause': 'Adjust',
        'Is this cause about you': '7',
        'Will this cause stay the same': '3',
        'Can you control this cause': '8',
        'What cue triggered the slip': 'Slack ping',
        'What friction failed': 'Notifications on',
        'One tweak for tomorrow': 'Do Not Disturb first',
      },
      () => endAndReview(h.ctx),
    );
    const session = (await h.ctx.store.history()).sessions[0];
    assert.deepEqual(session?.review?.slip, { cue: 'Slack ping', frictionFailed: 'Notifications on', tweak: 'Do Not Disturb first' });
    assert.deepEqual([session?.review?.attribution.internal, session?.review?.attribution.stable, session?.review?.attribution.controllable], [7, 3, 8]);
    assert.equal(session?.subgoals[0]?.outcome, 'missed');
  });
});

describe('the prompt budget', () => {
  it('acknowledges a win in the status bar instead of a notification when the user chose so', async () => {
    const h = harness({ settings: { acknowledgeIn: 'statusBar' } });
    await h.ui.answering(firstStart('Lex the numbers'), () => startFocusSession(h.ctx));
    const before = h.ui.messages.length;
    await h.ui.answering({ 'Type a micro-win': 'Lex the numbers' }, () => logAWin(h.ctx));
    assert.equal(h.ui.messages.length, before, 'no notification');
    assert.deepEqual(h.flashes, ['win 1 · 1 today']);
  });

  it('answers one action with one notification, however much it has to say', async () => {
    const h = harness();
    await h.ui.answering(firstStart('Lex the numbers'), () => startFocusSession(h.ctx));
    await h.ui.answering(FULL_REVIEW_MET, () => endAndReview(h.ctx));
    h.ui.messages.length = 0;
    await h.ui.answering(
      {
        'Type your proximal subgoal': [{ button: 'domain' }, { type: 'Write the join' }],
        'Pick a micro-domain, or type a new one': { type: 'sql' },
        'How certain are you': '',
        'How sure are you': '3',
        'Make it smaller?': 'Keep',
      },
      () => startFocusSession(h.ctx),
    );
    assert.equal(h.ui.messages.length, 1);
    assert.match(h.ui.messages[0]?.text ?? '', /already worked on "parser tests" this week.*Focus session started on sql/);
    assert.equal(h.ui.messages[0]?.kind, 'warn', 'a warning among the sentences makes it a warning');
  });
});
