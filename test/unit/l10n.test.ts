import { reviewPractice } from '../../src/core/practices/review';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectionCount, format, fromBundle, listOf, t, useTranslator } from '../../src/core/l10n';
import { COLLECTIONS, emptyJournal } from '../../src/core/records/schema';
import { addDomain } from '../../src/core/records/journal';
import { endSession, startSession, updateRunning } from '../../src/core/practices/session';
import { exportJournal } from '../../src/core/records/transfer';
import { statusView } from '../../src/core/practices/statusView';
import { endAndReview } from '../../src/host/commands/end';
import { sessionMenu } from '../../src/host/commands/menu';
import { addSubgoal, logAWin, reframeArousal, togglePause } from '../../src/host/commands/inSession';
import { rateDomain, showEvidence, weeklyReflection } from '../../src/host/commands/practices';
import { selfTalk } from '../../src/host/commands/selfTalk';
import { startFocusSession } from '../../src/host/commands/start';
import { exportData, importData } from '../../src/host/commands/transfer';
import { bundleText, extractMessages } from '../../scripts/l10nMessages';
import { guarded } from '../../src/host/commands/guarded';
import { harness, ScriptedUi } from './helpers';

const ROOT = process.cwd();
/** A pseudo-translation: every translated sentence ends with this mark, so an untranslated one shows. */
const MARK = '‹›';
const pseudo = (message: string, ...args: (string | number)[]) => `${format(message, ...args)}${MARK}`;

