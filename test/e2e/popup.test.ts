/**
 * The popup, driven as a person would in Chromium's real action popup and in Firefox's popup page,
 * against the bundled sample server. Cookie state is checked through the browser itself, never
 * through the extension under test.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer } from '../server/server';
import { launchFirefox, openFirefoxExtensionPageFor } from '../../scripts/browsers/firefox';
import { root } from '../../scripts/browsers/paths';
import {
  apiCookies,
  type BrowserKind,
  choose,
  clearCookies,
  clickButton,
  type Driver,
  essence,
  field,
  launchDriver,
  openRow,
  rowNames,
  rowSelector,
  setChecked,
  storedCookies,
  typeInto,
} from './support/driver';

let server: Awaited<ReturnType<typeof startServer>>;
const http = (path: string) => `http://localhost:${server.httpPort}${path}`;
const https = (path: string) => `https://localhost:${server.httpsPort}${path}`;

beforeAll(async () => {
  server = await startServer({ port: 0, httpsPort: 0 });
});
afterAll(async () => {
  await server?.close();
});

/** Opens a site page, remembering it in `open` so the test's cleanup closes it. */
async function openSite(driver: Driver, open: Page[], url: string): Promise<Page> {
  const page = await driver.browser.newPage();
  open.push(page);
  await page.goto(url);
  return page;
}

/** Opens the popup for `page` and waits until `waitFor` is on screen. */
async function openPopupFor(driver: Driver, open: Page[], page: Page, waitFor: string): Promise<Page> {
  const popup = await driver.openPopup(page);
  open.push(popup);
  await popup.waitForSelector(waitFor, { timeout: 20_000 });
  return popup;
}

