// Builds the extension host bundle, the dashboard bundle and (with --tests) the unit test bundles.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const bench = process.argv.includes('--bench');
const harness = tests || bench || process.argv.includes('--harness');

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  // esbuild prints each error and warning once, with file:line:column.
  logLevel: 'warning',
  legalComments: 'none',
  charset: 'utf8',
};

/** Bundles that run in Node: the extension host, the tests and the bench. */
const NODE = { ...common, platform: 'node', format: 'cjs', target: 'node20' };

function listTests(dir, suffix = '.test.ts') {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(suffix))
    .map((f) => path.join(dir, f));
}

function configs() {
  const list = [
    {
      ...NODE,
      entryPoints: ['src/extension.ts'],
      outfile: 'dist/extension.js',
      external: ['vscode', './host/app'],
    },
    {
      ...NODE,
      entryPoints: ['src/host/app.ts'],
      outfile: 'dist/host/app.js',
      external: ['vscode'],
    },
    {
      // The web extension (vscode.dev, a browser's worker extension host): one file, app included.
      ...common,
      entryPoints: ['src/extension.ts'],
      outfile: 'dist/web/extension.js',
      platform: 'browser',
      format: 'cjs',
      target: 'es2022',
      // Required only where Node runs (host/storage/logFolder.ts, gitSync.ts); a web worker never loads them.
      external: ['vscode', 'node:fs', 'node:child_process', 'node:os'],
    },
    {
      ...common,
      entryPoints: ['src/webview/main.ts'],
      outfile: 'dist/webview/main.js',
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
    },
    {
      // The Progress tab, with Observable Plot: loaded only by that tab, so the sidebar stays small.
      // Its stylesheet, imported by the entry, comes out beside it as progress.css.
      ...common,
      entryPoints: ['src/webview/progress/main.ts'],
      outfile: 'dist/webview/progress.js',
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
    },
  ];
  if (harness) {
    list.push({
      ...NODE,
      entryPoints: [
        ...(tests ? [...listTests('test/e2e', '.e2e.ts'), ...listTests('test/integration', '.ts'), 'test/harness/runDesktopTests.ts'] : []),
        'test/harness/prepare.ts',
      ],
      outdir: 'out/test',
      outbase: 'test',
      sourcemap: true,
      external: ['vscode', 'mocha', 'playwright-core', '@vscode/test-electron', 'typescript'],
    });
  }
  if (harness) {
    // Developer commands: npm start and npm run l10n.
    list.push({
      ...NODE,
      entryPoints: ['scripts/start.ts', 'scripts/l10nMessages.ts'],
      outdir: 'out/scripts',
      sourcemap: true,
      external: ['vscode', 'playwright-core', 'typescript'],
    });
  }
  if (bench) {
    list.push({
      ...NODE,
      entryPoints: ['test/bench/run.ts'],
      outdir: 'out/test/bench',
      minify: false,
      external: ['playwright-core'],
    });
    // The idle harness activates the real extension with stand-ins for the vscode API.
    list.push({
      ...NODE,
      entryPoints: ['test/bench/idleHarness.ts', 'test/bench/appStartHarness.ts'],
      outdir: 'out/test/bench',
      minify: true,
      alias: { vscode: './test/bench/fakeVscode.ts' },
    });
  }
  if (tests) {
    list.push({
      ...NODE,
      entryPoints: listTests('test/unit'),
      outdir: 'out/test/unit',
      outbase: 'test/unit',
      sourcemap: true,
      external: ['vscode', 'mocha', 'typescript'],
    });
  }
  return list;
}

/** Static webview assets, copied beside the bundle so localResourceRoots can be just dist/webview. */
function copyWebviewAssets() {
  const out = path.join('dist', 'webview');
  fs.mkdirSync(out, { recursive: true });
  const codicons = path.join('node_modules', '@vscode', 'codicons', 'dist');
  fs.copyFileSync(path.join(codicons, 'codicon.css'), path.join(out, 'codicon.css'));
  fs.copyFileSync(path.join(codicons, 'codicon.ttf'), path.join(out, 'codicon.ttf'));
  fs.copyFileSync(path.join('media', 'dashboard.css'), path.join(out, 'dashboard.css'));
}

async function main() {
  // A clean dist, so no stale bundle or source map from an earlier build is ever packaged.
  if (!watch) fs.rmSync('dist', { recursive: true, force: true });
  // Likewise a clean out/test, so a test file that was deleted or renamed never runs from an old build.
  if (tests) fs.rmSync(path.join('out', 'test'), { recursive: true, force: true });
  copyWebviewAssets();
  const contexts = await Promise.all(configs().map((c) => esbuild.context(c)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('watching for changes');
    return;
  }
  try {
    await Promise.all(contexts.map((c) => c.rebuild()));
  } finally {
    await Promise.all(contexts.map((c) => c.dispose()));
  }
}

main().catch((error) => {
  // A failed build has already printed its errors; anything else is printed here.
  if (!Array.isArray(error?.errors)) console.error(error?.message ?? error);
  process.exit(1);
});
