/** Predicts, before saving, what the browser will say about a cookie: the audit plus the explainer. */
import { audit } from '../core/audit';
import { explainSetCookie } from '../core/set-cookie';
import { toSetCookie } from '../core/to-set-cookie';
import type { BrowserName } from '../core/types';
import type { CheckResult } from '../messages';
import type { Cookie } from '../model/cookie';
import { urlFor } from './cookie-api';
import { preflight } from './editor';

export const browserName: BrowserName =
  typeof (globalThis as { browser?: { runtime?: { getBrowserInfo?: unknown } } }).browser?.runtime?.getBrowserInfo ===
  'function'
    ? 'firefox'
    : 'chrome';

/** Why the browser would refuse this cookie if a server sent it, or undefined. */
export function likelyRefusal(cookie: Cookie, pageUrl: string, now = Date.now()): string | undefined {
  const early = preflight(cookie, now);
  if (early) return early;
  const explained = explainSetCookie(toSetCookie(cookie), urlFor(cookie), {
    now,
    browser: browserName,
    topLevelSite: cookie.partitionKey?.topLevelSite ?? pageUrl,
    storeId: cookie.storeId,
  });
  return explained.verdict === 'rejected' ? explained.message : undefined;
}

export function checkCookie(cookie: Cookie, pageUrl: string, now = Date.now()): CheckResult {
  const findings = audit([cookie], { pageUrl, now, browser: browserName });
  const refusal = likelyRefusal(cookie, pageUrl, now);
  return refusal ? { findings, refusal } : { findings };
}
