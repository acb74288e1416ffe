import * as assert from 'node:assert/strict';
import { activeSession } from '../../src/core/practices/session';
import { startFocusSession } from '../../src/host/commands/start';
import { endAndReview } from '../../src/host/commands/end';
import { logAWin } from '../../src/host/commands/inSession';
import { addVicariousModel, weeklyReflection } from '../../src/host/commands/practices';
import { firstSessionMet, harness, ScriptedUi } from './helpers';
import { saveCue } from '../../src/host/actions/inSession';
import { weeklyReviewMarkdown } from '../../src/core/coach/weeklyReview';
import type { Answer, Answers, Harness } from './helpers';
import { buildSnapshotFromView, EVIDENCE_WINS } from '../../src/host/dashboard/snapshot';
import { dashboardView } from '../../src/host/storage/views';

const DAY = 86_400_000;

/** A start: a new domain "parser tests" (no baseline) when `first`, else the last one; the subgoal `goal` rated 9. */
const start = (goal: string, first = false): Answers => ({
  ...(first ? { 'Name a micro-domain': 'parser tests', 'How certain are you': '' } : {}),
  'Type your proximal subgoal': { type: goal },
  'How sure are you': '9',
});

/** The quick review: the subgoals `met` checked, by effort, the typical ratings kept (or `ratings` answering that pick). */
const review = (met: string[], ratings: Answer = 'Keep'): Answers => ({ 'Which subgoals did you meet': { check: met }, 'What made the difference': 'Effort', 'How you see the cause': ratings });

/** The quick review of a session whose subgoals were all missed (none met or partly met), by effort, then the slip review with its cue and tweak. */
const missedAll = (cue: string, tweak: string, ratings: Answer = 'Keep'): Answers => ({
  ...review([], ratings),
  'Which of the rest did you partly meet': { check: [] },
  'What cue triggered the slip': cue,
  'What friction failed': 'Notifications on',
  'One tweak for tomorrow': tweak,
});

/** The pick of the ratings that says the open tweak helped. */
const tweakHelped = (items: readonly { label: string; description?: string; value: unknown }[]) => items.find((i) => i.description === 'the tweak helped')?.value;

async function missedWithSlip(h: Harness): Promise<void> {
  await h.ui.answering(start('Lex the numbers', true), () => startFocusSession(h.ctx));
  await h.ui.answering(missedAll('Slack ping', 'Turn on Do Not Disturb first'), () => endAndReview(h.ctx));
}

