/**
 * `npm run bench`: measures Small Wins beside its references in one run and checks the budgets.
 * Prints a table, writes bench-results/bench.json, and exits non-zero when a budget is missed.
 *
 *   npm run bench -- [--launches N] [--extension FOLDER ...] [--only sizes,write,render,open,merge,review,soak,folder,zone,idle,appStart,activation]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium } from '../harness/browser';
import { loadDashboard } from '../harness/dashboardPage';
import { loadProgress } from '../harness/progressPage';
import { buildSnapshotFromView, EVIDENCE_WINS } from '../../src/host/dashboard/snapshot';
import { buildProgressSnapshotFromView } from '../../src/host/progress/progressSnapshot';
import { coachView, dashboardView, historyView, periodView } from '../../src/host/storage/views';
import { reviewFacts } from '../../src/core/accomplishments/facts';
import { reviewMarkdown } from '../../src/core/accomplishments/document';
import { mergeJournals } from '../../src/core/records/merge';
import { EXPORT_FORMAT, importJournal, MAX_IMPORT_BYTES } from '../../src/core/records/transfer';
import { ordinaryJournal } from '../harness/hostileJournal';
import { soak } from '../harness/soak';
import { startVsCode } from '../../scripts/embeddedVsCode';
import { fiveYearJournal } from './fiveYearJournal';
import { journalFolderCosts } from './journalFolderBench';
import { VsCodeLikeMemento } from './vsCodeLikeMemento';
import { buildSnapshot } from '../../src/host/dashboard/snapshot';
import { DEFAULT_SETTINGS } from '../../src/host/platform/settings';
import { JournalStore } from '../../src/host/storage/journalStore';
import { Archive, uniqueName } from '../../src/host/storage/archive';
import { diskArchiveFiles } from './diskArchiveFiles';
import { emptyJournal, SCHEMA_VERSION } from '../../src/core/records/schema';
import type { Journal, Session } from '../../src/core/records/schema';
import { addDomain } from '../../src/core/records/journal';
import { deleteRecords } from '../../src/core/records/edit';
import { addDays, dayStart, monthStart, processTimeZone, useTimeZone } from '../../src/core/time';
import { activeSession, logWin, newSubgoal, startSession, updateRunning } from '../../src/core/practices/session';

const REPO = process.cwd();
const REFERENCE = path.join(REPO, 'test', 'bench', 'reference-extension');
const args = process.argv.slice(2);
const launches = Number(args[args.indexOf('--launches') + 1] ?? 0) || 5;
const only = args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '').split(',') : undefined;
const extra = args.flatMap((a, i) => (a === '--extension' && args[i + 1] ? [path.resolve(args[i + 1] as string)] : []));

const median = (values: number[]) => {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

interface Row {
  figure: string;
  value: string;
  reference: string;
  budget: string;
  ok: boolean | undefined;
}
const rows: Row[] = [];
const results: Record<string, unknown> = { machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version }, at: new Date().toISOString() };

function sizes(): void {
  const measure = (file: string) => {
    const bytes = fs.readFileSync(path.join(REPO, file));
    return { bytes: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
  };
  const loader = measure('dist/extension.js');
  const app = measure('dist/host/app.js');
  const extension = { bytes: loader.bytes + app.bytes, gzip: loader.gzip + app.gzip, loaderBytes: loader.bytes };
  const webview = measure('dist/webview/main.js');
  const progress = measure('dist/webview/progress.js');
  const figures = measure('dist/webview/figures.js');
  results['bundles'] = { extension, webview, progress, figures };
  // What the user waits for is the activation path (the loader VS Code runs at activation; the app loads after it) and the
  // activation itself (its own row); the whole is guarded against accidental weight.
  rows.push({ figure: 'Activation path (dist/extension.js, minified)', value: kb(loader.bytes), reference: 'the app loads after activation', budget: '≤ 2 KB', ok: loader.bytes <= 2 * 1024 });
  rows.push({ figure: 'Extension bundles (minified / gzip)', value: `${kb(extension.bytes)} / ${kb(extension.gzip)}`, reference: `loader ${kb(loader.bytes)} + app`, budget: '≤ 250 KB (against accidental weight)', ok: extension.bytes <= 250 * 1024 });
  rows.push({ figure: 'Webview bundle, sidebar (minified / gzip)', value: `${kb(webview.bytes)} / ${kb(webview.gzip)}`, reference: 'what its first render waits for', budget: '≤ 150 KB', ok: webview.bytes <= 150 * 1024 });
  rows.push({ figure: "  the sidebar's charts (minified / gzip)", value: `${kb(figures.bytes)} / ${kb(figures.gzip)}`, reference: 'dist/webview/figures.js, added after the first render', budget: '≤ 300 KB', ok: figures.bytes <= 300 * 1024 });
  rows.push({ figure: 'Progress tab bundle (minified / gzip)', value: `${kb(progress.bytes)} / ${kb(progress.gzip)}`, reference: 'dist/webview/progress.js', budget: '≤ 300 KB', ok: progress.bytes <= 300 * 1024 });
}

function withRunningSession(journal: Journal, now: number): Journal {
  const { journal: j, domain } = addDomain(journal, 'bench domain', now);
  return startSession(j, { domainId: domain.id, workspace: 'bench', subgoals: [newSubgoal('bench goal', 8, now)] }, now).journal;
}

/** A store as one window has it, over a copy of what `prepared` left in globalState and its archive. */
function storeOver(values: Record<string, unknown>, folder: string, now: number) {
  const memento = new VsCodeLikeMemento();
  for (const [key, value] of Object.entries(values)) void memento.update(key, value);
  const archive = new Archive(diskArchiveFiles(folder), (problem) => console.error(problem), uniqueName);
  return { memento, store: new JournalStore(memento, () => now, (problem) => console.error(problem), { archive }) };
}

