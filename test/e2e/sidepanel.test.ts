/**
 * The side panel follows the active tab of its window, in both browsers, against the sample server.
 *
 * Chromium: the REAL side panel. Its action opens the panel instead of the popup for this browser
 * only (`openPanelOnActionClick`, set from the worker as a test hook; the shipped default is the
 * popup), and puppeteer's action click is the user gesture Chrome asks for. Tabs are switched with
 * puppeteer's bringToFront, which activates the tab in its window as a click on the tab strip would.
 *
 * Firefox: puppeteer cannot open the sidebar, so the same page is opened as a tab of the window
 * whose tabs it follows; the page never shows its own tab, so activating the site tabs next to it
 * drives the same code as the sidebar.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/browsers/chromium';
import { launchFirefox, openFirefoxExtensionPage } from '../../scripts/browsers/firefox';
import { root } from '../../scripts/browsers/paths';
import { type RunningServer, startServer } from '../server/server';
import type { BrowserKind } from './support/driver';

let server: RunningServer;
const url = (host: string, path = '/') => `http://${host}:${server.httpPort}${path}`;

beforeAll(async () => {
  server = await startServer({ port: 0, httpsPort: 0 });
  mkdirSync(resolve(root, 'artifacts'), { recursive: true });
});
afterAll(async () => {
  await server?.close();
});

interface Setup {
  browser: Browser;
  /** Opens the side panel for the window of `page` (the real one in Chromium). */
  openPanel(page: Page): Promise<Page>;
  close(): Promise<void>;
}

async function setUp(kind: BrowserKind): Promise<Setup> {
  if (kind === 'chrome') {
    const session = await launchChromium();
    return {
      browser: session.browser,
      async openPanel(page) {
        const worker = await session.worker();
        await worker.evaluate(async () => {
          type Api = {
            sidePanel: { setPanelBehavior(b: object): Promise<void> };
            action: { setPopup(p: object): Promise<void> };
          };
          const api = (globalThis as unknown as { chrome: Api }).chrome;
          await api.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
          await api.action.setPopup({ popup: '' });
        });
        await page.bringToFront();
        const extension = (await session.browser.extensions()).get(session.extensionId);
        if (!extension) throw new Error('extension not installed');
        await extension.triggerAction(page);
        const target = await session.browser.waitForTarget((t) => t.url().endsWith('/sidepanel/index.html'), {
          timeout: 15_000,
        });
        const panel = await target.asPage();
        if (!panel) throw new Error('side panel target has no page');
        return panel;
      },
      close: () => session.browser.close(),
    };
  }
  const session = await launchFirefox();
  return {
    browser: session.browser,
    openPanel: () => openFirefoxExtensionPage(session, 'sidepanel/index.html'),
    close: () => session.browser.close(),
  };
}

/** The cookie names the panel lists, once they are exactly `names` (sorted). */
async function waitForNames(panel: Page, names: string[]): Promise<void> {
  const want = [...names].sort();
  await panel
    .waitForFunction(
      (expected: string[]) => {
        const shown = [...document.querySelectorAll('[data-testid="cookie-row"]')].map(
          (r) => r.getAttribute('data-name') ?? '',
        );
        return JSON.stringify(shown.sort()) === JSON.stringify(expected);
      },
      { timeout: 15_000, polling: 100 },
      want,
    )
    .catch(async (error: unknown) => {
      const shown = await panel.$$eval('[data-testid="cookie-row"]', (rows) =>
        rows.map((r) => r.getAttribute('data-name')),
      );
      throw new Error(`panel shows ${JSON.stringify(shown)}, expected ${JSON.stringify(want)}: ${String(error)}`);
    });
}

/** Window ids of the tabs showing these URLs, and of the panel's own window, read through the tabs API in the panel. */
async function windowsOf(
  panel: Page,
  urls: string[],
): Promise<{ tabs: Array<number | undefined>; panel: number | undefined }> {
  return panel.evaluate(async (wanted: string[]) => {
    type Api = {
      tabs: { query(q: object): Promise<Array<{ url?: string; windowId?: number }>> };
      windows: { getCurrent(): Promise<{ id?: number }> };
    };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const api = (g.browser ?? g.chrome) as Api;
    const tabs = await api.tabs.query({});
    return {
      tabs: wanted.map((u) => tabs.find((t) => t.url === u)?.windowId),
      panel: (await api.windows.getCurrent()).id,
    };
  }, urls);
}

