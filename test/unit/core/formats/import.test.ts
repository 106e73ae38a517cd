import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  detectFormat,
  type ImportResult,
  importCookies as importMessages,
  MAX_IMPORT_CHARS,
  MAX_IMPORT_ROWS,
} from '../../../../src/core/formats/index';
import { fastestMs } from '../../timing';
import { enDeep, type Worded } from '../../en';

/** An import with its errors worded in English, as an English page shows them. */
const importCookies = (...args: Parameters<typeof importMessages>) => enDeep(importMessages(...args));

describe('detectFormat', () => {
  it.each([
    ['[]', 'json'],
    ['  \n {"name": "a"}', 'json'],
    ['\uFEFF[{"name": "a"}]', 'json'],
    ['[not json', 'json'],
    ['# Netscape HTTP Cookie File\n', 'netscape'],
    ['# HTTP Cookie File\nnothing else', 'netscape'],
    ['#HttpOnly_example.com\tFALSE\t/\tFALSE\t0\ta\tb', 'netscape'],
    ['example.com\tFALSE\t/\tFALSE\t0\ta\tb', 'netscape'],
    ['garbage\nexample.com\tFALSE\t/\tFALSE\t0\ta\tb\r\n', 'netscape'],
    ['a=b', 'header'],
    ['a=b; c=d', 'header'],
    ['Cookie: a=b; c', 'header'],
    ['a=b\nc=d', 'header'],
    ['', 'unknown'],
    ['   \n\t\n', 'unknown'],
    ['hello world', 'unknown'],
    ['a=b\nsome prose here', 'unknown'],
    ['a\tb\tc', 'unknown'],
    ['<html><body>a=b</body></html>', 'unknown'],
  ])('%j is %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });

  // The regex detectFormat used to tell a Cookie header line: `\s*(?:cookie\s*:)?\s*` let two runs of
  // whitespace share the spaces in every way, so 20,000 spaces on paste took seconds (issue 11).
  const OLD_HEADER_LINE = /^\s*(?:cookie\s*:)?\s*[\w!#$%&'*+.^`|~-]+\s*=[^\t]*$/i;

  it('tells a Cookie header line exactly as the old regex did', () => {
    const unit = fc.constantFrom(
      ...[
        ' ',
        '\t',
        '\u00a0',
        '\u2028',
        '\ufeff',
        'c',
        'o',
        'k',
        'i',
        'e',
        'C',
        'K',
        '\u212a',
        ':',
        '=',
        'a',
        '-',
        ';',
        '"',
        '/',
      ],
      'cookie',
      'Cookie:',
      'COOKIE :',
    );
    const part = (...units: string[]) => fc.string({ unit: fc.constantFrom(...units), maxLength: 3 });
    const ws = part(' ', '\t', '\u00a0', '\u2028', '\ufeff');
    const shaped = fc
      .tuple(
        ws,
        fc.constantFrom('', 'cookie', 'Cookie', 'COOKIE', 'coo\u212aie', 'cookie:'),
        ws,
        fc.constantFrom('', ':', '::'),
        ws,
        part('a', '-', 'c', '"', '/', ':', '\u00e9'),
        ws,
        fc.constantFrom('=', '', '=='),
        part('b', ' ', '\t', ';', '='),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit, maxLength: 12 }), shaped), (text) => {
        const line = text.replace(/^\uFEFF/, '');
        fc.pre(line.split('\t').length !== 7);
        const expected = line.trim() !== '' && OLD_HEADER_LINE.test(line) ? 'header' : 'unknown';
        expect(detectFormat(text)).toBe(expected);
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('tells a line with 60,000 spaces in well under a second', () => {
    const lines = [
      `${' '.repeat(60_000)}!`,
      `Cookie:${' '.repeat(60_000)}!`,
      `${' \t'.repeat(30_000)}cookie${' '.repeat(60_000)}a=b`,
      `a${' '.repeat(60_000)}=b`,
    ];
    const expected = ['unknown', 'unknown', 'unknown', 'header'];
    lines.forEach((line, i) => {
      const ms = fastestMs(() => detectFormat(line), 100);
      expect(detectFormat(line)).toBe(expected[i]);
      expect(ms, `line ${i}`).toBeLessThan(100);
      expect(
        fastestMs(() => importCookies(line, { defaultDomain: 'example.com' }), 100),
        `import ${i}`,
      ).toBeLessThan(100);
    });
  });
});

describe('importCookies', () => {
  it('reports text in no known format with one error', () => {
    expect(importCookies('hello world')).toStrictEqual({
      format: 'unknown',
      cookies: [],
      errors: [
        {
          line: 1,
          where: 'line 1',
          reason:
            'not a cookie format: expected JSON, cookies.txt (tab-separated) or a Cookie header (name=value; name2=value2)',
        },
      ],
    });
    expect(importCookies('  \n').errors).toEqual([{ line: 1, where: 'line 1', reason: 'nothing to import' }]);
  });

  it('skips cookies already expired at options.now, with an error giving the date', () => {
    const now = Date.UTC(2025, 5, 1);
    const text = [
      'example.com\tFALSE\t/\tFALSE\t1700000000\told\t1',
      `example.com\tFALSE\t/\tFALSE\t${now / 1000}\tedge\t1`,
      `example.com\tFALSE\t/\tFALSE\t${now / 1000 + 1}\tfresh\t1`,
    ].join('\n');
    const result = importCookies(text, { now });
    expect(result.cookies.map((c) => c.name)).toEqual(['fresh']);
    expect(result.errors).toEqual([
      {
        line: 1,
        where: 'line 1',
        reason: 'expired on 2023-11-14T22:13:20.000Z: a browser would delete it, not store it',
      },
      {
        line: 2,
        where: 'line 2',
        reason: 'expired on 2025-06-01T00:00:00.000Z: a browser would delete it, not store it',
      },
    ]);
  });

  it('does not throw on an expiry too far back to be a date', () => {
    const result = importCookies(
      JSON.stringify([{ name: 'a', value: 'b', domain: 'x.com', session: false, expirationDate: -1e300 }]),
    );
    expect(result.errors).toEqual([
      { line: 1, where: 'entry 1 ("a")', reason: 'expired on -1e+300 unix seconds: a browser would delete it, not store it' },
    ]);
  });

  it('keeps the first of two cookies with the same identity and reports the later one', () => {
    const text = [
      'example.com\tFALSE\t/\tFALSE\t0\ta\t1',
      'EXAMPLE.com\tFALSE\t/\tFALSE\t0\ta\t2',
      'example.com\tFALSE\t/other\tFALSE\t0\ta\t3',
      '.example.com\tTRUE\t/\tFALSE\t0\ta\t4',
    ].join('\n');
    const result = importCookies(text);
    expect(result.cookies.map((c) => c.value)).toEqual(['1', '3', '4']);
    expect(result.errors).toEqual([
      { line: 2, where: 'line 2', reason: 'same name, domain, path and store as line 1, which is imported instead' },
    ]);
  });

  it('tells cookies apart by store and partition, as the browser does (JSON)', () => {
    const base = { name: 'a', value: '1', domain: 'example.com' };
    const text = JSON.stringify([
      base,
      { ...base, storeId: '1' },
      { ...base, partitionKey: { topLevelSite: 'https://top.example' } },
      { ...base, value: 'dup' },
    ]);
    const result = importCookies(text);
    expect(result.cookies).toHaveLength(3);
    expect(result.errors.map((e) => e.where)).toEqual(['entry 4 ("a")']);
  });

  it('lists errors in line order', () => {
    const text = ['x', 'example.com\tFALSE\t/\tFALSE\t0\ta\t1', 'example.com\tFALSE\t/\tFALSE\t0\ta\t2', 'y'].join(
      '\n',
    );
    expect(importCookies(text).errors.map((e) => e.line)).toEqual([1, 3, 4]);
  });
});

function wellFormed(result: Worded<ImportResult>): void {
  expect(['json', 'netscape', 'header', 'playwright', 'puppeteer', 'unknown']).toContain(result.format);
  for (const e of result.errors) {
    expect(Number.isInteger(e.line) && e.line >= 1).toBe(true);
    expect(e.where).not.toBe('');
    expect(typeof e.reason).toBe('string');
    expect(e.reason).not.toBe('');
  }
  for (const c of result.cookies) {
    expect(typeof c.name).toBe('string');
    expect(typeof c.value).toBe('string');
    expect(typeof c.domain).toBe('string');
    expect(c.path.startsWith('/')).toBe(true);
  }
  if (result.format === 'unknown') expect(result.errors).toHaveLength(1);
}

describe('importCookies never throws', () => {
  const options = fc.record(
    { defaultDomain: fc.string(), defaultStoreId: fc.string(), now: fc.double() },
    { requiredKeys: [] },
  );
  const keys = fc.constantFrom(
    'name',
    'value',
    'domain',
    'hostOnly',
    'path',
    'secure',
    'httpOnly',
    'sameSite',
    'session',
    'expirationDate',
    'expires',
    'storeId',
    'partitionKey',
    'firstPartyDomain',
    '__proto__',
    'constructor',
  );
  const field = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', '.', '\t', '\n', ';', '=', ' ', '#', '/', 'TRUE', 'FALSE', '0', '9') }),
    fc.string(),
  );
  const texts = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.json(),
    fc.array(fc.dictionary(keys, fc.jsonValue())).map((a) => JSON.stringify(a)),
    fc.array(fc.array(field, { minLength: 5, maxLength: 9 }).map((f) => f.join('\t'))).map((l) => l.join('\n')),
    fc.array(fc.tuple(field, field).map(([n, v]) => `${n}=${v}`)).map((p) => p.join('; ')),
  );

  it('on arbitrary strings, JSON, cookie-ish objects, tab-separated and header-like lines', () => {
    fc.assert(
      fc.property(texts, options, (text, opts) => {
        wellFormed(importCookies(text, opts));
      }),
      { numRuns: 1500 },
    );
  });
});

describe('importCookies size caps (issue 11: never freeze)', () => {
  const options = { defaultDomain: 'example.com', now: 0 };

  it('reads at most 5 MB of text, and says so', () => {
    expect(MAX_IMPORT_CHARS).toBe(5 * 1024 * 1024);
    const line = 'example.com\tFALSE\t/\tFALSE\t0\ta\tb\n';
    const atCap = line + ' '.repeat(MAX_IMPORT_CHARS - line.length);
    expect(importCookies(atCap, options).cookies).toHaveLength(1);
    expect(importCookies(`${atCap} `, options)).toStrictEqual({
      format: 'unknown',
      cookies: [],
      errors: [
        {
          line: 1,
          where: 'line 1',
          reason: 'the text is longer than 5 MB (5,242,880 characters): split it and import the parts one at a time',
        },
      ],
    });
  });

  const tooMany = 'more than 10,000 cookies: split the text and import the parts one at a time';

  const json = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ name: `c${i}`, value: 'v' })));
  const playwright = (n: number) =>
    JSON.stringify({
      cookies: Array.from({ length: n }, (_, i) => ({
        name: `c${i}`,
        value: 'v',
        domain: 'example.com',
        sameSite: 'Lax',
        expires: -1,
      })),
      origins: [],
    });
  it.each([
    [
      'netscape',
      (n: number) => Array.from({ length: n }, (_, i) => `example.com\tFALSE\t/\tFALSE\t0\tc${i}\tv`).join('\n'),
      { line: 10_001, where: 'line 10001' },
    ],
    [
      'header',
      (n: number) => Array.from({ length: n }, (_, i) => `c${i}=v`).join('; '),
      { line: 1, where: 'line 1, pair 10001' },
    ],
    [
      'header',
      (n: number) => Array.from({ length: n }, (_, i) => `c${i}=v`).join('\n'),
      { line: 10_001, where: 'line 10001, pair 1' },
    ],
    ['json', json, { line: 10_001, where: 'entry 10001 ("c10000")' }],
    ['playwright', playwright, { line: 10_001, where: 'entry 10001 ("c10000")' }],
  ])(
    '%s: reads 10,000 cookies and refuses more with one error at the first one past the cap (%#)',
    (format, make, at) => {
      expect(MAX_IMPORT_ROWS).toBe(10_000);
      expect(importCookies(make(MAX_IMPORT_ROWS), options)).toMatchObject({ format, errors: [] });
      expect(importCookies(make(MAX_IMPORT_ROWS), options).cookies).toHaveLength(MAX_IMPORT_ROWS);
      expect(importCookies(make(MAX_IMPORT_ROWS + 5), options)).toStrictEqual({
        format,
        cookies: [],
        errors: [{ ...at, reason: tooMany }],
      });
    },
  );

  it('counts bad rows toward the cap', () => {
    const text = ['a=b', ...Array.from({ length: MAX_IMPORT_ROWS }, () => 'x;=y')].join('; ');
    expect(importCookies(text, options).errors).toEqual([{ line: 1, where: 'line 1, pair 10001', reason: tooMany }]);
  });

  it('stops at the cap instead of building a row for each of a million pairs', () => {
    const text = 'a=b;'.repeat(1_000_000);
    const ms = fastestMs(() => importCookies(text, options), 1000);
    expect(importCookies(text, options).errors).toEqual([{ line: 1, where: 'line 1, pair 10001', reason: tooMany }]);
    expect(ms).toBeLessThan(1000);
  });

  it('does not throw on a sameSite nested too deep to quote', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const text = `[{"name":"a","value":"b","domain":"example.com","sameSite":${deep}}]`;
    expect(importCookies(text, options).errors).toEqual([
      { line: 1, where: 'entry 1 ("a")', reason: 'unknown "sameSite" value (an array nested too deep to quote)' },
    ]);
  });
});

describe('importCookies from untyped callers', () => {
  it('treats a non-string as nothing to import', () => {
    expect(importCookies(undefined as unknown as string).errors).toEqual([
      { line: 1, where: 'line 1', reason: 'nothing to import' },
    ]);
  });
});
