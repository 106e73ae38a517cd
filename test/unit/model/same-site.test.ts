import { describe, expect, it } from 'vitest';
import { SAME_SITE_ATTRIBUTE, type SameSite } from '../../../src/model/same-site';
import {
  SAME_SITE_FROM_BROWSER,
  SAME_SITE_TO_BROWSER,
  sameSiteFromAttribute,
} from '../../../src/model/same-site-convert';

const ALL: SameSite[] = ['none', 'lax', 'strict', 'unspecified'];

describe('SameSite spellings', () => {
  it('translates to the browsers API and back without loss; None is no_restriction there', () => {
    expect(SAME_SITE_TO_BROWSER.none).toBe('no_restriction');
    expect(SAME_SITE_FROM_BROWSER.no_restriction).toBe('none');
    for (const s of ALL) expect(SAME_SITE_FROM_BROWSER[SAME_SITE_TO_BROWSER[s]]).toBe(s);
  });

  it('reads a header value case-insensitively and refuses anything else', () => {
    expect(sameSiteFromAttribute('LAX')).toBe('lax');
    expect(sameSiteFromAttribute('None')).toBe('none');
    expect(sameSiteFromAttribute('strict')).toBe('strict');
    expect(sameSiteFromAttribute('unspecified')).toBeUndefined();
    expect(sameSiteFromAttribute('no_restriction')).toBeUndefined();
    expect(sameSiteFromAttribute('')).toBeUndefined();
  });

  it('writes a header value the way it reads back', () => {
    for (const s of ['none', 'lax', 'strict'] as const) expect(sameSiteFromAttribute(SAME_SITE_ATTRIBUTE[s])).toBe(s);
    expect(SAME_SITE_ATTRIBUTE).toEqual({ none: 'None', lax: 'Lax', strict: 'Strict' });
  });
});
