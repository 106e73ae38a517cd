/**
 * Launch real Chromium and Firefox ESR with the BUILT extension (dist/chrome, dist/firefox).
 * System browsers when present (Debian's /usr/bin/chromium and /usr/bin/firefox-esr), otherwise
 * the ones puppeteer installed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer';
import { MAPPED_HOSTS } from '../../server/scenarios';

export const root = resolve(import.meta.dirname, '../../..');
export const distChrome = resolve(root, 'dist/chrome');
export const distFirefox = resolve(root, 'dist/firefox');

/** Host names the sample server answers for; the browsers resolve them to 127.0.0.1. */
export const TEST_DOMAIN = 'cookielens.test';

function chromiumPath(): string {
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : puppeteer.executablePath();
}

function firefoxPath(): string {
  for (const p of ['/usr/bin/firefox-esr', '/usr/bin/firefox']) if (existsSync(p)) return p;
  return puppeteer.executablePath({ browser: 'firefox' });
}

function assertBuilt(dir: string): void {
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`${dir} has no manifest.json: run \`npm run build\` before the end-to-end tests.`);
  }
}

export interface ChromiumSession {
  browser: Browser;
  extensionId: string;
  /** The extension's background service worker, to read the cookie store directly in assertions. */
  worker: () => Promise<WebWorker>;
}

export async function launchChromium(
  options: { extension?: boolean; headless?: boolean; extraExtensions?: string[] } = {},
): Promise<ChromiumSession> {
  const withExtension = options.extension ?? true;
  if (withExtension) assertBuilt(distChrome);
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    pipe: true,
    ...(withExtension ? { enableExtensions: [distChrome, ...(options.extraExtensions ?? [])] } : {}),
    handleDevToolsAsPage: true,
    acceptInsecureCerts: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      '--disable-quic',
      '--ignore-certificate-errors',
      `--host-resolver-rules=MAP *.${TEST_DOMAIN} 127.0.0.1`,
    ],
  });
  if (!withExtension) return { browser, extensionId: '', worker: () => Promise.reject(new Error('no extension')) };
  const isWorker = (t: { type(): string; url(): string }) =>
    t.type() === 'service_worker' && t.url().startsWith('chrome-extension://');
  const workerTarget = await browser.waitForTarget(isWorker, { timeout: 30_000 });
  const extensionId = new URL(workerTarget.url()).host;
  const worker = async () => {
    const target = await browser.waitForTarget(isWorker, { timeout: 30_000 });
    const w = await target.worker();
    if (!w) throw new Error('extension service worker not available');
    return w;
  };
  await waitForBackgroundListeners(worker);
  return { browser, extensionId, worker };
}

/**
 * The worker registers its listeners (the Set-Cookie log's webRequest one among them) once its
 * script has run; a page loaded before that is not logged. Wait for it.
 */
