import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../harness/browser';
import { loadProgress, probe, sendHostMessage, sendSnapshot, setTheme } from '../harness/progressPage';
import { buildProgressSnapshot } from '../../src/host/progress/progressSnapshot';
import { progressJournal } from '../harness/progressJournal';
import type { ProgressSnapshot } from '../../src/shared/progressProtocol';
import { spokenDuration } from '../../src/core/time';

const ROOT = process.cwd();
const RESULTS = path.join(ROOT, 'test-results');
const MARK = '‹›';
/** Friday 20 November 2026, afternoon. */
const NOW = new Date(2026, 10, 20, 15).getTime();

const dateText = (at: number) => new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric' }).format(at);
const numberText = (n: number) => new Intl.NumberFormat('en').format(n);
const monthText = (at: number) => new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short' }).format(at);

async function tableRows(page: Page, chart: string): Promise<string[][]> {
  return page.$$eval(`#${chart} table tbody tr`, (rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())));
}

async function markLabels(page: Page, chart: string): Promise<string[]> {
  return page.$$eval(`#${chart} .sw-mark`, (marks) => marks.map((m) => m.getAttribute('aria-label') ?? ''));
}

/**
 * The built Progress tab in plain Chromium, under the page and Content-Security-Policy the panel
 * writes, fed a snapshot the host would build: what it draws, says and lets the user do.
 */
