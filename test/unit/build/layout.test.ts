/**
 * Where code may live, checked on the files themselves:
 * - a test that starts child processes belongs to the `process` project (test/process/), so `unit`
 *   stays fast and self-contained and `e2e` only drives browsers;
 * - the scripts (`npm start`, `npm run bench`, the build) use no test code but the sample server.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(resolve(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => pattern.test(f))
    .map((f) => relative(root, join(resolve(root, dir), f)).split('\\').join('/'));
}

const read = (file: string) => readFileSync(resolve(root, file), 'utf8');
const spawnsProcesses = (source: string) => /from ['"](node:)?child_process['"]/.test(source);

describe('test layout', () => {
  const tests = filesUnder('test', /\.test\.tsx?$/);

  it('puts every test that starts child processes in test/process, and only those', () => {
    const spawning = tests.filter((f) => spawnsProcesses(read(f)));
    expect(spawning.length).toBeGreaterThan(0);
    expect(spawning.filter((f) => !f.startsWith('test/process/'))).toEqual([]);
    expect(tests.filter((f) => f.startsWith('test/process/') && !spawning.includes(f))).toEqual([]);
  });
});

describe('scripts', () => {
  it('import no test code but the sample server', () => {
    const imports = filesUnder('scripts', /\.ts$/).flatMap((file) =>
      [...read(file).matchAll(/(?:from|import)\s*\(?['"]([^'"]+)['"]/g)].map((m) => ({
        file,
        target: relative(root, resolve(root, file, '..', m[1] ?? '')).split('\\').join('/'),
      })),
    );
    expect(imports.some((i) => i.target.startsWith('test/server/'))).toBe(true);
    expect(imports.filter((i) => i.target.startsWith('test/') && !i.target.startsWith('test/server/'))).toEqual([]);
  });
});
