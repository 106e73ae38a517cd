/**
 * The optional `privacy` permission (Chrome's third-party cookie setting, issue 10 item 5) in the BUILT
 * extension: not granted at install, so the background does not read the setting, and the Set-Cookie
 * log view offers the one button that asks for it; Firefox, which has no such setting, shows none.
 * (Granting needs the browser's own prompt, which a headless browser cannot answer.)
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium, openChromiumExtensionPageFor } from '../../scripts/browsers/chromium';
import { type FirefoxSession, launchFirefox, openFirefoxExtensionPageFor } from '../../scripts/browsers/firefox';
import { type RunningServer, startServer } from '../server/server';

const LABEL = 'Let Cookie Lens read whether Chrome blocks third-party cookies';

let server: RunningServer;
let http: string;

beforeAll(async () => {
  server = await startServer({ port: 0, httpsPort: 0 });
  http = `http://localhost:${server.httpPort}`;
});

afterAll(async () => {
  await server?.close();
});

async function showLog(panel: Page): Promise<void> {
  const tab = await panel.waitForSelector('::-p-aria([name="Set-Cookie log"][role="tab"])', { timeout: 15_000 });
  await tab?.click();
  await panel.waitForSelector('::-p-aria([name="Set-Cookie log actions"][role="toolbar"])', { timeout: 15_000 });
}

describe('Chromium', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.browser.close();
  });

  it('declares privacy optional, and the log view offers to ask for it', async () => {
    const worker = await session.worker();
    const state = await worker.evaluate(async () => {
      type Api = {
        runtime: { getManifest(): { optional_permissions?: string[] } };
        permissions: { contains(p: { permissions: string[] }): Promise<boolean> };
      };
      const c = (globalThis as unknown as { chrome: Api }).chrome;
      return {
        optional: c.runtime.getManifest().optional_permissions ?? [],
        granted: await c.permissions.contains({ permissions: ['privacy'] }),
      };
    });
    expect(state).toEqual({ optional: ['privacy'], granted: false });
    const page = await session.browser.newPage();
    await page.goto(`${http}/`);
    const panel = await openChromiumExtensionPageFor(session, page, 'devtools/panel.html');
    await showLog(panel);
    const button = await panel.waitForSelector(`::-p-aria([name="${LABEL}"][role="button"])`, { timeout: 15_000 });
    expect(button).not.toBeNull();
  });
});

describe('Firefox', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(async () => {
    await session?.browser.close();
  });

  it('shows no button for a setting Firefox does not have', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${http}/`);
    const panel = await openFirefoxExtensionPageFor(session, page, 'devtools/panel.html');
    await showLog(panel);
    const labels = await panel.$$eval('button', (buttons) => buttons.map((b) => b.textContent ?? ''));
    expect(labels.length).toBeGreaterThan(0);
    expect(labels).not.toContain(LABEL);
  });
});