/** globalState after the first start with this journal: closed history moved to the archive. */
async function prepared(journal: Journal, now: number) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'small-wins-archive-'));
  const { memento, store } = storeOver({ journal: withRunningSession(journal, now) }, folder, now);
  const started = performance.now();
  await store.tidy();
  const tidyMs = performance.now() - started;
  const values = Object.fromEntries(memento.keys().map((k) => [k, memento.get(k)]));
  // A fresh window reads the whole history from the archive files the first time it needs it.
  const readStarted = performance.now();
  const history = await storeOver(values, folder, now).store.history();
  const historyReadMs = performance.now() - readStarted;
  const archiveBytes = fs.readdirSync(folder).reduce((sum, f) => sum + fs.statSync(path.join(folder, f)).size, 0);
  return { values, folder, tidyMs, historyReadMs, archiveBytes, sessions: history.sessions.length, times: [] as number[], storedBytes: 0 };
}

/** The user deleted three old wins and a rating once: every window after that checks the archive for deleted records. */
async function withDeletions(p: Awaited<ReturnType<typeof prepared>>, now: number): Promise<Awaited<ReturnType<typeof prepared>>> {
  const { memento, store } = storeOver(p.values, p.folder, now);
  const history = await store.history();
  const ids = [...history.sessions.slice(10, 13).map((s) => s.wins[0]?.id), history.ratings[3]?.id].filter((id): id is string => id !== undefined);
  await store.apply((j) => deleteRecords(j, ids, now));
  return { ...p, values: Object.fromEntries(memento.keys().map((k) => [k, memento.get(k)])) };
}

/** Logs 25 wins into the running session, timing each write. */
async function logWins(p: Awaited<ReturnType<typeof prepared>>, now: number): Promise<void> {
  const { memento, store } = storeOver(p.values, p.folder, now);
  for (let i = 0; i < 25; i++) {
    const started = performance.now();
    await store.apply((j) => {
      const s = activeSession(j);
      return s ? updateRunning(j, s.id, (x) => logWin(x, { text: `bench win ${i}` }, now + i).session) : j;
    });
    p.times.push(performance.now() - started);
  }
  p.storedBytes = Buffer.byteLength(memento.serialized);
}

async function writeCost(): Promise<void> {
  const now = Date.now();
  const cases = {
    empty: await prepared(emptyJournal(), now),
    fiveYears: await prepared(fiveYearJournal(now, { library: false }), now),
    fiveYearsWithLibrary: await prepared(fiveYearJournal(now), now),
  };
  // Interleaved rounds, so a noisy moment of the machine falls on every case alike.
  for (let round = 0; round < 10; round++) for (const c of Object.values(cases)) await logWins(c, now);
  const figures = Object.fromEntries(
    Object.entries(cases).map(([name, c]) => {
      fs.rmSync(c.folder, { recursive: true, force: true });
      const { medianMs, storedBytes, tidyMs, historyReadMs, archiveBytes, sessions } = { ...c, medianMs: median(c.times) };
      return [name, { medianMs, storedBytes, tidyMs, historyReadMs, archiveBytes, sessions }];
    }),
  ) as Record<keyof typeof cases, { medianMs: number; storedBytes: number; tidyMs: number; historyReadMs: number; archiveBytes: number; sessions: number }>;
  results['write'] = figures;
  const { empty, fiveYears: heavy, fiveYearsWithLibrary: library } = figures;
  const times = (f: { medianMs: number }) => `× ${(f.medianMs / empty.medianMs).toFixed(2)}`;
  rows.push({ figure: 'Log a win, five-year journal', value: ms(heavy.medianMs), reference: `${ms(empty.medianMs)} empty (${times(heavy)})`, budget: '≤ 2 × empty', ok: heavy.medianMs <= 2 * empty.medianMs });
  rows.push({ figure: 'Stored globalState, five years', value: kb(heavy.storedBytes), reference: `${kb(empty.storedBytes)} empty`, budget: '≤ 512 KB', ok: heavy.storedBytes <= 512 * 1024 });
  rows.push({ figure: '  the same plus 50 cues, 5 models, 30 encouragements', value: `${ms(library.medianMs)}, ${kb(library.storedBytes)}`, reference: times(library), budget: '', ok: undefined });
  rows.push({ figure: 'Read five-year history (archive files)', value: ms(library.historyReadMs), reference: `${library.sessions} sessions, ${kb(library.archiveBytes)} on disk; first archiving ${ms(library.tidyMs)}`, budget: '', ok: undefined });
}

