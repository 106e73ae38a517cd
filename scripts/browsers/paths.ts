/** Where the repository and the built extensions are, for the scripts and the tests that launch browsers. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');
export const distChrome = resolve(root, 'dist/chrome');
export const distFirefox = resolve(root, 'dist/firefox');

/** Throws a message naming the fix when `dir` holds no built extension. */
export function assertBuilt(dir: string): void {
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`${dir} has no manifest.json: run \`npm run build\` before the end-to-end tests.`);
  }
}
