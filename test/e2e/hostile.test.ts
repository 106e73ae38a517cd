/**
 * Hostile cookie text in every view that shows cookies or Set-Cookie headers: the sample server's
 * `/hostile` scenario (HTML and script payloads, javascript: URLs, U+202E, a 4 KB value, control
 * characters, refused headers) opened in Chromium (the real action popup and the real DevTools
 * panel) and Firefox ESR (the popup and panel pages opened for the tab).
 *
 * In each view every row is opened, every value-inspector tab and the edit form shown, and after
 * each step: no element was made from a payload, no payload ran (a global stays undefined, no
 * dialog opened), the payload is there as text, nothing overflows horizontally, and U+202E does not
 * reverse the text that follows the hostile name or value. Screenshots go to artifacts/hostile-*.png.
 *
 * A new view (e.g. a manager page) is one more line in VIEWS.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ElementHandle, Frame, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectationFor, HOSTILE, HOSTILE_GLOBAL, type Scenario, scenarios, scenarioUrls } from '../server/scenarios';
import { type RunningServer, startServer } from '../server/server';
import {
  type ChromiumSession,
  launchChromium,
  openChromiumPanel,
  openChromiumPopup,
} from '../../scripts/browsers/chromium';
import { type FirefoxSession, launchFirefox, openFirefoxExtensionPage } from '../../scripts/browsers/firefox';
import { root } from '../../scripts/browsers/paths';
import { tabIdOf } from '../../scripts/browsers/tabs';
import type { BrowserKind } from './support/driver';

type Target = Page | Frame;

const scenario = scenarios.find((s) => s.id === 'hostile-values') as Scenario;
const RTL = '\u202E';

/** How a view is reached in one browser, for the tab showing the hostile page. */
interface Opener {
  kind: BrowserKind;
  popup(): Promise<Target>;
  /** The DevTools panel with the view-tab of that name selected. */
  panel(tab: 'Cookies' | 'Set-Cookie log'): Promise<Target>;
  /** Any other extension page, opened for the tab (`?tabId=`). */
  page(path: string): Promise<Target>;
  screenshot(target: Target, name: string): Promise<void>;
  /** Dialogs (alert, confirm...) any view or the site opened. */
  dialogs: string[];
}

interface HostileView {
  name: string;
  open(o: Opener): Promise<Target>;
  check(target: Target, o: Opener, view: string): Promise<void>;
}

const VIEWS: HostileView[] = [
  { name: 'popup', open: (o) => o.popup(), check: checkCookieList },
  { name: 'panel-cookies', open: (o) => o.panel('Cookies'), check: checkCookieList },
  { name: 'panel-log', open: (o) => o.panel('Set-Cookie log'), check: checkSetCookieLog },
  // A manager page, once it exists: { name: 'manager', open: (o) => o.page('manager/index.html'), check: checkCookieList },
];

// ------------------------------------------------------------------------------------------------
// Checks run inside the view

interface Problems {
  /** Elements a payload could have made, attributes that run script, links to javascript:. */
  elements: string[];
  /** Boxes wider than their container: `selector scrollWidth>clientWidth`. */
  overflow: string[];
  /** Pairs of letters outside the hostile text that U+202E reversed. */
  reversed: string[];
  /** The global the payloads set, and whether it is set. */
  ran: boolean;
}

/** What must never be in a view's body: every tag and attribute the payloads use, and any script. */
const FORBIDDEN = 'img, svg, script, iframe, frame, object, embed, math, video, audio, b, i, a[href^="javascript:" i]';
/** Boxes that must not be wider than their container. */
const BOXES = [
  'html',
  'body',
  '.workbench',
  '.list',
  '.devtools-panel',
  '.setcookie-log',
  '.log-list',
  '[data-testid="site-group"]',
  '[data-testid="cookie-row"]',
  '.row-head',
  '.row-body',
  '.vi',
  '.vi pre',
  '.cookie-form',
  '[data-testid="setcookie-entry"]',
  '.entry-head',
  '.entry-body',
  '.raw-header',
];

