import { acceptSuggestion } from '../../src/host/actions/inSession';
import * as assert from 'node:assert/strict';
import { CommitWatch, DiagnosticsWatch, TaskWatch } from '../../src/core/suggestions';
import { activeSession, newSubgoal, startSession } from '../../src/core/session';
import { addDomain } from '../../src/core/journal';
import type { Journal } from '../../src/core/schema';
import { createDashboardHandler } from '../../src/host/dashboard/dashboardMessages';
import { harness } from './helpers';
import { sessionMenu } from '../../src/host/commands/menu';

function startedJournal(journal: Journal, now: number): Journal {
  const { journal: j, domain } = addDomain(journal, 'parser tests', now);
  return startSession(j, { domainId: domain.id, workspace: 'w', subgoals: [newSubgoal('g', 8, now)] }, now).journal;
}

describe('evidence from real work', () => {
  it('offers a win when a test task passes after failing, not when it always passed', () => {
    const watch = new TaskWatch();
    assert.equal(watch.ended({ name: 'unit', group: 'test' }, 0, 1), undefined, 'passing from the start is no news');
    assert.equal(watch.ended({ name: 'unit', group: 'test' }, 1, 2), undefined);
    assert.equal(watch.ended({ name: 'unit', group: 'test' }, 2, 3), undefined);
    const win = watch.ended({ name: 'unit', group: 'test' }, 0, 4);
    assert.equal(win?.source, 'test');
    assert.equal(win?.text, 'Tests pass again: unit');
    assert.equal(watch.ended({ name: 'unit', group: 'test' }, 0, 5), undefined, 'once per recovery');
    watch.ended({ name: 'compile', group: 'build' }, 1, 6);
    assert.equal(watch.ended({ name: 'compile', group: 'build' }, 0, 7)?.source, 'task');
    assert.equal(watch.ended({ name: 'other', group: 'build' }, 0, 8), undefined, 'another task’s failure does not count');
  });

  it('offers a win for a new commit, with its subject', () => {
    const watch = new CommitWatch('aaa');
    assert.equal(watch.headChanged('aaa', 'same', 1), undefined);
    assert.equal(watch.headChanged('bbb', 'Fix the tokenizer\n\nlong body', 2)?.text, 'Committed: Fix the tokenizer');
    assert.equal(new CommitWatch(undefined).headChanged('ccc', 'first seen', 3), undefined, 'the first head seen is the baseline');
  });

  it('offers a win when errors in the touched files drop to zero, ignoring other files', () => {
    const watch = new DiagnosticsWatch();
    watch.touch('a.ts');
    assert.equal(watch.update(new Map([['a.ts', 0]]), 1), undefined, 'no errors before: nothing to celebrate');
    assert.equal(watch.update(new Map([['a.ts', 2], ['b.ts', 5]]), 2), undefined);
    assert.equal(watch.update(new Map([['a.ts', 0]]), 3)?.source, 'diagnostics');
    assert.equal(watch.update(new Map([['b.ts', 0]]), 4), undefined, 'b.ts was not touched');
  });
});

describe('suggested wins', () => {
  it('logs a suggestion only when accepted, with its source, during a session', async () => {
    const h = harness();
    h.ctx.suggestions.add({ id: 'early', source: 'test', text: 'Tests pass again: unit', at: 0 });
    assert.equal(h.ctx.suggestions.list().length, 0, 'nothing is suggested outside a session');
    await h.ctx.store.apply((j) => startedJournal(j, h.time.now));
    const watch = new TaskWatch();
    watch.ended({ name: 'unit', group: 'test' }, 1, h.time.now);
    h.ctx.suggestions.add(watch.ended({ name: 'unit', group: 'test' }, 0, h.time.now));
    h.ctx.suggestions.add(new CommitWatch('a').headChanged('b', 'Fix it', h.time.now));
    assert.equal(h.ctx.suggestions.list().length, 2);
    assert.equal(activeSession(h.ctx.store.live)?.wins.length, 0, 'nothing logged without a click');
    const [test, commit] = h.ctx.suggestions.list();
    await acceptSuggestion(h.ctx, { id: test?.id as string });
    h.ctx.suggestions.dismiss(commit?.id as string);
    const wins = activeSession(h.ctx.store.live)?.wins ?? [];
    assert.deepEqual(wins.map((w) => [w.text, w.source]), [['Tests pass again: unit', 'test']]);
    assert.equal(h.ctx.suggestions.list().length, 0);
    await assert.rejects(acceptSuggestion(h.ctx, { id: 'gone' }), /no longer there/);
  });

  it('accepts and dismisses from the dashboard, refusing unknown ids without change', async () => {
    const h = harness();
    await h.ctx.store.apply((j) => startedJournal(j, h.time.now));
    const errors: string[] = [];
    const handle = createDashboardHandler(h.ctx, { sendSnapshot: () => undefined, sendNotices: () => undefined, sendError: (t) => errors.push(t) });
    h.ctx.suggestions.add(new CommitWatch('a').headChanged('b', 'Add the lexer', h.time.now));
    const before = JSON.stringify(h.memento.get('journal'));
    await handle({ type: 'acceptSuggestion', id: 'unknown' });
    assert.equal(JSON.stringify(h.memento.get('journal')), before);
    assert.equal(errors.length, 1);
    await handle({ type: 'acceptSuggestion', id: h.ctx.suggestions.list()[0]?.id });
    assert.deepEqual(activeSession(h.ctx.store.live)?.wins.map((w) => w.source), ['commit']);
  });

  it('offers waiting suggestions first in the session menu, saying where each came from', async () => {
    const h = harness();
    await h.ctx.store.apply((j) => startedJournal(j, h.time.now));
    h.ctx.suggestions.add(new CommitWatch('a').headChanged('b', 'Add the lexer', h.time.now));
    let offered: { label: string; description?: string }[] = [];
    h.ui.queue((items) => {
      offered = items.map((i) => ({ label: i.label, ...(i.description ? { description: i.description } : {}) }));
      return items[0]?.value;
    });
    await sessionMenu(h.ctx, () => Promise.resolve());
    assert.deepEqual(offered[0], { label: '$(lightbulb) Log as a win? Committed: Add the lexer', description: 'from Git' });
    assert.deepEqual(activeSession(h.ctx.store.live)?.wins.map((w) => [w.text, w.source]), [['Committed: Add the lexer', 'commit']]);
  });
});