/** The name "Show Running Extensions" lists, with a "%key%" resolved through package.nls.json. */
function displayName(folder: string): string {
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as Record<string, string | undefined>;
  const manifest = read('package.json');
  const name = manifest['displayName'] ?? manifest['name'] ?? path.basename(folder);
  const key = /^%(.+)%$/.exec(name)?.[1];
  return key && fs.existsSync(path.join(folder, 'package.nls.json')) ? (read('package.nls.json')[key] ?? name) : name;
}

async function renderTimes(page: Page, snapshot: unknown, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await loadDashboard(page, { repo: REPO });
    times.push(
      await page.evaluate((data) => {
        const started = performance.now();
        window.dispatchEvent(new MessageEvent('message', { data: { type: 'snapshot', snapshot: data } }));
        document.body.getBoundingClientRect();
        return performance.now() - started;
      }, snapshot),
    );
  }
  return times;
}

async function render(): Promise<void> {
  const now = Date.now();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 400, height: 900 } });
    const empty = buildSnapshot(emptyJournal(), now, DEFAULT_SETTINGS, {});
    const heavyJournal = withRunningSession(fiveYearJournal(now), now);
    const buildTimes: number[] = [];
    let heavy = buildSnapshot(heavyJournal, now, DEFAULT_SETTINGS, {});
    for (let i = 0; i < 9; i++) {
      const buildStarted = performance.now();
      heavy = buildSnapshot(heavyJournal, now, DEFAULT_SETTINGS, {});
      buildTimes.push(performance.now() - buildStarted);
    }
    const buildMs = median(buildTimes);
    const emptyMs = median(await renderTimes(page, empty, 9));
    const heavyMs = median(await renderTimes(page, heavy, 9));
    results['render'] = { emptyMs, fiveYearsMs: heavyMs, fiveYearSnapshotBuildMs: buildMs, snapshotBytes: JSON.stringify(heavy).length };
    rows.push({ figure: 'Dashboard first render, five years', value: ms(heavyMs), reference: `${ms(emptyMs)} empty`, budget: '≤ 100 ms', ok: heavyMs <= 100 });
    rows.push({ figure: 'Snapshot build (host), five years', value: ms(buildMs), reference: 'median of 9 after a first build', budget: '', ok: undefined });
  } finally {
    await browser.close();
  }
}

/**
 * Loads a page and times one snapshot from the message to laid out. Then waits until the page has
 * painted that frame, so Chromium's leftover work (two cores here) does not land in the next timing.
 */
async function renderOnce(page: Page, load: () => Promise<void>, snapshot: unknown): Promise<number> {
  await load();
  const took = await page.evaluate((data) => {
    const started = performance.now();
    window.dispatchEvent(new MessageEvent('message', { data: { type: 'snapshot', snapshot: data } }));
    document.body.getBoundingClientRect();
    return performance.now() - started;
  }, snapshot);
  await page.evaluate(() => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted))));
  return took;
}

/**
 * Opening the dashboard and the Progress tab in a window that did not read the archive yet: the
 * host's view (aggregates and the recent months read from disk), the snapshot, and the render in
 * Chromium, for a heavy user's first month and five years (with a few records deleted once). The
 * aggregates were written by an earlier window, as they are after the first open; medians of
 * interleaved rounds.
 */
