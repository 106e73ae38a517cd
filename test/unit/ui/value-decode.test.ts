import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absoluteLocalTime, byteSize, decodeViews, relativeTime } from '../../../src/ui/value-decode';
import { fastestMs, scalesLinearly } from '../timing';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const b64url = (text: string) => Buffer.from(text).toString('base64url');
const jwt = (header: object, payload: object, signature = 'c2lnbmF0dXJl') =>
  `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${signature}`;

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('decodeViews', () => {
  it('has only the raw view for a plain value', () => {
    expect(decodeViews('abc', NOW)).toEqual({ raw: 'abc' });
    expect(decodeViews('', NOW)).toEqual({ raw: '' });
    expect(decodeViews('true', NOW)).toEqual({ raw: 'true' });
    expect(decodeViews('GA1.2.1234567890.1700000000', NOW)).toEqual({ raw: 'GA1.2.1234567890.1700000000' });
  });

  it('URL-decodes only when that changes the value and succeeds', () => {
    expect(decodeViews('a%20b%3Dc', NOW).url).toBe('a b=c');
    expect(decodeViews('100%', NOW)).toEqual({ raw: '100%' });
    expect(decodeViews('%E0%A4%A', NOW)).toEqual({ raw: '%E0%A4%A' });
    expect(decodeViews('a+b', NOW).url).toBeUndefined();
  });

  it('pretty-prints percent-encoded JSON', () => {
    const views = decodeViews(encodeURIComponent('{"theme":"dark","ids":[1,2]}'), NOW);
    expect(views.url).toBe('{"theme":"dark","ids":[1,2]}');
    expect(views.json).toBe('{\n  "theme": "dark",\n  "ids": [\n    1,\n    2\n  ]\n}');
  });

  it('pretty-prints raw JSON arrays but not JSON scalars', () => {
    expect(decodeViews('[1,"a"]', NOW).json).toBe('[\n  1,\n  "a"\n]');
    expect(decodeViews('42', NOW).json).toBeUndefined();
    expect(decodeViews('"str"', NOW).json).toBeUndefined();
    expect(decodeViews('{broken', NOW).json).toBeUndefined();
  });

  it('decodes base64 JSON, padded or not, standard or url-safe, percent-encoded or not', () => {
    const text = '{"user":"ünïcødé?>","n":1}';
    for (const value of [b64(text), b64(text).replace(/=+$/, ''), b64url(text), encodeURIComponent(b64(text))]) {
      const views = decodeViews(value, NOW);
      expect(views.base64, value).toBe(text);
      expect(views.json, value).toBe(JSON.stringify(JSON.parse(text), null, 2));
    }
  });

  it('decodes base64 plain text but not base64 of binary', () => {
    expect(decodeViews(b64('hello world, this is text'), NOW).base64).toBe('hello world, this is text');
    expect(decodeViews(b64('line one\nline two\t!'), NOW).base64).toBe('line one\nline two\t!');
    const binary = Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0x80, 0x10, 0x9c, 0x78]).toString('base64');
    expect(decodeViews(binary, NOW).base64).toBeUndefined();
    expect(decodeViews(Buffer.from('\u0001\u0002\u0003\u0004abc').toString('base64'), NOW).base64).toBeUndefined();
  });

  it('rejects malformed base64', () => {
    expect(decodeViews('abcde', NOW).base64).toBeUndefined(); // length 1 mod 4
    expect(decodeViews('aGVsbG8=x', NOW).base64).toBeUndefined(); // padding in the middle
    expect(decodeViews('aGVsbG8===', NOW).base64).toBeUndefined();
    expect(decodeViews('aGVsbA=', NOW).base64).toBeUndefined(); // padded to the wrong length
  });

  it('reads a signed JWT with exp and iat', () => {
    const exp = NOW / 1000 + 3 * 86_400;
    const views = decodeViews(jwt({ alg: 'HS256', typ: 'JWT' }, { sub: '42', exp, iat: 1_700_000_000 }), NOW);
    expect(views.jwt).toEqual({
      header: { alg: 'HS256', typ: 'JWT' },
      payload: { sub: '42', exp, iat: 1_700_000_000 },
      headerText: '{\n  "alg": "HS256",\n  "typ": "JWT"\n}',
      payloadText: JSON.stringify({ sub: '42', exp, iat: 1_700_000_000 }, null, 2),
      expiresAt: '2025-01-18T12:00:00.000Z',
      issuedAt: '2023-11-14T22:13:20.000Z',
      expired: false,
      signaturePresent: true,
    });
    expect(views.base64).toBeUndefined();
  });

  it('marks an expired JWT, exp exactly now included', () => {
    expect(decodeViews(jwt({ alg: 'RS256' }, { exp: NOW / 1000 - 1 }), NOW).jwt?.expired).toBe(true);
    expect(decodeViews(jwt({ alg: 'RS256' }, { exp: NOW / 1000 }), NOW).jwt?.expired).toBe(true);
    expect(decodeViews(jwt({ alg: 'RS256' }, { exp: NOW / 1000 + 1 }), NOW).jwt?.expired).toBe(false);
  });

  it('reads unsigned JWTs (empty or missing signature) and JWTs without exp', () => {
    const [h, p] = jwt({ alg: 'none' }, { sub: 'x' }).split('.');
    for (const value of [`${h}.${p}.`, `${h}.${p}`]) {
      const token = decodeViews(value, NOW).jwt;
      expect(token?.signaturePresent, value).toBe(false);
      expect(token?.payload).toEqual({ sub: 'x' });
      expect(token && 'expired' in token).toBe(false);
      expect(token?.expiresAt).toBeUndefined();
    }
  });

  it('ignores exp values that are not numbers or are out of the date range', () => {
    expect(decodeViews(jwt({ alg: 'HS256' }, { exp: 'soon' }), NOW).jwt?.expiresAt).toBeUndefined();
    expect(decodeViews(jwt({ alg: 'HS256' }, { exp: 1e300 }), NOW).jwt?.expiresAt).toBeUndefined();
  });

  it('reads a percent-encoded JWT', () => {
    const token = jwt({ alg: 'HS256' }, { a: 1 }).replace(/\./g, '%2E');
    expect(decodeViews(token, NOW).jwt?.payload).toEqual({ a: 1 });
  });

  it('does not take dotted base64 without an alg header for a JWT', () => {
    expect(decodeViews(`${b64url('{"a":1}')}.${b64url('{"b":2}')}.sig`, NOW).jwt).toBeUndefined();
    expect(decodeViews(`${b64url('{"alg":"HS256"}')}.${b64url('not json')}.sig`, NOW).jwt).toBeUndefined();
  });

  it('says a Flask compressed session is compressed, and does not decompress it', () => {
    const views = decodeViews('.eJyrVkrLz1eyUkpKLFKqBQAg4wR4.ZmT3Ag.f3kN9oAbcDeFgHiJkLmNoPqRsTu', NOW);
    expect(views.note).toMatch(/Flask.*compressed/);
    expect(views.base64).toBeUndefined();
    expect(views.json).toBeUndefined();
    expect(views.jwt).toBeUndefined();
  });

  it('shows the data of an uncompressed Flask (itsdangerous) session', () => {
    const views = decodeViews(`${b64url('{"user_id":7,"cart":[]}')}.ZmT3Ag.f3kN9oAbcDeFgHiJkLmNoPqRsTu`, NOW);
    expect(views.jwt).toBeUndefined();
    expect(views.base64).toBe('{"user_id":7,"cart":[]}');
    expect(views.json).toBe('{\n  "user_id": 7,\n  "cart": []\n}');
    expect(views.note).toMatch(/Signed session/);
  });

  it('recognises an Express signed cookie and reads a signed JSON cookie', () => {
    const sid = decodeViews('s%3AJnF0h2TRXmV8oKs9yVv3lX.Cqv3%2FPo1mZ7hUd1zjnJtHfS2fM8WfAEf2a0K1wI6XyA', NOW);
    expect(sid.url).toBe('s:JnF0h2TRXmV8oKs9yVv3lX.Cqv3/Po1mZ7hUd1zjnJtHfS2fM8WfAEf2a0K1wI6XyA');
    expect(sid.note).toMatch(/Express signed/);
    expect(sid.json).toBeUndefined();

    const json = decodeViews(encodeURIComponent('s:j:{"cart":[1,2]}.Cqv3/Po1mZ7hUd1zjnJtHfS2fM8WfAEf2a0K1wI6XyA'), NOW);
    expect(json.note).toMatch(/Express signed/);
    expect(json.json).toBe('{\n  "cart": [\n    1,\n    2\n  ]\n}');
  });

  it('reads an Express (cookie-parser) JSON cookie', () => {
    expect(decodeViews(encodeURIComponent('j:{"a":true}'), NOW).json).toBe('{\n  "a": true\n}');
  });

  it('never throws and keeps its promises on thousands of random strings', () => {
    const alphabet = fc.constantFrom(...'aAzZ09+/-_=.%:{}[]"sjeJy \n\u0000é😀\uD800'.split(''));
    const arbitrary = fc.oneof(
      fc.string({ unit: alphabet, maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.string({ maxLength: 80 }).map((s) => b64(s)),
      fc.jsonValue().map((j) => encodeURIComponent(JSON.stringify(j))),
      fc
        .tuple(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }))
        .map(([a, b]) => `${b64url(a)}.${b64url(b)}.`),
      fc
        .tuple(fc.string(), fc.jsonValue(), fc.oneof(fc.double(), fc.integer()), fc.nat(60))
        .map(([alg, claims, exp, cut]) => jwt({ alg }, { claims, exp }).slice(cut)),
    );
    fc.assert(
      fc.property(arbitrary, fc.double(), (value, now) => {
        const views = decodeViews(value, now);
        expect(views.raw).toBe(value);
        if (views.url !== undefined) expect(views.url).not.toBe(value);
        if (views.json !== undefined) expect(typeof JSON.parse(views.json)).toBe('object');
        if (views.jwt) expect(JSON.parse(views.jwt.headerText)).toEqual(views.jwt.header);
      }),
      { numRuns: 5000, seed: 20250115 },
    );
  });
});

