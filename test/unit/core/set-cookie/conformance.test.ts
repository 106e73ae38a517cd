/**
 * The public http-state test vectors (IETF http-state working group, abarth/http-state tests/data,
 * 2017): every parser case replayed through the explainer and a jar, every date case through
 * parseCookieDate. The suite lives outside the repository, in `../shared/conformance/http-state/`
 * relative to the repository root (its README gives the format).
 *
 * Time: the vectors were written around 2011-2017 and use Expires dates such as 2019 and 2027 as "the
 * future". The parser cases therefore run at NOW = 2010-01-01, before every such date; with the
 * 400-day cap those cookies still outlive the follow-up request, which is made at the same NOW.
 *
 * Browser: Chrome's rules (the default). The cases run over http://, so no Secure cookie is stored.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCookieDate } from '../../../../src/core/set-cookie/date';
import { CookieJar } from '../../../../src/core/set-cookie/jar';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const SUITE = resolve(REPO_ROOT, '../shared/conformance/http-state');
const NOW = Date.UTC(2010, 0, 1);

interface ParserCase {
  test: string;
  received: string[];
  sent: Array<{ name: string; value: string }>;
  'sent-to'?: string;
}
interface DateCase {
  test: string;
  expected: string | null;
}

const NAMELESS =
  'RFC 6265bis §5.6 step 3 (and Chrome and Firefox): a name-value pair without "=" is a cookie with an empty ' +
  'name, and "=value" one with an empty name; the 2017 vectors expect both to be ignored. The browsers send ' +
  'such a cookie back as its bare value.';

/**
 * NAME0017 (`=a=bar`) and NAME0025 (`===a=bar`) are no longer deviations: Chromium 156 drops a nameless
 * cookie whose value contains "=" (measured by test/e2e/set-cookie-truth-chromium.test.ts), as the
 * vectors expect, and so does the explainer now.
 *
 * Enabled cases where today's browsers deliberately differ from the 2017 expectations, by test id.
 * The test fails if one of these starts passing (remove it) or another case starts failing.
 */
const DEVIATIONS: Record<string, string> = {
  '0004': NAMELESS,
  '0021': NAMELESS,
  '0023': NAMELESS,
  '0024': NAMELESS,
  '0025': NAMELESS,
  '0026': NAMELESS,
  '0027': NAMELESS,
  '0028': NAMELESS,
  CHROMIUM0009: NAMELESS,
  CHROMIUM0010: NAMELESS,
  CHROMIUM0012: NAMELESS,
  MOZILLA0012: NAMELESS,
  MOZILLA0014: NAMELESS,
  MOZILLA0015: NAMELESS,
  MOZILLA0016: NAMELESS,
  MOZILLA0017: NAMELESS,
  NAME0023: NAMELESS,
  NAME0028: NAMELESS,
  NAME0031: NAMELESS,
  NAME0032: NAMELESS,
  NAME0033: NAMELESS,
  OPTIONAL_DOMAIN0042:
    'RFC 6265bis §5.6.3 keeps an empty Domain attribute (last one wins), and an empty domain-attribute makes ' +
    'the cookie host-only (§5.7 step 10); Chrome and Firefox store it (httpwg/http-extensions#1332). The ' +
    'vector follows RFC 6265, which said to ignore an empty Domain, so the earlier Domain=foo.example.org ' +
    'would win and the cookie be rejected.',
};

function readJson<T>(file: string): T {
  // bsd-examples.json carries its BSD notice as // comment lines: strip them before parsing.
  const text = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
  return JSON.parse(text) as T;
}

function run(c: ParserCase): Array<{ name: string; value: string }> {
  const requestUrl = `http://home.example.org:8888/cookie-parser?${c.test}`;
  const jar = new CookieJar([], NOW);
  for (const header of c.received) jar.apply(header, requestUrl, { now: NOW });
  const sentTo = c['sent-to']
    ? new URL(c['sent-to'], requestUrl).href
    : `http://home.example.org:8888/cookie-parser-result?${c.test}`;
  return jar.cookiesFor(sentTo, { now: NOW }).map(({ name, value }) => ({ name, value }));
}

describe('http-state conformance', () => {
  const parserCases = readJson<ParserCase[]>(resolve(SUITE, 'parser.json'));
  const dateFiles = readdirSync(resolve(SUITE, 'dates')).filter((f) => f.endsWith('.json'));
  const dateCases = dateFiles.flatMap((f) => readJson<DateCase[]>(resolve(SUITE, 'dates', f)));

  it('has the whole suite', () => {
    expect(parserCases).toHaveLength(222);
    expect(dateCases).toHaveLength(70);
  });

  it('passes every enabled parser case except the documented deviations', () => {
    const enabled = parserCases.filter((c) => !c.test.startsWith('DISABLED_'));
    const disabled = parserCases.length - enabled.length;
    const failing = enabled.filter((c) => JSON.stringify(run(c)) !== JSON.stringify(c.sent)).map((c) => c.test);
    const passing = enabled.length - failing.length;
    const disabledPassing = parserCases
      .filter((c) => c.test.startsWith('DISABLED_'))
      .filter((c) => JSON.stringify(run(c)) === JSON.stringify(c.sent)).length;
    console.log(
      `http-state parser: ${passing}/${enabled.length} enabled cases pass (${disabled} disabled, ${disabledPassing} of them pass); ` +
        `${Object.keys(DEVIATIONS).length} documented deviations`,
    );
    expect(failing.sort()).toEqual(Object.keys(DEVIATIONS).sort());
    for (const id of Object.keys(DEVIATIONS)) expect(enabled.some((c) => c.test === id)).toBe(true);
  });

  it('deviates only in the way each documented reason says', () => {
    for (const c of parserCases.filter((p) => DEVIATIONS[p.test] === NAMELESS)) {
      const sent = run(c);
      // The browsers add nameless cookies; every named cookie is as the vector expects.
      expect(
        sent.some((s) => s.name === ''),
        c.test,
      ).toBe(true);
      expect(
        sent.filter((s) => s.name !== ''),
        c.test,
      ).toEqual(c.sent);
    }
    const emptyDomain = parserCases.find((p) => p.test === 'OPTIONAL_DOMAIN0042');
    expect(emptyDomain && run(emptyDomain)).toEqual([{ name: 'foo', value: 'bar' }]);
  });

  it('passes every date case', () => {
    const failing = dateCases.filter((c) => (parseCookieDate(c.test)?.toUTCString() ?? null) !== c.expected);
    console.log(`http-state dates: ${dateCases.length - failing.length}/${dateCases.length} cases pass`);
    expect(failing).toEqual([]);
  });
});
