/**
 * Generated Set-Cookie headers for the differential tests (fast-check, fixed seed). Every header gets a
 * unique tag (`t123k`) in its name, or in its value when it has no name, so the cookie a browser stored
 * (or the line it refused) can be traced back to its header while many headers share one response.
 *
 * Dates are fixed strings (never "now + 1 day"), so a header's text depends on the seed alone and the
 * list of known differences can name headers exactly; Max-Age covers lifetimes relative to now.
 */
import fc from 'fast-check';

export const SEED = 20261129;
export const HEADERS_PER_RUN = 600;

export type Scheme = 'http' | 'https';
export const REQUEST_HOSTS = ['localhost', '127.0.0.1', 'site.cookielens.test', 'sub.site.cookielens.test'] as const;
export type RequestHost = (typeof REQUEST_HOSTS)[number];

/** A cookie the browser has before the header arrives, set by its own earlier response. */
export type Seed = 'secure' | 'httponly' | 'plain';

export interface Case {
  /** Position in the generated list: the tag is `t${id}k`. */
  id: number;
  header: string;
  scheme: Scheme;
  host: RequestHost;
  /** The header is written by the page's script (`document.cookie = header`) rather than sent. */
  fromScript: boolean;
  seed?: { kind: Seed; header: string; scheme: Scheme };
  /** The header carries no tag (an empty name and value): at most one such header per batch. */
  untagged: boolean;
  /** No name before `=` (or no `=`): such cookies share the empty name, so at most one per batch. */
  nameless: boolean;
}

const PREFIXES = [
  '',
  '',
  '',
  '__Secure-',
  '__secure-',
  '__SECURE-',
  '__Host-',
  '__host-',
  '__HOST-',
  '__Http-',
  '__http-',
  '__Host-Http-',
  '__host-http-',
  ' __Host-',
];
const NAME_TAILS = ['', '', '', ' x', 'x y', '"', 'é'];
const VALUES = [
  '',
  'v',
  'v',
  'value123',
  '"quoted"',
  '"',
  '"a b"',
  'a\tb',
  '\tlead',
  'trail\t',
  'a b',
  ' lead',
  'a=b',
  '==',
  'é',
  '日本',
  'a\x01b',
  'a\x7fb',
  'a\x0bb',
  'a,b',
  'a\\b',
  'x'.repeat(4100),
  'y'.repeat(4000),
];

/** Attribute name spellings: the canonical one and mixed-case ones. */
const SPELL = {
  Expires: ['Expires', 'expires', 'EXPIRES'],
  'Max-Age': ['Max-Age', 'max-age', 'MAX-AGE'],
  Domain: ['Domain', 'domain', 'DOMAIN'],
  Path: ['Path', 'path', 'PATH'],
  Secure: ['Secure', 'secure', 'SECURE'],
  HttpOnly: ['HttpOnly', 'httponly', 'HTTPONLY'],
  SameSite: ['SameSite', 'samesite', 'SAMESITE'],
  Partitioned: ['Partitioned', 'partitioned'],
} as const;

/** Domain values, as functions of the request host. */
const DOMAINS: ((host: RequestHost) => string)[] = [
  (h) => h,
  (h) => `.${h}`,
  (h) => h.toUpperCase(),
  () => 'site.cookielens.test',
  () => '.site.cookielens.test',
  () => 'cookielens.test',
  () => 'other.cookielens.test',
  () => 'test',
  () => 'localhost',
  () => '.localhost',
  () => '127.0.0.1',
  () => 'example.com',
  () => 'com',
  () => 'bücher.cookielens.test',
  () => '',
  () => '.',
];

const ATTRIBUTES: ((host: RequestHost) => fc.Arbitrary<string>)[] = [
  () =>
    fc
      .tuple(
        fc.constantFrom(...SPELL.Expires),
        fc.constantFrom(
          'Wed, 01 Jan 2098 00:00:00 GMT',
          'Thu, 01 Jan 1970 00:00:10 GMT',
          'Sun, 06 Nov 1994 08:49:37 GMT',
          'soon',
          '',
          '2099-01-01',
        ),
      )
      .map(([n, v]) => `${n}=${v}`),
  () =>
    fc
      .tuple(fc.constantFrom(...SPELL['Max-Age']), fc.constantFrom('3600', '86400', '0', '-1', '99999999999', 'abc', '', '+5', '1e3'))
      .map(([n, v]) => `${n}=${v}`),
  (host) =>
    fc
      .tuple(fc.constantFrom(...SPELL.Domain), fc.constantFrom(...DOMAINS.map((d) => d(host))))
      .map(([n, v]) => `${n}=${v}`),
  () =>
    fc
      .tuple(fc.constantFrom(...SPELL.Path), fc.constantFrom('/', '/', '', 'x', '/p', '/p/', '/other', '/P'))
      .map(([n, v]) => `${n}=${v}`),
  () => fc.constantFrom(...SPELL.Secure, 'Secure=no'),
  () => fc.constantFrom(...SPELL.HttpOnly, 'HttpOnly=1'),
  () =>
    fc
      .tuple(fc.constantFrom(...SPELL.SameSite), fc.constantFrom('Strict', 'lax', 'NONE', 'None', '', 'bogus'))
      .map(([n, v]) => `${n}=${v}`),
  () => fc.constantFrom(...SPELL.Partitioned),
  () => fc.constantFrom('Foo=bar', 'Comment=x', ' ', ''),
];

