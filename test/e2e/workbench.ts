import { execFileSync } from 'node:child_process';
/**
 * Drives a real VS Code (code-server) in Chromium the way a user does: the command palette, quick
 * picks, input boxes, notifications, the status bar and the dashboard webview.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, BrowserContext, Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { launchChromium } from '../harness/browser';
import { startVsCode } from '../../scripts/embeddedVsCode';
import type { RunningVsCode } from '../../scripts/embeddedVsCode';

export const REPO = process.cwd();
export const RESULTS = path.join(REPO, 'test-results');
const TIMEOUT = 30_000;

export class Workbench {
  private constructor(
    readonly vscode: RunningVsCode,
    readonly browser: Browser,
    readonly context: BrowserContext,
    public page: Page,
    readonly workspace: string,
    /** The time zone of the computer the browser runs on; the server's is its `TZ`. */
    private readonly timezoneId: string | undefined,
  ) {}

  /**
   * A fresh code-server with the built extension, a fresh browser profile, and one window on a scratch
   * folder. `files`: more files for the workspace (path → content), there before VS Code opens it.
   * `timezoneId`: the browser's time zone (the server's is `env.TZ`): a remote window's user and host apart.
   */
  static async launch(o: { settings?: Record<string, unknown>; colorTheme?: string; files?: Record<string, string>; folderName?: string; env?: Record<string, string>; timezoneId?: string } = {}): Promise<Workbench> {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'small-wins-ws-'));
    // The folder's own name is what VS Code calls the workspace; a test can choose it.
    const workspace = o.folderName ? path.join(scratch, o.folderName) : scratch;
    fs.mkdirSync(workspace, { recursive: true });
    fs.cpSync(path.join(REPO, 'test', 'fixtures', 'demo-workspace'), workspace, { recursive: true });
    for (const [file, content] of Object.entries(o.files ?? {})) {
      fs.mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
      fs.writeFileSync(path.join(workspace, file), content);
    }
    const vscode = await startVsCode({
      workspace,
      extensions: [REPO],
      settings: { 'workbench.secondarySideBar.defaultVisibility': 'hidden', ...(o.colorTheme ? { 'workbench.colorTheme': o.colorTheme } : {}), ...o.settings },
      ...(o.env ? { env: o.env } : {}),
    });
    const browser = await launchChromium();
    const context = await browser.newContext(contextOptions(o.timezoneId));
    const page = await context.newPage();
    const bench = new Workbench(vscode, browser, context, page, workspace, o.timezoneId);
    await bench.open(page);
    return bench;
  }

  /** Loads the workbench in `page` and waits until Small Wins shows in the status bar. */
  async open(page: Page): Promise<void> {
    page.on('dialog', (dialog) => {
      this.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(this.vscode.folderUrl);
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    await statusItem(page).waitFor({ timeout: 90_000 });
  }

  /** A second VS Code window on the same server and browser profile. */
  async newWindow(): Promise<Page> {
    const page = await this.context.newPage();
    await this.open(page);
    return page;
  }

  /** A window in another browser (its own profile, so its own copy of VS Code's browser storage) on the same server. */
  async newBrowser(): Promise<Page> {
    const context = await this.browser.newContext(contextOptions(this.timezoneId));
    const page = await context.newPage();
    await this.open(page);
    return page;
  }

  /** Messages of any alert/confirm dialogs a page raised (there should be none). */
  readonly dialogs: string[] = [];

  /** Changes a user setting the way editing settings.json does; VS Code applies it without a reload. */
  setUserSetting(key: string, value: unknown): void {
    const file = path.join(this.vscode.userDataDir, 'User', 'settings.json');
    const settings = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(file, JSON.stringify({ ...settings, [key]: value }, null, 2));
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.vscode.stop();
    fs.rmSync(this.workspace, { recursive: true, force: true });
  }

  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(RESULTS, { recursive: true });
    const file = path.join(RESULTS, `${name.replace(/[^\w.-]+/g, '_').slice(0, 120)}.png`);
    await this.page.screenshot({ path: file }).catch(() => undefined);
    return file;
  }
}

export function statusItem(page: Page): Locator {
  return page.locator('[id="small-wins.small-wins.smallWins.session"]');
}

export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget');
}

