import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { chooseFolder, notification, openDashboard, pick, reviewQuick, runCommand, setFocus, startFocus, statusItem, type, waitForFile, waitForText, webviewShowing, Workbench } from './workbench';

/** A session with one micro-win, ended with the quick review: a few minutes of a user's day. */
async function sessionWithWin(page: Page, start: Parameters<typeof startFocus>[1], win: string): Promise<void> {
  await startFocus(page, start);
  await runCommand(page, 'Small Wins: Log a Win');
  await type(page, 'Type a micro-win', win);
  await runCommand(page, 'Small Wins: End Session and Review');
  await reviewQuick(page, { cause: 'Effort' });
  await waitForText(statusItem(page), /Start focus/);
}

/** Deletes a win through "Edit or Delete a Record", confirming in VS Code's dialog. */
async function deleteWin(page: Page, text: string): Promise<void> {
  await runCommand(page, 'Small Wins: Edit or Delete a Record');
  await pick(page, 'What do you want to correct or remove?', 'A win');
  await pick(page, 'Which one?', text, undefined, true);
  await pick(page, text, 'Delete…');
  await page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Delete$/ }).click();
  await notification(page, /Deleted/).waitFor();
}

/** The dashboard's list of today's wins, as "domain · win" lines. */
async function todayWins(view: FrameLocator, expected: RegExp): Promise<string> {
  return waitForText(view.locator('#today-wins li'), expected);
}

/** Where "Show Running Extensions" says Small Wins runs. */
async function runsWhere(page: Page): Promise<string> {
  await page.setViewportSize({ width: 1400, height: 2600 });
  await runCommand(page, 'Developer: Show Running Extensions');
  const row = page.locator('.runtime-extensions-editor .monaco-list-row').filter({ has: page.locator('.name').getByText('Small Wins', { exact: true }) });
  await row.locator('.activation-time', { hasText: /Activation:/ }).waitFor();
  const where = (await row.locator('.msg').textContent()) ?? '';
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 1400, height: 900 });
  return where;
}

/**
 * A server opened from two browsers (code-server): each browser keeps its own copy of VS Code's
 * browser storage, where globalState lives, and the server keeps the record in files both read.
 * On the server's (Node) extension host, where VS Code runs it by default; web.e2e.ts pins the browser's. The server's clock
 * is 25 hours ahead of the browsers' (UTC+14 and UTC-11), as a remote host far from its user: their
 * calendar days never agree.
 */
describe('one record from two browsers on one server (real VS Code)', function () {
  this.timeout(300_000);
  let bench: Workbench;
  let b: Page | undefined;

  before(async function () {
    // Not pinned: the manifest's kinds ("ui", then "workspace") run it on the server for a browser, as in Codespaces.
    bench = await Workbench.launch({ env: { TZ: 'Pacific/Kiritimati' }, timezoneId: 'Pacific/Pago_Pago' });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await bench?.screenshot(`record A ${this.currentTest.title}`);
      await b?.screenshot({ path: `test-results/record B ${this.currentTest.title}.png`.replace(/[^\w./ -]+/g, '_') }).catch(() => undefined);
    }
  });

  after(async function () {
    await bench?.close();
  });

  it('a session ended in browser A is whole in browser B: its domain, its Progress tab, its next start', async () => {
    const a = bench.page;
    assert.match(await runsWhere(a), /127\.0\.0\.1|localhost/, 'runs on the server');
    await sessionWithWin(a, { first: { domain: 'parser tests' }, goal: 'Lex the numbers', confidence: '9' }, 'Lexed the numbers');
    b = await bench.newBrowser();
    const view = await openDashboard(b);
    // Under its domain, not "unknown domain": the domain comes from the server's files of the journal.
    await todayWins(view, /parser tests · Lexed the numbers/);
    await b.screenshot({ path: 'test-results/record-two-browsers-dashboard.png' });
    await runCommand(b, 'Small Wins: Show Progress');
    const progress = await webviewShowing(b, 'main[aria-busy="false"] #progress-range');
    await progress.locator('#summary tbody th', { hasText: 'parser tests' }).waitFor();
    // The next start in B knows the domain: no "Name a micro-domain" first.
    await startFocus(b, { goal: 'Parse the strings', confidence: '8' });
    await waitForText(statusItem(b), /parser tests/);
  });

  it("cuts days in the browser's time zone, not the server's: today's win is on the user's today in the calendar", async () => {
    const view = await openDashboard(bench.page);
    const calendar = view.locator('#figures #calendar');
    await calendar.waitFor();
    // The day of the month where the user sits; the server's today is a day or two later there.
    const today = await calendar.evaluate(() => new Date().getDate());
    // Each day is a mark labelled with its date and its wins; the last is today, and it holds the win.
    const won = calendar.locator('.sw-mark[aria-label$=": 1 win"]');
    await won.first().waitFor({ state: 'attached', timeout: 30_000 });
    const labels = await calendar.locator('.sw-mark').evaluateAll((marks) => marks.map((m) => m.getAttribute('aria-label') ?? ''));
    assert.match(labels.at(-1) ?? '', new RegExp(`\\b${today}\\b.*: 1 win$`), 'today, where the user is, holds the win');
    assert.equal(labels.filter((l) => l.endsWith(': 1 win')).length, 1);
    await bench.page.screenshot({ path: 'test-results/record-time-zone-calendar.png' });
  });
});

