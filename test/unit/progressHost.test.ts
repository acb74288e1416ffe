import * as assert from 'node:assert/strict';
import { createProgressHandler } from '../../src/host/progress/progressMessages';
import { buildProgressSnapshot } from '../../src/host/progress/progressSnapshot';
import { progressHtml } from '../../src/host/progress/progressHtml';
import { createDashboardHandler } from '../../src/host/dashboard/dashboardMessages';
import { emptyJournal } from '../../src/core/records/schema';
import type { Journal } from '../../src/core/records/schema';
import type { ProgressRange } from '../../src/core/figures/progress';
import { DAY } from '../../src/core/time';
import { harness, startFirstSession } from './helpers';

function recorder() {
  const calls: string[] = [];
  const handle = createProgressHandler({
    sendSnapshot: () => void calls.push('snapshot'),
    learnTimeZone: (name: string) => void calls.push(`zone ${name}`),
    setRange: (range: ProgressRange) => void calls.push(`range ${range}`),
    showDomains: (ids) => void calls.push(`domains ${ids.join(',')}`),
    writeReview: () => void calls.push('review'),
  });
  return { calls, handle };
}

const NOW = new Date(2026, 10, 20, 12).getTime();

function journal(): Journal {
  return {
    ...emptyJournal(),
    domains: [
      { id: 'd1', name: 'parser tests', createdAt: NOW - 90 * DAY },
      { id: 'd2', name: 'sql', createdAt: NOW - 90 * DAY },
    ],
    ratings: [
      { id: 'r1', domainId: 'd1', at: NOW - 2 * DAY, value: 40 },
      { id: 'r2', domainId: 'd2', at: NOW - DAY, value: 70 },
    ],
  };
}

