/** The Domain attribute: ASCII only, not a public suffix, and covering the host that sets it. */
import { domainMatches, isIpAddress, isLoopbackHost, isPublicSuffix, registrableDomain } from '../../site';
import { NOTE, rejected } from '../wording';
import type { Check } from './context';

/**
 * The Domain attribute as the browser applies it ('' for a host-only cookie): a Domain equal to the
 * request's host is dropped when that host is a public suffix, an IP address, or a loopback name with
 * no registrable domain (`Domain=localhost` or `.localhost` from localhost: Chromium 156 and Firefox
 * ESR 153 both store a host-only cookie).
 */
export function appliedDomain(domain: string, host: string): string {
  const noSite = isPublicSuffix(domain) || isIpAddress(host) || (isLoopbackHost(host) && !host.includes('.'));
  return domain !== '' && domain === host && noSite ? '' : domain;
}

/** Where `new URL` would put a non-ASCII domain: its punycode form, if it has one. */
function asciiForm(domain: string): string | undefined {
  try {
    return new URL(`http://${domain}`).hostname;
  } catch {
    return undefined;
  }
}

export const domain: Check = ({ parsed, host, who, notes }) => {
  const stated = parsed.domain ?? '';
  if (/[^\x00-\x7f]/.test(stated)) return rejected('non-ascii-domain', who, stated, asciiForm(stated));
  if (stated !== '' && isPublicSuffix(stated)) {
    if (stated !== host) return rejected('domain-public-suffix', who, stated, host, registrableDomain(host));
    notes.push({ id: 'domain-public-suffix-host', severity: 'info', message: NOTE.domainPublicSuffixHost(host) });
  }
  const applied = appliedDomain(stated, host);
  if (applied !== '' && (applied.startsWith('.') || !domainMatches(host, applied))) {
    return rejected('domain-mismatch', who, stated, host, registrableDomain(host));
  }
  return undefined;
};