/**
 * Runs in the view. `hostile` are the texts a reversed order is allowed in (names and values
 * holding U+202E); letters elsewhere in a row, entry or form that holds U+202E must read left to right.
 */
function inspect(target: Target, hostile: string[]): Promise<Problems> {
  return target.evaluate(
    (forbidden: string, boxes: string[], exempt: string[], global: string) => {
      const elements: string[] = [];
      for (const el of document.body.querySelectorAll(forbidden)) elements.push(el.outerHTML.slice(0, 120));
      for (const el of document.querySelectorAll('*')) {
        for (const attr of el.getAttributeNames()) {
          if (attr.startsWith('on')) elements.push(`${el.tagName} ${attr}`);
        }
        const href = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action');
        if (href && /^\s*(javascript|data|vbscript):/i.test(href)) elements.push(`${el.tagName} ${href.slice(0, 60)}`);
      }
      for (const a of document.querySelectorAll('a[href]')) {
        if (!/^https:\/\//.test(a.getAttribute('href') ?? '')) elements.push(`a ${a.getAttribute('href')}`);
      }

      const overflow: string[] = [];
      // Off-screen rows are laid out when they come into view (content-visibility: auto), so their
      // sizes can be a frame old; each row is checked while it is on screen, when it is opened.
      const onScreen = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight;
      };
      for (const selector of boxes) {
        for (const el of document.querySelectorAll(selector)) {
          if (!onScreen(el)) continue;
          if (el.scrollWidth > el.clientWidth + 1) {
            overflow.push(
              `${selector}${el.getAttribute('data-name') !== null ? `[${el.getAttribute('data-name')}]` : ''} ${el.scrollWidth}>${el.clientWidth}`,
            );
          }
        }
      }
      const viewport = document.documentElement.clientWidth;
      for (const el of document.querySelectorAll(
        '[data-testid="cookie-row"], [data-testid="setcookie-entry"], .cookie-form',
      )) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > viewport + 1)
          overflow.push(`${el.className} right ${Math.round(r.right)}>${viewport}`);
      }

      // Letters outside the hostile texts, in any row, entry or form whose text holds U+202E.
      const reversed: string[] = [];
      const scopes = [
        ...document.querySelectorAll('[data-testid="cookie-row"], [data-testid="setcookie-entry"], .cookie-form'),
      ].filter((el) => (el.textContent ?? '').includes('\u202E') && el.getClientRects().length > 0);
      const range = document.createRange();
      const rect = (node: Text, i: number) => {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        return range.getBoundingClientRect();
      };
      for (const scope of scopes) {
        const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          const text = node.data;
          const free = new Array<boolean>(text.length).fill(true);
          for (const h of exempt) {
            for (let at = text.indexOf(h); at >= 0; at = text.indexOf(h, at + 1)) free.fill(false, at, at + h.length);
          }
          for (let i = 0; i + 1 < text.length; i++) {
            if (!free[i] || !free[i + 1] || !/[A-Za-z]/.test(text[i] ?? '') || !/[A-Za-z]/.test(text[i + 1] ?? ''))
              continue;
            const a = rect(node, i);
            const b = rect(node, i + 1);
            if (a.width === 0 || b.width === 0 || Math.abs(a.top - b.top) > 2) continue;
            if (a.left > b.left + 0.5) reversed.push(`"${text.slice(Math.max(0, i - 12), i + 12)}" at ${i}`);
          }
        }
      }
      return { elements, overflow, reversed, ran: (globalThis as Record<string, unknown>)[global] !== undefined };
    },
    FORBIDDEN,
    BOXES,
    hostile,
    HOSTILE_GLOBAL,
  );
}

