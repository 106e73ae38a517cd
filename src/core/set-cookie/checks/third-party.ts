/**
 * Third-party cookie blocking: with the setting read from the browser (Chrome's
 * `privacy.websites.thirdPartyCookiesAllowed`), an unpartitioned cookie from a response that is
 * cross-site to the top-level page is not stored. Partitioned cookies (CHIPS) still are. Runs after
 * the header's own rules: Chromium blocks by the user's preference only a cookie it could otherwise store.
 */
import { isCrossSite, siteOf } from '../../site';
import { rejected } from '../wording';
import type { Check } from './context';

export const thirdParty: Check = ({ thirdPartyCookiesBlocked, parsed, requestUrl, topLevel, browser, who }) => {
  if (!thirdPartyCookiesBlocked || parsed.partitioned) return undefined;
  if (!isCrossSite(requestUrl, topLevel, browser)) return undefined;
  return rejected('third-party-blocked', who, siteOf(topLevel).site);
};
