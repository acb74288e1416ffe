import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type * as Esbuild from 'esbuild';

const ROOT = process.cwd();
/** Loaded from node_modules at run time: esbuild's API cannot be bundled into this test. */
const esbuild = createRequire(path.join(ROOT, 'package.json'))('esbuild') as typeof Esbuild;

/** Minified as the production build makes it (esbuild.js --production), in memory: dist is left alone. */
async function minified(entry: string, o: { platform: 'browser' | 'node'; format: 'iife' | 'cjs' }): Promise<string> {
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outdir: 'bundle-size',
    bundle: true,
    minify: true,
    write: false,
    legalComments: 'none',
    charset: 'utf8',
    target: o.platform === 'browser' ? 'es2022' : 'node20',
    logLevel: 'silent',
    external: ['vscode', './host/app'],
    ...o,
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'));
  assert.ok(js, `${entry} builds`);
  return js.text;
}

/** A string only Observable Plot's code carries (its default class name). */
const PLOT = 'plot-d6a7b5';

describe('bundles', function () {
  this.timeout(60_000);

  it('keeps the Progress tab within 300 KB minified, Plot included', async () => {
    const progress = await minified('src/webview/progress/main.ts', { platform: 'browser', format: 'iife' });
    assert.ok(progress.includes(PLOT), 'the marker is Plot’s');
    assert.ok(progress.length <= 300 * 1024, `${progress.length} bytes`);
    assert.doesNotMatch(progress, /\beval\(|new Function\(/, 'nothing the CSP would have to allow');
  });

  it('keeps Plot out of the sidebar and the extension host', async () => {
    const bundles = await Promise.all([
      minified('src/webview/main.ts', { platform: 'browser', format: 'iife' }),
      // The app is what both extension bundles carry (the web one with the loader around it).
      minified('src/host/app.ts', { platform: 'node', format: 'cjs' }),
    ]);
    for (const bundle of bundles) assert.ok(!bundle.includes(PLOT) && !bundle.includes('interval-tree'));
  });

  it("keeps the sidebar's first script free of Plot and zod: its charts come in a script of their own, its answers are checked by the host", async () => {
    const [sidebar, figures] = await Promise.all([
      minified('src/webview/main.ts', { platform: 'browser', format: 'iife' }),
      minified('src/webview/figures/sidebarFigures.ts', { platform: 'browser', format: 'iife' }),
    ]);
    assert.ok(figures.includes(PLOT), 'the charts are drawn by Plot');
    assert.ok(figures.length <= 300 * 1024, `${figures.length} bytes`);
    // zod's own error text for an invalid literal: present only when zod is bundled.
    assert.ok(!sidebar.includes('Invalid input'), 'no zod in the sidebar');
    assert.ok(sidebar.length <= 100 * 1024, `${sidebar.length} bytes`);
  });
});
