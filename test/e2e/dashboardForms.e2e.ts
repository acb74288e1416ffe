import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RESULTS } from './workbench';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../harness/browser';
import { loadDashboard, sendHostMessage, takePosted } from '../harness/dashboardPage';
import { buildSnapshot } from '../../src/host/dashboard/snapshot';
import { DEFAULT_SETTINGS } from '../../src/host/platform/settings';
import { emptyJournal } from '../../src/core/records/schema';
import { addDomain } from '../../src/core/records/journal';
import { activeSession, logWin, newSubgoal, startSession, updateRunning } from '../../src/core/practices/session';

/** The sidebar's forms as snapshots change under them (plain Chromium with the built bundle). */
describe('the dashboard forms follow the record', () => {
  let browser: Browser;
  let page: Page;
  const now = Date.now();
  before(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 400, height: 1200 } });
    await loadDashboard(page, { repo: process.cwd() });
  });
  after(async () => {
    await browser.close();
  });

  it('offers the first domain to start in once there is one, when the dashboard was open before it was made', async () => {
    const empty = emptyJournal();
    await sendHostMessage(page, { type: 'snapshot', snapshot: buildSnapshot(empty, now, DEFAULT_SETTINGS, {}) });
    const domain = page.locator('#start-domain');
    await page.waitForFunction(() => document.querySelector<HTMLSelectElement>('#start-domain')?.value === '__new__');
    const { journal, domain: made } = addDomain(empty, 'parser tests', now);
    await sendHostMessage(page, { type: 'snapshot', snapshot: buildSnapshot(journal, now, DEFAULT_SETTINGS, {}) });
    await page.waitForFunction((id) => document.querySelector<HTMLSelectElement>('#start-domain')?.value === id, made.id);
    assert.equal(await domain.locator('option:checked').textContent(), 'parser tests');
    assert.equal(await page.locator('#start-new-domain').isVisible(), false, 'no name to type for an existing domain');
  });

  it('shows "Wins this session" with the first win, not over an empty list', async () => {
    const { journal: withDomain, domain } = addDomain(emptyJournal(), 'parser tests', now);
    const started = startSession(withDomain, { domainId: domain.id, workspace: 'demo', subgoals: [newSubgoal('Lex the numbers', 8, now)] }, now).journal;
    await sendHostMessage(page, { type: 'snapshot', snapshot: buildSnapshot(started, now, DEFAULT_SETTINGS, {}) });
    const heading = page.locator('#session-wins-heading');
    await page.locator('#session-heading').waitFor();
    assert.equal(await heading.isVisible(), false);
    const session = activeSession(started);
    assert.ok(session);
    const won = updateRunning(started, session.id, (s) => logWin(s, { text: 'Lexed the ints' }, now + 1000).session);
    await sendHostMessage(page, { type: 'snapshot', snapshot: buildSnapshot(won, now + 1000, DEFAULT_SETTINGS, {}) });
    await heading.waitFor();
    assert.equal(await page.locator('#session-wins li').count(), 1);
  });

  it('offers the last quarter’s review in the first session of a quarter: one line, and a keyboard-reachable link that asks for it', async () => {
    const { journal: withDomain, domain } = addDomain(emptyJournal(), 'parser tests', now);
    const started = startSession(withDomain, { domainId: domain.id, workspace: 'demo', subgoals: [newSubgoal('Lex the numbers', 8, now)] }, now).journal;
    const snapshot = buildSnapshot(started, now, DEFAULT_SETTINGS, {});
    assert.ok(snapshot.session);
    await sendHostMessage(page, { type: 'snapshot', snapshot });
    await page.locator('#session-heading').waitFor();
    assert.equal(await page.locator('#quarter-review').isVisible(), false, 'not without the moment');
    await sendHostMessage(page, { type: 'snapshot', snapshot: { ...snapshot, session: { ...snapshot.session, quarterReview: true } } });
    await page.locator('#quarter-review').waitFor();
    assert.equal((await page.locator('#quarter-review').textContent())?.trim(), 'Your quarter in review · Write it');
    fs.mkdirSync(RESULTS, { recursive: true });
    await page.locator('#quarter-review').screenshot({ path: path.join(RESULTS, 'dashboard-quarter-line.png') });
    await takePosted(page);
    await page.locator('#quarter-review-write').focus();
    await page.keyboard.press('Enter');
    assert.deepEqual((await takePosted(page)).filter((m) => (m as { type: string }).type === 'writeReview'), [{ type: 'writeReview', period: 'lastQuarter' }]);
  });

  it('clears a subgoal problem when the field is submitted again with Enter, as the button does', async () => {
    const { journal: withDomain, domain } = addDomain(emptyJournal(), 'parser tests', now);
    const started = startSession(withDomain, { domainId: domain.id, workspace: 'demo', subgoals: [newSubgoal('Lex the numbers', 8, now)] }, now).journal;
    await sendHostMessage(page, { type: 'snapshot', snapshot: buildSnapshot(started, now, DEFAULT_SETTINGS, {}) });
    await page.locator('#session-heading').waitFor();
    const details = page.locator('.add-goal');
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await page.locator('.add-goal summary').click();
    const field = page.locator('#subgoal-text input');
    await field.fill('   ');
    await field.press('Enter');
    await page.locator('#subgoal-error').waitFor();
    await field.fill('Index the table');
    await field.press('Enter');
    await page.locator('#subgoal-error').waitFor({ state: 'hidden' });
    assert.equal(await page.locator('#subgoal-error').textContent(), '');
  });
});
