/**
 * The DevTools panel end to end, against the sample server: the REAL Chromium DevTools panel (the
 * Cookies and Set-Cookie log views, driven by clicking), and in Firefox the panel page opened for a
 * site's tab (puppeteer cannot open Firefox's DevTools).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../server/server';
import { type ChromiumSession, launchChromium, openChromiumPanel } from '../../scripts/browsers/chromium';
import { type FirefoxSession, launchFirefox, openFirefoxExtensionPageFor } from '../../scripts/browsers/firefox';
import { root } from '../../scripts/browsers/paths';
import { waitForRows } from './support/rows';

interface EntryInfo {
  name: string;
  verdict: string;
  reason: string | null;
  source: string | null;
  text: string;
}

let server: RunningServer;
let http: string;
let https: string;

beforeAll(async () => {
  server = await startServer({ port: 0, httpsPort: 0 });
  http = `http://localhost:${server.httpPort}`;
  https = `https://localhost:${server.httpsPort}`;
});

afterAll(async () => {
  await server?.close();
});

async function readEntries(target: Page | Frame): Promise<EntryInfo[]> {
  return target.$$eval('[data-testid="setcookie-entry"]', (entries) =>
    entries.map((e) => ({
      name: e.getAttribute('data-name') ?? '',
      verdict: e.getAttribute('data-verdict') ?? '',
      reason: e.getAttribute('data-reason'),
      source: e.getAttribute('data-source'),
      text: e.textContent ?? '',
    })),
  );
}

/** Waits until the log shows an entry for every name (with the verdict given, when given). */
async function waitForEntries(target: Page | Frame, wanted: Record<string, string | null>, timeout = 15_000) {
  await target.waitForFunction(
    (want: Record<string, string | null>) => {
      const shown = [...document.querySelectorAll('[data-testid="setcookie-entry"]')];
      return Object.entries(want).every(([name, verdict]) =>
        shown.some(
          (e) =>
            e.getAttribute('data-name') === name && (verdict === null || e.getAttribute('data-verdict') === verdict),
        ),
      );
    },
    { timeout, polling: 100 },
    wanted,
  );
  return readEntries(target);
}

async function clickTab(target: Page | Frame, name: 'Cookies' | 'Set-Cookie log') {
  const tab = await target.waitForSelector(`::-p-aria([name="${name}"][role="tab"])`);
  await tab?.click();
  await target.waitForFunction(
    (n: string) =>
      [...document.querySelectorAll('[role="tab"]')].some(
        (t) => t.textContent === n && t.getAttribute('aria-selected') === 'true',
      ),
    {},
    name,
  );
}

