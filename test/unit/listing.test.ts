import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = process.cwd();
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  icon?: string;
  categories?: string[];
  keywords?: string[];
  galleryBanner?: { color?: string; theme?: string };
  pricing?: string;
  repository?: { type?: string; url?: string };
  bugs?: { url?: string };
  homepage?: string;
  scripts: Record<string, string>;
};

/**
 * The categories VS Code and the Marketplace accept (`EXTENSION_CATEGORIES` in VS Code's
 * src/vs/platform/extensions/common/extensions.ts; vsce 3 passes categories through unchecked).
 */
const CATEGORIES = [
  'AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Extension Packs', 'Education', 'Formatters', 'Keymaps',
  'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Programming Languages', 'SCM Providers',
  'Snippets', 'Testing', 'Themes', 'Visualization', 'Other',
];

/** Width and height from a PNG's header (its first chunk, IHDR). */
function pngSize(file: string): { width: number; height: number } {
  const png = fs.readFileSync(file);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${file} is a PNG`);
  assert.equal(png.toString('latin1', 12, 16), 'IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('Marketplace and Open VSX listing', function () {
  this.timeout(30_000);

  it('has a 128×128 PNG icon, and a 256×256 one, in media/', () => {
    assert.equal(manifest.icon, 'media/icon-128.png');
    assert.deepEqual(pngSize(path.join(ROOT, 'media', 'icon-128.png')), { width: 128, height: 128 });
    assert.deepEqual(pngSize(path.join(ROOT, 'media', 'icon-256.png')), { width: 256, height: 256 });
  });

  it('has icons that are what npm run icon renders from the SVG mark', () => {
    assert.equal(manifest.scripts['icon'], 'node scripts/icon.mjs');
    const check = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'icon.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(check.status, 0, `the committed icons are stale:\n${check.stdout}${check.stderr}`);
  });

  it('has a banner in the icon’s colour', () => {
    const script = fs.readFileSync(path.join(ROOT, 'scripts', 'icon.mjs'), 'utf8');
    const background = /const BACKGROUND = '(#[0-9a-f]{6})'/i.exec(script)?.[1];
    assert.ok(background, 'the icon script names its background colour');
    assert.equal(manifest.galleryBanner?.color?.toLowerCase(), background.toLowerCase());
    assert.ok(manifest.galleryBanner?.theme === 'dark' || manifest.galleryBanner?.theme === 'light');
  });

  it('lists accepted categories beyond Other, and at most 30 distinct keywords', () => {
    const categories = manifest.categories ?? [];
    assert.ok(categories.some((category) => category !== 'Other'), 'a category beyond Other');
    for (const category of categories) assert.ok(CATEGORIES.includes(category), `${category} is a Marketplace category`);
    assert.equal(new Set(categories).size, categories.length, 'no category twice');
    const keywords = manifest.keywords ?? [];
    assert.ok(keywords.length > 5 && keywords.length <= 30, `${keywords.length} keywords`);
    assert.equal(new Set(keywords.map((keyword) => keyword.toLowerCase())).size, keywords.length, 'no keyword twice');
    for (const keyword of keywords) assert.match(keyword, /^\S(.*\S)?$/, `keyword "${keyword}" has no outer spaces`);
  });

  it('links the repository, its issues and its README, and is free', () => {
    const repository = 'https://github.com/small-wins/small-wins';
    assert.deepEqual(manifest.repository, { type: 'git', url: `${repository}.git` });
    assert.deepEqual(manifest.bugs, { url: `${repository}/issues` });
    assert.equal(manifest.homepage, `${repository}#readme`);
    assert.equal(manifest.pricing, 'Free');
  });
});
