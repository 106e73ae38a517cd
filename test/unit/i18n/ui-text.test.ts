/**
 * No user-facing text in the pages' code outside the message catalogue: every component and every
 * module that words something for a page goes through `t()` (see stray-text.ts for what counts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enCatalogue } from '../en';
import { findStrays } from './stray-text';

const root = resolve(import.meta.dirname, '../../..');

/** Page code: the shared UI and the pages' entries. */
const DIRS = ['src/ui', 'popup', 'devtools', 'sidepanel', 'manager'];

/** Texts that are not words of any language: symbols, Set-Cookie syntax, format names. */
const ALLOWED = new Set([
  '·',
  '…',
  '›',
  'Secure',
  'HttpOnly',
  'SameSite',
  'Set-Cookie:',
  // The name pattern field's example: a cookie name is code.
  'session*',
]);

const isId = (text: string) => text in enCatalogue || `${text}_other` in enCatalogue;

/** In-memory stand-ins for the background, for unit tests: no page ships them. */
const TEST_DOUBLES = /^src\/ui\/connect\/memory(-store)?\.ts$/;

function pageFiles(): string[] {
  return DIRS.flatMap((dir) =>
    readdirSync(resolve(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
      .map((f) => join(dir, f))
      .filter((f) => !TEST_DOUBLES.test(f)),
  );
}

describe('the stray-text checker', () => {
  const planted = readFileSync(resolve(import.meta.dirname, 'fixtures/planted.tsx.txt'), 'utf8');

  it('finds every planted stray and nothing else', () => {
    const found = findStrays('planted.tsx', planted, ALLOWED, (text) => ['save', 'cancel'].includes(text));
    expect(found.map((s) => s.text).sort()).toEqual(
      [
        'Planted label',
        'This sentence is planted.',
        'Planted dialog',
        'Planted heading',
        'Planted # things',
        'Planted status',
        'Planted one',
        'Planted placeholder',
      ].sort(),
    );
    // Each with the line it is on.
    const lines = planted.split('\n');
    for (const s of found) expect(lines[s.line - 1]).toContain(s.text.split(' # ')[0]);
  });

  it('finds a stray added to a real component', () => {
    const file = 'src/ui/components/confirm-dialog.tsx';
    const source = readFileSync(resolve(root, file), 'utf8');
    expect(findStrays(file, source, ALLOWED, isId)).toEqual([]);
    const planted = source.replace('<p>{question}</p>', '<p>{question} Are you sure?</p>');
    expect(planted).not.toBe(source);
    expect(findStrays(file, planted, ALLOWED, isId).map((s) => s.text)).toEqual(['Are you sure?']);
  });
});

describe('page code', () => {
  it('words every user-facing text through the catalogue', () => {
    const files = pageFiles();
    expect(files.length).toBeGreaterThan(40);
    const strays = files.flatMap((file) =>
      findStrays(file, readFileSync(resolve(root, file), 'utf8'), ALLOWED, isId).map(
        (s) => `${file}:${s.line}: ${s.text}`,
      ),
    );
    expect(strays).toEqual([]);
  });
});
