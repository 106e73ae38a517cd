/**
 * The cookie manager page (issue 12) in Chromium and Firefox, with 3,300 cookies over 100
 * registrable domains: search, bulk delete and Undo, backup and restore, protected cookies, a bad
 * backup, and (Firefox) a container's store. The cookies are seeded and read back through the
 * browser's own cookies API in an extension page, never through Cookie Lens's code.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/browsers/chromium';
import { launchFirefox, openFirefoxExtensionPage } from '../../scripts/browsers/firefox';
import { root } from '../../scripts/browsers/paths';
import { type BrowserKind, choose, clickButton, typeInto } from './support/driver';

const SITES = 100;
const PER_SITE = 33;
const site = (i: number) => `site${String(i).padStart(3, '0')}-x.test`;
const name = (j: number) => `c${String(j).padStart(3, '0')}`;
/** A row as `shownRows` lists it: every sixth cookie is a domain cookie (a leading dot). */
const rowOf = (i: number, j: number) => `${j % 6 === 1 ? '.' : ''}${site(i)} ${name(j)}`;
/** Chrome only: the last two cookies of the first five sites are partitioned under this top-level site. */
const TOP = 'https://top-x.test';
const partitioned = (kind: BrowserKind, i: number, j: number) => kind === 'chrome' && i < 5 && j >= 31;

type ApiCookie = Record<string, unknown> & { name: string; domain: string; path: string; value: string };

/** The seed: every attribute varies (host-only or domain, path, flags, SameSite, session or not, partition). */
function seed(kind: BrowserKind, now: number) {
  const out: Array<Record<string, unknown>> = [];
  for (let i = 0; i < SITES; i++) {
    for (let j = 0; j < PER_SITE; j++) {
      const secure = j % 3 !== 0;
      out.push({
        url: `https://${site(i)}/`,
        name: name(j),
        value: `v${i}-${j}`,
        path: j % 5 === 0 ? '/p' : '/',
        ...(j % 6 === 1 ? { domain: site(i) } : {}),
        secure,
        httpOnly: j % 2 === 0,
        // Partitioned ones too: the cookies API stores a partitioned SameSite=Strict cookie, which a
        // Set-Cookie header from a cross-site frame could not set; a restore must give it back.
        sameSite: ['lax', 'strict', 'no_restriction'][j % 3],
        ...(j % 4 === 0 ? {} : { expirationDate: Math.floor(now / 1000) + (j + 1) * 86_400 * 10 }),
        ...(partitioned(kind, i, j) ? { partitionKey: { topLevelSite: TOP } } : {}),
      });
    }
  }
  return out;
}

interface Session {
  browser: Browser;
  /** Opens the manager page (with `?store=` when given) and waits for its list. */
  manager(store?: string): Promise<Page>;
  close(): Promise<void>;
}

async function launch(kind: BrowserKind): Promise<Session> {
  if (kind === 'chrome') {
    const session = await launchChromium();
    return {
      browser: session.browser,
      async manager(store) {
        const page = await session.browser.newPage();
        await page.setViewport({ width: 1280, height: 1000 });
        await page.goto(
          `chrome-extension://${session.extensionId}/manager/index.html${store ? `?store=${store}` : ''}`,
        );
        return page;
      },
      close: () => session.browser.close(),
    };
  }
  const session = await launchFirefox();
  return {
    browser: session.browser,
    async manager(store) {
      const page = await openFirefoxExtensionPage(session, `manager/index.html${store ? `?store=${store}` : ''}`);
      await page.setViewport({ width: 1280, height: 1000 });
      return page;
    },
    close: () => session.browser.close(),
  };
}

