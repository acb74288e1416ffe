import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { chooseFile, notification, openDashboard, RESULTS, runAndPick, runCommand, startFocus, statusItem, Workbench } from './workbench';
import { yearJournal } from '../harness/yearJournal';
import { exportJournal } from '../../src/core/records/transfer';

/** Where the pictures go; `docs/` holds the copies the README shows. */
const PICTURES = path.join(RESULTS, 'readme');

async function picture(page: Page, selector: string, name: string): Promise<void> {
  await page.locator(selector).first().screenshot({ path: path.join(PICTURES, name) });
}

/** The Progress tab from its top down to the end of the wins calendar: what a reader looks at first. */
async function progressPicture(page: Page, tab: FrameLocator, name: string): Promise<void> {
  const editor = await page.locator('.part.editor').boundingBox();
  const calendar = await tab.locator('#calendar').boundingBox();
  if (!editor || !calendar) throw new Error('no Progress tab to picture');
  await page.screenshot({ path: path.join(PICTURES, name), clip: { x: editor.x, y: editor.y, width: editor.width, height: calendar.y + calendar.height + 12 - editor.y } });
}

/**
 * The README's pictures, from a realistic year of history (three domains): the Progress tab over
 * that year in light and dark, the sidebar with a running session, the status bar with its tooltip.
 * Each is cropped to the part of VS Code it shows.
 */
describe('pictures for the README (real VS Code)', function () {
  this.timeout(300_000);
  let bench: Workbench;

  before(async function () {
    bench = await Workbench.launch({ colorTheme: 'Default Light Modern' });
    fs.mkdirSync(PICTURES, { recursive: true });
    const now = Date.now();
    fs.writeFileSync(path.join(bench.workspace, 'history.json'), exportJournal(yearJournal(now), now));
    await runCommand(bench.page, 'Small Wins: Import Data');
    await chooseFile(bench.page, 'Import Small Wins journal', 'history.json', 'open');
    await notification(bench.page, /Imported 3 domains/).waitFor();
    await runCommand(bench.page, 'Notifications: Clear All Notifications');
  });

  after(async function () {
    await bench?.close();
  });

  it('shows the Progress tab in light and dark', async () => {
    const page = bench.page;
    await runCommand(page, 'View: Close Primary Side Bar');
    // Tall enough for the summary, the belief line and the year's calendar in one picture.
    await page.setViewportSize({ width: 1400, height: 1240 });
    await runCommand(page, 'Small Wins: Show Progress');
    const tab = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await tab.locator('#progress-range').selectOption('1y');
    await tab.locator('body[data-range="1y"] #calendar svg').waitFor();
    await progressPicture(page, tab, 'progress-light.png');
    await runAndPick(page, 'Preferences: Color Theme', 'Select Color Theme', 'Dark Modern');
    await tab.locator('body.vscode-dark').waitFor();
    await progressPicture(page, tab, 'progress-dark.png');
    await runCommand(page, 'View: Close All Editors');
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('shows the sidebar with a running session and the status bar with its tooltip', async () => {
    const page = bench.page;
    await startFocus(page, { domain: { pick: 'parser tests' }, goal: 'Cover the number rule', confidence: '8', cue: { write: 'Run the tests after each edit' } });
    await notification(page, 'Focus session started').waitFor();
    await runCommand(page, 'Notifications: Clear All Notifications');
    const view = await openDashboard(page);
    await view.locator('#session-heading').waitFor();
    await picture(page, '.part.sidebar', 'sidebar-session.png');
    await statusItem(page).hover();
    const hover = page.locator('.monaco-hover, .workbench-hover').first();
    await hover.waitFor();
    const box = await hover.boundingBox();
    const bar = await page.locator('.part.statusbar').boundingBox();
    if (!box || !bar) throw new Error('no tooltip to picture');
    const top = Math.max(0, box.y - 8);
    await page.screenshot({ path: path.join(PICTURES, 'status-bar.png'), clip: { x: 0, y: top, width: Math.min(bar.width, Math.max(box.x + box.width + 16, 560)), height: bar.y + bar.height - top } });
  });
});
