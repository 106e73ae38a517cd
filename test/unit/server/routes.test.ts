/**
 * The sample server's routes, over real HTTP and HTTPS on free ports: exact Set-Cookie headers,
 * redirects, the JSON routes, /bulk, the index page and /scenarios.json.
 */
import http from 'node:http';
import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULK_MAX, type Host, type Hop, type Scheme, scenarios, urlFor } from '../../server/scenarios';
import { escapeHtml, type RunningServer, startServer } from '../../server/server';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Set-Cookie values as the bytes were sent, decoded as UTF-8. */
  setCookie: string[];
  body: string;
}

let server: RunningServer;

/** GET with an explicit Host header (fetch forbids setting it) and a lenient parser (some scenarios send control characters). */
function get(scheme: Scheme, host: Host | string, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  const port = scheme === 'https' ? server.httpsPort : server.httpPort;
  const client = scheme === 'https' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(
      {
        host: '127.0.0.1',
        port,
        path,
        headers: { host: `${host}:${port}`, ...headers },
        insecureHTTPParser: true,
        maxHeaderSize: 1024 * 1024,
        rejectUnauthorized: false,
        servername: /^[\d.]+$/.test(host) ? undefined : host,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            setCookie: (res.headers['set-cookie'] ?? []).map((v) => Buffer.from(v, 'latin1').toString('utf8')),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
  });
}

const ports = () => ({ http: server.httpPort, https: server.httpsPort });

beforeAll(async () => {
  const begin = performance.now();
  server = await startServer({ port: 0, httpsPort: 0 });
  // Issue 4: the server starts in under two seconds (certificate generation included).
  expect(performance.now() - begin).toBeLessThan(2000);
});

afterAll(async () => {
  await server.close();
});

describe('startServer', () => {
  it('listens on two free ports and reports localhost URLs', () => {
    expect(server.httpPort).toBeGreaterThan(0);
    expect(server.httpsPort).toBeGreaterThan(0);
    expect(server.httpPort).not.toBe(server.httpsPort);
    expect(server.httpUrl).toBe(`http://localhost:${server.httpPort}/`);
    expect(server.httpsUrl).toBe(`https://localhost:${server.httpsPort}/`);
  });

  it('serves a certificate for localhost, 127.0.0.1 and *.cookielens.test', async () => {
    const cert = await new Promise<import('node:tls').PeerCertificate>((resolve, reject) => {
      const req = https.get(
        { host: '127.0.0.1', port: server.httpsPort, path: '/', rejectUnauthorized: false },
        (res) => {
          resolve((res.socket as import('node:tls').TLSSocket).getPeerCertificate());
          res.resume();
        },
      );
      req.on('error', reject);
    });
    expect(cert.subjectaltname).toContain('DNS:localhost');
    expect(cert.subjectaltname).toContain('DNS:*.cookielens.test');
    expect(cert.subjectaltname).toContain('DNS:*.site.cookielens.test');
    expect(cert.subjectaltname).toContain('IP Address:127.0.0.1');
  });
});

describe('every scenario route sends exactly its Set-Cookie headers', () => {
  for (const scenario of scenarios) {
    it(scenario.id, async () => {
      const host = scenario.host ?? 'localhost';
      const scheme = scenario.scheme ?? 'http';
      // The chain: the scenario's own response, then each hop.
      const steps: Hop[] = [
        {
          route: scenario.route,
          host,
          scheme,
          ...(scenario.setCookie ? { setCookie: scenario.setCookie } : {}),
          ...(scenario.script ? { script: scenario.script } : {}),
        },
        ...(scenario.redirects ?? []),
      ];
      for (const [i, step] of steps.entries()) {
        const stepScheme = step.scheme ?? scheme;
        const stepHost = step.host ?? host;
        const reply = await get(stepScheme, stepHost, step.route);
        expect(reply.setCookie).toEqual(step.setCookie ?? []);
        expect(reply.headers['cache-control']).toBe('no-store');
        const next = steps[i + 1];
        if (next) {
          expect(reply.status).toBe(302);
          expect(reply.headers.location).toBe(urlFor(ports(), next.scheme ?? scheme, next.host ?? host, next.route));
        } else {
          expect(reply.status).toBe(200);
          expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
          expect(reply.body).toContain(escapeHtml(scenario.title));
          expect(reply.body).not.toContain('class="warn"');
          if (step.script) expect(reply.body).toContain(`<script>${step.script.replace(/<\//g, '<\\/')}</script>`);
          if (scenario.frame) {
            const f = scenario.frame;
            const src = urlFor(ports(), f.scheme ?? scheme, f.host ?? host, f.route);
            expect(reply.body).toContain(`<iframe src="${escapeHtml(src)}"`);
          }
        }
      }
      if (scenario.frame) {
        const f = scenario.frame;
        const reply = await get(f.scheme ?? scheme, f.host ?? host, f.route);
        expect(reply.status).toBe(200);
        expect(reply.setCookie).toEqual(f.setCookie ?? []);
        if (f.script) expect(reply.body).toContain(`<script>${f.script}</script>`);
      }
    });
  }

  it('sends a control character as the raw byte, and the Unicode domain as UTF-8', async () => {
    const ctl = await get('https', 'localhost', '/rules/control-characters');
    expect(ctl.setCookie[0]).toBe('ctl=a\u0001b; Secure; SameSite=Lax; Path=/');
    expect(ctl.setCookie[1]).toBe('tab=a\tb; Secure; SameSite=Lax; Path=/');
    const idn = await get('https', 'xn--bcher-kva.cookielens.test', '/rules/domain-non-ascii');
    expect(idn.setCookie).toEqual(['idn=1; Domain=bücher.cookielens.test; Secure; SameSite=Lax; Path=/']);
  });

  it('warns on the page when a scenario is opened on the wrong host', async () => {
    const reply = await get('http', '127.0.0.1', '/rules/missing-secure');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('class="warn"');
    expect(reply.body).toContain('<code>http://localhost</code>');
  });
});

