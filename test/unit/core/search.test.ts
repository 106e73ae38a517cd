import { msg } from '../../../src/i18n/msg';
import { describe, expect, it } from 'vitest';
import {
  matchCookie,
  parseQuery as parseQueryMessage,
  type SearchFilters,
  type SearchQuery,
  utf8Length,
} from '../../../src/core/search';
import type { Finding } from '../../../src/core/types';
import { type Cookie, cookieKey, cookieSize } from '../../../src/model/cookie';
import type { Severity } from '../../../src/model/severity';
import { en, enDeep } from '../en';
import { makeCookie } from '../fixtures';

/** The parsed query, or its error in English (as an English page shows it). */
const parseQuery = (text: string) => enDeep(parseQueryMessage(text));

const NOW = Date.UTC(2025, 0, 1);

function query(text: string): SearchQuery {
  const parsed = parseQueryMessage(text);
  if (!parsed.ok) throw new Error(`expected ${text} to parse: ${en(parsed.error)}`);
  return parsed.query;
}

function finding(cookie: Cookie, ruleId: string, severity: Severity): Finding {
  return {
    ruleId,
    severity,
    cookieKey: cookieKey(cookie),
    title: msg('text', ''),
    explanation: msg('text', ''),
    fix: msg('text', ''),
    reference: '',
  };
}

const matches = (text: string, cookie: Cookie, findings: Finding[] = [], filters: SearchFilters = {}) =>
  matchCookie(query(text), filters, cookie, findings, NOW);

describe('parseQuery', () => {
  it('reads plain words, fields, quotes, regexes and negation', () => {
    const q = query('Sess name:"a b" value:x -domain:ads.example /^_g/i rule:samesite');
    expect(q.terms.map((t) => [t.field, t.text, t.negate])).toEqual([
      ['any', 'Sess', false],
      ['name', 'a b', false],
      ['value', 'x', false],
      ['domain', 'ads.example', true],
      ['any', '/^_g/i', false],
      ['rule', 'samesite', false],
    ]);
  });

  it('treats an unknown field and a URL as plain text, and ignores a field still empty', () => {
    expect(query('https://x.test foo:bar').terms.map((t) => [t.field, t.text])).toEqual([
      ['any', 'https://x.test'],
      ['any', 'foo:bar'],
    ]);
    expect(query('name:').terms).toEqual([]);
    expect(query('   ').terms).toEqual([]);
  });

  it('says what is wrong with a regex, never throwing', () => {
    const bad = parseQuery('/(unclosed/');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/^The regular expression \/\(unclosed\/ is not valid: /);
    const open = parseQuery('name:/abc');
    expect(open).toEqual({
      ok: false,
      error:
        'The regular expression /abc is not closed: end it with "/" (to search for text that starts with "/", put it in quotes).',
    });
    expect(parseQuery('//').ok).toBe(false);
    const flags = parseQuery('/a/q');
    expect(flags.ok).toBe(false);
    if (!flags.ok) expect(flags.error).toContain('/a/q is not valid');
  });

  it('refuses a pattern that could backtrack for ages on a hostile value: a repeated group that repeats, a backreference', () => {
    const nested =
      'This pattern could take very long on some values (a repeated group that itself repeats); simplify it.';
    const backref =
      'This pattern could take very long on some values (it refers back to an earlier group); simplify it.';
    for (const slow of [
      '/^(\\w+\\s?)*$/',
      'value:/(a+)+b/',
      '/(?:x|y*){2,}/i',
      '/((ab)*c)+/',
      '/(a?){20}a{20}/',
      '/(?<w>a+)*/',
    ]) {
      expect(parseQuery(slow), slow).toEqual({ ok: false, error: nested });
    }
    for (const slow of ['/(a)\\1/', '/(?<q>["\'])x\\k<q>/']) {
      expect(parseQuery(slow), slow).toEqual({ ok: false, error: backref });
    }
    // Repeats that cannot nest stay allowed: in a class, escaped, a group repeated once, a repeat inside an unrepeated group.
    for (const fine of [
      '/^sess_\\d+$/',
      '/(ab)+c*/',
      '/[(a+)*]+/',
      '/\\(a+\\)*/',
      '/(a+|b)c/',
      '/(?:_ga)?_\\w+/',
      '/\\p{L}+/u',
      '/a{2}(bc){3}/',
    ]) {
      expect(parseQuery(fine).ok, fine).toBe(true);
    }
    // And what the refused one would have matched, a safe pattern still finds (a long hostile value, at once).
    const hostile = makeCookie({ name: 'x', value: `${'a '.repeat(2000)}!` });
    expect(matches('value:/^[\\w\\s]*$/', hostile)).toBe(false);
    expect(matches('value:/^[\\w\\s]*!$/', hostile)).toBe(true);
  });

  it('keeps a slash inside a class or escaped inside the regex, and escapes in quotes', () => {
    expect(query('/a[/]b/').terms[0]?.text).toBe('/a[/]b/');
    expect(query('/a\\/b/').terms[0]?.text).toBe('/a\\/b/');
    expect(query('"say \\"hi\\""').terms[0]?.text).toBe('say "hi"');
  });

  it('does not read regex syntax in plain words (no injection)', () => {
    const c = makeCookie({ name: 'a.b', value: '(x)' });
    expect(matches('a.b', c)).toBe(true);
    expect(matches('a*b', c)).toBe(false);
    expect(matches('(x)', c)).toBe(true);
    expect(matches('axb', makeCookie({ name: 'axb' }))).toBe(true);
    expect(matches('a.b', makeCookie({ name: 'axb' }))).toBe(false);
  });
});