/** Every check of `inspect`, as one list of problems (empty when the view is fine). */
async function problems(target: Target, o: Opener, step: string): Promise<string[]> {
  const found = await inspect(target, exemptTexts(o.kind));
  return [
    ...found.elements.map((e) => `${step}: element ${e}`),
    ...found.overflow.map((e) => `${step}: overflow ${e}`),
    ...found.reversed.map((e) => `${step}: reversed ${e}`),
    ...(found.ran ? [`${step}: ${HOSTILE_GLOBAL} was set`] : []),
    ...o.dialogs.map((d) => `${step}: dialog ${d}`),
  ];
}

/** Names and values (and the headers' name=value pairs) that may read right to left. */
function exemptTexts(kind: BrowserKind): string[] {
  const cookies = expectationFor(scenario, kind).cookies;
  return cookies.flatMap((c) => [c.name, c.value ?? '']).filter((t) => t.includes(RTL));
}

function expectedCookies(kind: BrowserKind) {
  return expectationFor(scenario, kind).cookies;
}

// ------------------------------------------------------------------------------------------------
// Driving the views

/** Waits for an element found by `find` (run in the view) and clicks it with a DOM click, however it is scrolled. */
async function clickWhere<A extends unknown[]>(
  target: Target,
  find: (...args: A) => Element | null | undefined,
  ...args: A
): Promise<void> {
  const handle = await target.waitForFunction(
    find as (...a: unknown[]) => unknown,
    { timeout: 10_000, polling: 100 },
    ...args,
  );
  await (handle as ElementHandle<HTMLElement>).evaluate((el) => el.click());
}

type RowAction = 'open' | 'close' | 'opened' | 'closed' | 'name' | 'tabs' | 'tab' | 'text' | 'edit' | 'scroll';

/**
 * One step on the visible row of a cookie name (the same name may also be in a hidden view):
 * open/close/edit click; scroll brings the row to the top; opened/closed/name/tabs/text read; `tab` clicks the inspector tab `label`
 * and `text` reads the inspector's text once that tab is pressed (null before).
 */
function rowDo<R>(target: Target, action: RowAction, name: string, label = ''): Promise<R | null> {
  return target.evaluate(
    (a: RowAction, n: string, l: string) => {
      const r = [...document.querySelectorAll('[data-testid="cookie-row"]')].find(
        (el) => el.getAttribute('data-name') === n && el.getClientRects().length > 0,
      );
      if (!r) return null;
      const head = r.querySelector<HTMLElement>('.row-head');
      const isOpen = head?.getAttribute('aria-expanded') === 'true' && r.querySelector('.row-body .vi pre') !== null;
      const tabs = [...r.querySelectorAll<HTMLElement>('.vi-tabs button')];
      const button = tabs.find((b) => b.textContent === l);
      switch (a) {
        case 'open':
          if (!isOpen) head?.click();
          return true;
        case 'close':
          if (isOpen) head?.click();
          return true;
        case 'opened':
          return isOpen || null;
        case 'closed':
          return !isOpen || null;
        case 'name':
          return r.querySelector('.row-head .name')?.textContent ?? null;
        case 'tabs':
          return tabs.map((b) => b.textContent ?? '');
        case 'tab':
          button?.click();
          return true;
        case 'text':
          return button?.getAttribute('aria-pressed') === 'true'
            ? (r.querySelector('.vi pre')?.textContent ?? null)
            : null;
        case 'scroll':
          r.scrollIntoView({ block: 'start' });
          return true;
        case 'edit':
          [...r.querySelectorAll<HTMLElement>('.actions button')].find((b) => b.textContent === 'Edit')?.click();
          return true;
      }
    },
    action,
    name,
    label,
  ) as Promise<R | null>;
}

/** Polls `read` until it gives something other than null. */
async function until<R>(what: string, read: () => Promise<R | null>, timeout = 10_000): Promise<R> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function waitForRowNames(target: Target, names: string[]): Promise<void> {
  await target.waitForFunction(
    (wanted: string[]) => {
      const shown = new Set(
        [...document.querySelectorAll('[data-testid="cookie-row"]')]
          .filter((r) => r.getClientRects().length > 0)
          .map((r) => r.getAttribute('data-name')),
      );
      return wanted.every((n) => shown.has(n));
    },
    { timeout: 20_000, polling: 100 },
    names,
  );
}