describe('Progress tab messages', () => {
  it('answers ready with a snapshot, and a new range or set of domains with that choice and a snapshot', () => {
    const { calls, handle } = recorder();
    handle({ type: 'ready' });
    handle({ type: 'ready', zone: 'Pacific/Auckland' });
    handle({ type: 'setRange', range: '1y' });
    handle({ type: 'setDomains', domainIds: ['d1', 'd2'] });
    handle({ type: 'setDomains', domainIds: [] });
    handle({ type: 'writeReview' });
    assert.deepEqual(calls, ['snapshot', 'zone Pacific/Auckland', 'snapshot', 'range 1y', 'snapshot', 'domains d1,d2', 'snapshot', 'domains ', 'snapshot', 'review']);
  });

  it('ignores every malformed message without throwing', () => {
    const { calls, handle } = recorder();
    const bad: unknown[] = [
      undefined, null, 42, 'ready', [], {}, { type: 'run', action: 'deleteAllData' }, { type: 'ready', extra: 1 },
      { type: 'setRange', range: 'forever' }, { type: 'setRange' }, { type: 'setRange', range: ['1y'] },
      { type: 'setDomains', domainIds: 'd1' }, { type: 'setDomains', domainIds: [42] }, { type: 'setDomains', domainIds: ['x'.repeat(100_000)] },
      { type: 'setDomains', domainIds: Array.from({ length: 5000 }, (_, i) => `d${i}`) }, { type: 'setDomains', domainIds: ['__proto__'] },
      { type: 'writeReview', range: 'all' }, { type: 'writeReview', domainIds: ['d1'] },
    ];
    for (const message of bad) assert.doesNotThrow(() => handle(message));
    assert.deepEqual(calls, []);
  });

  it('opens the tab from the sidebar by a fixed command name, and no other name the view sends', async () => {
    const h = harness();
    const handle = createDashboardHandler(h.ctx, { sendSnapshot: () => undefined, sendNotices: () => undefined, sendError: () => undefined });
    await handle({ type: 'run', action: 'showProgress' });
    await handle({ type: 'run', action: 'smallWins.showProgress' });
    await handle({ type: 'run', action: 'deleteAllData' });
    assert.deepEqual(h.ran, ['showProgress']);
  });

  it('writes the last quarter’s review from the sidebar’s quarter line, asking only what goes in', async () => {
    const h = harness();
    await startFirstSession(h);
    const handle = createDashboardHandler(h.ctx, { sendSnapshot: () => undefined, sendNotices: () => undefined, sendError: () => undefined });
    await handle({ type: 'writeReview', period: 'forever' });
    assert.equal(h.ui.untitled.length, 0, 'a malformed message writes nothing');
    await handle({ type: 'writeReview', period: 'lastQuarter' });
    // The harness's clock is in November: the last quarter is July to September, before this session.
    assert.match(h.ui.untitled[0]?.content ?? '', /^# My review: 2026-07-01 – 2026-09-30\n[\s\S]*Nothing was logged in this period/);
  });
});

describe('Progress tab snapshot', () => {
  it('names the domains, and leaves a hidden one out of every chart while still offering it', () => {
    const all = buildProgressSnapshot(journal(), NOW, { range: '4w', hidden: new Set() });
    assert.deepEqual(all.domains, [{ id: 'd1', name: 'parser tests', shown: true }, { id: 'd2', name: 'sql', shown: true }]);
    assert.deepEqual(all.belief.map((b) => b.domainName), ['parser tests', 'sql']);
    assert.deepEqual(all.summary.map((r) => [r.domainName, r.latestRating]), [['parser tests', 40], ['sql', 70]]);

    const some = buildProgressSnapshot(journal(), NOW, { range: '4w', hidden: new Set(['d1']) });
    assert.deepEqual(some.domains.map((d) => d.shown), [false, true]);
    assert.deepEqual(some.belief.map((b) => b.domainName), ['sql']);
    assert.deepEqual(some.summary.map((r) => r.domainName), ['sql']);
    assert.equal(some.range, '4w');
  });

  it('shows a domain created after the choice was made', () => {
    const later = journal();
    later.domains.push({ id: 'd3', name: 'css', createdAt: NOW });
    const snapshot = buildProgressSnapshot(later, NOW, { range: '3m', hidden: new Set(['d1']) });
    assert.deepEqual(snapshot.domains.map((d) => [d.name, d.shown]), [['parser tests', false], ['sql', true], ['css', true]]);
    assert.deepEqual(snapshot.summary.map((r) => r.domainName), ['sql', 'css']);
  });
});

describe('Progress tab page', () => {
  const page = (o: { translations?: Record<string, string>; language?: string; title?: string } = {}) =>
    progressHtml({
      nonce: 'bm9uY2U=',
      cspSource: 'https://file.vscode-resource.test',
      asset: (name) => `https://file.vscode-resource.test/dist/webview/${name}`,
      language: o.language ?? 'en',
      translations: o.translations ?? {},
      title: o.title ?? 'Small Wins: Progress',
      loading: 'Loading…',
    });

  it('allows scripts only by nonce and styles only from the extension: nothing inline, no eval', () => {
    const html = page();
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    assert.equal(csp, "default-src 'none'; style-src https://file.vscode-resource.test; script-src 'nonce-bm9uY2U='");
    assert.deepEqual([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]), [
      '<script type="application/json" id="translations">',
      '<script nonce="bm9uY2U=" src="https://file.vscode-resource.test/dist/webview/progress.js">',
    ]);
    assert.doesNotMatch(html, /main\.js/, 'the sidebar bundle is not loaded here');
    assert.doesNotMatch(html, /<style|style="|\son[a-z]+=/i, 'no inline style or handler');
  });

  it('keeps translations as data and words as text, whatever they contain', () => {
    const html = page({ translations: { Progress: '</script><script>alert(1)</script>' }, language: 'de"><script>', title: '<b>Fortschritt</b>' });
    assert.equal((html.match(/<script/g) ?? []).length, 2);
    assert.match(html, /<html lang="descript">/);
    assert.match(html, /<title>&lt;b&gt;Fortschritt&lt;\/b&gt;<\/title>/);
    const data = /<script type="application\/json" id="translations">(.*)<\/script>/.exec(html)?.[1] ?? '';
    assert.deepEqual(JSON.parse(data), { Progress: '</script><script>alert(1)</script>' });
  });
});