describe('matchCookie: the search text', () => {
  const sid = makeCookie({ name: 'SessionID', value: 'abc123', domain: '.www.example.com' });

  it('matches plain words in name, value or domain, case-insensitively, all words', () => {
    expect(matches('session', sid)).toBe(true);
    expect(matches('ABC', sid)).toBe(true);
    expect(matches('example', sid)).toBe(true);
    expect(matches('session abc', sid)).toBe(true);
    expect(matches('session nope', sid)).toBe(false);
  });

  it('limits a field to that field', () => {
    expect(matches('name:abc', sid)).toBe(false);
    expect(matches('value:abc', sid)).toBe(true);
    expect(matches('domain:example.com', sid)).toBe(true);
    expect(matches('domain:session', sid)).toBe(false);
    expect(matches('name:"ion i"', makeCookie({ name: 'session id' }))).toBe(true);
  });

  it('domain: finds the domain and its subdomains, host-only or not', () => {
    expect(matches('domain:example.com', makeCookie({ domain: 'example.com' }))).toBe(true);
    expect(matches('domain:example.com', makeCookie({ domain: '.example.com' }))).toBe(true);
    expect(matches('domain:example.com', makeCookie({ domain: 'shop.example.com' }))).toBe(true);
    expect(matches('domain:example.com', makeCookie({ domain: 'example.org' }))).toBe(false);
  });

  it('rule: matches a finding whose rule id contains the text', () => {
    const findings = [finding(sid, 'samesite-unspecified', 'medium')];
    expect(matches('rule:samesite', sid, findings)).toBe(true);
    expect(matches('rule:SameSite-unspecified', sid, findings)).toBe(true);
    expect(matches('rule:missing-secure', sid, findings)).toBe(false);
    expect(matches('rule:samesite', sid, [])).toBe(false);
  });

  it('matches a regex against name, value or domain, with its flags', () => {
    expect(matches('/^Sess/', sid)).toBe(true);
    expect(matches('/^sess/', sid)).toBe(false);
    expect(matches('/^sess/i', sid)).toBe(true);
    expect(matches('/\\d{3}$/', sid)).toBe(true);
    expect(matches('name:/\\d/', sid)).toBe(false);
    // g would make test() remember where it stopped: ignored, so the same answer every time.
    const global = query('/abc/g');
    expect([1, 2, 3].map(() => matchCookie(global, {}, sid, [], NOW))).toEqual([true, true, true]);
  });

  it('excludes what a negated term matches', () => {
    expect(matches('-session', sid)).toBe(false);
    expect(matches('-name:_ga', sid)).toBe(true);
    expect(matches('-/^_/', makeCookie({ name: '_ga' }))).toBe(false);
    expect(matches('- x', makeCookie({ name: 'a-x' }))).toBe(true);
  });
});

