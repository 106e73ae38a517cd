/**
 * Protected cookies in the popup, in both browsers, against the sample server: a cookie protected
 * through the row's "Protect" shows its lock, survives Delete all, and asks "Confirm" before an
 * edit. In Chromium the background worker is stopped in between (through the DevTools protocol, as
 * Chromium stops idle workers): the rule lives in storage.local, so the new worker still keeps it.
 * Cookie state is read from the browser itself, never through the extension.
 */
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium, openChromiumPopup } from '../../scripts/browsers/chromium';
import { launchFirefox, openFirefoxExtensionPageFor } from '../../scripts/browsers/firefox';
import { type RunningServer, startServer } from '../server/server';
import { type BrowserKind, clearCookies, clickButton, openRow, rowSelector, typeInto } from './support/driver';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ port: 0, httpsPort: 0 });
});
afterAll(async () => {
  await server?.close();
});

interface Setup {
  browser: Browser;
  openPopup(site: Page): Promise<Page>;
  /** Stops the background worker (Chromium); undefined where a test cannot stop it (Firefox's event page). */
  stopWorker?: () => Promise<void>;
  /** Whether the worker running now is a new one (after stopWorker). */
  workerRestarted?: () => Promise<boolean>;
  close(): Promise<void>;
}

async function setUp(kind: BrowserKind): Promise<Setup> {
  if (kind === 'chrome') {
    const session: ChromiumSession = await launchChromium();
    return {
      browser: session.browser,
      openPopup: (site) => openChromiumPopup(session, site),
      async stopWorker() {
        const worker = await session.worker();
        await worker.evaluate(() => {
          (globalThis as { beforeStop?: boolean }).beforeStop = true;
        });
        // Already stopping counts as stopped.
        await worker.close().catch(() => {});
      },
      async workerRestarted() {
        // The worker now running is a new one: the global set in the old one is not there.
        const deadline = Date.now() + 15_000;
        for (;;) {
          const fresh = await session
            .worker()
            .then((w) => w.evaluate(() => (globalThis as { beforeStop?: boolean }).beforeStop !== true))
            .catch(() => false);
          if (fresh) return true;
          if (Date.now() > deadline) return false;
          await new Promise((r) => setTimeout(r, 100));
        }
      },
      close: () => session.browser.close(),
    };
  }
  const session = await launchFirefox();
  return {
    browser: session.browser,
    openPopup: (site) => openFirefoxExtensionPageFor(session, site, 'popup/index.html'),
    close: () => session.browser.close(),
  };
}

const lockOf = (name: string) => `${rowSelector(name)} [data-testid="protected-lock"]`;

async function statusText(popup: Page, includes: string): Promise<string> {
  const handle = await popup.waitForFunction(
    (want: string) => {
      const text = [...document.querySelectorAll('[role="status"], [role="alert"]')]
        .map((e) => e.textContent ?? '')
        .join(' ');
      return text.includes(want) ? text : null;
    },
    { timeout: 15_000, polling: 100 },
    includes,
  );
  return (await handle.jsonValue()) as string;
}