describe('the Flask tutorial', () => {
  it('/setcookie sends what Flask sends for expires=3600', async () => {
    const reply = await get('http', 'localhost', '/setcookie');
    expect(reply.setCookie).toEqual(['username=JohnDoe; Expires=Thu, 01 Jan 1970 01:00:00 GMT; Path=/']);
  });

  it('/setcookie-secure adds Secure and SameSite=Strict, still no HttpOnly', async () => {
    const reply = await get('http', 'localhost', '/setcookie-secure');
    expect(reply.setCookie).toEqual(['username=JohnDoe; Secure; Path=/; SameSite=Strict']);
  });

  it('/getcookie returns the username from the Cookie header as JSON', async () => {
    const withCookie = await get('http', 'localhost', '/getcookie', { cookie: 'theme=dark; username=JohnDoe; x=1' });
    expect(withCookie.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(withCookie.body)).toEqual({ username: 'JohnDoe' });
    const without = await get('http', 'localhost', '/getcookie', { cookie: 'theme=dark' });
    expect(JSON.parse(without.body)).toEqual({ username: null });
    const none = await get('https', 'localhost', '/getcookie');
    expect(JSON.parse(none.body)).toEqual({ username: null });
  });
});

describe('/echo', () => {
  it('returns the Cookie header it received', async () => {
    const reply = await get('http', 'localhost', '/echo', { cookie: 'a=1; b="two words"; =nameless' });
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(reply.body)).toEqual({ cookie: 'a=1; b="two words"; =nameless' });
  });

  it('returns null without a Cookie header', async () => {
    expect(JSON.parse((await get('https', '127.0.0.1', '/echo')).body)).toEqual({ cookie: null });
  });
});

describe('/bulk', () => {
  it('sets exactly n cookies', async () => {
    const reply = await get('http', 'localhost', '/bulk?n=3');
    expect(reply.status).toBe(200);
    expect(reply.setCookie).toEqual([
      'bulk0001=v1; SameSite=Lax; Path=/',
      'bulk0002=v2; SameSite=Lax; Path=/',
      'bulk0003=v3; SameSite=Lax; Path=/',
    ]);
  });

  it(`accepts up to ${BULK_MAX}`, async () => {
    const reply = await get('https', 'localhost', `/bulk?n=${BULK_MAX}`);
    expect(reply.status).toBe(200);
    expect(reply.setCookie).toHaveLength(BULK_MAX);
    expect(new Set(reply.setCookie.map((c) => c.split('=')[0])).size).toBe(BULK_MAX);
  });

  for (const bad of ['0', String(BULK_MAX + 1), 'abc', '-5', '2.5', '', '1e3', '99999999999']) {
    it(`answers 400 with an error page for n=${JSON.stringify(bad)}`, async () => {
      const reply = await get('http', 'localhost', `/bulk?n=${encodeURIComponent(bad)}`);
      expect(reply.status).toBe(400);
      expect(reply.setCookie).toEqual([]);
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(reply.body).toContain(`n must be a whole number from 1 to ${BULK_MAX}`);
    });
  }

  it('answers 400 without n', async () => {
    expect((await get('http', 'localhost', '/bulk')).status).toBe(400);
  });
});

describe('index and catalogue', () => {
  it('/ links every scenario on its own host and scheme, with what it teaches and the expected warnings', async () => {
    const reply = await get('http', 'localhost', '/');
    expect(reply.status).toBe(200);
    for (const s of scenarios) {
      const href = urlFor(ports(), s.scheme ?? 'http', s.host ?? 'localhost', s.route);
      expect(reply.body).toContain(`<a href="${escapeHtml(href)}">${escapeHtml(s.title)}</a>`);
      expect(reply.body).toContain(escapeHtml(s.teaches));
      for (const c of s.expect.cookies)
        for (const r of c.rules) expect(reply.body).toContain(`<span class="rule">${r}</span>`);
    }
  });

  it('/ escapes what it puts in HTML', async () => {
    const reply = await get('https', 'localhost', '/');
    // Titles and headers with quotes and angle brackets appear only escaped.
    expect(reply.body).toContain('set_cookie(&#39;username&#39;, &#39;JohnDoe&#39;, expires=3600)');
    expect(reply.body).not.toContain("set_cookie('username'");
    expect(reply.body).not.toMatch(/<script/);
  });

  it('/scenarios.json is the catalogue', async () => {
    const reply = await get('http', '127.0.0.1', '/scenarios.json');
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(reply.body)).toEqual(JSON.parse(JSON.stringify(scenarios)));
  });

  it('answers 404 for an unknown route and 204 for the favicon', async () => {
    const missing = await get('http', 'localhost', '/nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('No route /nope');
    expect((await get('http', 'localhost', '/favicon.ico')).status).toBe(204);
  });

  it('escapeHtml escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });
});
