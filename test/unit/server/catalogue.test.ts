/**
 * The scenario catalogue is consistent: unique ids and routes, every audit rule id of issue 3
 * demonstrated (on a stored cookie, or named as impossible per browser with the reason), every
 * reject reason shown, and no rule id outside the public list.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserName } from '../../../src/core/types';
import { REJECT_REASONS, type RejectReason } from '../../../src/model/verdict';
import { RULE_IDS } from '../../../src/core/rules/index';
import { expectationFor, HOSTS, scenarios } from '../../server/scenarios';

// The rule ids are the core's registry, so a new rule without a scenario fails here.



const BROWSERS: BrowserName[] = ['chrome', 'firefox'];
const known = new Set<string>(RULE_IDS);

describe('scenario catalogue', () => {
  it('has 28 rule ids to cover', () => {
    expect(RULE_IDS).toHaveLength(28);
  });

  it('has unique ids and unique routes (redirect hops and frames included)', () => {
    const ids = scenarios.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const routes = scenarios.flatMap((s) => [
      s.route,
      ...(s.redirects ?? []).map((h) => h.route),
      ...(s.frame ? [s.frame.route] : []),
    ]);
    expect(new Set(routes).size).toBe(routes.length);
    for (const route of routes) expect(route).toMatch(/^\/[a-z0-9/-]*$/);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('uses only the server\u2019s own routes and hosts', () => {
    const reserved = ['/', '/scenarios.json', '/echo', '/getcookie', '/bulk', '/favicon.ico'];
    for (const s of scenarios) {
      expect(reserved).not.toContain(s.route);
      for (const host of [s.host, s.frame?.host, ...(s.redirects ?? []).map((h) => h.host)]) {
        if (host) expect(HOSTS).toContain(host);
      }
    }
  });

  it('names only public rule ids', () => {
    for (const s of scenarios) {
      const named = [
        ...s.demonstrates,
        ...s.expect.cookies.flatMap((c) => [...c.rules, ...(c.notRules ?? [])]),
        ...(s.expect.anyCookieRules ?? []),
        ...(s.cannotFire ?? []).map((c) => c.rule),
      ];
      for (const rule of named) expect(known, `${s.id}: ${rule}`).toContain(rule);
    }
  });

  it('never expects a rule and its absence on the same cookie', () => {
    for (const s of scenarios) {
      for (const c of s.expect.cookies) {
        for (const rule of c.notRules ?? []) expect(c.rules, `${s.id}/${c.name}`).not.toContain(rule);
      }
    }
  });

  for (const browser of BROWSERS) {
    it(`${browser}: every rule shows on a stored cookie in some scenario, or is listed as impossible with a reason`, () => {
      const fired = new Set<string>();
      const impossible = new Map<string, string>();
      for (const s of scenarios) {
        const e = expectationFor(s, browser);
        for (const c of e.cookies) for (const r of c.rules) fired.add(r);
        for (const r of e.anyCookieRules ?? []) fired.add(r);
        for (const c of s.cannotFire ?? []) if (c.browsers.includes(browser)) impossible.set(c.rule, c.why);
      }
      const uncovered = RULE_IDS.filter((r) => !fired.has(r) && !impossible.has(r));
      expect(uncovered).toEqual([]);
      for (const why of impossible.values()) expect(why.length).toBeGreaterThan(10);
    });

    it(`${browser}: each scenario's demonstrated rules show on one of its cookies, or it says why they cannot`, () => {
      for (const s of scenarios) {
        const e = expectationFor(s, browser);
        const shown = new Set([...e.cookies.flatMap((c) => c.rules), ...(e.anyCookieRules ?? [])]);
        const cannot = new Set((s.cannotFire ?? []).filter((c) => c.browsers.includes(browser)).map((c) => c.rule));
        for (const rule of s.demonstrates) {
          expect(shown.has(rule) || cannot.has(rule), `${s.id} demonstrates ${rule} in ${browser}`).toBe(true);
        }
      }
    });
  }

  /**
   * Reasons the explainer gives only when told a browser setting, which no scenario of the sample site
   * can change: third-party-blocked needs third-party cookies blocked (test/unit/core/set-cookie/third-party.test.ts).
   */
  const SETTING_ONLY: ReadonlySet<RejectReason> = new Set(['third-party-blocked']);

  it('shows a refused cookie for every RejectReason', () => {
    const reasons = new Set(scenarios.flatMap((s) => (s.expect.absent ?? []).map((a) => a.reason)));
    const missing = Object.keys(REJECT_REASONS).filter(
      (r) => !reasons.has(r as RejectReason) && !SETTING_ONLY.has(r as RejectReason),
    );
    expect(missing).toEqual([]);
  });

  it('gives a reason for every rejection it can name, and none for a deletion', () => {
    for (const s of scenarios) {
      for (const a of s.expect.absent ?? []) {
        if (a.verdict === 'deleted') expect(a.reason, `${s.id}/${a.name}`).toBeUndefined();
      }
    }
  });

  it('has the scenarios issue 4 asks for', () => {
    const ids = new Set(scenarios.map((s) => s.id));
    for (const id of [
      'good-host-session',
      'good-preference',
      'flask-setcookie',
      'flask-setcookie-secure',
      'script-cookies',
      'third-party-iframe',
      'redirect-chain',
      'overwrite',
      'delete-max-age-0',
      'same-name-two-paths',
    ]) {
      expect(ids).toContain(id);
    }
    const good = scenarios.filter((s) => s.id.startsWith('good-'));
    for (const s of good) for (const c of s.expect.cookies) expect(c.rules).toEqual([]);
    const flask = scenarios.find((s) => s.route === '/setcookie');
    expect(flask?.setCookie).toEqual(['username=JohnDoe; Expires=Thu, 01 Jan 1970 01:00:00 GMT; Path=/']);
    expect(flask?.expect.absent).toEqual([{ name: 'username', verdict: 'deleted' }]);
    const partitioned = scenarios.find((s) => s.id === 'third-party-iframe');
    expect(partitioned?.frame?.scheme).toBe('https');
    expect(partitioned?.frame?.setCookie?.some((h) => /;\s*Partitioned/.test(h))).toBe(true);
  });

  it('expectationFor keeps shared entries and those of the browser only', () => {
    const nameless = scenarios.find((s) => s.id === 'rule-nameless');
    if (!nameless) throw new Error('rule-nameless missing');
    expect(expectationFor(nameless, 'chrome').cookies.map((c) => c.name)).toEqual(['', '']);
    expect(expectationFor(nameless, 'firefox').cookies.map((c) => c.name)).toEqual(['bare-value']);
  });
});