describe('decodeViews on hostile values (issue 11: never freeze)', () => {
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it('pretty-prints JSON up to 32 levels deep', () => {
    expect(decodeViews(nested(32), NOW).json).toBe(JSON.stringify(JSON.parse(nested(32)), null, 2));
    expect(decodeViews(`{"a":${nested(31)}}`, NOW).json).toContain('"a": [');
  });

  // Pretty-printing `[[[...]]]` writes depth² spaces (a 4 KB cookie gave 8 MB of text), and from a few
  // thousand levels JSON.stringify overflows the stack: decodeViews threw in the value inspector.
  it('says deeper JSON is too deep to show instead of printing depth² spaces or throwing', () => {
    for (const value of [nested(33), nested(2000), nested(100_000), b64(nested(5000)), `j:${nested(5000)}`]) {
      let views: ReturnType<typeof decodeViews> | undefined;
      const ms = fastestMs(() => {
        views = decodeViews(value, NOW);
      }, 200);
      expect(ms, value.slice(0, 10)).toBeLessThan(200);
      expect(views?.json).toBeUndefined();
      expect(views?.note).toBe('JSON nested more than 32 levels deep: not pretty-printed.');
    }
    expect(decodeViews(`${'['.repeat(50)}]`, NOW)).toEqual({ raw: `${'['.repeat(50)}]` }); // not JSON: no note
  });

  it('reads no JWT whose header or payload is nested too deep, and does not throw on one', () => {
    const sub = b64url('{"sub":"x"}');
    const deepHeader = `${b64url(`{"alg":"none","x":${nested(5000)}}`)}.${sub}.`;
    const deepPayload = `${b64url('{"alg":"none"}')}.${b64url(nested(5000))}.`;
    for (const token of [deepHeader, deepPayload]) {
      let views: ReturnType<typeof decodeViews> | undefined;
      expect(() => {
        views = decodeViews(token, NOW);
      }).not.toThrow();
      expect(views?.jwt).toBeUndefined();
    }
    expect(decodeViews(`${b64url(`{"alg":"none","x":${nested(31)}}`)}.${sub}.`, NOW).jwt?.payload).toEqual({ sub: 'x' });
  });

  it.each([
    ['spaces', (n: number) => `{${' '.repeat(n)}`],
    ['equals', (n: number) => `a${'='.repeat(n)}b`],
    ['dots', (n: number) => 'a.'.repeat(n / 2)],
    ['express s:', (n: number) => `s:${'a.'.repeat(n / 2)}!`],
    ['percent', (n: number) => '%41'.repeat(n / 3)],
    ['base64', (n: number) => 'QUJD'.repeat(n / 4)],
    ['brackets', (n: number) => '['.repeat(n)],
    ['nested JSON', (n: number) => `${'{"a":'.repeat(n / 6)}1${'}'.repeat(n / 6)}`],
  ])('takes linear time on %s', (_kind, make) => {
    const { linear, ratio, largeMs } = scalesLinearly(make, (v) => decodeViews(v, NOW));
    expect(linear, `4x the input took ${ratio.toFixed(1)}x the time (${largeMs.toFixed(1)} ms)`).toBe(true);
  });
});

