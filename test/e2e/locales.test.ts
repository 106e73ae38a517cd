/**
 * Every view in German (Chromium and Firefox ESR, switched to German as a user would) and in the
 * pseudo-locale (Chromium, the PSEUDO_LOCALE=1 build: every message accented and 40% longer), with
 * screenshots kept in artifacts/locale-<run>-<view>.png. In the pseudo-locale no text is clipped or
 * overlaps, and no page is wider than the popup's 800x600 limit.
 *
 * German needs the browsers' German locale files: Debian's chromium-l10n and firefox-esr-l10n-de.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openChromiumExtensionPageFor } from '../../scripts/browsers/chromium';
import { launchFirefox, openFirefoxExtensionPageFor } from '../../scripts/browsers/firefox';
import { root } from '../../scripts/browsers/paths';
import { type RunningServer, startServer } from '../server/server';

const distPseudo = resolve(root, 'dist/chrome-pseudo');
/** Pages that set a handful of cookies on localhost, good and bad, each with Set-Cookie headers. */
const ROUTES = [
  '/setcookie',
  '/rules/missing-httponly-session',
  '/rules/samesite-none-insecure',
  '/rules/long-lifetime',
];

let server: RunningServer;

/** Builds dist/chrome-pseudo in this process (the same vite config as `npm run build`, with PSEUDO_LOCALE=1). */
async function buildPseudo(): Promise<void> {
  const saved = { BROWSER: process.env.BROWSER, PSEUDO_LOCALE: process.env.PSEUDO_LOCALE };
  Object.assign(process.env, { BROWSER: 'chrome', PSEUDO_LOCALE: '1' });
  try {
    await build({ configFile: resolve(root, 'vite.config.ts'), root, logLevel: 'warn' });
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

let pseudoBuildMs = 0;
beforeAll(async () => {
  mkdirSync(resolve(root, 'artifacts'), { recursive: true });
  server = await startServer({ port: 0, httpsPort: 0 });
  const started = Date.now();
  await buildPseudo();
  pseudoBuildMs = Date.now() - started;
});
afterAll(async () => {
  await server?.close();
});

interface Run {
  browser: Browser;
  open(site: Page, path: string): Promise<Page>;
}

/** The text that does not fit where it is: clipped without an ellipsis, overlapping other text, or wider than the page. */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1)
      problems.push(`page is ${doc.scrollWidth}px wide in ${doc.clientWidth}px`);
    // Shown: laid out, not hidden, not the content of a closed <details>, and (on screen) not under an
    // overlay such as the edit form, which covers the list on purpose.
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (r.width <= 0 || r.height <= 0) return false;
      if (!el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) return false;
      const x = r.left + Math.min(r.width / 2, 4);
      const y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return true;
      const top = document.elementFromPoint(x, y);
      return top === null || el.contains(top) || top.contains(el);
    };
    const texts = [...document.querySelectorAll('body *')].filter(
      (el) =>
        [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && /\p{L}/u.test(n.textContent ?? '')) &&
        visible(el),
    ) as HTMLElement[];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    for (const el of texts) {
      const style = getComputedStyle(el);
      const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
      // An ellipsis is a deliberate cut (long cookie names and values); a form control scrolls its own text.
      if (!clips || style.textOverflow === 'ellipsis' || el.matches('textarea, input, select, pre, code, option'))
        continue;
      if (el.scrollWidth > el.clientWidth + 1)
        problems.push(`clipped: ${name(el)} (${el.scrollWidth} > ${el.clientWidth})`);
      if (el.scrollHeight > el.clientHeight + 1 && style.overflowY === 'hidden')
        problems.push(`clipped: ${name(el)} (height ${el.scrollHeight} > ${el.clientHeight})`);
    }
    // Text over text: two text-bearing elements, neither inside the other, whose line boxes intersect
    // (each line of wrapped inline text is a box of its own).
    // What an ancestor that hides its overflow cuts off is not on screen: each box is cut to its ancestors'.
    const clipOf = (el: Element) => {
      let clip = new DOMRect(-1e6, -1e6, 2e6, 2e6);
      for (let a = el.parentElement; a; a = a.parentElement) {
        const cs = getComputedStyle(a);
        if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
        const r = a.getBoundingClientRect();
        const left = Math.max(clip.left, r.left);
        const top = Math.max(clip.top, r.top);
        clip = new DOMRect(left, top, Math.min(clip.right, r.right) - left, Math.min(clip.bottom, r.bottom) - top);
      }
      return clip;
    };
    const cut = (r: DOMRect, c: DOMRect) => {
      const left = Math.max(r.left, c.left);
      const top = Math.max(r.top, c.top);
      return new DOMRect(left, top, Math.min(r.right, c.right) - left, Math.min(r.bottom, c.bottom) - top);
    };
    const boxes = texts.map((el) => {
      const clip = clipOf(el);
      return {
        el,
        rects: [...el.getClientRects()].map((r) => cut(r, clip)).filter((r) => r.width > 0 && r.height > 0),
      };
    });
    const meet = (a: DOMRect, b: DOMRect) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i] as { el: HTMLElement; rects: DOMRect[] };
        const b = boxes[j] as { el: HTMLElement; rects: DOMRect[] };
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        if (a.rects.some((ra) => b.rects.some((rb) => meet(ra, rb))))
          problems.push(`overlap: ${name(a.el)} and ${name(b.el)}`);
      }
    }
    return problems;
  });
}

