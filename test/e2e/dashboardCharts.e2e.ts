import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Snapshot } from '../../src/shared/protocol';
import { launchChromium } from '../harness/browser';
import { loadDashboard, sendHostMessage } from '../harness/dashboardPage';
import { buildSnapshot } from '../../src/host/dashboard/snapshot';
import { DEFAULT_SETTINGS } from '../../src/host/platform/settings';
import { fiveYearJournal } from '../bench/fiveYearJournal';
import { RESULTS } from './workbench';

const ROOT = process.cwd();

/**
 * The sidebar draws the Progress tab's figures (src/webview/figures) from the same model, at its own
 * width: plain Chromium with the built bundles, a year of a heavy user's history as the host sends it.
 */
describe('the dashboard charts', () => {
  let browser: Browser;
  let snapshot: Snapshot;
  before(async () => {
    browser = await launchChromium();
    const now = Date.now();
    const journal = fiveYearJournal(now, { years: 1 });
    // Every third win done with AI help, which the sidebar's own calendar used to leave out.
    journal.sessions = journal.sessions.map((s) => ({ ...s, wins: s.wins.map((w, i) => (i % 3 === 0 ? { ...w, by: 'assisted' as const } : w)) }));
    snapshot = buildSnapshot(journal, now, DEFAULT_SETTINGS, {});
  });
  after(async () => {
    await browser.close();
  });

  async function open(figures = true): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 320, height: 1200 } });
    await loadDashboard(page, { repo: ROOT, figures });
    return page;
  }

  it("draws the Progress tab's figures at the sidebar's width, wins with AI help on its calendar too", async () => {
    const page = await open();
    await sendHostMessage(page, { type: 'snapshot', snapshot });
    const charts = page.locator('#figures section.chart');
    await page.locator('#figures #brier').waitFor();
    assert.deepEqual(await charts.evaluateAll((nodes) => nodes.map((n) => n.id)), ['belief', 'calendar', 'causes', 'calibration', 'brier']);
    assert.equal(await page.locator('#figures section.chart > h3').count(), 5, 'a level under the sidebar’s "Progress"');
    const widths = await page.locator('#figures svg.sw-plot').evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().right));
    assert.equal(widths.length, 5);
    for (const right of widths) assert.ok(right <= 320, `a chart fits the view: ${right}`);
    const assisted = snapshot.figures.calendar.days.filter((d) => d.assisted > 0);
    assert.ok(assisted.length > 0, 'the history has wins with AI help in the last three months');
    const labels = await page.locator('#calendar .sw-mark').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''));
    assert.equal(labels.length, snapshot.figures.calendar.days.length, 'a cell per day');
    assert.equal(labels.filter((l) => l.includes('with AI help')).length, assisted.length);
    assert.equal(await page.locator('#belief .sw-mark').count(), snapshot.figures.belief.reduce((n, b) => n + b.points.length, 0));
    for (const id of ['belief', 'calendar', 'calibration']) await page.locator(`#figures #${id}`).screenshot({ path: path.join(RESULTS, `sidebar-figure-${id}.png`) });
    await page.close();
  });

  it('shows the start form before the charts’ script has come, and says they are loading', async () => {
    const page = await open(false);
    await sendHostMessage(page, { type: 'snapshot', snapshot });
    await page.locator('#start-heading').waitFor();
    assert.equal(await page.locator('#figures').textContent(), 'Loading…');
    await page.addScriptTag({ content: fs.readFileSync(path.join(ROOT, 'dist', 'webview', 'figures.js'), 'utf8') });
    await page.locator('#figures #calendar').waitFor();
    await page.close();
  });

  it('says so when the charts’ script cannot be loaded, and points to the Progress tab', async () => {
    const page = await open(false);
    // Where the view would find figures.js: an address nothing answers.
    await page.evaluate(() => {
      const place = Object.assign(document.createElement('div'), { id: 'figures-script', hidden: true });
      place.dataset['src'] = 'http://127.0.0.1:9/figures.js';
      document.body.append(place);
    });
    await sendHostMessage(page, { type: 'snapshot', snapshot });
    await page.locator('#figures-error').waitFor();
    assert.match((await page.locator('#figures-error').textContent()) ?? '', /Show progress draws them in a tab/);
    await sendHostMessage(page, { type: 'snapshot', snapshot });
    await page.locator('#start-heading').waitFor();
    assert.equal(await page.locator('#figures-error').count(), 1, 'the next snapshot keeps saying so');
    await page.close();
  });

  it('shows the host’s message when it could not build a first snapshot, then the dashboard when one comes', async () => {
    const page = await open();
    const text = 'Small Wins could not read your history (EIO: i/o error). Close this view and open it again to try once more.';
    await sendHostMessage(page, { type: 'error', text });
    assert.equal(await page.locator('#feedback p.error').textContent(), text);
    assert.equal(await page.locator('main').getAttribute('aria-busy'), 'false');
    await sendHostMessage(page, { type: 'snapshot', snapshot });
    await page.locator('#show-progress').waitFor();
    assert.equal(await page.locator('#feedback p.error').textContent(), text, 'the message stays until dismissed');
    await page.close();
  });
});
