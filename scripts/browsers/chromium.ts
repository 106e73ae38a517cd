/**
 * Chromium with the BUILT extension (dist/chrome): Debian's /usr/bin/chromium when present,
 * otherwise the one puppeteer installed. Used by `npm start`, `npm run bench` and the tests.
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type LaunchOptions, type Page, type WebWorker } from 'puppeteer';
import { TEST_DOMAIN } from '../../test/server/scenarios';
import { assertBuilt, distChrome } from './paths';
import { tabIdOf, withTabId } from './tabs';

function chromiumPath(): string {
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : puppeteer.executablePath();
}

export interface ChromiumSession {
  browser: Browser;
  extensionId: string;
  /** The extension's background service worker, to read the cookie store directly in assertions. */
  worker: () => Promise<WebWorker>;
}

export interface ChromiumOptions {
  /** Load the built extension (default true). */
  extension?: boolean;
  headless?: boolean;
  extraExtensions?: string[];
  /**
   * Base64 SHA-256 hashes of public keys (SubjectPublicKeyInfo, DER) whose certificates Chromium accepts
   * although no authority signed them (`--ignore-certificate-errors-spki-list`); every other certificate
   * is checked as usual. Without it the browser accepts ANY certificate: only for the tests' and the
   * bench's throwaway headless browsers, which meet several servers with certificates of their own.
   */
  trustSpki?: readonly string[];
  /** Chromium's sandbox. Default: on, except as root, where Chromium refuses to start with it. */
  sandbox?: boolean;
  /** More host patterns (e.g. `*.example.org`) to resolve to 127.0.0.1, besides the sample site's. */
  mapHosts?: readonly string[];
  /** The browser's UI language (`de`): `--lang` and `LANGUAGE` (Linux needs its locale files: chromium-l10n). */
  lang?: string;
  /** The built extension to load instead of dist/chrome (e.g. dist/chrome-pseudo). */
  extensionDir?: string;
}

/**
 * Puppeteer's launch options for `options` (all but the executable), for the user id `uid`
 * (`process.getuid?.()`; undefined where there are no user ids). Pure, so both cases can be tested.
 */
export function chromiumLaunchOptions(options: ChromiumOptions, uid: number | undefined): LaunchOptions {
  const withExtension = options.extension ?? true;
  const sandbox = options.sandbox ?? uid !== 0;
  const trustAny = options.trustSpki === undefined;
  return {
    headless: options.headless ?? true,
    pipe: true,
    ...(withExtension
      ? { enableExtensions: [options.extensionDir ?? distChrome, ...(options.extraExtensions ?? [])] }
      : {}),
    ...(options.lang ? { env: { ...process.env, LANGUAGE: options.lang } } : {}),
    handleDevToolsAsPage: true,
    acceptInsecureCerts: trustAny,
    args: [
      ...(sandbox ? [] : ['--no-sandbox']),
      ...(options.lang ? [`--lang=${options.lang}`] : []),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      '--disable-quic',
      ...(trustAny
        ? ['--ignore-certificate-errors']
        : options.trustSpki && options.trustSpki.length > 0
          ? [`--ignore-certificate-errors-spki-list=${options.trustSpki.join(',')}`]
          : []),
      // The sample site's named hosts (site.cookielens.test, ...) are all served on 127.0.0.1.
      `--host-resolver-rules=${[`*.${TEST_DOMAIN}`, ...(options.mapHosts ?? [])].map((h) => `MAP ${h} 127.0.0.1`).join(',')}`,
    ],
  };
}

export async function launchChromium(options: ChromiumOptions = {}): Promise<ChromiumSession> {
  const withExtension = options.extension ?? true;
  if (withExtension) assertBuilt(options.extensionDir ?? distChrome);
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    ...chromiumLaunchOptions(options, process.getuid?.()),
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

/** Opens an extension page (e.g. `devtools/panel.html`) as a tab, for the tab showing `site`. */
export async function openChromiumExtensionPageFor(session: ChromiumSession, site: Page, path: string): Promise<Page> {
  const base = `chrome-extension://${session.extensionId}/`;
  const probe = await session.browser.newPage();
  await probe.goto(`${base}popup/index.html?tabId=0`);
  const tabId = await tabIdOf(site, probe);
  await probe.close();
  const page = await session.browser.newPage();
  await page.goto(`${base}${withTabId(path, tabId)}`);
  return page;
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