interface TabText {
  tab: string;
  text: string;
}

/** The popup's list, or the panel's Cookies view: each row opened, each inspector tab, the edit form. */
async function checkCookieList(target: Target, o: Opener, view: string): Promise<void> {
  const cookies = expectedCookies(o.kind);
  await waitForRowNames(
    target,
    cookies.map((c) => c.name),
  );
  const found = await problems(target, o, `${view} list`);
  await o.screenshot(target, `${view}-list`);

  const tabs = new Map<string, TabText[]>();
  for (const cookie of cookies) {
    const name = cookie.name;
    const quoted = JSON.stringify(name);
    await rowDo(target, 'open', name);
    await until(`${quoted} open`, () => rowDo<boolean>(target, 'opened', name));
    // The summary line shows the name as text.
    expect(await rowDo<string>(target, 'name', name), `${view}: ${quoted} shown as text`).toBe(name);

    // Every tab of the value inspector.
    const seen: TabText[] = [];
    for (const label of (await rowDo<string[]>(target, 'tabs', name)) ?? []) {
      await rowDo(target, 'tab', name, label);
      const text = await until(`${quoted} tab ${label}`, () => rowDo<string>(target, 'text', name, label));
      seen.push({ tab: label, text });
      found.push(...(await problems(target, o, `${view} ${quoted} ${label}`)));
      if ((name === 'jwt_html' && label === 'JWT') || (name === 'big4k' && label === 'Raw')) {
        await rowDo(target, 'scroll', name);
        await o.screenshot(target, `${view}-${name === 'big4k' ? 'big4k' : 'jwt'}`);
      }
    }
    tabs.set(name, seen);

    // The edit form: the name and value in their fields, as they are.
    await rowDo(target, 'edit', name);
    await target.waitForSelector('form.cookie-form', { timeout: 10_000 });
    const form = await target.evaluate(() => {
      const f = document.querySelector('form.cookie-form');
      return {
        title: f?.querySelector('h2')?.textContent ?? '',
        name: (f?.querySelector('input:not([type])') as HTMLInputElement | null)?.value ?? '',
        value: f?.querySelector('textarea')?.value ?? '',
      };
    });
    expect(form, `${view}: edit form of ${quoted}`).toEqual({ title: `Edit ${name}`, name, value: cookie.value });
    found.push(...(await problems(target, o, `${view} ${quoted} edit form`)));
    if (name === 'rtl_value') await o.screenshot(target, `${view}-edit-rtl`);
    await clickWhere(target, () =>
      [...(document.querySelector('form.cookie-form')?.querySelectorAll('button') ?? [])].find(
        (b) => b.textContent === 'Cancel',
      ),
    );
    await target.waitForFunction(() => !document.querySelector('form.cookie-form'), { timeout: 10_000 });
    if (name === 'rtl_value') {
      await rowDo(target, 'scroll', name);
      await o.screenshot(target, `${view}-rtl-open`);
    }
    await rowDo(target, 'close', name);
    await until(`${quoted} closed`, () => rowDo<boolean>(target, 'closed', name));
  }

  expect(found, `${view}: problems`).toEqual([]);

  // The payloads are there, as text, in the tabs that decode them.
  const tab = (name: string, label: string) => tabs.get(name)?.find((t) => t.tab === label)?.text;
  for (const cookie of cookies)
    expect(tab(cookie.name, 'Raw'), `${view}: raw ${JSON.stringify(cookie.name)}`).toBe(cookie.value);
  expect(tab('json_link', 'URL-decoded')).toContain('"url":"javascript:alert(1)"');
  expect(tab('json_link', 'JSON')).toContain('"html": "<img src=x onerror=alert(2)>"');
  expect(tab('b64_html', 'Base64')).toBe(
    '<img src=x onerror="globalThis.__clHostile=5"><script>globalThis.__clHostile=6</script>',
  );
  expect(tab('jwt_html', 'JWT')).toContain('"sub": "<img src=x onerror=alert(1)>"');
  expect(tab('jwt_html', 'JWT')).toContain('<script>alert(2)</script>');
}

