import { acceptSuggestion } from '../../src/host/actions/inSession';
import * as assert from 'node:assert/strict';
import { CommitWatch, DiagnosticsWatch, gitDirOf, TaskWatch } from '../../src/core/practices/suggestions';
import { activeSession, newSubgoal, startSession } from '../../src/core/practices/session';
import { addDomain } from '../../src/core/records/journal';
import type { Journal } from '../../src/core/records/schema';
import { createDashboardHandler } from '../../src/host/dashboard/dashboardMessages';
import { commitSuggestion, harness, reflogLine } from './helpers';
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

  it("offers a win for each commit of the session, from the repository's reflog, once", () => {
    const start = Date.UTC(2026, 11, 5, 9);
    const watch = new CommitWatch(start);
    const before = reflogLine('From yesterday', start - 86_400_000) + reflogLine('Just before the start', start - 500);
    const first = reflogLine('Fix the tokenizer', start + 60_000, 'commit', 'b'.repeat(40));
    assert.deepEqual(watch.read('HEAD', before + first, start + 61_000).map((s) => s.text), ['Committed: Fix the tokenizer'], 'what the reflog held when first read is older, but for a commit of the last seconds of the session');
    const reloaded = new CommitWatch(start);
    assert.deepEqual(reloaded.read('HEAD', before + first, start + 600_000), [], 'after a reload, a commit made earlier in the session is not offered again');
    // Another machine's clock 10 minutes behind: what the reflog gains is new all the same.
    const skewed = reflogLine('Made on a slow clock', start - 600_000);
    const moves = reflogLine('moving from main to topic', start + 90_000, 'checkout') + reflogLine('Fix the tokenizer again', start + 95_000, 'commit (amend)') + reflogLine('Reset', start + 99_000, 'reset');
    const merged = reflogLine("Merge branch 'topic'", start + 120_000, 'commit (merge)');
    assert.deepEqual(watch.read('HEAD', before + first + skewed + moves + merged, 2).map((s) => s.text), ['Committed: Made on a slow clock', "Committed: Merge branch 'topic'"], 'a commit once; a checkout, an amend or a reset is no new commit');
    assert.deepEqual(new CommitWatch(start).read('HEAD', reflogLine('', start, 'commit (initial)'), start).map((s) => s.text), ['Made a commit']);
    assert.deepEqual(watch.read('HEAD', 'not a reflog\n\u0000\n' + 'x'.repeat(10_000), 4), [], 'anything else in the file is no commit');
  });

  it("finds a worktree's or a submodule's repository from its .git file", () => {
    assert.deepEqual(gitDirOf('gitdir: ../main/.git/worktrees/topic\n'), { path: '../main/.git/worktrees/topic', absolute: false });
    assert.deepEqual(gitDirOf('gitdir: /home/me/src/main/.git/worktrees/topic\n'), { path: '/home/me/src/main/.git/worktrees/topic', absolute: true });
    assert.deepEqual(gitDirOf('gitdir: C:\\src\\main\\.git\\modules\\lib\r\n'), { path: 'C:/src/main/.git/modules/lib', absolute: true });
    assert.equal(gitDirOf('not a git file'), undefined);
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
    h.ctx.suggestions.add(commitSuggestion('Fix it', h.time.now));
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
    h.ctx.suggestions.add(commitSuggestion('Add the lexer', h.time.now));
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
    h.ctx.suggestions.add(commitSuggestion('Add the lexer', h.time.now));
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
