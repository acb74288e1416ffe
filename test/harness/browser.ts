/** Debian's Chromium driven by playwright-core: no browser is ever downloaded. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { ensureDebianPackages } from '../../scripts/embeddedVsCode';

export function chromiumPath(): string {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  const which = () => spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).stdout.trim();
  let found = which();
  if (!found) {
    ensureDebianPackages(['chromium']);
    found = which();
  }
  if (!found) throw new Error('Chromium is not installed. Install the Debian package: apt-get install -y chromium');
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
