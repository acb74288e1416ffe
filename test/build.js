// Builds the tests into out/test: the unit tests, the end-to-end tests and their harness (run them
// after the product's build, `node esbuild.js`, which they test).
const fs = require('node:fs');
const path = require('node:path');
const { NODE, build, run, filesIn } = require('../esbuild.js');

run(async () => {
  // A clean out/test, so a test file that was deleted or renamed never runs from an old build.
  fs.rmSync(path.join('out', 'test'), { recursive: true, force: true });
  await build([
    {
      ...NODE,
      entryPoints: [...filesIn('test/e2e', '.e2e.ts'), ...filesIn('test/integration', '.ts'), 'test/harness/runDesktopTests.ts', 'test/harness/prepare.ts'],
      outdir: 'out/test',
      outbase: 'test',
      sourcemap: true,
      external: ['vscode', 'mocha', 'playwright-core', '@vscode/test-electron', 'typescript'],
    },
    {
      ...NODE,
      entryPoints: filesIn('test/unit', '.test.ts'),
      outdir: 'out/test/unit',
      outbase: 'test/unit',
      sourcemap: true,
      external: ['vscode', 'mocha', 'typescript'],
    },
  ]);
});
