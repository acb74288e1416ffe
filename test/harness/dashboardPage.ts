/**
 * The built dashboard in a plain Chromium page, as the webview loads it but without VS Code: the
 * bench times its render and a test checks its translations. The host's messages are then posted
 * with sendHostMessage, as its postMessage arrives.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { HostMessage } from '../../src/shared/protocol';

/** With `figures`, the charts' script (figures.js) runs after the dashboard's, as the webview adds it after its first render. */
export async function loadDashboard(page: Page, o: { repo: string; translations?: Record<string, string>; language?: string; figures?: boolean }): Promise<void> {
  const asset = (name: string) => fs.readFileSync(path.join(o.repo, 'dist', 'webview', name), 'utf8');
  const css = ['codicon.css', 'dashboard.css', 'figures.css'].map(asset).join('\n');
  // As dashboardProvider.ts writes it: JSON data with "<" escaped.
  const translations = JSON.stringify(o.translations ?? {}).replace(/</g, '\\u003c');
  await page.setContent(
    `<!DOCTYPE html><html lang="${o.language ?? 'en'}"><head><style>${css}</style></head><body><main id="app" aria-busy="true"></main><div id="announcer"></div>` +
      `<script type="application/json" id="translations">${translations}</script></body></html>`,
  );
  await page.evaluate(() => {
    const posted: unknown[] = [];
    (window as unknown as { posted: unknown[] }).posted = posted;
    (window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({ postMessage: (m: unknown) => void posted.push(m), getState: () => undefined, setState: () => undefined });
  });
  await page.addScriptTag({ content: asset('main.js') });
  if (o.figures) await page.addScriptTag({ content: asset('figures.js') });
}

/** A message from the host, as its postMessage arrives in the page. */
export async function sendHostMessage(page: Page, message: HostMessage): Promise<void> {
  await page.evaluate((data) => window.dispatchEvent(new MessageEvent('message', { data })), message);
}

/** What the page posted to the host since the last call, in order. */
export function takePosted(page: Page): Promise<unknown[]> {
  return page.evaluate(() => (window as unknown as { posted: unknown[] }).posted.splice(0));
}
