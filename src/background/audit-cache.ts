/**
 * The audit of a page's cookies, kept while neither they nor the page change: a popup opened again
 * on the same page (or refreshed by a change elsewhere) does not run every rule on every cookie
 * again. The rules look at all of a page's cookies together (too many cookies, session-like
 * names), so a list is reused whole or not at all.
 */
import { audit, type SiteSummary, summarize } from '../core/audit';
import type { AuditContext, Finding } from '../core/types';
import { type Cookie, cookieKey } from '../model/cookie';

/** Rules read the clock (expiry, lifetimes): an audit older than this is run again. */
export const AUDIT_MAX_AGE_MS = 60_000;
/** Lists kept: a page's own and its frames' sites, for a few tabs. */
const KEPT = 16;

type Audited = { findings: Finding[]; summary: SiteSummary };

/** Everything an audit reads: each cookie's identity and state, the page and the browser. */
function auditKey(cookies: readonly Cookie[], context: AuditContext): string {
  return JSON.stringify([
    context.pageUrl,
    context.browser ?? '',
    context.hsts ?? null,
    cookies.map((c) => [
      cookieKey(c),
      c.domain,
      c.value,
      c.hostOnly,
      c.secure,
      c.httpOnly,
      c.sameSite,
      c.session,
      c.expirationDate ?? null,
    ]),
  ]);
}

export function auditCache(clock: () => number = Date.now) {
  const kept = new Map<string, Audited & { at: number }>();
  return function audited(cookies: readonly Cookie[], context: Omit<AuditContext, 'now'>): Audited {
    const key = auditKey(cookies, context);
    const now = clock();
    const hit = kept.get(key);
    if (hit && now - hit.at < AUDIT_MAX_AGE_MS) return hit;
    const findings = audit(cookies, { ...context, now });
    const fresh = { findings, summary: summarize(cookies, findings, context), at: now };
    kept.delete(key);
    kept.set(key, fresh);
    if (kept.size > KEPT) kept.delete(kept.keys().next().value as string);
    return fresh;
  };
}

/** The background's one cache. */
export const auditedCookies = auditCache();
