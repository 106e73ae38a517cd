/**
 * "Copy as" driven as a person would, in the built extension's popup: export the page's cookies as
 * Playwright storageState, check it parses and that Playwright itself, given it, sends the page
 * the same cookies the browser does; copy one cookie from its row; and find the choice remembered
 * when the popup opens again. Chromium and Firefox ESR.
 *
 * Uses the shared launch helpers of test/e2e/support (launchDriver, clickButton, choose...).
 */
import type { Page } from 'puppeteer';
import { chromium as playwright } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer } from '../server/server';
import { type BrowserKind, choose, clearCookies, clickButton, type Driver, field, launchDriver, openRow, rowSelector } from './support/driver';

let server: Awaited<ReturnType<typeof startServer>>;
const http = (path: string) => `http://localhost:${server.httpPort}${path}`;

beforeAll(async () => {
  server = await startServer({ port: 0, httpsPort: 0 });
});
afterAll(async () => {
  await server?.close();
});

const SESSION = 'sessionid=Zx81kLq0PmW3vT6yRb9cNd2fHj5gA7sE';

interface StorageState {
  cookies: Array<{ name: string; value: string; domain: string; sameSite: string; expires: number }>;
  origins: unknown[];
}

describe.each(['chrome', 'firefox'] as BrowserKind[])('Copy as in the %s popup', (kind) => {
  let driver: Driver;
  const open: Page[] = [];

  beforeAll(async () => {
    driver = await launchDriver(kind);
  });
  afterAll(async () => {
    await driver?.close();
  });
  beforeEach(async () => {
    await clearCookies(driver.browser);
  });
  afterEach(async () => {
    for (const page of open.splice(0)) await page.close().catch(() => {});
  });

  async function popupFor(page: Page, waitFor: string): Promise<Page> {
    const popup = await driver.openPopup(page);
    open.push(popup);
    await popup.waitForSelector(waitFor, { timeout: 20_000 });
    return popup;
  }

  async function site(): Promise<Page> {
    const page = await driver.browser.newPage();
    open.push(page);
    await page.goto(http('/echo'));
    await page.evaluate((session) => {
      document.cookie = `${session}; path=/`;
      document.cookie = 'theme=dark; path=/; samesite=lax';
    }, SESSION);
    return page;
  }

  it('Export → Playwright storageState: the text parses, warns, and Playwright sends what the browser sends', async () => {
    const page = await site();
    const popup = await popupFor(page, rowSelector('theme'));
    await clickButton(popup, 'Export');
    await choose(popup, 'Format', 'playwright');
    const text = await popup.$eval('textarea[aria-label="Exported text"]', (t) => (t as HTMLTextAreaElement).value);
    const state = JSON.parse(text) as StorageState;
    expect(state.origins).toEqual([]);
    expect(state.cookies.map((c) => [c.name, c.domain, c.expires]).sort()).toEqual([
      ['sessionid', 'localhost', -1],
      ['theme', 'localhost', -1],
    ]);
    for (const c of state.cookies) expect(['Strict', 'Lax', 'None']).toContain(c.sameSite);
    const warning = await popup.$eval('[data-testid="export-warning"]', (p) => p.textContent);
    expect(warning).toMatch(/^Whoever gets this is logged in as you \(session cookies: sessionid\)/);

    if (kind === 'chrome') {
      // What this browser sends to the page, against what Playwright sends with our storageState.
      const mine = await page.reload().then((r) => r?.json());
      const browser = await playwright.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
      try {
        const context = await browser.newContext({ storageState: JSON.parse(text) });
        const theirs = await (await context.newPage()).goto(http('/echo')).then((r) => r?.json());
        expect(theirs).toEqual(mine);
        expect(String(mine.cookie).split('; ').sort()).toEqual([SESSION, 'theme=dark']);
      } finally {
        await browser.close();
      }
    }
  });

  it('Copy as… on one cookie copies it, and the choice is remembered when the popup opens again', async () => {
    const page = await site();
    let popup = await popupFor(page, rowSelector('theme'));
    // Record what reaches the clipboard while still writing it for real.
    await popup.evaluate(() => {
      const w = window as unknown as { copied: string[] };
      w.copied = [];
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (text: string) => {
        w.copied.push(text);
        return write(text);
      };
    });
    await openRow(popup, 'theme');
    await clickButton(popup, 'Copy as…');
    await clickButton(popup, 'Playwright storageState', '[role="menu"]');
    const status = await popup.waitForSelector('.copy-as [role="status"], .copy-as [role="alert"]');
    const said = await status?.evaluate((s) => s.textContent);
    const copied = await popup.evaluate(() => (window as unknown as { copied: string[] }).copied);
    expect(copied).toHaveLength(1);
    const state = JSON.parse(copied[0] as string) as StorageState;
    expect(state.cookies.map((c) => [c.name, c.value, c.sameSite])).toEqual([['theme', 'dark', 'Lax']]);
    expect(said).toBe('Copied theme as Playwright storageState.');
    await popup.close();

    popup = await popupFor(page, rowSelector('theme'));
    open.push(popup);
    await openRow(popup, 'theme');
    await clickButton(popup, 'Copy as Playwright storageState');
    await clickButton(popup, 'Export');
    await popup.waitForFunction(
      (select: HTMLSelectElement) => select.value === 'playwright',
      {},
      (await field(popup, 'Format')) as never,
    );
  });
});
