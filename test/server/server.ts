/**
 * The bundled sample cookie server: every scenario of the catalogue over HTTP and HTTPS at once,
 * plus the Flask tutorial's routes, /bulk, /echo, the index page and /scenarios.json.
 *
 * The server answers to any Host: open a scenario on the host its catalogue entry names
 * (`localhost`, `127.0.0.1`, `*.cookielens.test`), and the links and redirects it makes use that host.
 */
import { createHash, createPublicKey } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import {
  BULK_MAX,
  type Hop,
  HOSTS,
  type Host,
  type Ports,
  type Scenario,
  type Scheme,
  scenarioUrls,
  scenarios,
  UTILITY_ROUTES,
  urlFor,
} from './scenarios';

export interface ServerOptions {
  /** HTTP port; 0 picks a free one. Default 8600. */
  port?: number;
  /** HTTPS port; 0 picks a free one. Default 8643. */
  httpsPort?: number;
  /** Address to bind. Default 127.0.0.1; `localhost` also binds 127.0.0.1 (the address *.cookielens.test is mapped to). */
  host?: string;
}

export interface RunningServer {
  httpUrl: string;
  httpsUrl: string;
  httpPort: number;
  httpsPort: number;
  /** The HTTPS certificate (PEM): self-signed, made fresh at every start. */
  certificate: string;
  /**
   * SHA-256 of the certificate's public key (SubjectPublicKeyInfo, DER), base64: what Chromium's
   * `--ignore-certificate-errors-spki-list` takes to trust this server and no other.
   */
  spkiSha256: string;
  close(): Promise<void>;
}

export const DEFAULT_HTTP_PORT = 8600;
export const DEFAULT_HTTPS_PORT = 8643;
export const DEFAULT_HOST = '127.0.0.1';