/** Runs a command from the palette by its title, as a user would with F1. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = quickInput(page).locator('input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(`>${title}`);
  // Click the row whose label is exactly the title: "Color Theme" must not pick "Browse Color Themes".
  const row = quickInput(page)
    .locator('.monaco-list-row')
    .filter({ has: page.locator('.label-name').getByText(title, { exact: true }) })
    .first();
  await row.waitFor({ timeout: TIMEOUT });
  await row.click();
}

/**
 * Waits for a quick pick whose placeholder or title contains `prompt`, then picks the row with `label`
 * (typed into the filter first with `filter`, for a long list that shows only some of its rows).
 */
export async function pick(page: Page, prompt: string | RegExp, label: string, timeout = TIMEOUT, filter = false): Promise<void> {
  await expectPrompt(page, prompt);
  if (filter) await quickInput(page).locator('input').fill(label, { timeout });
  const row = quickInput(page).locator('.monaco-list-row', { hasText: label }).first();
  await row.waitFor({ timeout });
  await row.click({ timeout });
}

/**
 * Runs a command that opens one of VS Code's own pickers and picks `label`. When the palette closes,
 * VS Code hands focus back to a webview a moment later, and its own pickers close when they lose
 * focus (microsoft/vscode#93950): if the picker was gone before the click, the command runs once more.
 */
export async function runAndPick(page: Page, title: string, prompt: string | RegExp, label: string): Promise<void> {
  await runCommand(page, title);
  try {
    await pick(page, prompt, label, 5_000, true);
  } catch {
    await runCommand(page, title);
    await pick(page, prompt, label, TIMEOUT, true);
  }
}

/** Waits for an input box whose prompt contains `prompt`, types `text` and presses Enter. */
export async function type(page: Page, prompt: string | RegExp, text: string): Promise<void> {
  await expectPrompt(page, prompt);
  const input = quickInput(page).locator('input');
  await input.fill(text);
  await input.press('Enter');
}

export async function expectPrompt(page: Page, prompt: string | RegExp): Promise<void> {
  const source = typeof prompt === 'string' ? prompt.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : prompt.source;
  await page.waitForFunction(
    (pattern) => {
      const widget = document.querySelector('.quick-input-widget');
      if (!widget || (widget as HTMLElement).style.display === 'none') return false;
      const input = widget.querySelector('input');
      const text = [input?.getAttribute('placeholder') ?? '', widget.querySelector('.quick-input-message')?.textContent ?? '', widget.querySelector('.quick-input-title')?.textContent ?? ''].join('\n');
      return new RegExp(pattern).test(text);
    },
    source,
    { timeout: TIMEOUT },
  );
}

/** Clicks a button in the quick input's title bar by its tooltip (e.g. "Change the domain"). */
export async function clickInputButton(page: Page, tooltip: string): Promise<void> {
  const button = quickInput(page).locator(`.quick-input-titlebar .action-label[aria-label="${tooltip}"], .quick-input-titlebar [title="${tooltip}"]`).first();
  await button.waitFor({ timeout: TIMEOUT });
  // The box's own hover (its placeholder, when long) may lie over the title bar: move away first.
  await page.mouse.move(0, 0);
  await page.locator('.context-view .hover-contents').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
  // A hover shown for keyboard focus stays over the title bar whatever the mouse does: the button
  // still takes a click sent to it, as a screen reader's would be.
  await button.click({ timeout: 5_000 }).catch(() => button.dispatchEvent('click'));
}

/** The start, as a user does it: the first time names a domain (baseline skipped), then the one box, then the ruler. */
export interface StartAnswers {
  /** A first-time user's new micro-domain (and its baseline, empty to skip). */
  first?: { domain: string; baseline?: string };
  /** Change the domain: an existing one's name, or a new one. */
  domain?: { pick: string } | { create: string };
  /** Change the length: a row ("Open-ended", "45 minutes") or other minutes. */
  length?: string;
  minutes?: string;
  /** Change the cue: a saved one's text, "No cue", or a new instruction. */
  cue?: { pick: string } | { write: string };
  goal: string;
  confidence: string;
}

