import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { clearNotifications, notification, openDashboard, pick, reviewQuick, runCommand, setFocus, startFocus, statusItem, type, waitForFile, waitForStored, waitForText, Workbench } from './workbench';

/** The first start names the domain once; a later one creates another through the box's domain button. */
async function startSession(page: Page, domain: string, length: string, o: { first?: boolean; minutes?: string } = {}): Promise<void> {
  await startFocus(page, {
    ...(o.first ? { first: { domain } } : { domain: { create: domain } }),
    length,
    ...(o.minutes ? { minutes: o.minutes } : {}),
    goal: `Work on ${domain}`,
    confidence: '9',
  });
}

/** Logs wins through the dashboard's input, one after another as fast as the view takes them. */
async function logMicroWins(view: FrameLocator, prefix: string, count: number): Promise<void> {
  const input = view.locator('#win-text input');
  for (let i = 0; i < count; i++) {
    await input.fill(`${prefix} ${i}`);
    await input.press('Enter');
    await view.locator('#session-wins li', { hasText: new RegExp(`^\\W*${prefix} ${i}$`) }).waitFor();
  }
}

/** Wins in one read of the browser's copy of globalState (what every window and a reload read). */
function storedWins(stored: string): string[] {
  const state = JSON.parse(stored) as { journal: { sessions: { wins: { id: string; text: string }[] }[] } };
  return state.journal.sessions.flatMap((s) => s.wins.map((w) => `${w.id} ${w.text}`));
}

/** Corrects a win's text through "Edit or Delete a Record", as a user does from the palette. */
async function editWin(page: Page, from: string, to: string): Promise<void> {
  await runCommand(page, 'Small Wins: Edit or Delete a Record');
  await pick(page, 'What do you want to correct or remove?', 'A win');
  await pick(page, 'Which one?', from, undefined, true);
  await pick(page, from, 'Edit…');
  await type(page, 'The win, as you want it recorded:', to);
  await notification(page, 'Saved the change.').waitFor();
}

