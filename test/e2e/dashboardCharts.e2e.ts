import * as assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../harness/browser';
import { loadDashboard } from '../harness/dashboardPage';
import { buildSnapshot } from '../../src/host/dashboard/snapshot';
import { DEFAULT_SETTINGS } from '../../src/host/platform/settings';
import { fiveYearJournal } from '../bench/fiveYearJournal';

const ROOT = process.cwd();

/** The sidebar's pictures say what they measure: the belief line's scale, each calibration bar's level. Plain Chromium with the built bundle. */
describe('the dashboard charts’ labels', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser.close();
  });

  it('labels the belief line 0 and 100 and each calibration bar 0–10, under its bar', async () => {
    const now = Date.now();
    const snapshot = buildSnapshot(fiveYearJournal(now, { years: 1 }), now, DEFAULT_SETTINGS, {});
    const page = await browser.newPage({ viewport: { width: 400, height: 1200 } });
    await loadDashboard(page, { repo: ROOT });
    await page.evaluate((data) => window.dispatchEvent(new MessageEvent('message', { data: { type: 'snapshot', snapshot: data } })), snapshot);
    const chart = (title: string) => page.locator('figure.chart', { has: page.locator('h3', { hasText: title }) }).locator('svg');
    await chart('Can-do belief, the last 12 months').waitFor();
    const belief = await chart('Can-do belief, the last 12 months').locator('text.axis-label').evaluateAll((nodes) => nodes.map((n) => ({ text: n.textContent, y: (n as SVGTextElement).getBBox().y })));
    assert.deepEqual(belief.map((l) => l.text), ['100', '0']);
    assert.ok((belief[0]?.y ?? 0) < (belief[1]?.y ?? 0), '100 is above 0');
    const bars = await chart('Confidence calibration').evaluate((svg) => {
      // Centred on x (text-anchor middle), its baseline at y.
      const labels = [...svg.querySelectorAll('text.axis-label')].map((n) => ({ text: n.textContent, x: Number(n.getAttribute('x')), y: Number(n.getAttribute('y')), anchor: n.getAttribute('text-anchor') }));
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
      assert.ok(label.y - 9 >= bar.y + bar.height, `label ${label.text} is below its bar`);
    });
    await page.close();
  });
});
