import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { chooseFile, notification, openDashboard, pick, reviewQuick, runCommand, startFocus, statusItem, type, waitForNotStored, waitForStored, waitForText, Workbench } from './workbench';

/** 100 characters: longer than a session's workspace label may be (80). */
const LONG_FOLDER = `monorepo-${'very-long-folder-name-'.repeat(5)}`.slice(0, 100);

async function reload(page: Page): Promise<void> {
  await page.reload();
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  await statusItem(page).waitFor({ timeout: 90_000 });
}

async function startSession(page: Page, domain: { pick?: string; create?: string }, goal: string): Promise<void> {
  // The first start names the domain once; later ones open on the last domain.
  await startFocus(page, { ...(domain.create ? { first: { domain: domain.create } } : {}), length: 'Open-ended', goal, confidence: '9' });
}

async function logMicroWin(page: Page, text: string): Promise<void> {
  await runCommand(page, 'Small Wins: Log a Win');
  await type(page, 'Type a micro-win', text);
}

async function endSession(page: Page): Promise<void> {
  await runCommand(page, 'Small Wins: End Session and Review');
  await reviewQuick(page, { cause: 'Effort' });
  await waitForText(statusItem(page), /Start focus/);
}

describe('records you can trust (real VS Code)', function () {
  this.timeout(300_000);
  let bench: Workbench;
  let a: Page;
  let b: Page;

  before(async function () {
    bench = await Workbench.launch({ folderName: LONG_FOLDER, settings: { 'smallWins.acknowledgeWins': false } });
    a = bench.page;
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await bench?.screenshot(`records A ${this.currentTest.title}`);
      await b?.screenshot({ path: `test-results/records B ${this.currentTest.title}.png`.replace(/[^\w./ -]+/g, '_') }).catch(() => undefined);
    }
  });

  after(async function () {
    await bench?.close();
  });

  it('starts, logs and ends a session in a folder with a 100-character name, across a reload', async () => {
    assert.equal(LONG_FOLDER.length, 100);
    await startSession(a, { create: 'parser tests' }, 'Cover the number rule');
    await statusItem(a).filter({ hasText: 'parser tests' }).waitFor();
    await logMicroWin(a, 'Found the off-by-one');
    await waitForText(statusItem(a), /parser tests\s*·\s*1$/);
    await waitForStored(a, 'Found the off-by-one');
    await reload(a);
    await waitForText(statusItem(a), /parser tests\s*·\s*1$/);
    await endSession(a);
    // An ended session leaves the live journal for the archive.
    await waitForNotStored(a, 'Cover the number rule');
    await reload(a);
    await waitForText(statusItem(a), /Start focus/);
    const errors = await a.locator('.notification-toast', { hasText: /could not read|did not save/ }).count();
    assert.equal(errors, 0, 'no record set aside, no write refused');
  });

  it('deletes a win in one window; it leaves the other window and stays deleted after reloading both', async () => {
    b = await bench.newWindow();
    await startSession(a, { pick: 'parser tests' }, 'Rename the lexer states');
    await logMicroWin(a, 'A win to keep');
    await logMicroWin(a, 'A private note to delete');
    const viewA: FrameLocator = await openDashboard(a);
    const viewB: FrameLocator = await openDashboard(b);
    await viewB.locator('#session-wins li', { hasText: 'A private note to delete' }).waitFor();
    await viewA.getByRole('button', { name: 'Delete the win "A private note to delete"' }).click();
    const dialog = a.locator('.monaco-dialog-box');
    await dialog.waitFor();
    assert.match((await dialog.textContent()) ?? '', /Delete the win "A private note to delete"\? This cannot be undone\./);
    await dialog.locator('.monaco-button', { hasText: /^Delete$/ }).click();
    await viewA.locator('#session-wins li', { hasText: 'A private note to delete' }).waitFor({ state: 'detached' });
    await viewB.locator('#session-wins li', { hasText: 'A private note to delete' }).waitFor({ state: 'detached', timeout: 5000 });
    await waitForNotStored(a, 'A private note to delete');
    await reload(a);
    await reload(b);
    const viewAfter = await openDashboard(b);
    await viewAfter.locator('#session-wins li', { hasText: 'A win to keep' }).waitFor();
    assert.equal(await viewAfter.locator('#session-wins li', { hasText: 'A private note to delete' }).count(), 0);
    await waitForText(statusItem(a), /parser tests\s*·\s*1$/);
    await waitForNotStored(b, 'A private note to delete');
    await b.close();
  });

  it('shows a hostile import with command links only as inert text', async () => {
    const hostile = '[parser tests](command:workbench.action.quit)';
    const file = {
      format: 'small-wins-journal',
      version: 2,
      exportedAt: Date.UTC(2026, 10, 16),
      journal: {
        version: 2,
        domains: [{ id: 'hostile-domain', name: hostile, createdAt: Date.UTC(2026, 10, 16) }],
        sessions: [],
        cues: [{ id: 'hostile-cue', instruction: `Click ${hostile} $(alert)`, createdAt: Date.UTC(2026, 10, 16), uses: 1 }],
        ratings: [],
        reflections: [],
        models: [],
        encouragements: [],
        deleted: [],
      },
    };
    fs.writeFileSync(path.join(bench.workspace, 'hostile.json'), JSON.stringify(file));
    await runCommand(a, 'Small Wins: Import Data');
    await chooseFile(a, 'Import Small Wins journal', 'hostile.json', 'open');
    await notification(a, /Imported 1 domain and 1 self-talk cue/).waitFor();
    await runCommand(a, 'Small Wins: Instructional Self-Talk');
    await pick(a, 'Instructional self-talk', 'Click');
    const toast = notification(a, /Your cue: Click/);
    await toast.waitFor();
    const text = (await toast.textContent()) ?? '';
    assert.ok(text.includes('[parser tests]'), `the link text is shown as typed: ${text}`);
    assert.equal(await toast.locator('.notification-list-item-message a').count(), 0, 'no link in the message');
    assert.ok(text.includes('$'), 'the icon syntax is shown as text');
    await runCommand(a, 'Small Wins: Rate Domain Confidence');
    const row = a.locator('.quick-input-list .monaco-list-row', { hasText: 'parser tests' }).first();
    await row.waitFor();
    assert.equal(await row.locator('.codicon-alert').count(), 0);
    await a.keyboard.press('Escape');
  });
});
