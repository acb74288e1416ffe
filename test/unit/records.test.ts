import { acceptSuggestion } from '../../src/host/actions/inSession';
import * as assert from 'node:assert/strict';
import { activeSession, logWin, updateRunning } from '../../src/core/session';
import { CommitWatch } from '../../src/core/suggestions';
import { clip } from '../../src/core/text';
import { LIMITS } from '../../src/core/limits';
import { JOURNAL_KEY, JournalStore, RECOVERY_PREFIX } from '../../src/host/storage/journalStore';
import { startFocusSession } from '../../src/host/commands/start';
import { harness } from './helpers';

describe('every write can be read back', () => {
  it('clips outside text to one bounded line without splitting a surrogate pair', () => {
    assert.equal(clip('  fix\n the   parser ', 80), 'fix the parser');
    assert.equal(clip('a'.repeat(100), 80).length, 80);
    assert.ok(clip('a'.repeat(100), 80).endsWith('…'));
    const emoji = `${'a'.repeat(78)}😀tail`;
    const clipped = clip(emoji, 80);
    assert.ok(clipped.length <= 80);
    assert.doesNotMatch(clipped, /[\ud800-\udbff](?![\udc00-\udfff])/, 'no lone high surrogate');
  });

  it('starts, logs and ends a session in a workspace folder with a 100-character name, across a reload', async () => {
    const h = harness();
    const folder = `${'very-long-monorepo-folder-name-'.repeat(3)}end-of-a-hundred-chars-xxxxxxxx`.slice(0, 100);
    assert.equal(folder.length, 100);
    h.ctx.workspaceLabel = () => folder;
    h.ui.queue('New micro-domain', 'parser tests', 'A goal', '9', 'Open-ended', 'No cue');
    await startFocusSession(h.ctx);
    const session = activeSession(h.ctx.store.live);
    assert.ok(session, 'the session started');
    assert.ok(session.workspace.length <= LIMITS.name);
    assert.ok(session.workspace.startsWith('very-long-monorepo'));
    const reloaded = new JournalStore(h.memento, h.time.clock, (p) => h.problems.push(p));
    assert.equal(activeSession(reloaded.live)?.id, session.id, 'a reload still sees the running session');
    assert.deepEqual(reloaded.recoveryKeys(), []);
    assert.deepEqual(h.problems, []);
  });

  it('logs a suggested win from a 600-character commit subject and reads it back', async () => {
    const h = harness();
    h.ui.queue('New micro-domain', 'parser tests', 'A goal', '9', 'Open-ended', 'No cue');
    await startFocusSession(h.ctx);
    const watch = new CommitWatch('a1');
    const suggestion = watch.headChanged('b2', `${'x'.repeat(600)}\nbody`, h.time.now);
    assert.ok(suggestion);
    assert.ok(suggestion.text.length <= LIMITS.text);
    h.ctx.suggestions.add(suggestion);
    await acceptSuggestion(h.ctx, { id: suggestion.id });
    const reloaded = new JournalStore(h.memento, h.time.clock, (p) => h.problems.push(p));
    assert.equal(activeSession(reloaded.live)?.wins.length, 1);
    assert.deepEqual(reloaded.recoveryKeys(), []);
    assert.deepEqual(h.problems, []);
  });

  it('refuses a change that would not read back, with a message naming the field, and writes nothing', async () => {
    const h = harness();
    h.ui.queue('New micro-domain', 'parser tests', 'A goal', '9', 'Open-ended', 'No cue');
    await startFocusSession(h.ctx);
    const before = h.memento.get(JOURNAL_KEY);
    const writes = h.memento.writes;
    const session = activeSession(h.ctx.store.live);
    assert.ok(session);
    await assert.rejects(
      h.ctx.store.apply((j) => updateRunning(j, session.id, (s) => logWin(s, { text: 'y'.repeat(LIMITS.text + 1) }, h.time.now).session)),
      /did not save this change.*sessions\[0\]\.wins\[0\]\.text.*Nothing was changed/,
    );
    assert.equal(h.memento.writes, writes, 'nothing written');
    assert.equal(h.memento.get(JOURNAL_KEY), before);
    assert.equal(h.memento.keys().filter((k) => k.startsWith(RECOVERY_PREFIX)).length, 0);
  });
});
