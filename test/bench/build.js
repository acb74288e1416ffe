// Builds the bench into out/test/bench (run it after the product's production build, which it measures).
const { NODE, build, run } = require('../../esbuild.js');

run(() =>
  build([
    { ...NODE, entryPoints: ['test/bench/run.ts'], outdir: 'out/test/bench', minify: false, external: ['playwright-core'] },
    // The idle harness activates the real extension with stand-ins for the vscode API.
    { ...NODE, entryPoints: ['test/bench/idleHarness.ts', 'test/bench/appStartHarness.ts'], outdir: 'out/test/bench', minify: true, alias: { vscode: './test/bench/fakeVscode.ts' } },
  ]),
);
