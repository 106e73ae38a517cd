/**
 * The popup with the keyboard alone, in Chromium's real action popup against the sample server:
 * Tab reaches every control with a visible focus ring, and add, edit, delete, undo, Delete all and
 * import are done without a mouse, focus coming back to a sensible place after every form, dialog
 * and delete. Then high contrast (forced colours) and reduced motion on the popup page: the open
 * row and the focus ring stay distinguishable, nothing transitions. Cookie state is read from the
 * browser itself. (Synthetic keys; test/process/headful-popup.test.ts presses real ones.)
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../../scripts/browsers/paths';
import { type RunningServer, startServer } from '../server/server';
import { clearCookies, type Driver, launchDriver, rowSelector, storedCookies } from './support/driver';
import { waitForRows } from './support/rows';

let server: RunningServer;
let driver: Driver;

beforeAll(async () => {
  server = await startServer({ port: 0, httpsPort: 0 });
  driver = await launchDriver('chrome');
  mkdirSync(resolve(root, 'artifacts'), { recursive: true });
});
afterAll(async () => {
  await driver?.close();
  await server?.close();
});

/** The focused control: what it is, and whether a focus ring shows (a :focus-visible outline or shadow). */
interface Focused {
  what: string;
  row: string | null;
  ring: boolean;
  style?: string;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { what: 'body', row: null, ring: false };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 1;
    const shadow = style.boxShadow !== 'none';
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
    return {
      what: `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${name.slice(0, 40)}"`,
      row: el.classList.contains('row-head') ? (el.closest('[data-testid="cookie-row"]')?.getAttribute('data-name') ?? null) : null,
      // A date field's focus is on its inner part (the field itself is then :focus, not :focus-visible).
      ring: el.matches(':focus-visible, :focus-within') && (outline || shadow),
      style: `${el.matches(':focus-visible')} ${style.outlineStyle} ${style.outlineWidth} ${style.boxShadow} ${el.getAttribute('type')}`,
    };
  });
}

/** Presses Tab until the focused control's text or label is `name`; every control passed shows a ring. */
async function tabTo(page: Page, name: string, seen: Focused[] = []): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    seen.push(now);
    expect(now.ring, `no focus ring on ${now.what} (${now.style})`).toBe(true);
    if (now.what.endsWith(`"${name}"`)) return;
  }
  throw new Error(`Tab never reached "${name}"; passed ${seen.map((s) => s.what).join(', ')}`);
}

const live = (page: Page) => page.$eval('[data-testid="live-region"]', (p) => p.textContent?.trim());
const waitForLive = (page: Page, text: string) =>
  page.waitForFunction(
    (t: string) => document.querySelector('[data-testid="live-region"]')?.textContent?.trim() === t,
    { timeout: 10_000 },
    text,
  );
const waitForFocus = (page: Page, test: string) =>
  page.waitForFunction(test, { timeout: 10_000, polling: 50 }).catch(async () => {
    throw new Error(`focus is on ${(await focused(page)).what}, expected ${test}`);
  });
const rowFocused = (name: string) =>
  `document.activeElement?.classList.contains('row-head') && document.activeElement.closest('[data-testid="cookie-row"]')?.getAttribute('data-name') === ${JSON.stringify(name)}`;
const stored = async (name: string) => (await storedCookies(driver.browser)).find((c) => c.name === name);

