// Renders the Marketplace / Open VSX icons, media/icon-128.png and media/icon-256.png, from the
// SVG mark (media/small-wins.svg): the mark in white, centred on a rounded green square. Each size
// is rendered from the vector, not scaled down from the other.
//
//   npm run icon                    rewrite the PNGs (after changing the mark or the colours below)
//   node scripts/icon.mjs --check   exit 1, writing nothing, when a committed PNG differs
import { Resvg } from '@resvg/resvg-js';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(import.meta.dirname, '..');
const MARK = path.join(ROOT, 'media', 'small-wins.svg');
const SIZES = [128, 256];
const output = (size) => path.join(ROOT, 'media', `icon-${size}.png`);

/** Also the listing's `galleryBanner.color` in package.json, so the icon sits on its own colour. */
const BACKGROUND = '#1d6b4f';
const FOREGROUND = '#ffffff';
/** The icon is drawn on a 256-unit canvas; the corner radius and the mark's extent are in those units. */
const CANVAS = 256;
const CORNER = 56;
const MARK_EXTENT = 156;
/** The mark is drawn for 24 px with 1.5-unit strokes; a little heavier reads better as an icon. */
const STROKE_WIDTH = '1.75';

/** The mark's root attributes that style its shapes, carried onto the group that places it. */
const PRESENTATION = new Set(['fill', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin']);

function iconSvg() {
  const source = fs.readFileSync(MARK, 'utf8');
  const match = /^\s*<svg\b([^>]*)>([\s\S]*)<\/svg>\s*$/.exec(source);
  if (!match) throw new Error(`${path.relative(ROOT, MARK)} is not a single <svg> element`);
  const attributes = new Map([...match[1].matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const style = [...attributes]
    .filter(([name]) => PRESENTATION.has(name))
    .map(([name, value]) => [name, name === 'stroke-width' ? STROKE_WIDTH : value.replaceAll('currentColor', FOREGROUND)]);
  const group = (transform) =>
    `<g ${style.map(([name, value]) => `${name}="${value}"`).join(' ')}${transform ? ` transform="${transform}"` : ''}>${match[2]}</g>`;

  // Centre what the mark actually draws (strokes included), not its 24×24 box: its bars sit low
  // and to the left of that box, under the arrow.
  const probe = `<svg xmlns="http://www.w3.org/2000/svg" width="${CANVAS}" height="${CANVAS}">${group('')}</svg>`;
  const box = new Resvg(probe, { font: { loadSystemFonts: false } }).innerBBox();
  if (!box) throw new Error(`${path.relative(ROOT, MARK)} draws nothing`);
  const scale = MARK_EXTENT / Math.max(box.width, box.height);
  const x = CANVAS / 2 - (box.x + box.width / 2) * scale;
  const y = CANVAS / 2 - (box.y + box.height / 2) * scale;
  const round = (n) => Number(n.toFixed(3));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CANVAS}" height="${CANVAS}" viewBox="0 0 ${CANVAS} ${CANVAS}">`,
    `<rect width="${CANVAS}" height="${CANVAS}" rx="${CORNER}" fill="${BACKGROUND}"/>`,
    group(`translate(${round(x)} ${round(y)}) scale(${round(scale)})`),
    '</svg>',
  ].join('');
}

function render(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();
}

const check = process.argv.includes('--check');
const svg = iconSvg();
let stale = 0;
for (const size of SIZES) {
  const png = render(svg, size);
  const file = output(size);
  const name = path.relative(ROOT, file);
  if (check) {
    if (!fs.existsSync(file) || !fs.readFileSync(file).equals(png)) {
      console.error(`${name} is not what the mark renders to: run npm run icon`);
      stale++;
    }
  } else {
    fs.writeFileSync(file, png);
    console.log(`${name} (${size}×${size}, ${png.length} bytes)`);
  }
}
if (stale > 0) process.exitCode = 1;
