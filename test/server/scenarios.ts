/**
 * The sample server's scenario catalogue, as data. Each scenario is one page (sometimes a redirect
 * chain or a page with a cross-site iframe) that sends known `Set-Cookie` headers and/or runs known
 * `document.cookie` statements, and says what the browser stores and what Cookie Lens must show.
 *
 * Used by the server (routes, index page, /scenarios.json), by the ground-truth e2e test (which
 * cookies each real browser stores) and by the extension oracle (which rule ids show on them).
 *
 * No imports but types: the catalogue must stay loadable anywhere (Node, a page, a test).
 */
import type { BrowserName } from '../../src/core/types';
import type { RejectReason } from '../../src/model/verdict';

export type { BrowserName, RejectReason };

/** The names the server answers to. Every `*.cookielens.test` name is mapped to 127.0.0.1 by the browser. */
export type Host =
  | 'localhost'
  | '127.0.0.1'
  | 'site.cookielens.test'
  | 'sub.site.cookielens.test'
  | 'other.cookielens.test'
  /** `bücher.cookielens.test` in its ASCII (punycode) form. */
  | 'xn--bcher-kva.cookielens.test';

export type Scheme = 'http' | 'https';

/** Every host of the type above, for the host-resolver rules and the certificate. */
export const HOSTS: readonly Host[] = [
  'localhost',
  '127.0.0.1',
  'site.cookielens.test',
  'sub.site.cookielens.test',
  'other.cookielens.test',
  'xn--bcher-kva.cookielens.test',
];

/** The domain the sample site's named hosts live under; browsers resolve every name under it to 127.0.0.1. */
export const TEST_DOMAIN = 'cookielens.test';

/** The host names that need a DNS override in the browser (everything under `cookielens.test`). */
export const MAPPED_HOSTS: readonly Host[] = HOSTS.filter((h) => h.endsWith(`.${TEST_DOMAIN}`));

/** One response of a redirect chain (or the frame of a page). Host and scheme default to the scenario's. */
export interface Hop {
  route: string;
  host?: Host;
  scheme?: Scheme;
  /** `Set-Cookie` headers this response sends, exactly. */
  setCookie?: string[];
  /** `document.cookie` statements the page runs (only for the last hop, which serves a page). */
  script?: string;
}

/** A cookie the browser must have stored after the scenario ran. */
export interface ExpectedCookie {
  name: string;
  /** Checked when given (e.g. which of two writes won). */
  value?: string;
  /** As the browser stores it: bare host for a host-only cookie, leading dot for a domain cookie. Defaults to the host of the response that set it. */
  domain?: string;
  /** Defaults to `/`. */
  path?: string;
  /** True when the cookie must be stored in a partition (CHIPS in Chrome, Total Cookie Protection in Firefox). */
  partitioned?: boolean;
  /**
   * Audit rule ids that must show on this cookie: exactly its `high` and `medium` findings (no
   * other high or medium finding may show), plus any `low`/`info` findings named here.
   */
  rules: string[];
  /** Rule ids (of any severity) that must NOT show on this cookie. */
  notRules?: string[];
  /** Only in these browsers; every browser when absent. */
  browsers?: BrowserName[];
}

/** A `Set-Cookie` header or `document.cookie` write the browser refused or turned into a deletion. */
export interface AbsentCookie {
  name: string;
  /** When another cookie of this name is stored, the value that must not be stored. */
  value?: string;
  path?: string;
  /** `deleted`: accepted but expired on arrival (or deleted an earlier cookie); `rejected`: refused. */
  verdict: 'deleted' | 'rejected';
  /** The explainer's reason, for `rejected`. */
  reason?: RejectReason;
  /** Only in these browsers; every browser when absent. */
  browsers?: BrowserName[];
}

export interface Expectation {
  /** Cookies stored after the scenario: every cookie the browser holds for the scenario's hosts, none missing, none extra. */
  cookies: ExpectedCookie[];
  absent?: AbsentCookie[];
  /** Rule ids that must show on at least one of the scenario's cookies (site-wide rules such as too-many-cookies). */
  anyCookieRules?: string[];
}

export interface Scenario {
  /** Stable id, kebab-case; also used in test names. */
  id: string;
  /** The route to open. Unique. */
  route: string;
  title: string;
  /** What it teaches, plain text. */
  teaches: string;
  /** Host to open it on; `localhost` when absent. */
  host?: Host;
  /** Scheme to open it on; `http` when absent. */
  scheme?: Scheme;
  /** `Set-Cookie` headers the route sends, exactly (control characters and UTF-8 included). */
  setCookie?: string[];
  /** `document.cookie` statements the page runs, as JavaScript. */
  script?: string;
  /** A redirect chain: the route answers 302 to the first hop, each hop to the next; the last hop serves the page. */
  redirects?: Hop[];
  /** A cross-site (or same-site) iframe the page embeds. */
  frame?: Hop;
  /** Rule ids this scenario exists to demonstrate (for the index page and the coverage test). */
  demonstrates: string[];
  /** Rule ids this scenario is meant to show that no stored cookie can carry in a browser, with why. */
  cannotFire?: Array<{ rule: string; browsers: BrowserName[]; why: string }>;
  expect: Expectation;
  /** Where Chrome and Firefox differ, in words; the machine-readable part is `browsers` on cookies and absent entries. */
  perBrowser?: Partial<Record<BrowserName, string>>;
}

/** A session id with 96 bits of entropy: 24 hex characters (below the 32-character "long token" mark). */
export const STRONG_ID = 'f2608959e1ef003e6cfb50bd';
/** A long random token (48 base64url characters, 288 bits) under a name that is not session-like. */
export const LONG_TOKEN = 'Mlm2RF_TouiG3Y-k36ZFBEhnr07HdANZ-gZFQdEoHnijvyEP';
/** A JWT-shaped value (header.payload.signature, base64url). */
export const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJkZW1vLXVzZXIiLCJuYW1lIjoiQ29va2llIExlbnMgZGVtbyIsImlhdCI6MTcwMDAwMDAwMH0.tzQ9m4kYfz5R6kdruJweptg_-ZB0JL8ZiKBL93emUfI';

/** Largest `n` `/bulk` accepts. Browsers keep at most 180 cookies per domain anyway. */
export const BULK_MAX = 1000;

/** Routes that are not scenarios. */
export const UTILITY_ROUTES = [
  {
    route: '/getcookie',
    what: 'The Flask tutorial: returns {"username": <value or null>} from the Cookie header, as JSON.',
  },
  { route: '/echo', what: 'Returns the Cookie header the request carried, as JSON: {"cookie": <header or null>}.' },
  { route: `/bulk?n=50`, what: `Sets n cookies (1 to ${BULK_MAX}) named bulk0001... for benchmarks.` },
  { route: '/scenarios.json', what: 'This catalogue as JSON.' },
] as const;

