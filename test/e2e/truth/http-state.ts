/**
 * The http-state parser cases in a real browser: each case's Set-Cookie headers served byte for byte at
 * the case's URL (http://home.example.org:<port>/cookie-parser?NAME, the vectors' path on the raw
 * server's port, the vectors' hosts mapped to 127.0.0.1), then the Cookie header the browser sends to
 * the case's result URL compared with the one the explainer's jar computes, with the jar emptied before each case.
 *
 * The measurements are kept in test/unit/core/set-cookie/http-state-browsers.json, which the unit
 * conformance test checks the explainer against. This suite fails when the file is stale (a browser
 * now sends something else, or the explainer's agreement changed); run it with CL_HTTP_STATE_WRITE=1
 * to rewrite that browser's part of the file.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserName } from '../../../src/core/types';
import {
  BROWSER_LABEL,
  BROWSERS_FILE,
  type BrowserMeasurement,
  caseUrls,
  ourCookieHeader,
  parserCases,
  readBrowsersFile,
  VECTOR_HOSTS,
  verdictOf,
} from '../../unit/core/set-cookie/http-state';
import { chromiumEngine, type Engine, firefoxEngine } from './engines';
import { type RawServer, startRawServer } from './raw-server';

export function httpStateSuite(browser: BrowserName): void {
  let server: RawServer;
  let engine: Engine;

  beforeAll(async () => {
    server = await startRawServer({ echo: (target) => target.startsWith('/cookie-parser-result') });
    engine = browser === 'chrome' ? await chromiumEngine(['*.example.org']) : await firefoxEngine(VECTOR_HOSTS);
  });

  afterAll(async () => {
    await engine?.close();
    await server?.close();
  });

  it(`records what ${BROWSER_LABEL[browser]} sends back for every http-state parser case`, async () => {
    const cases = parserCases();
    const measuredAt = Date.now();
    const measured: BrowserMeasurement = { version: await engine.version(), measuredAt, cases: {} };
    await engine.reset();
    for (const c of cases) {
      server.route(`/cookie-parser?${c.test}`, { setCookies: c.received });
      const { setUrl, resultUrl } = caseUrls(c, server.httpPort);
      await engine.clear();
      // A NUL in a header makes Chromium refuse the whole response: part of its verdict.
      const refused = await engine.load(setUrl).then(
        () => undefined,
        (error: unknown) => (error instanceof Error ? error.message : String(error)).split(' at ')[0],
      );
      server.echoes.clear();
      await engine.load(resultUrl);
      const echoes = [...server.echoes.values()];
      expect(echoes, `${c.test}: one request to ${resultUrl}`).toHaveLength(1);
      const sent = echoes[0] ?? null;
      const ours = ourCookieHeader(c, measuredAt, browser);
      measured.cases[c.test] = { sent, ours, verdict: verdictOf(browser, sent, ours), ...(refused ? { refused } : {}) };
    }
    const agreeing = Object.values(measured.cases).filter((m) => m.verdict === 'agrees').length;
    console.log(
      `http-state in ${measured.version}: ${agreeing}/${cases.length} cases agree with the explainer ` +
        `(${Math.round((Date.now() - measuredAt) / 1000)} s)`,
    );
    const file = readBrowsersFile();
    if (process.env.CL_HTTP_STATE_WRITE) {
      file[browser] = measured;
      writeFileSync(BROWSERS_FILE, `${JSON.stringify(file, null, 2)}\n`);
      return;
    }
    const recorded = file[browser];
    expect(recorded, `no ${browser} part in ${BROWSERS_FILE}: run with CL_HTTP_STATE_WRITE=1`).toBeDefined();
    const stale = cases
      .filter((c) => {
        const then = recorded?.cases[c.test];
        const now = measured.cases[c.test];
        return then?.sent !== now?.sent || then?.verdict !== now?.verdict;
      })
      .map((c) => `${c.test}: recorded ${JSON.stringify(recorded?.cases[c.test])}, now ${JSON.stringify(measured.cases[c.test])}`);
    expect(stale, `${BROWSERS_FILE} is stale for ${browser}: rerun with CL_HTTP_STATE_WRITE=1`).toEqual([]);
  });
}