describe('the popup with the keyboard alone (Chromium)', () => {
  it('adds, edits, deletes and undoes, with a focus ring on every control and focus back after each dialog', async () => {
    await clearCookies(driver.browser);
    const site = await driver.browser.newPage();
    await site.goto(`http://localhost:${server.httpPort}/script/cookies`);
    const popup = await driver.openPopup(site);
    await waitForRows(popup, ['js_theme', 'server_pref', 'sessionid'], 20_000);

    // Tab from the top reaches Add cookie through the summary and the toolbar, each with a ring.
    const passed: Focused[] = [];
    await tabTo(popup, 'Add cookie', passed);
    expect(passed.length).toBeGreaterThan(4);

    // Add: the form opens on Name; Save by keyboard; focus lands on the new cookie's row.
    await popup.keyboard.press('Enter');
    await waitForFocus(popup, `document.activeElement?.matches('form.cookie-form input')`);
    await popup.keyboard.type('kbd');
    await popup.keyboard.press('Tab');
    await popup.keyboard.type('one');
    await tabTo(popup, 'Save');
    await popup.keyboard.press('Enter');
    await popup.waitForFunction(() => !document.querySelector('form.cookie-form'));
    await waitForFocus(popup, rowFocused('kbd'));
    expect((await focused(popup)).ring).toBe(true);
    expect((await stored('kbd'))?.value).toBe('one');
    await waitForLive(popup, 'Saved kbd. Undo available.');

    // Edit: Enter opens the row, Tab reaches Edit; the form opens on Value; Save; back on the row.
    await popup.keyboard.press('Enter');
    await popup.waitForSelector(`${rowSelector('kbd')}.open`);
    await tabTo(popup, 'Edit');
    await popup.keyboard.press('Enter');
    await waitForFocus(popup, `document.activeElement?.tagName === 'TEXTAREA'`);
    await popup.keyboard.down('Control');
    await popup.keyboard.press('a');
    await popup.keyboard.up('Control');
    await popup.keyboard.type('two');
    await tabTo(popup, 'Save');
    await popup.keyboard.press('Enter');
    await popup.waitForFunction(() => !document.querySelector('form.cookie-form'));
    await waitForFocus(popup, rowFocused('kbd'));
    expect((await stored('kbd'))?.value).toBe('two');

    // Esc closes a form without saving, focus back on the row.
    await tabTo(popup, 'Edit');
    await popup.keyboard.press('Enter');
    await waitForFocus(popup, `document.activeElement?.tagName === 'TEXTAREA'`);
    await popup.keyboard.press('Escape');
    await popup.waitForFunction(() => !document.querySelector('form.cookie-form'));
    await waitForFocus(popup, rowFocused('kbd'));

    // Delete on the row: gone, focus on the row now in its place, and the live region says so.
    await popup.keyboard.press('Delete');
    await popup.waitForSelector(rowSelector('kbd'), { hidden: true });
    await waitForFocus(popup, rowFocused('server_pref'));
    expect((await focused(popup)).ring).toBe(true);
    await waitForLive(popup, 'Deleted kbd. Undo available.');
    expect(await stored('kbd')).toBeUndefined();

    // Ctrl+Z undoes it.
    await popup.keyboard.down('Control');
    await popup.keyboard.press('z');
    await popup.keyboard.up('Control');
    await popup.waitForSelector(rowSelector('kbd'));
    await waitForLive(popup, 'Undone: Deleted kbd.');
    expect((await stored('kbd'))?.value).toBe('two');

    // Delete all: the dialog takes focus; Cancel gives it back to Delete all.
    await popup.keyboard.press('/');
    await tabTo(popup, 'Delete all');
    await popup.keyboard.press('Enter');
    await waitForFocus(popup, `document.activeElement?.textContent === 'Confirm delete all'`);
    await tabTo(popup, 'Cancel');
    await popup.keyboard.press('Enter');
    await popup.waitForFunction(() => !document.querySelector('[data-testid="delete-all-dialog"]'));
    await waitForFocus(popup, `document.activeElement?.textContent?.trim() === 'Delete all'`);
    // Confirmed, nothing is left: Delete all is disabled, so focus rests on the (empty) list.
    await popup.keyboard.press('Enter');
    await waitForFocus(popup, `document.activeElement?.textContent === 'Confirm delete all'`);
    await popup.keyboard.press('Enter');
    await popup.waitForFunction(() => document.querySelectorAll('[data-testid="cookie-row"]').length === 0);
    await waitForFocus(popup, `document.activeElement?.classList.contains('list')`);
    expect((await focused(popup)).ring).toBe(true);
    expect(await live(popup)).toBe('Deleted 4 cookies. Undo available.');
    await popup.keyboard.down('Control');
    await popup.keyboard.press('z');
    await popup.keyboard.up('Control');
    await waitForRows(popup, ['js_theme', 'kbd', 'server_pref', 'sessionid']);

    // Import: the dialog opens on its text field; a preview by keyboard; Esc gives focus back to Import.
    await popup.keyboard.press('/');
    await tabTo(popup, 'Import');
    await popup.keyboard.press('Enter');
    await waitForFocus(popup, `document.activeElement?.matches('section.dialog textarea')`);
    await popup.keyboard.type('imp=1; other=2');
    await tabTo(popup, 'Preview');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('[data-testid="import-preview"] [data-testid="import-row"]');
    await popup.keyboard.press('Escape');
    await popup.waitForFunction(() => !document.querySelector('section.dialog'));
    await waitForFocus(popup, `document.activeElement?.textContent?.trim() === 'Import'`);
    expect((await focused(popup)).ring).toBe(true);
    expect(await stored('imp')).toBeUndefined();
    await popup.close();
    await site.close();
  });
});

