import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packagedFiles, runVsce } from '../harness/embeddedVsCode';

const ROOT = process.cwd();
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

/** The `vsce package …` arguments of `npm run package`, with the .vsix written to `out` instead. */
function packageArguments(out: string): string[] {
  const command = /\bvsce (package\b[^&]*)$/.exec(manifest.scripts['package'] ?? '')?.[1];
  assert.ok(command, 'npm run package ends with a vsce package command');
  const args = command.trim().split(/\s+/);
  const at = args.indexOf('--out');
  assert.ok(at > 0, 'the package command names its output');
  args.splice(at, 2, '--out', out);
  return args;
}

/** Every relative path a text refers to with `](path)`: README pictures and links. */
const relativeLinks = (markdown: string) =>
  [...markdown.matchAll(/\]\(([^)#\s]+)\)/g)].map((m) => m[1] as string).filter((link) => !/^[a-z]+:/i.test(link));

describe('packaging (npm run package)', function () {
  this.timeout(60_000);

  it('writes a .vsix with the package command’s own options', () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'small-wins-vsix-'));
    try {
      const out = path.join(scratch, 'small-wins.vsix');
      const run = runVsce(packageArguments(out), ROOT);
      assert.equal(run.status, 0, `vsce package failed:\n${run.stdout}\n${run.stderr}`);
      assert.ok(fs.statSync(out).size > 10_000, 'a .vsix with content');
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('ships the bundles, their assets, translations and README pictures, and nothing else', () => {
    const files = packagedFiles(ROOT);
    for (const needed of [
      'package.json', 'package.nls.json', 'l10n/bundle.l10n.json', 'README.md', 'CHANGELOG.md', 'LICENSE',
      'dist/extension.js', 'dist/host/app.js', 'dist/web/extension.js',
      'dist/webview/main.js', 'dist/webview/dashboard.css', 'dist/webview/codicon.css', 'dist/webview/codicon.ttf',
    ]) assert.ok(files.includes(needed), `${needed} is packaged`);
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const pictures = relativeLinks(readme).filter((link) => /\.(png|svg|gif)$/i.test(link));
    assert.ok(pictures.length > 0, 'README shows pictures');
    for (const picture of pictures) assert.ok(files.includes(picture), `README picture ${picture} is packaged`);
    const raw = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const mediaPaths = [...raw.matchAll(/"(media\/[^"]+)"/g)].map((m) => m[1] as string);
    assert.ok(mediaPaths.length > 0, 'the manifest refers to media');
    for (const media of mediaPaths) assert.ok(files.includes(media), `${media} from package.json is packaged`);
    assert.deepEqual(files.filter((f) => f.endsWith('.map') || /^(src|test|node_modules|\.ci)\//.test(f)), [], 'no maps, sources or tests');
  });
});