async function shot(page: Page, run: string, view: string): Promise<void> {
  await page.screenshot({ path: resolve(root, `artifacts/locale-${run}-${view}.png`) });
}

/** Visits the sample pages in a tab of `browser` and returns it, on the last one. */
async function siteTab(browser: Browser): Promise<Page> {
  const site = await browser.newPage();
  for (const route of ROUTES) await site.goto(`http://localhost:${server.httpPort}${route}`);
  return site;
}

/**
 * Screenshots of every view in `run`; with `checkLayout`, asserts that nothing is clipped or overlaps
 * in the popup's 800x600 and in the other views.
 */
async function everyView(run: Run, name: string, checkLayout: boolean, language: string): Promise<void> {
  const site = await siteTab(run.browser);
  const check = async (page: Page, view: string) => {
    await shot(page, name, view);
    if (checkLayout) expect(await layoutProblems(page), `${name} ${view}`).toEqual([]);
  };

  const popup = await run.open(site, 'popup/index.html');
  const uiLanguage = () =>
    (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage();
  expect(await popup.evaluate(uiLanguage)).toBe(language);
  await popup.setViewport({ width: 800, height: 600 });
  await popup.waitForSelector('[data-testid="cookie-row"]');
  await check(popup, 'popup-list');
  await popup.locator('[data-testid="cookie-row"]:first-child .row-head').click();
  await popup.waitForSelector('.row-body .vi');
  await check(popup, 'popup-row');
  await popup.locator('.row-body .actions button:first-child').click();
  await popup.waitForSelector('form.cookie-form');
  await check(popup, 'popup-edit');
  await popup.close();

  const panel = await run.open(site, 'devtools/panel.html');
  await panel.setViewport({ width: 1000, height: 700 });
  await panel.waitForSelector('[data-testid="site-group"] [data-testid="cookie-row"]');
  await check(panel, 'panel-cookies');
  await panel.locator('#tab-log').click();
  await panel.waitForSelector('[data-testid="setcookie-entry"]');
  await check(panel, 'panel-log');
  await panel.close();

  const side = await run.open(site, 'sidepanel/index.html');
  await side.setViewport({ width: 400, height: 700 });
  await side.waitForSelector('.empty, [data-testid="cookie-row"]');
  await check(side, 'sidepanel');
  await side.close();

  const manager = await run.open(site, 'manager/index.html');
  await manager.setViewport({ width: 1000, height: 700 });
  await manager.waitForSelector('[data-testid="cookie-row"]');
  await check(manager, 'manager');
  // A text the background makes (stores/list), worded there in the browser's language.
  const storeName = await manager.$eval('.store-switch .store[data-kind="default"]', (el) => el.textContent?.trim());
  // German says "Standard"; the pseudo-locale brackets and accents it, as every message.
  if (language === 'de') expect(storeName).toBe('Standard');
  else expect(storeName).toMatch(/^\[[^A-Za-z]+\]$/);
  if (language === 'de') {
    // The core's own errors are worded by the page too: a search pattern refused as too slow.
    await manager.type('input[type="search"]', '/(a+)*/');
    await manager.waitForSelector('.query-error[role="alert"]');
    expect(await manager.$eval('.query-error', (el) => el.textContent)).toBe(
      'Dieses Muster könnte bei manchen Werten sehr lange brauchen (eine wiederholte Gruppe, die selbst etwas wiederholt); vereinfachen Sie es.',
    );
  }
  await manager.close();
}

describe('German', () => {
  it('Chromium with --lang=de shows every view in German', async () => {
    const session = await launchChromium({ lang: 'de' });
    try {
      await everyView(
        { browser: session.browser, open: (site, path) => openChromiumExtensionPageFor(session, site, path) },
        'de-chromium',
        false,
        'de',
      );
    } finally {
      await session.browser.close();
    }
  });

  it('Firefox with intl.locale.requested=de shows every view in German', async () => {
    const session = await launchFirefox({ prefs: { 'intl.locale.requested': 'de', 'intl.accept_languages': 'de' } });
    try {
      await everyView(
        { browser: session.browser, open: (site, path) => openFirefoxExtensionPageFor(session, site, path) },
        'de-firefox',
        false,
        'de',
      );
    } finally {
      await session.browser.close();
    }
  });
});

describe('the pseudo-locale', () => {
  it('renders every view without clipped or overlapping text', async () => {
    expect(pseudoBuildMs).toBeGreaterThan(0);
    const session = await launchChromium({ extensionDir: distPseudo });
    try {
      await everyView(
        { browser: session.browser, open: (site, path) => openChromiumExtensionPageFor(session, site, path) },
        'pseudo',
        true,
        'en-US',
      );
    } finally {
      await session.browser.close();
    }
  });
});
