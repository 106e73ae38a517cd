/**
 * The cookies.txt we write, read by real clients: curl (`-b file`, checked by the Cookie header a
 * local server receives) and Python's http.cookiejar.MozillaCookieJar. Both must be installed
 * (they are on GitHub's Ubuntu runners).
 *
 * What they do, as asserted below:
 * - curl reads `#HttpOnly_` lines as HttpOnly cookies, strips the leading dot of a TRUE domain and
 *   sends it to the domain and its subdomains, sends a FALSE (host-only) cookie to that host only,
 *   matches paths, drops expired cookies, and keeps expiry-0 cookies as session cookies. It treats
 *   127.0.0.1 and localhost as secure origins, so it sends Secure cookies there over plain http; to
 *   a non-loopback name (example.test, pointed at the server with --resolve) it does not.
 * - Python (3.10 and later) strips `#HttpOnly_` and records the flag as the nonstandard attribute
 *   `HTTPOnly`; older Pythons skip those lines as comments. It keeps the leading dot in `domain`
 *   (domain_specified = initial_dot = True) and loads an expiry-0 session cookie as `expires=0`,
 *   so it needs `ignore_expires=True` to keep it: a plain `load()` drops it as expired.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCookies, importCookies } from '../../src/core/formats/index';
import type { Cookie } from '../../src/model/cookie';
import { makeCookie } from '../unit/fixtures';

const run = promisify(execFile);
const FUTURE = 4_102_444_800; // 2100-01-01

function cookie(name: string, domain: string, more: Partial<Cookie> = {}): Cookie {
  return makeCookie({ name, value: `${name}-v`, domain, sameSite: 'lax', ...more });
}

const COOKIES: Cookie[] = [
  cookie('ip_host', '127.0.0.1'),
  cookie('ip_domain', '.127.0.0.1'),
  cookie('ip_secure', '127.0.0.1', { secure: true }),
  cookie('ip_httponly', '127.0.0.1', { httpOnly: true }),
  cookie('ip_persistent', '127.0.0.1', { session: false, expirationDate: FUTURE }),
  cookie('ip_expired', '127.0.0.1', { session: false, expirationDate: 1_000_000_000 }),
  cookie('ip_path', '127.0.0.1', { path: '/path' }),
  cookie('ip_other_path', '127.0.0.1', { path: '/other' }),
  cookie('lh_host', 'localhost'),
  cookie('lh_domain', '.localhost', { httpOnly: true }),
  cookie('lh_secure', 'localhost', { secure: true }),
  cookie('ex_host', 'app.example.test'),
  cookie('ex_parent_host', 'example.test'),
  cookie('ex_domain', '.example.test', { session: false, expirationDate: FUTURE }),
  cookie('ex_secure', '.example.test', { secure: true }),
  cookie('ex_httponly', '.example.test', { httpOnly: true, value: '<script>alert(1)</script>' }),
  cookie('ex_path', 'app.example.test', { path: '/path', secure: true }),
];

let dir = '';
let file = '';
let server: Server;
let port = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cookie-lens-formats-'));
  file = join(dir, 'cookies.txt');
  await writeFile(file, exportCookies(COOKIES, 'netscape'));
  server = createServer((req, res) => {
    if (req.url === '/set') {
      res.setHeader('Set-Cookie', [
        'a=1; Path=/; HttpOnly',
        'b=2; Domain=example.test; Path=/; Max-Age=3600',
        'c=3; Path=/x',
      ]);
    }
    res.end(req.headers.cookie ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The Cookie header curl sends for `url` when reading our file, as a sorted list of pairs. */
async function curlSends(url: string, ...extra: string[]): Promise<string[]> {
  const { stdout } = await run('curl', ['-s', '--max-time', '10', '-b', file, ...extra, url]);
  return stdout === '' ? [] : stdout.split('; ').sort();
}

const pair = (name: string) => `${name}=${COOKIES.find((c) => c.name === name)?.value}`;
const pairs = (...names: string[]) => names.map(pair).sort();

