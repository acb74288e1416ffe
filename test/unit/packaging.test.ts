import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type * as Ovsx from 'ovsx';
import type * as OvsxZip from 'ovsx/lib/zip';
import { packagedFiles, runVsce } from '../../scripts/embeddedVsCode';

const ROOT = process.cwd();
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string; publisher: string; version: string; icon: string; scripts: Record<string, string>;
  repository: { url: string };
};

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
const isPicture = (link: string) => /\.(png|svg|gif|jpe?g)$/i.test(link);

/** The entries of a .vsix (a zip file: stored or deflated entries, as vsce writes them), by name. */
function zipEntries(file: string): Map<string, Buffer> {
  const zip = fs.readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, `${file} is a zip file`);
  const entries = new Map<string, Buffer>();
  let at = zip.readUInt32LE(end + 16);
  for (let i = zip.readUInt16LE(end + 10); i > 0; i--) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(data, data + size);
    entries.set(name, method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

describe('packaging (npm run package)', function () {
  this.timeout(60_000);

  let scratch = '';
  let vsix = '';
  let run: ReturnType<typeof runVsce> | undefined;
  let entries = new Map<string, Buffer>();
  const entry = (name: string): string => {
    const content = entries.get(name);
    assert.ok(content, `${name} is in the .vsix`);
    return content.toString('utf8');
  };

  before(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'small-wins-vsix-'));
    vsix = path.join(scratch, 'small-wins.vsix');
    run = runVsce(packageArguments(vsix), ROOT);
    if (run.status === 0) entries = zipEntries(vsix);
  });
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('writes a .vsix with the package command’s own options', () => {
    assert.equal(run?.status, 0, `vsce package failed:\n${run?.stdout}\n${run?.stderr}`);
    assert.ok(fs.statSync(vsix).size > 10_000, 'a .vsix with content');
  });

  it('packages without warnings and without flags that silence them', () => {
    assert.doesNotMatch(manifest.scripts['package'] ?? '', /--(allow-missing-repository|no-rewrite-relative-links|skip-license|allow-star-activation)\b/);
    // vsce writes a warning as " WARNING  text" (or "::warning::text" under GitHub Actions); the
    // ones it asks about ("Do you want to continue?") would also fail the run, as nothing answers.
    const warnings = `${run?.stdout}\n${run?.stderr}`.split('\n').filter((line) => /WARNING|::warning::/.test(line));
    assert.deepEqual(warnings, [], 'vsce package printed no warnings');
  });

  it('ships the listing icon and names it in the manifests', () => {
    assert.equal(manifest.icon, 'media/icon-128.png');
    assert.deepEqual(entries.get(`extension/${manifest.icon}`), fs.readFileSync(path.join(ROOT, manifest.icon)), 'the icon is packed as it is');
    const packed = JSON.parse(entry('extension/package.json')) as { icon?: string };
    assert.equal(packed.icon, manifest.icon, 'the packed package.json names the icon');
    assert.match(entry('extension.vsixmanifest'), /<Icon>extension\/media\/icon-128\.png<\/Icon>/, 'the gallery manifest names the icon');
  });

  it('shows README pictures from the repository in the packaged README', () => {
    const repository = manifest.repository.url.replace(/\.git$/, '');
    const pictures = relativeLinks(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).filter(isPicture);
    assert.ok(pictures.length > 0, 'README shows pictures');
    const readme = entry('extension/readme.md');
    const shown = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1] as string);
    for (const picture of pictures) {
      assert.ok(fs.existsSync(path.join(ROOT, picture)), `README picture ${picture} is in the repository`);
      assert.ok(shown.includes(`${repository}/raw/HEAD/${picture}`), `README picture ${picture} is shown from the repository`);
    }
    for (const link of shown) assert.match(link, /^https:\/\//, `packaged README picture ${link} is an https address`);
  });

  it('passes the checks ovsx (the Open VSX publisher) runs on this machine before uploading', async () => {
    // `ovsx publish` checks little itself; the rest (namespace, name and version formats, file
    // types) is done by the Open VSX server on upload, which needs the network and a token. What
    // it does offline, here with the installed ovsx and no registry: for a folder it requires a
    // license (checkLicense → isLicenseOk, which first runs validateManifest: publisher, name and
    // version) and packs it with vsce, as above; for a .vsix it reads the packed package.json
    // (readVSIXPackage), whose publisher becomes the namespace it asks a token for.
    // Loaded with require from node_modules, not bundled into this test: ovsx is a CLI with native
    // keychain modules.
    const load = createRequire(path.join(ROOT, 'package.json'));
    const ovsx = load('ovsx') as typeof Ovsx;
    const zip = load('ovsx/lib/zip') as typeof OvsxZip;

    assert.equal(await ovsx.isLicenseOk(ROOT), true, 'ovsx finds the license of the extension folder');
    const packed = await zip.readVSIXPackage(vsix);
    assert.doesNotThrow(() => ovsx.validateManifest(packed));
    assert.deepEqual([packed.publisher, packed.name, packed.version], [manifest.publisher, manifest.name, manifest.version]);
    assert.equal(await ovsx.isLicenseOk(ROOT, packed), true, 'the packed manifest carries a license');
    assert.ok(entries.has('extension/LICENSE.txt'), 'the license file is packed');
    // The checks can fail: a manifest without a publisher has no namespace to publish to.
    assert.throws(() => ovsx.validateManifest({ ...packed, publisher: '' }), /publisher/);
  });

  it('ships the bundles, their assets, translations and the icon, and nothing else', () => {
    const files = packagedFiles(ROOT);
    for (const needed of [
      'package.json', 'package.nls.json', 'l10n/bundle.l10n.json', 'README.md', 'CHANGELOG.md', 'LICENSE',
      'dist/extension.js', 'dist/host/app.js', 'dist/web/extension.js',
      'dist/webview/main.js', 'dist/webview/dashboard.css', 'dist/webview/codicon.css', 'dist/webview/codicon.ttf',
      'dist/webview/progress.js', 'dist/webview/progress.css',
      'media/icon-128.png',
      ...['de', 'fr', 'es', 'pt-br', 'ja', 'zh-cn'].flatMap((language) => [`package.nls.${language}.json`, `l10n/bundle.l10n.${language}.json`]),
    ]) assert.ok(files.includes(needed), `${needed} is packaged`);
    const raw = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const mediaPaths = [...raw.matchAll(/"(media\/[^"]+)"/g)].map((m) => m[1] as string);
    assert.ok(mediaPaths.length > 0, 'the manifest refers to media');
    for (const media of mediaPaths) assert.ok(files.includes(media), `${media} from package.json is packaged`);
    assert.deepEqual(
      files.filter((f) => f.endsWith('.map') || /^(src|test|node_modules|scripts|docs|\.ci)\//.test(f) || f === 'media/icon-256.png'),
      [],
      'no maps, sources, tests, scripts or pictures the package does not show',
    );
  });
});
