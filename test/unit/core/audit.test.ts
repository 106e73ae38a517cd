import { describe, expect, it } from 'vitest';
import { audit, gradeOf, penaltyOf, summarize } from '../../../src/core/audit';
import { ruleById } from '../../../src/core/rules/index';
import { SAMPLE_CONTEXT, SAMPLE_NOW, sampleCookie } from '../../../src/core/rules/rule';
import type { AuditContext, Finding } from '../../../src/core/types';
import { type Cookie, cookieKey } from '../../../src/model/cookie';
import { en } from '../en';

const STRONG_ID = 'mL3kJ9hG7fD5sA1qW8eR4tY6uI2oP0zX';
const ctx: AuditContext = SAMPLE_CONTEXT;
const ids = (findings: Finding[]) => findings.map((f) => f.ruleId);

describe('audit', () => {
  it('returns nothing for no cookies and for well-configured ones', () => {
    expect(audit([], ctx)).toEqual([]);
    expect(audit([sampleCookie(), sampleCookie({ name: 'lang', value: 'en' })], ctx)).toEqual([]);
  });

  it('reports each finding with the cookie key, severity and texts of its rule', () => {
    const cookie = sampleCookie({ name: 'theme', secure: false });
    const [finding] = audit([cookie], ctx);
    const rule = ruleById('missing-secure');
    expect(finding).toEqual({
      ruleId: 'missing-secure',
      cookieKey: cookieKey(cookie),
      severity: 'low',
      title: rule.title,
      explanation: rule.explanation,
      fix: finding?.fix,
      reference: rule.reference,
    });
    expect(en(finding!.fix)).toBe('Secure');
  });

  it('uses the explanation and fix a rule gives for the case at hand', () => {
    const cookie = sampleCookie({ name: '__Host-id', path: '/app' });
    const finding = audit([cookie], ctx).find((f) => f.ruleId === 'host-prefix-invalid');
    expect(en(finding!.fix)).toBe('Path=/');
    expect(en(finding!.explanation)).toMatch(/lacks: Path=\//);
  });

  it('orders findings by cookie, then by rule', () => {
    const a = sampleCookie({ name: 'sid', value: STRONG_ID, secure: false, httpOnly: false, sameSite: 'unspecified' });
    const b = sampleCookie({ name: 'theme', secure: false });
    const findings = audit([a, b], ctx);
    expect(findings.map((f) => f.cookieKey)).toEqual([...Array(findings.length - 1).fill(cookieKey(a)), cookieKey(b)]);
    expect(ids(findings)).toEqual([
      'missing-secure',
      'missing-httponly-session',
      'token-readable-by-script',
      'samesite-unspecified',
      'host-prefix-recommended',
      'missing-secure',
    ]);
  });

  it('keeps cookies that differ only in path apart', () => {
    const root = sampleCookie({ name: 'sid', value: STRONG_ID, secure: false });
    const app = { ...root, path: '/app' };
    const keys = new Set(audit([root, app], ctx).map((f) => f.cookieKey));
    expect(keys).toEqual(new Set([cookieKey(root), cookieKey(app)]));
  });

  it('judges lifetimes against context.now', () => {
    const cookie = sampleCookie({ session: false, expirationDate: SAMPLE_NOW / 1000 + 500 * 86_400 });
    expect(ids(audit([cookie], ctx))).toContain('long-lifetime');
    expect(ids(audit([cookie], { ...ctx, now: SAMPLE_NOW + 200 * 86_400_000 }))).not.toContain('long-lifetime');
  });

  it('passes every cookie to rules that count (too-many-cookies)', () => {
    const all = Array.from({ length: 51 }, (_, i) => sampleCookie({ name: `c${i}` }));
    expect(audit(all, ctx).filter((f) => f.ruleId === 'too-many-cookies')).toHaveLength(1);
  });

  it('stays fast on a large jar (too-many-cookies groups once per audit)', () => {
    const all = Array.from({ length: 3000 }, (_, i) =>
      sampleCookie({ name: `c${i}`, domain: `h${i % 40}.site${i % 7}.example`, secure: i % 2 === 0 }),
    );
    const started = performance.now();
    const findings = audit(all, ctx);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(findings.filter((f) => f.ruleId === 'too-many-cookies')).toHaveLength(7);
  });

  it('never copies a hostile value into finding text', () => {
    const value = `<img src=x onerror=alert(1)>${'A1b2'.repeat(1100)}`;
    const cookies: Cookie[] = [
      sampleCookie({ name: 'sid', value, secure: false, httpOnly: false, sameSite: 'none' }),
      sampleCookie({ name: '', value: `__Host-x=<script>alert(1)</script>${'z'.repeat(5000)}` }),
      sampleCookie({ name: 'data', value: `a b\n${value}` }),
    ];
    const findings = audit(cookies, ctx);
    expect(findings.length).toBeGreaterThan(5);
    for (const f of findings) {
      const text = `${en(f.title)} ${en(f.explanation)} ${en(f.fix)}`;
      expect(text).not.toMatch(/onerror|<script|<img/);
      expect(text.length).toBeLessThan(1200);
    }
  });

  it('flags a realistic PHP session cookie', () => {
    const phpsessid = sampleCookie({ name: 'PHPSESSID', value: 'q1w2e3r4t5y6u7i8o9p0a1s2d3', sameSite: 'unspecified' });
    expect(ids(audit([phpsessid], ctx))).toEqual([
      'samesite-unspecified',
      'host-prefix-recommended',
      'framework-session-name',
    ]);
  });
});

describe('summarize', () => {
  const grade = (cookies: Cookie[], context: AuditContext = ctx) =>
    summarize(cookies, audit(cookies, context), context);

  it('gives A and 100 to a site without cookies', () => {
    expect(summarize([], [])).toEqual({
      cookies: 0,
      counts: { high: 0, medium: 0, low: 0, info: 0 },
      score: 100,
      grade: 'A',
    });
  });

  it('gives A to well-configured cookies, info and low findings included', () => {
    const s = grade([sampleCookie({ name: '__Host-sid', value: STRONG_ID }), sampleCookie()]);
    expect(s.counts).toEqual({ high: 0, medium: 0, low: 0, info: 1 }); // samesite-lax-session
    expect(s.score).toBe(100);
    expect(s.grade).toBe('A');
    expect(s.worstCookieKey).toBeUndefined();
  });

  it('counts findings per severity', () => {
    const cookies = [sampleCookie({ name: 'sid', value: STRONG_ID, secure: false, httpOnly: false })];
    const findings = audit(cookies, ctx);
    const counts = summarize(cookies, findings).counts;
    for (const severity of ['high', 'medium', 'low', 'info'] as const) {
      expect(counts[severity]).toBe(findings.filter((f) => f.severity === severity).length);
    }
    expect(counts.high).toBe(3); // missing-secure, missing-httponly-session, token-readable-by-script
  });

  it('gives D (60) to a session cookie without Secure, and names it', () => {
    const sid = sampleCookie({ name: '__Secure-x', value: STRONG_ID });
    const bad = sampleCookie({ name: 'sessionid', value: STRONG_ID, secure: false, sameSite: 'strict' });
    const s = grade([sid, bad]);
    expect(s.score).toBe(60);
    expect(s.grade).toBe('D');
    expect(s.worstCookieKey).toBe(cookieKey(bad));
  });

  it('softens missing Secure when the site sends HSTS', () => {
    const bad = sampleCookie({ name: 'sessionid', value: STRONG_ID, secure: false, sameSite: 'strict' });
    expect(grade([bad], { ...ctx, hsts: true }).score).toBe(80);
    expect(grade([sampleCookie({ secure: false })], { ...ctx, hsts: true }).score).toBe(90);
  });

  it('gives B (80) to an ordinary cookie without Secure', () => {
    expect(grade([sampleCookie({ secure: false })])).toMatchObject({ score: 80, grade: 'B' });
  });

  it('gives C (70) to a session cookie without HttpOnly', () => {
    const cookie = sampleCookie({
      name: '__Host-sid',
      value: STRONG_ID.slice(0, 20),
      httpOnly: false,
      sameSite: 'strict',
    });
    expect(grade([cookie])).toMatchObject({ score: 70, grade: 'C' });
  });

  it('adds up the findings of one cookie: no HttpOnly and a guessable id give D (65)', () => {
    const cookie = sampleCookie({ name: '__Host-sid', value: 'Zq7', httpOnly: false, sameSite: 'strict' });
    // missing-httponly-session 30 + weak-session-id (medium) 5
    expect(grade([cookie])).toMatchObject({ score: 65, grade: 'D' });
  });

  it('gives B (80) to PHPSESSID without SameSite', () => {
    const s = grade([
      sampleCookie({ name: 'PHPSESSID', value: 'q1w2e3r4t5y6u7i8o9p0a1s2d3', sameSite: 'unspecified' }),
    ]);
    expect(s).toMatchObject({ score: 80, grade: 'B' });
  });

  it('gives F to a session cookie with none of Secure, HttpOnly, SameSite', () => {
    const s = grade([
      sampleCookie({ name: 'sid', value: STRONG_ID, secure: false, httpOnly: false, sameSite: 'unspecified' }),
    ]);
    // 40 + 30 + 15 (token-readable-by-script) + 20
    expect(s).toMatchObject({ score: 0, grade: 'F' });
  });

  it('lets the worst cookie decide instead of adding up cookies', () => {
    const many = Array.from({ length: 5 }, (_, i) => sampleCookie({ name: `pref${i}`, secure: false }));
    expect(grade(many).score).toBe(80);
  });

  it('gives F to an http: site with a session cookie', () => {
    const s = grade([sampleCookie({ name: 'sid', value: STRONG_ID, secure: false })], {
      ...ctx,
      pageUrl: 'http://example.com/',
    });
    expect(s.grade).toBe('F'); // missing-secure 40 + insecure-transport 15
    expect(s.score).toBe(45);
  });
});

describe('penaltyOf and gradeOf', () => {
  it('weighs the Observatory findings and the rest by severity', () => {
    expect(penaltyOf({ ruleId: 'missing-secure', severity: 'high' })).toBe(40);
    expect(penaltyOf({ ruleId: 'missing-secure', severity: 'low' })).toBe(20);
    expect(penaltyOf({ ruleId: 'missing-secure', severity: 'high' }, true)).toBe(20);
    expect(penaltyOf({ ruleId: 'missing-httponly-session', severity: 'high' })).toBe(30);
    expect(penaltyOf({ ruleId: 'samesite-unspecified', severity: 'medium' })).toBe(20);
    expect(penaltyOf({ ruleId: 'samesite-unspecified', severity: 'low' })).toBe(5);
    expect(penaltyOf({ ruleId: 'samesite-none-insecure', severity: 'high' })).toBe(20);
    expect(penaltyOf({ ruleId: 'oversized', severity: 'high' })).toBe(15);
    expect(penaltyOf({ ruleId: 'domain-wide', severity: 'medium' })).toBe(5);
    expect(penaltyOf({ ruleId: 'domain-wide', severity: 'low' })).toBe(0);
    expect(penaltyOf({ ruleId: 'framework-session-name', severity: 'info' })).toBe(0);
  });

  it('maps scores to grades at 90, 80, 70 and 60', () => {
    expect([100, 90, 89, 80, 79, 70, 69, 60, 59, 0].map(gradeOf)).toEqual([
      'A',
      'A',
      'B',
      'B',
      'C',
      'C',
      'D',
      'D',
      'F',
      'F',
    ]);
  });
});
