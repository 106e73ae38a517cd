/**
 * The cookies a browser sends with a request to a URL, for the command formats (curl, HTTPie,
 * fetch). The same rules and order as CookieJar.cookiesFor (set-cookie/jar.ts, RFC 6265bis §5.8.3),
 * whose path matching it reuses; a property test holds the two equal. Not CookieJar itself: the jar
 * reaches the public suffix list (tldts, 132 KB), and this code is bundled into the extension's pages.
 * A partition key's `topLevelSite` is already a registrable domain, so "the URL's site is that site"
 * is a domain-match against it, with no suffix list.
 */
import { type Cookie, hostOfDomain } from '../../model/cookie';
import { pathMatches } from '../set-cookie/path';

export interface RequestOptions {
  /** The top-level page the request is made from (for partitioned cookies); default the request URL. */
  topLevelUrl?: string;
  /** Milliseconds since the epoch (default now): cookies expired by then are not sent. */
  now?: number;
}

const isIp = (host: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');

/** RFC 6265 domain-match: the host is the domain, or a subdomain of it (never for an IP address). */
function domainMatch(host: string, domain: string): boolean {
  return host === domain || (!isIp(host) && host.endsWith(`.${domain}`));
}

/** http(s) or ws(s) on a loopback host, or https/wss: where Secure cookies are sent. */
function isSecureUrl(url: URL, host: string): boolean {
  if (url.protocol === 'https:' || url.protocol === 'wss:') return true;
  return host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '::1';
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
const schemeOf = (url: URL) => ({ 'wss:': 'https', 'ws:': 'http' })[url.protocol] ?? url.protocol.replace(':', '');

/** Whether a partitioned cookie is kept under the top-level page `top`. */
function partitionMatches(topLevelSite: string, top: URL): boolean {
  const site = /^([a-z][a-z0-9+.-]*):\/\/([^/?#:]+)$/i.exec(topLevelSite);
  if (!site?.[1] || !site[2] || site[1].toLowerCase() !== schemeOf(top)) return false;
  const siteHost = hostOfDomain(site[2]);
  const host = hostOf(top);
  // A single-label site (localhost) is its own registrable domain; its subdomains are sites of their own.
  return host === siteHost || (siteHost.includes('.') && domainMatch(host, siteHost));
}

/**
 * The cookies a request to `url` carries, in Cookie-header order (longer paths first, then in the
 * order given): host-only cookies of its host, domain cookies of it and its parents, on a path that
 * path-matches, Secure ones only to a secure URL, unexpired, and partitioned ones only under their
 * top-level site. HttpOnly cookies are sent (the request is not a script's). [] for a URL that does not parse.
 */
export function cookiesForRequest(cookies: readonly Cookie[], url: string, options: RequestOptions = {}): Cookie[] {
  let request: URL;
  let top: URL;
  try {
    request = new URL(url);
    top = new URL(options.topLevelUrl ?? url);
  } catch {
    return [];
  }
  const host = hostOf(request);
  const secure = isSecureUrl(request, host);
  const now = options.now ?? Date.now();
  return cookies
    .map((cookie, order) => ({ cookie, order }))
    .filter(({ cookie }) => {
      if (cookie.expirationDate !== undefined && cookie.expirationDate * 1000 <= now) return false;
      const domain = hostOfDomain(cookie.domain);
      if (!(cookie.hostOnly ? host === domain : domainMatch(host, domain))) return false;
      if (!pathMatches(request.pathname, cookie.path)) return false;
      if (cookie.secure && !secure) return false;
      return !cookie.partitionKey || partitionMatches(cookie.partitionKey.topLevelSite, top);
    })
    .sort((a, b) => b.cookie.path.length - a.cookie.path.length || a.order - b.order)
    .map((e) => e.cookie);
}