interface Shape {
  scheme: Scheme;
  host: RequestHost;
  prefix: string;
  tail: string;
  /** 'named': name=value; 'empty-name': =value; 'no-equals': value only (a nameless cookie). */
  form: 'named' | 'empty-name' | 'no-equals' | 'empty';
  value: string;
  attributes: string[];
  fromScript: boolean;
  seed: Seed | undefined;
  space: string;
}

const shape: fc.Arbitrary<Shape> = fc
  .tuple(fc.constantFrom<Scheme>('http', 'https'), fc.constantFrom(...REQUEST_HOSTS))
  .chain(([scheme, host]) =>
    fc.record({
      scheme: fc.constant(scheme),
      host: fc.constant(host),
      prefix: fc.constantFrom(...PREFIXES),
      tail: fc.constantFrom(...NAME_TAILS),
      form: fc.constantFrom<Shape['form']>(
        ...(['named', 'named', 'named', 'named', 'named', 'named', 'empty-name', 'no-equals'] as const),
        'empty',
      ),
      value: fc.constantFrom(...VALUES),
      attributes: fc.array(fc.oneof(...ATTRIBUTES.map((a) => a(host))), { minLength: 0, maxLength: 5 }),
      fromScript: fc.constantFrom(false, false, false, false, false, false, false, true),
      seed: fc.constantFrom<Seed | undefined>(
        ...([undefined, undefined, undefined, undefined, undefined, undefined, 'secure', 'httponly', 'plain'] as const),
      ),
      space: fc.constantFrom('; ', ';', ' ; '),
    }),
  );

function build(s: Shape, id: number): Case {
  const tag = tagOf({ id });
  const attrs = s.attributes.map((a) => `${s.space}${a}`).join('');
  let header: string;
  let name = '';
  if (s.form === 'named') {
    name = `${s.prefix}${tag}${s.tail}`;
    header = `${name}=${s.value}${attrs}`;
  } else if (s.form === 'empty-name') {
    header = `=${s.prefix.trim()}${tag}${s.value}${attrs}`;
  } else if (s.form === 'no-equals') {
    header = `${s.prefix.trim()}${tag}${s.value.replaceAll('=', '')}${attrs}`;
  } else {
    header = `=${attrs}`;
  }
  const untagged = s.form === 'empty';
  // Seeds only make sense for a named cookie: the earlier cookie has the same name.
  const trimmed = name.trim();
  let seed: Case['seed'];
  if (s.seed && s.form === 'named' && trimmed !== '') {
    if (s.seed === 'secure') seed = { kind: 'secure', header: `${trimmed}=old; Secure; Path=/`, scheme: 'https' };
    else if (s.seed === 'httponly') seed = { kind: 'httponly', header: `${trimmed}=old; HttpOnly; Path=/`, scheme: s.scheme };
    else seed = { kind: 'plain', header: `${trimmed}=old; Path=/p`, scheme: s.scheme };
  }
  // Script writes: a seed that is HttpOnly is the interesting case; the page writes the header itself.
  const fromScript = s.fromScript || seed?.kind === 'httponly';
  return { id, header, scheme: s.scheme, host: s.host, fromScript, ...(seed ? { seed } : {}), untagged, nameless: s.form !== 'named' };
}

/** The generated cases: the same list for a given seed and count, on every run. */
export function generateCases(seed: number = SEED, count: number = HEADERS_PER_RUN): Case[] {
  return fc.sample(shape, { seed, numRuns: count }).map((s, i) => build(s, i));
}

/** The tag of a case, as it appears in the stored cookie's name (or value, for a nameless one). */
export function tagOf(c: Pick<Case, 'id'>): string {
  return `t${c.id}k`;
}
