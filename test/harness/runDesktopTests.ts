/**
 * `npm run test:desktop`: the integration suite in desktop VS Code, downloaded by @vscode/test-electron.
 * Needs a machine that can download VS Code and show (or emulate) a display.
 */
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const repo = process.cwd();

runTests({
  extensionDevelopmentPath: repo,
  extensionTestsPath: path.join(repo, 'out', 'test', 'integration', 'index.js'),
  launchArgs: [path.join(repo, 'test', 'fixtures', 'demo-workspace'), '--disable-extensions', '--disable-workspace-trust'],
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
