import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../harness/browser';
import { loadDashboard, sendHostMessage } from '../harness/dashboardPage';
import { buildSnapshot } from '../../src/host/dashboard/snapshot';
import { DEFAULT_SETTINGS } from '../../src/host/platform/settings';
import { addDomain } from '../../src/core/records/journal';
import { logWin, newSubgoal, startSession, updateRunning } from '../../src/core/practices/session';
import { fiveYearJournal } from '../bench/fiveYearJournal';
import { emptyJournal } from '../../src/core/records/schema';

const ROOT = process.cwd();
const MARK = '‹›';

/**
 * The dashboard's own words come from the translations the host puts in the page. With a
 * pseudo-translation of every message (each ends with a mark), every heading, label and button must
 * carry the mark: a string that skipped translation shows at once. Plain Chromium with the built
 * bundle, as the webview loads it.
 */
describe('the dashboard in the display language', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser.close();
  });

  it('shows every heading, label and button translated', async () => {
    const now = Date.now();
    const { journal, domain } = addDomain(fiveYearJournal(now, { years: 1 }), 'parser tests', now);
    const running = startSession(journal, { domainId: domain.id, workspace: 'w', subgoals: [newSubgoal('Cover the number rule', 8, now)], plannedMinutes: 25 }, now).journal;
    const snapshot = buildSnapshot(running, now, DEFAULT_SETTINGS, {});
    const template = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
    const pseudo = Object.fromEntries(Object.keys(template).map((m) => [m, `${m}${MARK}`]));
    const page = await browser.newPage({ viewport: { width: 400, height: 1200 } });
    await loadDashboard(page, { repo: ROOT, translations: pseudo });
    await sendHostMessage(page, { type: 'snapshot', snapshot });
    await page.locator('#session-heading').waitFor();
    // The session heading is the domain's name: the user's words, not the dashboard's.
    const texts = await page.$$eval('h2:not(#session-heading), h3, legend, summary, vscode-button, vscode-label, label, th, .chart-summary, [aria-label]', (elements) =>
      elements.map((e) => ({ tag: e.tagName.toLowerCase(), text: (e.textContent ?? '').trim(), label: e.getAttribute('aria-label') ?? '' })),
    );
    const shown = texts.flatMap((e) => [e.text, e.label].filter((s) => /[A-Za-z]{2}/.test(s)).map((s) => `${e.tag}: ${s}`));
    assert.ok(shown.length > 20, `${shown.length} texts`);
    assert.deepEqual(shown.filter((s) => !s.endsWith(MARK)), [], 'untranslated');
    await page.close();
  });

  for (const language of ['de', 'fr', 'es', 'pt-br', 'ja', 'zh-cn']) {
    it(`renders in ${language} with no English left in headings, labels and buttons`, async () => {
      const now = Date.now();
      const { journal, domain } = addDomain(fiveYearJournal(now, { years: 1 }), 'parser tests', now);
      const running = startSession(journal, { domainId: domain.id, workspace: 'w', subgoals: [newSubgoal('Cover the number rule', 8, now)], plannedMinutes: 25 }, now).journal;
      const snapshot = buildSnapshot(running, now, DEFAULT_SETTINGS, {});
      const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', `bundle.l10n.${language}.json`), 'utf8')) as Record<string, string>;
      // English messages whose translation differs: shown as they are, they would be English left over.
      const english = new Set(Object.entries(bundle).filter(([message, translated]) => message !== translated && !message.includes('{')).map(([message]) => message));
      const page = await browser.newPage({ viewport: { width: 400, height: 1200 } });
      await loadDashboard(page, { repo: ROOT, translations: bundle, language });
      await sendHostMessage(page, { type: 'snapshot', snapshot });
      await page.locator('#session-heading').waitFor();
      const texts = await page.$$eval('h2:not(#session-heading), h3, legend, summary, vscode-button, vscode-label, label, th, option, [aria-label]', (elements) =>
        elements.flatMap((e) => [(e.textContent ?? '').trim(), e.getAttribute('aria-label') ?? ''].filter(Boolean)),
      );
      assert.ok(texts.length > 20, `${texts.length} texts`);
      assert.deepEqual(texts.filter((text) => english.has(text)), [], `English left in ${language}`);
      await page.close();
    });
  }

  it('writes times in the display language the host puts in <html lang>, not the browser’s', async () => {
    const evening = new Date();
    evening.setHours(20, 28, 0, 0);
    const at = evening.getTime();
    const { journal, domain } = addDomain(emptyJournal(), 'parser tests', at - 60_000);
    const started = startSession(journal, { domainId: domain.id, workspace: 'w', subgoals: [] }, at - 60_000);
    const withWin = updateRunning(started.journal, started.session.id, (s) => logWin(s, { text: 'Found the bug' }, at).session);
    const snapshot = buildSnapshot(withWin, at + 60_000, DEFAULT_SETTINGS, {});
    const times: Record<string, string> = {};
    for (const language of ['de', 'en-US']) {
      const page = await browser.newPage({ viewport: { width: 400, height: 1200 } });
      await loadDashboard(page, { repo: ROOT, language });
      await sendHostMessage(page, { type: 'snapshot', snapshot });
      times[language] = (await page.locator('#today-wins li').first().textContent()) ?? '';
      await page.close();
    }
    assert.match(times['de'] ?? '', /^20:28 · parser tests · Found the bug$/);
    assert.match(times['en-US'] ?? '', /^08:28\sPM · parser tests · Found the bug$/);
  });

  it('joins a list in the language of the sentence around it', async () => {
    const now = Date.now();
    const snapshot = buildSnapshot(addDomain(emptyJournal(), 'parser tests', now).journal, now, DEFAULT_SETTINGS, {});
    snapshot.due.reassess = ['parser tests', 'code review', 'release notes'];
    const reassess = async (o: { language: string; translations?: Record<string, string> }) => {
      const page = await browser.newPage({ viewport: { width: 400, height: 1200 } });
      await loadDashboard(page, { repo: ROOT, ...o });
      await sendHostMessage(page, { type: 'snapshot', snapshot });
      const text = (await page.locator('#due-prompts li').first().textContent()) ?? '';
      await page.close();
      return text;
    };
    const german = { 'Time to reassess: {0}. ': 'Zeit für eine neue Einschätzung: {0}. ', Rate: 'Einschätzen' };
    assert.equal(await reassess({ language: 'de', translations: german }), 'Zeit für eine neue Einschätzung: parser tests, code review und release notes. Einschätzen');
    // A display language with no translation: the sentence is English, and so is its list.
    assert.equal(await reassess({ language: 'de' }), 'Time to reassess: parser tests, code review, and release notes. Rate');
  });
});