/** Every cookie of every store (partitioned ones too), through the browser's cookies API, sorted. */
async function everyCookie(page: Page): Promise<ApiCookie[]> {
  const all = await page.evaluate(async () => {
    type Api = {
      cookies: {
        getAllCookieStores(): Promise<Array<{ id: string }>>;
        getAll(d: object): Promise<Array<Record<string, unknown>>>;
      };
    };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const api = (g.browser ?? g.chrome) as Api;
    const stores = await api.cookies.getAllCookieStores();
    const lists = await Promise.all(stores.map((s) => api.cookies.getAll({ storeId: s.id, partitionKey: {} })));
    return lists.flat();
  });
  const key = (c: Record<string, unknown>) =>
    JSON.stringify([
      c.storeId,
      (c.partitionKey as { topLevelSite?: string } | undefined)?.topLevelSite ?? '',
      c.domain,
      c.path,
      c.name,
    ]);
  return (all as ApiCookie[]).sort((a, b) => key(a).localeCompare(key(b)));
}

/** Sets cookies through the browser's API, all at once. */
async function setCookies(page: Page, cookies: Array<Record<string, unknown>>): Promise<void> {
  const failed = await page.evaluate(async (list) => {
    type Api = { cookies: { set(d: object): Promise<unknown> } };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const api = (g.browser ?? g.chrome) as Api;
    const results = await Promise.allSettled(list.map((d) => api.cookies.set(d)));
    return results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason));
  }, cookies);
  expect(failed).toEqual([]);
}

/** Removes every cookie of every store through the browser's API. */
async function wipe(page: Page): Promise<void> {
  await page.evaluate(async () => {
    type Api = {
      cookies: {
        getAllCookieStores(): Promise<Array<{ id: string }>>;
        getAll(d: object): Promise<Array<Record<string, unknown>>>;
        remove(d: object): Promise<unknown>;
      };
    };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const api = (g.browser ?? g.chrome) as Api;
    for (const store of await api.cookies.getAllCookieStores()) {
      const cookies = await api.cookies.getAll({ storeId: store.id, partitionKey: {} });
      await Promise.all(
        cookies.map((c) =>
          api.cookies.remove({
            url: `http${c.secure ? 's' : ''}://${String(c.domain).replace(/^\./, '')}${c.path}`,
            name: c.name,
            storeId: c.storeId,
            ...(c.partitionKey ? { partitionKey: c.partitionKey } : {}),
          }),
        ),
      );
    }
  });
}

/** The rows in the DOM as `domain name`, in order. */
async function shownRows(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="cookie-row"]', (rows) =>
    rows.map((r) => `${r.getAttribute('data-domain')} ${r.getAttribute('data-name')}`),
  );
}

async function shownCount(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (t: string) => document.querySelector('[data-testid="shown-count"]')?.textContent === t,
    { timeout: 60_000, polling: 100 },
    text,
  );
}

async function search(page: Page, query: string, count: string): Promise<void> {
  await typeInto(page, 'Search', query);
  await shownCount(page, count);
}

/** Hands `text` to the Restore dialog's file input as a file, as a person choosing it would. */
async function chooseBackup(page: Page, text: string, fileName = 'backup.json'): Promise<void> {
  await page.waitForSelector('.restore input[type="file"]');
  await page.evaluate(
    (content: string, file: string) => {
      const input = document.querySelector('.restore input[type="file"]') as HTMLInputElement;
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], file, { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    text,
    fileName,
  );
}

/**
 * Clicks Backup and returns the file the page offered: the name of the link it clicked and the text
 * of the Blob behind it (read from the Blob itself: the extension's CSP refuses a fetch of blob: URLs).
 */
async function backup(page: Page): Promise<{ name: string; text: string }> {
  await page.evaluate(() => {
    const w = window as unknown as { offered?: Promise<{ name: string; text: string }> };
    const click = HTMLAnchorElement.prototype.click;
    const createObjectURL = URL.createObjectURL;
    let blob: Blob | undefined;
    URL.createObjectURL = (object: Blob | MediaSource) => {
      if (object instanceof Blob) blob = object;
      return createObjectURL(object);
    };
    w.offered = new Promise((done, fail) => {
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        HTMLAnchorElement.prototype.click = click;
        URL.createObjectURL = createObjectURL;
        const name = this.download;
        if (!blob) return fail(new Error('the link has no Blob behind it'));
        blob.text().then((text) => done({ name, text }), fail);
      };
    });
  });
  await clickButton(page, 'Backup');
  return page.evaluate(() => (window as unknown as { offered: Promise<{ name: string; text: string }> }).offered);
}

