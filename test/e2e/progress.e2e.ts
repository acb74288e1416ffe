import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { chooseFile, expectPrompt, notification, openDashboard, quickInput, RESULTS, runAndPick, runCommand, type, waitForWorkspaceStored, webviewShowing, Workbench } from './workbench';
import { progressJournal } from '../harness/progressJournal';
import { exportJournal } from '../../src/core/records/transfer';
import { buildProgressSnapshot } from '../../src/host/progress/progressSnapshot';
import type { ProgressSnapshot } from '../../src/shared/progressProtocol';
import { SERIES } from '../../src/webview/figures/series';

const TITLE = 'Small Wins: Progress';

const progressView = (page: Page) => webviewShowing(page, 'main[aria-busy="false"] #progress-range');
const dashboardView = (page: Page) => webviewShowing(page, 'main[aria-busy="false"] #show-progress');

function tabs(page: Page) {
  return page.locator('.tabs-container .tab').filter({ hasText: TITLE });
}

/** A table row's cells, by the domain in its first cell. */
async function summaryRow(view: Frame, domain: string): Promise<string[]> {
  return view.locator('#summary tbody tr', { has: view.locator('th', { hasText: domain }) }).locator('th, td').allTextContents();
}

/** The colour a theme variable resolves to now, as the page computes it. */
function themeColour(view: Frame, variable: string): Promise<string> {
  return view.evaluate((name) => {
    const probe = document.createElement('span');
    probe.style.color = `var(${name})`;
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }, variable);
}

/** WCAG's contrast ratio of two opaque colours as `getComputedStyle` writes them. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Every colour that tells a domain apart, and the focus bars, as this theme paints them: opaque (a
 * translucent theme colour fades into the page) and at least 3:1 against the editor, WCAG's minimum for
 * graphics a reader must see.
 */
async function assertReadableColours(view: Frame, theme: string): Promise<void> {
  const background = await themeColour(view, '--vscode-editor-background');
  const colours: [string, string][] = await Promise.all(SERIES.map(async (name) => [name, await themeColour(view, `--vscode-charts-${name}`)] as [string, string]));
  colours.push(['focus bars', await painted(view, '#focus .sw-mark')]);
  for (const [name, colour] of colours) {
    assert.doesNotMatch(colour, /rgba|\/ /, `${theme}: ${name} is translucent (${colour})`);
    assert.ok(contrast(colour, background) >= 3, `${theme}: ${name} ${colour} on ${background} has contrast ${contrast(colour, background).toFixed(2)}`);
  }
}

/** A mark's fill once the page's styles are applied to it (what a user sees), not before. */
async function painted(view: Frame, selector: string): Promise<string> {
  const handle = await view.waitForFunction((sel) => {
    const mark = document.querySelector(sel);
    const fill = mark ? getComputedStyle(mark).fill : '';
    return fill !== '' && fill !== 'none' ? fill : false;
  }, selector);
  return (await handle.jsonValue()) as string;
}