describe('the Progress tab (built bundle, Chromium)', function () {
  this.timeout(60_000);
  let browser: Browser;
  let snapshot: ProgressSnapshot;

  before(async () => {
    browser = await launchChromium();
    snapshot = buildProgressSnapshot(progressJournal(NOW), NOW, { range: '3m', hidden: new Set() });
  });
  after(async () => {
    await browser.close();
  });

  async function open(o: { translations?: Record<string, string>; theme?: 'light' | 'dark' } = {}): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await loadProgress(page, { repo: ROOT, ...o });
    await sendSnapshot(page, snapshot);
    await page.locator('#brier svg').waitFor();
    return page;
  }

  it('draws every chart under the panel’s CSP, without one violation', async () => {
    const page = await open();
    for (const chart of ['belief', 'calendar', 'focus', 'causes', 'calibration', 'brier']) assert.equal(await page.locator(`#${chart} svg`).count(), 1, chart);
    assert.deepEqual((await probe(page)).violations, []);
    assert.equal(await page.locator('style').count(), 0, 'Plot’s own <style> elements are not attached');
    assert.deepEqual(await page.$eval('.sw-plot', (svg) => [getComputedStyle(svg).display, getComputedStyle(svg).maxWidth]), ['block', '100%'], 'progress.css carries Plot’s rules');
    // The probe does see violations: an inline <style> is refused by this CSP.
    await page.evaluate(() => document.head.append(Object.assign(document.createElement('style'), { textContent: 'body { color: red }' })));
    await page.waitForFunction(() => (window as unknown as { probe: { violations: string[] } }).probe.violations.length > 0);
    assert.match((await probe(page)).violations[0] ?? '', /^style-src/);
    await page.close();
  });

  it('labels the axes: 0–100 for belief with a legend, months and weekdays on the calendar', async () => {
    const page = await open();
    const texts = (chart: string) => page.$$eval(`#${chart} svg text`, (nodes) => nodes.map((n) => (n.textContent ?? '').trim()));
    const belief = await texts('belief');
    for (const tick of ['0', '25', '50', '75', '100']) assert.ok(belief.includes(tick), `belief tick ${tick}`);
    assert.ok(belief.some((s) => s.includes('Can-do rating (0–100)')), 'y axis label');
    assert.ok(belief.some((s) => s.includes('Date')), 'x axis label');
    assert.deepEqual(await page.$$eval('#belief .legend li', (items) => items.map((i) => i.textContent)), ['parser tests', 'SQL tuning']);
    // Each legend square, and each domain's tick box, in the colour of that domain's line.
    const colours = await page.evaluate(() =>
      ['parser tests', 'SQL tuning'].map((name) => ({
        line: getComputedStyle(document.querySelector(`#belief .sw-mark[aria-label^="${name}"]`) as Element).fill,
        legend: getComputedStyle([...document.querySelectorAll('#belief .legend li')].find((li) => li.textContent === name)?.querySelector('.swatch') as Element).backgroundColor,
        filter: getComputedStyle([...document.querySelectorAll('label.domain-choice')].find((l) => l.textContent === name)?.querySelector('.swatch') as Element).backgroundColor,
      })),
    );
    for (const c of colours) assert.ok(c.line === c.legend && c.line === c.filter && c.line !== 'rgba(0, 0, 0, 0)', JSON.stringify(colours));
    assert.notEqual(colours[0]?.line, colours[1]?.line);
    const calendar = await texts('calendar');
    for (const month of ['Sep', 'Oct', 'Nov']) assert.ok(calendar.includes(month), `calendar month ${month}: ${calendar.join(' ')}`);
    for (const weekday of ['Mon', 'Wed', 'Fri']) assert.ok(calendar.includes(weekday), `calendar weekday ${weekday}`);
    const calibration = await texts('calibration');
    assert.ok(calibration.some((s) => s.includes('Confidence you gave (0–10)')));
    assert.ok(calibration.some((s) => s.includes('Goals met (%)')));
    assert.ok((await texts('brier')).some((s) => s.includes('Brier score (0 is perfect)')));
    assert.ok((await texts('focus')).some((s) => s.includes('Focused minutes')));
    assert.ok((await texts('causes')).some((s) => s.includes('Own and controllable (%)')));
    await page.close();
  });

  it('states in its tables and marks the same numbers as the snapshot', async () => {
    const page = await open();
    const name = (id: string) => snapshot.domains.find((d) => d.id === id)?.name ?? '';
    const order = (id: string) => snapshot.domains.findIndex((d) => d.id === id);
    const points = [...snapshot.belief].sort((a, b) => order(a.domainId) - order(b.domainId)).flatMap((b) => b.points.map((p) => ({ ...p, name: name(b.domainId) })));
    assert.ok(points.length >= 10, `${points.length} ratings`);
    assert.deepEqual(await tableRows(page, 'belief'), points.map((p) => [p.name, dateText(p.at), String(p.value)]));
    assert.deepEqual(await markLabels(page, 'belief'), points.map((p) => `${p.name}: ${p.value} on ${dateText(p.at)}`));

    // Each rating is drawn where the 0–100 axis puts it: one straight line through every (value, y).
    const ys = await page.$$eval('#belief .sw-mark', (dots) => dots.map((d) => Number(d.getAttribute('cy'))));
    const [v0, v1] = [points[0]?.value ?? 0, points[points.length - 1]?.value ?? 0];
    const [y0, y1] = [ys[0] ?? 0, ys[ys.length - 1] ?? 0];
    assert.notEqual(v0, v1);
    points.forEach((p, i) => assert.ok(Math.abs(y0 + ((p.value - v0) * (y1 - y0)) / (v1 - v0) - (ys[i] ?? NaN)) < 0.6, `rating ${i} drawn at its value`));
    assert.ok(y1 < y0, 'higher ratings are drawn higher');

    const winDays = snapshot.calendar.days.filter((d) => d.wins > 0);
    assert.deepEqual(await tableRows(page, 'calendar'), winDays.map((d) => [dateText(d.day), numberText(d.wins), numberText(d.assisted)]));
    assert.equal(await page.locator('#calendar .sw-mark').count(), snapshot.calendar.days.length);
    assert.ok(winDays.some((d) => d.assisted > 0) && winDays.some((d) => d.assisted < d.wins));
    const total = winDays.reduce((s, d) => s + d.wins, 0);
    const assisted = winDays.reduce((s, d) => s + d.assisted, 0);
    assert.match((await page.locator('#calendar-summary').textContent()) ?? '', new RegExp(`^${total} wins on ${winDays.length} days .*, ${assisted} of them with AI help;`));
    assert.equal(await page.locator('#calendar circle').count(), winDays.filter((d) => d.assisted > 0).length, 'a dot marks each day with AI help');

    assert.deepEqual(await tableRows(page, 'focus'), snapshot.focus.map((w) => [dateText(w.weekOf), numberText(w.minutes)]));
    const heights = await page.$$eval('#focus .sw-mark', (bars) => bars.map((b) => Number(b.getAttribute('height'))));
    const busiest = Math.max(...snapshot.focus.map((w) => w.minutes));
    const tallest = Math.max(...heights);
    snapshot.focus.forEach((w, i) => assert.ok(Math.abs((heights[i] ?? 0) - (w.minutes / busiest) * tallest) < 1, `week ${i} bar height`));

    assert.deepEqual(await tableRows(page, 'causes'), snapshot.ownCauses.map((w) => [dateText(w.weekOf), String(w.reviews), `${Math.round(w.ownShare * 100)}%`]));
    const rated = snapshot.calibration.filter((r) => r.rated > 0);
    assert.deepEqual(await tableRows(page, 'calibration'), rated.map((r) => [String(r.confidence), String(r.rated), String(r.met), String(r.partly), `${Math.round(((r.met + r.partly / 2) / r.rated) * 100)}%`]));
    const brier = [...snapshot.brier].sort((a, b) => order(a.domainId) - order(b.domainId)).flatMap((b) => b.points.map((p) => [b.domainName, monthText(p.month), p.score.toFixed(2), String(p.goals)]));
    assert.deepEqual(await tableRows(page, 'brier'), brier);
    assert.deepEqual(
      await tableRows(page, 'summary'),
      snapshot.summary.map((r) => [r.domainName, String(r.firstRating ?? '—'), String(r.latestRating ?? '—'), numberText(r.sessions), numberText(r.wins), numberText(r.minutes)]),
    );
    await page.close();
  });

  it('states in every chart’s sentence the numbers of the snapshot', async () => {
    const page = await open();
    const sentence = async (chart: string) => (await page.locator(`#${chart}-summary`).textContent()) ?? '';
    const list = (items: string[]) => new Intl.ListFormat('en', { type: 'conjunction' }).format(items);
    const order = (id: string) => snapshot.domains.findIndex((d) => d.id === id);
    const byOrder = <T extends { domainId: string }>(rows: T[]) => [...rows].sort((a, b) => order(a.domainId) - order(b.domainId));

    const active = snapshot.summary.filter((r) => r.sessions > 0 || r.wins > 0);
    const sessions = snapshot.summary.reduce((n, r) => n + r.sessions, 0);
    const wins = snapshot.summary.reduce((n, r) => n + r.wins, 0);
    assert.equal(await sentence('summary'), `In this period: ${sessions} sessions and ${wins} wins across ${active.length} domains.`);

    const belief = byOrder(snapshot.belief.filter((b) => b.points.length > 1)).map((b) => `${b.domainName} from ${b.points[0]?.value} to ${b.points.at(-1)?.value}`);
    assert.equal(await sentence('belief'), `Can-do ratings in this period: ${list(belief)}.`);

    const minutes = snapshot.focus.reduce((n, w) => n + w.minutes, 0);
    const busiest = snapshot.focus.reduce((a, w) => (w.minutes > a.minutes ? w : a));
    assert.equal(await sentence('focus'), `${spokenDuration(minutes * 60_000)} of focused time from ${dateText(snapshot.from)} to ${dateText(snapshot.now)}; the busiest week began ${dateText(busiest.weekOf)} (${spokenDuration(busiest.minutes * 60_000)}).`);

    const reviews = snapshot.ownCauses.reduce((n, w) => n + w.reviews, 0);
    const own = snapshot.ownCauses.reduce((n, w) => n + Math.round(w.ownShare * w.reviews), 0);
    assert.equal(await sentence('causes'), `In this period ${Math.round((own / reviews) * 100)}% of ${reviews} reviewed sessions credited a cause that is yours and controllable (effort, strategy, preparation).`);

    const rated = snapshot.calibration.reduce((n, r) => n + r.rated, 0);
    const points = snapshot.calibration.reduce((n, r) => n + r.met + r.partly / 2, 0);
    const average = snapshot.calibration.reduce((n, r) => n + r.confidence * r.rated, 0) / rated;
    assert.ok(snapshot.calibration.some((r) => r.partly > 0), 'the history has partly met goals');
    assert.equal(await sentence('calibration'), `Reviewed subgoals: ${rated}; average confidence ${average.toFixed(1)}/10; met ${Math.round((points / rated) * 100)}% (partly met counts half).`);

    const brier = byOrder(snapshot.brier).map((b) => `${b.domainName}: ${b.points.at(-1)?.score.toFixed(2)} in ${monthText(b.points.at(-1)?.month ?? 0)}`);
    assert.equal(await sentence('brier'), `Latest monthly Brier score (0 is perfect; always saying 5/10 scores 0.25): ${list(brier)}.`);

    // A domain shown but idle in the range has a row of its own and is not one the work was spread across.
    const idle = { domainId: 'idle', domainName: 'Rust lifetimes', sessions: 0, wins: 0, minutes: 0 };
    await sendSnapshot(page, { ...snapshot, domains: [...snapshot.domains, { id: 'idle', name: 'Rust lifetimes', shown: true }], summary: [...snapshot.summary, idle] });
    assert.equal(await sentence('summary'), `In this period: ${sessions} sessions and ${wins} wins across ${active.length} domains.`);
    assert.equal(await page.locator('#summary tbody tr').count(), snapshot.summary.length + 1);
    await page.close();
  });

  it('shows a domain name\'s bidi controls as codes in a value tip, never obeyed', async () => {
    const page = await open();
    const first = snapshot.domains[0]?.id;
    const renamed = (name: string) => (name === snapshot.domains[0]?.name ? 'tests \u202Eesrever' : name);
    await sendSnapshot(page, {
      ...snapshot,
      domains: snapshot.domains.map((d) => (d.id === first ? { ...d, name: renamed(d.name) } : d)),
      belief: snapshot.belief.map((b) => (b.domainId === first ? { ...b, domainName: renamed(b.domainName) } : b)),
    });
    const tip = page.locator('#belief .plot-tip');
    const marks = page.locator('#belief .sw-mark');
    let found = false;
    for (let i = 0; i < (await marks.count()) && !found; i++) {
      await marks.nth(i).hover();
      await tip.waitFor({ state: 'visible' });
      const text = (await tip.textContent()) ?? '';
      assert.ok(!text.includes('\u202E'), `no raw bidi control in a tip: ${JSON.stringify(text)}`);
      found = text.includes('tests [U+202E]esrever');
    }
    assert.ok(found, 'a tip names the domain with its control shown as a code');
    fs.mkdirSync(RESULTS, { recursive: true });
    await page.locator('#belief').screenshot({ path: path.join(RESULTS, 'progress-tip-bidi.png') });
    await page.close();
  });

  it('shows a value on hover and on keyboard focus, and moves between marks with the arrow keys', async () => {
    const page = await open();
    const labels = await markLabels(page, 'belief');
    const tip = page.locator('#belief .plot-tip');
    await page.locator('#belief .sw-mark').nth(2).hover();
    await tip.waitFor({ state: 'visible' });
    assert.equal(await tip.textContent(), labels[2]);
    await page.mouse.move(5, 5);
    await tip.waitFor({ state: 'hidden' });

    // By keyboard alone: from the range control, Tab through the domain boxes to the first chart.
    await page.getByLabel('Time range').focus();
    for (let i = 0; i < 5 && !(await page.evaluate(() => document.activeElement?.closest('#belief') !== null)); i++) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), labels[0]);
    await tip.waitFor({ state: 'visible' });
    assert.equal(await tip.textContent(), labels[0]);
    await page.keyboard.press('ArrowRight');
    assert.equal(await tip.textContent(), labels[1]);
    await page.keyboard.press('End');
    assert.equal(await tip.textContent(), labels[labels.length - 1]);
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'hidden' });
    // One keyboard stop per chart: the next Tab leaves the chart.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('#belief .plot-frame') ?? null), null);

    // In the calendar, left and right move a week.
    const days = await markLabels(page, 'calendar');
    await page.locator('#calendar .sw-mark').first().focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.locator('#calendar .plot-tip').textContent(), days[7]);
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#calendar .plot-tip').textContent(), days[8]);
    await page.close();
  });

  it('names each weekly bar by its own week: the ticks fall on the weeks’ first days', async () => {
    const page = await open();
    for (const [chart, weeks] of [['focus', snapshot.focus], ['causes', snapshot.ownCauses]] as const) {
      const shortText = (at: number) => new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' }).format(at);
      const starts = new Set(weeks.map((w) => shortText(w.weekOf)));
      const ticks = await page.$$eval(`#${chart} svg g[aria-hidden] text`, (nodes) => nodes.map((n) => (n.textContent ?? '').trim()).filter((s) => /^[A-Z][a-z]{2} \d+$/.test(s)));
      assert.ok(ticks.length >= 3, `${chart}: ${ticks.join(', ')}`);
      for (const tick of ticks) assert.ok(starts.has(tick), `${chart}: the tick ${tick} is the first day of a week with a bar`);
    }
    await page.close();
  });

  it('labels a few focused minutes in whole minutes, each once', async () => {
    const page = await open();
    const first = snapshot.focus[0];
    assert.ok(first);
    await sendSnapshot(page, { ...snapshot, focus: [{ weekOf: first.weekOf, minutes: 3 }] });
    const ticks = await page.$$eval('#focus svg g[aria-hidden] text', (nodes) => nodes.map((n) => (n.textContent ?? '').trim()).filter((s) => /^\d+$/.test(s)));
    assert.deepEqual(ticks, ['0', '1', '2', '3']);
    await page.close();
  });

  it('keeps a value’s tip inside its chart for a mark at the top, and orders calibration by level', async () => {
    const page = await open();
    // The highest rating sits at the top of the plot, where a tip above it would be cut off.
    const highest = await page.$$eval('#belief .sw-mark', (dots) => dots.reduce((best, d, i, all) => (Number(d.getAttribute('cy')) < Number(all[best]?.getAttribute('cy')) ? i : best), 0));
    await page.locator('#belief .sw-mark').nth(highest).hover();
    const tip = page.locator('#belief .plot-tip');
    await tip.waitFor({ state: 'visible' });
    const [tipBox, frameBox] = await Promise.all([tip.boundingBox(), page.locator('#belief .plot-frame').boundingBox()]);
    assert.ok(tipBox && frameBox && tipBox.y >= frameBox.y && tipBox.y + tipBox.height <= frameBox.y + frameBox.height, `the tip ${JSON.stringify(tipBox)} lies within the chart ${JSON.stringify(frameBox)}`);

    // Levels with more subgoals get larger dots; the keyboard still goes 0 → 10.
    const uneven = snapshot.calibration.map((r) => (r.rated > 0 ? { ...r, rated: 2 + ((r.confidence * 7) % 11), met: Math.min(r.met, 2) } : r));
    await sendSnapshot(page, { ...snapshot, calibration: uneven });
    const levels = (await markLabels(page, 'calibration')).map((l) => Number(/Confidence (\d+)\/10/.exec(l)?.[1]));
    assert.deepEqual(levels, uneven.filter((r) => r.rated > 0).map((r) => r.confidence));
    await page.locator('#calibration .sw-mark').first().focus();
    await page.keyboard.press('ArrowRight');
    assert.match((await page.locator('#calibration .plot-tip').textContent()) ?? '', new RegExp(`^Confidence ${levels[1]}/10`));
    await page.close();
  });

  it('says so when the host could not read the history, instead of loading for ever, and draws the next snapshot', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await loadProgress(page, { repo: ROOT });
    const text = 'Small Wins could not read your history (EIO: i/o error). Close this view and open it again to try once more.';
    await sendHostMessage(page, { type: 'error', text });
    const alert = page.getByRole('alert');
    assert.equal(await alert.textContent(), text);
    assert.equal(await page.locator('main').getAttribute('aria-busy'), 'false');
    await sendSnapshot(page, snapshot);
    await page.locator('#brier svg').waitFor();
    assert.equal(await alert.count(), 0, 'a snapshot replaces the message');
    await page.close();
  });

  it('keeps focus on the same mark when a new snapshot redraws the charts', async () => {
    const page = await open();
    await page.locator('#focus .sw-mark').nth(3).focus();
    await sendSnapshot(page, { ...snapshot, now: snapshot.now + 1000 });
    assert.equal(await page.evaluate(() => document.activeElement?.closest('.plot-frame')?.getAttribute('data-chart')), 'focus');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['index']), '3');
    await page.close();
  });

  it('posts the range and the domains the user picks, with labelled controls', async () => {
    const page = await open();
    // The tab says the zone of the computer it is shown on, where the host may not run (a remote window).
    const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    assert.deepEqual((await probe(page)).posted, [{ type: 'ready', zone }]);
    await page.getByLabel('Time range').selectOption({ label: 'A year' });
    await page.getByRole('checkbox', { name: 'SQL tuning' }).uncheck();
    assert.deepEqual((await probe(page)).posted.slice(1), [
      { type: 'setRange', range: '1y' },
      { type: 'setDomains', domainIds: ['parser'] },
    ]);
    // The host answers with a snapshot; the controls show what it says.
    const answered = buildProgressSnapshot(progressJournal(NOW), NOW, { range: '1y', hidden: new Set(['sql']) });
    await sendSnapshot(page, answered);
    assert.equal(await page.getByLabel('Time range').inputValue(), '1y');
    assert.equal(await page.getByRole('checkbox', { name: 'SQL tuning' }).isChecked(), false);
    assert.deepEqual(await page.$$eval('#summary tbody th', (cells) => cells.map((c) => c.textContent)), ['parser tests']);
    await page.close();
  });

  it('says once that no domain is chosen when every one is unticked, instead of drawing empty charts', async () => {
    const page = await open();
    const hidden = buildProgressSnapshot(progressJournal(NOW), NOW, { range: '3m', hidden: new Set(['parser', 'sql']) });
    await sendSnapshot(page, hidden);
    assert.equal(await page.locator('#summary-summary').textContent(), 'No domain is chosen. Tick one under Domains.');
    assert.deepEqual(await page.$$eval('section.chart', (sections) => sections.map((s) => s.id)), ['summary']);
    await page.getByRole('checkbox', { name: 'SQL tuning' }).check();
    assert.deepEqual((await probe(page)).posted.at(-1), { type: 'setDomains', domainIds: ['sql'] });
    await sendSnapshot(page, snapshot);
    await page.locator('#calendar svg').waitFor();
    await page.close();
  });

  it('follows the light and the dark theme’s colours without a redraw', async () => {
    const page = await open({ theme: 'light' });
    const colours = () =>
      page.evaluate(() => {
        const dot = document.querySelector('#belief .sw-mark[aria-label^="parser tests"]') as SVGElement;
        const tick = document.querySelector('#belief svg text') as SVGElement;
        return { dot: getComputedStyle(dot).fill, text: getComputedStyle(tick).fill, page: getComputedStyle(document.body).backgroundColor };
      });
    fs.mkdirSync(RESULTS, { recursive: true });
    const light = await colours();
    assert.deepEqual(light, { dot: 'rgb(26, 133, 255)', text: 'rgb(59, 59, 59)', page: 'rgb(255, 255, 255)' });
    await page.screenshot({ path: path.join(RESULTS, 'progress-chromium-light.png'), fullPage: true });
    const drawn = await page.$('#belief svg');
    await setTheme(page, 'dark');
    assert.deepEqual(await colours(), { dot: 'rgb(55, 148, 255)', text: 'rgb(204, 204, 204)', page: 'rgb(31, 31, 31)' });
    assert.equal(await drawn?.evaluate((svg) => svg.isConnected), true, 'the same SVG, recoloured by the theme’s variables');
    await page.screenshot({ path: path.join(RESULTS, 'progress-chromium-dark.png'), fullPage: true });
    await page.close();
  });

  it('shows every heading, label, caption, summary and value translated', async () => {
    const template = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
    const pseudo = Object.fromEntries(Object.keys(template).map((m) => [m, `${m}${MARK}`]));
    const page = await open({ translations: pseudo });
    const shown = await page.$$eval(
      'h1, h2, caption, th[scope=col], label:not(.domain-choice), legend, summary, option, .chart-summary, #calendar .legend li, #calibration .legend li, [aria-label]',
      (elements) => elements.flatMap((e) => [e.getAttribute('aria-label') ?? '', e.matches('[aria-label]') && !e.matches('h1,h2') ? '' : (e.textContent ?? '').trim()]).filter((s) => /[A-Za-z]{2}/.test(s)),
    );
    assert.ok(shown.length > 150, `${shown.length} texts`);
    assert.deepEqual(shown.filter((s) => !s.endsWith(MARK)), [], 'untranslated');
    const axisLabels = await page.$$eval('svg text', (nodes) => nodes.map((n) => n.textContent ?? '').filter((s) => s.includes('(0–100)')));
    assert.ok(axisLabels.length > 0 && axisLabels.every((s) => s.endsWith(MARK)), 'axis labels are translated');
    await page.close();
  });
});