/** Starts a focus session through the quick start and returns the number of interactions it took. */
export async function startFocus(page: Page, a: StartAnswers): Promise<number> {
  let interactions = 0;
  await runCommand(page, 'Small Wins: Start Focus Session');
  if (a.first) {
    await type(page, 'Name a micro-domain', a.first.domain);
    await type(page, 'How certain are you', a.first.baseline ?? '');
    interactions += 2;
  }
  const box = /Type your proximal subgoal/;
  if (a.domain) {
    await expectPrompt(page, box);
    await clickInputButton(page, 'Change the domain');
    if ('pick' in a.domain) await pick(page, 'Pick a micro-domain', a.domain.pick);
    else {
      // A new domain is typed in the same box, then its baseline offered (Enter skips it).
      await type(page, 'Pick a micro-domain', a.domain.create);
      await type(page, 'How certain are you', '');
      interactions++;
    }
    interactions += 2;
  }
  if (a.length) {
    await expectPrompt(page, box);
    await clickInputButton(page, 'Change the planned length');
    await pick(page, 'How long do you plan', a.length);
    if (a.minutes) {
      await type(page, 'Planned minutes', a.minutes);
      interactions++;
    }
    interactions += 2;
  }
  if (a.cue) {
    await expectPrompt(page, box);
    await clickInputButton(page, 'Change the self-talk cue');
    // A saved cue is picked; a new one is typed in the same box.
    if ('pick' in a.cue) await pick(page, 'Instructional self-talk', a.cue.pick);
    else await type(page, 'Instructional self-talk', a.cue.write);
    interactions += 2;
  }
  await type(page, box, a.goal);
  await pick(page, 'How sure are you', a.confidence);
  return interactions + 2;
}

/**
 * The quick review: Enter on the met list (done subgoals are checked; the rest, if any, Enter once
 * more as missed), then the cause (a note typed first if given), then the preset ratings kept.
 * Returns the number of interactions a settled session takes.
 */
export async function reviewQuick(page: Page, a: { cause: string; note?: string; keep?: string }): Promise<number> {
  await expectPrompt(page, 'Which subgoals did you meet');
  await quickInput(page).locator('input').press('Enter');
  // Subgoals left unchecked come back once more as "partly met?"; Enter counts them as missed.
  await expectPrompt(page, /What made the difference|Which of the rest did you partly meet/);
  if (((await quickInput(page).locator('input').getAttribute('placeholder')) ?? '').includes('Which of the rest')) {
    await quickInput(page).locator('input').press('Enter');
    await expectPrompt(page, 'What made the difference');
  }
  if (a.note) await quickInput(page).locator('input').fill(a.note);
  const cause = quickInput(page).locator('.monaco-list-row', { hasText: a.cause }).first();
  await cause.waitFor({ timeout: TIMEOUT });
  await cause.click();
  await pick(page, 'How you see the cause', a.keep ?? 'Keep');
  return 3;
}

/** Waits until one of the locator's elements has matching text, and returns that element's text. */
export async function waitForText(locator: Locator, pattern: RegExp): Promise<string> {
  const match = locator.filter({ hasText: pattern }).first();
  await match.waitFor({ timeout: TIMEOUT });
  return (await match.textContent()) ?? '';
}

/**
 * code-server's file dialogs are quick inputs on a path. They open on the workspace folder (a save
 * dialog with its suggested name selected, up to the extension); like a user, type the name and accept.
 */
export async function chooseFile(page: Page, dialogTitle: string, fileName: string, mode: 'save' | 'open'): Promise<void> {
  await expectPrompt(page, dialogTitle);
  const input = quickInput(page).locator('input');
  // The dialog fills in its folder (and suggested name) a moment after it opens.
  await page.waitForFunction(
    (saving) => {
      const v = document.querySelector<HTMLInputElement>('.quick-input-widget input')?.value ?? '';
      return v.startsWith('/') && (saving ? !v.endsWith('/') : v.endsWith('/'));
    },
    mode === 'save',
    { timeout: TIMEOUT },
  );
  // Typing before the folder's entries are listed can be undone when they arrive.
  await quickInput(page).locator('.monaco-list-row').first().waitFor({ timeout: TIMEOUT });
  if (mode === 'open') await input.press('End');
  // A save dialog selects the suggested name without its extension, so the extension stays.
  await input.pressSequentially(mode === 'save' ? fileName.replace(/\.[^.]+$/, '') : fileName);
  await page.waitForFunction(
    (name) => document.querySelector<HTMLInputElement>('.quick-input-widget input')?.value.endsWith(`/${name}`) === true,
    fileName,
    { timeout: TIMEOUT },
  );
  await input.press('Enter');
}

