/**
 * SameSite from and to the browsers' cookies API, and read from a Set-Cookie header: what the
 * background and the parsers translate (see same-site.ts for the spellings).
 */
import type { BrowserSameSite, SameSite, StatedSameSite } from './same-site';

export const SAME_SITE_FROM_BROWSER: Readonly<Record<BrowserSameSite, SameSite>> = {
  no_restriction: 'none',
  lax: 'lax',
  strict: 'strict',
  unspecified: 'unspecified',
};

export const SAME_SITE_TO_BROWSER: Readonly<Record<SameSite, BrowserSameSite>> = {
  none: 'no_restriction',
  lax: 'lax',
  strict: 'strict',
  unspecified: 'unspecified',
};

/** A header's SameSite value read the way browsers read it (case-insensitively); undefined when invalid. */
export function sameSiteFromAttribute(value: string): StatedSameSite | undefined {
  const lower = value.toLowerCase();
  return lower === 'strict' || lower === 'lax' || lower === 'none' ? lower : undefined;
}
