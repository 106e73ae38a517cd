/**
 * Renders scripts/icon.svg to the PNG sizes the manifest names. Run after editing the SVG:
 * `npx tsx scripts/icons.ts`. The PNGs are committed so a build needs no native renderer.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const dir = resolve(import.meta.dirname, '../public/icons');
const svg = readFileSync(resolve(import.meta.dirname, 'icon.svg'), 'utf8');
for (const size of [16, 32, 48, 128]) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(resolve(dir, `icon-${size}.png`), png);
  console.log(`icons/icon-${size}.png ${png.length} bytes`);
}