describe('high contrast and reduced motion (Chromium)', () => {
  it('keeps the open row and the focus ring distinguishable in forced colours, and nothing moves when motion is reduced', async () => {
    await clearCookies(driver.browser);
    const site = await driver.browser.newPage();
    await site.goto(`http://localhost:${server.httpPort}/script/cookies`);
    const popup = await driver.openExtensionPage(site, 'popup/index.html');
    await popup.setViewport({ width: 800, height: 600 });
    // Puppeteer's emulateMediaFeatures does not know forced-colors: ask the DevTools protocol itself.
    const cdp = await popup.createCDPSession();
    await cdp.send('Emulation.setEmulatedMedia', {
      features: [
        { name: 'forced-colors', value: 'active' },
        { name: 'prefers-reduced-motion', value: 'reduce' },
      ],
    });
    expect(await popup.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    await waitForRows(popup, ['js_theme', 'server_pref', 'sessionid'], 20_000);
    await popup.click(`${rowSelector('sessionid')} .row-head`);
    await popup.waitForSelector(`${rowSelector('sessionid')}.open`);
    // Focus a closed row by keyboard (so :focus-visible applies): the row above the open one.
    await popup.focus(`${rowSelector('sessionid')} .row-head`);
    await popup.keyboard.press('ArrowUp');
    const styles = await popup.evaluate(() => {
      const head = (name: string) =>
        document.querySelector(`[data-testid="cookie-row"][data-name="${name}"] .row-head`) as HTMLElement;
      const look = (el: HTMLElement) => {
        const s = getComputedStyle(el);
        return {
          border: `${s.borderLeftStyle} ${s.borderLeftWidth} ${s.borderLeftColor}`,
          outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
          background: s.backgroundColor,
          weight: s.fontWeight,
        };
      };
      const active = document.activeElement as HTMLElement;
      return {
        open: look(head('sessionid')),
        closed: look(head('js_theme')),
        focusedName: active.closest('[data-testid="cookie-row"]')?.getAttribute('data-name'),
        focused: look(active),
        focusVisible: active.matches(':focus-visible'),
        pageBackground: getComputedStyle(document.body).backgroundColor,
        // Anything that would move (even a style set on the element itself) does not.
        motion: (() => {
          const probe = document.createElement('div');
          probe.style.transition = 'opacity 2s 1s';
          probe.style.animation = 'spin 2s infinite';
          document.body.append(probe);
          const s = getComputedStyle(probe);
          const result = `${s.transitionDuration} ${s.transitionDelay} ${s.animationDuration} ${s.animationIterationCount}`;
          probe.remove();
          return result;
        })(),
      };
    });
    // The open row has a border the closed one has not (a background alone would vanish).
    expect(styles.open.border).toMatch(/^solid [3-9]px /);
    expect(styles.closed.border).not.toBe(styles.open.border);
    // The focused row shows a solid outline of at least 2px, in a colour other than the page's.
    expect(styles.focusedName).toBe('server_pref');
    expect(styles.focusVisible).toBe(true);
    expect(styles.focused.outline).toMatch(/^solid ([2-9]|\d{2})px /);
    expect(styles.focused.outline).not.toContain(styles.pageBackground);
    expect(styles.motion).toBe('0s 0s 0s 1');
    await popup.screenshot({ path: resolve(root, 'artifacts/popup-forced-colors-chrome.png') });
    await popup.close();
    await site.close();
  });
});