describe('a coach that remembers (moments)', () => {
  it('brings the tweak back at the next start in the domain, and asks once, in the same click, whether it helped', async () => {
    const ui = new ScriptedUi([], { 'You met 0 of 1': 'Review the slip' });
    const h = harness({ ui, settings: { reviewDepth: 'quick' } });
    await missedWithSlip(h);
    h.time.advance(DAY);
    await h.ui.answering(start('Lex the strings'), () => startFocusSession(h.ctx));
    assert.match(h.ui.prompts.at(-2) ?? '', /^Your tweak from yesterday: Turn on Do Not Disturb first — /);
    await h.ui.answering(review(['Lex the strings'], tweakHelped), () => endAndReview(h.ctx));
    const sessions = (await h.ctx.store.history()).sessions;
    assert.deepEqual(sessions[1]?.review?.tweak, { of: sessions[0]?.id, outcome: 'helped' });
    await h.ui.answering(start('Lex the comments'), () => startFocusSession(h.ctx));
    await h.ui.answering(review(['Lex the comments']), () => endAndReview(h.ctx));
    assert.equal((await h.ctx.store.history()).sessions[2]?.review?.tweak, undefined, 'asked once');
  });

  it('brings the tweak back and asks about it after months away, and lists it under what works months after that', async () => {
    const ui = new ScriptedUi([], { 'You met 0 of 1': 'Review the slip' });
    const h = harness({ ui, settings: { reviewDepth: 'quick' } });
    await missedWithSlip(h);
    h.time.advance(150 * DAY);
    await h.ctx.store.tidy();
    assert.equal(h.ctx.store.live.sessions.length, 0, 'the slip review lives in the archive only');
    await h.ui.answering(start('Lex the strings'), () => startFocusSession(h.ctx));
    assert.match(h.ui.prompts.at(-2) ?? '', /^Your tweak from Nov 16, 2026: Turn on Do Not Disturb first — /);
    await h.ui.answering(review(['Lex the strings'], tweakHelped), () => endAndReview(h.ctx));
    const sessions = (await h.ctx.store.history()).sessions;
    assert.deepEqual(sessions[1]?.review?.tweak, { of: sessions[0]?.id, outcome: 'helped' });
    h.time.advance(150 * DAY);
    await h.ctx.store.tidy();
    const now = h.time.now;
    const snapshot = buildSnapshotFromView(await dashboardView(h.ctx.store, now, undefined, EVIDENCE_WINS), now, h.settings, h.ctx.defaults.get());
    assert.deepEqual(snapshot.evidence.works, ['Turn on Do Not Disturb first']);
  });

  it('says at the ruler when the record shows a level is off, and brings a model at the moment of doubt', async () => {
    const h = harness({ settings: { reviewDepth: 'quick' } });
    for (let i = 0; i < 5; i++) {
      await h.ui.answering(start(`goal ${i}`, i === 0), () => startFocusSession(h.ctx));
      await h.ui.answering(i < 2 ? review([`goal ${i}`]) : { ...review([]), 'Which of the rest did you partly meet': { check: [] } }, () => endAndReview(h.ctx));
      h.time.advance(60_000);
    }
    await h.ui.answering(
      { 'Someone like you who got there by visible effort': 'Ana', 'Which domain is this about': 'Any domain', 'How does Ana work': 'Writes the failing test first' },
      () => addVicariousModel(h.ctx),
    );
    await h.ui.answering(
      {
        'Type your proximal subgoal': { type: 'goal 5' },
        'How sure are you': (items: readonly { label: string; detail?: string; value: unknown }[]) => {
          assert.match(items.find((i) => i.label === '9')?.detail ?? '', /Your 9s were met 40% of the time — shrink it, or rate it 4\./);
          return 5;
        },
        'Make it smaller?': 'Keep',
      },
      () => startFocusSession(h.ctx),
    );
    assert.match(h.ui.messages.at(-1)?.text ?? '', /Ana got there by visible effort: Writes the failing test first/);
    assert.ok(activeSession(h.ctx.store.live));
  });

  it('brings last week\u2019s lesson to the first session of the week', async () => {
    const h = harness({ settings: { reviewDepth: 'quick' } });
    await firstSessionMet(h);
    await h.ui.answering(
      { 'What did I do well': 'Small goals', 'What would I do differently': 'Start before lunch', 'What did this teach me': 'I can do the hard parts in small steps' },
      () => weeklyReflection(h.ctx),
    );
    h.time.advance(7 * DAY);
    await h.ui.answering(start('Lex the strings'), () => startFocusSession(h.ctx));
    assert.match(h.ui.messages.at(-1)?.text ?? '', /Last week you said you would do differently: Start before lunch.*I can do the hard parts in small steps/);
  });

  it('lets a win be marked as done with AI help in the acknowledgment, in one click', async () => {
    const ui = new ScriptedUi([], { 'Take a breath': 'With AI help' });
    const h = harness({ ui });
    await h.ui.answering(start('Lex the numbers', true), () => startFocusSession(h.ctx));
    await h.ui.answering({ 'Type a micro-win': 'Lex the numbers' }, () => logAWin(h.ctx));
    assert.equal(activeSession(h.ctx.store.live)?.wins[0]?.by, 'assisted');
  });
});

describe('what works, kept', () => {
  it('saves a tweak that helped as a self-talk cue once, and names recurring slips in the weekly review', async () => {
    const h = harness({ settings: { reviewDepth: 'quick' } });
    await saveCue(h.ctx, 'Turn on Do Not Disturb first');
    await saveCue(h.ctx, ' turn on do not disturb first ');
    assert.deepEqual(h.ctx.store.live.cues.map((c) => c.instruction), ['Turn on Do Not Disturb first']);
    const ui = new ScriptedUi([], { 'You met 0 of 1': 'Review the slip' });
    const w = harness({ ui, settings: { reviewDepth: 'quick' } });
    await w.ui.answering(start('goal 0', true), () => startFocusSession(w.ctx));
    for (let i = 0; i < 3; i++) {
      if (i > 0) await w.ui.answering(start(`goal ${i}`), () => startFocusSession(w.ctx));
      const notHelped = (items: readonly { description?: string; value: unknown }[]) => items.find((x) => x.description === 'the tweak did not help')?.value;
      await w.ui.answering(missedAll('Slack pings', `tweak ${i}`, i > 0 ? notHelped : 'Keep'), () => endAndReview(w.ctx));
      w.time.advance(DAY);
    }
    const review = weeklyReviewMarkdown(await w.ctx.store.history(), w.time.now - DAY);
    assert.match(review, /## Patterns in your slips\n\n- "Slack pings" triggered 3 slips in 4 weeks/);
  });
});
