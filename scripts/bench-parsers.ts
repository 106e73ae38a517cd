/**
 * `npm run bench:parsers`: how long each parser of hostile text takes on adversarial inputs of
 * 256 KB (BENCH_BYTES to change), so that a regex or loop whose time grows with the square of the
 * input shows up as seconds instead of milliseconds (issue 11: "never freeze").
 *
 * Every parser gets every input kind: runs of whitespace, `;`, `=`, quotes, brackets, dots, line
 * breaks, many attributes, deep JSON and nested base64/JWT-looking data. Each input is wrapped the
 * way that parser meets it (a Set-Cookie header, a JSON cookie's value, a cookies.txt line, a Cookie
 * header...). Prints a table of the median of RUNS (5) runs per pair; a pair whose first run takes
 * over SLOW_MS is run only once (marked `1 run`). Figures, not assertions: the unit tests in
 * test/unit/fuzz/ hold the bounds.
 */
import { audit } from '../src/core/audit';
import { detectFormat, importCookies } from '../src/core/formats/index';
import { estimateEntropy, isLongRandomToken, isSessionLike } from '../src/core/session-like';
import { explainSetCookie, parseCookieDate, parseSetCookie } from '../src/core/set-cookie/index';
import { siteOf } from '../src/core/site';
import type { Cookie } from '../src/model/cookie';
import { decodeViews } from '../src/ui/value-decode';

const BYTES = Number(process.env.BENCH_BYTES ?? 256 * 1024);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SLOW_MS = Number(process.env.BENCH_SLOW_MS ?? 2000);
const ONLY = process.env.BENCH_ONLY; // a parser name, to run one row group
const NOW = Date.UTC(2026, 0, 1);

/** `unit` repeated to about `n` characters. */
const fill = (unit: string, n: number) => unit.repeat(Math.max(1, Math.floor(n / unit.length)));

function nestedBase64(n: number): string {
  let text = '{"a":"b"}';
  while (text.length * 1.34 < n) text = btoa(text);
  return text;
}

function base64url(text: string): string {
  return btoa(text).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');
}

/** The adversarial payloads, each about `n` characters. */
const KINDS: Record<string, (n: number) => string> = {
  spaces: (n) => `x${' '.repeat(n - 2)}x`,
  'leading spaces': (n) => `${' '.repeat(n - 1)}!`,
  tabs: (n) => `x${'\t'.repeat(n - 2)}x`,
  'mixed wsp': (n) => `a=${fill(' \t', n - 4)}b;`,
  semicolons: (n) => `a=b${';'.repeat(n - 3)}`,
  '"; " runs': (n) => `a=b${fill('; ', n - 3)}`,
  equals: (n) => `a${'='.repeat(n - 2)}b`,
  'trailing equals': (n) => `a${'='.repeat(n - 1)}`,
  attributes: (n) => `a=b${fill('; Path=/x', n - 3)}`,
  'unknown attrs': (n) => `a=b${fill(';x=y ', n - 3)}`,
  'attr wsp': (n) => `a=b; Expires=${' '.repeat(n - 15)}x`,
  quotes: (n) => '"'.repeat(n),
  '[[[[': (n) => '['.repeat(n),
  '{{{{': (n) => '{'.repeat(n),
  '[[]] deep': (n) => `${'['.repeat(n / 2)}${']'.repeat(n / 2)}`,
  '{"a":{..}} deep': (n) => {
    const depth = Math.floor(n / 6);
    return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  },
  'json member deep': (n) => {
    const depth = Math.floor((n - 60) / 2);
    return `[{"name":"a","value":"b","domain":"example.com","sameSite":${'['.repeat(depth)}${']'.repeat(depth)}}]`;
  },
  dots: (n) => fill('a.', n),
  'line breaks': (n) => fill('a=b\n', n),
  'slashes + break': (n) => `${'/'.repeat(n - 1)}\n`,
  'date digits': (n) => fill('1 ', n),
  'date colons': (n) => fill('1:', n),
  percent: (n) => fill('%41', n),
  'nested base64': nestedBase64,
  'jwt-like': (n) => {
    const header = base64url('{"alg":"none","typ":"JWT"}');
    return `${header}.${base64url(`{"a":"${'x'.repeat(Math.floor((n * 3) / 4) - 40)}"}`)}.`;
  },
  'jwt dots': (n) => `eyJ${fill('A.', n)}`,
  'express s:': (n) => `s:${fill('a.', n - 3)}!`,
};

const URL_ = 'https://example.com/a/b';
const IMPORT = { defaultDomain: 'example.com', now: NOW };

function cookie(name: string, value: string): Cookie {
  return {
    name,
    value,
    domain: 'example.com',
    hostOnly: true,
    path: '/',
    secure: false,
    httpOnly: false,
    sameSite: 'unspecified',
    session: true,
    storeId: '0',
  };
}

