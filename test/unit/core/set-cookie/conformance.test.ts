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
 *
 * Where the explainer departs from the 2017 expectations, real browsers decide: every parser case was
 * replayed in Chromium and Firefox ESR (test/e2e/http-state-browsers-*.test.ts), and what each sent
 * back is recorded in http-state-browsers.json next to the Cookie header the explainer's jar computed
 * then. The departures (nameless cookies, which RFC 6265bis and both browsers keep and send back as their
 * bare value; an empty Domain attribute, which both keep as host-only, httpwg/http-extensions#1332) are
 * allowed because both browsers do the same; and the explainer's result for every case must stay what
 * the file records, so a change shows here before the browsers are run again.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCookieDate } from '../../../../src/core/set-cookie/date';
import type { BrowserName } from '../../../../src/core/types';
import {
  BROWSER_LABEL,
  ourCookieHeader,
  ourCookies,
  type ParserCase,
  parserCases as readParserCases,
  readBrowsersFile,
  readJson,
  SUITE,
  verdictOf,
} from './http-state';

const NOW = Date.UTC(2010, 0, 1);
const BROWSERS: readonly BrowserName[] = ['chrome', 'firefox'];

interface DateCase {
  test: string;
  expected: string | null;
}

function run(c: ParserCase): Array<{ name: string; value: string }> {
  return ourCookies(c, NOW);
}

describe('http-state conformance', () => {
  const parserCases = readParserCases();
  const dateFiles = readdirSync(resolve(SUITE, 'dates')).filter((f) => f.endsWith('.json'));
  const dateCases = dateFiles.flatMap((f) => readJson<DateCase[]>(resolve(SUITE, 'dates', f)));
  const measured = readBrowsersFile();

  it('has the whole suite, and a measurement of every parser case in both browsers', () => {
    expect(parserCases).toHaveLength(222);
    expect(dateCases).toHaveLength(70);
    for (const browser of BROWSERS) {
      expect(Object.keys(measured[browser]?.cases ?? {}).sort(), browser).toEqual(parserCases.map((c) => c.test).sort());
    }
  });

  it('computes, for every parser case, the Cookie header recorded next to each browser measurement', () => {
    for (const browser of BROWSERS) {
      const m = measured[browser];
      if (!m) throw new Error(`no ${browser} measurement`);
      const changed = parserCases
        .filter((c) => ourCookieHeader(c, m.measuredAt, browser) !== m.cases[c.test]?.ours)
        .map((c) => `${c.test}: recorded ${m.cases[c.test]?.ours}, now ${ourCookieHeader(c, m.measuredAt, browser)}`);
      expect(changed, `the explainer's result changed for ${browser} (rerun test/e2e/http-state-browsers-*.test.ts)`).toEqual([]);
      for (const c of parserCases) {
        const entry = m.cases[c.test];
        expect(entry?.verdict, `${browser} ${c.test}`).toBe(verdictOf(browser, entry?.sent ?? null, entry?.ours ?? null));
      }
      const agreeing = parserCases.filter((c) => m.cases[c.test]?.verdict === 'agrees').length;
      console.log(`http-state in ${m.version}: ${agreeing}/${parserCases.length} parser cases agree with the explainer`);
    }
  });

  it('passes every enabled parser case, except where both browsers do what the explainer does', () => {
    const enabled = parserCases.filter((c) => !c.test.startsWith('DISABLED_'));
    const disabled = parserCases.length - enabled.length;
    const failing = enabled.filter((c) => JSON.stringify(run(c)) !== JSON.stringify(c.sent));
    const passing = enabled.length - failing.length;
    const disabledPassing = parserCases
      .filter((c) => c.test.startsWith('DISABLED_'))
      .filter((c) => JSON.stringify(run(c)) === JSON.stringify(c.sent)).length;
    console.log(
      `http-state parser: ${passing}/${enabled.length} enabled cases pass (${disabled} disabled, ${disabledPassing} of them pass); ` +
        `${failing.length} depart from the 2017 vectors as both browsers do`,
    );
    const unbacked = failing.flatMap((c) =>
      BROWSERS.filter((b) => measured[b]?.cases[c.test]?.verdict !== 'agrees').map(
        (b) => `${c.test}: ${measured[b]?.cases[c.test]?.verdict ?? 'not measured'}`,
      ),
    );
    expect(unbacked, 'departures from the vectors that a browser does not share').toEqual([]);
    // The departures are the kinds the header comment names: nameless cookies, and an empty Domain.
    for (const c of failing) {
      const sent = run(c);
      if (c.test === 'OPTIONAL_DOMAIN0042') {
        expect(sent, c.test).toEqual([{ name: 'foo', value: 'bar' }]);
        continue;
      }
      expect(
        sent.some((s) => s.name === ''),
        c.test,
      ).toBe(true);
      expect(
        sent.filter((s) => s.name !== ''),
        c.test,
      ).toEqual(c.sent);
    }
  });

  it('names every case where a browser sends something else than the explainer', () => {
    const differences = BROWSERS.flatMap((b) =>
      Object.entries(measured[b]?.cases ?? {})
        .filter(([, m]) => m.verdict !== 'agrees')
        .map(([id, m]) => `${BROWSER_LABEL[b]} ${id}: ${m.verdict}`),
    );
    console.log(`http-state named differences:\n  ${differences.join('\n  ') || '(none)'}`);
    for (const d of differences) expect(d).toMatch(/: differs: (Chromium|Firefox) sent .+, the explainer's jar .+$/);
  });

  it('passes every date case', () => {
    const failing = dateCases.filter((c) => (parseCookieDate(c.test)?.toUTCString() ?? null) !== c.expected);
    console.log(`http-state dates: ${dateCases.length - failing.length}/${dateCases.length} cases pass`);
    expect(failing).toEqual([]);
  });
});
