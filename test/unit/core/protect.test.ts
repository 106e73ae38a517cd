import { describe, expect, it } from 'vitest';
import {
  changeRules,
  isProtected,
  MAX_RULES,
  namePattern,
  protectedKeys,
  readRule as readRuleMessage,
  readRules as readRulesMessages,
  ruleFor,
} from '../../../src/core/protect';
import { cookieKey } from '../../../src/model/cookie';
import { enDeep } from '../en';
import { makeCookie } from '../fixtures';

/** A rule, or what is wrong with it in English (as an English page shows it). */
const readRule = (raw: unknown) => enDeep(readRuleMessage(raw));
/** The rules, and what is wrong in English. */
const readRules = (raw: unknown) => enDeep(readRulesMessages(raw));

describe('isProtected', () => {
  it('needs the cookie site and the name', () => {
    const rules = [{ site: 'example.com', name: 'sid' }];
    expect(isProtected(makeCookie({ name: 'sid', domain: 'www.example.com' }), rules)).toBe(true);
    expect(isProtected(makeCookie({ name: 'sid', domain: '.example.com' }), rules)).toBe(true);
    expect(isProtected(makeCookie({ name: 'sid', domain: 'example.org' }), rules)).toBe(false);
    expect(isProtected(makeCookie({ name: 'sid2', domain: 'example.com' }), rules)).toBe(false);
    expect(isProtected(makeCookie({ name: 'SID', domain: 'example.com' }), rules)).toBe(false);
  });

  it('reads * as any run of characters and nothing else as a pattern', () => {
    const rules = [{ site: 'example.com', name: 'sess_*' }];
    expect(isProtected(makeCookie({ name: 'sess_', domain: 'example.com' }), rules)).toBe(true);
    expect(isProtected(makeCookie({ name: 'sess_abc\nx', domain: 'example.com' }), rules)).toBe(true);
    expect(isProtected(makeCookie({ name: 'xsess_a', domain: 'example.com' }), rules)).toBe(false);
    const dotted = namePattern('a.b*(c)');
    expect(dotted('a.bzz(c)')).toBe(true);
    expect(dotted('axbzz(c)')).toBe(false);
    expect(dotted('a.b(c')).toBe(false);
    expect(namePattern('^$')('^$')).toBe(true);
    expect(namePattern('*')('')).toBe(true);
    expect(namePattern('')('')).toBe(true);
    expect(namePattern('')('a')).toBe(false);
  });

  it('finds the parts between the stars in order, without overlapping the ends', () => {
    expect(namePattern('ab*ba')('aba')).toBe(false);
    expect(namePattern('ab*ba')('abba')).toBe(true);
    expect(namePattern('*x*y*')('yx')).toBe(false);
    expect(namePattern('*x*y*')('_x_y_')).toBe(true);
    expect(namePattern('a**b')('ab')).toBe(true);
    expect(namePattern('*ab*abc')('ababcabc')).toBe(true);
    expect(namePattern('*abc*c')('abc')).toBe(false);
  });

  it('answers at once on a long hostile name (a site chooses the names)', () => {
    // The regex this replaced took about 43 s for `*a*a*b` on such a name (backtracking); the matcher
    // is linear in the name's length. No timed assertion here (team rule): the test's own timeout
    // is what a slow matcher would hit.
    const long = 'a'.repeat(4000);
    expect(namePattern('*a*a*b')(long)).toBe(false);
    expect(namePattern('*a*a*b')(`${long}b`)).toBe(true);
    expect(namePattern('*a*a*a*a*c')(long.repeat(5))).toBe(false);
  });

  it('covers a partitioned cookie by its own domain, not its top-level site', () => {
    const widget = makeCookie({
      name: 'sid',
      domain: 'widget.example',
      partitionKey: { topLevelSite: 'https://shop.test' },
    });
    expect(isProtected(widget, [{ site: 'widget.example', name: 'sid' }])).toBe(true);
    expect(isProtected(widget, [{ site: 'shop.test', name: 'sid' }])).toBe(false);
  });

  it('covers localhost and IP address cookies by their host', () => {
    expect(isProtected(makeCookie({ name: 'a', domain: 'localhost' }), [{ site: 'localhost', name: 'a' }])).toBe(true);
    expect(isProtected(makeCookie({ name: 'a', domain: '127.0.0.1' }), [{ site: '127.0.0.1', name: 'a' }])).toBe(true);
  });
});

