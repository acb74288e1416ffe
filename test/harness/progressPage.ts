/**
 * The built Progress tab in a plain Chromium page, without VS Code: the very page the panel writes
 * (progressHtml, with its Content-Security-Policy), its files served from one origin as the
 * webview's resource server serves them, a stand-in for acquireVsCodeApi that keeps what the tab
 * posts, and the theme's colours set on <html> as VS Code sets them. The host's messages are then
 * posted with sendHostMessage, as its postMessage arrives.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { progressHtml } from '../../src/host/progress/progressHtml';
import type { ProgressHostMessage, ProgressSnapshot } from '../../src/shared/progressProtocol';

const ORIGIN = 'https://progress.test';

/** A few of the colours VS Code gives every webview, from its Light+ and Dark+ themes. */
export const THEMES = {
  light: {
    kind: 'vscode-light',
    colours: {
      '--vscode-foreground': '#3b3b3b',
      '--vscode-descriptionForeground': '#717171',
      '--vscode-editor-background': '#ffffff',
      '--vscode-focusBorder': '#005fb8',
      '--vscode-charts-blue': '#1a85ff',
      '--vscode-charts-green': '#388a34',
      '--vscode-charts-foreground': '#3b3b3b',
      '--vscode-charts-purple': '#652d90',
      '--vscode-charts-red': '#e51400',
      '--vscode-charts-yellow': '#bf8803',
      '--vscode-editorWidget-border': '#c8c8c8',
      '--vscode-dropdown-background': '#ffffff',
      '--vscode-dropdown-foreground': '#3b3b3b',
      '--vscode-dropdown-border': '#cecece',
      '--vscode-editorHoverWidget-background': '#f8f8f8',
      '--vscode-editorHoverWidget-foreground': '#616161',
      '--vscode-editorHoverWidget-border': '#c8c8c8',
      '--vscode-font-family': 'system-ui, sans-serif',
      '--vscode-font-size': '13px',
    },
  },
  dark: {
    kind: 'vscode-dark',
    colours: {
      '--vscode-foreground': '#cccccc',
      '--vscode-descriptionForeground': '#9d9d9d',
      '--vscode-editor-background': '#1f1f1f',
      '--vscode-focusBorder': '#0078d4',
      '--vscode-charts-blue': '#3794ff',
      '--vscode-charts-green': '#89d185',
      '--vscode-charts-foreground': '#cccccc',
      '--vscode-charts-purple': '#b180d7',
      '--vscode-charts-red': '#f14c4c',
      '--vscode-charts-yellow': '#cca700',
      '--vscode-editorWidget-border': '#454545',
      '--vscode-dropdown-background': '#313131',
      '--vscode-dropdown-foreground': '#cccccc',
      '--vscode-dropdown-border': '#3c3c3c',
      '--vscode-editorHoverWidget-background': '#202020',
      '--vscode-editorHoverWidget-foreground': '#cccccc',
      '--vscode-editorHoverWidget-border': '#454545',
      '--vscode-font-family': 'system-ui, sans-serif',
      '--vscode-font-size': '13px',
    },
  },
} as const;

export type ThemeName = keyof typeof THEMES;

/** What the page saw: messages the tab posted and Content-Security-Policy violations. */
export interface ProgressProbe {
  posted: unknown[];
  violations: string[];
}

export async function loadProgress(page: Page, o: { repo: string; translations?: Record<string, string>; language?: string; theme?: ThemeName }): Promise<void> {
  const assets = path.join(o.repo, 'dist', 'webview');
  const html = progressHtml({
    nonce: 'dGVzdC1ub25jZS0xMjM0NQ==',
    cspSource: ORIGIN,
    asset: (name) => `${ORIGIN}/${name}`,
    language: o.language ?? 'en',
    translations: o.translations ?? {},
    title: 'Small Wins: Progress',
    loading: 'Loading…',
  });
  await page.route(`${ORIGIN}/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    if (name === '') return route.fulfill({ contentType: 'text/html', body: html });
    const file = path.join(assets, path.basename(name));
    if (!fs.existsSync(file)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ contentType: name.endsWith('.css') ? 'text/css' : 'text/javascript', body: fs.readFileSync(file) });
  });
  // Runs before the page's own scripts, outside its CSP, as VS Code's webview host does.
  await page.addInitScript(() => {
    const probe: ProgressProbe = { posted: [], violations: [] };
    (window as unknown as { probe: ProgressProbe }).probe = probe;
    (window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({ postMessage: (m: unknown) => probe.posted.push(m) });
    document.addEventListener('securitypolicyviolation', (e) => probe.violations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`));
  });
  await page.goto(`${ORIGIN}/`);
  await setTheme(page, o.theme ?? 'dark');
  await page.waitForFunction(() => (window as unknown as { probe: ProgressProbe }).probe.posted.length > 0);
}

/** Switches the theme as VS Code does, without reloading the page: new colours on <html>, the kind on <body>. */
export async function setTheme(page: Page, name: ThemeName): Promise<void> {
  const theme = THEMES[name];
  await page.evaluate((t) => {
    for (const [key, value] of Object.entries(t.colours)) document.documentElement.style.setProperty(key, value);
    document.body.classList.remove('vscode-light', 'vscode-dark');
    document.body.classList.add(t.kind);
    document.body.style.backgroundColor = 'var(--vscode-editor-background)';
  }, theme);
}

/** A message from the host, as its postMessage arrives in the page. */
export async function sendHostMessage(page: Page, message: ProgressHostMessage): Promise<void> {
  await page.evaluate((data) => window.dispatchEvent(new MessageEvent('message', { data })), message);
}

export function sendSnapshot(page: Page, snapshot: ProgressSnapshot): Promise<void> {
  return sendHostMessage(page, { type: 'snapshot', snapshot });
}

export function probe(page: Page): Promise<ProgressProbe> {
  return page.evaluate(() => (window as unknown as { probe: ProgressProbe }).probe);
}
