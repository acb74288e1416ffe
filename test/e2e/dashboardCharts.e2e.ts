import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Snapshot } from '../../src/shared/protocol';
import { launchChromium } from '../harness/browser';
import { loadDashboard, sendHostMessage } from '../harness/dashboardPage';
import { buildSnapshot } from '../../src/host/dashboard/snapshot';
import { DEFAULT_SETTINGS } from '../../src/host/platform/settings';
import { fiveYearJournal } from '../bench/fiveYearJournal';
import { seriesColour } from '../../src/webview/series';

const ROOT = process.cwd();

/** Labels as the page draws them: text, position (from the attributes) and anchor. */
interface Label {
  text: string;
  x: number;
  y: number;
  anchor: string;
}

const day = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' });

/**
 * The sidebar's pictures say what they measure: each chart's scale, the dates its time axis spans, the
 * weekdays and months of the calendar, each calibration bar's level. Plain Chromium with the built bundle.
 */
describe('the dashboard charts’ labels', () => {
  let browser: Browser;
  /** A year of a heavy user's history, as the host would send it. */
  let snapshot: Snapshot;
  before(async () => {
    browser = await launchChromium();
    const now = Date.now();
    snapshot = buildSnapshot(fiveYearJournal(now, { years: 1 }), now, DEFAULT_SETTINGS, {});
  });
  after(async () => {
    await browser.close();
  });

  async function open(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 400, height: 1200 } });
    await loadDashboard(page, { repo: ROOT });
    return page;
  }

  it('labels the belief line 0 and 100 and each calibration bar 0–10, under its bar', async () => {
    const page = await open();
    await sendHostMessage(page, { type: 'snapshot', snapshot });
    const chart = (title: string) => page.locator('figure.chart', { has: page.locator('h3', { hasText: title }) }).locator('svg');
    const labels = (title: string): Promise<Label[]> =>
      chart(title)
        .locator('text.axis-label')
        .evaluateAll((nodes) => nodes.map((n) => ({ text: n.textContent ?? '', x: Number(n.getAttribute('x')), y: Number(n.getAttribute('y')), anchor: n.getAttribute('text-anchor') ?? '' })));
    await chart('Can-do belief, the last 12 months').waitFor();
    const ratings = snapshot.charts.efficacy.flatMap((s) => s.points.map((p) => p.at));
    const belief = await labels('Can-do belief, the last 12 months');
    assert.deepEqual(belief.map((l) => l.text), ['100', '0', day.format(Math.min(...ratings)), day.format(Math.max(...ratings))]);
    assert.ok((belief[0]?.y ?? 0) < (belief[1]?.y ?? 0), '100 is above 0');
    // Each line in its domain's colour, the one the Progress tab gives it.
    const lines = await chart('Can-do belief, the last 12 months').locator('polyline').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('stroke')));
    assert.deepEqual(lines, snapshot.charts.efficacy.map((s) => seriesColour(s.colour)));
    assert.ok((belief[2]?.x ?? 0) < (belief[3]?.x ?? 0) && (belief[2]?.y ?? 0) > (belief[1]?.y ?? 0), 'the dates run left to right under the scale');
    const weeks = snapshot.charts.attributionMix;
    const causes = await labels('Own and controllable causes');
    assert.deepEqual(causes.map((l) => l.text), ['100%', '50%', '0%', day.format(weeks[0]?.weekOf ?? 0), day.format(weeks[weeks.length - 1]?.weekOf ?? 0)]);
    assert.ok((causes[0]?.y ?? 0) < (causes[1]?.y ?? 0) && (causes[1]?.y ?? 0) < (causes[2]?.y ?? 0), '100% above 50% above 0%');
    const calibration = await labels('Confidence calibration');
    assert.deepEqual(calibration.slice(0, 2).map((l) => l.text), ['100%', '0%']);
    const bars = await chart('Confidence calibration').evaluate((svg) => {
      // Centred on x (text-anchor middle), its baseline at y.
      const labels = [...svg.querySelectorAll('text.axis-label')].slice(2).map((n) => ({ text: n.textContent, x: Number(n.getAttribute('x')), y: Number(n.getAttribute('y')), anchor: n.getAttribute('text-anchor') }));
      // From the attributes: a level nobody rated has a bar of height 0, which has no box to measure.
      const rects = [...svg.querySelectorAll('rect.bar-calibration')].map((r) => ({ x: Number(r.getAttribute('x')), y: Number(r.getAttribute('y')), width: Number(r.getAttribute('width')), height: Number(r.getAttribute('height')) }));
      return { labels, rects };
    });
    assert.deepEqual(bars.labels.map((l) => l.text), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    bars.labels.forEach((label, i) => {
      const bar = bars.rects[i];
      assert.ok(bar, `bar ${i}`);
      assert.equal(label.anchor, 'middle');
      assert.ok(label.x > bar.x && label.x < bar.x + bar.width, `label ${label.text} sits under its bar: ${JSON.stringify({ label, bar })}`);
      assert.ok(label.y - 4.5 >= bar.y + bar.height, `label ${label.text} is below its bar`);
    });
    await page.close();
  });

  it('names the calendar’s weekdays and the month each column starts', async () => {
    const page = await open();
    await sendHostMessage(page, { type: 'snapshot', snapshot });
    const calendar = page.locator('svg.calendar');
    await calendar.waitFor();
    const drawn = await calendar.evaluate((svg) => ({
      labels: [...svg.querySelectorAll('text.axis-label')].map((n) => ({ text: n.textContent ?? '', x: Number(n.getAttribute('x')), y: Number(n.getAttribute('y')) })),
      days: [...svg.querySelectorAll('rect.day')].map((r) => ({ x: Number(r.getAttribute('x')), y: Number(r.getAttribute('y')), size: Number(r.getAttribute('height')) })),
    }));
    const days = snapshot.charts.calendar;
    assert.equal(drawn.days.length, days.length);
    // Each weekday's name sits left of the row its days are in, centred on it.
    for (const [weekday, name] of [[1, 'Mon'], [3, 'Wed'], [5, 'Fri']] as const) {
      const label = drawn.labels.find((l) => l.text === name);
      const index = days.findIndex((d) => new Date(d.day).getDay() === weekday);
      const cell = drawn.days[index];
      assert.ok(label && cell, name);
      assert.ok(label.x <= cell.x && Math.abs(label.y - (cell.y + cell.size / 2)) < 0.5, `${name} names its row: ${JSON.stringify({ label, cell })}`);
    }
    // Each month that begins in the window is named over the column of its first day, above the grid.
    const firsts = days.map((d, i) => ({ d, i })).filter(({ d }) => new Date(d.day).getDate() === 1);
    assert.ok(firsts.length >= 2, 'twelve weeks hold the first day of two months');
    for (const { d, i } of firsts) {
      const name = new Intl.DateTimeFormat('en', { month: 'short' }).format(d.day);
      const label = drawn.labels.find((l) => l.text === name && l.x === drawn.days[i]?.x);
      assert.ok(label, `${name} over the column of its first day`);
      assert.ok(label.y < Math.min(...drawn.days.map((c) => c.y)), `${name} above the grid`);
    }
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
