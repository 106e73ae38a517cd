/**
 * Store-ready zips of both builds: artifacts/cookie-lens-<browser>-<version>.zip, manifest.json at
 * the root of each. Run through `npm run package`, which builds first.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { zipSync } from 'fflate';

const root = resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

mkdirSync(join(root, 'artifacts'), { recursive: true });
for (const browser of ['chrome', 'firefox']) {
  const dist = join(root, 'dist', browser);
  const entries: Record<string, Uint8Array> = {};
  for (const file of filesUnder(dist)) entries[relative(dist, file).split('\\').join('/')] = readFileSync(file);
  if (!entries['manifest.json']) throw new Error(`${dist} has no manifest.json`);
  const zip = zipSync(entries, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
  const out = join(root, 'artifacts', `cookie-lens-${browser}-${version}.zip`);
  writeFileSync(out, zip);
  console.log(`${relative(root, out)}  ${Object.keys(entries).length} files, ${zip.length} bytes`);
}
