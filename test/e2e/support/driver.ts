/**
 * One way to drive Cookie Lens in either browser, as a person would: open the site, open the popup
 * for it, click buttons by their names, type into labelled fields, read the rows.
 */
import type { Browser, Cookie as PuppeteerCookie, ElementHandle, Frame, Page } from 'puppeteer';
import {
  type ChromiumSession,
  launchChromium,
  openChromiumExtensionPageFor,
  openChromiumPopup,
} from '../../../scripts/browsers/chromium';
import { type FirefoxSession, launchFirefox, openFirefoxExtensionPageFor } from '../../../scripts/browsers/firefox';

export type BrowserKind = 'chrome' | 'firefox';

export interface Driver {
  kind: BrowserKind;
  browser: Browser;
  /** Opens the extension's popup for the tab showing `site` (the real action popup in Chromium). */
  openPopup(site: Page): Promise<Page>;
  /** Opens an extension page (e.g. `devtools/panel.html`) for the tab showing `site`. */
  openExtensionPage(site: Page, path: string): Promise<Page>;
  close(): Promise<void>;
}

export interface DriverOptions {
  /** Firefox preferences set at launch (e.g. a colour scheme, which Firefox cannot emulate per page). */
  firefoxPrefs?: Record<string, unknown>;
}

export async function launchDriver(kind: BrowserKind, options: DriverOptions = {}): Promise<Driver> {
  if (kind === 'chrome') {
    const session: ChromiumSession = await launchChromium();
    return {
      kind,
      browser: session.browser,
      openPopup: (site) => openChromiumPopup(session, site),
      openExtensionPage: (site, path) => openChromiumExtensionPageFor(session, site, path),
      close: () => session.browser.close(),
    };
  }
  const session: FirefoxSession = await launchFirefox(options.firefoxPrefs ? { prefs: options.firefoxPrefs } : {});
  return {
    kind,
    browser: session.browser,
    openPopup: (site) => openFirefoxExtensionPageFor(session, site, 'popup/index.html'),
    openExtensionPage: (site, path) => openFirefoxExtensionPageFor(session, site, path),
    close: () => session.browser.close(),
  };
}

type Target = Page | Frame;

/** Clicks the button whose visible text (or aria-label) is exactly `name`, optionally inside `scope`. */
export async function clickButton(target: Target, name: string, scope?: string): Promise<void> {
  const handle = await target.waitForFunction(
    (n: string, s: string | null) => {
      const root = s ? document.querySelector(s) : document;
      if (!root) return null;
      return (
        [...root.querySelectorAll('button')].find(
          (b) => !b.disabled && ((b.textContent ?? '').trim() === n || b.getAttribute('aria-label') === n),
        ) ?? null
      );
    },
    { timeout: 10_000, polling: 100 },
    name,
    scope ?? null,
  );
  await (handle as ElementHandle<HTMLButtonElement>).click();
}

/** The form control labelled `label` (the label's own text, without its children controls' text). */
export async function field(target: Target, label: string, scope = 'body'): Promise<ElementHandle<Element>> {
  const handle = await target.waitForFunction(
    (l: string, s: string) => {
      const labels = [...(document.querySelector(s)?.querySelectorAll('label') ?? [])];
      const own = (el: Element) =>
        [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? '')
          .join('')
          .trim();
      const match = labels.find((x) => own(x) === l);
      return match?.querySelector('input, textarea, select') ?? null;
    },
    { timeout: 10_000, polling: 100 },
    label,
    scope,
  );
  return handle as ElementHandle<Element>;
}

/** Replaces the text of a labelled field by typing, as a person would. */
export async function typeInto(target: Target, label: string, text: string, scope?: string): Promise<void> {
  const el = await field(target, label, scope);
  await el.evaluate((node) => {
    const input = node as HTMLInputElement | HTMLTextAreaElement;
    input.focus();
    input.select();
  });
  await el.press('Backspace');
  if (text) await el.type(text);
}

export async function setChecked(target: Target, label: string, checked: boolean, scope?: string): Promise<void> {
  const el = await field(target, label, scope);
  const now = await el.evaluate((node) => (node as HTMLInputElement).checked);
  if (now !== checked) await el.click();
}

export async function choose(target: Target, label: string, value: string, scope?: string): Promise<void> {
  const el = await field(target, label, scope);
  await (el as ElementHandle<HTMLSelectElement>).select(value);
}

/** The row of a cookie; `path` tells same-name cookies apart. */
export function rowSelector(name: string, path?: string): string {
  return `[data-testid="cookie-row"][data-name="${name}"]${path ? `[data-path="${path}"]` : ''}`;
}

export async function openRow(target: Target, name: string, path?: string): Promise<void> {
  const head = await target.waitForSelector(`${rowSelector(name, path)} .row-head`, { timeout: 15_000 });
  const open = await head?.evaluate((b) => b.getAttribute('aria-expanded') === 'true');
  if (!open) await head?.click();
}

export async function rowNames(target: Target): Promise<string[]> {
  return target.$$eval('[data-testid="cookie-row"]', (rows) => rows.map((r) => `${r.getAttribute('data-name')}@${r.getAttribute('data-path')}`));
}

/** All cookies the browser holds, read from the browser itself (not through the extension). */
export async function storedCookies(browser: Browser): Promise<PuppeteerCookie[]> {
  return browser.cookies();
}

export async function clearCookies(browser: Browser): Promise<void> {
  const all = await browser.cookies();
  if (all.length > 0) await browser.deleteCookie(...all);
}

/**
 * Cookies as the browser's own cookies API reports them (partition keys included, which WebDriver
 * BiDi does not report), read in an extension page but not through Cookie Lens's code.
 */
export async function apiCookies(extensionPage: Page, details: Record<string, unknown>): Promise<Array<Record<string, unknown>>> {
  return extensionPage.evaluate(async (d) => {
    type Api = { cookies: { getAll(d: object): Promise<Array<Record<string, unknown>>> } };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const api = g.browser ?? g.chrome;
    if (!api) throw new Error('no cookies API in this page');
    return api.cookies.getAll(d);
  }, details);
}

/** The attributes that make a cookie identical, as the browser reports them. */
export function essence(c: PuppeteerCookie) {
  return {
    name: c.name,
    value: c.value,
    domain: c.domain,
    path: c.path,
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: c.sameSite ?? null,
    session: c.session,
    expires: c.session ? -1 : c.expires,
    partitionKey: c.partitionKey ?? null,
  };
}