/** The validation message under the input box. */
/** Picks a folder in VS Code's own folder dialog (the simple one code-server shows): its path typed, then accepted. */
export async function chooseFolder(page: Page, dialogTitle: string, folder: string): Promise<void> {
  await expectPrompt(page, dialogTitle);
  const input = quickInput(page).locator('input');
  await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('.quick-input-widget input')?.value ?? '').startsWith('/'), undefined, { timeout: TIMEOUT });
  await quickInput(page).locator('.monaco-list-row').first().waitFor({ timeout: TIMEOUT });
  await input.fill(`${folder}/`);
  await page.waitForFunction((f) => document.querySelector<HTMLInputElement>('.quick-input-widget input')?.value === `${f}/`, folder, { timeout: TIMEOUT });
  await input.press('Enter');
  // Enter on a folder's path opens it in the dialog; the dialog's button then takes it.
  const accept = quickInput(page).locator('.quick-input-action .monaco-button, .quick-input-titlebar .monaco-button').first();
  if (await quickInput(page).isVisible()) await accept.click({ timeout: 5_000 }).catch(() => input.press('Enter'));
}

export function validationMessage(page: Page): Locator {
  return quickInput(page).locator('.quick-input-message');
}

export function notification(page: Page, text: string | RegExp): Locator {
  return page.locator('.notification-toast', { hasText: text }).first();
}

/** Clicks a button on the notification that contains `text`. */
export async function clickNotificationButton(page: Page, text: string | RegExp, button: string): Promise<void> {
  const toast = notification(page, text);
  await toast.waitFor({ timeout: TIMEOUT });
  await toast.locator('.monaco-button', { hasText: button }).first().click();
}

export async function clearNotifications(page: Page): Promise<void> {
  await runCommand(page, 'Notifications: Clear All Notifications');
}

/**
 * The webview page that shows `selector`, once it does. Each webview (the sidebar, the tab) is its
 * own frame, and a hidden one's page is gone, so it is looked up each time.
 */
export async function webviewShowing(page: Page, selector: string): Promise<Frame> {
  // Every frame there is, and every frame attached meanwhile, waits for the selector; the first wins.
  const shows = (frame: Frame) => frame.locator(selector).first().waitFor({ timeout: 30_000 }).then(() => frame);
  let onAttached: ((frame: Frame) => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const attached = new Promise<Frame>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`No webview shows ${selector}`)), 30_000);
    onAttached = (frame) => void shows(frame).then(resolve, () => undefined);
    page.on('frameattached', onAttached);
  });
  try {
    return await Promise.any([...page.frames().map(shows), attached]);
  } finally {
    clearTimeout(timer);
    if (onAttached) page.off('frameattached', onAttached);
  }
}

/**
 * Focus leaves or returns to a window, as VS Code sees it: the document's focus and the events it
 * listens to. Without `focused`, the window loses focus and gains it again.
 */
export async function setFocus(page: Page, focused?: boolean): Promise<void> {
  for (const f of focused === undefined ? [false, true] : [focused]) {
    await page.evaluate((value) => {
      Object.defineProperty(document, 'hasFocus', { value: () => value, configurable: true });
      window.dispatchEvent(new FocusEvent(value ? 'focus' : 'blur'));
      document.dispatchEvent(new Event('visibilitychange'));
    }, f);
  }
}

/** The dashboard's content frame (webview iframe, then its active frame). */
/** A browser profile of the size every screenshot is taken at, in a time zone when one is given. */
function contextOptions(timezoneId: string | undefined): { viewport: { width: number; height: number }; timezoneId?: string } {
  return { viewport: { width: 1400, height: 900 }, ...(timezoneId ? { timezoneId } : {}) };
}

export async function openDashboard(page: Page): Promise<FrameLocator> {
  await runCommand(page, 'Small Wins: Open Dashboard');
  const outer = page.frameLocator('iframe.webview.ready');
  const inner = outer.frameLocator('#active-frame');
  await inner.locator('main[aria-busy="false"]').waitFor({ timeout: TIMEOUT });
  return inner;
}

