/**
 * Our exports, consumed by the real tools, send exactly what the real browser sends.
 *
 * The truth: Debian's Chromium, given the cookies below through CDP (host-only ones by URL, domain
 * ones by a leading-dot domain; checked against what it stored), opens the sample server's /echo on
 * each URL and reports the Cookie header it sent. Then each tool gets our export for it and opens, or
 * requests, the same URLs; /echo must show the same header, byte for byte:
 * - Playwright (playwright-core, launching the same Chromium): browser.newContext({ storageState }).
 * - Puppeteer: browser.setCookie(...cookieParams).
 * - Selenium WebDriver (selenium-webdriver with Debian's chromium-driver): addCookie(dict) on a page
 *   of each cookie's host (WebDriver only adds cookies for the current page's domain).
 * - curl, HTTPie, and Node's fetch: our command line run by `sh -c`, our snippet run by `node`.
 * - Set-Cookie: a page answering with our Set-Cookie lines gives a fresh browser the cookies.
 *
 * Hosts: localhost and 127.0.0.1 (loopback: Secure cookies are sent over http), and this machine's
 * own non-loopback address, where a Secure cookie is not sent over http.
 */
import { execFile, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { promisify } from 'node:util';
import { chromium as playwright } from 'playwright-core';
import puppeteer, { type Browser } from 'puppeteer';
import { Builder, By, type WebDriver } from 'selenium-webdriver';
import chrome from 'selenium-webdriver/chrome';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCookies } from '../../src/core/formats/index';
import type { Cookie } from '../../src/model/cookie';
import { makeCookie } from '../unit/fixtures';
import { type RunningServer, startServer } from '../server/server';

const CHROMIUM = '/usr/bin/chromium';
const CHROMEDRIVER = '/usr/bin/chromedriver';
/** A registrable domain with a subdomain, for domain cookies (Chromium stores Domain=localhost as host-only). */
const SITE = 'cookielens.test';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-quic',
  `--host-resolver-rules=MAP *.${SITE} 127.0.0.1, MAP ${SITE} 127.0.0.1`,
];
const run = promisify(execFile);

/** This machine's first non-loopback IPv4 address: a host where http is not a secure origin. */
function ownAddress(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  throw new Error('No non-loopback IPv4 address on this machine: the Secure-over-http case needs one.');
}

const IN_30_DAYS = Math.floor(Date.now() / 1000) + 30 * 24 * 3600 + 0.5;
const NET = ownAddress();

function cookie(name: string, domain: string, more: Partial<Cookie> = {}): Cookie {
  return makeCookie({ name, value: `${name}-v`, domain, sameSite: 'lax', ...more });
}

const UNPARTITIONED: Cookie[] = [
  cookie('plain', 'localhost'),
  cookie('strict', 'localhost', { sameSite: 'strict' }),
  cookie('unspec', 'localhost', { sameSite: 'unspecified' }),
  cookie('none', 'localhost', { sameSite: 'none', secure: true }),
  cookie('sec', 'localhost', { secure: true }),
  cookie('ho', 'localhost', { httpOnly: true }),
  cookie('persist', 'localhost', { session: false, expirationDate: IN_30_DAYS }),
  cookie('deep', 'localhost', { path: '/echo' }),
  cookie('nearly', 'localhost', { path: '/ech' }),
  cookie('other', 'localhost', { path: '/other' }),
  cookie('quote', 'localhost', { value: `it's "$HOME" \\n {x}` }),
  cookie('dom', `.${SITE}`, { httpOnly: true }),
  cookie('parent_ho', SITE),
  cookie('app_ho', `app.${SITE}`),
  cookie('ip', '127.0.0.1'),
  cookie('net', NET),
  cookie('net_sec', NET, { secure: true }),
];
const PARTITIONED: Cookie[] = [
  cookie('part', 'localhost', {
    secure: true,
    sameSite: 'none',
    partitionKey: { topLevelSite: 'http://localhost', hasCrossSiteAncestor: false },
  }),
  cookie('part_other', 'localhost', {
    secure: true,
    sameSite: 'none',
    partitionKey: { topLevelSite: 'https://other.example', hasCrossSiteAncestor: true },
  }),
];
const COOKIES = [...UNPARTITIONED, ...PARTITIONED];

let local: RunningServer;
let remote: RunningServer;
let truthBrowser: Browser;
/** URL -> the Cookie header Chromium itself sent there. */
const truth = new Map<string, string | null>();
const urls = () => [
  `http://localhost:${local.httpPort}/echo`,
  `http://127.0.0.1:${local.httpPort}/echo`,
  `http://${NET}:${remote.httpPort}/echo`,
  ...names(),
];
/** URLs on names only the browsers and curl (--resolve) resolve; HTTPie and Node ask the system's resolver. */
const names = () => [`http://app.${SITE}:${local.httpPort}/echo`];
const resolvable = () => urls().filter((u) => !names().includes(u));

