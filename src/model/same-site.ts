/**
 * SameSite in its three spellings: the model's (`none`, `lax`, `strict`, `unspecified`), the
 * browsers' cookies API (`no_restriction` for None) and the Set-Cookie header's (`None`, `Lax`,
 * `Strict`). The types and the header's spelling the pages show live here; the translations from and
 * to the browsers' API, and the reading of a header's value, in same-site-convert.ts (the background
 * and the parsers need them, the pages' first screen does not).
 */

/** Normalized SameSite. The browsers say `no_restriction` for None; we say `none`. */
export type SameSite = 'none' | 'lax' | 'strict' | 'unspecified';

/** A SameSite a header can state: all but `unspecified`, which is what a header without one gets. */
export type StatedSameSite = Exclude<SameSite, 'unspecified'>;

/** `sameSite` as chrome.cookies and browser.cookies spell it (their `SameSiteStatus`). */
export type BrowserSameSite = 'no_restriction' | 'lax' | 'strict' | 'unspecified';

/** The value of a SameSite attribute as a Set-Cookie header writes it. */
export const SAME_SITE_ATTRIBUTE: Readonly<Record<StatedSameSite, string>> = {
  none: 'None',
  lax: 'Lax',
  strict: 'Strict',
};
