/**
 * Import and export of cookies as text. Pure and dependency-free (bundled into the popup).
 *
 * What each format keeps (a round trip returns these fields unchanged; the rest come back as defaults):
 *
 * | format   | kept                                                                                   | comes back as default |
 * |----------|----------------------------------------------------------------------------------------|-----------------------|
 * | json     | every field: name, value, domain, hostOnly, path, secure, httpOnly, sameSite, session, expirationDate, storeId, partitionKey, firstPartyDomain | – |
 * | netscape | name, value, domain, hostOnly, path, secure, httpOnly, session, expirationDate (whole seconds) | sameSite `unspecified`, storeId, no partitionKey / firstPartyDomain |
 * | header   | name, value (in order)                                                                 | domain = `defaultDomain` host-only, path `/`, session, not Secure/HttpOnly, sameSite `unspecified`, storeId |
 *
 * storeId defaults to `options.defaultStoreId`, else `'0'` (Chrome's default store).
 */
import { type Cookie, cookieKey } from '../../model/cookie';
import { parseHeader, toHeader } from './header';
import { parseJson, toJson } from './json';
import { NETSCAPE_MAGIC, netscapeFields, parseNetscape, toNetscape } from './netscape';
import type { CookieFormat, ImportOptions, ImportResult } from './types';

export type { CookieFormat, ImportError, ImportFormat, ImportOptions, ImportResult } from './types';

export function exportCookies(cookies: readonly Cookie[], format: CookieFormat): string {
  if (format === 'json') return toJson(cookies);
  if (format === 'netscape') return toNetscape(cookies);
  return toHeader(cookies);
}

function linesOf(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
}

/** A Cookie header line: an optional `Cookie:`, then a first pair whose name is a token (RFC 9110), `=`, and no tab. */
const HEADER_LINE = /^\s*(?:cookie\s*:)?\s*[\w!#$%&'*+.^`|~-]+\s*=[^\t]*$/i;

/**
 * JSON when the text starts with `[` or `{`; cookies.txt when a line is the Netscape header comment
 * or has 7 tab-separated fields; a Cookie header when every non-blank line looks like `a=b; c=d`.
 */
export function detectFormat(text: string): CookieFormat | 'unknown' {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'json';
  const lines = linesOf(text);
  if (lines.some((l) => NETSCAPE_MAGIC.test(l) || netscapeFields(l).length === 7)) return 'netscape';
  const filled = lines.filter((l) => l.trim() !== '');
  return filled.length > 0 && filled.every((l) => HEADER_LINE.test(l)) ? 'header' : 'unknown';
}

function secondsText(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? `${seconds} unix seconds` : date.toISOString();
}

/**
 * Detects the format and reads every cookie it can. Never throws: each bad entry or line gives one
 * error and is skipped. Also skipped with an error: a cookie already expired at `options.now`, and a
 * cookie with the same identity (cookieKey) as an earlier one, which would replace it in the browser.
 */
export function importCookies(input: string, options: ImportOptions = {}): ImportResult {
  const text = typeof input === 'string' ? input : ''; // a JS caller may pass the clipboard's undefined
  const format = detectFormat(text);
  if (format === 'unknown') {
    const reason =
      text.trim() === ''
        ? 'nothing to import'
        : 'not a cookie format: expected JSON, cookies.txt (tab-separated) or a Cookie header (name=value; name2=value2)';
    return { format, cookies: [], errors: [{ line: 1, where: 'line 1', reason }] };
  }
  const parsed =
    format === 'json'
      ? parseJson(text.replace(/^\uFEFF/, ''), options)
      : format === 'netscape'
        ? parseNetscape(linesOf(text), options)
        : parseHeader(linesOf(text), options);
  const errors = [...parsed.errors];
  const cookies: Cookie[] = [];
  const now = options.now ?? Date.now();
  const seen = new Map<string, string>();
  for (const { cookie, line, where } of parsed.rows) {
    const expiry = cookie.expirationDate;
    if (!cookie.session && expiry !== undefined && expiry * 1000 <= now) {
      errors.push({
        line,
        where,
        reason: `expired on ${secondsText(expiry)}: a browser would delete it, not store it`,
      });
      continue;
    }
    const key = cookieKey(cookie);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ line, where, reason: `same name, domain, path and store as ${first}, which is imported instead` });
      continue;
    }
    seen.set(key, where);
    cookies.push(cookie);
  }
  errors.sort((a, b) => a.line - b.line);
  return { format, cookies, errors };
}
