/**
 * What `bench:heap` and `bench:trace` share: Chromium with Cookie Lens and the floor extension, the
 * sample server's site in a tab, the cookie store to fill, and opening either extension's real action
 * popup over that site until its rows are in the DOM.
 */
import { execSync } from 'node:child_process';
import type { Browser, Page, Target } from 'puppeteer';
import { startServer } from '../../test/server/server';
import { launchChromium } from '../browsers/chromium';
import { root } from '../browsers/paths';
import { FLOOR_NAME, FLOOR_ROW, writeFloorExtension } from './floor';
import { CookieStore } from './seed';

export interface PopupLab {
  browser: Browser;
  store: CookieStore;
  /** The two popups compared: the floor's and Cookie Lens's, with the rows each one shows. */
  floor: PopupKind;
  ours: PopupKind;
  /** Opens `kind`'s action popup over the site and waits until it shows `rows` rows. */
  open(kind: PopupKind, rows: number): Promise<{ target: Target; popup: Page }>;
}

export interface PopupKind {
  extensionId: string;
  path: string;
  row: string;
}

/** Builds first (unless `--no-build`), runs `work` in the lab, and closes the browser and server. */
export async function withPopupLab(work: (lab: PopupLab) => Promise<void>): Promise<void> {
  if (!process.argv.includes('--no-build'))
    execSync('npm run build', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const server = await startServer({ port: 0, httpsPort: 0 });
  const session = await launchChromium({ extraExtensions: [writeFloorExtension()] });
  const { browser } = session;
  try {
    const floorId = [...(await browser.extensions()).values()].find((e) => e.name === FLOOR_NAME)?.id;
    if (!floorId) throw new Error('the floor extension did not load');
    const store = await CookieStore.open(browser);
    const site = await browser.newPage();
    await site.goto(`http://localhost:${server.httpPort}/`);
    const open = async (kind: PopupKind, rows: number) => {
      const extension = (await browser.extensions()).get(kind.extensionId);
      if (!extension) throw new Error(`extension ${kind.extensionId} is not installed`);
      await site.bringToFront();
      await extension.triggerAction(site);
      const url = `chrome-extension://${kind.extensionId}/${kind.path}`;
      const target = await browser.waitForTarget((t) => t.url().startsWith(url));
      const popup = await target.asPage();
      if (!popup) throw new Error(`${url} has no page`);
      await popup.waitForFunction(
        (s, n) => document.querySelectorAll(s).length >= n,
        { timeout: 60_000 },
        kind.row,
        rows,
      );
      return { target, popup };
    };
    await work({
      browser,
      store,
      floor: { extensionId: floorId, path: 'bare.html', row: FLOOR_ROW },
      ours: { extensionId: session.extensionId, path: 'popup/index.html', row: '[data-testid="cookie-row"]' },
      open,
    });
  } finally {
    await browser.close();
    await server.close();
  }
}
