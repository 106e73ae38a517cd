/**
 * Sites and domains, on the public suffix list (tldts). tldts is ~130 KB: import this module only
 * from code that runs in the background worker or in tests, never from a page bundle.
 */
import { getDomain, getPublicSuffix, parse } from 'tldts';

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
  const h = host.toLowerCase().replace(/^\./, '');
  if (isIpAddress(h)) return h;
  return getDomain(h, { allowPrivateDomains: true }) ?? h;
}

/** True when `domain` is itself a public suffix (e.g. `com`, `co.uk`, `github.io`). */
export function isPublicSuffix(domain: string): boolean {
  const d = domain.toLowerCase().replace(/^\./, '');
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
  const d = domain.toLowerCase().replace(/^\./, '');
  if (h === d) return true;
  return !isIpAddress(h) && h.endsWith(`.${d}`);
}
