/** fast-check generators of valid cookies, shared by the formats' property tests. */
import fc from 'fast-check';
import type { Cookie, PartitionKey } from '../../../../src/model/cookie';

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** RFC 9110 tchar: what a cookie name may be made of. */
export const TOKEN_CHARS = [...`${ALNUM}!#$%&'*+-.^_\`|~`];
/** RFC 6265 cookie-octet: %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E. */
export const COOKIE_OCTETS = Array.from({ length: 0x7f - 0x21 }, (_, i) => String.fromCharCode(0x21 + i)).filter(
  (ch) => !'",;\\'.includes(ch),
);

/** Values a page might plant to attack whoever renders them; all made of cookie-octets. */
export const HOSTILE_VALUES = [
  '<script>alert(1)</script>',
  '<img/src=x/onerror=alert(document.cookie)>',
  '</textarea><svg/onload=alert(1)>',
  'javascript:alert(1)',
  '$\u007b7*7}{{7*7}}',
  "'--></style><script>x()</script>",
];

export const nameArb = fc.string({ unit: fc.constantFrom(...TOKEN_CHARS), minLength: 1, maxLength: 16 });
export const valueArb = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: fc.constantFrom(...COOKIE_OCTETS), maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
);

const labelArb = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,6}[a-z0-9])?$/);
export const hostArb = fc
  .tuple(fc.array(labelArb, { maxLength: 2 }), fc.constantFrom('example.com', 'example.org', 'test.co.uk', 'localhost'))
  .map(([labels, base]) => [...labels, base].join('.'));
export const pathArb = fc
  .array(fc.string({ unit: fc.constantFrom(...COOKIE_OCTETS.filter((c) => c !== '/')), minLength: 1, maxLength: 6 }), {
    maxLength: 3,
  })
  .map((segments) => `/${segments.join('/')}`);

const partitionArb: fc.Arbitrary<PartitionKey> = fc
  .tuple(hostArb, fc.option(fc.boolean(), { nil: undefined }))
  .map(([host, cross]) =>
    cross === undefined
      ? { topLevelSite: `https://${host}` }
      : { topLevelSite: `https://${host}`, hasCrossSiteAncestor: cross },
  );

/** A cookie as a browser would hold it: host-only exactly when the domain has no leading dot. */
export const cookieArb: fc.Arbitrary<Cookie> = fc
  .record({
    name: nameArb,
    value: valueArb,
    host: hostArb,
    hostOnly: fc.boolean(),
    path: pathArb,
    secure: fc.boolean(),
    httpOnly: fc.boolean(),
    sameSite: fc.constantFrom('none', 'lax', 'strict', 'unspecified' as const),
    expiry: fc.option(fc.integer({ min: 1_000_000_000, max: 4_000_000_000 }), { nil: undefined }),
    storeId: fc.constantFrom('0', '1', 'firefox-default', 'firefox-container-3', 'firefox-private'),
    partitionKey: fc.option(partitionArb, { nil: undefined }),
    firstPartyDomain: fc.option(fc.oneof(fc.constant(''), hostArb), { nil: undefined }),
  })
  .map((r) => {
    const cookie: Cookie = {
      name: r.name,
      value: r.value,
      domain: r.hostOnly ? r.host : `.${r.host}`,
      hostOnly: r.hostOnly,
      path: r.path,
      secure: r.secure,
      httpOnly: r.httpOnly,
      sameSite: r.sameSite,
      session: r.expiry === undefined,
      storeId: r.storeId,
    };
    if (r.expiry !== undefined) cookie.expirationDate = r.expiry;
    if (r.partitionKey) cookie.partitionKey = r.partitionKey;
    if (r.firstPartyDomain !== undefined) cookie.firstPartyDomain = r.firstPartyDomain;
    return cookie;
  });

/** Cookies that a cookies.txt can tell apart (it has no store or partition). */
export const cookieListArb = fc.uniqueArray(cookieArb, {
  selector: (c) => `${c.domain}\t${c.path}\t${c.name}`,
  maxLength: 12,
});