describe('Chromium: the real DevTools panel', () => {
  let session: ChromiumSession;
  let page: Page;
  let devtools: Page;
  let panel: Frame;

  beforeAll(async () => {
    session = await launchChromium();
    page = await session.browser.newPage();
    // The page loads before DevTools opens: the log still has its headers (webRequest in the background).
    await page.goto(`${http}/setcookie`);
    ({ devtools, panel } = await openChromiumPanel(session, page));
    await devtools.setViewport({ width: 1280, height: 900 });
  });

  afterAll(async () => {
    await session?.browser.close();
  });

  it("shows the Flask tutorial's username cookie deleted on arrival, with the Max-Age hint", async () => {
    await clickTab(panel, 'Set-Cookie log');
    const entries = await waitForEntries(panel, { username: 'deleted' });
    const username = entries.find((e) => e.name === 'username');
    expect(username?.source).toBe('header');
    expect(username?.text).toContain('Set-Cookie: username=JohnDoe; Expires=Thu, 01 Jan 1970 01:00:00 GMT; Path=/');
    expect(username?.text).toMatch(/1970-01-01 01:00:00 UTC\) is in the past/);
    expect(username?.text).toContain('Max-Age=3600');
    expect(username?.text).toContain(`${http}/setcookie`);
  });

  it('labels the Flask case "Not stored (expired on arrival)", marks Expires in the header, and the "Not stored" filter keeps it', async () => {
    await clickTab(panel, 'Cookies');
    // No cookies: one empty message, not two.
    await panel.waitForSelector('p.empty');
    expect(await panel.$$eval('p.empty', (e) => e.map((x) => x.textContent))).toEqual(['No cookies for this page.']);
    await clickTab(panel, 'Set-Cookie log');
    await waitForEntries(panel, { username: 'deleted' });
    const entry = '[data-testid="setcookie-entry"][data-name="username"]';
    expect(await panel.$eval(`${entry} .verdict-badge`, (b) => b.textContent)).toBe('Not stored (expired on arrival)');
    expect(await panel.$eval(`${entry} .raw-header mark`, (m) => m.textContent)).toBe(
      '; Expires=Thu, 01 Jan 1970 01:00:00 GMT',
    );
    expect(await panel.$eval(`${entry} .entry-hint`, (h) => h.textContent)).toMatch(/^Fix: .*Max-Age=3600/);
    const select = await panel.waitForSelector('::-p-aria([name="Verdict"][role="combobox"])');
    await select?.select('not-stored');
    await panel.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-testid="setcookie-entry"]')]
          .map((e) => e.getAttribute('data-name'))
          .join() === 'username',
    );
    mkdirSync(resolve(root, 'artifacts'), { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      await devtools.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await devtools.screenshot({ path: resolve(root, `artifacts/panel-log-flask-${scheme}.png`) });
    }
    await devtools.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await select?.select('all');
  });

  it('shows a rejected cookie with its reason, after following the navigation', async () => {
    await page.goto(`http://site.cookielens.test:${server.httpPort}/reject/secure-from-http`);
    const entries = await waitForEntries(panel, { sid: 'rejected' });
    // A new page: the previous page's entries are gone (the log is not preserved).
    expect(entries.map((e) => e.name)).toEqual(['sid']);
    expect(entries[0]?.reason).toBe('secure-from-insecure-origin');
    expect(entries[0]?.text).toContain('not a secure origin');
  });

  it('logs each hop of a redirect chain and jumps from an entry to its cookie and back', async () => {
    await page.goto(`${https}/redirect/start`);
    const entries = await waitForEntries(panel, { hop1: 'stored', hop2: 'stored', hop3: 'stored' });
    expect(entries.map((e) => e.name)).toEqual(['hop1', 'hop2', 'hop3']);
    expect(entries[0]?.text).toContain('302 redirect page');
    expect(entries[0]?.text).toContain(`${https}/redirect/start`);
    expect(entries[2]?.text).toContain('200 page');

    // Entry -> cookie: the Cookies view opens with hop1's row open.
    // A locator waits until the entry is visible and stable (the log re-renders as the browser confirms cookies).
    // The log can say "stored" a moment before the Cookies view has reloaded with the cookie; until then
    // the entry only selects itself. A person sees the entry offer "Show cookie" first; so does the test.
    await panel.waitForSelector('[data-testid="setcookie-entry"][data-name="hop1"] ::-p-aria([name="Show cookie"])');
    await panel.locator('[data-testid="setcookie-entry"][data-name="hop1"] .entry-head').click();
    await panel.waitForSelector('[data-testid="cookie-row"][data-name="hop1"] .row-head[aria-expanded="true"]', {
      visible: true,
    });
    expect(await panel.$eval('#tab-cookies', (t) => t.getAttribute('aria-selected'))).toBe('true');

    // Cookie -> headers: back to the log, filtered to hop1.
    await panel
      .locator('[data-testid="cookie-row"][data-name="hop1"] ::-p-aria([name="Show Set-Cookie headers"])')
      .click();
    await panel.waitForFunction(() => document.querySelectorAll('[data-testid="setcookie-entry"]').length === 1);
    expect((await readEntries(panel)).map((e) => e.name)).toEqual(['hop1']);
    expect(await panel.$eval('input[aria-label="Filter by name"]', (i) => (i as HTMLInputElement).value)).toBe('hop1');
    await panel.$eval('input[aria-label="Filter by name"]', (i) => {
      (i as HTMLInputElement).value = '';
      i.dispatchEvent(new Event('input', { bubbles: true }));
    });
  });

  it("groups a third-party iframe's cookies under the frame's own site, and logs the frame's headers", async () => {
    await page.goto(`${https}/frames/third-party`);
    const entries = await waitForEntries(panel, {
      top_pref: 'stored',
      tp_chip: 'stored',
      tp_lax: 'rejected',
      tp_js: 'stored',
    });
    expect(entries.find((e) => e.name === 'tp_lax')?.reason).toBe('samesite-cross-site');
    expect(entries.find((e) => e.name === 'tp_js')?.source).toBe('script');
    expect(entries.find((e) => e.name === 'tp_chip')?.text).toContain('200 frame');
    // Chromium blocks the unpartitioned third-party tp_id although its header is valid: the log says so
    // once the browser failed to report the cookie.
    const blocked = await waitForEntries(panel, { tp_id: 'rejected' });
    expect(blocked.find((e) => e.name === 'tp_id')?.reason).toBe('blocked-by-browser');
    expect(blocked.find((e) => e.name === 'tp_id')?.text).toContain('third-party');

    await clickTab(panel, 'Cookies');
    await waitForRows(panel, ['top_pref', 'tp_chip', 'tp_js']);
    const groups = await panel.$$eval('[data-testid="site-group"]', (sections) =>
      sections.map((s) => ({
        site: s.getAttribute('data-site'),
        label: s.getAttribute('data-label'),
        heading: s.querySelector('h2')?.textContent,
        names: [...s.querySelectorAll('[data-testid="cookie-row"]')].map((r) => r.getAttribute('data-name')).sort(),
      })),
    );
    // The top-level site keeps the cookies earlier tests left on localhost (hop1...), never the frame's.
    expect(groups[0]).toMatchObject({ site: 'localhost', label: 'top-level' });
    expect(groups[0]?.names).toContain('top_pref');
    expect(groups[0]?.names).not.toEqual(expect.arrayContaining(['tp_chip']));
    expect(groups[0]?.names).not.toContain('tp_js');
    const frame = groups.find((g) => g.site === '127.0.0.1');
    expect(frame?.label).toBe('third-party frame');
    expect(frame?.heading).toContain('127.0.0.1');
    expect(frame?.names).toEqual(expect.arrayContaining(['tp_chip', 'tp_js']));
    expect(frame?.names).not.toContain('top_pref');
    const partitions = await panel.$$eval(
      '[data-site="127.0.0.1"] [data-testid="cookie-row"][data-name="tp_chip"]',
      (rows) => rows.map((r) => r.getAttribute('data-partition')),
    );
    expect(partitions[0]).toContain('https://localhost');

    mkdirSync(resolve(root, 'artifacts'), { recursive: true });
    const frameElement = await panel.frameElement();
    await frameElement?.screenshot({ path: resolve(root, 'artifacts/devtools-panel.png') });
    await clickTab(panel, 'Set-Cookie log');
    await frameElement?.screenshot({ path: resolve(root, 'artifacts/devtools-panel-log.png') });
    await clickTab(panel, 'Cookies');
  });

  it("an edit made in the panel reaches the page's document.cookie", async () => {
    await clickTab(panel, 'Cookies');
    const head = await panel.waitForSelector('[data-testid="cookie-row"][data-name="top_pref"] .row-head');
    await head?.click();
    const edit = await panel.waitForSelector(
      '[data-testid="cookie-row"][data-name="top_pref"] ::-p-aria([name="Edit"][role="button"])',
    );
    await edit?.click();
    const value = await panel.waitForSelector('::-p-aria([name="Value"])');
    await value?.click({ count: 3 });
    await value?.type('edited-in-panel');
    const save = await panel.waitForSelector('::-p-aria([name="Save"][role="button"])');
    await save?.click();
    await page.waitForFunction(() => document.cookie.includes('top_pref=edited-in-panel'), { timeout: 10_000 });
    expect(await page.evaluate(() => document.cookie)).toContain('top_pref=edited-in-panel');
    // The panel's own write is not mistaken for a script-set cookie. A cookie the page sets by script
    // afterwards is logged after any entry the edit could have caused (the log handles cookie changes
    // in order): once it shows, an entry for the edit would be there too.
    await clickTab(panel, 'Set-Cookie log');
    await page.evaluate(() => {
      document.cookie = 'after_edit=1; path=/';
    });
    const entries = await waitForEntries(panel, { after_edit: 'stored' });
    expect(entries.find((e) => e.name === 'after_edit')?.source).toBe('script');
    expect(entries.filter((e) => e.name === 'top_pref' && e.source === 'script')).toEqual([]);
  });
});