describe.each(['chrome', 'firefox'] as BrowserKind[])('manager page in %s', (kind) => {
  let session: Session;
  let page: Page;
  let seeded: ApiCookie[];
  const now = Date.now();

  beforeAll(async () => {
    session = await launch(kind);
    page = await session.manager();
    await wipe(page);
    await setCookies(page, seed(kind, now));
    seeded = await everyCookie(page);
    expect(seeded).toHaveLength(SITES * PER_SITE);
    // The page follows the browser's changes live.
    await shownCount(page, '3,300 cookies');
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(async () => {
    // A failed test leaves no dialog open for the next one (Esc closes one at a time).
    for (let i = 0; i < 3 && (await page.$('.modal')); i++) await page.keyboard.press('Escape');
  });

  it('lists 3,300 cookies rendering only the rows in view, and search narrows to exactly the right rows', async () => {
    const rendered = await shownRows(page);
    expect(rendered.length).toBeGreaterThan(10);
    expect(rendered.length).toBeLessThan(120);
    expect(
      await page.$eval(`[data-testid="site-group"][data-site="${site(0)}"]`, (g) => g.getAttribute('data-count')),
    ).toBe(kind === 'chrome' ? '31' : '33');
    if (kind === 'chrome') {
      // The partitioned cookies of the first five sites are grouped under their top-level site, marked.
      await choose(page, 'Partitioned', 'yes');
      await shownCount(page, '10 of 3,300 cookies');
      const groups = await page.$$eval('[data-testid="site-group"]', (g) =>
        g.map((x) => `${x.getAttribute('data-site')} ${x.getAttribute('data-count')}`),
      );
      expect(groups).toEqual(['top-x.test 10']);
      expect(await page.$$eval('[data-testid="partitioned-mark"]', (m) => m.length)).toBe(10);
      await choose(page, 'Partitioned', '');
      await shownCount(page, '3,300 cookies');
    }

    await search(page, 'name:c007 domain:site01', '10 of 3,300 cookies');
    expect(await shownRows(page)).toEqual(Array.from({ length: 10 }, (_, i) => rowOf(10 + i, 7)));

    // rule: every cookie of site042 that is not Secure (j % 3 === 0) has the missing-secure finding.
    const insecure = Array.from({ length: PER_SITE }, (_, j) => j)
      .filter((j) => j % 3 === 0)
      .map((j) => rowOf(42, j));
    await search(page, `rule:missing-secure domain:${site(42)}`, `${insecure.length} of 3,300 cookies`);
    expect(await shownRows(page)).toEqual(insecure);

    await search(page, `/^c01[0-2]$/ domain:${site(99)}`, '3 of 3,300 cookies');
    expect(await shownRows(page)).toEqual([10, 11, 12].map((j) => rowOf(99, j)));

    // An invalid regular expression says why, and the page keeps working.
    await typeInto(page, 'Search', '/[oops');
    await page.waitForSelector('.query-error[role="alert"]');
    await search(page, '', '3,300 cookies');
  });

  it('bulk delete of one site then Undo restores every cookie identically', async () => {
    await search(page, `domain:${site(7)}`, '33 of 3,300 cookies');
    await clickButton(page, 'Select all');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="selected-count"]')?.textContent === '33 selected',
    );
    await clickButton(page, 'Delete selected');
    await shownCount(page, '0 of 3,267 cookies');
    const after = await everyCookie(page);
    expect(after).toHaveLength(3267);
    expect(after.some((c) => String(c.domain).endsWith(site(7)))).toBe(false);
    await clickButton(page, 'Undo');
    await shownCount(page, '33 of 3,300 cookies');
    expect(await everyCookie(page)).toEqual(seeded);
    await search(page, '', '3,300 cookies');
  });

  if (kind === 'firefox') {
    it('deletes the whole store while another manager page follows live, and Undo brings every cookie back', async () => {
      // Firefox runs the background and its pages in one process: when every cookie event reached
      // the other page, in view and reloading all 3,300 cookies back to back, this delete went at
      // 1.4 cookies a second, 40 minutes (the test's timeout fails it); now it takes about 20 seconds,
      // and the Undo about 15.
      const other = await session.manager();
      try {
        await shownCount(other, '3,300 cookies');
        await page.bringToFront();
        await clickButton(page, 'Select all');
        await page.waitForFunction(
          () => document.querySelector('[data-testid="selected-count"]')?.textContent === '3,300 selected',
        );
        await clickButton(page, 'Delete selected');
        // The other page in view while it runs, as in a second window.
        await other.bringToFront();
        // No time limit of its own: the test's timeout is the limit.
        const whole = (p: Page, text: string) =>
          p.waitForFunction(
            (t: string) => document.querySelector('[data-testid="shown-count"]')?.textContent === t,
            { timeout: 0, polling: 200 },
            text,
          );
        await whole(page, '0 cookies');
        expect(await everyCookie(page)).toEqual([]);
        // The other page heard of it too.
        await whole(other, '0 cookies');
        await clickButton(page, 'Undo');
        await whole(page, '3,300 cookies');
        expect(await everyCookie(page)).toEqual(seeded);
        await whole(other, '3,300 cookies');
      } finally {
        await other.close();
        await page.bringToFront();
      }
    }, 300_000);
  }

  it('Backup, wipe, Restore gives back every cookie with every attribute', async () => {
    const file = await backup(page);
    const day = new Date().toISOString().slice(0, 10);
    expect(file.name).toMatch(new RegExp(`^cookie-lens-backup-[\\w-]+-${day.slice(0, 4)}-\\d\\d-\\d\\d\\.json$`));
    expect(JSON.parse(file.text).cookies).toHaveLength(3300);
    await wipe(page);
    await shownCount(page, '0 cookies');
    await clickButton(page, 'Restore');
    await chooseBackup(page, file.text);
    await page.waitForSelector('[data-testid="restore-summary"]', { timeout: 60_000 });
    expect(await page.$eval('[data-testid="restore-summary"]', (p) => p.textContent)).toContain(
      '3,300 new, 0 replaced, 0 unchanged',
    );
    await clickButton(page, 'Confirm');
    await page.waitForSelector('[data-testid="restore-outcome"]', { timeout: 240_000 });
    expect(await page.$eval('[data-testid="restore-outcome"]', (p) => p.textContent)).toContain(
      'Restored 3,300 cookies',
    );
    await clickButton(page, 'Close');
    expect(await everyCookie(page)).toEqual(seeded);
    await shownCount(page, '3,300 cookies');
    // The background writes the 3,300 cookies one by one, safely, each looked up and read back by its
    // own URL: about 20 seconds in Chromium and 15 in Firefox on a loaded 2-core machine (it was two
    // minutes in Chromium while each lookup walked the whole store). The timeouts leave room for load.
  }, 300_000);

  it('a malformed or truncated backup reports its errors, cannot be confirmed and changes nothing', async () => {
    const { text } = await backup(page);
    for (const bad of [
      text.slice(0, Math.floor(text.length / 3)),
      'not a backup',
      JSON.stringify({ format: 'cookie-lens-backup', version: 1, cookies: [{ name: 1 }] }),
    ]) {
      await clickButton(page, 'Restore');
      await chooseBackup(page, bad);
      await page.waitForSelector('[data-testid="restore-error"]', { timeout: 30_000 });
      expect(await page.$eval('.restore button.primary', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
      await page.keyboard.press('Escape');
      await page.waitForSelector('.restore', { hidden: true });
    }
    expect(await everyCookie(page)).toEqual(seeded);
  });

  it('a protected cookie survives bulk delete of its whole site and a restore that would replace it', async () => {
    const before = await backup(page);
    await search(page, `domain:${site(12)}`, '33 of 3,300 cookies');
    const row = `[data-testid="cookie-row"][data-domain="${site(12)}"][data-name="${name(4)}"]`;
    await page.waitForSelector(row);
    await (await page.waitForSelector(`.mrow:has(${row}) button.protect`))?.click();
    await page.waitForFunction(
      (s: string) => document.querySelector(s)?.closest('.mrow')?.querySelector('[data-testid="lock"]'),
      {},
      row,
    );
    // Everything of the site, as "delete all" would.
    await clickButton(page, 'Select all');
    await clickButton(page, 'Delete selected');
    await page.waitForFunction(() =>
      document.querySelector('[role="status"]')?.textContent?.includes('Kept 1 cookie that is protected'),
    );
    const left = (await everyCookie(page)).filter((c) => String(c.domain).endsWith(site(12)));
    expect(left.map((c) => c.name)).toEqual([name(4)]);
    // The site changes the protected cookie; the old backup would replace it: the restore keeps it.
    await setCookies(page, [
      { ...seed(kind, now).find((c) => c.url === `https://${site(12)}/` && c.name === name(4)), value: 'changed' },
    ]);
    await clickButton(page, 'Restore');
    await chooseBackup(page, before.text);
    await page.waitForSelector('[data-testid="restore-protected"]', { timeout: 60_000 });
    expect(
      await page.$$eval('[data-testid="restore-protected"]', (l) => l.map((x) => x.getAttribute('data-name'))),
    ).toEqual([name(4)]);
    await clickButton(page, 'Confirm');
    await page.waitForSelector('[data-testid="restore-outcome"]', { timeout: 120_000 });
    await clickButton(page, 'Close');
    const now12 = (await everyCookie(page)).filter((c) => String(c.domain).endsWith(site(12)));
    expect(now12).toHaveLength(PER_SITE);
    expect(now12.find((c) => c.name === name(4))?.value).toBe('changed');
    await search(page, '', '3,300 cookies');
  });

  if (kind === 'firefox') {
    it("the store switch shows a container's cookies and no others", async () => {
      const storeId = await page.evaluate(async () => {
        type Api = {
          contextualIdentities: { create(d: object): Promise<{ cookieStoreId: string }> };
          cookies: { set(d: object): Promise<unknown> };
        };
        const api = (globalThis as unknown as { browser: Api }).browser;
        const identity = await api.contextualIdentities.create({
          name: 'Lens test box',
          color: 'orange',
          icon: 'briefcase',
        });
        await api.cookies.set({
          url: 'https://work-x.test/',
          name: 'work-only',
          value: 'w',
          storeId: identity.cookieStoreId,
        });
        return identity.cookieStoreId;
      });
      // Listed by its name, with its colour (Firefox's own Work, Personal... are there too).
      const button = await page.waitForSelector(`.store-switch button[data-store="${storeId}"]`);
      expect(await button?.evaluate((b) => b.textContent)).toBe('Lens test box');
      expect(await button?.$eval('.swatch', (s) => getComputedStyle(s).backgroundColor)).toBe('rgb(255, 159, 0)');
      await clickButton(page, 'Lens test box');
      await shownCount(page, '1 cookie');
      expect(await shownRows(page)).toEqual(['work-x.test work-only']);
      expect(await page.evaluate(() => new URLSearchParams(location.search).get('store'))).toBe(storeId);
      // The same store by its address.
      const direct = await session.manager(storeId);
      await shownCount(direct, '1 cookie');
      expect(await shownRows(direct)).toEqual(['work-x.test work-only']);
      await direct.close();
      await clickButton(page, 'Normal');
      await shownCount(page, '3,300 cookies');
    });
  }

  it('saves a screenshot of the manager', async () => {
    await search(page, 'domain:site00', '330 of 3,300 cookies');
    mkdirSync(resolve(root, 'test-results/screenshots'), { recursive: true });
    await page.screenshot({ path: resolve(root, `test-results/screenshots/manager-${kind}.png`) });
    await search(page, '', '3,300 cookies');
  });
});