describe.each(['chrome', 'firefox'] as BrowserKind[])('protected cookies in the popup in %s', (kind) => {
  let setup: Setup;
  beforeAll(async () => {
    setup = await setUp(kind);
  });
  afterAll(async () => {
    await setup?.close();
  });

  it('"Protect" locks a cookie: it survives Delete all (after a worker restart) and asks "Confirm" before an edit', async () => {
    await clearCookies(setup.browser);
    const site = await setup.browser.newPage();
    await site.goto(`http://localhost:${server.httpPort}/`);
    await site.evaluate(() => {
      for (const name of ['a', 'b', 'c', 'd', 'e', 'keep']) document.cookie = `${name}=1; path=/`;
    });
    const names = async () =>
      (await setup.browser.cookies())
        .filter((c) => c.domain === 'localhost')
        .map((c) => `${c.name}=${c.value}`)
        .sort();
    expect(await names()).toEqual(['a=1', 'b=1', 'c=1', 'd=1', 'e=1', 'keep=1']);

    let popup = await setup.openPopup(site);
    await popup.waitForSelector(rowSelector('keep'), { timeout: 20_000 });
    expect(await popup.$(lockOf('keep'))).toBeNull();
    await openRow(popup, 'keep');
    await clickButton(popup, 'Protect', rowSelector('keep'));
    await popup.waitForSelector(lockOf('keep'), { timeout: 15_000 });
    expect(await popup.$(lockOf('a'))).toBeNull();
    await popup.close();

    // A new worker reads the rule from storage.local.
    await setup.stopWorker?.();

    popup = await setup.openPopup(site);
    await popup.waitForSelector(lockOf('keep'), { timeout: 20_000 });
    if (setup.workerRestarted) expect(await setup.workerRestarted()).toBe(true);
    await clickButton(popup, 'Delete all');
    // The dialog's code loads on first use (it is not part of the popup's first screen).
    await popup.waitForSelector('[data-testid="delete-all-dialog"]');
    const question = await popup.$eval('[data-testid="delete-all-dialog"]', (d) => d.textContent ?? '');
    expect(question).toContain('Delete 5 cookies of localhost? The protected one is kept.');
    await clickButton(popup, 'Confirm delete all');
    const said = await statusText(popup, 'kept 1 protected');
    expect(said).toContain('Deleted 5 cookies · kept 1 protected');
    expect(await popup.$('[role="status"] button[aria-label^="Undo"]')).not.toBeNull();
    expect(await names()).toEqual(['keep=1']);
    await popup.waitForFunction(() => document.querySelectorAll('[data-testid="cookie-row"]').length === 1);
    expect(await popup.$(lockOf('keep'))).not.toBeNull();

    // Editing the protected cookie asks first; Cancel changes nothing, Confirm opens the form.
    await openRow(popup, 'keep');
    await clickButton(popup, 'Edit', rowSelector('keep'));
    await popup.waitForSelector('[data-testid="confirm-dialog"]');
    expect(await popup.$('form.cookie-form')).toBeNull();
    await clickButton(popup, 'Cancel', '[data-testid="confirm-dialog"]');
    await popup.waitForSelector('[data-testid="confirm-dialog"]', { hidden: true });
    expect(await popup.$('form.cookie-form')).toBeNull();
    await clickButton(popup, 'Edit', rowSelector('keep'));
    await clickButton(popup, 'Confirm', '[data-testid="confirm-dialog"]');
    await popup.waitForSelector('form.cookie-form');
    await typeInto(popup, 'Value', 'edited');
    await clickButton(popup, 'Save');
    await statusText(popup, 'Saved keep');
    expect(await names()).toEqual(['keep=edited']);
    // Still protected after the edit (the rule names the cookie, not its value).
    await popup.waitForSelector(lockOf('keep'));

    // Undo brings back the value and the five deleted cookies.
    await popup.close();
    popup = await setup.openPopup(site);
    await popup.waitForSelector(lockOf('keep'), { timeout: 20_000 });
    // The newest change first (the edit), then the Delete all.
    await clickButton(popup, 'Undo');
    await statusText(popup, 'Undone: Edited keep');
    await clickButton(popup, 'Undo');
    await statusText(popup, 'Undone: Deleted');
    expect(await names()).toEqual(['a=1', 'b=1', 'c=1', 'd=1', 'e=1', 'keep=1']);
    await popup.close();
    await site.close();
  });

  it('"All sites" opens the manager page (the options page) in a tab', async () => {
    const site = await setup.browser.newPage();
    await site.goto(`http://localhost:${server.httpPort}/`);
    const popup = await setup.openPopup(site);
    await popup.waitForSelector('.summary', { timeout: 20_000 });
    await clickButton(popup, 'All sites');
    if (kind === 'chrome') {
      const { protocol, host } = new URL(popup.url());
      const base = `${protocol}//${host}`;
      // The real popup closes as the new tab takes the focus.
      const manager = await setup.browser.waitForTarget((t) => t.url() === `${base}/manager/index.html`, {
        timeout: 15_000,
      });
      expect(manager.type()).toBe('page');
      await (await manager.asPage())?.close();
    } else {
      // Read through the tabs API: puppeteer's Firefox targets do not report moz-extension URLs.
      const opened = await popup.waitForFunction(
        async () => {
          const wanted = new URL('/manager/index.html', location.href).href;
          type Api = { tabs: { query(q: object): Promise<Array<{ url?: string }>> } };
          const g = globalThis as unknown as { browser?: Api; chrome?: Api };
          const tabs = (await (g.browser ?? g.chrome)?.tabs.query({})) ?? [];
          return tabs.some((t) => t.url === wanted);
        },
        { timeout: 15_000, polling: 200 },
      );
      expect(await opened.jsonValue()).toBe(true);
    }
    await popup.close().catch(() => {});
    await site.close();
  });
});
