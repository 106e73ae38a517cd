/**
 * Requests with the browser's cookies, for the command line and scripts: curl, HTTPie, Node's fetch,
 * and the Set-Cookie headers that recreate the cookies on a server (for fixtures).
 *
 * The request formats send exactly the cookies a browser would send to `url` (cookiesForRequest),
 * in the browser's order, as one `Cookie` header. Shell words are single-quoted (POSIX sh, bash,
 * zsh; not cmd.exe or PowerShell), so no value is ever expanded by the shell.
 */
import type { Cookie } from '../../model/cookie';
import { toSetCookie } from '../to-set-cookie';
import { toHeader } from './header';
import { cookiesForRequest } from './request';
import type { ExportOptions } from './types';

/** One POSIX shell word: single quotes, each `'` written as `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

function requestOf(cookies: readonly Cookie[], options: ExportOptions): { url: string; header: string } {
  const url = options.url ?? '';
  if (!URL.canParse(url)) throw new Error(`curl, HTTPie and fetch need the URL to send the cookies to (got "${url}")`);
  const sent = cookiesForRequest(cookies, url, {
    ...(options.topLevelUrl !== undefined ? { topLevelUrl: options.topLevelUrl } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
  });
  return { url, header: toHeader(sent) };
}

export function toCurl(cookies: readonly Cookie[], options: ExportOptions): string {
  const { url, header } = requestOf(cookies, options);
  return `curl ${shellQuote(url)}${header ? ` -H ${shellQuote(`Cookie: ${header}`)}` : ''}\n`;
}

/**
 * One `Cookie:value` request item. HTTPie keeps a backslash as it is, except right before `:`, `=`,
 * `@` or `;`, where it reads it as an escape and drops it: no request item can carry that pair, so
 * such a value arrives without that backslash (curl and fetch send it). `GET` is explicit: with a
 * redirected stdin (a script, CI) HTTPie would otherwise POST it.
 */
export function toHttpie(cookies: readonly Cookie[], options: ExportOptions): string {
  const { url, header } = requestOf(cookies, options);
  return `http GET ${shellQuote(url)}${header ? ` ${shellQuote(`Cookie:${header}`)}` : ''}\n`;
}

/** An ES module snippet for Node 18+ (Node's fetch sends a Cookie header; a browser page's fetch may not). */
export function toFetch(cookies: readonly Cookie[], options: ExportOptions): string {
  const { url, header } = requestOf(cookies, options);
  const init = header ? `, { headers: { Cookie: ${JSON.stringify(header)} } }` : '';
  return `const response = await fetch(${JSON.stringify(url)}${init});\nconsole.log(response.status, await response.text());\n`;
}

/** One `Set-Cookie:` line per cookie, every attribute that recreates it (the expiry to the second). */
export function toSetCookieLines(cookies: readonly Cookie[]): string {
  return cookies.map((c) => `Set-Cookie: ${toSetCookie(c)}\n`).join('');
}