/** A port the server could not bind, with the command-line flag that changes it. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly flag: '--port' | '--https-port',
    readonly host: string,
  ) {
    super(
      `Port ${port} on ${host} is already in use; choose another with ${flag} <number> (or ${flag} 0 for any free port).`,
    );
    this.name = 'PortInUseError';
  }
}

/** A fresh self-signed certificate for every name the server answers to. Never written to disk. */
async function makeCertificate(): Promise<{ key: string; cert: string }> {
  const dnsNames = ['localhost', '*.cookielens.test', '*.site.cookielens.test'];
  const pems = await generate([{ name: 'commonName', value: 'Cookie Lens sample server' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 30 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...dnsNames.map((value) => ({ type: 2 as const, value })), { type: 7 as const, ip: '127.0.0.1' }],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

/** Base64 SHA-256 of the public key (SPKI, DER) that belongs to a private key (PEM). */
export function spkiSha256OfKey(privateKey: string): string {
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

// ------------------------------------------------------------------------------------------------
// HTML

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Control characters made visible (`\u0001`), for showing headers in a page. */
function visible(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000a-\u001f\u007f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} · Cookie Lens sample server</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #1d1d1f; }
code, pre { font: 13px/1.4 ui-monospace, monospace; background: #f3f3f5; border-radius: 4px; }
pre { padding: .5rem .75rem; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
table { border-collapse: collapse; width: 100%; }
td, th { border-bottom: 1px solid #ddd; padding: .4rem .5rem; vertical-align: top; text-align: left; }
.rule { display: inline-block; margin: 0 .25rem .25rem 0; padding: 0 .35rem; border-radius: 3px; background: #eef; font: 12px ui-monospace, monospace; }
.warn { background: #fff3cd; padding: .5rem .75rem; border-radius: 4px; }
iframe { width: 100%; height: 14rem; border: 1px dashed #999; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function rulesHtml(rules: readonly string[]): string {
  return rules.length === 0
    ? '<em>none (no high or medium finding)</em>'
    : rules.map((r) => `<span class="rule">${escapeHtml(r)}</span>`).join('');
}

function browsersNote(browsers: readonly string[] | undefined): string {
  return browsers ? ` <em>(only in ${escapeHtml(browsers.join(', '))})</em>` : '';
}

function expectationHtml(s: Scenario): string {
  const stored = s.expect.cookies.map(
    (c) =>
      `<li><code>${escapeHtml(visible(c.name) || '(empty name)')}</code>${c.path && c.path !== '/' ? ` on <code>${escapeHtml(c.path)}</code>` : ''}${c.domain ? ` for <code>${escapeHtml(c.domain)}</code>` : ''}${c.partitioned ? ' (partitioned)' : ''}: ${rulesHtml(c.rules)}${browsersNote(c.browsers)}</li>`,
  );
  const absent = (s.expect.absent ?? []).map(
    (a) =>
      `<li><code>${escapeHtml(visible(a.name) || '(empty name)')}</code>${a.value !== undefined ? `=<code>${escapeHtml(visible(a.value))}</code>` : ''}: ${escapeHtml(a.verdict)}${a.reason ? ` (<code>${escapeHtml(a.reason)}</code>)` : ''}${browsersNote(a.browsers)}</li>`,
  );
  const site = s.expect.anyCookieRules ? `<li>on some cookie: ${rulesHtml(s.expect.anyCookieRules)}</li>` : '';
  const per = Object.entries(s.perBrowser ?? {}).map(
    ([b, note]) => `<li><strong>${escapeHtml(b)}</strong>: ${escapeHtml(note)}</li>`,
  );
  return `<ul>${stored.join('')}${absent.join('')}${site}${per.join('')}</ul>`;
}

function indexPage(ports: Ports): string {
  const rows = scenarios.map((s) => {
    const { start } = scenarioUrls(s, ports);
    return `<tr id="${escapeHtml(s.id)}"><td><a href="${escapeHtml(start)}">${escapeHtml(s.title)}</a><br><code>${escapeHtml(s.id)}</code></td><td>${escapeHtml(s.teaches)}</td><td>${expectationHtml(s)}</td></tr>`;
  });
  const utilities = UTILITY_ROUTES.map(
    (u) => `<li><a href="${escapeHtml(u.route)}"><code>${escapeHtml(u.route)}</code></a>: ${escapeHtml(u.what)}</li>`,
  );
  return layout(
    'Scenarios',
    `<h1>Cookie Lens sample server</h1>
<p>${scenarios.length} scenarios. Each link opens the scenario on the host and scheme it needs. The names under
<code>cookielens.test</code> must resolve to 127.0.0.1: start Chromium with
<code>--host-resolver-rules="MAP *.cookielens.test 127.0.0.1"</code>, or set Firefox's
<code>network.dns.localDomains</code> to <code>${escapeHtml(HOSTS.filter((h) => h.endsWith('.cookielens.test')).join(','))}</code>.</p>
<table>
<thead><tr><th>Scenario</th><th>What it demonstrates</th><th>Expected cookies and warnings</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<h2>Other routes</h2>
<ul>${utilities.join('')}</ul>`,
  );
}

interface PageParts {
  scenario: Scenario;
  setCookie: readonly string[];
  script: string | undefined;
  frameUrl: string | undefined;
  expectedHost: Host;
  expectedScheme: Scheme;
  actualHost: string;
  actualScheme: Scheme;
  isFrame: boolean;
}

function scenarioPage(p: PageParts): string {
  const { scenario: s } = p;
  const wrongPlace =
    p.actualHost !== p.expectedHost || p.actualScheme !== p.expectedScheme
      ? `<p class="warn">This page is meant to be opened on <code>${escapeHtml(`${p.expectedScheme}://${p.expectedHost}`)}</code>; the cookies below may behave differently here.</p>`
      : '';
  const headers =
    p.setCookie.length === 0
      ? '<p>No Set-Cookie header.</p>'
      : `<pre>${p.setCookie.map((h) => escapeHtml(`Set-Cookie: ${visible(h)}`)).join('\n')}</pre>`;
  const script = p.script
    ? `<h2>Script</h2><pre>${escapeHtml(p.script)}</pre>
<script>${p.script.replace(/<\//g, '<\\/')}</script>`
    : '';
  const frame = p.frameUrl
    ? `<h2>Cross-site frame</h2><iframe src="${escapeHtml(p.frameUrl)}" title="third-party frame"></iframe>`
    : '';
  const expected = p.isFrame ? '' : `<h2>Expected</h2>${expectationHtml(s)}`;
  return layout(
    s.title,
    `<p><a href="/">All scenarios</a> · <code>${escapeHtml(s.id)}</code></p>
<h1>${escapeHtml(p.isFrame ? `${s.title} (frame)` : s.title)}</h1>
${wrongPlace}
<p>${escapeHtml(s.teaches)}</p>
<h2>Headers sent</h2>
${headers}
${script}
${frame}
${expected}
<script>document.documentElement.dataset.scenarioDone = '1';</script>`,
  );
}

function errorPage(status: number, message: string): string {
  return layout(
    `Error ${status}`,
    `<h1>Error ${status}</h1><p>${escapeHtml(message)}</p><p><a href="/">All scenarios</a></p>`,
  );
}

// ------------------------------------------------------------------------------------------------
// Responses

type HeaderList = Array<[string, string]>;

/**
 * Header values Node would refuse (control characters) or re-encode (non-ASCII): such responses are
 * written by hand, so the bytes on the wire are exactly the UTF-8 of the catalogue's string.
 */
const NOT_PLAIN_ASCII = /[^\t\x20-\x7e]/;

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  204: 'No Content',
  302: 'Found',
  400: 'Bad Request',
  404: 'Not Found',
};

function send(res: http.ServerResponse, status: number, headers: HeaderList, body: string): void {
  const all: HeaderList = [
    ...headers,
    ['Cache-Control', 'no-store'],
    ['Content-Length', String(Buffer.byteLength(body))],
  ];
  if (all.some(([, v]) => NOT_PLAIN_ASCII.test(v))) {
    // Some scenarios exist to send control characters or UTF-8 in Set-Cookie. Write the response
    // by hand and close the connection.
    const head = [
      `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? ''}`,
      ...all.map(([k, v]) => `${k}: ${v}`),
      'Connection: close',
      '',
      '',
    ];
    res.socket?.end(Buffer.concat([Buffer.from(head.join('\r\n'), 'utf8'), Buffer.from(body, 'utf8')]));
    return;
  }
  res.writeHead(status, all.flat());
  res.end(body);
}

function setCookieHeaders(list: readonly string[] | undefined): HeaderList {
  return (list ?? []).map((h) => ['Set-Cookie', h]);
}

const HTML: [string, string] = ['Content-Type', 'text/html; charset=utf-8'];
const JSON_TYPE: [string, string] = ['Content-Type', 'application/json; charset=utf-8'];

/** Cookie header → name/value pairs, in order. */
export function parseCookieHeader(header: string | undefined): Array<[string, string]> {
  if (!header) return [];
  return header.split(';').map((part) => {
    const eq = part.indexOf('=');
    return eq < 0 ? ['', part.trim()] : [part.slice(0, eq).trim(), part.slice(eq + 1).trim()];
  });
}

/** Cookies of `/bulk`: `bulk0001=…` … */
export function bulkCookies(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `bulk${String(i + 1).padStart(4, '0')}=v${i + 1}; SameSite=Lax; Path=/`);
}

type RouteTarget =
  | { scenario: Scenario; kind: 'start' }
  | { scenario: Scenario; kind: 'hop'; index: number }
  | { scenario: Scenario; kind: 'frame' };

function routeTable(): Map<string, RouteTarget> {
  const table = new Map<string, RouteTarget>();
  const add = (route: string, target: RouteTarget): void => {
    if (table.has(route)) throw new Error(`Two scenarios use the route ${route}`);
    table.set(route, target);
  };
  for (const scenario of scenarios) {
    add(scenario.route, { scenario, kind: 'start' });
    scenario.redirects?.forEach((hop, index) => {
      add(hop.route, { scenario, kind: 'hop', index });
    });
    if (scenario.frame) add(scenario.frame.route, { scenario, kind: 'frame' });
  }
  return table;
}

function hostOfRequest(req: http.IncomingMessage): string {
  const host = req.headers.host ?? '';
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : (host.split(':')[0] ?? '');
}

function handleScenario(
  target: RouteTarget,
  ports: Ports,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  scheme: Scheme,
): void {
  const s = target.scenario;
  const baseHost = s.host ?? 'localhost';
  const baseScheme = s.scheme ?? 'http';
  const hops = s.redirects ?? [];
  // The response this route gives: its headers, and where it redirects (if anywhere).
  let own: Hop;
  let next: Hop | undefined;
  let isFrame = false;
  if (target.kind === 'start') {
    own = {
      route: s.route,
      host: baseHost,
      scheme: baseScheme,
      ...(s.setCookie ? { setCookie: s.setCookie } : {}),
      ...(s.script ? { script: s.script } : {}),
    };
    next = hops[0];
  } else if (target.kind === 'hop') {
    own = hops[target.index] as Hop;
    next = hops[target.index + 1];
  } else {
    own = s.frame as Hop;
    isFrame = true;
  }
  const cookies = setCookieHeaders(own.setCookie);
  if (next) {
    const location = urlFor(ports, next.scheme ?? baseScheme, next.host ?? baseHost, next.route);
    const body = layout(
      'Redirect',
      `<p>Redirecting to <a href="${escapeHtml(location)}">${escapeHtml(location)}</a>.</p>`,
    );
    send(res, 302, [...cookies, ['Location', location], HTML], body);
    return;
  }
  const frame = !isFrame && s.frame ? s.frame : undefined;
  const page = scenarioPage({
    scenario: s,
    setCookie: own.setCookie ?? [],
    script: own.script,
    frameUrl: frame ? urlFor(ports, frame.scheme ?? baseScheme, frame.host ?? baseHost, frame.route) : undefined,
    expectedHost: own.host ?? baseHost,
    expectedScheme: own.scheme ?? baseScheme,
    actualHost: hostOfRequest(req),
    actualScheme: scheme,
    isFrame,
  });
  send(res, 200, [...cookies, HTML], page);
}

function makeHandler(ports: Ports, scheme: Scheme): http.RequestListener {
  const routes = routeTable();
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://server.invalid');
    const path = url.pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 400, [HTML], errorPage(400, 'Only GET and HEAD are served.'));
      return;
    }
    if (path === '/') return send(res, 200, [HTML], indexPage(ports));
    if (path === '/scenarios.json') return send(res, 200, [JSON_TYPE], `${JSON.stringify(scenarios, null, 2)}\n`);
    if (path === '/favicon.ico') return send(res, 204, [], '');
    if (path === '/echo') return send(res, 200, [JSON_TYPE], JSON.stringify({ cookie: req.headers.cookie ?? null }));
    if (path === '/getcookie') {
      const found = parseCookieHeader(req.headers.cookie).find(([name]) => name === 'username');
      return send(res, 200, [JSON_TYPE], JSON.stringify({ username: found ? found[1] : null }));
    }
    if (path === '/bulk') {
      const raw = url.searchParams.get('n') ?? '';
      const n = /^\d{1,7}$/.test(raw) ? Number(raw) : Number.NaN;
      if (!(n >= 1 && n <= BULK_MAX)) {
        return send(
          res,
          400,
          [HTML],
          errorPage(400, `n must be a whole number from 1 to ${BULK_MAX}, e.g. /bulk?n=100 (got "${raw}").`),
        );
      }
      const body = layout(
        `${n} cookies`,
        `<h1>/bulk set ${n} cookies</h1><p>Named bulk0001 to bulk${String(n).padStart(4, '0')}.</p>`,
      );
      return send(res, 200, [...setCookieHeaders(bulkCookies(n)), HTML], body);
    }
    const target = routes.get(path);
    if (target) return handleScenario(target, ports, req, res, scheme);
    send(res, 404, [HTML], errorPage(404, `No route ${path}. The index lists every scenario.`));
  };
}

// ------------------------------------------------------------------------------------------------
// Start and stop

function listen(server: http.Server, port: number, host: string, flag: '--port' | '--https-port'): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(error.code === 'EADDRINUSE' || error.code === 'EACCES' ? new PortInUseError(port, flag, host) : error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Start HTTP and HTTPS together. Rejects with PortInUseError when a port is taken. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const requestedHost = options.host ?? DEFAULT_HOST;
  // `localhost` may resolve to ::1 first; the browsers reach *.cookielens.test and 127.0.0.1 on IPv4.
  const bindHost = requestedHost === 'localhost' ? '127.0.0.1' : requestedHost;
  const ports: Ports = { http: options.port ?? DEFAULT_HTTP_PORT, https: options.httpsPort ?? DEFAULT_HTTPS_PORT };
  const { key, cert } = await makeCertificate();
  // Handlers read `ports` when a request comes, after both ports are known.
  const plain = http.createServer(makeHandler(ports, 'http'));
  const secure = https.createServer({ key, cert }, makeHandler(ports, 'https'));
  try {
    ports.http = await listen(plain, ports.http, bindHost, '--port');
    ports.https = await listen(secure, ports.https, bindHost, '--https-port');
  } catch (error) {
    await Promise.all([closeServer(plain), closeServer(secure)]);
    throw error;
  }
  const name = bindHost === '127.0.0.1' || bindHost === '0.0.0.0' || bindHost === '::' ? 'localhost' : bindHost;
  return {
    httpUrl: `http://${name}:${ports.http}/`,
    httpsUrl: `https://${name}:${ports.https}/`,
    httpPort: ports.http,
    httpsPort: ports.https,
    certificate: cert,
    spkiSha256: spkiSha256OfKey(key),
    close: async () => {
      await Promise.all([closeServer(plain), closeServer(secure)]);
    },
  };
}