interface EntryText {
  name: string;
  verdict: string;
  source: string;
  raw: string;
  text: string;
}

/** The panel's Set-Cookie log: every header of the scenario, its raw text, attributes and verdict. */
async function checkSetCookieLog(target: Target, o: Opener, view: string): Promise<void> {
  const absent = expectationFor(scenario, o.kind).absent ?? [];
  const headers = scenario.setCookie ?? [];
  const wanted = headers.map((h) => {
    const name = h.slice(0, h.indexOf('='));
    return { name, header: h, verdict: absent.some((a) => a.name === name) ? 'rejected' : 'stored' };
  });
  await target.waitForFunction(
    (want: Array<{ name: string; verdict: string }>) => {
      const shown = [...document.querySelectorAll('[data-testid="setcookie-entry"]')];
      return want.every((w) =>
        shown.some((e) => e.getAttribute('data-name') === w.name && e.getAttribute('data-verdict') === w.verdict),
      );
    },
    { timeout: 20_000, polling: 100 },
    wanted.map(({ name, verdict }) => ({ name, verdict })),
  );
  const entries = (await target.$$eval('[data-testid="setcookie-entry"]', (els) =>
    els.map((e) => ({
      name: e.getAttribute('data-name') ?? '',
      verdict: e.getAttribute('data-verdict') ?? '',
      source: e.getAttribute('data-source') ?? '',
      raw: e.querySelector('.raw-header')?.textContent ?? '',
      text: e.textContent ?? '',
    })),
  )) as EntryText[];

  const found = await problems(target, o, `${view}`);
  await o.screenshot(target, `${view}`);
  // The entries with U+202E and the 4 KB header, in view.
  for (const name of ['rtl_value', 'huge_html']) {
    await target.evaluate((n: string) => {
      const entry = [...document.querySelectorAll('[data-testid="setcookie-entry"]')].find(
        (e) => e.getAttribute('data-name') === n,
      );
      entry?.scrollIntoView({ block: 'start' });
    }, name);
    await o.screenshot(target, `${view}-${name.replace('_', '-')}`);
  }
  expect(found, `${view}: problems`).toEqual([]);

  for (const w of wanted) {
    const entry = entries.find((e) => e.name === w.name && e.source === 'header');
    expect(entry, `${view}: entry for ${JSON.stringify(w.name)}`).toBeDefined();
    // The raw header as text, as the server sent it (Firefox's byte-per-character form is read as UTF-8 again).
    const sent = `Set-Cookie: ${w.header}`;
    expect(entry?.raw, `${view}: raw ${JSON.stringify(w.name)}`).toBe(sent);
  }
  // The script's cookies are logged too, under their names.
  for (const name of ['js_svg', HOSTILE.jsName, 'js_rtl']) {
    expect(
      entries.some((e) => e.name === name && e.source === 'script'),
      `${view}: script entry ${name}`,
    ).toBe(true);
  }
}

// ------------------------------------------------------------------------------------------------
// Browsers

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, httpsPort: 0 });
  mkdirSync(resolve(root, 'artifacts'), { recursive: true });
});
afterAll(async () => {
  await server?.close();
});

async function openSite(browserPage: Page): Promise<void> {
  const { start } = scenarioUrls(scenario, { http: server.httpPort, https: server.httpsPort });
  await browserPage.goto(start);
  await browserPage.waitForFunction(() => document.documentElement.dataset.scenarioDone === '1', { timeout: 10_000 });
}

