/** Predicts, before saving, what the browser will say about a cookie: the audit plus the explainer. */
import { audit } from '../core/audit';
import { explainSetCookie } from '../core/set-cookie';
import { toSetCookie } from '../core/to-set-cookie';
import type { CheckResult } from '../messages';
import type { Cookie } from '../model/cookie';
import { urlFor } from './cookie-api';
import { preflight } from './editor';
import { errorText } from '../error-text';
import { browserName } from './platform';
import { type Msg, msg } from '../i18n/msg';

/**
 * Why the browser would refuse this cookie, or undefined. An edit is a write to the cookie's own
 * URL, as if its own site set it at the top level (or inside its partition's top-level site): the
 * cookies API applies no cross-site SameSite rules, so neither do we here.
 */
export function likelyRefusal(cookie: Cookie, now = Date.now()): Msg | undefined {
  const early = preflight(cookie, now);
  if (early) return early;
  const url = urlFor(cookie);
  const explained = explainSetCookie(toSetCookie(cookie), url, {
    now,
    browser: browserName,
    topLevelSite: cookie.partitionKey?.topLevelSite || url,
    storeId: cookie.storeId,
  });
  return explained.verdict === 'rejected' ? explained.message : undefined;
}

/** The audit (as seen from the page) and the likely refusal of a cookie about to be saved. */
export function checkCookie(cookie: Cookie, pageUrl: string, now = Date.now()): CheckResult {
  const findings = audit([cookie], { pageUrl, now, browser: browserName });
  let refusal: Msg | undefined;
  try {
    refusal = likelyRefusal(cookie, now);
  } catch (error) {
    refusal = msg('bg_cannot_write', errorText(error));
  }
  return refusal ? { findings, refusal } : { findings };
}
