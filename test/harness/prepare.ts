/**
 * Installs what the end-to-end tests need before they start, with progress printed, so the first run's
 * one-off downloads (code-server, Chromium) never count against a test's timeout.
 */
import { chromiumPath } from './browser';
import { ensureCodeServer } from '../../scripts/embeddedVsCode';

try {
  const toolchain = ensureCodeServer();
  console.log(`[vscode] code-server ready (${toolchain.entry})`);
  console.log(`[browser] Chromium ready (${chromiumPath()})`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
