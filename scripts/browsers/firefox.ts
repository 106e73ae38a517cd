/**
 * Firefox ESR with the BUILT extension (dist/firefox), over WebDriver BiDi: Debian's
 * /usr/bin/firefox-esr when present, otherwise the one puppeteer installed. Used by `npm start`
 * and the tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { MAPPED_HOSTS } from '../../test/server/scenarios';
import { assertBuilt, distFirefox, root } from './paths';
import { tabIdOf, withTabId } from './tabs';

function firefoxPath(): string {
  for (const p of ['/usr/bin/firefox-esr', '/usr/bin/firefox']) if (existsSync(p)) return p;
  return puppeteer.executablePath({ browser: 'firefox' });
}

/** Pinned moz-extension:// host of the installed extension, so its pages have known URLs. */
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
      // The sample site's named hosts (site.cookielens.test, ...): Firefox takes exact names only.
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
 * Opens an extension page (e.g. `popup/index.html`) for the tab showing `site`. Puppeteer cannot
 * open Firefox's toolbar popup or its DevTools, so the page is opened as a tab with `?tabId=`.
 */
export async function openFirefoxExtensionPageFor(session: FirefoxSession, site: Page, path: string): Promise<Page> {
  const probe = await openFirefoxExtensionPage(session, 'popup/index.html?tabId=0');
  const tabId = await tabIdOf(site, probe);
  await probe.close();
  return openFirefoxExtensionPage(session, withTabId(path, tabId));
}