/** Parses "mm:ss" or "h:mm:ss" in a status text into seconds. */
export function secondsIn(text: string): number {
  const match = /(?:(\d+):)?(\d{2}):(\d{2})/.exec(text);
  if (!match) throw new Error(`No time in "${text}"`);
  return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

/**
 * Waits until Small Wins' globalState, as VS Code web stores it in the browser (IndexedDB), contains
 * every one of `texts` (in one read). VS Code flushes extension state shortly after each change; a
 * reload reads what was flushed.
 */
export function waitForStored(page: Page, ...texts: string[]): Promise<string> {
  return waitForStoredState(page, { present: texts, absent: [], scope: 'global' });
}

/** The same for Small Wins' workspaceState (the workspace's defaults), in the workspace's own database. */
export async function waitForWorkspaceStored(page: Page, ...texts: string[]): Promise<void> {
  await waitForStoredState(page, { present: texts, absent: [], scope: 'workspace' });
}

/** Waits until Small Wins' stored globalState no longer contains `text` (a deletion has been flushed). */
export async function waitForNotStored(page: Page, text: string): Promise<void> {
  await waitForStoredState(page, { present: [], absent: [text], scope: 'global' });
}

/** Polls the stored state until one read holds every `present` text and none of the `absent` ones; resolves with that read. */
async function waitForStoredState(page: Page, wanted: { present: string[]; absent: string[]; scope: 'global' | 'workspace' }): Promise<string> {
  // A value read for an earlier wait must not answer this one.
  await page.evaluate(() => delete (window as unknown as { smallWinsStored?: string }).smallWinsStored);
  // Each poll starts a read of IndexedDB and answers with the latest value read so far.
  const found = await page.waitForFunction(
    ({ present, absent, scope }) => {
      const probe = window as unknown as { smallWinsStored?: string; smallWinsReading?: boolean };
      const GLOBAL = 'vscode-web-state-db-global';
      const readOne = (name: string) =>
        new Promise<string>((resolve) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => {
            const db = request.result;
            const done = (value: string) => (db.close(), resolve(value));
            if (!db.objectStoreNames.contains('ItemTable')) return done('');
            const get = db.transaction('ItemTable').objectStore('ItemTable').get('small-wins.small-wins');
            get.onsuccess = () => done(typeof get.result === 'string' ? get.result : '');
            get.onerror = () => done('');
          };
          request.onerror = () => resolve('');
        });
      if (!probe.smallWinsReading) {
        probe.smallWinsReading = true;
        const names = scope === 'global' ? Promise.resolve([GLOBAL]) : indexedDB.databases().then((dbs) => dbs.map((d) => d.name ?? '').filter((n) => n.startsWith('vscode-web-state-db-') && n !== GLOBAL));
        void names
          .then((list) => Promise.all(list.map(readOne)))
          .then((values) => (probe.smallWinsStored = values.join('\n')))
          .finally(() => (probe.smallWinsReading = false));
      }
      const stored = probe.smallWinsStored;
      return stored !== undefined && present.every((n) => stored.includes(n)) && !absent.some((n) => stored.includes(n)) && stored;
    },
    wanted,
    { timeout: TIMEOUT, polling: 100 },
  );
  return (await found.jsonValue()) as string;
}

/** Resolves when `file` exists: an event from the file system, not a poll. */
export function waitForFile(file: string, timeout = TIMEOUT): Promise<void> {
  return waitInFolder(path.dirname(file), () => fs.existsSync(file), `${file} did not appear`, timeout);
}

/** Resolves with the name of the archive file that holds `text`, once one does. */
export async function waitForArchived(userDataDir: string, text: string, timeout = TIMEOUT): Promise<string> {
  const storage = path.join(userDataDir, 'User', 'globalStorage', 'small-wins.small-wins');
  const archive = path.join(storage, 'archive');
  let found = '';
  const holds = () => {
    const names = fs.existsSync(archive) ? fs.readdirSync(archive).filter((n) => n.endsWith('.json')) : [];
    found = names.find((n) => fs.readFileSync(path.join(archive, n), 'utf8').includes(text)) ?? '';
    return found !== '';
  };
  await waitInFolder(storage, holds, `no archive file holds "${text}"`, timeout);
  return found;
}

/** Checks on every file-system event under `folder` (recursively) until `done` holds. */
function waitInFolder(folder: string, done: () => boolean, problem: string, timeout: number): Promise<void> {
  return new Promise((resolve, reject) => {
    fs.mkdirSync(folder, { recursive: true });
    const watcher = fs.watch(folder, { recursive: true }, () => check());
    const timer = setTimeout(() => finish(new Error(`${problem} within ${timeout} ms`)), timeout);
    let finished = false;
    const finish = (error?: Error) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      watcher.close();
      if (error) reject(error);
      else resolve();
    };
    const check = () => done() && finish();
    check();
  });
}

/** Makes `folder` a git repository if it is not one, and commits everything in it with `subject`, as a user at a terminal would. */
export function commitIn(folder: string, subject: string): void {
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Small Wins Test', '-c', 'user.email=test@example.invalid', ...args], { cwd: folder, stdio: 'pipe' });
  if (!fs.existsSync(path.join(folder, '.git'))) git('init', '--quiet');
  git('add', '-A');
  git('commit', '--quiet', '--allow-empty', '-m', subject);
}
