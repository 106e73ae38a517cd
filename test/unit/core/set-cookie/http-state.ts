/**
 * The http-state parser cases (../shared/conformance/http-state/parser.json, relative to the repository
 * root) and what real browsers sent back for each: shared by the unit conformance test, which checks the
 * explainer's jar against the recorded measurements, and by test/e2e/http-state-browsers-*.test.ts, which
 * re-measures the browsers (and rewrites http-state-browsers.json when CL_HTTP_STATE_WRITE is set).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CookieJar } from '../../../../src/core/set-cookie/jar';
import type { BrowserName } from '../../../../src/core/types';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const SUITE = resolve(REPO_ROOT, '../shared/conformance/http-state');
export const BROWSERS_FILE = fileURLToPath(new URL('./http-state-browsers.json', import.meta.url));

/** The port the vectors' URLs name; a measurement serves the same paths on a port of its own. */
export const VECTOR_PORT = 8888;

export interface ParserCase {
  test: string;
  received: string[];
  sent: Array<{ name: string; value: string }>;
  'sent-to'?: string;
}

/** The hosts the vectors use, all to be served on 127.0.0.1 by a measurement. */
export const VECTOR_HOSTS = [
  'home.example.org',
  'sibling.example.org',
  'subdomain.home.example.org',
  'sibling.home.example.org',
] as const;

export function readJson<T>(file: string): T {
  // bsd-examples.json carries its BSD notice as // comment lines: strip them before parsing.
  const text = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
  return JSON.parse(text) as T;
}

export function parserCases(): ParserCase[] {
  return readJson<ParserCase[]>(resolve(SUITE, 'parser.json'));
}

/** The URL that sends the case's Set-Cookie headers, and the one whose Cookie header is compared. */
export function caseUrls(c: ParserCase, port: number = VECTOR_PORT): { setUrl: string; resultUrl: string } {
  const setUrl = `http://home.example.org:${port}/cookie-parser?${c.test}`;
  const target = c['sent-to']
    ? new URL(c['sent-to'], setUrl)
    : new URL(`http://home.example.org:${port}/cookie-parser-result?${c.test}`);
  target.port = String(port);
  return { setUrl, resultUrl: target.href };
}

/** The explainer's jar after the case's headers: the cookies the result request carries. */
export function ourCookies(c: ParserCase, now: number, browser: BrowserName = 'chrome'): Array<{ name: string; value: string }> {
  const { setUrl, resultUrl } = caseUrls(c);
  const jar = new CookieJar([], now);
  for (const header of c.received) jar.apply(header, setUrl, { now, browser });
  return jar.cookiesFor(resultUrl, { now }).map(({ name, value }) => ({ name, value }));
}

/** The Cookie header the explainer's jar sends for the case, null for none. */
export function ourCookieHeader(c: ParserCase, now: number, browser: BrowserName): string | null {
  const { setUrl, resultUrl } = caseUrls(c);
  const jar = new CookieJar([], now);
  for (const header of c.received) jar.apply(header, setUrl, { now, browser });
  return jar.cookieHeader(resultUrl, { now }) || null;
}

export interface CaseMeasurement {
  /** The Cookie header the browser sent to the result URL (null: none). */
  sent: string | null;
  /** The Cookie header the explainer's jar computes, with that browser's rules, at `measuredAt`. */
  ours: string | null;
  /** "agrees", or the named difference. */
  verdict: string;
  /** The browser's error when it refused the whole response that set the cookies. */
  refused?: string;
}

export interface BrowserMeasurement {
  /** The browser's name and version. */
  version: string;
  /** Milliseconds since the epoch: the time the cases ran (expiry dates are judged against it). */
  measuredAt: number;
  cases: Record<string, CaseMeasurement>;
}

export type BrowsersFile = Partial<Record<BrowserName, BrowserMeasurement>>;

export const BROWSER_LABEL: Record<BrowserName, string> = { chrome: 'Chromium', firefox: 'Firefox' };

export function verdictOf(browser: BrowserName, sent: string | null, ours: string | null): string {
  if (sent === ours) return 'agrees';
  const show = (h: string | null) => (h === null ? 'no Cookie header' : `"${h}"`);
  return `differs: ${BROWSER_LABEL[browser]} sent ${show(sent)}, the explainer's jar ${show(ours)}`;
}

export function readBrowsersFile(): BrowsersFile {
  return JSON.parse(readFileSync(BROWSERS_FILE, 'utf8')) as BrowsersFile;
}