describe('localisation', () => {
  afterEach(() => useTranslator(format));

  it('has no icon syntax in any translatable message: icons are added by the surface that can show them', () => {
    const { messages } = extractMessages(path.join(ROOT, 'src'));
    assert.deepEqual([...messages].filter((m) => /\$\(/.test(m)), []);
  });

  it('lists every message for translators, each a plain string literal', () => {
    const { messages, problems } = extractMessages(path.join(ROOT, 'src'));
    assert.deepEqual(problems, []);
    assert.ok(messages.size > 300, `${messages.size} messages`);
    const template = fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8');
    assert.equal(template, bundleText(messages), 'l10n/bundle.l10n.json is out of date: run `npm run l10n`');
  });

  it('translates with a bundle, falls back to English, and fills the values in', () => {
    useTranslator(fromBundle({ 'You met {0} of {1} subgoals and logged {2} on {3}.': 'Du hast {0} von {1} Teilzielen erreicht und {2} in {3} notiert.', '{0} wins': '{0} Erfolge' }));
    assert.equal(t('{0} wins', 3), '3 Erfolge');
    assert.equal(t('Session resumed.'), 'Session resumed.');
    assert.equal(t('constructor'), 'constructor', 'only the bundle’s own entries count');
    assert.equal(fromBundle(undefined)('{0} of {1}', 1), '1 of {1}', 'a missing value leaves its placeholder');
  });

  it('shows every prompt, message and validation of the palette flows in the display language', async () => {
    useTranslator(pseudo);
    const ui = new ScriptedUi([], { 'slip review': `Review the slip${MARK}`, 'Racing heart': `Keep this reframe${MARK}` });
    const h = harness({ ui });
    ui.queue('', 'parser tests', '', { button: 'length' }, 'Other length', '0', '25', { button: 'cue' }, 'No cue', { type: 'Rewrite the tokenizer' }, '4', 'Shrink the goal', 'Rewrite the tokenizer', 'Rewrite the number rule', '8');
    await startFocusSession(h.ctx);
    ui.queue({ type: 'Found the bug' });
    await logAWin(h.ctx);
    ui.queue('Document the lexer', '9');
    await addSubgoal(h.ctx);
    ui.queue('Racing heart');
    await reframeArousal(h.ctx);
    ui.queue('Turn a hope or worry', "I'm afraid the deploy fails", 'hopefully it works', 'Deploy to staging first');
    await selfTalk(h.ctx);
    ui.queue('Met', 'Missed', 'Ability', 'x'.repeat(501), '', '9', '8', '3', 'Slack ping', 'Notifications on', 'Turn on Do Not Disturb');
    await endAndReview(h.ctx);
    ui.queue('parser tests', '101', '70');
    await rateDomain(h.ctx);
    ui.queue('Small goals', 'Start earlier', 'I can do hard parts');
    await weeklyReflection(h.ctx);
    ui.queue('Whole journal');
    await exportData(h.ctx);
    ui.fileToOpen = '{"format":"small-wins-journal","version":1,"journal":{"sessions":7}}';
    await guarded(h.ctx, importData);
    assert.equal(ui.remaining, 0, 'every scripted answer was asked for');
    const shown = [...ui.prompts, ...ui.validationMessages, ...ui.messages.map((m) => m.text)];
    assert.ok(shown.length > 40, `${shown.length} texts`);
    assert.deepEqual(shown.filter((text) => !text.endsWith(MARK)), [], 'untranslated');
    assert.ok((await h.ctx.store.history()).sessions[0]?.review?.feedback.endsWith(MARK), 'the stored feedback too');
  });

  it('shows the status bar and the dashboard snapshot in the display language', async () => {
    useTranslator(pseudo);
    const h = harness();
    h.ui.queue('parser tests', '', { type: 'Rewrite the tokenizer' }, '9');
    await startFocusSession(h.ctx);
    const view = statusView(h.ctx.store.live, h.time.now + 60_000, { showDomain: true, suggestions: 1 });
    for (const line of view.tooltip.split('\n')) assert.ok(line.endsWith(MARK), line);
    assert.ok(view.accessibilityLabel.endsWith(MARK), view.accessibilityLabel);
    assert.match(view.text, new RegExp(`left${MARK}`));
    assert.ok(reviewPractice.attribution.cause.choices().every((c) => c.label.endsWith(MARK)));
  });

  it('shows the session menu in the display language, running and paused', async () => {
    useTranslator(pseudo);
    const h = harness();
    const labels: string[] = [];
    const look = (items: readonly { label: string }[]) => void labels.push(...items.map((i) => i.label));
    h.ui.queue(look);
    await sessionMenu(h.ctx, () => Promise.resolve());
    h.ui.queue('parser tests', '', { type: 'Rewrite the tokenizer' }, '9');
    await startFocusSession(h.ctx);
    h.ui.queue(look);
    await sessionMenu(h.ctx, () => Promise.resolve());
    await togglePause(h.ctx);
    h.ui.queue(look);
    await sessionMenu(h.ctx, () => Promise.resolve());
    assert.ok(labels.length > 15, `${labels.length} labels`);
    assert.deepEqual(labels.filter((label) => !label.endsWith(MARK)), [], 'untranslated');
  });

  it('counts the records of every journal collection in words, one and many, translated whole', () => {
    for (const name of COLLECTIONS) {
      assert.match(collectionCount(name, 1), /^1 [a-z -]+[^s]$/, name);
      assert.match(collectionCount(name, 3), /^3 [a-z -]+s$/, name);
    }
    useTranslator(pseudo);
    for (const name of COLLECTIONS) for (const n of [1, 3]) assert.ok(collectionCount(name, n).endsWith(MARK), `${name} ${n}`);
  });

  it('joins lists in the language the sentence is in, English when nothing was translated', async () => {
    assert.equal(listOf(['1 domain']), '1 domain');
    assert.equal(listOf(['1 domain', '2 sessions', '3 models']), '1 domain, 2 sessions, and 3 models');
    useTranslator(fromBundle({ 'Imported {0}.': '{0} importiert.', '1 domain': '1 Bereich', '1 session': '1 Sitzung' }), 'de');
    assert.equal(listOf(['a', 'b', 'c']), 'a, b und c');
    const h = harness();
    const { journal, domain } = addDomain(emptyJournal(), 'parser tests', h.time.now - 60_000);
    const started = startSession(journal, { domainId: domain.id, workspace: 'w', subgoals: [] }, h.time.now - 60_000);
    const ended = updateRunning(started.journal, started.session.id, (s) => endSession(s, {}, undefined, h.time.now));
    h.ui.fileToOpen = exportJournal(ended, h.time.now);
    await guarded(h.ctx, importData);
    assert.equal(h.ui.messages.at(-1)?.text, '1 Bereich und 1 Sitzung importiert.');
    useTranslator(format, 'not a language tag!');
    assert.equal(listOf(['a', 'b']), 'a and b', 'a tag Intl cannot read joins in English');
  });

  it('writes the evidence bank’s dates in VS Code’s display language, not the process locale', async () => {
    const h = harness();
    h.ctx.language = 'de';
    h.ui.queue('parser tests', '', { type: 'Rewrite the tokenizer' }, '9');
    await startFocusSession(h.ctx);
    h.ui.queue({ type: 'Found the bug' });
    await logAWin(h.ctx);
    const descriptions: (string | undefined)[] = [];
    h.ui.queue((items: readonly { description?: string }[]) => void descriptions.push(...items.map((i) => i.description)));
    await showEvidence(h.ctx);
    const at = (await h.ctx.store.history()).sessions[0]?.wins[0]?.at ?? NaN;
    assert.deepEqual(descriptions, [new Date(at).toLocaleString('de')]);
    assert.match(descriptions[0] ?? '', /^\d{1,2}\.\d{1,2}\.\d{4}, \d{2}:\d{2}:\d{2}$/, 'German: day.month.year, 24-hour time');
  });
});
