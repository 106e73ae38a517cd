/**
 * Fuzzing the parsers of hostile text (issue 11: "never lose a cookie, never freeze"): importCookies,
 * explainSetCookie, parseCookieDate and the value decoders of the value inspector.
 *
 * Each property asserts that the parser never throws, that its result keeps its documented shape, and
 * (on inputs repeated to 64 KB) that it finishes within a time budget far below what square-growth
 * work needs (the regexes fixed in issue 11 took seconds at that size).
 *
 * The seed is FIXED, so every run checks the same cases and a failure reproduces: it is in every
 * test's name, and fast-check prints it (with the path of the shrunk counterexample) on failure.
 * 10,000+ generated cases in all (see RUNS).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importCookies, MAX_IMPORT_ROWS } from '../../../src/core/formats/index';
import { explainSetCookie, parseCookieDate } from '../../../src/core/set-cookie/index';
import type { Cookie } from '../../../src/model/cookie';
import { SEVERITIES } from '../../../src/model/severity';
import { REJECT_REASONS, type RejectReason, type Verdict } from '../../../src/model/verdict';
import { absoluteLocalTime, byteSize, decodeViews, relativeTime } from '../../../src/ui/value-decode';
import { fastestMs } from '../timing';
import { makeCookie } from '../fixtures';
import { en } from '../en';

const SEED = 20_260_111;
/** Generated cases per property. */
const RUNS = { import: 3000, explain: 3000, date: 2000, decode: 2000, linear: 200, deep: 100 } as const;
/** Inputs repeated to this size must be parsed within LINEAR_BUDGET_MS (the fastest of 3 tries). */
const LINEAR_BYTES = 64 * 1024;
const LINEAR_BUDGET_MS = 200;

const settings = (numRuns: number) => ({ seed: SEED, numRuns });
const NOW = Date.UTC(2026, 0, 1);

const VERDICTS: readonly Verdict[] = ['stored', 'replaced', 'deleted', 'rejected'];

/** Pieces that matter to some parser: separators, quotes, brackets, keywords and odd characters. */
const PIECES = [
  ' ',
  '\t',
  ' \t',
  ';',
  '; ',
  '=',
  '==',
  '"',
  "'",
  ',',
  ':',
  '.',
  '/',
  '\\',
  '%',
  '%4',
  '%41',
  '[',
  ']',
  '{',
  '}',
  '\n',
  '\r\n',
  '\r',
  '\u0000',
  '\u007f',
  '\u00a0',
  '\u2028',
  '\ufeff',
  'é',
  '😀',
  '\ud800',
  'a',
  'Z',
  '0',
  '9',
  '-',
  '_',
  '+',
  'eyJ',
  'eyJhbGciOiJub25lIn0',
  's:',
  'j:',
  '.eJ',
  'cookie',
  'Cookie:',
  'Expires=',
  'Max-Age=',
  'Domain=',
  'Path=',
  'Secure',
  'HttpOnly',
  'SameSite=',
  'None',
  'Lax',
  'Partitioned',
  '__Host-',
  '__Secure-',
  '__Http-',
  'Jan',
  'feb',
  '1970',
  '99',
  '12:00:00',
  '31',
  'GMT',
  'TRUE',
  'FALSE',
  '#HttpOnly_',
  '# Netscape HTTP Cookie File',
  'example.com',
  '.example.com',
  'localhost',
  '"name":',
  '"value":',
  '"domain":',
  '"sameSite":',
  '"expirationDate":',
  'null',
  'true',
  '1e308',
  '-1',
];
const piece = fc.constantFrom(...PIECES);
/** Strings made of the pieces above, or of any characters at all. */
const hostile = (maxLength = 40) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: piece, maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
  );

/** Short units whose runs trip square-growth regexes: whitespace, separators, quotes, brackets. */
const RUN_UNITS = [
  ' ',
  '\t',
  ' \t',
  ';',
  '; ',
  '=',
  '"',
  '[',
  '{',
  '{"a":',
  '.',
  'a.',
  ':',
  '1:',
  '/',
  '%',
  '%41',
  '\n',
  'a',
  '0',
];

