/**
 * The two browsers as oracles, without the extension: load pages, read the jar, and (Chromium) the
 * reasons it gave for each Set-Cookie line it refused. The cookies come back in Cookie Lens's own
 * model, in the store the explainer assumes for that browser.
 *
 * Chromium: CDP. `Network.responseReceivedExtraInfo` carries `blockedCookies` (reasons and the line);
 * `Storage.getCookies` / `Storage.clearCookies` on the browser target read and empty the jar.
 * Firefox: WebDriver BiDi. A fresh browser context (user context) per batch is an empty jar; the
 * cookies are read with `storage.getCookies` for that user context. Firefox gives no reasons.
 */
import type { Browser, CDPSession, Page } from 'puppeteer';
import { launchChromium } from '../../../scripts/browsers/chromium';
import { launchFirefox } from '../../../scripts/browsers/firefox';
import type { Cookie, SameSite } from '../../../src/model/cookie';
import type { BrowserName } from '../../../src/core/types';
import { MAPPED_HOSTS } from '../../server/scenarios';

export interface Blocked {
  /** The Set-Cookie line as the browser received it. */
  line: string;
  reasons: string[];
}

export interface Engine {
  browser: BrowserName;
  /** An empty jar and a fresh page. */
  reset(): Promise<void>;
  /** An empty jar, keeping the page (cheaper than reset()). */
  clear(): Promise<void>;
  /** Loads `url` and returns the lines the browser refused (always empty for Firefox). */
  load(url: string): Promise<Blocked[]>;
  /** Every cookie in the jar. */
  cookies(): Promise<Cookie[]>;
  /** The page's text (for /echo). */
  text(): Promise<string>;
  /** The browser's name and version, e.g. `chrome/156.0.0.0`. */
  version(): Promise<string>;
  close(): Promise<void>;
}

const CHROME_SAME_SITE: Record<string, SameSite> = { Strict: 'strict', Lax: 'lax', None: 'none' };

interface CdpCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  expires: number;
  session: boolean;
  secure: boolean;
  httpOnly: boolean;
  sameSite?: string;
  partitionKey?: { topLevelSite: string; hasCrossSiteAncestor: boolean };
}

/** `mapHosts`: more host patterns (e.g. `*.example.org`) served on 127.0.0.1. */
export async function chromiumEngine(mapHosts: readonly string[] = []): Promise<Engine> {
  const { browser } = await launchChromium({ extension: false, mapHosts });
  const root: CDPSession = await browser.target().createCDPSession();
  let page: Page | undefined;
  let blocked: Blocked[] = [];
  let extraInfos = 0;
  const fresh = async () => {
    await page?.close();
    page = await browser.newPage();
    const client = await page.createCDPSession();
    await client.send('Network.enable');
    client.on('Network.responseReceivedExtraInfo', (event) => {
      extraInfos++;
      for (const b of event.blockedCookies) blocked.push({ line: b.cookieLine, reasons: [...b.blockedReasons] });
    });
  };
  await fresh();
  return {
    browser: 'chrome',
    async reset() {
      await root.send('Storage.clearCookies', {});
    },
    async clear() {
      await root.send('Storage.clearCookies', {});
    },
    async load(url) {
      blocked = [];
      const before = extraInfos;
      if (!page) throw new Error('no page');
      await page.goto(url, { waitUntil: 'load' });
      // The extra-info event can trail the load by a moment.
      for (let i = 0; i < 100 && extraInfos === before; i++) await new Promise((r) => setTimeout(r, 20));
      return blocked;
    },
    async cookies() {
      const { cookies } = (await root.send('Storage.getCookies', {})) as unknown as { cookies: CdpCookie[] };
      return cookies.map((c) => {
        const cookie: Cookie = {
          name: c.name,
          value: c.value,
          domain: c.domain,
          hostOnly: !c.domain.startsWith('.'),
          path: c.path,
          secure: c.secure,
          httpOnly: c.httpOnly,
          sameSite: (c.sameSite && CHROME_SAME_SITE[c.sameSite]) || 'unspecified',
          session: c.session,
          storeId: '0',
        };
        if (!c.session) cookie.expirationDate = c.expires;
        if (c.partitionKey) cookie.partitionKey = { ...c.partitionKey };
        return cookie;
      });
    },
    async text() {
      return (await page?.evaluate(() => document.body?.textContent ?? '')) ?? '';
    },
    version: () => browser.version(),
    close: () => browser.close(),
  };
}

interface BidiCookie {
  name: string;
  value: { type: 'string' | 'base64'; value: string };
  domain: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string;
  expiry?: number;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/**
 * BiDi hands Firefox's cookie names over as if their bytes were Latin-1 (`é` arrives as `Ã©`), values
 * as UTF-8: read the name's code units back as the UTF-8 bytes they are. (The Cookie header Firefox
 * sends back carries the UTF-8 bytes, see the http-state suite.)
 */
function bidiName(name: string): string {
  if (!/^[\x00-\xff]*$/.test(name)) return name;
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\ufffd') ? name : decoded;
}

const FIREFOX_SAME_SITE: Record<string, SameSite> = { strict: 'strict', lax: 'lax', none: 'none', default: 'unspecified' };

/** `hosts`: more host names (exact names: Firefox takes no patterns) served on 127.0.0.1. */
export async function firefoxEngine(hosts: readonly string[] = []): Promise<Engine> {
  const prefs = hosts.length ? { 'network.dns.localDomains': ['localhost', ...MAPPED_HOSTS, ...hosts].join(',') } : {};
  const { browser } = await launchFirefox({ extension: false, prefs });
  // Puppeteer's BiDi connection: storage.getCookies for one user context is not in its public API.
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  let context: Awaited<ReturnType<Browser['createBrowserContext']>> | undefined;
  let page: Page | undefined;
  return {
    browser: 'firefox',
    async reset() {
      await context?.close();
      context = await browser.createBrowserContext();
      page = await context.newPage();
    },
    async clear() {
      if (!context) throw new Error('reset() first');
      const userContext = (context as unknown as { userContext: { id: string } }).userContext.id;
      await connection.send('storage.deleteCookies', { partition: { type: 'storageKey', userContext } });
    },
    async load(url) {
      if (!page) throw new Error('reset() first');
      await page.goto(url, { waitUntil: 'load' });
      return [];
    },
    async cookies() {
      if (!context) return [];
      const userContext = (context as unknown as { userContext: { id: string } }).userContext.id;
      const { result } = await connection.send('storage.getCookies', { partition: { type: 'storageKey', userContext } });
      return (result as { cookies: BidiCookie[] }).cookies.map((c) => {
        const cookie: Cookie = {
          name: bidiName(c.name),
          value: c.value.type === 'string' ? c.value.value : Buffer.from(c.value.value, 'base64').toString('utf8'),
          domain: c.domain,
          hostOnly: !c.domain.startsWith('.'),
          path: c.path,
          secure: c.secure,
          httpOnly: c.httpOnly,
          sameSite: FIREFOX_SAME_SITE[c.sameSite] ?? 'unspecified',
          session: c.expiry === undefined,
          storeId: 'firefox-default',
        };
        if (c.expiry !== undefined) cookie.expirationDate = c.expiry;
        return cookie;
      });
    },
    async text() {
      return (await page?.evaluate(() => document.body?.textContent ?? '')) ?? '';
    },
    version: () => browser.version(),
    async close() {
      await context?.close();
      await browser.close();
    },
  };
}
