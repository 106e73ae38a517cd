/**
 * Sites and domains, on the public suffix list (tldts). tldts is ~130 KB: import this module only
 * from code that runs in the background worker or in tests, never from a page bundle.
 */
import { getDomain, getPublicSuffix, parse } from 'tldts';
import { bareDomain, hostOfDomain, type PartitionKey } from '../model/cookie';
import type { BrowserName } from './types';

/** Lower-case host of a URL, without brackets for IPv6; '' when the URL does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return '';
  }
}

export function isIpAddress(host: string): boolean {
  return parse(host).isIp === true;
}

/** Loopback hosts that browsers treat as potentially trustworthy even over http. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(h) || h === '::1';
}

/**
 * The registrable domain (eTLD+1) of a host, or the host itself for IP addresses, `localhost` and
 * hosts without one.
 */
export function registrableDomain(host: string): string {
  const h = bareDomain(host.toLowerCase());
  if (isIpAddress(h)) return h;
  return getDomain(h, { allowPrivateDomains: true }) ?? h;
}

/** True when `domain` is itself a public suffix (e.g. `com`, `co.uk`, `github.io`). */
export function isPublicSuffix(domain: string): boolean {
  const d = bareDomain(domain.toLowerCase());
  if (d === '' || isIpAddress(d) || d === 'localhost') return false;
  const suffix = getPublicSuffix(d, { allowPrivateDomains: true });
  return suffix === d && getDomain(d, { allowPrivateDomains: true }) === null;
}

/** Same site in the sense of SameSite: same registrable domain (schemeless). */
export function isSameSite(hostA: string, hostB: string): boolean {
  return registrableDomain(hostA) === registrableDomain(hostB);
}

/** RFC 6265 domain-match: `host` equals `domain` or is a subdomain of it (not for IP addresses). */
export function domainMatches(host: string, domain: string): boolean {
  const h = host.toLowerCase();
  const d = bareDomain(domain.toLowerCase());
  if (h === d) return true;
  return !isIpAddress(h) && h.endsWith(`.${d}`);
}

/** https/wss, or a loopback host: the origins Chromium and Firefox treat as secure for cookies. */
export function isSecureRequest(url: URL): boolean {
  return url.protocol === 'https:' || url.protocol === 'wss:' || isLoopbackHost(url.hostname);
}

/**
 * `text` up to its first `/`, as `text.replace(/\/.*$/, '')` would cut it, in linear time: `.` stops at
 * line breaks, so that regex cuts at the first `/` after the last line break (and retried every `/`
 * before it, quadratic on hostile input).
 */
function beforePath(text: string): string {
  const lastBreak = Math.max(...['\n', '\r', '\u2028', '\u2029'].map((b) => text.lastIndexOf(b)));
  const slash = text.indexOf('/', lastBreak + 1);
  return slash === -1 ? text : text.slice(0, slash);
}

/** The scheme and registrable domain of a URL or bare site, e.g. `https://example.com`. */
export function siteOf(urlOrSite: string): { scheme: string | undefined; site: string } {
  if (urlOrSite.includes('://')) {
    let scheme: string | undefined;
    try {
      scheme = new URL(urlOrSite).protocol.replace(':', '');
    } catch {
      scheme = undefined;
    }
    const normalized = scheme === 'wss' ? 'https' : scheme === 'ws' ? 'http' : scheme;
    return { scheme: normalized, site: registrableDomain(hostOf(urlOrSite)) };
  }
  return { scheme: undefined, site: registrableDomain(beforePath(urlOrSite).toLowerCase()) };
}

/** A URL or bare site as a partition key writes its top-level site: `https://example.com` (https when unknown). */
export function topLevelSiteOf(urlOrSite: string): string {
  const top = siteOf(urlOrSite);
  return `${top.scheme ?? 'https'}://${top.site}`;
}

/** Cross-site in the SameSite sense. Chrome compares schemes too (schemeful same-site); Firefox does not by default. */
export function isCrossSite(requestUrl: string, topLevel: string, browser: BrowserName): boolean {
  const a = siteOf(requestUrl);
  const b = siteOf(topLevel);
  if (a.site !== b.site) return true;
  return browser === 'chrome' && a.scheme !== undefined && b.scheme !== undefined && a.scheme !== b.scheme;
}

/** The partition a Partitioned cookie set by `requestUrl` under the top-level page `topLevel` lands in. */
export function partitionKeyFor(requestUrl: string, topLevel: string, browser: BrowserName): PartitionKey {
  const key: PartitionKey = { topLevelSite: topLevelSiteOf(topLevel) };
  if (browser === 'chrome') key.hasCrossSiteAncestor = isCrossSite(requestUrl, topLevel, browser);
  return key;
}

/** The site a cookie belongs to: its registrable domain (or its host, for localhost and IP addresses). */
export function cookieSite(cookie: { domain: string }): string {
  const host = hostOfDomain(cookie.domain);
  return registrableDomain(host) || host;
}

/** The site of a page URL, as cookieSite says it. */
export function pageSite(url: string): string {
  const host = hostOf(url);
  return registrableDomain(host) || host;
}