async function openCost(): Promise<void> {
  const now = Date.now();
  const cases = { month: await prepared(fiveYearJournal(now, { years: 1 / 12 }), now), fiveYears: await withDeletions(await prepared(fiveYearJournal(now), now), now) };
  for (const c of Object.values(cases)) await historyView(storeOver(c.values, c.folder, now).store, now);
  const empty = () => ({ dashboard: [] as number[], dashboardHost: [] as number[], progress: [] as number[], progressHost: [] as number[], coach: [] as number[] });
  const times = { month: empty(), fiveYears: empty() };
  const browser = await launchChromium();
  try {
    // One page per surface: each loader routes the same origin and adds its own start-up script.
    const page = await browser.newPage({ viewport: { width: 400, height: 900 } });
    const tab = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    for (let round = 0; round < 9; round++) {
      for (const [name, c] of Object.entries(cases) as [keyof typeof cases, (typeof cases)['month']][]) {
        const t = times[name];
        let started = performance.now();
        const dashboardStore = storeOver(c.values, c.folder, now).store;
        const snapshot = buildSnapshotFromView(await dashboardView(dashboardStore, now, undefined, EVIDENCE_WINS), now, DEFAULT_SETTINGS, {});
        let host = performance.now() - started;
        t.dashboardHost.push(host);
        t.dashboard.push(host + (await renderOnce(page, () => loadDashboard(page, { repo: REPO }), snapshot)));
        started = performance.now();
        const progressStore = storeOver(c.values, c.folder, now).store;
        const progress = buildProgressSnapshotFromView(await historyView(progressStore, now), now, { range: '3m', hidden: new Set() });
        host = performance.now() - started;
        t.progressHost.push(host);
        t.progress.push(host + (await renderOnce(tab, () => loadProgress(tab, { repo: REPO }), progress)));
        // What a start, a logged win and a review read in a new window: the coach's view.
        started = performance.now();
        await coachView(storeOver(c.values, c.folder, now).store, now);
        t.coach.push(performance.now() - started);
      }
    }
  } finally {
    await browser.close();
  }
  const m = (list: number[]) => median(list);
  const figures = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).map(([f, list]) => [f, m(list)]))])) as Record<keyof typeof cases, Record<keyof (typeof times)['month'], number>>;
  const heap = heapAfterOpening(cases.fiveYears.values, cases.fiveYears.folder, now);
  for (const c of Object.values(cases)) fs.rmSync(c.folder, { recursive: true, force: true });
  results['open'] = { ...figures, heap };
  for (const [figure, key] of [['Dashboard open, end to end (host view + snapshot + render)', 'dashboard'], ['Progress tab open, end to end', 'progress']] as const) {
    const ratio = figures.fiveYears[key] / figures.month[key];
    const hostKey = key === 'dashboard' ? 'dashboardHost' : 'progressHost';
    rows.push({
      figure,
      value: `${ms(figures.fiveYears[key])} five years (host ${ms(figures.fiveYears[hostKey])})`,
      reference: `${ms(figures.month[key])} one month (host ${ms(figures.month[hostKey])}); ratio ${ratio.toFixed(2)}`,
      budget: '≤ 1.5 × one month',
      ok: ratio <= 1.5,
    });
  }
  rows.push({ figure: 'Coach view at a start, win or review (new window)', value: `${ms(figures.fiveYears.coach)} five years`, reference: `${ms(figures.month.coach)} one month; ratio ${(figures.fiveYears.coach / figures.month.coach).toFixed(2)}`, budget: '', ok: undefined });
  rows.push({ figure: 'Extension host heap after opening both, five years', value: `${heap.afterMB.toFixed(1)} MB`, reference: `${heap.beforeMB.toFixed(1)} MB before (+${(heap.afterMB - heap.beforeMB).toFixed(1)} MB)`, budget: '', ok: undefined });
}

/**
 * Write My Review for the last twelve months, at one year and at five years of history: the period's
 * months and the totals are read (host/storage/views.ts periodView), then the facts and the document
 * are built. Nine interleaved rounds, each in a fresh store (a window that has not read the archive yet).
 */
async function reviewCost(): Promise<void> {
  const now = Date.now();
  const cases = { oneYear: await prepared(fiveYearJournal(now, { years: 1 }), now), fiveYears: await prepared(fiveYearJournal(now), now) };
  const period = { from: monthStart(now, -12), to: dayStart(addDays(dayStart(now), 1)) };
  const times = { oneYear: [] as number[], fiveYears: [] as number[] };
  const lines = { oneYear: 0, fiveYears: 0 };
  for (let round = 0; round < 9; round++) {
    for (const name of ['oneYear', 'fiveYears'] as const) {
      const c = cases[name];
      const started = performance.now();
      const store = storeOver(c.values, c.folder, now).store;
      const records = await periodView(store, period, now);
      const doc = reviewMarkdown(reviewFacts(records, { period, assisted: true, assistant: false }, now), now);
      times[name].push(performance.now() - started);
      lines[name] = doc.split('\n').length;
    }
  }
  for (const c of Object.values(cases)) fs.rmSync(c.folder, { recursive: true, force: true });
  const [one, five] = [median(times.oneYear), median(times.fiveYears)];
  results['review'] = { oneYearMs: one, fiveYearsMs: five, ratio: five / one, lines };
  rows.push({
    figure: "Write a year's review (read + facts + document)",
    value: `${ms(five)} at five years`,
    reference: `${ms(one)} at one year; ratio **${(five / one).toFixed(2)}**; ${lines.fiveYears} lines`,
    budget: '≤ 1.5 × at one year',
    ok: five / one <= 1.5,
  });
}

