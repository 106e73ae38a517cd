/**
 * The pure layers (src/core, src/model, src/i18n) use no browser API: they return data and message
 * ids, and the background or a page does the rest. Checked on the files themselves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

function filesUnder(dir: string): { file: string; text: string }[] {
  const abs = resolve(root, dir);
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(join(abs, f), 'utf8') }));
}

describe.each(['src/core', 'src/model', 'src/i18n'])('%s', (dir) => {
  const files = filesUnder(dir);

  it('imports neither the extension API nor the UI or background', () => {
    expect(files.length).toBeGreaterThan(0);
    const offending = files.filter(({ text }) =>
      /from ['"](webextension-polyfill|[./]*(ui|background)\/[^'"]*|[./]*ui\/connect\/browser-api)['"]/.test(text),
    );
    expect(offending.map((f) => f.file)).toEqual([]);
  });

  it('calls no browser.* or chrome.* API', () => {
    const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const offending = files.filter(({ text }) =>
      /\b(browser|chrome)\.(i18n|cookies|runtime|tabs|storage)\b/.test(code(text)),
    );
    expect(offending.map((f) => f.file)).toEqual([]);
  });
});
