/**
 * `npm start`: opens the freshly built extension in VS Code. Desktop VS Code when its `code` CLI is on
 * PATH; otherwise the embedded code-server on the demo workspace, at a URL printed here. Ctrl-C stops it.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { cacheRoot, startVsCode } from './embeddedVsCode';

const repo = process.cwd();
const demo = path.join(repo, 'test', 'fixtures', 'demo-workspace');

function hasDesktopCode(): boolean {
  if (process.env['SMALL_WINS_EMBEDDED'] === '1') return false;
  return spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' }).stdout.trim() !== '';
}

async function main(): Promise<void> {
  if (hasDesktopCode()) {
    console.log('Opening desktop VS Code with Small Wins loaded from this folder…');
    spawn('code', [`--extensionDevelopmentPath=${repo}`, demo], { stdio: 'inherit', detached: true }).unref();
    return;
  }
  const vscode = await startVsCode({
    workspace: demo,
    extensions: [repo],
    // Your journal lives in the browser profile; VS Code's settings and layout persist here between runs.
    userDataDir: path.join(cacheRoot(), 'start-user-data'),
  });
  console.log(`\nSmall Wins is running in VS Code (code-server). Open this address in a browser:\n\n  ${vscode.folderUrl}\n\nPress Ctrl-C to stop.`);
  const stop = () => {
    void vscode.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
