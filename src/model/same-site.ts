/**
 * SameSite in its three spellings: the model's (`none`, `lax`, `strict`, `unspecified`), the
 * browsers' cookies API (`no_restriction` for None) and the Set-Cookie header's (`None`, `Lax`,
 * `Strict`). Every translation between them lives here.
 */

/** Normalized SameSite. The browsers say `no_restriction` for None; we say `none`. */
export type SameSite = 'none' | 'lax' | 'strict' | 'unspecified';

/** A SameSite a header can state: all but `unspecified`, which is what a header without one gets. */
export type StatedSameSite = Exclude<SameSite, 'unspecified'>;

/** `sameSite` as chrome.cookies and browser.cookies spell it (their `SameSiteStatus`). */
export type BrowserSameSite = 'no_restriction' | 'lax' | 'strict' | 'unspecified';

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

/** The value of a SameSite attribute as a Set-Cookie header writes it. */
export const SAME_SITE_ATTRIBUTE: Readonly<Record<StatedSameSite, string>> = {
  none: 'None',
  lax: 'Lax',
  strict: 'Strict',
};

/** A header's SameSite value read the way browsers read it (case-insensitively); undefined when invalid. */
export function sameSiteFromAttribute(value: string): StatedSameSite | undefined {
  const lower = value.toLowerCase();
  return lower === 'strict' || lower === 'lax' || lower === 'none' ? lower : undefined;
}