describe('Firefox ESR: the panel page opened for a tab', () => {
  let session: FirefoxSession;

  beforeAll(async () => {
    session = await launchFirefox();
  });

  afterAll(async () => {
    await session?.browser.close();
  });

  it("lists the tab's cookies and its Set-Cookie log, header and script entries alike", async () => {
    const page = await session.browser.newPage();
    await page.goto(`${http}/script/cookies`);
    const panel = await openFirefoxExtensionPageFor(session, page, 'devtools/panel.html');
    await waitForRows(panel, ['server_pref', 'js_theme', 'sessionid']);
    const groups = await panel.$$eval('[data-testid="site-group"]', (s) => s.map((g) => g.getAttribute('data-label')));
    expect(groups).toEqual(['top-level']);

    await clickTab(panel, 'Set-Cookie log');
    const entries = await waitForEntries(panel, { server_pref: 'stored', js_theme: 'stored', sessionid: 'stored' });
    expect(entries.find((e) => e.name === 'server_pref')?.source).toBe('header');
    expect(entries.find((e) => e.name === 'js_theme')?.source).toBe('script');
    expect(entries.find((e) => e.name === 'js_theme')?.text).toContain('set by script');

    // The log follows the tab to its next page.
    await page.goto(`${http}/setcookie`);
    const next = await waitForEntries(panel, { username: 'deleted' });
    expect(next.map((e) => e.name)).toEqual(['username']);
    expect(next[0]?.text).toContain('Max-Age=3600');
  });
});