const FIVE_YEARS = 'Expires=Wed, 01 Jan 2048 00:00:00 GMT';
const TOO_MANY = 51;
const pad2 = (i: number): string => String(i).padStart(2, '0');

/**
 * Hostile cookie text for the `/hostile` scenario: what a view must show as inert text. Every script
 * payload sets the global named by HOSTILE_GLOBAL (or calls alert), so a test can tell that none ran.
 */
export const HOSTILE_GLOBAL = '__clHostile';
export const HOSTILE = {
  img: '<img src=x onerror="globalThis.__clHostile=1">',
  script: '<script>globalThis.__clHostile=2</script>',
  jsUrl: 'javascript:alert(1)',
  /** URL-encoded JSON: {"url":"javascript:alert(1)","html":"<img src=x onerror=alert(2)>"} */
  jsonLink: '%7B%22url%22%3A%22javascript%3Aalert(1)%22%2C%22html%22%3A%22%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E%22%7D',
  /** Base64 of <img src=x onerror="globalThis.__clHostile=5"><script>globalThis.__clHostile=6</script> */
  base64Html:
    'PGltZyBzcmM9eCBvbmVycm9yPSJnbG9iYWxUaGlzLl9fY2xIb3N0aWxlPTUiPjxzY3JpcHQ+Z2xvYmFsVGhpcy5fX2NsSG9zdGlsZT02PC9zY3JpcHQ+',
  /** A JWT whose payload is {"sub":"<img src=x onerror=alert(1)>","name":"<script>alert(2)</script>","iat":1700000000}. */
  jwtHtml:
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI8aW1nIHNyYz14IG9uZXJyb3I9YWxlcnQoMSk-IiwibmFtZSI6IjxzY3JpcHQ-YWxlcnQoMik8L3NjcmlwdD4iLCJpYXQiOjE3MDAwMDAwMDB9.c2lnbmF0dXJlLW5vdC1jaGVja2Vk',
  /** Shown left to right, U+202E makes "gnp.exe" read "exe.png" and would flip what follows it. */
  rtlValue: 'invoice\u202Egnp.exe',
  rtlName: 'rtl\u202Eeman',
  /** The same name as Firefox ESR 153 keeps it: each UTF-8 byte of U+202E read as a Latin-1 character. */
  rtlNameFirefox: 'rtl\u00e2\u0080\u00aeeman',
  /** 4000 characters without a break opportunity (name + value stay under the 4096-byte limit). */
  big: 'W'.repeat(4000),
  htmlName: '<b>html_name</b>',
  svg: '<svg onload="globalThis.__clHostile=7">',
  jsName: '<i>js_name</i>',
  jsLink: '<a href="javascript:alert(1)">click</a>',
} as const;