describe.each(['chrome', 'firefox'] as BrowserKind[])('popup in %s', (kind) => {
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

  const site = (url: string) => openSite(driver, open, url);
  const popupFor = (page: Page, waitFor: string) => openPopupFor(driver, open, page, waitFor);
  const cookie = async (name: string, path = '/') =>
    (await storedCookies(driver.browser)).find((c) => c.name === name && c.path === path);
  /** A cookie a page has just set by script: the browser's store has it a moment after document.cookie. */
  const setByScript = async (name: string) => {
    for (let tries = 0; tries < 100; tries++) {
      const found = await cookie(name);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${name} never reached the browser's cookie store`);
  };
  const everything = async () =>
    (await storedCookies(driver.browser))
      .map(essence)
      .sort((a, b) => `${a.name}${a.path}`.localeCompare(`${b.name}${b.path}`));

  it('edits a value and keeps every other attribute', async () => {
    const page = await site(https('/good/preference'));
    const before = essence((await cookie('theme'))!);
    const popup = await popupFor(page, rowSelector('theme'));
    await openRow(popup, 'theme');
    await clickButton(popup, 'Edit');
    await typeInto(popup, 'Value', 'light');
    await clickButton(popup, 'Save');
    await popup.waitForFunction(() => document.querySelector('[role="status"]')?.textContent?.includes('Saved theme'));
    expect(essence((await cookie('theme'))!)).toEqual({ ...before, value: 'light' });
    expect(await page.evaluate(() => document.cookie)).toContain('theme=light');
  });

  it('renames a cookie: the old one is gone, the new one is there, nothing else changed', async () => {
    const page = await site(https('/good/preference'));
    await page.evaluate(() => {
      document.cookie = 'bystander=1; path=/; secure; samesite=lax';
    });
    const before = await everything();
    const popup = await popupFor(page, rowSelector('bystander'));
    await openRow(popup, 'theme');
    await clickButton(popup, 'Edit');
    await typeInto(popup, 'Name', 'colour-scheme');
    await clickButton(popup, 'Save');
    await popup.waitForSelector(rowSelector('colour-scheme'));
    const after = await everything();
    const expected = before.map((c) => (c.name === 'theme' ? { ...c, name: 'colour-scheme' } : c));
    expect(after).toEqual(expected.sort((a, b) => `${a.name}${a.path}`.localeCompare(`${b.name}${b.path}`)));
    expect(await rowNames(popup)).not.toContain('theme@/');
  });

  it('a refused edit (SameSite=None without Secure) leaves the original identical and shows the reason', async () => {
    const page = await site(http('/'));
    await page.evaluate(() => {
      document.cookie = 'plain=keep; path=/; samesite=lax';
    });
    const before = essence(await setByScript('plain'));
    const popup = await popupFor(page, rowSelector('plain'));
    await openRow(popup, 'plain');
    await clickButton(popup, 'Edit');
    await typeInto(popup, 'Value', 'changed');
    await choose(popup, 'SameSite', 'none');
    await setChecked(popup, 'Secure', false);
    // The refusal is predicted: the button says so.
    await clickButton(popup, 'Save anyway');
    const alert = await popup.waitForSelector('form [role="alert"]', { timeout: 10_000 });
    expect(await alert?.evaluate((el) => el.textContent)).toMatch(/SameSite=None/);
    // Still there, identical: a refused edit loses nothing.
    const after = await cookie('plain');
    expect(after).toBeDefined();
    expect(essence(after!)).toEqual(before);
    // The form stays filled with what the user typed.
    expect(await (await field(popup, 'Value')).evaluate((el) => (el as HTMLTextAreaElement).value)).toBe('changed');
  });

  it('a refused edit (__Host- with a Domain) leaves the original identical and shows the reason', async () => {
    const page = await site(https('/good/host-session'));
    const before = essence((await cookie('__Host-sid'))!);
    const popup = await popupFor(page, rowSelector('__Host-sid'));
    await openRow(popup, '__Host-sid');
    await clickButton(popup, 'Edit');
    await setChecked(popup, 'Host-only', false);
    await clickButton(popup, 'Save anyway');
    const alert = await popup.waitForSelector('form [role="alert"]', { timeout: 10_000 });
    expect(await alert?.evaluate((el) => el.textContent)).toMatch(/__Host-.*Domain/);
    expect(await everything()).toEqual([before]);
  });

  it('delete then undo restores an identical cookie (every attribute)', async () => {
    const page = await site(https('/good/preference'));
    await page.goto(https('/good/host-session'));
    const before = await everything();
    expect(before.map((c) => c.name).sort()).toEqual(['__Host-sid', 'theme']);
    const popup = await popupFor(page, rowSelector('theme'));
    for (const name of ['theme', '__Host-sid']) {
      await openRow(popup, name);
      await clickButton(popup, 'Delete', rowSelector(name));
      await popup.waitForSelector(rowSelector(name), { hidden: true });
    }
    expect(await everything()).toEqual([]);
    // The journal outlives the popup: close it and undo from a new one.
    await popup.close();
    const again = await popupFor(page, '.toolbar');
    await clickButton(again, 'Undo');
    await again.waitForSelector(rowSelector('__Host-sid'));
    await clickButton(again, 'Undo');
    await again.waitForSelector(rowSelector('theme'));
    expect(await everything()).toEqual(before);
  });

  it('keeps same-name cookies on two paths distinct through edit and delete', async () => {
    const page = await site(https('/paths/app/page'));
    const popup = await popupFor(page, rowSelector('dup', '/paths/app'));
    await popup.waitForSelector(rowSelector('dup', '/'));
    const before = await everything();
    const root = before.find((c) => c.name === 'dup' && c.path === '/');
    await openRow(popup, 'dup', '/paths/app');
    await clickButton(popup, 'Edit', rowSelector('dup', '/paths/app'));
    await typeInto(popup, 'Value', 'edited');
    await clickButton(popup, 'Save');
    await popup.waitForFunction(() => document.querySelector('[role="status"]')?.textContent?.includes('Saved'));
    expect((await cookie('dup', '/paths/app'))?.value).toBe('edited');
    expect(essence((await cookie('dup', '/'))!)).toEqual(root);
    await openRow(popup, 'dup', '/paths/app');
    await clickButton(popup, 'Delete', rowSelector('dup', '/paths/app'));
    await popup.waitForSelector(rowSelector('dup', '/paths/app'), { hidden: true });
    expect(await cookie('dup', '/paths/app')).toBeUndefined();
    expect(essence((await cookie('dup', '/'))!)).toEqual(root);
  });

  it('tells the user when the site changed the cookie while its form was open, and overwrites only when asked', async () => {
    const page = await site(https('/good/preference'));
    const popup = await popupFor(page, rowSelector('theme'));
    await openRow(popup, 'theme');
    await clickButton(popup, 'Edit');
    await typeInto(popup, 'Value', 'mine');
    await page.evaluate(() => {
      document.cookie = 'theme=from-site; path=/; secure; samesite=lax; max-age=31536000';
    });
    await clickButton(popup, 'Save');
    const alert = await popup.waitForFunction(
      () =>
        [...document.querySelectorAll('form.cookie-form [role="alert"], form.cookie-form .error')]
          .map((e) => e.textContent)
          .join(' '),
      { timeout: 10_000 },
    );
    expect(await alert.jsonValue()).toContain(
      'theme was changed by the site since you opened it (its value is now "from-site")',
    );
    expect((await cookie('theme'))?.value).toBe('from-site');
    // Saving again overwrites knowingly; Undo then brings back the site's value, not the stale one.
    await clickButton(popup, 'Save');
    await popup.waitForFunction(() => !document.querySelector('form.cookie-form'));
    expect((await cookie('theme'))?.value).toBe('mine');
    await clickButton(popup, 'Undo');
    await popup.waitForFunction(() => document.querySelector('[role="status"]')?.textContent?.includes('Undone'));
    expect((await cookie('theme'))?.value).toBe('from-site');
  });

  it('unticking Host-only on localhost never loses the original', async () => {
    const page = await site(http('/'));
    await page.evaluate(() => {
      document.cookie = 'local_pref=v1; path=/';
    });
    const before = essence(await setByScript('local_pref'));
    const popup = await popupFor(page, rowSelector('local_pref'));
    await openRow(popup, 'local_pref');
    await clickButton(popup, 'Edit', rowSelector('local_pref'));
    await typeInto(popup, 'Value', 'v2');
    await setChecked(popup, 'Host-only', false);
    await clickButton(popup, 'Save');
    const allLocalPrefs = async () =>
      (await storedCookies(driver.browser)).filter((c) => c.name === 'local_pref').map(essence);
    if (kind === 'firefox') {
      // Firefox refuses a domain cookie for localhost: the original stays exactly as it was.
      await popup.waitForFunction(() =>
        document.querySelector('form.cookie-form [role="alert"]')?.textContent?.includes('Invalid domain'),
      );
      expect(await allLocalPrefs()).toEqual([before]);
      return;
    }
    // Chrome stores it host-only, over the original: saved, said, and undoable.
    await popup.waitForFunction(() => !document.querySelector('form.cookie-form'), { timeout: 10_000 });
    expect(await popup.$eval('[role="alert"]', (e) => e.textContent)).toContain('stored "local_pref" host-only');
    expect((await allLocalPrefs()).map((c) => c.value)).toEqual(['v2']);
    await clickButton(popup, 'Undo');
    await popup.waitForFunction(() => document.querySelector('[role="status"]')?.textContent?.includes('Undone'));
    expect(await allLocalPrefs()).toEqual([before]);
  });

  it('editing a partitioned cookie keeps its partition', async () => {
    const page = await site(https('/'));
    const popup = await popupFor(page, '.toolbar');
    await clickButton(popup, 'Add cookie');
    await typeInto(popup, 'Name', 'chip');
    await typeInto(popup, 'Value', 'one');
    await setChecked(popup, 'Secure', true);
    await setChecked(popup, 'Partitioned', true);
    await clickButton(popup, 'Save');
    await popup.waitForFunction(() => document.querySelector('p.status')?.textContent?.includes('Saved chip'));
    await popup.waitForSelector(`${rowSelector('chip')}[data-partition]`);
    const chipsNow = () => apiCookies(popup, { name: 'chip', partitionKey: {} });
    const [created] = await chipsNow();
    expect(created?.partitionKey).toMatchObject({ topLevelSite: 'https://localhost' });
    await openRow(popup, 'chip');
    await clickButton(popup, 'Edit', rowSelector('chip'));
    await typeInto(popup, 'Value', 'two');
    await clickButton(popup, 'Save');
    // The first save's "Saved chip" is still on screen: wait for the form to close as well.
    await popup.waitForFunction(
      () =>
        !document.querySelector('form.cookie-form') &&
        document.querySelector('[role="status"]')?.textContent?.includes('Saved chip'),
    );
    const chips = await chipsNow();
    expect(chips).toHaveLength(1);
    expect(chips[0]?.value).toBe('two');
    expect(chips[0]?.partitionKey).toEqual(created?.partitionKey);
  });

  it('renders an HTML/script payload value as text and runs nothing', async () => {
    const page = await site(http('/'));
    const payload = '<img src=x onerror=globalThis.__pwned=1><script>globalThis.__pwned=2</script>';
    await page.evaluate((p) => {
      document.cookie = `xss=${p}; path=/`;
    }, payload);
    const popup = await popupFor(page, rowSelector('xss'));
    await openRow(popup, 'xss');
    // The open row's value inspector is rendered (in the same update as everything else in the row):
    // whatever the value would have turned into is on the page by now.
    const shown = await popup.waitForSelector(`${rowSelector('xss')} .row-body [aria-label="Value inspector"] pre`);
    expect(await shown?.evaluate((pre) => pre.textContent)).toBe(payload);
    expect(await popup.evaluate(() => document.querySelectorAll('img, script:not([src])').length)).toBe(0);
    expect(await popup.evaluate(() => (globalThis as { __pwned?: number }).__pwned ?? null)).toBeNull();
    expect(await popup.$eval(rowSelector('xss'), (el) => el.textContent)).toContain(payload);
  });

  it('an import of a malformed file reports each bad row and changes nothing', async () => {
    const page = await site(https('/good/preference'));
    const before = await everything();
    const popup = await popupFor(page, rowSelector('theme'));
    await clickButton(popup, 'Import');
    const file = join(tmpdir(), `cookie-lens-bad-${kind}.txt`);
    writeFileSync(
      file,
      [
        '# Netscape HTTP Cookie File',
        'localhost\tFALSE\t/\tTRUE\tnot-a-number\ta\t1',
        'localhost\tMAYBE\t/\tTRUE\t0\tb\t2',
        'too\tfew\tfields',
        '',
      ].join('\n'),
    );
    const input = (await field(popup, 'File')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await popup.waitForSelector('[data-testid="import-preview"]');
    const errors = await popup.$$eval('[data-testid="import-error"]', (els) =>
      els.map((e) => e.getAttribute('data-line')),
    );
    expect(errors).toEqual(['2', '3', '4']);
    expect(await popup.$('[data-testid="import-row"]')).toBeNull();
    await clickButton(popup, 'Cancel', '[aria-label="Import cookies"]');
    expect(await everything()).toEqual(before);
  });

  it('export to cookies.txt, delete all, then import restores the same cookies', async () => {
    const page = await site(https('/good/preference'));
    await page.goto(https('/good/host-session'));
    await page.evaluate(() => {
      document.cookie = 'visible=yes; path=/; secure';
    });
    // cookies.txt has no SameSite and keeps whole seconds: compare what the format can carry.
    const lossless = (list: Awaited<ReturnType<typeof everything>>) =>
      list.map(({ sameSite: _drop, expires: _seconds, ...rest }) => rest);
    const expiries = (list: Awaited<ReturnType<typeof everything>>) => list.map((c) => c.expires);
    const before = await everything();
    const popup = await popupFor(page, rowSelector('visible'));
    await clickButton(popup, 'Export');
    await choose(popup, 'Format', 'netscape');
    const exported = await popup.$eval('textarea[aria-label="Exported text"]', (t) => (t as HTMLTextAreaElement).value);
    expect(exported).toContain('#HttpOnly_localhost');
    await clickButton(popup, 'Close');
    await clickButton(popup, 'Delete all');
    await clickButton(popup, 'Confirm delete all');
    await popup.waitForSelector('[data-testid="cookie-row"]', { hidden: true });
    expect(await everything()).toEqual([]);
    await clickButton(popup, 'Import');
    await popup.$eval(
      '[aria-label="Import cookies"] textarea',
      (t, text) => {
        const area = t as HTMLTextAreaElement;
        area.value = text;
        area.dispatchEvent(new Event('input', { bubbles: true }));
      },
      exported,
    );
    await clickButton(popup, 'Preview');
    await popup.waitForSelector('[data-testid="import-row"]');
    await clickButton(popup, 'Confirm import');
    await popup.waitForSelector('[data-testid="import-outcome"]');
    await popup.waitForSelector(rowSelector('visible'));
    const after = await everything();
    expect(lossless(after)).toEqual(lossless(before));
    expiries(after).forEach((e, i) => {
      expect(Math.abs(e - (expiries(before)[i] ?? Number.NaN))).toBeLessThanOrEqual(1);
    });
  });

  it('shows a cookie set by the page while the popup is open', async () => {
    const page = await site(http('/'));
    await page.evaluate(() => {
      document.cookie = 'first=1; path=/';
    });
    const popup = await popupFor(page, rowSelector('first'));
    await page.evaluate(() => {
      document.cookie = 'arrived=live; path=/';
    });
    await popup.waitForSelector(rowSelector('arrived'), { timeout: 10_000 });
  });

  it('works from the keyboard: / searches, arrows move, Enter opens, Esc closes, Delete deletes (undoable)', async () => {
    const page = await site(http('/'));
    await page.evaluate(() => {
      document.cookie = 'alpha=1; path=/';
      document.cookie = 'beta=2; path=/';
    });
    const popup = await popupFor(page, rowSelector('beta'));
    await popup.focus('body');
    await popup.keyboard.press('/');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search');
    await popup.evaluate(() => (document.activeElement as HTMLElement).blur());
    const focusedRow = () =>
      popup.evaluate(() => document.activeElement?.closest('[data-testid="cookie-row"]')?.getAttribute('data-name'));
    await popup.keyboard.press('ArrowDown');
    expect(await focusedRow()).toBe('alpha');
    await popup.keyboard.press('ArrowDown');
    expect(await focusedRow()).toBe('beta');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector(`${rowSelector('beta')}.open`);
    await popup.keyboard.press('Escape');
    await popup.waitForSelector(`${rowSelector('beta')}.open`, { hidden: true });
    await popup.keyboard.press('Delete');
    await popup.waitForSelector(rowSelector('beta'), { hidden: true });
    expect(await cookie('beta')).toBeUndefined();
    await clickButton(popup, 'Undo');
    await popup.waitForSelector(rowSelector('beta'));
    expect((await cookie('beta'))?.value).toBe('2');
  });

  it('screenshots the popup on the sample server in light and dark', async () => {
    const page = await site(http('/rules/missing-secure'));
    await page.goto(https('/good/host-session'));
    await page.goto(http('/setcookie-secure'));
    const popup = await popupFor(page, '[data-testid="cookie-row"]');
    await openRow(popup, (await popup.$eval('[data-testid="cookie-row"]', (r) => r.getAttribute('data-name'))) ?? '');
    mkdirSync(resolve(root, 'artifacts'), { recursive: true });
    const background = (p: Page) => p.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await popup.screenshot({ path: resolve(root, `artifacts/popup-${kind}-light.png`) });
    expect(await background(popup)).toBe('rgb(255, 255, 255)');
    if (kind === 'chrome') {
      await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      await popup.screenshot({ path: resolve(root, `artifacts/popup-${kind}-dark.png`) });
      expect(await background(popup)).toBe('rgb(27, 29, 33)');
      return;
    }
    // Firefox over BiDi cannot emulate media features: start one with a dark system theme.
    const dark = await launchFirefox({ prefs: { 'ui.systemUsesDarkTheme': 1 } });
    try {
      const darkSite = await dark.browser.newPage();
      await darkSite.goto(http('/rules/missing-secure'));
      const darkPopup = await openFirefoxExtensionPageFor(dark, darkSite, 'popup/index.html');
      await darkPopup.waitForSelector('[data-testid="cookie-row"]');
      await darkPopup.screenshot({ path: resolve(root, `artifacts/popup-${kind}-dark.png`) });
      expect(await background(darkPopup)).toBe('rgb(27, 29, 33)');
    } finally {
      await dark.browser.close();
    }
  });
});

describe('popup in Firefox containers', () => {
  let driver: Driver;
  const open: Page[] = [];
  beforeAll(async () => {
    driver = await launchDriver('firefox');
  });
  afterAll(async () => {
    await driver?.close();
  });
  const site = (url: string) => openSite(driver, open, url);
  const popupFor = (page: Page, waitFor: string) => openPopupFor(driver, open, page, waitFor);

  it("shows the cookies of the tab's own container, not the default store", async () => {
    const plain = await site(http('/'));
    await plain.evaluate(() => {
      document.cookie = 'where=default; path=/';
    });
    // A WebDriver BiDi user context is a Firefox container (its own cookie store).
    const container = await driver.browser.createBrowserContext();
    try {
      const inside = await container.newPage();
      await inside.goto(http('/'));
      await inside.evaluate(() => {
        document.cookie = 'where=container; path=/';
      });
      const popup = await popupFor(inside, rowSelector('where'));
      expect(await popup.$eval(rowSelector('where'), (r) => r.textContent)).toContain('container');
      expect(await popup.$$eval('[data-testid="cookie-row"]', (rows) => rows.length)).toBe(1);
      const defaultPopup = await popupFor(plain, rowSelector('where'));
      expect(await defaultPopup.$eval(rowSelector('where'), (r) => r.textContent)).toContain('default');
    } finally {
      await container.close();
    }
  });
});