describe('protectedKeys', () => {
  it('gives the key of each covered cookie, in order', () => {
    const a = makeCookie({ name: 'sid', domain: 'a.example.com' });
    const b = makeCookie({ name: 'theme', domain: 'a.example.com' });
    const c = makeCookie({ name: 'sid', domain: 'a.example.com', path: '/x' });
    expect(protectedKeys([a, b, c], [{ site: 'example.com', name: 'sid' }])).toEqual([cookieKey(a), cookieKey(c)]);
    expect(protectedKeys([a, b, c], [])).toEqual([]);
  });
});

describe('rules', () => {
  it('ruleFor names the cookie site and name', () => {
    expect(ruleFor(makeCookie({ name: 'sid', domain: '.shop.example.co.uk' }))).toEqual({
      site: 'example.co.uk',
      name: 'sid',
    });
  });

  it('changeRules adds without repeats and removes', () => {
    const start = [{ site: 'a.test', name: 'x' }];
    const added = changeRules(start, {
      add: [
        { site: 'a.test', name: 'x' },
        { site: 'a.test', name: 'y' },
      ],
    });
    expect(added).toEqual([
      { site: 'a.test', name: 'x' },
      { site: 'a.test', name: 'y' },
    ]);
    expect(changeRules(added, { remove: [{ site: 'a.test', name: 'x' }] })).toEqual([{ site: 'a.test', name: 'y' }]);
  });

  it('readRule normalizes the site and refuses what cannot be a rule', () => {
    expect(readRule({ site: ' .WWW.Example.com ', name: 'sid' })).toEqual({ site: 'example.com', name: 'sid' });
    expect(readRule({ site: '[::1]', name: 'a' })).toEqual({ site: '::1', name: 'a' });
    expect(readRule({ site: 'localhost', name: '' })).toEqual({ site: 'localhost', name: '' });
    expect(readRule('sid')).toBe('not a rule object with "site" and "name"');
    expect(readRule({ site: 1, name: 'a' })).toBe('"site" must be a string, not number');
    expect(readRule({ site: 'a.test' })).toBe('"name" must be a string, not undefined');
    expect(readRule({ site: '', name: 'a' })).toBe('"site" is empty');
    expect(readRule({ site: 'https://a.test/', name: 'a' })).toBe(
      '"site" must be a domain like example.com, not "https://a.test/"',
    );
    expect(readRule({ site: 'a'.repeat(254), name: 'a' })).toBe('"site" is longer than 253 characters');
    expect(readRule({ site: 'a.test', name: 'x'.repeat(4097) })).toBe('"name" is longer than 4096 characters');
    expect(readRule({ site: 'a.test', name: 'a;b' })).toContain('may not contain');
    expect(readRule({ site: 'a.test', name: '  ' })).toBe('"name" is only spaces');
  });

  it('readRules keeps the good ones and says which are bad', () => {
    expect(readRules(undefined)).toEqual({ rules: [], errors: [] });
    expect(readRules({})).toEqual({ rules: [], errors: ['The protection rules must be a list.'] });
    expect(readRules([{ site: 'a.test', name: 'x' }, { site: 'a.test', name: 'x' }, { name: 'y' }, null])).toEqual({
      rules: [{ site: 'a.test', name: 'x' }],
      errors: ['Rule 3: "site" must be a string, not undefined', 'Rule 4: not a rule object with "site" and "name"'],
    });
    const many = Array.from({ length: MAX_RULES + 1 }, (_, i) => ({ site: 'a.test', name: `n${i}` }));
    const read = readRules(many);
    expect(read.rules).toHaveLength(MAX_RULES);
    expect(read.errors).toEqual(['More than 1,000 protection rules.']);
  });
});
