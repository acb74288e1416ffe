// Builds the product: the extension (desktop and web), its host app and the two webviews, into dist.
// The tests (test/build.js), the bench (test/bench/build.js) and the developer scripts
// (scripts/build.js) build beside their own code, with the settings exported here.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

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
      // The sidebar's charts: the Progress tab's figure modules (Observable Plot) in a script of their
      // own, which the sidebar adds after its first render. Its stylesheet comes out as figures.css.
      ...common,
      entryPoints: { figures: 'src/webview/figures/sidebarFigures.ts' },
      outdir: 'dist/webview',
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

/** Builds each configuration once, or (with --watch) on every change. */
async function build(list) {
  const contexts = await Promise.all(list.map((c) => esbuild.context(c)));
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

/** Runs a build script's main, exiting with 1 when it fails. */
function run(main) {
  main().catch((error) => {
    // A failed build has already printed its errors; anything else is printed here.
    if (!Array.isArray(error?.errors)) console.error(error?.message ?? error);
    process.exit(1);
  });
}

/** Every file under `dir` whose name ends with `suffix`. */
function filesIn(dir, suffix) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(suffix))
    .map((f) => path.join(dir, f));
}

module.exports = { NODE, build, run, filesIn };

if (require.main === module) {
  run(async () => {
    // A clean dist, so no stale bundle or source map from an earlier build is ever packaged.
    if (!watch) fs.rmSync('dist', { recursive: true, force: true });
    copyWebviewAssets();
    await build(configs());
  });
}