/**
 * `prefix + unit × n + suffix`, about LINEAR_BYTES long: the shape that exposes square-growth regexes.
 * Generated as the three short parts (what fast-check prints on failure), built by `build`.
 */
const edge = fc.oneof(fc.constant(''), fc.constantFrom(...RUN_UNITS, '!', '\r', 'x=1'), hostile(8));
const repeated = fc.tuple(
  edge,
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...RUN_UNITS) },
    fc.string({ unit: piece, minLength: 1, maxLength: 4 }),
  ),
  edge,
);
const build = ([prefix, unit, suffix]: [string, string, string]) =>
  `${prefix}${unit.repeat(Math.ceil(LINEAR_BYTES / unit.length))}${suffix}`;

function within(budgetMs: number, run: () => unknown): void {
  const ms = fastestMs(run, budgetMs);
  if (ms >= budgetMs) throw new Error(`took ${ms.toFixed(0)} ms (budget ${budgetMs} ms for ${LINEAR_BYTES} bytes)`);
}

// --- importCookies ---------------------------------------------------------------------------------

const importText = fc.oneof(
  hostile(60),
  fc.json(),
  fc
    .array(
      fc.dictionary(fc.constantFrom('name', 'value', 'domain', 'path', 'sameSite', 'expires', 'size'), fc.jsonValue()),
    )
    .map((a) => JSON.stringify(a)),
  fc.array(fc.array(hostile(10), { minLength: 6, maxLength: 8 }).map((f) => f.join('\t'))).map((l) => l.join('\n')),
  fc.array(fc.tuple(hostile(10), hostile(10)).map(([n, v]) => `${n}=${v}`)).map((p) => `Cookie: ${p.join('; ')}`),
);
const importOptions = fc.record(
  {
    defaultDomain: fc.oneof(fc.constantFrom('example.com', '.example.com', '', 'localhost'), hostile(10)),
    defaultStoreId: fc.constantFrom('0', 'firefox-default'),
    now: fc.oneof(fc.constant(NOW), fc.double()),
  },
  { requiredKeys: [] },
);

function checkImport(text: string, options: Parameters<typeof importCookies>[1]): void {
  const result = importCookies(text, options);
  expect(['json', 'netscape', 'header', 'playwright', 'puppeteer', 'unknown']).toContain(result.format);
  expect(Array.isArray(result.cookies) && Array.isArray(result.errors)).toBe(true);
  expect(result.cookies.length + result.errors.length).toBeLessThanOrEqual(MAX_IMPORT_ROWS);
  for (const e of result.errors) {
    expect(Number.isInteger(e.line) && e.line >= 1, `error line ${e.line}`).toBe(true);
    // Worded in English as a page shows them: every message id exists and says something.
    const where = en(e.where);
    const reason = en(e.reason);
    expect(typeof where === 'string' && where !== '').toBe(true);
    expect(typeof reason === 'string' && reason !== '').toBe(true);
  }
  for (const c of result.cookies) {
    for (const key of ['name', 'value', 'domain', 'path', 'storeId'] as const) expect(typeof c[key]).toBe('string');
    expect(c.name + c.value).not.toBe('');
    expect(c.path.startsWith('/')).toBe(true);
  }
  if (result.format === 'unknown') expect(result).toMatchObject({ cookies: [], errors: [expect.anything()] });
}

/** Arrays nested `depth` deep: JSON.parse reads any depth, JSON.stringify overflows the stack at a few thousand. */
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const depth = fc.integer({ min: 0, max: 10_000 });