/**
 * A remote window: the host runs in one zone and the user sits in another, so days are cut in a zone
 * named through Intl rather than the process's own. The dashboard's host view at five years, the
 * aggregates of both zones already written (each zone's are recomputed once, the first time).
 */
async function zoneCost(): Promise<void> {
  const now = Date.now();
  const c = await prepared(fiveYearJournal(now), now);
  const other = processTimeZone() === 'Pacific/Auckland' ? 'America/New_York' : 'Pacific/Auckland';
  const hostView = async () => {
    const store = storeOver(c.values, c.folder, now).store;
    return buildSnapshotFromView(await dashboardView(store, now, undefined, EVIDENCE_WINS), now, DEFAULT_SETTINGS, {});
  };
  const timedView = async () => {
    const started = performance.now();
    await hostView();
    return performance.now() - started;
  };
  try {
    await timedView();
    useTimeZone(other);
    const firstNamed = await timedView();
    const own: number[] = [];
    const named: number[] = [];
    for (let round = 0; round < 9; round++) {
      useTimeZone(undefined);
      own.push(await timedView());
      useTimeZone(other);
      named.push(await timedView());
    }
    const ratio = median(named) / median(own);
    results['zone'] = { ownMs: median(own), namedMs: median(named), firstNamedMs: firstNamed };
    rows.push({
      figure: "Dashboard's host view at five years, days cut in the user's zone apart from the host's (a remote window)",
      value: ms(median(named)),
      reference: `in the host's own zone: ${ms(median(own))}; ratio **${ratio.toFixed(2)}**; the first time in a zone (aggregates recomputed once): ${ms(firstNamed)}`,
      budget: "≤ 1.5 × the host's own zone",
      ok: ratio <= 1.5,
    });
  } finally {
    useTimeZone(undefined);
    fs.rmSync(c.folder, { recursive: true, force: true });
  }
}