export const scenarios: Scenario[] = [
  // ---------------------------------------------------------------- good cookies
  {
    id: 'good-host-session',
    route: '/good/host-session',
    title: 'A session cookie done right',
    teaches:
      'A __Host- session cookie with Secure, HttpOnly, SameSite=Strict and Path=/, no Domain and no expiry: bound to this exact host, never sent over http, unreadable by script, never sent cross-site.',
    scheme: 'https',
    setCookie: [`__Host-sid=${STRONG_ID}; Secure; HttpOnly; SameSite=Strict; Path=/`],
    demonstrates: [],
    expect: { cookies: [{ name: '__Host-sid', value: STRONG_ID, rules: [] }] },
  },
  {
    id: 'good-preference',
    route: '/good/preference',
    title: 'A preference cookie done right',
    teaches:
      'A non-secret preference (theme) that script may read: Secure, SameSite=Lax, one year, host-only. Only low findings (no HttpOnly, which a preference read by script does not need).',
    scheme: 'https',
    setCookie: ['theme=dark; Secure; SameSite=Lax; Path=/; Max-Age=31536000'],
    demonstrates: [],
    expect: { cookies: [{ name: 'theme', value: 'dark', rules: [], notRules: ['long-lifetime'] }] },
  },

  // ---------------------------------------------------------------- one per audit rule
  {
    id: 'rule-missing-secure',
    route: '/rules/missing-secure',
    title: 'Session cookie without Secure',
    teaches: 'A session cookie without Secure is also sent over plain http, where anyone on the network can read it.',
    setCookie: [`sid=${STRONG_ID}; HttpOnly; SameSite=Strict; Path=/`],
    demonstrates: ['missing-secure'],
    expect: { cookies: [{ name: 'sid', rules: ['missing-secure'] }] },
  },
  {
    id: 'rule-insecure-transport',
    route: '/rules/insecure-transport',
    title: 'Cookies on a plain-http site',
    teaches: 'A page served over http from a real (non-loopback) host: every cookie it sets travels in clear text.',
    host: 'site.cookielens.test',
    setCookie: ['lang=en; SameSite=Lax; Path=/'],
    demonstrates: ['insecure-transport'],
    expect: { cookies: [{ name: 'lang', rules: ['insecure-transport'] }] },
  },
  {
    id: 'rule-missing-httponly-session',
    route: '/rules/missing-httponly-session',
    title: 'Session cookie readable by script',
    teaches: 'Without HttpOnly, any script on the page (including an injected one) can read and steal the session.',
    scheme: 'https',
    setCookie: [`sessionid=${STRONG_ID}; Secure; SameSite=Strict; Path=/`],
    demonstrates: ['missing-httponly-session'],
    expect: { cookies: [{ name: 'sessionid', rules: ['missing-httponly-session'] }] },
  },
  {
    id: 'rule-missing-httponly',
    route: '/rules/missing-httponly',
    title: 'Ordinary cookie without HttpOnly',
    teaches: 'A cookie that is not a session may still be better off HttpOnly when no script needs it (low).',
    scheme: 'https',
    setCookie: ['consent=yes; Secure; SameSite=Lax; Path=/'],
    demonstrates: ['missing-httponly'],
    expect: { cookies: [{ name: 'consent', rules: ['missing-httponly'] }] },
  },
  {
    id: 'rule-token-readable-by-script',
    route: '/rules/token-readable-by-script',
    title: 'Long random token readable by script',
    teaches: 'A long random value looks like a credential whatever the name; without HttpOnly an XSS can steal it.',
    scheme: 'https',
    setCookie: [`ab_bucket=${LONG_TOKEN}; Secure; SameSite=Strict; Path=/`],
    demonstrates: ['token-readable-by-script'],
    expect: { cookies: [{ name: 'ab_bucket', rules: ['token-readable-by-script'] }] },
  },
  {
    id: 'rule-token-readable-jwt',
    route: '/rules/token-readable-jwt',
    title: 'JWT in a cookie readable by script',
    teaches: 'A JWT-shaped value makes a cookie session-like; without HttpOnly script can read the bearer token.',
    scheme: 'https',
    setCookie: [`jwt=${JWT}; Secure; SameSite=Strict; Path=/`],
    demonstrates: ['token-readable-by-script', 'missing-httponly-session'],
    expect: { cookies: [{ name: 'jwt', rules: ['token-readable-by-script', 'missing-httponly-session'] }] },
  },
  {
    id: 'rule-samesite-none-insecure',
    route: '/rules/samesite-none-insecure',
    title: 'SameSite=None without Secure',
    teaches: 'SameSite=None requires Secure: Chrome refuses the cookie outright.',
    setCookie: ['widget=1; SameSite=None; Path=/'],
    demonstrates: ['samesite-none-insecure'],
    cannotFire: [
      { rule: 'samesite-none-insecure', browsers: ['chrome', 'firefox'], why: 'the browser rejects the cookie' },
    ],
    expect: {
      cookies: [],
      absent: [{ name: 'widget', verdict: 'rejected', reason: 'samesite-none-insecure' }],
    },
  },
  {
    id: 'rule-samesite-none',
    route: '/rules/samesite-none',
    title: 'Session cookie with SameSite=None',
    teaches: 'SameSite=None sends the session on every cross-site request: CSRF protection is up to the server.',
    scheme: 'https',
    setCookie: [`sid=${STRONG_ID}; Secure; HttpOnly; SameSite=None; Path=/`],
    demonstrates: ['samesite-none'],
    expect: { cookies: [{ name: 'sid', rules: ['samesite-none'] }] },
  },
  {
    id: 'rule-samesite-unspecified',
    route: '/rules/samesite-unspecified',
    title: 'No SameSite on a session and an anti-CSRF cookie',
    teaches:
      'Without SameSite the browser picks a default (Lax in Chrome, None in Firefox): say what you mean. Medium for a session or anti-CSRF cookie.',
    scheme: 'https',
    setCookie: [`sid=${STRONG_ID}; Secure; HttpOnly; Path=/`, `csrftoken=${STRONG_ID}; Secure; Path=/`],
    demonstrates: ['samesite-unspecified'],
    expect: {
      cookies: [
        { name: 'sid', rules: ['samesite-unspecified'] },
        { name: 'csrftoken', rules: ['samesite-unspecified'], notRules: ['missing-httponly-session'] },
      ],
    },
  },
  {
    id: 'rule-samesite-lax-session',
    route: '/rules/samesite-lax-session',
    title: 'Session cookie with SameSite=Lax',
    teaches:
      'Lax still sends the session on top-level cross-site GET navigations; Strict is tighter where it works (info).',
    scheme: 'https',
    setCookie: [`sid=${STRONG_ID}; Secure; HttpOnly; SameSite=Lax; Path=/`],
    demonstrates: ['samesite-lax-session'],
    expect: { cookies: [{ name: 'sid', rules: ['samesite-lax-session'] }] },
  },
  {
    id: 'rule-domain-wide',
    route: '/rules/domain-wide',
    title: 'Session cookie sent to every subdomain',
    teaches: 'A Domain attribute makes the cookie go to every subdomain (and any of them can overwrite it).',
    host: 'site.cookielens.test',
    scheme: 'https',
    setCookie: [`sid=${STRONG_ID}; Domain=site.cookielens.test; Secure; HttpOnly; SameSite=Strict; Path=/`],
    demonstrates: ['domain-wide'],
    expect: { cookies: [{ name: 'sid', domain: '.site.cookielens.test', rules: ['domain-wide'] }] },
  },
  {
    id: 'rule-domain-wide-from-subdomain',
    route: '/rules/domain-wide-from-subdomain',
    title: 'A subdomain sets a cookie for its parent',
    teaches: 'sub.site.cookielens.test may set a cookie for site.cookielens.test and all its subdomains.',
    host: 'sub.site.cookielens.test',
    scheme: 'https',
    setCookie: ['region=eu; Domain=site.cookielens.test; Secure; SameSite=Lax; Path=/'],
    demonstrates: ['domain-wide'],
    expect: { cookies: [{ name: 'region', domain: '.site.cookielens.test', rules: ['domain-wide'] }] },
  },
  {
    id: 'rule-host-prefix-invalid',
    route: '/rules/host-prefix-invalid',
    title: '__Host- cookie with a Path, a Domain, or no Secure',
    teaches: 'A __Host- cookie must be Secure, host-only and Path=/; browsers refuse one that is not.',
    scheme: 'https',
    setCookie: [
      `__Host-sid=${STRONG_ID}; Secure; HttpOnly; SameSite=Strict; Path=/app`,
      '__Host-pref=1; Secure; SameSite=Lax; Path=/; Domain=localhost',
      '__Host-flag=1; SameSite=Lax; Path=/',
    ],
    demonstrates: ['host-prefix-invalid'],
    cannotFire: [
      { rule: 'host-prefix-invalid', browsers: ['chrome', 'firefox'], why: 'the browser rejects the cookie' },
    ],
    expect: {
      cookies: [{ name: '__Host-pref', domain: 'localhost', rules: [], browsers: ['firefox'] }],
      absent: [
        { name: '__Host-sid', verdict: 'rejected', reason: 'invalid-prefix' },
        { name: '__Host-pref', verdict: 'rejected', reason: 'invalid-prefix', browsers: ['chrome'] },
        { name: '__Host-flag', verdict: 'rejected', reason: 'invalid-prefix' },
      ],
    },
    perBrowser: {
      chrome: 'Rejects all three.',
      firefox:
        'Stores __Host-pref: Firefox treats Domain=localhost (a name without a dot) as a host-only cookie, so the __Host- rules hold.',
    },
  },
  {
    id: 'rule-host-prefix-invalid-domain',
    route: '/rules/host-prefix-invalid-domain',
    title: '__Host- cookie with a Domain attribute',
    teaches: 'A __Host- cookie may not carry Domain: it would be sent to every subdomain.',
    host: 'site.cookielens.test',
    scheme: 'https',
    setCookie: ['__Host-wide=1; Domain=site.cookielens.test; Secure; SameSite=Lax; Path=/'],
    demonstrates: ['host-prefix-invalid'],
    cannotFire: [
      { rule: 'host-prefix-invalid', browsers: ['chrome', 'firefox'], why: 'the browser rejects the cookie' },
    ],
    expect: { cookies: [], absent: [{ name: '__Host-wide', verdict: 'rejected', reason: 'invalid-prefix' }] },
  },
  {
    id: 'rule-secure-prefix-invalid',
    route: '/rules/secure-prefix-invalid',
    title: '__Secure- cookie without Secure',
    teaches: 'A __Secure- cookie must carry Secure; browsers refuse one that does not.',
    scheme: 'https',
    setCookie: ['__Secure-id=1; SameSite=Lax; Path=/'],
    demonstrates: ['secure-prefix-invalid'],
    cannotFire: [
      { rule: 'secure-prefix-invalid', browsers: ['chrome', 'firefox'], why: 'the browser rejects the cookie' },
    ],
    expect: { cookies: [], absent: [{ name: '__Secure-id', verdict: 'rejected', reason: 'invalid-prefix' }] },
  },
  {
    id: 'rule-http-prefix-invalid',
    route: '/rules/http-prefix-invalid',
    title: '__Http- and __Host-Http- cookies without HttpOnly',
    teaches: 'The newer __Http- prefixes promise the cookie was set by the server with HttpOnly (and Secure).',
    scheme: 'https',
    setCookie: ['__Http-sid=1; Secure; SameSite=Strict; Path=/', '__Host-Http-sid=1; Secure; SameSite=Strict; Path=/'],
    demonstrates: ['http-prefix-invalid'],
    cannotFire: [
      { rule: 'http-prefix-invalid', browsers: ['chrome', 'firefox'], why: 'the browser rejects the cookie' },
    ],
    expect: {
      cookies: [],
      absent: [
        { name: '__Http-sid', verdict: 'rejected', reason: 'invalid-prefix' },
        { name: '__Host-Http-sid', verdict: 'rejected', reason: 'invalid-prefix' },
      ],
    },
  },
  {
    id: 'rule-prefix-case',
    route: '/rules/prefix-case',
    title: 'A prefix in the wrong case',
    teaches: 'Browsers match cookie prefixes case-insensitively now; write them exactly (__Secure-, __Host-).',
    scheme: 'https',
    setCookie: ['__secure-pref=1; Secure; SameSite=Lax; Path=/', '__HOST-theme=1; SameSite=Lax; Path=/'],
    demonstrates: ['prefix-case'],
    expect: {
      cookies: [{ name: '__secure-pref', rules: ['prefix-case'] }],
      absent: [{ name: '__HOST-theme', verdict: 'rejected', reason: 'invalid-prefix' }],
    },
  },
  {
    id: 'rule-host-prefix-recommended',
    route: '/rules/host-prefix-recommended',
    title: 'Session cookie without a __Host- prefix',
    teaches:
      'Everything right but the name: a __Host- prefix would stop a subdomain or an http page from planting one.',
    scheme: 'https',
    setCookie: [`sid=${STRONG_ID}; Secure; HttpOnly; SameSite=Strict; Path=/`],
    demonstrates: ['host-prefix-recommended'],
    expect: { cookies: [{ name: 'sid', rules: ['host-prefix-recommended'] }] },
  },
  {
    id: 'rule-nameless',
    route: '/rules/nameless',
    title: 'Cookies without a name',
    teaches:
      '"=value" and "value" both store a cookie with an empty name, which servers and libraries read differently.',
    scheme: 'https',
    setCookie: [
      '=nameless-value; Secure; SameSite=Lax; Path=/',
      'bare-value; Secure; SameSite=Lax; Path=/rules/nameless',
      '=__Secure-fake=1; Secure; SameSite=Lax; Path=/',
    ],
    demonstrates: ['nameless'],
    expect: {
      cookies: [
        { name: '', value: 'nameless-value', rules: ['nameless'], browsers: ['chrome'] },
        { name: '', value: 'bare-value', path: '/rules/nameless', rules: ['nameless'], browsers: ['chrome'] },
        { name: 'bare-value', value: '', path: '/rules/nameless', rules: [], browsers: ['firefox'] },
      ],
      absent: [
        { name: '', value: '__Secure-fake=1', verdict: 'rejected', reason: 'nameless-prefix', browsers: ['chrome'] },
        { name: '', value: 'nameless-value', verdict: 'rejected', browsers: ['firefox'] },
        {
          name: '',
          value: '__Secure-fake=1',
          verdict: 'rejected',
          reason: 'nameless-with-equals',
          browsers: ['firefox'],
        },
      ],
    },
    cannotFire: [
      {
        rule: 'nameless',
        browsers: ['firefox'],
        why: 'Firefox refuses "=value" (empty name) and stores "value" as a name with an empty value',
      },
    ],
    perBrowser: {
      chrome:
        'Stores "=nameless-value" and "bare-value" as two nameless cookies; refuses "=__Secure-fake=1" (InvalidPrefix).',
      firefox:
        'Refuses both "=..." lines (empty name) and stores "bare-value" as a cookie NAMED bare-value with an empty value.',
    },
  },
  {
    id: 'rule-persistent-session',
    route: '/rules/persistent-session',
    title: 'Session cookie with an expiry',
    teaches: 'A session cookie with Max-Age outlives the browser session: a stolen or shared machine stays logged in.',
    scheme: 'https',
    setCookie: [`sid=${STRONG_ID}; Secure; HttpOnly; SameSite=Strict; Path=/; Max-Age=2592000`],
    demonstrates: ['persistent-session'],
    expect: { cookies: [{ name: 'sid', rules: ['persistent-session'] }] },
  },
  {
    id: 'rule-long-lifetime',
    route: '/rules/long-lifetime',
    title: 'Expires decades ahead',
    teaches: 'Browsers cap cookie lifetimes at 400 days: an expiry in 2048 is silently shortened.',
    scheme: 'https',
    setCookie: [`theme=dark; Secure; SameSite=Lax; Path=/; ${FIVE_YEARS}`],
    demonstrates: ['long-lifetime'],
    cannotFire: [
      {
        rule: 'long-lifetime',
        browsers: ['chrome', 'firefox'],
        why: 'the browser caps the stored expiry at 400 days; only the Set-Cookie explainer sees the requested lifetime',
      },
    ],
    expect: { cookies: [{ name: 'theme', rules: [], notRules: ['long-lifetime'] }] },
  },
  {
    id: 'rule-path-scoped-session',
    route: '/account/login',
    title: 'Session cookie scoped to a path',
    teaches: 'Path is not a security boundary: pages outside /account can still read the cookie through a frame.',
    scheme: 'https',
    setCookie: [`sid=${STRONG_ID}; Secure; HttpOnly; SameSite=Strict; Path=/account`],
    demonstrates: ['path-scoped-session'],
    expect: { cookies: [{ name: 'sid', path: '/account', rules: ['path-scoped-session'] }] },
  },
  {
    id: 'rule-oversized',
    route: '/rules/oversized',
    title: 'Name and value over 4096 bytes',
    teaches: 'Browsers drop a cookie whose name plus value exceeds 4096 bytes; one just under the limit is kept.',
    scheme: 'https',
    setCookie: [
      `big=${'x'.repeat(4093)}; Secure; SameSite=Lax; Path=/`,
      `huge=${'x'.repeat(4100)}; Secure; SameSite=Lax; Path=/`,
    ],
    demonstrates: ['oversized'],
    cannotFire: [{ rule: 'oversized', browsers: ['chrome', 'firefox'], why: 'the browser rejects the cookie' }],
    expect: {
      cookies: [{ name: 'big', rules: [], notRules: ['oversized'] }],
      absent: [{ name: 'huge', verdict: 'rejected', reason: 'too-large' }],
    },
  },
  {
    id: 'rule-too-many-cookies',
    route: '/rules/too-many-cookies',
    title: `${TOO_MANY} cookies on one host`,
    teaches: 'Past about 50 cookies per domain, request headers grow and browsers start evicting the oldest.',
    scheme: 'https',
    setCookie: Array.from({ length: TOO_MANY }, (_, i) => `c${pad2(i + 1)}=1; Secure; SameSite=Lax; Path=/`),
    demonstrates: ['too-many-cookies'],
    expect: {
      cookies: Array.from({ length: TOO_MANY }, (_, i) => ({ name: `c${pad2(i + 1)}`, rules: [] })),
      anyCookieRules: ['too-many-cookies'],
    },
  },
  {
    id: 'rule-control-characters',
    route: '/rules/control-characters',
    title: 'Control characters in a cookie',
    teaches: 'A control character (here U+0001) makes the browser drop the whole Set-Cookie line.',
    scheme: 'https',
    setCookie: ['ctl=a\u0001b; Secure; SameSite=Lax; Path=/', 'tab=a\tb; Secure; SameSite=Lax; Path=/'],
    demonstrates: ['control-characters'],
    expect: {
      cookies: [{ name: 'tab', value: 'a\tb', rules: ['control-characters'], browsers: ['firefox'] }],
      absent: [
        { name: 'ctl', verdict: 'rejected', reason: 'control-characters' },
        { name: 'tab', verdict: 'rejected', reason: 'control-characters', browsers: ['chrome'] },
      ],
    },
    cannotFire: [
      { rule: 'control-characters', browsers: ['chrome'], why: 'Chrome rejects every control character, tab included' },
    ],
    perBrowser: {
      chrome: 'Rejects both lines: a tab inside the value counts as a disallowed character too.',
      firefox: 'Rejects the U+0001 line but stores tab=a<TAB>b, so control-characters shows on a stored cookie.',
    },
  },
  {
    id: 'rule-non-token-value',
    route: '/rules/non-token-value',
    title: 'Spaces, commas and quotes in values',
    teaches:
      'Values outside the cookie-octet set (space, comma, backslash, inner quote) are stored but parsed differently by servers.',
    scheme: 'https',
    setCookie: ['greeting=hello world; Secure; SameSite=Lax; Path=/', 'list=a,b; Secure; SameSite=Lax; Path=/'],
    demonstrates: ['non-token-value'],
    expect: {
      cookies: [
        { name: 'greeting', value: 'hello world', rules: ['non-token-value'] },
        { name: 'list', value: 'a,b', rules: ['non-token-value'] },
      ],
    },
  },
  {
    id: 'rule-domain-non-ascii',
    route: '/rules/domain-non-ascii',
    title: 'A Domain attribute in Unicode',
    teaches: 'Domain=bücher.cookielens.test (not its xn-- form): browsers refuse non-ASCII Domain attributes.',
    host: 'xn--bcher-kva.cookielens.test',
    scheme: 'https',
    setCookie: ['idn=1; Domain=bücher.cookielens.test; Secure; SameSite=Lax; Path=/'],
    demonstrates: ['domain-non-ascii'],
    cannotFire: [
      {
        rule: 'domain-non-ascii',
        browsers: ['chrome'],
        why: 'Chrome converts the Unicode Domain to its punycode form and stores .xn--bcher-kva.cookielens.test, which is ASCII',
      },
      { rule: 'domain-non-ascii', browsers: ['firefox'], why: 'Firefox rejects the cookie' },
    ],
    expect: {
      cookies: [
        { name: 'idn', domain: '.xn--bcher-kva.cookielens.test', rules: ['domain-wide'], browsers: ['chrome'] },
      ],
      absent: [{ name: 'idn', verdict: 'rejected', reason: 'non-ascii-domain', browsers: ['firefox'] }],
    },
    perBrowser: {
      chrome: 'Accepts the UTF-8 Domain attribute and stores a domain cookie for .xn--bcher-kva.cookielens.test.',
      firefox: 'Refuses the cookie.',
    },
  },
  {
    id: 'rule-partitioned-insecure',
    route: '/rules/partitioned-insecure',
    title: 'Partitioned without Secure',
    teaches: 'CHIPS requires Secure on a Partitioned cookie; Chrome refuses one without it.',
    setCookie: ['chip=1; Partitioned; SameSite=Lax; Path=/'],
    demonstrates: ['partitioned-insecure'],
    cannotFire: [
      { rule: 'partitioned-insecure', browsers: ['chrome', 'firefox'], why: 'the browser rejects the cookie' },
    ],
    expect: { cookies: [], absent: [{ name: 'chip', verdict: 'rejected', reason: 'partitioned-insecure' }] },
  },
  {
    id: 'rule-third-party-unpartitioned',
    route: '/frames/first-visit',
    title: 'A SameSite=None cookie that a cross-site page embeds',
    teaches:
      'You visit 127.0.0.1, which sets an unpartitioned SameSite=None cookie; then a page on localhost (another site) embeds 127.0.0.1. On that page the cookie is a third-party cookie: the same one for every site that embeds 127.0.0.1, which is what lets it track you across sites (where third-party cookies are allowed).',
    host: '127.0.0.1',
    scheme: 'https',
    setCookie: [`tracker=${STRONG_ID}; Secure; SameSite=None; Path=/`],
    redirects: [{ route: '/frames/embedding-page', host: 'localhost' }],
    frame: { route: '/frames/embedded', host: '127.0.0.1', scheme: 'https' },
    demonstrates: ['third-party-unpartitioned'],
    expect: { cookies: [{ name: 'tracker', domain: '127.0.0.1', rules: ['third-party-unpartitioned'] }] },
  },
  {
    id: 'third-party-iframe',
    route: '/frames/third-party',
    title: 'Cookies set from a cross-site iframe',
    teaches:
      'A page on localhost embeds 127.0.0.1 (another site). The frame tries an unpartitioned SameSite=None cookie (a classic third-party cookie) and a SameSite=Lax one (which a cross-site response may not set), and sets a Partitioned one from its header and one from script (CHIPS: kept per top-level site).',
    scheme: 'https',
    setCookie: ['top_pref=1; Secure; SameSite=Lax; Path=/'],
    frame: {
      route: '/frames/third-party/frame',
      host: '127.0.0.1',
      scheme: 'https',
      setCookie: [
        `tp_id=${STRONG_ID}; Secure; SameSite=None; Path=/`,
        `tp_chip=${STRONG_ID}; Secure; SameSite=None; Path=/; Partitioned`,
        'tp_lax=1; Secure; SameSite=Lax; Path=/',
      ],
      script: "document.cookie = 'tp_js=1; Secure; SameSite=None; Path=/; Partitioned';",
    },
    demonstrates: ['third-party-unpartitioned'],
    cannotFire: [
      {
        rule: 'third-party-unpartitioned',
        browsers: ['chrome'],
        why: 'Chromium 156 blocks unpartitioned third-party cookies by default (CDP blocked reason UserPreferences); the profile preference profile.cookie_controls_mode=0 lets tp_id through',
      },
      {
        rule: 'third-party-unpartitioned',
        browsers: ['firefox'],
        why: "Total Cookie Protection stores every third-party cookie in the top-level site's partition",
      },
    ],
    expect: {
      cookies: [
        { name: 'top_pref', rules: [] },
        {
          name: 'tp_id',
          domain: '127.0.0.1',
          partitioned: true,
          rules: [],
          notRules: ['third-party-unpartitioned'],
          browsers: ['firefox'],
        },
        { name: 'tp_chip', domain: '127.0.0.1', partitioned: true, rules: [], notRules: ['third-party-unpartitioned'] },
        { name: 'tp_js', domain: '127.0.0.1', partitioned: true, rules: [], notRules: ['third-party-unpartitioned'] },
      ],
      absent: [
        { name: 'tp_id', verdict: 'rejected', browsers: ['chrome'] },
        { name: 'tp_lax', verdict: 'rejected', reason: 'samesite-cross-site' },
      ],
    },
    perBrowser: {
      chrome:
        'Blocks tp_id and tp_lax (third-party cookies are off by default in this Chromium: blocked reason UserPreferences, which no RejectReason names, and which masks the SameSite reason for tp_lax); stores tp_chip and tp_js partitioned under https://localhost.',
      firefox:
        'Refuses tp_lax; stores tp_id, tp_chip and tp_js, each partitioned under localhost (Total Cookie Protection), whether or not it says Partitioned.',
    },
  },
  {
    id: 'rule-weak-session-id',
    route: '/rules/weak-session-id',
    title: 'Guessable session id',
    teaches: 'A session id needs at least 64 bits of randomness; "12345" can be guessed.',
    scheme: 'https',
    setCookie: ['sid=12345; Secure; HttpOnly; SameSite=Strict; Path=/'],
    demonstrates: ['weak-session-id'],
    expect: { cookies: [{ name: 'sid', rules: ['weak-session-id'] }] },
  },
  {
    id: 'rule-framework-session-name',
    route: '/rules/framework-session-name',
    title: 'Default framework session name',
    teaches: 'PHPSESSID tells every scanner which framework (and which known bugs) to try.',
    scheme: 'https',
    setCookie: [`PHPSESSID=${STRONG_ID}; Secure; HttpOnly; SameSite=Strict; Path=/`],
    demonstrates: ['framework-session-name'],
    expect: { cookies: [{ name: 'PHPSESSID', rules: ['framework-session-name'] }] },
  },

  // ---------------------------------------------------------------- the Flask tutorial
  {
    id: 'flask-setcookie',
    route: '/setcookie',
    title: "Flask tutorial: set_cookie('username', 'JohnDoe', expires=3600)",
    teaches:
      'Flask reads expires=3600 as 3600 seconds after the epoch, so the cookie expires on 1 January 1970 and the browser deletes it on arrival. A lifetime in seconds belongs in max_age.',
    setCookie: ['username=JohnDoe; Expires=Thu, 01 Jan 1970 01:00:00 GMT; Path=/'],
    demonstrates: [],
    expect: { cookies: [], absent: [{ name: 'username', verdict: 'deleted' }] },
  },
  {
    id: 'flask-setcookie-secure',
    route: '/setcookie-secure',
    title: 'Flask tutorial, "secure" variant',
    teaches:
      "set_cookie('username', 'JohnDoe', secure=True, samesite='Strict'): Secure and SameSite=Strict, but still no HttpOnly.",
    setCookie: ['username=JohnDoe; Secure; Path=/; SameSite=Strict'],
    demonstrates: ['missing-httponly'],
    expect: { cookies: [{ name: 'username', value: 'JohnDoe', rules: ['missing-httponly'] }] },
  },

  // ---------------------------------------------------------------- behaviours
  {
    id: 'script-cookies',
    route: '/script/cookies',
    title: 'Cookies from document.cookie beside header cookies',
    teaches:
      'Script can set cookies too (never HttpOnly). Here a header sets server_pref, and script sets js_theme and a weak, readable session id.',
    setCookie: ['server_pref=compact; SameSite=Lax; Path=/'],
    script: "document.cookie = 'js_theme=light; SameSite=Lax; path=/';\ndocument.cookie = 'sessionid=abc123; path=/';",
    demonstrates: ['missing-secure', 'missing-httponly-session', 'weak-session-id', 'samesite-unspecified'],
    expect: {
      cookies: [
        { name: 'server_pref', rules: [] },
        { name: 'js_theme', rules: [] },
        {
          name: 'sessionid',
          value: 'abc123',
          rules: ['missing-secure', 'missing-httponly-session', 'weak-session-id', 'samesite-unspecified'],
        },
      ],
    },
  },
  {
    id: 'redirect-chain',
    route: '/redirect/start',
    title: 'A redirect chain that sets a cookie at each hop',
    teaches: 'Every response of a redirect chain can set cookies; the last page sees all of them.',
    scheme: 'https',
    setCookie: ['hop1=1; Secure; SameSite=Lax; Path=/'],
    redirects: [
      { route: '/redirect/hop2', setCookie: ['hop2=2; Secure; SameSite=Lax; Path=/'] },
      { route: '/redirect/done', setCookie: ['hop3=3; Secure; SameSite=Lax; Path=/'] },
    ],
    demonstrates: [],
    expect: {
      cookies: [
        { name: 'hop1', rules: [] },
        { name: 'hop2', rules: [] },
        { name: 'hop3', rules: [] },
      ],
    },
  },
  {
    id: 'overwrite',
    route: '/overwrite',
    title: 'A cookie that overwrites another',
    teaches: 'Same name, domain and path: the second Set-Cookie replaces the first (value and attributes).',
    scheme: 'https',
    setCookie: ['color=red; Secure; SameSite=Lax; Path=/', 'color=blue; Secure; SameSite=Strict; Path=/'],
    demonstrates: [],
    expect: {
      cookies: [{ name: 'color', value: 'blue', rules: [] }],
      absent: [{ name: 'color', value: 'red', verdict: 'deleted' }],
    },
  },
  {
    id: 'delete-max-age-0',
    route: '/delete/start',
    title: 'A cookie deleted by Max-Age=0',
    teaches: 'The usual way to delete a cookie: send it again with the same name, domain and path and Max-Age=0.',
    scheme: 'https',
    setCookie: ['doomed=1; Secure; SameSite=Lax; Path=/', 'keeper=1; Secure; SameSite=Lax; Path=/'],
    redirects: [{ route: '/delete/done', setCookie: ['doomed=; Max-Age=0; Secure; SameSite=Lax; Path=/'] }],
    demonstrates: [],
    expect: {
      cookies: [{ name: 'keeper', rules: [] }],
      absent: [{ name: 'doomed', verdict: 'deleted' }],
    },
  },
  {
    id: 'same-name-two-paths',
    route: '/paths/app/page',
    title: 'Same name on two paths',
    teaches:
      'Two cookies named dup live side by side (one for /, one for /paths/app); both are sent to /paths/app, the longer path first.',
    scheme: 'https',
    setCookie: ['dup=root; Secure; SameSite=Lax; Path=/', 'dup=app; Secure; SameSite=Lax; Path=/paths/app'],
    demonstrates: [],
    expect: {
      cookies: [
        { name: 'dup', value: 'root', path: '/', rules: [] },
        { name: 'dup', value: 'app', path: '/paths/app', rules: [] },
      ],
    },
  },

  // ---------------------------------------------------------------- one per reject reason not shown above
  {
    id: 'reject-empty',
    route: '/reject/empty',
    title: 'Empty Set-Cookie lines',
    teaches: 'A Set-Cookie with neither name nor value stores nothing.',
    scheme: 'https',
    setCookie: ['=; Secure; Path=/', 'kept=1; Secure; SameSite=Lax; Path=/'],
    demonstrates: [],
    expect: { cookies: [{ name: 'kept', rules: [] }], absent: [{ name: '', verdict: 'rejected', reason: 'empty' }] },
  },
  {
    id: 'reject-secure-from-insecure-origin',
    route: '/reject/secure-from-http',
    title: 'Secure cookie sent over plain http',
    teaches:
      'Only a secure origin may set a Secure cookie; http://site.cookielens.test is not one (http://localhost is).',
    host: 'site.cookielens.test',
    setCookie: [`sid=${STRONG_ID}; Secure; HttpOnly; SameSite=Strict; Path=/`],
    demonstrates: [],
    expect: { cookies: [], absent: [{ name: 'sid', verdict: 'rejected', reason: 'secure-from-insecure-origin' }] },
  },
  {
    id: 'reject-domain-mismatch',
    route: '/reject/domain-mismatch',
    title: 'Domain attribute for another site',
    teaches: 'site.cookielens.test may not set a cookie for other.cookielens.test.',
    host: 'site.cookielens.test',
    scheme: 'https',
    setCookie: ['x=1; Domain=other.cookielens.test; Secure; SameSite=Lax; Path=/'],
    demonstrates: [],
    expect: { cookies: [], absent: [{ name: 'x', verdict: 'rejected', reason: 'domain-mismatch' }] },
  },
  {
    id: 'reject-domain-public-suffix',
    route: '/reject/domain-public-suffix',
    title: 'Domain attribute set to a public suffix',
    teaches: 'Domain=test would cover every .test site; a public suffix is never a valid cookie domain.',
    host: 'site.cookielens.test',
    scheme: 'https',
    setCookie: ['ps=1; Domain=test; Secure; SameSite=Lax; Path=/'],
    demonstrates: [],
    expect: { cookies: [], absent: [{ name: 'ps', verdict: 'rejected', reason: 'domain-public-suffix' }] },
  },
  {
    id: 'reject-overwrite-secure',
    route: '/reject/overwrite-secure',
    title: 'An http page tries to overwrite a Secure cookie',
    teaches:
      'After https://site.cookielens.test set a Secure cookie, http://site.cookielens.test may not replace it with a non-Secure one (leave secure cookies alone).',
    host: 'site.cookielens.test',
    scheme: 'https',
    setCookie: ['pref=secure; Secure; SameSite=Lax; Path=/'],
    redirects: [
      {
        route: '/reject/overwrite-secure/insecure',
        scheme: 'http',
        setCookie: ['pref=insecure; SameSite=Lax; Path=/'],
      },
      { route: '/reject/overwrite-secure/done', scheme: 'https' },
    ],
    demonstrates: [],
    expect: {
      cookies: [{ name: 'pref', value: 'secure', rules: [] }],
      absent: [{ name: 'pref', value: 'insecure', verdict: 'rejected', reason: 'overwrite-secure' }],
    },
  },
  {
    id: 'reject-overwrite-httponly',
    route: '/reject/overwrite-httponly',
    title: 'Script tries to overwrite an HttpOnly cookie',
    teaches: 'document.cookie can neither read nor replace an HttpOnly cookie.',
    scheme: 'https',
    setCookie: [`__Host-sid=${STRONG_ID}; Secure; HttpOnly; SameSite=Strict; Path=/`],
    script: "document.cookie = '__Host-sid=stolen; Secure; SameSite=Strict; path=/';",
    demonstrates: [],
    expect: {
      cookies: [{ name: '__Host-sid', value: STRONG_ID, rules: [] }],
      absent: [{ name: '__Host-sid', value: 'stolen', verdict: 'rejected', reason: 'overwrite-httponly' }],
    },
  },
  {
    id: 'reject-httponly-from-script',
    route: '/reject/httponly-from-script',
    title: 'Script tries to set an HttpOnly cookie',
    teaches: 'HttpOnly is for the server to set: a document.cookie write with HttpOnly is dropped.',
    scheme: 'https',
    script:
      "document.cookie = 'js_flag=1; HttpOnly; Secure; SameSite=Lax; path=/';\ndocument.cookie = 'js_ok=1; Secure; SameSite=Lax; path=/';",
    demonstrates: [],
    expect: {
      cookies: [{ name: 'js_ok', rules: [] }],
      absent: [{ name: 'js_flag', verdict: 'rejected', reason: 'httponly-from-script' }],
    },
  },
  // ---------------------------------------------------------------- hostile values (every view shows them as text)
  {
    id: 'hostile-values',
    route: '/hostile',
    title: 'Hostile cookie names and values',
    teaches:
      'Cookie names and values are attacker-controlled text: HTML and script, javascript: URLs, a right-to-left override, a 4 KB value, control characters. A cookie tool must show them as inert text without breaking its layout. Some headers are refused, so the log shows their raw text too.',
    scheme: 'https',
    setCookie: [
      `xss_img=${HOSTILE.img}; Secure; HttpOnly; SameSite=Lax; Path=/`,
      `xss_script=${HOSTILE.script}; Secure; HttpOnly; SameSite=Lax; Path=/`,
      `js_url=${HOSTILE.jsUrl}; Secure; HttpOnly; SameSite=Lax; Path=/`,
      `json_link=${HOSTILE.jsonLink}; Secure; HttpOnly; SameSite=Lax; Path=/`,
      `b64_html=${HOSTILE.base64Html}; Secure; HttpOnly; SameSite=Lax; Path=/`,
      `jwt_html=${HOSTILE.jwtHtml}; Secure; HttpOnly; SameSite=Lax; Path=/`,
      `rtl_value=${HOSTILE.rtlValue}; Secure; HttpOnly; SameSite=Lax; Path=/`,
      `big4k=${HOSTILE.big}; Secure; HttpOnly; SameSite=Lax; Path=/`,
      `${HOSTILE.htmlName}=1; Secure; HttpOnly; SameSite=Lax; Path=/`,
      // Refused: a control character, a tab (Firefox keeps that one), too large, an invalid prefix. (A NUL
      // byte in a header fails the whole response in both browsers: the page writes that one.)
      `<script>ctl</script>=a\u0001b${HOSTILE.img}; Secure; HttpOnly; SameSite=Lax; Path=/`,
      `tab_html=<b>\tbold</b>; Secure; HttpOnly; SameSite=Lax; Path=/`,
      `huge_html=${HOSTILE.script}${'X'.repeat(4100)}; Secure; HttpOnly; SameSite=Lax; Path=/`,
      `__Host-<b>x</b>=${HOSTILE.img}; HttpOnly; SameSite=Lax; Path=/`,
    ],
    script: [
      `document.cookie = 'js_svg=${HOSTILE.svg}; Secure; SameSite=Lax; path=/';`,
      `document.cookie = '${HOSTILE.jsName}=${HOSTILE.jsLink}; Secure; SameSite=Lax; path=/';`,
      "document.cookie = 'js_rtl=\\u202Eabc; Secure; SameSite=Lax; path=/';",
      "document.cookie = 'rtl\\u202Eeman=1; Secure; SameSite=Lax; path=/';",
      "document.cookie = 'nul_html=a\\u0000<b>b</b>; Secure; SameSite=Lax; path=/';",
    ].join('\n'),
    demonstrates: [],
    expect: {
      cookies: [
        { name: 'xss_img', value: HOSTILE.img, rules: [] },
        { name: 'xss_script', value: HOSTILE.script, rules: [] },
        { name: 'js_url', value: HOSTILE.jsUrl, rules: [] },
        { name: 'json_link', value: HOSTILE.jsonLink, rules: [] },
        { name: 'b64_html', value: HOSTILE.base64Html, rules: [] },
        { name: 'jwt_html', value: HOSTILE.jwtHtml, rules: [] },
        { name: 'rtl_value', value: HOSTILE.rtlValue, rules: [] },
        { name: HOSTILE.rtlName, value: '1', rules: [], browsers: ['chrome'] },
        { name: HOSTILE.rtlNameFirefox, value: '1', rules: [], browsers: ['firefox'] },
        { name: 'big4k', value: HOSTILE.big, rules: [] },
        { name: HOSTILE.htmlName, value: '1', rules: [] },
        { name: 'tab_html', value: '<b>\tbold</b>', rules: ['control-characters'], browsers: ['firefox'] },
        { name: 'js_svg', value: HOSTILE.svg, rules: [] },
        { name: HOSTILE.jsName, value: HOSTILE.jsLink, rules: [] },
        { name: 'js_rtl', value: '\u202Eabc', rules: [] },
      ],
      absent: [
        { name: '<script>ctl</script>', verdict: 'rejected', reason: 'control-characters' },
        { name: 'nul_html', verdict: 'rejected', reason: 'control-characters' },
        { name: 'tab_html', verdict: 'rejected', reason: 'control-characters', browsers: ['chrome'] },
        { name: 'huge_html', verdict: 'rejected', reason: 'too-large' },
        { name: '__Host-<b>x</b>', verdict: 'rejected', reason: 'invalid-prefix' },
      ],
    },
    perBrowser: {
      chrome: 'Refuses every line with a control character (tab included) and the NUL that the page script writes.',
      firefox:
        'Stores tab_html with its tab (control-characters shows on it); refuses the U+0001 line and the NUL that the page script writes. Keeps the name rtl\u202Eeman as Latin-1 mojibake of its UTF-8 bytes (its cookies API and WebDriver BiDi both report "rtl\u00e2\u0080\u00aeeman"), while U+202E in values arrives intact.',
    },
  },
];