/** The CDP CookieParam for a cookie, written independently of our exports. */
function cdpParam(c: Cookie) {
  const host = c.domain.replace(/^\./, '');
  return {
    name: c.name,
    value: c.value,
    ...(c.hostOnly ? { url: `${c.secure ? 'https' : 'http'}://${host}${c.path}` } : { domain: c.domain }),
    path: c.path,
    secure: c.secure,
    httpOnly: c.httpOnly,
    ...(c.sameSite === 'unspecified' ? {} : { sameSite: ({ lax: 'Lax', strict: 'Strict', none: 'None' } as const)[c.sameSite] }),
    ...(c.expirationDate !== undefined ? { expires: c.expirationDate } : {}),
    ...(c.partitionKey
      ? { partitionKey: { topLevelSite: c.partitionKey.topLevelSite, hasCrossSiteAncestor: c.partitionKey.hasCrossSiteAncestor ?? false } }
      : {}),
  };
}

/** The Cookie header /echo saw when the page navigated to `url` (Puppeteer and Playwright pages alike). */
async function echoIn(page: { goto(url: string): Promise<{ text(): Promise<string> } | null> }, url: string) {
  const response = await page.goto(url);
  if (!response) throw new Error(`no response from ${url}`);
  return (JSON.parse(await response.text()) as { cookie: string | null }).cookie;
}

beforeAll(async () => {
  local = await startServer({ port: 0, httpsPort: 0 });
  remote = await startServer({ port: 0, httpsPort: 0, host: NET });
  truthBrowser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, pipe: true, args: ARGS });
  const page = await truthBrowser.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Storage.setCookies', { cookies: COOKIES.map(cdpParam) });
  const { cookies: stored } = await cdp.send('Storage.getCookies');
  // The browser holds exactly the cookies meant: host-only without a dot, partitions as given.
  const seen = stored.map((s) => [s.name, s.domain, s.path, s.secure, s.httpOnly, s.partitionKey?.topLevelSite ?? '']);
  const meant = COOKIES.map((c) => [c.name, c.domain, c.path, c.secure, c.httpOnly, c.partitionKey?.topLevelSite ?? '']);
  expect(seen.sort()).toEqual(meant.sort());
  for (const url of urls()) truth.set(url, await echoIn(page, url));
  await page.close();
});

afterAll(async () => {
  await truthBrowser?.close();
  await local?.close();
  await remote?.close();
});

describe('the truth (what Chromium sends) is what the cookies say', () => {
  it('path, Secure over http, host-only, domain and partition rules all decide something', () => {
    const [lh, ip, net, app] = urls() as [string, string, string, string];
    // Longer paths first, then creation order.
    expect(truth.get(lh)).toBe(
      `deep=deep-v; plain=plain-v; strict=strict-v; unspec=unspec-v; none=none-v; sec=sec-v; ho=ho-v; persist=persist-v; quote=it's "$HOME" \\n {x}; part=part-v`,
    );
    expect(truth.get(ip)).toBe('ip=ip-v');
    expect(truth.get(net)).toBe('net=net-v');
    expect(truth.get(app)).toBe('dom=dom-v; app_ho=app_ho-v');
  });
});

describe('Playwright storageState', () => {
  it('a new context built from our storageState sends what the browser sends', async () => {
    const browser = await playwright.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const context = await browser.newContext({ storageState: JSON.parse(exportCookies(COOKIES, 'playwright')) });
      const page = await context.newPage();
      for (const url of urls()) expect([url, await echoIn(page, url)]).toEqual([url, truth.get(url)]);
      // Partitions survive: Playwright's own storageState lists both partitioned cookies under their sites.
      const state = await context.storageState();
      const parts = (state.cookies as Array<{ name: string; partitionKey?: string }>)
        .filter((c) => c.partitionKey)
        .map((c) => [c.name, c.partitionKey]);
      expect(parts.sort()).toEqual([
        ['part', 'http://localhost'],
        ['part_other', 'https://other.example'],
      ]);
    } finally {
      await browser.close();
    }
  });
});

describe('Puppeteer CookieParam[]', () => {
  it('browser.setCookie(...ours) sends what the browser sends', async () => {
    const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, pipe: true, args: ARGS });
    try {
      await browser.setCookie(...JSON.parse(exportCookies(COOKIES, 'puppeteer')));
      const page = await browser.newPage();
      for (const url of urls()) expect([url, await echoIn(page, url)]).toEqual([url, truth.get(url)]);
    } finally {
      await browser.close();
    }
  });
});

