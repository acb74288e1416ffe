import * as assert from 'node:assert/strict';
import { addDomain } from '../../src/core/records/journal';
import { emptyJournal } from '../../src/core/records/schema';
import type { Journal } from '../../src/core/records/schema';
import { exportJournal } from '../../src/core/records/transfer';
import { forLabel, forNotification } from '../../src/core/userText';
import { newId } from '../../src/core/ids';
import { startFocusSession } from '../../src/host/commands/start';
import { logAWin } from '../../src/host/commands/inSession';
import { selfTalk } from '../../src/host/commands/selfTalk';
import { showEvidence } from '../../src/host/commands/practices';
import { importData } from '../../src/host/commands/transfer';
import { sessionMenu } from '../../src/host/commands/menu';
import { guarded } from '../../src/host/commands/guarded';
import { harness } from './helpers';

const LINK = '[parser tests](command:workbench.extensions.installExtension?%22evil.ext%22)';
const ICON = '$(alert) urgent';
const BIDI = 'report\u202Egnp.exe';
const HIDDEN = 'fix\u200bthe\u2060bug';

/** What VS Code 1.139 turns into a link (its own pattern) or an icon. */
const LINK_SYNTAX = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)/i;
const ICON_SYNTAX = /\$\([a-z0-9-]+(~[a-z-]+)?\)/i;
const CONTROLS = /\u061c|\u200c|\u200d|[\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

function assertInert(text: string, where: string): void {
  assert.doesNotMatch(text, LINK_SYNTAX, `${where} carries a link: ${text}`);
  assert.doesNotMatch(text, ICON_SYNTAX, `${where} carries an icon: ${text}`);
  assert.doesNotMatch(text, CONTROLS, `${where} carries a control character: ${JSON.stringify(text)}`);
}

function hostileJournal(now: number): Journal {
  const { journal, domain } = addDomain(emptyJournal(), LINK, now);
  return {
    ...journal,
    cues: [{ id: newId(), hope: ICON, instruction: `${LINK} ${BIDI}`, createdAt: now, uses: 0 }],
    encouragements: [{ id: newId(), from: ICON, text: `${HIDDEN} ${LINK}`, domainId: domain.id, at: now }],
  };
}

describe('user text in VS Code UI stays text', () => {
  it('renders the hostile set inert for notifications and labels, keeping the words', () => {
    for (const text of [LINK, ICON, BIDI, HIDDEN]) {
      assertInert(forNotification(text), 'a notification');
      assertInert(forLabel(text), 'a label');
    }
    assert.equal(forNotification(LINK).replace(/\u200b/g, ''), LINK, 'only invisible breaks are added');
    assert.equal(forLabel(HIDDEN), 'fixthebug');
    assert.match(forLabel(BIDI), /\[U\+202E\]/);
    assert.equal(forLabel('two\nlines'), 'two lines');
  });

  it('shows imported hostile names only as inert text in every notification and quick pick of a day', async () => {
    const h = harness();
    h.ui.fileToOpen = exportJournal(hostileJournal(h.time.now), h.time.now);
    await guarded(h.ctx, importData);
    assert.match(h.ui.messages.at(-1)?.text ?? '', /^Imported/);
    h.ui.queue({ type: `${ICON} ${LINK}` }, '9');
    await startFocusSession(h.ctx);
    h.ui.queue({ type: `${BIDI} ${LINK}` });
    await logAWin(h.ctx);
    h.ui.queue(undefined);
    await selfTalk(h.ctx);
    h.ui.queue(undefined);
    await showEvidence(h.ctx);
    h.ui.queue(undefined);
    await sessionMenu(h.ctx, () => Promise.resolve());
    h.ui.fileToOpen = JSON.stringify({ format: 'small-wins', [LINK]: 1 });
    await guarded(h.ctx, importData);
    assert.equal(h.ui.messages.at(-1)?.kind, 'error', 'the hostile file was refused');
    assert.ok(h.ui.messages.length >= 4, 'notifications were shown');
    assert.ok(h.ui.messages.some((m) => m.text.includes('parser tests')), 'the domain name is still readable');
    for (const m of h.ui.messages) assertInert(m.text, `${m.kind} message`);
    assert.ok(h.ui.pickTexts.some((text) => text.includes('parser tests')), 'a pick showed the hostile domain');
    for (const text of h.ui.pickTexts) assertInert(text.replace(/^\$\([a-z-]+\) /, ''), 'a pick label');
    for (const text of h.ui.prompts) assertInert(text, 'a prompt');
    assert.ok(h.ui.titles.some((title) => title.includes('parser tests')), 'the start box names the hostile domain');
    for (const text of h.ui.titles) assertInert(text, 'a title');
  });
});