/** What a scenario expects in one browser: the entries without `browsers`, plus those naming it. */
export function expectationFor(scenario: Scenario, browser: BrowserName): Expectation {
  const forBrowser = <T extends { browsers?: BrowserName[] }>(items: T[] | undefined): T[] =>
    (items ?? []).filter((item) => !item.browsers || item.browsers.includes(browser));
  const result: Expectation = {
    cookies: forBrowser(scenario.expect.cookies),
    absent: forBrowser(scenario.expect.absent),
  };
  if (scenario.expect.anyCookieRules) result.anyCookieRules = scenario.expect.anyCookieRules;
  return result;
}

export interface Ports {
  http: number;
  https: number;
}

/** Absolute URL of a route on a host and scheme of the server. */
export function urlFor(ports: Ports, scheme: Scheme, host: Host, route: string): string {
  return `${scheme}://${host}:${scheme === 'https' ? ports.https : ports.http}${route}`;
}

/** Where the scenario starts, and the page it lands on (the last hop of a redirect chain). */
export function scenarioUrls(scenario: Scenario, ports: Ports): { start: string; final: string } {
  const host = scenario.host ?? 'localhost';
  const scheme = scenario.scheme ?? 'http';
  const start = urlFor(ports, scheme, host, scenario.route);
  const last = scenario.redirects?.at(-1);
  const final = last ? urlFor(ports, last.scheme ?? scheme, last.host ?? host, last.route) : start;
  return { start, final };
}

/** The hosts a scenario's cookies may live on (its own, its hops', its frame's), for reading them back. */
export function scenarioHosts(scenario: Scenario): Host[] {
  const host = scenario.host ?? 'localhost';
  const hosts = new Set<Host>([host]);
  for (const hop of scenario.redirects ?? []) hosts.add(hop.host ?? host);
  if (scenario.frame) hosts.add(scenario.frame.host ?? host);
  return [...hosts];
}