/** Two VS Code windows (two pages on one code-server) sharing one journal. */
describe('many windows (real VS Code)', function () {
  this.timeout(300_000);
  let bench: Workbench;
  let a: Page;
  let b: Page;
  let viewA: FrameLocator;
  let viewB: FrameLocator;

  before(async function () {
    bench = await Workbench.launch();
    a = bench.page;
    b = await bench.newWindow();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await bench?.screenshot(`windows A ${this.currentTest.title}`);
      await b?.screenshot({ path: `test-results/windows B ${this.currentTest.title}.png`.replace(/[^\w./ -]+/g, '_') }).catch(() => undefined);
    }
  });

  after(async function () {
    await bench?.close();
  });

  it('shows a session started in window A in window B’s status bar and dashboard within 2 seconds', async () => {
    viewA = await openDashboard(a);
    viewB = await openDashboard(b);
    await startSession(a, 'shared work', 'Open-ended', { first: true });
    await statusItem(a).filter({ hasText: 'shared work' }).waitFor();
    const started = Date.now();
    await statusItem(b).filter({ hasText: 'shared work' }).waitFor({ timeout: 2000 });
    await viewB.locator('#session-heading', { hasText: 'shared work' }).waitFor({ timeout: 2000 - (Date.now() - started) });
  });

  it('stores all 40 wins logged 20 in each window at the same time, none duplicated', async () => {
    await Promise.all([logMicroWins(viewA, 'from A', 20), logMicroWins(viewB, 'from B', 20)]);
    await waitForText(statusItem(a), /·\s*40$/);
    await waitForText(statusItem(b), /·\s*40$/);
    const all = Array.from({ length: 20 }, (_, i) => [`"text":"from A ${i}"`, `"text":"from B ${i}"`]).flat();
    // Two windows writing at once may briefly store one's stale copy before its repair: the read that
    // holds every win is the one checked for duplicates.
    const wins = storedWins(await waitForStored(a, ...all));
    assert.equal(wins.length, 40);
    assert.equal(new Set(wins.map((w) => w.split(' ')[0])).size, 40, 'ids are unique');
    const texts = new Set(wins.map((w) => w.slice(w.indexOf(' ') + 1)));
    for (let i = 0; i < 20; i++) assert.ok(texts.has(`from A ${i}`) && texts.has(`from B ${i}`), `win ${i} from both windows`);
  });

  it('says once in window A\'s dashboard, not in a notification, that window B\'s later change replaced A\'s', async () => {
    await clearNotifications(a);
    await editWin(a, 'from A 3', 'from A 3, said by A');
    await clearNotifications(a);
    await editWin(b, 'from A 3, said by A', 'from A 3, said by B');
    await waitForText(viewA.locator('#feedback'), /Your change to the win "from A 3, said by A" was replaced by a later change from another window or machine\./);
    await viewA.locator('#session-wins li', { hasText: 'from A 3, said by B' }).waitFor({ timeout: 2000 });
    assert.equal(await a.locator('.notification-toast', { hasText: /replaced/ }).count(), 0, 'no notification says it');
    await viewA.locator('#feedback').scrollIntoViewIfNeeded();
    await bench.screenshot('windows A told its change was replaced');
  });

  it('records focus changes in a file beside the archive, not in globalState, where each one would store the whole journal', async () => {
    const file = path.join(bench.vscode.userDataDir, 'User', 'globalStorage', 'small-wins.small-wins', 'activity.json');
    // The browser tells every page it has focus; window B loses it and gets it back as a browser window would.
    await setFocus(b, false);
    await waitForFile(file);
    await setFocus(b, true);
    // The file is rewritten on each change, so a read can meet it half written: read it once it is whole.
    const activity = (await readWhole(file)) as { kind: string; at: number; by: string };
    assert.ok(['focus', 'blur'].includes(activity.kind) && activity.at > 0 && activity.by.length > 0, JSON.stringify(activity));
    assert.ok(!(await waitForStored(a, '"journal"')).includes('"activity"'));
  });

  it('ends the session everywhere when one window ends it', async () => {
    await runCommand(b, 'Small Wins: End Session and Review');
    await reviewQuick(b, { cause: 'Effort' });
    await waitForText(statusItem(b), /Start focus/);
    await statusItem(a).filter({ hasText: 'Start focus' }).waitFor({ timeout: 2000 });
  });

  it('shows the planned-end notification in only one window', async function () {
    await startSession(a, 'timed work', 'Other length', { minutes: '1' });
    await statusItem(b).filter({ hasText: 'timed work' }).waitFor({ timeout: 2000 });
    const ended = /Your planned 1 minutes are up/;
    const first = await Promise.race([
      notification(a, ended).waitFor({ timeout: 120_000 }).then(() => 'A'),
      notification(b, ended).waitFor({ timeout: 120_000 }).then(() => 'B'),
    ]);
    const other = first === 'A' ? b : a;
    // The other window must stay quiet, including after every claim has settled.
    const alsoShown = await notification(other, ended).waitFor({ timeout: 6000 }).then(() => true, () => false);
    assert.equal(alsoShown, false, `only window ${first} announces the planned end`);
  });

  it('deletes all data in one window; the other shows it gone and does not write it back', async () => {
    await runCommand(a, 'Small Wins: Delete All My Data');
    await a.locator('.monaco-dialog-box').getByRole('button', { name: 'Delete All' }).click();
    await notification(a, /All Small Wins data on this machine was deleted/).waitFor();
    await statusItem(b).filter({ hasText: 'Start focus' }).waitFor({ timeout: 5000 });
    // Window B knew every session and win; its next write must build on the empty journal, not on what it showed.
    await startSession(b, 'after the erase', 'Open-ended', { first: true });
    const stored = await waitForStored(a, '"name":"after the erase"');
    for (const gone of ['shared work', 'timed work', 'from A 0', 'from B 19']) assert.ok(!stored.includes(gone), `${gone} stays deleted`);
  });
});

/** A JSON file another process rewrites, read once it parses (within 10 s). */
async function readWhole(file: string): Promise<unknown> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