/**
 * Two machines: two code-server instances with their own user data (globalState, archive), sharing
 * one journal folder, as Dropbox or Syncthing would share it between two computers.
 */
describe('one record on two machines through a journal folder (real VS Code)', function () {
  this.timeout(400_000);
  let folder: string;
  let one: Workbench;
  let two: Workbench;

  before(async function () {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'small-wins-folder-'));
    one = await Workbench.launch({ settings: { 'smallWins.journalFolder': folder } });
    two = await Workbench.launch();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await one?.screenshot(`record machine one ${this.currentTest.title}`);
      await two?.screenshot(`record machine two ${this.currentTest.title}`);
    }
  });

  after(async function () {
    await one?.close();
    await two?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('offers the folder in the dashboard in one line, and a session ended on one machine appears on the other once it uses the folder', async () => {
    await sessionWithWin(one.page, { first: { domain: 'parser tests' }, goal: 'Lex the numbers', confidence: '9' }, 'Lexed on machine one');
    const devices = fs.readdirSync(folder);
    assert.equal(devices.length, 1, 'one device folder');
    const lines = fs.readFileSync(path.join(folder, devices[0] as string, fs.readdirSync(path.join(folder, devices[0] as string))[0] as string), 'utf8').trim().split('\n');
    assert.ok(lines.every((line) => (JSON.parse(line) as { log: number }).log === 1), 'one JSON line per change');
    const view = await openDashboard(two.page);
    const line = view.locator('#record-place');
    await waitForText(line, /Your record lives only on this machine · Choose a folder/);
    await line.scrollIntoViewIfNeeded();
    await two.page.screenshot({ path: 'test-results/record-choose-folder.png' });
    await view.locator('#choose-journal-folder').click();
    await chooseFolder(two.page, 'Choose Journal Folder', folder);
    await notification(two.page, /Your record is kept in ".*" now/).waitFor();
    await waitForText(view.locator('#today-wins'), /parser tests · Lexed on machine one/);
    await view.locator('#record-place').waitFor({ state: 'hidden' });
  });

  it('an edit on machine two reaches machine one, and a deletion on one holds on both', async () => {
    await runCommand(two.page, 'Small Wins: Edit or Delete a Record');
    await pick(two.page, 'What do you want to correct or remove?', 'A win');
    await pick(two.page, 'Which one?', 'Lexed on machine one', undefined, true);
    await pick(two.page, 'Lexed on machine one', 'Edit…');
    await type(two.page, 'The win, as you want it recorded:', 'Lexed every number');
    await notification(two.page, 'Saved the change.').waitFor();
    const viewOne = await openDashboard(one.page);
    // Machine one reads the folder when it changes (a file watcher) or when its window gains focus.
    await setFocus(one.page);
    await waitForText(viewOne.locator('#today-wins'), /Lexed every number/);
    await deleteWin(one.page, 'Lexed every number');
    const viewTwo = await openDashboard(two.page);
    await setFocus(two.page);
    await waitForText(viewTwo.locator('#today-wins'), /No wins yet today/);
    await waitForText(viewOne.locator('#today-wins'), /No wins yet today/);
  });
});


