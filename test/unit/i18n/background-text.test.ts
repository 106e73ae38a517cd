/**
 * No user-facing text in the background's code outside the message catalogue: what the worker sends
 * to pages (refusals, warnings, Undo labels, conflicts) is worded with `word()` or sent as a message,
 * so a German browser never shows the code's English. The same checker as for page code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enCatalogue } from '../en';
import { findStrays } from './stray-text';

const root = resolve(import.meta.dirname, '../../..');

const isId = (text: string) => text in enCatalogue || `${text}_other` in enCatalogue;

/** Texts that are not shown to the user, each where it is (file and text). */
const NOT_SHOWN = new Set([
  // The worker's console, for developers.
  'src/background/index.ts: Cookie Lens: recovered interrupted changes',
  'src/background/index.ts: Cookie Lens: recovery',
  'src/background/intent.ts: Cookie Lens: could not bring back',
  'src/background/set-cookie-log.ts: Cookie Lens: Set-Cookie log',
  'src/background/third-party-setting.ts: Cookie Lens: third-party cookie setting',
  // A broken invariant (a bug), never a user's doing.
  'src/background/packed-findings.ts: finding # is about a cookie not in its group',
  // Kinds and protocol values the pages word themselves (site_top_level, site_third_party).
  'src/background/revert.ts: set again',
  'src/background/site-groups.ts: top-level',
  'src/background/site-groups.ts: third-party frame',
]);

function backgroundFiles(): string[] {
  return readdirSync(resolve(root, 'src/background'), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join('src/background', f));
}

describe('background code', () => {
  it('words every text it sends to pages through the catalogue', () => {
    const files = backgroundFiles();
    expect(files.length).toBeGreaterThan(20);
    const strays = files.flatMap((file) =>
      findStrays(file, readFileSync(resolve(root, file), 'utf8'), new Set(), isId)
        .map((s) => ({ where: `${file}: ${s.text}`, line: s.line }))
        .filter((s) => !NOT_SHOWN.has(s.where))
        .map((s) => `${s.where} (line ${s.line})`),
    );
    expect(strays).toEqual([]);
  });

  it('finds English put back into a background message', () => {
    const file = 'src/background/bulk.ts';
    const source = readFileSync(resolve(root, file), 'utf8');
    const planted = source.replace(
      "word('bg_expiry_invalid')",
      "'Nothing was changed: the expiry is not a valid date.'",
    );
    expect(planted).not.toBe(source);
    expect(findStrays(file, planted, new Set(), isId).map((s) => s.text)).toEqual([
      'Nothing was changed: the expiry is not a valid date.',
    ]);
  });
});
