import * as assert from 'node:assert/strict';
import { activeSession, liveSubgoals } from '../../src/core/practices/session';
import { startFocusSession } from '../../src/host/commands/start';
import { endAndReview } from '../../src/host/commands/end';
import { harness, ScriptedUi } from './helpers';
import type { PickItem } from '../../src/host/platform/ui';

const ruler: PickItem<number>[] = [9, 8, 4, 2].map((value) => ({ label: `${value}`, value }));
const sure = (goal: string) => ({ title: 'Start', placeholder: `How sure are you that you can do this? "${goal}" (0–10)` });
const typed = (prompt: string) => ({ title: 'Start', prompt, validate: (text: string) => (text.trim() ? undefined : 'Enter a name.') });

describe('scripted answers keyed by the question they answer', () => {
  it('answers a prompt by any part of its text, a list in the order it is asked, the longest matching key first', async () => {
    const ui = new ScriptedUi();
    ui.answer({ 'How sure are you': ['4', '8'], '"Lex the strings"': '2' });
    assert.equal(await ui.pick(ruler, sure('Lex the numbers')), 4);
    assert.equal(await ui.pick(ruler, sure('Lex the strings')), 2, 'the more specific key answers its own prompt');
    assert.equal(await ui.pick(ruler, sure('Lex the comments')), 8);
    assert.equal(ui.remaining, 0);
  });

  it('keeps positional answers for the prompts no key names, and refuses two keys that match alike', async () => {
    const ui = new ScriptedUi();
    ui.queue('9');
    ui.answer({ 'Name a micro-domain': 'parser tests' });
    assert.equal(await ui.input(typed('Name a micro-domain: a specific skill you are building.')), 'parser tests');
    assert.equal(await ui.pick(ruler, sure('A goal')), 9);
    ui.answer({ 'sure are': '9', 'you that': '8' });
    await assert.rejects(async () => ui.pick(ruler, sure('A goal')), /Both "sure are" and "you that" answer "How sure are you/);
  });

  it('fails naming a prompt nobody answered, with what its validation said and the answers left', async () => {
    const ui = new ScriptedUi();
    ui.answer({ 'Name a micro-domain': '  ', 'How sure are you': '9' });
    await assert.rejects(
      async () => ui.input(typed('Name a micro-domain: a specific skill you are building.')),
      /Nobody answered "Name a micro-domain: a specific skill you are building\." \(it said: Enter a name\.\); answers left: "How sure are you" → "9"/,
    );
    assert.deepEqual(ui.validationMessages, ['Enter a name.']);
  });

  it('reports an answer given for a question the flow never asked, in remaining, unused and after the flow', async () => {
    const h = harness();
    h.ui.answer({ 'Make it smaller?': 'Shrink the goal' });
    assert.equal(h.ui.remaining, 1);
    assert.deepEqual(h.ui.unused, ['"Make it smaller?" → "Shrink the goal"']);
    await assert.rejects(
      h.ui.answering(
        { 'Name a micro-domain': 'parser tests', 'How certain are you': '', 'Type your proximal subgoal': { type: 'A goal' }, 'How sure are you': ['9', '8'] },
        () => startFocusSession(h.ctx),
      ),
      /Answered but never asked: "Make it smaller\?" → "Shrink the goal"; "How sure are you" → "8"\. Asked: "Name a micro-domain/,
    );
    assert.equal(h.ui.remaining, 0, 'what was not asked is dropped, not left for the next flow');
    assert.ok(activeSession(h.ctx.store.live), 'the flow itself ran as answered');
  });

  it('answers a flow whatever order the answers are written in, and a question asked again takes the next', async () => {
    const h = harness({ settings: { reviewDepth: 'quick' } });
    await h.ui.answering(
      {
        'How sure are you': ['3', '9'],
        'which part could you surely finish': 'Lex the numbers',
        'Make it smaller?': 'Shrink the goal',
        'Type your proximal subgoal': { type: 'Lex everything' },
        'How certain are you': '',
        'Name a micro-domain': 'parser tests',
      },
      () => startFocusSession(h.ctx),
    );
    assert.deepEqual(liveSubgoals(activeSession(h.ctx.store.live) ?? assert.fail('no session')).map((g) => [g.text, g.confidence]), [['Lex the numbers', 9]]);
    await h.ui.answering({ 'How you see the cause': 'Keep', 'What made the difference': 'Effort', 'Which subgoals did you meet': { check: ['Lex the numbers'] } }, () => endAndReview(h.ctx));
    assert.equal((await h.ctx.store.history()).sessions[0]?.subgoals.at(-1)?.outcome, 'met');
  });

  it('confirms by a part of the message, and declines when nothing answers', async () => {
    const ui = new ScriptedUi();
    assert.equal(await ui.confirm('Delete everything?', 'Delete All'), false);
    ui.answer({ 'Delete everything': 'Delete All' });
    assert.equal(await ui.confirm('Delete everything?', 'Delete All'), true);
  });
});