/** A journal folder inside a git repository: the sync command commits this device's files and pushes them to a bare repository. */
describe('Sync Journal Folder against a bare repository (real VS Code)', function () {
  this.timeout(300_000);
  let root: string;
  let bench: Workbench | undefined;

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await bench?.screenshot(`record git ${this.currentTest.title}`);
  });

  after(async function () {
    await bench?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("commits this machine's files, pushes them, and says so", async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'small-wins-git-'));
    const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: 'pipe' }).trim();
    const remote = path.join(root, 'remote.git');
    git(root, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
    const clone = path.join(root, 'clone');
    git(root, 'clone', '--quiet', remote, clone);
    git(clone, 'checkout', '--quiet', '-B', 'main');
    git(clone, '-c', 'user.name=T', '-c', 'user.email=t@t', 'commit', '--quiet', '--allow-empty', '-m', 'start');
    git(clone, 'push', '--quiet', '-u', 'origin', 'main');
    const folder = path.join(clone, 'journal');
    fs.mkdirSync(folder);
    bench = await Workbench.launch({ settings: { 'smallWins.journalFolder': folder } });
    await sessionWithWin(bench.page, { first: { domain: 'parser tests' }, goal: 'Lex the numbers', confidence: '9' }, 'Committed with git');
    await runCommand(bench.page, 'Small Wins: Sync Journal Folder');
    await notification(bench.page, /Your journal is committed and in sync/).waitFor();
    const pushed = git(remote, 'log', 'main', '--format=%s');
    assert.match(pushed, /^Small Wins: journal of device /);
    assert.match(git(remote, 'show', '--stat', 'main'), /journal\/[^/]+\/\d{4}-\d{2}\.jsonl/);
  });
});

/**
 * Without a journal folder: a dated backup each day in "Small Wins backups" in the home folder, and a
 * machine that starts from nothing (a replaced laptop: new user data, the same home) restores it.
 */
describe('daily backups and Restore From Backup (real VS Code)', function () {
  this.timeout(400_000);
  let home: string;
  let bench: Workbench | undefined;

  before(function () {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'small-wins-home-'));
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await bench?.screenshot(`record backups ${this.currentTest.title}`);
    await bench?.close();
    bench = undefined;
  });

  after(function () {
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('keeps a backup after the day’s work, and a machine that starts from nothing restores the record from it', async () => {
    bench = await Workbench.launch({ env: { HOME: home } });
    await sessionWithWin(bench.page, { first: { domain: 'parser tests' }, goal: 'Lex the numbers', confidence: '9' }, 'Lexed before the laptop was lost');
    // Named by its day and what it holds, a few seconds after the work is written.
    const backup = path.join(home, 'Small Wins backups', `small-wins-${new Date().toLocaleDateString('en-CA')}-1s-1w.json`);
    await waitForFile(backup, 60_000);
    assert.match(fs.readFileSync(backup, 'utf8'), /Lexed before the laptop was lost/);
    await bench.close();
    bench = await Workbench.launch({ env: { HOME: home } });
    await runCommand(bench.page, 'Small Wins: Restore From Backup');
    await pick(bench.page, 'Which backup?', 'sessions: 1, wins: 1');
    await notification(bench.page, /Imported/).waitFor();
    const view = await openDashboard(bench.page);
    await todayWins(view, /parser tests · Lexed before the laptop was lost/);
    // Deleting the win takes it out of the backup too.
    await deleteWin(bench.page, 'Lexed before the laptop was lost');
    const deadline = Date.now() + 30_000;
    while (fs.readFileSync(backup, 'utf8').includes('Lexed before the laptop was lost') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    assert.equal(fs.readFileSync(backup, 'utf8').includes('Lexed before the laptop was lost'), false, 'gone from the backup');
    assert.doesNotThrow(() => JSON.parse(fs.readFileSync(backup, 'utf8')), 'and the backup still reads');
  });
});