/** The heap of a fresh process (this script, in heap mode) before and after a window opens both views at five years. */
function heapAfterOpening(values: Record<string, unknown>, folder: string, now: number): { beforeMB: number; afterMB: number } {
  const file = path.join(folder, '..', `small-wins-heap-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify({ values, folder, now }));
  try {
    const out = spawnSync(process.execPath, ['--expose-gc', __filename, '--heap', file], { encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`heap run failed: ${out.stderr}`);
    return JSON.parse(out.stdout.trim().split('\n').pop() ?? '{}') as { beforeMB: number; afterMB: number };
  } finally {
    fs.rmSync(file, { force: true });
  }
}

async function heapMode(file: string): Promise<void> {
  const { values, folder, now } = JSON.parse(fs.readFileSync(file, 'utf8')) as { values: Record<string, unknown>; folder: string; now: number };
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const used = () => {
    gc();
    return process.memoryUsage().heapUsed / 2 ** 20;
  };
  const { store } = storeOver(values, folder, now);
  if (store.live.sessions.length === 0) throw new Error('no journal');
  const beforeMB = used();
  const dashboard = buildSnapshotFromView(await dashboardView(store, now, undefined, EVIDENCE_WINS), now, DEFAULT_SETTINGS, {});
  const progress = buildProgressSnapshotFromView(await historyView(store, now), now, { range: 'all', hidden: new Set() });
  const afterMB = used();
  // The snapshots are posted and dropped; the store (and what its archive keeps) stays, as in the extension host.
  if (!dashboard.now || !progress.now) throw new Error('no snapshot');
  console.log(JSON.stringify({ beforeMB, afterMB, keep: typeof store }));
}

/** The journal folder's costs (journalFolderBench.ts): a window's open and a logged win with it, and reading what another device added. */
async function journalFolder(): Promise<void> {
  const f = await journalFolderCosts();
  results['journalFolder'] = f;
  rows.push({ figure: "Journal folder, first read (one-time) of a heavy user's five years made on 3 devices", value: ms(f['firstReadThreeMs'] as number), reference: `on 1 device: ${ms(f['firstReadOneMs'] as number)}; ratio ${((f['firstReadThreeMs'] as number) / (f['firstReadOneMs'] as number)).toFixed(2)}; 3 × five years each: ${ms(f['firstReadThreeWholeMs'] as number)}`, budget: 'proportional to what is there', ok: undefined });
  rows.push({ figure: "Journal folder, a window's open once read (a look at the folder + the dashboard's view), five years made on 3 devices", value: ms(f['openThreeMs'] as number), reference: `on 1 device: ${ms(f['openOneMs'] as number)}; ratio **${(f['openRatio'] as number).toFixed(2)}**`, budget: '≤ 1.5 × one device', ok: (f['openRatio'] as number) <= 1.5 });
  rows.push({ figure: 'Log a win with a journal folder (the line appended)', value: ms(f['winWithMs'] as number), reference: `without: ${ms(f['winWithoutMs'] as number)}; ratio **${(f['winRatio'] as number).toFixed(2)}**`, budget: '≤ 2 × without', ok: (f['winRatio'] as number) <= 2 });
  rows.push({ figure: 'Read a month another device newly wrote, at five years of history', value: ms(f['newMonthFiveYearsMs'] as number), reference: `at one year: ${ms(f['newMonthOneYearMs'] as number)}; ratio **${(f['newMonthRatio'] as number).toFixed(2)}**`, budget: '≤ 1.5 × at one year', ok: (f['newMonthRatio'] as number) <= 1.5 });
}

/**
 * Merging two copies of a journal must stay roughly linear in their size: 200,000 elements (sessions,
 * half of them shared with a newer edit, plus tombstones) against 20,000 (2,000 took 0.4 ms, too
 * little to time on a shared machine). 10 × the data may take up to 15 ×: linear work plus the slack of
 * hash maps outgrowing caches and of the collector, while anything quadratic would take about 100 ×.
 * An import of a file of the largest size accepted, half of whose sessions fold into others through
 * merge tombstones, is timed the same way against a file a tenth of its size, and must finish in 2 s.
 * Timed in a fresh process that collects garbage before each run, so what a large case left behind is
 * not charged to the next run.
 */
function mergeScaling(): void {
  const out = spawnSync(process.execPath, ['--expose-gc', __filename, '--merge'], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`merge run failed: ${out.stderr}`);
  const { small, large, importSmall, importLarge, importMB } = JSON.parse(out.stdout.trim().split('\n').pop() ?? '{}') as Record<string, number>;
  const ratio = (large ?? 0) / (small ?? 1);
  const importRatio = (importLarge ?? 0) / (importSmall ?? 1);
  results['mergeScaling'] = { smallMs: small, largeMs: large, ratio, importSmallMs: importSmall, importLargeMs: importLarge, importMB, importRatio };
  rows.push({ figure: 'Merge two copies, 200k elements vs 20k', value: ms(large ?? 0), reference: `${ms(small ?? 0)} for 20k (ratio ${ratio.toFixed(1)})`, budget: '≤ 15 × (10 × data)', ok: ratio <= 15 });
  rows.push({
    figure: `Import a ${(importMB ?? 0).toFixed(1)} MB file vs a tenth`,
    value: ms(importLarge ?? 0),
    reference: `${ms(importSmall ?? 0)} for a tenth (ratio ${importRatio.toFixed(1)})`,
    budget: '≤ 2 s; ≤ 15 × (10 × data)',
    ok: (importLarge ?? Infinity) <= 2000 && importRatio <= 15,
  });
}

function mergeMode(): void {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const copies = (elements: number): [Journal, Journal] => {
    const now = Date.UTC(2026, 0, 1);
    const sessions = (from: number, count: number, edited: boolean): Session[] =>
      Array.from({ length: count }, (_, i) => ({ id: `s${from + i}`, ...(edited ? { ed: `${now}.0.bench` } : {}), domainId: 'd', workspace: 'w', startedAt: now + (from + i) * 60_000, endedAt: now + (from + i) * 60_000 + 30_000, pauses: [], subgoals: [], wins: [], cueIds: [], reframes: [] }));
    const half = Math.floor(elements / 2);
    const a = { ...emptyJournal(), sessions: sessions(0, half, false) };
    const b = { ...emptyJournal(), sessions: [...sessions(Math.floor(half / 2), half, true)], deleted: Array.from({ length: Math.floor(elements / 100) }, (_, i) => ({ id: `s${i * 7}`, at: now })) };
    return [a, b];
  };
  /**
   * The fastest of `repeats` merges, each timed alone after a collection, the same way for both sizes:
   * the merge's own cost, which other work on this 2-core machine can only add to.
   */
  const fastest = (repeats: number, run: () => void) => {
    const runs: number[] = [];
    for (let i = 0; i < repeats; i++) {
      gc();
      const started = performance.now();
      run();
      runs.push(performance.now() - started);
    }
    return Math.min(...runs);
  };
  const time = (elements: number, repeats: number) => {
    const [a, b] = copies(elements);
    return fastest(repeats, () => {
      if (mergeJournals(a, b).sessions.length === 0) throw new Error('nothing merged');
    });
  };
  time(20_000, 5);
  const small = time(20_000, 21);
  const large = time(200_000, 11);
  const here = ordinaryJournal(200, Date.UTC(2026, 0, 1));
  const [bigFile, tenthFile] = [importFileText(MAX_IMPORT_BYTES), importFileText(MAX_IMPORT_BYTES / 10)];
  const importOnce = (text: string) => () => {
    const result = importJournal(here, text, Date.UTC(2026, 0, 1));
    if (!result.ok) throw new Error(`import refused: ${result.message}`);
  };
  fastest(3, importOnce(tenthFile));
  const importSmall = fastest(11, importOnce(tenthFile));
  const importLarge = fastest(5, importOnce(bigFile));
  console.log(JSON.stringify({ small, large, importSmall, importLarge, importMB: bigFile.length / 1048576 }));
}

/**
 * An export file just under `bytes`: ordinary sessions, half of which are folded into a neighbour by
 * merge tombstones (at most 100 into one), the case that took minutes when folding was quadratic.
 */
function importFileText(bytes: number): string {
  const now = Date.UTC(2026, 0, 1);
  const text = (sessions: number) => {
    const journal = ordinaryJournal(sessions, now, 'i');
    for (let i = 1; i < sessions; i += 2) journal.deleted.push({ id: `is${i}`, at: now, into: `is${i - 1 - ((i - 1) % 200)}` });
    return JSON.stringify({ format: EXPORT_FORMAT, version: SCHEMA_VERSION, exportedAt: now, journal });
  };
  const perSession = text(1000).length / 1000;
  let sessions = Math.floor(bytes / perSession);
  let out = text(sessions);
  while (out.length > bytes) out = text((sessions = Math.floor(sessions * 0.98)));
  return out;
}
/**
 * Ten years of a heavy user's days through the real store (test/harness/soak.ts): three windows that
 * reload, three sessions a day with the same cue, wins edited and deleted, a weekly reflection, an
 * erase in year three and a restart. Nothing may be refused or lost, and every list stays under half
 * its bound.
 */
async function tenYearSoak(): Promise<void> {
  const started = performance.now();
  const result = await soak({ days: 3650, windows: 3, sessionsPerDay: 3, seed: 10, eraseOnDay: 1000 });
  const seconds = (performance.now() - started) / 1000;
  const half = result.fullest.length <= result.fullest.bound / 2;
  results['soak'] = { ...result, refused: result.refused.slice(0, 20), seconds };
  rows.push({
    figure: 'Ten-year soak: refused / lost',
    value: `${result.refused.length} / ${result.lost}`,
    reference: `${result.sessions} sessions, ${result.wins} wins, ${result.reloads} reloads in ${seconds.toFixed(0)} s`,
    budget: '0 / 0',
    ok: result.refused.length === 0 && result.lost === 0,
  });
  rows.push({
    figure: '  fullest list; journal key',
    value: `${result.fullest.length} of ${result.fullest.bound}; ${kb(result.journalBytes)}`,
    reference: result.fullest.where,
    budget: '≤ half; ≤ 512 KB',
    ok: half && result.journalBytes <= 512 * 1024,
  });
}

function idle(): void {
  const out = spawnSync(process.execPath, [path.join(REPO, 'out', 'test', 'bench', 'idleHarness.js'), '5000'], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`idle harness failed: ${out.stderr}`);
  const figures = JSON.parse(out.stdout.trim().split('\n').pop() ?? '{}') as { idle: { timersAlive: number; wakeupsPerMinute: number }; session: { timersAlive: number; wakeupsPerMinute: number; workPerWakeupMs: number } };
  results['idle'] = figures;
  rows.push({ figure: 'Idle: timers / wakeups per minute', value: `${figures.idle.timersAlive} / ${figures.idle.wakeupsPerMinute}`, reference: '', budget: '0 / 0', ok: figures.idle.timersAlive === 0 && figures.idle.wakeupsPerMinute === 0 });
  rows.push({ figure: 'Session running: wakeups per minute, work per tick', value: `${figures.session.wakeupsPerMinute}, ${ms(figures.session.workPerWakeupMs)}`, reference: '', budget: '', ok: undefined });
}

/** What activation defers: loading the app bundle and creating the extension, in fresh processes. */
function appStart(): void {
  const runs: { loadMs: number; createMs: number }[] = [];
  for (let i = 0; i < 9; i++) {
    const out = spawnSync(process.execPath, [path.join(REPO, 'out', 'test', 'bench', 'appStartHarness.js')], { encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`app start harness failed: ${out.stderr}`);
    runs.push(JSON.parse(out.stdout.trim().split('\n').pop() ?? '{}') as { loadMs: number; createMs: number });
  }
  const load = median(runs.map((r) => r.loadMs));
  const create = median(runs.map((r) => r.createMs));
  const total = median(runs.map((r) => r.loadMs + r.createMs));
  results['appStart'] = { runs, medianLoadMs: load, medianCreateMs: create, medianTotalMs: total };
  rows.push({ figure: 'App start after activation (median of 9)', value: ms(total), reference: `load bundle ${ms(load)} + create ${ms(create)}`, budget: '', ok: undefined });
}

async function activationOnce(extensions: string[]): Promise<Record<string, number>> {
  const vscode = await startVsCode({ workspace: path.join(REPO, 'test', 'fixtures', 'demo-workspace'), extensions });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 2400 } });
    await page.goto(vscode.folderUrl);
    await page.locator('[id="small-wins.small-wins.smallWins.session"]').waitFor({ timeout: 90_000 });
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.fill('>Developer: Show Running Extensions');
    await page.locator('.quick-input-widget .monaco-list-row').filter({ has: page.locator('.label-name').getByText('Developer: Show Running Extensions', { exact: true }) }).first().click();
    const out: Record<string, number> = {};
    for (const label of extensions.map(displayName)) {
      const row = page.locator('.runtime-extensions-editor .monaco-list-row').filter({ has: page.locator('.name').getByText(label, { exact: true }) });
      const time = row.locator('.activation-time').filter({ hasText: /Activation:/ });
      await time.waitFor({ timeout: 60_000 });
      const text = (await time.textContent()) ?? '';
      const match = /Activation:\s*([\d.]+)\s*(ms|s)/.exec(text);
      if (!match) throw new Error(`No activation time for ${label}: "${text}"`);
      out[label] = Number(match[1]) * (match[2] === 's' ? 1000 : 1);
    }
    return out;
  } finally {
    await browser.close();
    await vscode.stop();
  }
}

async function activation(): Promise<void> {
  const extensions = [REPO, REFERENCE, ...extra];
  const perLaunch: Record<string, number>[] = [];
  for (let i = 0; i < launches; i++) {
    perLaunch.push(await activationOnce(extensions));
    process.stdout.write(`  launch ${i + 1}/${launches}: ${JSON.stringify(perLaunch[i])}\n`);
  }
  const ratios = perLaunch.map((l) => (l['Small Wins'] ?? 0) / Math.max(1, l['Reference Extension'] ?? 1));
  const medians = Object.fromEntries(Object.keys(perLaunch[0] ?? {}).map((k) => [k, median(perLaunch.map((l) => l[k] ?? 0))]));
  results['activation'] = { launches, perLaunch, medians, medianRatio: median(ratios) };
  rows.push({
    figure: `Activation in VS Code (median of ${launches})`,
    value: `${medians['Small Wins']} ms`,
    reference: `${medians['Reference Extension']} ms reference (ratio ${median(ratios).toFixed(2)})`,
    budget: '≤ 1.10 × reference',
    ok: median(ratios) <= 1.1,
  });
  for (const [name, value] of Object.entries(medians)) {
    if (name !== 'Small Wins' && name !== 'Reference Extension') rows.push({ figure: `Activation: ${name}`, value: `${value} ms`, reference: '', budget: '', ok: undefined });
  }
}

async function main(): Promise<void> {
  const heapFile = args[args.indexOf('--heap') + 1];
  if (args.includes('--heap') && heapFile) return heapMode(heapFile);
  if (args.includes('--merge')) return mergeMode();
  console.log('Small Wins bench: production bundles, one run, medians over repeats\n');
  const parts: Record<string, () => unknown> = { sizes, write: writeCost, render, open: openCost, merge: mergeScaling, review: reviewCost, soak: tenYearSoak, folder: journalFolder, zone: zoneCost, idle, appStart, activation };
  for (const [name, part] of Object.entries(parts)) {
    if (only && !only.includes(name)) continue;
    if (name === 'activation') console.log(`activation: ${launches} fresh launches of code-server with Small Wins and the reference extension`);
    await part();
  }
  const width = [44, 26, 44, 20];
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(width[i] ?? 10)).join(' ');
  console.log(`\n${line(['Figure', 'Small Wins', 'Reference', 'Budget'])}  Result`);
  for (const r of rows) console.log(`${line([r.figure, r.value, r.reference, r.budget])}  ${r.ok === undefined ? '' : r.ok ? 'ok' : 'MISSED'}`);
  results['rows'] = rows;
  // A partial run (--only) leaves the last full run's figures in place.
  if (!only) {
    fs.mkdirSync(path.join(REPO, 'bench-results'), { recursive: true });
    fs.writeFileSync(path.join(REPO, 'bench-results', 'bench.json'), JSON.stringify(results, null, 2));
    console.log('\nWrote bench-results/bench.json');
  }
  const missed = rows.filter((r) => r.ok === false);
  if (missed.length) {
    console.log(`${missed.length} budget(s) missed: ${missed.map((r) => r.figure).join('; ')}`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