/** The Progress tab in a real VS Code: opened from the palette and the sidebar, live and themed. */
describe('Progress tab (real VS Code)', function () {
  this.timeout(240_000);
  let bench: Workbench;
  /** What the tab should show for the imported history (three months, every domain). */
  let expected: ProgressSnapshot;
  const row = (domain: string) => {
    const r = expected.summary.find((x) => x.domainName === domain);
    const number = (n: number) => new Intl.NumberFormat('en').format(n);
    return r ? [r.domainName, String(r.firstRating ?? '—'), String(r.latestRating ?? '—'), number(r.sessions), number(r.wins), number(r.minutes)] : [];
  };

  before(async function () {
    bench = await Workbench.launch({ colorTheme: 'Default Light Modern' });
    // Twelve weeks of history, imported as a user would bring it from another machine.
    const now = Date.now();
    const history = progressJournal(now);
    expected = buildProgressSnapshot(history, now, { range: '3m', hidden: new Set() });
    fs.writeFileSync(path.join(bench.workspace, 'history.json'), exportJournal(history, now));
    await runCommand(bench.page, 'Small Wins: Import Data');
    await chooseFile(bench.page, 'Import Small Wins journal', 'history.json', 'open');
    await notification(bench.page, /Imported 2 domains, 60 sessions/).waitFor();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await bench?.screenshot(`progress ${this.currentTest.title}`);
  });

  after(async function () {
    await bench?.close();
  });

  it('opens from the palette as one editor tab, with every chart and the numbers per domain', async () => {
    await runCommand(bench.page, 'Small Wins: Show Progress');
    await tabs(bench.page).first().waitFor();
    const view = await progressView(bench.page);
    for (const chart of ['belief', 'calendar', 'focus', 'causes', 'calibration', 'brier']) await view.locator(`#${chart} svg`).waitFor();
    assert.deepEqual(await summaryRow(view, 'parser tests'), row('parser tests'));
    assert.deepEqual(await summaryRow(view, 'SQL tuning'), row('SQL tuning'));
    assert.equal(await view.locator('body').evaluate((b) => b.classList.contains('vscode-light')), true);
    await runCommand(bench.page, 'Small Wins: Show Progress');
    await progressView(bench.page);
    assert.equal(await tabs(bench.page).count(), 1, 'the command reveals the open tab rather than opening another');
    fs.mkdirSync(RESULTS, { recursive: true });
    await quickInput(bench.page).waitFor({ state: 'hidden' });
    await bench.page.screenshot({ path: path.join(RESULTS, 'progress-light.png') });
    await view.locator('#focus').scrollIntoViewIfNeeded();
    await bench.page.screenshot({ path: path.join(RESULTS, 'progress-light-lower.png') });
  });

  it('opens from the sidebar dashboard’s button', async () => {
    await runCommand(bench.page, 'View: Close All Editors');
    await tabs(bench.page).first().waitFor({ state: 'detached' });
    const dashboard = await openDashboard(bench.page);
    await dashboard.locator('#show-progress').click();
    await tabs(bench.page).first().waitFor();
    const view = await progressView(bench.page);
    await view.locator('#belief svg').waitFor();
    assert.equal(await tabs(bench.page).count(), 1);
  });

  it('shows a win logged from the palette at once, in the calendar and the table', async () => {
    const page = bench.page;
    const dashboard = await dashboardView(page);
    // The form offers the domain used last, with its choices folded; the user opens them to pick another.
    assert.equal(await dashboard.locator('#start-choices').evaluate((d) => (d as HTMLDetailsElement).open), false);
    await dashboard.locator('#start-choices-summary').click();
    await dashboard.locator('#start-domain').selectOption({ label: 'parser tests' });
    await dashboard.locator('#start-goal input').fill('Cover the number rule');
    await dashboard.locator('.start-form input[type=range]').first().fill('8');
    await dashboard.locator('#start-planned').selectOption('0');
    await dashboard.locator('#start-submit').click();
    await dashboard.locator('#session-heading').waitFor();

    let view = await progressView(page);
    const today = view.locator('#calendar .sw-mark').last();
    assert.match((await today.getAttribute('aria-label')) ?? '', /: no wins$/);
    await runCommand(page, 'Small Wins: Log a Win');
    await expectPrompt(page, 'Type a micro-win');
    // A click in the dashboard moves focus away from the prompt, as the palette's closing does when it
    // hands focus back to a webview just as the command's prompt opens: the prompt stays.
    await dashboard.locator('#session-heading').click();
    await type(page, 'Type a micro-win', 'Drew the progress tab');
    view = await progressView(page);
    await view.waitForFunction(() => /: 1 win$/.test(document.querySelector('#calendar .sw-mark:last-of-type')?.getAttribute('aria-label') ?? ''));
    const [name, first, latest, sessions, wins] = row('parser tests');
    const more = (n: string | undefined) => String(Number(n) + 1);
    await view.waitForFunction((w) => [...document.querySelectorAll('#summary tbody tr')].some((r) => r.children[0]?.textContent === 'parser tests' && r.children[4]?.textContent === w), more(wins));
    assert.deepEqual((await summaryRow(view, 'parser tests')).slice(0, 5), [name, first, latest, more(sessions), more(wins)]);
  });

  it('follows a theme change, and stays readable in light and dark (screenshots)', async () => {
    const page = bench.page;
    let view = await progressView(page);
    const mark = '#belief .sw-mark[aria-label^="parser tests"]';
    const dot = () => view.locator(mark).first();
    const light = { dot: await painted(view, mark), text: await view.locator('body').evaluate((b) => getComputedStyle(b).color) };
    await assertReadableColours(view, 'Light Modern');
    assert.equal(light.dot, await themeColour(view, '--vscode-charts-blue'));
    await runAndPick(page, 'Preferences: Color Theme', 'Select Color Theme', 'Dark Modern');
    view = await progressView(page);
    await view.locator('body.vscode-dark').waitFor();
    const dark = { dot: await painted(view, mark), text: await view.locator('body').evaluate((b) => getComputedStyle(b).color) };
    assert.equal(dark.dot, await themeColour(view, '--vscode-charts-blue'));
    await assertReadableColours(view, 'Dark Modern');
    assert.notEqual(dark.dot, light.dot);
    assert.notEqual(dark.text, light.text);
    await view.locator('#belief').scrollIntoViewIfNeeded();
    await dot().hover();
    await view.locator('#belief .plot-tip').waitFor({ state: 'visible' });
    await quickInput(page).waitFor({ state: 'hidden' });
    await page.screenshot({ path: path.join(RESULTS, 'progress-dark.png') });
    await view.locator('#calendar').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(RESULTS, 'progress-dark-calendar.png') });
    await view.locator('#calibration').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(RESULTS, 'progress-dark-lower.png') });
  });

  it('stays readable in dark and light high contrast: theme colours, contrast borders (screenshots)', async () => {
    const page = bench.page;
    for (const theme of [
      { name: 'Dark High Contrast', body: 'body.vscode-high-contrast:not(.vscode-high-contrast-light)', file: 'progress-hc-dark.png' },
      { name: 'Light High Contrast', body: 'body.vscode-high-contrast-light', file: 'progress-hc-light.png' },
    ]) {
      await runAndPick(page, 'Preferences: Color Theme', 'Select Color Theme', theme.name);
      const view = await progressView(page);
      await view.locator(theme.body).waitFor();
      assert.equal(await painted(view, '#belief .sw-mark[aria-label^="parser tests"]'), await themeColour(view, '--vscode-charts-blue'), theme.name);
      await assertReadableColours(view, theme.name);
      const border = await themeColour(view, '--vscode-contrastBorder');
      const cell = await view.locator('#calendar .sw-mark').first().evaluate((m) => getComputedStyle(m).stroke);
      assert.equal(cell, border, `${theme.name}: calendar days are outlined in the contrast border`);
      assert.equal(await view.locator('body').evaluate((b) => getComputedStyle(b).color), await themeColour(view, '--vscode-foreground'));
      await quickInput(page).waitFor({ state: 'hidden' });
      await view.locator('#belief').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(RESULTS, theme.file) });
      await view.locator('#calendar').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(RESULTS, theme.file.replace('.png', '-calendar.png')) });
      await view.locator('#calibration').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(RESULTS, theme.file.replace('.png', '-lower.png')) });
    }
  });

  it('reopens after a reload with the range it showed, kept in the workspace', async () => {
    const page = bench.page;
    let view = await progressView(page);
    await view.getByLabel('Time range').selectOption({ label: '4 weeks' });
    await waitForWorkspaceStored(page, '"progressRange":"4w"');
    // As a user reloads: through VS Code's lifecycle, which saves the open editors before the page goes.
    const reloaded = page.waitForEvent('load', { timeout: 90_000 });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    await tabs(page).first().waitFor({ timeout: 90_000 });
    view = await progressView(page);
    assert.equal(await view.getByLabel('Time range').inputValue(), '4w');
    await view.locator('#belief svg').waitFor();
    assert.equal(await tabs(page).count(), 1);
  });
});