describe('Selenium add_cookie dictionaries', () => {
  let driver: WebDriver;
  beforeAll(async () => {
    const options = new chrome.Options();
    options.setChromeBinaryPath(CHROMIUM);
    options.addArguments('--headless=new', ...ARGS);
    driver = await new Builder()
      .forBrowser('chrome')
      .setChromeOptions(options)
      .setChromeService(new chrome.ServiceBuilder(CHROMEDRIVER))
      .build();
  });
  afterAll(async () => {
    await driver?.quit();
  });

  it('addCookie(dict) on each host, then every URL sends what the browser sends, less what WebDriver cannot carry', async () => {
    type Dict = Parameters<ReturnType<WebDriver['manage']>['addCookie']>[0] & { domain: string };
    const dicts = JSON.parse(exportCookies(UNPARTITIONED, 'selenium')) as Dict[];
    const hosts = new Set(dicts.map((d) => d.domain.replace(/^\./, '')));
    for (const host of hosts) {
      await driver.get(`http://${host}:${host === NET ? remote.httpPort : local.httpPort}/echo`);
      for (const dict of dicts.filter((d) => d.domain.replace(/^\./, '') === host)) await driver.manage().addCookie(dict);
    }
    for (const url of urls()) {
      await driver.get(url);
      const body = await driver.findElement(By.css('body')).getText();
      const sent = (JSON.parse(body) as { cookie: string | null }).cookie;
      // The truth, less what WebDriver cannot carry: the partitioned cookie is left out here, and the
      // host-only cookie of the parent domain, added with its domain, became a domain cookie (so
      // the subdomain gets it too). Compared as sets: cookies were added host by host.
      const pairs = (header: string | null | undefined) => (header ? header.split('; ') : []).sort();
      const expected = pairs(truth.get(url))
        .filter((p) => p !== 'part=part-v')
        .concat(url.includes(`app.${SITE}`) ? ['parent_ho=parent_ho-v'] : [])
        .sort();
      expect([url, pairs(sent)]).toEqual([url, expected]);
    }
  });
});

/** Runs a command line in a shell, stdin empty, and returns /echo's Cookie header from its output. */
async function shell(command: string): Promise<string | null> {
  const child = spawn('sh', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    err += d;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`${command} exited with ${code}: ${err}`);
  const json = out.slice(out.indexOf('{'));
  return (JSON.parse(json) as { cookie: string | null }).cookie;
}

describe('curl command line', () => {
  it('run in a shell, sends to each URL exactly what the browser sends there', async () => {
    for (const url of urls()) {
      const command = exportCookies(COOKIES, 'curl', { url }).trim();
      expect(command.split('\n')).toHaveLength(1);
      // Names the system does not resolve are pointed at the server, as the browsers' are.
      const resolve = names().includes(url) ? ` --resolve ${new URL(url).host}:127.0.0.1` : '';
      expect([url, await shell(`${command} -s${resolve}`)]).toEqual([url, truth.get(url)]);
    }
  });
});

describe('HTTPie command line', () => {
  it('run in a shell, sends to each URL exactly what the browser sends there', async () => {
    for (const url of resolvable()) {
      const command = exportCookies(COOKIES, 'httpie', { url }).trim();
      expect(command.split('\n')).toHaveLength(1);
      expect([url, await shell(command)]).toEqual([url, truth.get(url)]);
    }
  });
});

describe('Node fetch snippet', () => {
  it('run by node as a module, sends to each URL exactly what the browser sends there', async () => {
    for (const url of resolvable()) {
      const snippet = exportCookies(COOKIES, 'fetch', { url });
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', snippet]);
      expect(stdout.startsWith('200 ')).toBe(true);
      const { cookie: sent } = JSON.parse(stdout.slice(4)) as { cookie: string | null };
      expect([url, sent]).toEqual([url, truth.get(url)]);
    }
  });
});

describe('Set-Cookie headers', () => {
  let fixture: Server;
  beforeAll(async () => {
    // localhost's cookies, set by a localhost response (a response can only set cookies for its own
    // host, and partitions them under the page it is loaded in: here http://localhost).
    const lines = exportCookies(
      COOKIES.filter((c) => c.domain.replace(/^\./, '') === 'localhost' && c.partitionKey?.topLevelSite !== 'https://other.example'),
      'set-cookie',
    );
    const headers = lines.trim().split('\n').map((l) => l.replace(/^Set-Cookie: /, ''));
    fixture = createServer((_req, res) => {
      res.setHeader('Set-Cookie', headers);
      res.end('set');
    });
    await new Promise<void>((resolve) => fixture.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => fixture?.close(resolve));
  });

  it('a fresh browser given our headers by a server sends what the browser sends', async () => {
    const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, pipe: true, args: ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(`http://localhost:${(fixture.address() as AddressInfo).port}/set`);
      const url = `http://localhost:${local.httpPort}/echo`;
      expect(await echoIn(page, url)).toBe(truth.get(url));
    } finally {
      await browser.close();
    }
  });
});