describe('matchCookie: the filters', () => {
  const f = (filters: SearchFilters, cookie: Cookie, findings: Finding[] = []) =>
    matchCookie(query(''), filters, cookie, findings, NOW);
  const inSeconds = (ms: number) => (NOW + ms) / 1000;

  it('severity: at least one finding of a chosen severity', () => {
    const c = makeCookie();
    expect(f({ severity: ['high'] }, c, [finding(c, 'missing-secure', 'high')])).toBe(true);
    expect(f({ severity: ['high'] }, c, [finding(c, 'samesite-unspecified', 'medium')])).toBe(false);
    expect(f({ severity: ['high', 'medium'] }, c, [finding(c, 'samesite-unspecified', 'medium')])).toBe(true);
    expect(f({ severity: ['info'] }, c)).toBe(false);
    expect(f({ severity: [] }, c)).toBe(true);
  });

  it('flags: secure, httpOnly, hostOnly and SameSite', () => {
    const c = makeCookie({ secure: true, httpOnly: false, sameSite: 'lax', domain: '.example.com' });
    expect(f({ secure: true }, c)).toBe(true);
    expect(f({ secure: false }, c)).toBe(false);
    expect(f({ httpOnly: true }, c)).toBe(false);
    expect(f({ httpOnly: false }, c)).toBe(true);
    expect(f({ hostOnly: false }, c)).toBe(true);
    expect(f({ hostOnly: true }, c)).toBe(false);
    expect(f({ sameSite: ['lax', 'strict'] }, c)).toBe(true);
    expect(f({ sameSite: ['none'] }, c)).toBe(false);
  });

  it('session or persistent, partitioned', () => {
    const session = makeCookie();
    const persistent = makeCookie({ session: false, expirationDate: inSeconds(10 * 86_400_000) });
    const partitioned = makeCookie({ partitionKey: { topLevelSite: 'https://example.com' } });
    expect(f({ lifetime: 'session' }, session)).toBe(true);
    expect(f({ lifetime: 'session' }, persistent)).toBe(false);
    expect(f({ lifetime: 'persistent' }, persistent)).toBe(true);
    expect(f({ partitioned: true }, partitioned)).toBe(true);
    expect(f({ partitioned: true }, session)).toBe(false);
    expect(f({ partitioned: false }, session)).toBe(true);
  });

  it('expiring within a day or a week of now', () => {
    const hours = (h: number) => makeCookie({ session: false, expirationDate: inSeconds(h * 3_600_000) });
    expect(f({ expiringWithin: 'day' }, hours(23))).toBe(true);
    expect(f({ expiringWithin: 'day' }, hours(25))).toBe(false);
    expect(f({ expiringWithin: 'week' }, hours(25))).toBe(true);
    expect(f({ expiringWithin: 'week' }, hours(7 * 24 + 1))).toBe(false);
    expect(f({ expiringWithin: 'day' }, makeCookie())).toBe(false);
  });

  it('over a size, counted in UTF-8 bytes of name and value', () => {
    const c = makeCookie({ name: 'n', value: 'é'.repeat(50) }); // 1 + 100 bytes
    expect(f({ overBytes: 100 }, c)).toBe(true);
    expect(f({ overBytes: 101 }, c)).toBe(false);
    for (const text of ['abc', 'é', '€', '😀', '\ud800x', 'x\udc00']) {
      expect(utf8Length(text)).toBe(cookieSize({ name: text, value: '' }));
    }
  });
});

describe('matchCookie at the browsers limit', () => {
  it('narrows 3,300 cookies over 100 sites to exactly the right rows', () => {
    const cookies: Cookie[] = [];
    const findings = new Map<Cookie, Finding[]>();
    for (let i = 0; i < 3_300; i++) {
      const site = `site${String(i % 100).padStart(3, '0')}-x.test`;
      const c = makeCookie({
        name: i % 7 === 0 ? `session_${i}` : `pref_${i}`,
        value: i % 11 === 0 ? `token-${i}` : `v${i}`,
        domain: i % 2 === 0 ? `.${site}` : `www.${site}`,
        secure: i % 3 === 0,
        session: i % 5 !== 0,
        ...(i % 5 === 0 ? { expirationDate: (NOW + (i % 10) * 86_400_000) / 1000 } : {}),
      });
      cookies.push(c);
      findings.set(c, c.secure ? [] : [finding(c, 'missing-secure', i % 7 === 0 ? 'high' : 'medium')]);
    }
    const count = (text: string, filters: SearchFilters = {}) => {
      const q = query(text);
      return cookies.filter((c) => matchCookie(q, filters, c, findings.get(c) ?? [], NOW));
    };
    const oracle = (keep: (c: Cookie, i: number) => boolean) => cookies.filter(keep);

    expect(count('')).toHaveLength(3_300);
    expect(count('session')).toEqual(oracle((c) => c.name.startsWith('session_')));
    expect(count('domain:site042-x.test')).toEqual(oracle((_c, i) => i % 100 === 42));
    expect(count('domain:site042-x.test token')).toEqual(oracle((_c, i) => i % 100 === 42 && i % 11 === 0));
    expect(count('/^session_\\d*5$/')).toEqual(oracle((c) => /^session_\d*5$/.test(c.name)));
    expect(count('rule:missing -name:session')).toEqual(oracle((c) => !c.secure && !c.name.startsWith('session')));
    expect(count('', { severity: ['high'] })).toEqual(oracle((c) => !c.secure && c.name.startsWith('session')));
    expect(count('', { expiringWithin: 'day', secure: true })).toEqual(
      oracle((c, i) => i % 5 === 0 && i % 10 <= 1 && c.secure),
    );
    expect(count('value:token', { lifetime: 'persistent' })).toEqual(oracle((_c, i) => i % 11 === 0 && i % 5 === 0));
  });
});
