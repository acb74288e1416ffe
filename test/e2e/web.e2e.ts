import * as assert from 'node:assert/strict';
import { ordinaryJournal } from '../harness/hostileJournal';
import { commitIn, openDashboard, runCommand, startFocus, statusItem, waitForStored, waitForText, webviewShowing, Workbench } from './workbench';

/**
 * The `browser` entry: with Small Wins preferred in the browser ("ui" kind), code-server runs it in
 * the web worker extension host, as vscode.dev would.
 */
describe('web extension (real VS Code, browser extension host)', function () {
  this.timeout(240_000);
  let bench: Workbench;

  before(async function () {
    // What a Small Wins that ran on the server kept there (an archive file in a VS Code server's data folder, under a folder that holds the workspace).
    const left = ordinaryJournal(3, Date.now() - 30 * 86_400_000, 'left');
    const archive = '.vscode-server/data/User/globalStorage/small-wins.small-wins/archive/2025-11.left.json';
    bench = await Workbench.launch({ settings: { 'remote.extensionKind': { 'small-wins.small-wins': ['ui'] } }, files: { [archive]: JSON.stringify(left) } });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await bench?.screenshot(`web ${this.currentTest.title}`);
  });

  after(async function () {
    await bench?.close();
  });

  it('activates in the browser extension host and runs a command', async () => {
    await waitForText(statusItem(bench.page), /Start focus/);
    // Tall enough for the running-extensions list to render every row.
    await bench.page.setViewportSize({ width: 1400, height: 2600 });
    await runCommand(bench.page, 'Developer: Show Running Extensions');
    const row = bench.page.locator('.runtime-extensions-editor .monaco-list-row').filter({ has: bench.page.locator('.name').getByText('Small Wins', { exact: true }) });
    await row.locator('.activation-time', { hasText: /Activation:/ }).waitFor();
    const where = (await row.locator('.msg').textContent()) ?? '';
    assert.doesNotMatch(where, /127\.0\.0\.1/, `runs in the browser, not on the server (${where})`);
    await bench.page.keyboard.press('Escape');
    await runCommand(bench.page, 'Small Wins: Log a Win');
    await bench.page.locator('.notification-toast', { hasText: 'No focus session is running' }).first().waitFor();
  });

  it('brings home once, with a message, the closed sessions a copy that ran on the server left there', async () => {
    // Said when the window opened: a toast then, in the notification centre since.
    await runCommand(bench.page, 'Notifications: Show Notifications');
    await bench.page.locator('.notifications-center .notification-list-item', { hasText: /Small Wins used to keep your closed sessions on .*: .*3 sessions/ }).first().waitFor();
    await bench.page.screenshot({ path: 'test-results/web-brought-home.png' });
    await bench.page.keyboard.press('Escape');
    // Remembered on this machine: the next window does not look again.
    await waitForStored(bench.page, '"brought":["');
    await runCommand(bench.page, 'Small Wins: Show Progress');
    const progress = await webviewShowing(bench.page, 'main[aria-busy="false"] #progress-range');
    await progress.locator('#summary tbody th', { hasText: 'left parser tests' }).waitFor();
    await bench.page.keyboard.press('Control+W');
  });

  it('offers a win for a commit on the server from the browser, where the Git extension is out of reach', async () => {
    commitIn(bench.workspace, 'The project as it was');
    await startFocus(bench.page, { domain: { pick: 'left parser tests' }, goal: 'Parse the strings', confidence: '8' });
    commitIn(bench.workspace, 'Parse the strings');
    const view = await openDashboard(bench.page);
    await view.locator('#session-suggestions .suggestion', { hasText: 'Committed: Parse the strings' }).waitFor();
    await bench.page.screenshot({ path: 'test-results/web-commit-suggestion.png' });
  });
});