describe('relativeTime', () => {
  it('says how far ahead, in whole units rounded down', () => {
    expect(relativeTime(NOW + 3 * DAY + 5 * HOUR, NOW)).toBe('in 3 days');
    expect(relativeTime(NOW + 5 * MINUTE + 59_000, NOW)).toBe('in 5 minutes');
    expect(relativeTime(NOW + HOUR, NOW)).toBe('in 1 hour');
    expect(relativeTime(NOW + 45 * DAY, NOW)).toBe('in 1 month');
    expect(relativeTime(NOW + 400 * DAY, NOW)).toBe('in 1 year');
    expect(relativeTime(NOW + 30_000, NOW)).toBe('in under a minute');
    expect(relativeTime(NOW, NOW)).toBe('in under a minute');
  });

  it('says how long ago', () => {
    expect(relativeTime(NOW - 2 * HOUR, NOW)).toBe('2 hours ago');
    expect(relativeTime(NOW - DAY, NOW)).toBe('1 day ago');
    expect(relativeTime(NOW - 1000, NOW)).toBe('under a minute ago');
    expect(relativeTime(0, NOW)).toBe('55 years ago');
  });

  it('does not pretend to know unknown times', () => {
    expect(relativeTime(Number.NaN, NOW)).toBe('unknown');
    expect(relativeTime(Number.POSITIVE_INFINITY, NOW)).toBe('unknown');
  });
});

describe('absoluteLocalTime', () => {
  it('formats with the medium date and short time of the locale', () => {
    const expected = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(NOW);
    expect(absoluteLocalTime(NOW)).toBe(expected);
    expect(absoluteLocalTime(NOW)).toMatch(/2025/);
  });

  it('does not throw on times out of range', () => {
    expect(absoluteLocalTime(Number.NaN)).toBe('invalid date');
    expect(absoluteLocalTime(1e300)).toBe('invalid date');
  });
});

describe('byteSize', () => {
  it('uses bytes below 1 KB and one decimal above', () => {
    expect(byteSize(0)).toBe('0 B');
    expect(byteSize(512)).toBe('512 B');
    expect(byteSize(1023)).toBe('1023 B');
    expect(byteSize(1024)).toBe('1.0 KB');
    expect(byteSize(4096)).toBe('4.0 KB');
    expect(byteSize(1536)).toBe('1.5 KB');
    expect(byteSize(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