describe.each(['chrome', 'firefox'] as BrowserKind[])('side panel in %s', (kind) => {
  let setup: Setup;
  beforeAll(async () => {
    setup = await setUp(kind);
  });
  afterAll(async () => {
    await setup?.close();
  });

  it('keeps an open form through a tab switch, says the switch waits, and follows it when asked to discard', async () => {
    const first = await setup.browser.newPage();
    await first.goto(url('other.cookielens.test', '/?form'));
    await first.evaluate(() => {
      document.cookie = 'keep=before; path=/';
    });
    const second = await setup.browser.newPage();
    await second.goto(url('xn--bcher-kva.cookielens.test', '/?form'));
    await second.evaluate(() => {
      document.cookie = 'other=2; path=/';
    });
    const panel = await setup.openPanel(first);
    await first.bringToFront();
    await waitForNames(panel, ['keep']);
    await panel.locator('[data-testid="cookie-row"][data-name="keep"] .row-head').click();
    await panel.locator('[data-testid="cookie-row"][data-name="keep"] ::-p-aria([name="Edit"][role="button"])').click();
    const value = await panel.waitForSelector('::-p-aria([name="Value"][role="textbox"])', { visible: true });
    await value?.click();
    await panel.keyboard.press('End');
    await value?.type(' (typed, not saved)');

    await second.bringToFront();
    const note = await panel.waitForSelector('::-p-aria([name="Tab switch"][role="status"])', { timeout: 15_000 });
    expect(await note?.evaluate((n) => n.textContent)).toContain('another tab');
    expect(await value?.evaluate((v) => (v as HTMLTextAreaElement).value)).toBe('before (typed, not saved)');
    await waitForNames(panel, ['keep']);

    await panel.locator('::-p-aria([name="Discard and show that tab"][role="button"])').click();
    await waitForNames(panel, ['other']);
    expect(await panel.$('::-p-aria([name="Tab switch"][role="status"])')).toBeNull();
    // Closed, so the next test opens a fresh panel (Chrome's action click toggles an open one).
    await panel.close();
    for (const page of [second, first]) await page.close().catch(() => {});
  });

  it('follows the active tab of its window: tab switches and navigations, not other windows', async () => {
    const first = await setup.browser.newPage();
    await first.goto(url('localhost'));
    await first.evaluate(() => {
      document.cookie = 'alpha=1; path=/';
    });
    const second = await setup.browser.newPage();
    await second.goto(url('127.0.0.1'));
    await second.evaluate(() => {
      document.cookie = 'beta=2; path=/';
    });

    const panel = await setup.openPanel(first);
    // The tabs it follows share the panel's window (Firefox: the page is a tab of that window).
    const windows = await windowsOf(panel, [url('localhost'), url('127.0.0.1')]);
    expect(windows.tabs).toEqual([windows.panel, windows.panel]);

    await first.bringToFront();
    await waitForNames(panel, ['alpha']);
    await second.bringToFront();
    await waitForNames(panel, ['beta']);
    await first.bringToFront();
    await waitForNames(panel, ['alpha']);

    // A navigation of the shown tab to another site shows that site's cookies.
    await first.goto(url('site.cookielens.test', '/bulk?n=2'));
    await waitForNames(panel, ['bulk0001', 'bulk0002']);

    // A tab made active in ANOTHER window is not the panel's: it keeps showing its own window's tab.
    const otherUrl = url('127.0.0.1', '/?other-window');
    const otherWindow = await panel.evaluate(async (u: string) => {
      type Api = { windows: { create(d: object): Promise<{ id?: number }> } };
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      return (await (g.browser ?? g.chrome)?.windows.create({ url: u, focused: true }))?.id;
    }, otherUrl);
    const other = await (await setup.browser.waitForTarget((t) => t.url() === otherUrl, { timeout: 15_000 })).asPage();
    expect(otherWindow).not.toBe(windows.panel);
    await other?.bringToFront();
    // The new window's tab may still be committing its navigation: set the cookie once it has loaded.
    await other?.waitForFunction(
      (u: string) => location.href === u && document.readyState === 'complete',
      {},
      otherUrl,
    );
    await other?.evaluate(() => {
      document.cookie = 'elsewhere=1; path=/';
    });
    // The panel still lists the first tab's site; a change there still shows (the list is live).
    await first.evaluate(() => {
      document.cookie = 'bulk0003=v3; path=/';
    });
    await waitForNames(panel, ['bulk0001', 'bulk0002', 'bulk0003']);

    await panel.setViewport({ width: 400, height: 600 }).catch(() => {});
    await panel.screenshot({ path: resolve(root, `artifacts/sidepanel-${kind}.png`) });
    for (const page of [other, second, first]) await page?.close().catch(() => {});
  });
});