/** Each parser, with how it meets a payload. */
const PARSERS: Record<string, { wrap: (p: string) => string; run: (input: string) => unknown }> = {
  parseSetCookie: { wrap: (p) => p, run: (h) => parseSetCookie(h) },
  explainSetCookie: { wrap: (p) => p, run: (h) => explainSetCookie(h, URL_, { now: NOW }) },
  'explainSetCookie (value)': { wrap: (p) => `a=${p}; Secure`, run: (h) => explainSetCookie(h, URL_, { now: NOW }) },
  parseCookieDate: { wrap: (p) => p, run: (t) => parseCookieDate(t) },
  detectFormat: { wrap: (p) => p, run: (t) => detectFormat(t) },
  'importCookies (auto)': { wrap: (p) => p, run: (t) => importCookies(t, IMPORT) },
  'importCookies json': {
    wrap: (p) => `[{"name":"a","value":${JSON.stringify(p)},"domain":"example.com","sameSite":${JSON.stringify(p)}}]`,
    run: (t) => importCookies(t, IMPORT),
  },
  'importCookies playwright': {
    wrap: (p) =>
      `{"cookies":[{"name":"a","value":${JSON.stringify(p)},"domain":"example.com","path":"/","expires":-1,"httpOnly":false,"secure":false,"sameSite":"Lax"}],"origins":[]}`,
    run: (t) => importCookies(t, IMPORT),
  },
  'importCookies puppeteer': {
    wrap: (p) => `[{"name":"a","value":${JSON.stringify(p)},"domain":"example.com","path":"/","size":1}]`,
    run: (t) => importCookies(t, IMPORT),
  },
  'importCookies netscape': {
    wrap: (p) => `# Netscape HTTP Cookie File\nexample.com\tFALSE\t/\tFALSE\t0\ta\t${p}\n${p}`,
    run: (t) => importCookies(t, IMPORT),
  },
  'importCookies header': { wrap: (p) => `Cookie: a=${p}`, run: (t) => importCookies(t, IMPORT) },
  decodeViews: { wrap: (p) => p, run: (v) => decodeViews(v, NOW) },
  siteOf: { wrap: (p) => p, run: (t) => siteOf(t) },
  'session-like': {
    wrap: (p) => p,
    run: (v) => [isSessionLike({ name: v, value: v }), estimateEntropy(v), isLongRandomToken(v)],
  },
  'audit (rules)': {
    wrap: (p) => p,
    run: (v) => audit([cookie('sid', v), cookie(v.slice(0, 4096), 'x')], { pageUrl: URL_, now: NOW }),
  },
};

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Milliseconds one run took; a throw is a finding of its own (the fuzz tests fail on it), noted in the table. */
function time(run: () => unknown, thrown: Set<string>): number {
  const start = performance.now();
  try {
    run();
  } catch (error) {
    thrown.add(error instanceof Error ? error.name : typeof error);
  }
  return performance.now() - start;
}

const rows: { parser: string; kind: string; bytes: number; ms: number; runs: number }[] = [];
const encoder = new TextEncoder();
console.log(`bench:parsers: ${BYTES} bytes per payload, median of ${RUNS} runs (1 run when over ${SLOW_MS} ms)`);
console.log(`${'parser'.padEnd(26)} ${'input kind'.padEnd(18)} ${'bytes'.padStart(8)} ${'ms'.padStart(10)}`);
for (const [parser, { wrap, run }] of Object.entries(PARSERS)) {
  if (ONLY && parser !== ONLY) continue;
  for (const [kind, make] of Object.entries(KINDS)) {
    const input = wrap(make(BYTES));
    const thrown = new Set<string>();
    const first = time(() => run(input), thrown);
    const samples = [first];
    if (first <= SLOW_MS) while (samples.length < RUNS) samples.push(time(() => run(input), thrown));
    const row = { parser, kind, bytes: encoder.encode(input).length, ms: median(samples), runs: samples.length };
    rows.push(row);
    const note = `${row.runs === 1 && RUNS > 1 ? '  (1 run)' : ''}${thrown.size ? `  threw ${[...thrown].join(', ')}` : ''}`;
    console.log(
      `${parser.padEnd(26)} ${kind.padEnd(18)} ${String(row.bytes).padStart(8)} ${row.ms.toFixed(1).padStart(10)}${note}`,
    );
  }
}

const worst = [...rows].sort((a, b) => b.ms - a.ms).slice(0, 10);
console.log('\nworst 10:');
for (const r of worst) console.log(`${r.parser.padEnd(26)} ${r.kind.padEnd(18)} ${String(r.bytes).padStart(8)} ${r.ms.toFixed(1).padStart(10)}`);
