import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { chooseFile, expectPrompt, notification, openDashboard, pick, quickInput, RESULTS, runAndPick, runCommand, webviewShowing, Workbench } from './workbench';
import { yearJournal } from '../harness/yearJournal';
import { exportJournal } from '../../src/core/records/transfer';
import { reviewFacts } from '../../src/core/accomplishments/facts';
import { periodDates, periodOf } from '../../src/core/accomplishments/period';
import { fixedRangeStart } from '../../src/core/figures/progress';
import { localDate, spokenDuration } from '../../src/core/time';
import { ROW_COLUMNS } from '../../src/core/accomplishments/rows';
import type { Journal } from '../../src/core/records/schema';

/** The untitled document the review opened, saved where the user chooses with Save As, read back whole. */
async function saveReview(bench: Workbench, name: string): Promise<string> {
  const page = bench.page;
  await page.locator('.tab.active', { hasText: /Untitled-\d/ }).waitFor();
  await page.locator('.statusbar-item', { hasText: 'Markdown' }).first().waitFor();
  await page.keyboard.press('Control+S');
  await chooseFile(page, 'Save As', name, 'save');
  const file = path.join(bench.workspace, name);
  await page.locator('.tab.active', { hasText: name }).waitFor();
  return fs.readFileSync(file, 'utf8');
}

/** The "At a glance" row of a domain: can-do, sessions, focused, outcomes, wins. */
function glanceRow(doc: string, domain: string): string[] {
  const line = doc.split('\n').find((l) => l.startsWith(`| ${domain} |`)) ?? '';
  return line.split(' | ').slice(1).map((c) => c.replace(/\s*\|$/, ''));
}

async function acceptIncluded(page: Page): Promise<void> {
  await expectPrompt(page, 'What goes into the review');
  await quickInput(page).locator('input').press('Enter');
}

/** Write My Review in a real VS Code: from the palette and the Progress tab, and the CSV export. */
describe('Write My Review (real VS Code)', function () {
  this.timeout(300_000);
  let bench: Workbench;
  const now = Date.now();
  let history: Journal;

  before(async function () {
    bench = await Workbench.launch();
    history = yearJournal(now);
    fs.writeFileSync(path.join(bench.workspace, 'history.json'), exportJournal(history, now));
    await runCommand(bench.page, 'Small Wins: Import Data');
    await chooseFile(bench.page, 'Import Small Wins journal', 'history.json', 'open');
    await notification(bench.page, /Imported 3 domains/).waitFor();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await bench?.screenshot(`review ${this.currentTest.title}`);
  });

  after(async function () {
    await bench?.close();
  });

  it('writes the last quarter from the palette as a Markdown document with its headings and numbers', async () => {
    const page = bench.page;
    const period = periodOf('lastQuarter', now);
    await runAndPick(page, 'Small Wins: Write My Review', 'Which period should the review cover?', 'Last quarter');
    await acceptIncluded(page);
    await page.locator('.tab.active', { hasText: /Untitled-\d/ }).waitFor();
    fs.mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS, 'review-document.png') });
    const doc = await saveReview(bench, 'quarter.md');
    assert.match(doc, new RegExp(`^# My review: ${periodDates(period)}\\n`));
    for (const heading of ['## At a glance', '## Notable accomplishments', '## Setbacks and what changed', '## In numbers']) assert.ok(doc.includes(`\n${heading}\n`), heading);
    const facts = reviewFacts(history, { period, assisted: true, assistant: false }, now);
    assert.ok(facts.domains.length >= 2);
    for (const d of facts.domains) {
      const [, sessions, focused, outcomes, wins] = glanceRow(doc, d.name);
      assert.equal(Number(sessions), d.sessions, `${d.name}: sessions`);
      assert.equal(focused, spokenDuration(d.focusMs), `${d.name}: focused`);
      assert.equal(outcomes, `${d.met} / ${d.partly} / ${d.missed}`, `${d.name}: outcomes`);
      assert.equal(wins, `${d.wins.mine} yours, ${d.wins.assisted} with AI help`, `${d.name}: wins`);
    }
    assert.match(doc, /Wins with AI help: listed, marked as such\. The assistant's own wins: not listed\./);
    await runCommand(page, 'View: Close All Editors');
  });

  it('writes the Progress tab’s range and domains from its button', async () => {
    const page = bench.page;
    await runCommand(page, 'Small Wins: Show Progress');
    const view = await webviewShowing(page, 'main[aria-busy="false"] #progress-write-review');
    // Only parser tests: the review covers what the tab shows.
    for (const other of ['SQL tuning', 'Rust lifetimes']) await view.locator('.domain-choice', { hasText: other }).locator('input').uncheck();
    await page.screenshot({ path: path.join(RESULTS, 'progress-write-review.png') });
    await view.locator('#progress-write-review').click();
    await acceptIncluded(page);
    const doc = await saveReview(bench, 'progress.md');
    const from = fixedRangeStart('3m', now);
    assert.match(doc, new RegExp(`^# My review: ${localDate(from)} – ${localDate(now)}\\n`));
    assert.ok(glanceRow(doc, 'parser tests').length === 5, 'parser tests is listed');
    assert.equal(glanceRow(doc, 'SQL tuning').length, 0, 'a domain the tab hides is not');
    await page.screenshot({ path: path.join(RESULTS, 'review-from-progress.png') });
    await runCommand(page, 'View: Close All Editors');
  });

  it('exports subgoals and wins as a CSV that a CSV parser reads row for row', async () => {
    const page = bench.page;
    await runAndPick(page, 'Small Wins: Export Data', 'What to export', 'Subgoals and wins (CSV)');
    await chooseFile(page, 'Export subgoals and wins', 'rows.csv', 'save');
    await notification(page, 'Exported your journal').waitFor();
    const rows = parse<Record<string, string>>(fs.readFileSync(path.join(bench.workspace, 'rows.csv'), 'utf8'), { columns: true });
    const expected = history.sessions.reduce((n, s) => n + s.subgoals.length + s.wins.length, 0);
    assert.equal(rows.length, expected);
    assert.deepEqual(Object.keys(rows[0] ?? {}), [...ROW_COLUMNS]);
    assert.equal(rows.filter((r) => r['kind'] === 'win' && r['author'] === 'assisted').length, history.sessions.reduce((n, s) => n + s.wins.filter((w) => w.by === 'assisted').length, 0));
  });

  it('opens from the sidebar’s Progress section', async () => {
    const page = bench.page;
    const dashboard = await openDashboard(page);
    await dashboard.locator('#write-review').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(RESULTS, 'dashboard-write-review.png') });
    await dashboard.locator('#write-review').click();
    await pick(page, 'Which period should the review cover?', 'Last month');
    await acceptIncluded(page);
    const doc = await saveReview(bench, 'month.md');
    assert.match(doc, new RegExp(`^# My review: ${periodDates(periodOf('lastMonth', now))}\\n`));
  });
});