function recordDialogs(page: Page, into: string[], where: string): void {
  page.on('dialog', (dialog) => {
    into.push(`${where}: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
}

async function chromiumOpener(): Promise<{ opener: Opener; close(): Promise<void> }> {
  const session: ChromiumSession = await launchChromium();
  const dialogs: string[] = [];
  const site = await session.browser.newPage();
  recordDialogs(site, dialogs, 'site');
  await openSite(site);
  let panel: { devtools: Page; panel: Frame } | undefined;
  let popup: Page | undefined;
  const opener: Opener = {
    kind: 'chrome',
    dialogs,
    async popup() {
      popup = await openChromiumPopup(session, site);
      recordDialogs(popup, dialogs, 'popup');
      await popup.waitForSelector('.workbench', { timeout: 20_000 });
      return popup;
    },
    async panel(tab) {
      if (!panel) {
        await popup?.close().catch(() => {});
        panel = await openChromiumPanel(session, site);
        recordDialogs(panel.devtools, dialogs, 'devtools');
        await panel.devtools.setViewport({ width: 1100, height: 900 });
      }
      await showPanelTab(panel.panel, tab);
      return panel.panel;
    },
    async page(path) {
      const page = await session.browser.newPage();
      recordDialogs(page, dialogs, path);
      const probe = await session.browser.newPage();
      await probe.goto(`chrome-extension://${session.extensionId}/popup/index.html?tabId=0`);
      const tabId = await tabIdOf(site, probe);
      await probe.close();
      await page.goto(`chrome-extension://${session.extensionId}/${path}?tabId=${tabId}`);
      return page;
    },
    async screenshot(target, name) {
      const path = resolve(root, `artifacts/hostile-chrome-${name}.png`);
      if ('screenshot' in target) await target.screenshot({ path, fullPage: true });
      else await (await target.frameElement())?.screenshot({ path });
    },
  };
  return { opener, close: () => session.browser.close() };
}

async function firefoxOpener(): Promise<{ opener: Opener; close(): Promise<void> }> {
  const session: FirefoxSession = await launchFirefox();
  const dialogs: string[] = [];
  const site = await session.browser.newPage();
  recordDialogs(site, dialogs, 'site');
  await openSite(site);
  const probe = await openFirefoxExtensionPage(session, 'popup/index.html?tabId=0');
  const tabId = await tabIdOf(site, probe);
  await probe.close();
  const pages = new Map<string, Page>();
  const page = async (path: string) => {
    const open = pages.get(path);
    if (open) return open;
    const p = await openFirefoxExtensionPage(session, `${path}?tabId=${tabId}`);
    recordDialogs(p, dialogs, path);
    await p.setViewport({ width: 800, height: 900 });
    pages.set(path, p);
    return p;
  };
  const opener: Opener = {
    kind: 'firefox',
    dialogs,
    async popup() {
      const p = await page('popup/index.html');
      await p.waitForSelector('.workbench', { timeout: 20_000 });
      return p;
    },
    async panel(tab) {
      const p = await page('devtools/panel.html');
      await showPanelTab(p, tab);
      return p;
    },
    page,
    async screenshot(target, name) {
      await (target as Page).screenshot({
        path: resolve(root, `artifacts/hostile-firefox-${name}.png`),
        fullPage: true,
      });
    },
  };
  return { opener, close: () => session.browser.close() };
}

async function showPanelTab(target: Target, name: 'Cookies' | 'Set-Cookie log'): Promise<void> {
  await clickWhere(
    target,
    (n: string) => [...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent === n),
    name,
  );
  await target.waitForFunction(
    (n: string) =>
      [...document.querySelectorAll('[role="tab"]')].some(
        (t) => t.textContent === n && t.getAttribute('aria-selected') === 'true',
      ),
    { timeout: 10_000 },
    name,
  );
}

describe.each(['chrome', 'firefox'] as BrowserKind[])('hostile values in %s', (kind) => {
  let opener: Opener;
  let close: () => Promise<void> = async () => {};

  beforeAll(async () => {
    ({ opener, close } = kind === 'chrome' ? await chromiumOpener() : await firefoxOpener());
  });
  afterAll(async () => {
    await close();
  });

  it.each(VIEWS.map((v) => [v.name, v] as const))(
    '%s shows every hostile value as inert text, layout intact',
    async (_name, view) => {
      const target = await view.open(opener);
      await view.check(target, opener, view.name);
    },
  );
});
