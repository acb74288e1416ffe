// Builds the developer commands into out/scripts: `npm start` (the extension in an embedded VS Code)
// and `npm run l10n` (the messages for translators).
const { NODE, build, run } = require('../esbuild.js');

run(() =>
  build([
    {
      ...NODE,
      entryPoints: ['scripts/start.ts', 'scripts/l10nMessages.ts'],
      outdir: 'out/scripts',
      sourcemap: true,
      external: ['vscode', 'playwright-core', 'typescript'],
    },
  ]),
);
