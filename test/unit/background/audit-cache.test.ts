import { describe, expect, it } from 'vitest';
import { AUDIT_MAX_AGE_MS, auditCache } from '../../../src/background/audit-cache';
import { audit, summarize } from '../../../src/core/audit';
import { makeCookie } from '../fixtures';

const page = { pageUrl: 'http://localhost/', browser: 'chrome' as const };

describe('the background keeps a page audit until its cookies change', () => {
  const cookies = [makeCookie({ name: 'sid', secure: false }), makeCookie({ name: 'theme', httpOnly: false })];

  it('answers what the audit answers, and the same answer again while nothing changed', () => {
    let now = 1_000_000;
    const audited = auditCache(() => now);
    const first = audited(cookies, page);
    const findings = audit(cookies, { ...page, now });
    expect(first.findings).toEqual(findings);
    expect(first.summary).toEqual(summarize(cookies, findings));
    now += AUDIT_MAX_AGE_MS - 1;
    expect(audited([...cookies.map((c) => ({ ...c }))], page).findings).toBe(first.findings);
  });

  it('audits again when a cookie, the page or the clock moved on', () => {
    let now = 1_000_000;
    const audited = auditCache(() => now);
    const first = audited(cookies, page).findings;
    const secured = cookies.map((c) => ({ ...c, secure: true }));
    expect(audited(secured, page).findings).toEqual(audit(secured, { ...page, now }));
    expect(audited(secured, page).findings).not.toEqual(first);
    expect(audited(cookies, { ...page, pageUrl: 'https://localhost/' }).findings).not.toBe(first);
    expect(audited(cookies.slice(1), page).findings).toEqual(audit(cookies.slice(1), { ...page, now }));
    now += AUDIT_MAX_AGE_MS;
    const later = audited(cookies, page).findings;
    expect(later).not.toBe(first);
    expect(later).toEqual(first);
  });
});