describe(`fuzz importCookies (seed ${SEED})`, () => {
  it(`never throws on members nested up to 10,000 deep (${RUNS.deep} cases, seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.constantFrom('sameSite', 'name', 'partitionKey', 'expires'), depth, (key, d) =>
        checkImport(`[{"name":"a","value":"b","${key}":${nested(d)}}]`, { defaultDomain: 'example.com' }),
      ),
      settings(RUNS.deep),
    );
  });

  it(`never throws, returns cookies and errors, each error with a line (${RUNS.import} cases, seed ${SEED})`, () => {
    fc.assert(
      fc.property(importText, importOptions, (text, options) => checkImport(text, options)),
      settings(RUNS.import),
    );
  });

  it(`parses any repeated input of 64 KB within ${LINEAR_BUDGET_MS} ms (${RUNS.linear} cases, seed ${SEED})`, () => {
    fc.assert(
      fc.property(repeated, (parts) => {
        const text = build(parts);
        within(LINEAR_BUDGET_MS, () => importCookies(text, { defaultDomain: 'example.com', now: NOW }));
        checkImport(text, { defaultDomain: 'example.com', now: NOW });
      }),
      settings(RUNS.linear),
    );
  });
});

// --- explainSetCookie ------------------------------------------------------------------------------

const requestUrl = fc.constantFrom(
  'https://example.com/',
  'http://example.com/a/b?q',
  'https://sub.example.co.uk/x/',
  'http://localhost:8080/',
  'https://[::1]/',
  'https://xn--bcher-kva.example/',
  'http://192.168.0.1/p',
);
const jarCookie: Cookie = makeCookie({
  name: 'sid',
  value: 'x',
  domain: 'example.com',
  secure: true,
  httpOnly: true,
  sameSite: 'lax',
});
const explainOptions = fc.record(
  {
    browser: fc.constantFrom('chrome' as const, 'firefox' as const),
    fromScript: fc.boolean(),
    topLevelSite: fc.oneof(fc.constantFrom('https://other.test/', 'example.com'), hostile(20)),
    jar: fc.constant([jarCookie]),
    now: fc.constant(NOW),
  },
  { requiredKeys: ['now'] },
);
const header = fc.oneof(
  hostile(80),
  fc
    .tuple(hostile(10), hostile(20), fc.array(fc.tuple(piece, hostile(12)), { maxLength: 8 }))
    .map(([name, value, attributes]) => `${name}=${value}${attributes.map(([a, v]) => `; ${a}${v}`).join('')}`),
);

function checkExplanation(text: string, url: string, options: Parameters<typeof explainSetCookie>[2]): void {
  const explained = explainSetCookie(text, url, options);
  expect(VERDICTS).toContain(explained.verdict);
  expect(en(explained.message)).not.toBe('');
  if (explained.verdict === 'rejected') expect(REJECT_REASONS[explained.reason as RejectReason]).toBe(true);
  else expect(explained.reason).toBeUndefined();
  expect(explained.parsed.header).toBe(text);
  for (const note of explained.notes) {
    expect(SEVERITIES).toContain(note.severity);
    expect(typeof note.id === 'string' && en(note.message) !== '').toBe(true);
  }
}

describe(`fuzz explainSetCookie (seed ${SEED})`, () => {
  it(`never throws and gives a known verdict and reason (${RUNS.explain} cases, seed ${SEED})`, () => {
    fc.assert(
      fc.property(header, requestUrl, explainOptions, (text, url, options) => checkExplanation(text, url, options)),
      settings(RUNS.explain),
    );
  });

  it(`explains any repeated header of 64 KB within ${LINEAR_BUDGET_MS} ms (${RUNS.linear} cases, seed ${SEED})`, () => {
    fc.assert(
      fc.property(repeated, (parts) => {
        const text = build(parts);
        within(LINEAR_BUDGET_MS, () => explainSetCookie(text, 'https://example.com/', { now: NOW }));
        checkExplanation(text, 'https://example.com/', { now: NOW });
      }),
      settings(RUNS.linear),
    );
  });
});

// --- parseCookieDate -------------------------------------------------------------------------------

const dateText = fc.oneof(
  hostile(40),
  fc
    .tuple(
      fc.constantFrom('Mon, ', '', 'Thursday '),
      fc.nat(40),
      fc.constantFrom('Jan', 'feb', 'MARCH', 'x'),
      fc.nat(2200),
    )
    .chain(([day, dom, month, year]) =>
      fc
        .tuple(fc.nat(30), fc.nat(70), fc.nat(70), fc.constantFrom(' ', '-', '/', '\t', '; '), hostile(6))
        .map(([h, m, s, sep, tail]) => `${day}${dom}${sep}${month}${sep}${year} ${h}:${m}:${s} GMT${tail}`),
    ),
  fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
);

function checkDate(text: string): void {
  const date = parseCookieDate(text);
  if (date === null) return;
  expect(date).toBeInstanceOf(Date);
  expect(Number.isFinite(date.getTime())).toBe(true);
  expect(date.getUTCFullYear()).toBeGreaterThanOrEqual(1601);
}

describe(`fuzz parseCookieDate (seed ${SEED})`, () => {
  it(`never throws and returns a finite date from 1601 on, or null (${RUNS.date} cases, seed ${SEED})`, () => {
    fc.assert(fc.property(dateText, checkDate), settings(RUNS.date));
  });

  it('reads what Date#toUTCString writes, to the second', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(1601, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }),
        (d) => {
          expect(parseCookieDate(d.toUTCString())?.getTime()).toBe(Math.floor(d.getTime() / 1000) * 1000);
        },
      ),
      settings(200),
    );
  });

  it(`parses any repeated text of 64 KB within ${LINEAR_BUDGET_MS} ms (${RUNS.linear} cases, seed ${SEED})`, () => {
    fc.assert(
      fc.property(repeated, (parts) => {
        const text = build(parts);
        within(LINEAR_BUDGET_MS, () => parseCookieDate(text));
        checkDate(text);
      }),
      settings(RUNS.linear),
    );
  });
});

// --- value decoders --------------------------------------------------------------------------------

const b64url = (text: string) => Buffer.from(text).toString('base64url');
const value = fc.oneof(
  hostile(60),
  fc.jsonValue().map((j) => JSON.stringify(j)),
  fc.jsonValue().map((j) => encodeURIComponent(JSON.stringify(j))),
  fc.jsonValue().map((j) => Buffer.from(JSON.stringify(j)).toString('base64')),
  fc
    .tuple(hostile(20), fc.jsonValue())
    .map(([alg, payload]) => `${b64url(JSON.stringify({ alg }))}.${b64url(JSON.stringify(payload))}.`),
);

function checkViews(text: string, now: number): void {
  const views = decodeViews(text, now);
  expect(views.raw).toBe(text);
  for (const key of ['url', 'base64', 'json', 'note'] as const) {
    if (views[key] !== undefined) expect(typeof views[key]).toBe('string');
  }
  if (views.json !== undefined) expect(typeof JSON.parse(views.json)).toBe('object');
  if (views.jwt) {
    expect(typeof views.jwt.headerText).toBe('string');
    expect(typeof views.jwt.payloadText).toBe('string');
    expect(typeof views.jwt.signaturePresent).toBe('boolean');
  }
}

describe(`fuzz value decoders (seed ${SEED})`, () => {
  it(`decodeViews never throws on JSON nested up to 10,000 deep (${RUNS.deep} cases, seed ${SEED})`, () => {
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    fc.assert(
      fc.property(depth, fc.constantFrom('', 'j:', 'base64'), (d, form) => {
        const json = nested(d);
        checkViews(form === 'base64' ? b64(json) : `${form}${json}`, NOW);
      }),
      settings(RUNS.deep),
    );
  });

  it(`decodeViews never throws and returns text views (${RUNS.decode} cases, seed ${SEED})`, () => {
    fc.assert(fc.property(value, fc.oneof(fc.constant(NOW), fc.double()), checkViews), settings(RUNS.decode));
  });

  it(`time and size helpers return text for any number (${RUNS.decode} cases, seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), fc.oneof(fc.nat(), fc.double()), (target, now, n) => {
        expect(typeof relativeTime(target, now)).toBe('string');
        expect(typeof absoluteLocalTime(target)).toBe('string');
        expect(typeof byteSize(n)).toBe('string');
      }),
      settings(RUNS.decode),
    );
  });

  it(`decodes any repeated value of 64 KB within ${LINEAR_BUDGET_MS} ms (${RUNS.linear} cases, seed ${SEED})`, () => {
    fc.assert(
      fc.property(repeated, (parts) => {
        const text = build(parts);
        within(LINEAR_BUDGET_MS, () => decodeViews(text, NOW));
        checkViews(text, NOW);
      }),
      settings(RUNS.linear),
    );
  });
});