describe('curl -b reads our cookies.txt', () => {
  it('to 127.0.0.1/path: host-only, domain, HttpOnly, persistent and path cookies; not expired or other paths', async () => {
    // Secure too: curl counts 127.0.0.1 as a secure origin even over http.
    expect(await curlSends(`http://127.0.0.1:${port}/path`)).toEqual(
      pairs('ip_host', 'ip_domain', 'ip_secure', 'ip_httponly', 'ip_persistent', 'ip_path'),
    );
  });

  it('to localhost/: its host-only and leading-dot cookies (Secure included, loopback again)', async () => {
    expect(await curlSends(`http://localhost:${port}/`)).toEqual(pairs('lh_host', 'lh_domain', 'lh_secure'));
  });

  it('to a non-loopback subdomain over http: exactly the non-secure cookies for that URL', async () => {
    const url = `http://app.example.test:${port}/path`;
    const sent = await curlSends(url, '--resolve', `app.example.test:${port}:127.0.0.1`);
    expect(sent).toEqual(pairs('ex_host', 'ex_domain', 'ex_httponly'));
  });

  it('to the parent domain: its host-only cookie and the leading-dot ones, not the subdomain host-only one', async () => {
    const url = `http://example.test:${port}/`;
    const sent = await curlSends(url, '--resolve', `example.test:${port}:127.0.0.1`);
    expect(sent).toEqual(pairs('ex_parent_host', 'ex_domain', 'ex_httponly'));
  });

  it('and we read the cookie jar curl writes (-c), #HttpOnly_ and leading dots included', async () => {
    const jar = join(dir, 'curl-jar.txt');
    await run('curl', [
      '-s',
      '--max-time',
      '10',
      '-c',
      jar,
      '--resolve',
      `app.example.test:${port}:127.0.0.1`,
      `http://app.example.test:${port}/set`,
    ]);
    const text = await readFile(jar, 'utf8');
    expect(text).toMatch(/^# Netscape HTTP Cookie File/);
    const result = importCookies(text);
    expect(result.errors).toEqual([]);
    const seen = result.cookies.map((c) => [c.name, c.domain, c.hostOnly, c.path, c.httpOnly, c.session]);
    expect(seen.sort()).toEqual([
      ['a', 'app.example.test', true, '/', true, true],
      ['b', '.example.test', false, '/', false, false],
      ['c', 'app.example.test', true, '/x', false, true],
    ]);
  });
});

const PYTHON = `
import http.cookiejar, json, sys
jar = http.cookiejar.MozillaCookieJar(sys.argv[1])
strict = sys.argv[2] == 'strict'
jar.load() if strict else jar.load(ignore_discard=True, ignore_expires=True)
attr = getattr(http.cookiejar, 'HTTPONLY_ATTR', 'HttpOnly')
print(json.dumps({
  'httpOnlyPrefix': hasattr(http.cookiejar, 'HTTPONLY_PREFIX'),
  'cookies': [dict(name=c.name, value=c.value, domain=c.domain, domainSpecified=c.domain_specified,
                   path=c.path, secure=c.secure, expires=c.expires, httpOnly=c.has_nonstandard_attr(attr))
              for c in jar],
}))
`;

interface PyCookie {
  name: string;
  value: string;
  domain: string;
  domainSpecified: boolean;
  path: string;
  secure: boolean;
  expires: number | null;
  httpOnly: boolean;
}

async function pythonLoads(mode: 'lenient' | 'strict'): Promise<{ httpOnlyPrefix: boolean; cookies: PyCookie[] }> {
  const { stdout } = await run('python3', ['-c', PYTHON, file, mode]);
  return JSON.parse(stdout);
}

describe("Python's MozillaCookieJar reads our cookies.txt", () => {
  it('with ignore_discard and ignore_expires: every cookie, fields intact', async () => {
    const { httpOnlyPrefix, cookies } = await pythonLoads('lenient');
    // #HttpOnly_ lines: loaded with the flag where Python knows the prefix, skipped as comments before.
    const expected = COOKIES.filter((c) => httpOnlyPrefix || !c.httpOnly).map(
      (c): PyCookie => ({
        name: c.name,
        value: c.value,
        domain: c.domain,
        domainSpecified: !c.hostOnly,
        path: c.path,
        secure: c.secure,
        expires: c.session ? 0 : (c.expirationDate ?? null),
        httpOnly: c.httpOnly,
      }),
    );
    const byName = (a: PyCookie, b: PyCookie) => a.name.localeCompare(b.name);
    expect(cookies.sort(byName)).toEqual(expected.sort(byName));
  });

  it('with a plain load(): session cookies (expiry 0) count as expired; only unexpired persistent ones remain', async () => {
    const { cookies } = await pythonLoads('strict');
    expect(cookies.map((c) => c.name).sort()).toEqual(['ex_domain', 'ip_persistent']);
  });
});