async function waitForBackgroundListeners(worker: () => Promise<WebWorker>): Promise<void> {
  const deadline = Date.now() + 30_000;
  const ready = async () => {
    // Each try asks a fresh handle, with a time limit: a worker that restarts never answers the old one.
    const check = worker().then((w) =>
      w.evaluate(() => {
        type Events = { webRequest?: { onHeadersReceived?: { hasListeners?: () => boolean } } };
        return (globalThis as { chrome?: Events }).chrome?.webRequest?.onHeadersReceived?.hasListeners?.() === true;
      }),
    );
    const timeout = new Promise<boolean>((done) => setTimeout(() => done(false), 2_000));
    return Promise.race([check.catch(() => false), timeout]);
  };
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error('the extension background never registered its listeners');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens the real action popup for `page` and returns the popup page. */
export async function openChromiumPopup(session: ChromiumSession, page: Page): Promise<Page> {
  await page.bringToFront();
  const extension = (await session.browser.extensions()).get(session.extensionId);
  if (!extension) throw new Error('extension not installed');
  await extension.triggerAction(page);
  const target = await session.browser.waitForTarget(
    (t) => t.url().startsWith(`chrome-extension://${session.extensionId}/`) && t.url().includes('/popup/index.html'),
    { timeout: 15_000 },
  );
  const popup = await target.asPage();
  if (!popup) throw new Error('popup target has no page');
  return popup;
}

/** Opens DevTools for `page`, shows the Cookie Lens panel and returns the panel's frame. */
export async function openChromiumPanel(session: ChromiumSession, page: Page) {
  const devtools = await page.openDevTools();
  await devtools.waitForFrame((f) => f.url().startsWith(`chrome-extension://${session.extensionId}/`), {
    timeout: 30_000,
  });
  const show = `(async () => {
    const UI = await import('./ui/legacy/legacy.js');
    const view = UI.InspectorView.InspectorView.instance();
    const tab = view.tabbedPane.tabs.map((t) => t.id).find((id) => id.startsWith('chrome-extension://${session.extensionId}'));
    if (tab) await view.showPanel(tab);
    return tab ?? null;
  })()`;
  const deadline = Date.now() + 30_000;
  while (!(await devtools.evaluate(show))) {
    if (Date.now() > deadline) throw new Error('Cookie Lens panel tab never appeared in DevTools');
    await new Promise((r) => setTimeout(r, 250));
  }
  const panel = await devtools.waitForFrame((f) => f.url().includes('/devtools/panel.html'), { timeout: 30_000 });
  return { devtools, panel };
}

export const FIREFOX_UUID = '0f3c7e1a-1111-4222-8333-444455556666';

export function geckoId(): string {
  const manifest = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  return manifest.browser_specific_settings.gecko.id;
}

export interface FirefoxSession {
  browser: Browser;
  /** moz-extension://<uuid>/ base of the installed extension. */
  base: string;
}

export async function launchFirefox(
  options: { extension?: boolean; headless?: boolean; prefs?: Record<string, unknown> } = {},
): Promise<FirefoxSession> {
  const withExtension = options.extension ?? true;
  if (withExtension) assertBuilt(distFirefox);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: options.headless ?? true,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId()]: FIREFOX_UUID }),
      'network.dns.localDomains': ['localhost', ...MAPPED_HOSTS].join(','),
      ...options.prefs,
    },
  });
  if (withExtension) await browser.installExtension(distFirefox);
  return { browser, base: `moz-extension://${FIREFOX_UUID}/` };
}

/**
 * Opens an extension page in Firefox. BiDi never reports the load of a moz-extension page, so the
 * navigation "times out" although the page loads: wait for content instead.
 */
export async function openFirefoxExtensionPage(session: FirefoxSession, path: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(`${session.base}${path}`, { timeout: 400 }).catch(() => {});
  await page.waitForFunction(() => document.readyState === 'complete', { timeout: 10_000, polling: 50 });
  return page;
}

/**
 * The extension's id for the tab showing `page`. Two tabs may show the same URL (e.g. in two
 * containers), so the page is marked with a unique title while the extension looks for it.
 */
export async function tabIdOf(page: Page, extensionPage: Page): Promise<number> {
  const marker = `cookie-lens-tab-${Math.random().toString(36).slice(2)}`;
  const title = await page.evaluate((m: string) => {
    const old = document.title;
    document.title = m;
    return old;
  }, marker);
  type TabsApi = { tabs: { query(q: object): Promise<Array<{ id?: number; title?: string }>> } };
  try {
    return await extensionPage
      .waitForFunction(
        async (m: string) => {
          const g = globalThis as unknown as { browser?: TabsApi; chrome?: TabsApi };
          const api = g.browser ?? g.chrome;
          const tabs = (await api?.tabs.query({})) ?? [];
          return tabs.find((t) => t.title === m)?.id ?? false;
        },
        { timeout: 10_000, polling: 100 },
        marker,
      )
      .then((handle) => handle.jsonValue() as Promise<number>);
  } finally {
    await page.evaluate((t: string) => {
      document.title = t;
    }, title);
  }
}
