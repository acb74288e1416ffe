import * as assert from 'node:assert/strict';
import { activeSession } from '../../src/core/session';
import { startFocusSession } from '../../src/host/commands/start';
import { endAndReview } from '../../src/host/commands/end';
import { logAWin } from '../../src/host/commands/inSession';
import { addVicariousModel, weeklyReflection } from '../../src/host/commands/practices';
import { firstSessionMet, harness, ScriptedUi } from './helpers';
import { saveCue } from '../../src/host/actions/inSession';
import { weeklyReviewMarkdown } from '../../src/core/weeklyReview';
import type { Harness } from './helpers';
import { buildSnapshotFromView, EVIDENCE_WINS } from '../../src/host/dashboard/snapshot';
import { dashboardView } from '../../src/host/storage/views';

const DAY = 86_400_000;

async function missedWithSlip(h: Harness): Promise<void> {
  h.ui.queue('parser tests', '', { type: 'Lex the numbers' }, '9');
  await startFocusSession(h.ctx);
  h.ui.queue([], [], 'Effort', 'Keep', 'Slack ping', 'Notifications on', 'Turn on Do Not Disturb first');
  await endAndReview(h.ctx);
}

describe('a coach that remembers (moments)', () => {
  it('brings the tweak back at the next start in the domain, and asks once, in the same click, whether it helped', async () => {
    const ui = new ScriptedUi([], { 'You met 0 of 1': 'Review the slip' });
    const h = harness({ ui, settings: { reviewDepth: 'quick' } });
    await missedWithSlip(h);
    h.time.advance(DAY);
    h.ui.queue({ type: 'Lex the strings' }, '9');
    await startFocusSession(h.ctx);
    assert.match(h.ui.prompts.at(-2) ?? '', /^Your tweak from yesterday: Turn on Do Not Disturb first — /);
    h.ui.queue(['Lex the strings'], 'Effort', (items: readonly { label: string; description?: string; value: unknown }[]) => items.find((i) => i.description === 'the tweak helped')?.value);
    await endAndReview(h.ctx);
    const sessions = (await h.ctx.store.history()).sessions;
    assert.deepEqual(sessions[1]?.review?.tweak, { of: sessions[0]?.id, outcome: 'helped' });
    h.ui.queue({ type: 'Lex the comments' }, '9');
    await startFocusSession(h.ctx);
    h.ui.queue(['Lex the comments'], 'Effort', 'Keep');
    await endAndReview(h.ctx);
    assert.equal((await h.ctx.store.history()).sessions[2]?.review?.tweak, undefined, 'asked once');
  });

  it('brings the tweak back and asks about it after months away, and lists it under what works months after that', async () => {
    const ui = new ScriptedUi([], { 'You met 0 of 1': 'Review the slip' });
    const h = harness({ ui, settings: { reviewDepth: 'quick' } });
    await missedWithSlip(h);
    h.time.advance(150 * DAY);
    await h.ctx.store.tidy();
    assert.equal(h.ctx.store.live.sessions.length, 0, 'the slip review lives in the archive only');
    h.ui.queue({ type: 'Lex the strings' }, '9');
    await startFocusSession(h.ctx);
    assert.match(h.ui.prompts.at(-2) ?? '', /^Your tweak from Nov 16, 2026: Turn on Do Not Disturb first — /);
    h.ui.queue(['Lex the strings'], 'Effort', (items: readonly { label: string; description?: string; value: unknown }[]) => items.find((i) => i.description === 'the tweak helped')?.value);
    await endAndReview(h.ctx);
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
      if (i === 0) h.ui.queue('parser tests', '', { type: `goal ${i}` }, '9');
      else h.ui.queue({ type: `goal ${i}` }, '9');
      await startFocusSession(h.ctx);
      if (i < 2) h.ui.queue([`goal ${i}`], 'Effort', 'Keep');
      else h.ui.queue([], [], 'Effort', 'Keep');
      await endAndReview(h.ctx);
      h.time.advance(60_000);
    }
    h.ui.queue('Ana', 'Any domain', 'Writes the failing test first');
    await addVicariousModel(h.ctx);
    h.ui.queue({ type: 'goal 5' }, (items: readonly { label: string; detail?: string; value: unknown }[]) => {
      assert.match(items.find((i) => i.label === '9')?.detail ?? '', /Your 9s were met 40% of the time — shrink it, or rate it 4\./);
      return 5;
    }, 'Keep');
    await startFocusSession(h.ctx);
    assert.match(h.ui.messages.at(-1)?.text ?? '', /Ana got there by visible effort: Writes the failing test first/);
    assert.ok(activeSession(h.ctx.store.live));
  });

  it('brings last week\u2019s lesson to the first session of the week', async () => {
    const h = harness({ settings: { reviewDepth: 'quick' } });
    await firstSessionMet(h);
    h.ui.queue('Small goals', 'Start before lunch', 'I can do the hard parts in small steps');
    await weeklyReflection(h.ctx);
    h.time.advance(7 * DAY);
    h.ui.queue({ type: 'Lex the strings' }, '9');
    await startFocusSession(h.ctx);
    assert.match(h.ui.messages.at(-1)?.text ?? '', /Last week you said you would do differently: Start before lunch.*I can do the hard parts in small steps/);
  });

  it('lets a win be marked as done with AI help in the acknowledgment, in one click', async () => {
    const ui = new ScriptedUi([], { 'Take a breath': 'With AI help' });
    const h = harness({ ui });
    h.ui.queue('parser tests', '', { type: 'Lex the numbers' }, '9');
    await startFocusSession(h.ctx);
    h.ui.queue('Lex the numbers');
    await logAWin(h.ctx);
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
    w.ui.queue('parser tests', '', { type: 'goal 0' }, '9');
    await startFocusSession(w.ctx);
    for (let i = 0; i < 3; i++) {
      if (i > 0) {
        w.ui.queue({ type: `goal ${i}` }, '9');
        await startFocusSession(w.ctx);
      }
      w.ui.queue([], [], 'Effort', ...(i > 0 ? [(items: readonly { description?: string; value: unknown }[]) => items.find((x) => x.description === 'the tweak did not help')?.value] : ['Keep']), 'Slack pings', 'Notifications on', `tweak ${i}`);
      await endAndReview(w.ctx);
      w.time.advance(DAY);
    }
    const review = weeklyReviewMarkdown(await w.ctx.store.history(), w.time.now - DAY);
    assert.match(review, /## Patterns in your slips\n\n- "Slack pings" triggered 3 slips in 4 weeks/);
  });
});
