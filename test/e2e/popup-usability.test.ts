/**
 * Issue 15: the popup as developers use it, in Chromium's real action popup: type sizes, why a
 * cookie is missing, the keyboard, the edit sheet, refusals, the summary's filters, one-line rows
 * and the message bar. Screenshots go to artifacts/ in light and dark.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { root } from '../../scripts/browsers/paths';
import { startServer } from '../server/server';
import {
  choose,
  clickButton,
  type Driver,
  launchDriver,
  openRow,
  rowSelector,
  setChecked,
  storedCookies,
} from './support/driver';

let server: Awaited<ReturnType<typeof startServer>>;
const http = (path: string) => `http://localhost:${server.httpPort}${path}`;

beforeAll(async () => {
  server = await startServer({ port: 0, httpsPort: 0 });
});
afterAll(async () => {
  await server?.close();
});

/** 51 cookies of every kind on http://localhost/: plain, Secure, HttpOnly-less tokens, long values. */
async function setFiftyOne(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (let i = 0; i < 51; i++) {
      const name = `${['pref', 'sessionid', 'track', 'csrftoken', 'ab'][i % 5]}_${String(i).padStart(2, '0')}`;
      const flags = ['', '; secure', '; samesite=lax', '; secure; samesite=strict', '; max-age=3600'][i % 5];
      document.cookie = `${name}=${'v'.repeat(8 + (i % 7) * 6)}${i}; path=/${flags}`;
    }
  });
}

/** Rows whose head is wholly visible in the popup without scrolling. */
function rowsThatFit(popup: Page): Promise<number> {
  return popup.evaluate(() => {
    const list = document.querySelector('.list');
    if (!list) return 0;
    const bottom = Math.min(list.getBoundingClientRect().bottom, window.innerHeight);
    return [...document.querySelectorAll('[data-testid="cookie-row"] .row-head')].filter(
      (h) => h.getBoundingClientRect().bottom <= bottom + 0.5,
    ).length;
  });
}

describe('popup usability in chrome', () => {
  let driver: Driver;
  const open: Page[] = [];
  beforeAll(async () => {
    driver = await launchDriver('chrome');
    mkdirSync(resolve(root, 'artifacts'), { recursive: true });
  });
  afterAll(async () => {
    await driver?.close();
  });
  beforeEach(async () => {
    // Secure cookies set over http://localhost cannot be deleted one by one over CDP: empty the jar.
    const session = await driver.browser.target().createCDPSession();
    await session.send('Storage.clearCookies');
    await session.detach();
    expect(await storedCookies(driver.browser)).toEqual([]);
  });
  afterEach(async () => {
    for (const page of open.splice(0)) await page.close().catch(() => {});
  });
  const site = async (url: string) => {
    const page = await driver.browser.newPage();
    open.push(page);
    await page.goto(url);
    return page;
  };
  const popupFor = async (page: Page, waitFor: string) => {
    const popup = await driver.openPopup(page);
    open.push(popup);
    await popup.waitForSelector(waitFor, { timeout: 20_000 });
    return popup;
  };
  const shoot = async (popup: Page, name: string) => {
    await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await popup.screenshot({ path: resolve(root, `artifacts/${name}-light.png`) });
    await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await popup.screenshot({ path: resolve(root, `artifacts/${name}-dark.png`) });
    await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  };

  it('at 51 cookies: one-line rows, 13/12/11 px type that Chrome cannot shrink', async () => {
    const page = await site(http('/'));
    await setFiftyOne(page);
    const popup = await popupFor(page, rowSelector('ab_49'));
    const fit = await rowsThatFit(popup);
    const size = await popup.evaluate(() => `${innerWidth}x${innerHeight}`);
    console.log(`rows that fit at 51 cookies in a ${size} popup: ${fit} (6 before issue 15)`);
    await shoot(popup, 'popup-51-cookies');
    expect(fit).toBeGreaterThanOrEqual(16);
    const style = await popup.$eval(rowSelector('pref_00'), (row) => {
      const css = (sel: string) => getComputedStyle(row.querySelector(sel) as Element);
      return {
        name: [css('.name').fontSize, css('.name').fontWeight],
        value: [css('.value').fontSize, css('.value').fontFamily.includes('monospace')],
        expiry: [css('.expiry').fontSize, css('.expiry').fontVariantNumeric],
        search: getComputedStyle(document.querySelector('input[type="search"]') as Element).fontSize,
        button: getComputedStyle(document.querySelector('.toolbar button') as Element).fontSize,
        oneLine: (row.querySelector('.row-head') as HTMLElement).getBoundingClientRect().height,
      };
    });
    expect(style.name).toEqual(['13px', '600']);
    expect(style.value).toEqual(['12px', true]);
    expect(style.expiry).toEqual(['11px', 'tabular-nums']);
    expect([style.search, style.button]).toEqual(['13px', '13px']);
    expect(style.oneLine).toBeLessThan(30); // one line: two would be over 40 px
    // Badges say what is wrong in words; the rule id is in the tooltip.
    const badge = await popup.$eval(`${rowSelector('pref_00')} [data-rule="missing-secure"]`, (b) => [b.textContent, b.getAttribute('title')]);
    expect(badge[0]).toBe('Not Secure');
    expect(badge[1]).toContain('missing-secure');
    // The edit form's Value field is monospace too.
    await openRow(popup, 'pref_00');
    await clickButton(popup, 'Edit', rowSelector('pref_00'));
    const area = await popup.waitForSelector('form.cookie-form textarea');
    expect(await area?.evaluate((t) => getComputedStyle(t).fontFamily)).toContain('monospace');
  });

  it('summary: counts cookies, pills filter, "High and medium", grade names and shows its worst cookie', async () => {
    const page = await site(http('/'));
    await setFiftyOne(page);
    const popup = await popupFor(page, rowSelector('ab_49'));
    const rows = () => popup.$$eval('[data-testid="cookie-row"]', (r) => r.length);
    const pill = (s: string) => popup.$eval(`[data-summary-severity="${s}"]`, (p) => p.textContent ?? '');
    // Every cookie counts once per severity, however many findings of it the cookie has.
    for (const s of ['high', 'medium', 'low', 'info']) expect(Number.parseInt(await pill(s), 10)).toBeLessThanOrEqual(51);
    const high = Number.parseInt(await pill('high'), 10);
    await popup.click('[data-summary-severity="high"]');
    await popup.waitForFunction((n: number) => document.querySelectorAll('[data-testid="cookie-row"]').length === n, {}, high);
    expect(await popup.$eval('[data-summary-severity="high"]', (p) => p.getAttribute('aria-pressed'))).toBe('true');
    await popup.click('[data-summary-severity="high"]');
    await popup.waitForFunction(() => document.querySelectorAll('[data-testid="cookie-row"]').length === 51);
    await popup.click('label.check:has(input) ::-p-text(High and medium)');
    await popup.waitForFunction(() => document.querySelectorAll('[data-testid="cookie-row"]').length < 51);
    const kept = await popup.$$eval('[data-testid="cookie-row"]', (rs) =>
      rs.every((r) => r.querySelector('[data-severity="high"], [data-severity="medium"]')),
    );
    expect(kept).toBe(true);
    expect(await rows()).toBeGreaterThan(0);
    // The grade names the cookie that decides it, and takes you there.
    const worst = await popup.$eval('.summary .worst .isolate', (e) => e.textContent ?? '');
    await clickButton(popup, `Grade F: show ${worst}, the worst cookie`);
    await popup.waitForSelector(`${rowSelector(worst)}.open`);
    expect(await rows()).toBe(51);
  });

  it('the Flask /setcookie page: no grade, and the header that stored nothing with its cause one click away', async () => {
    const page = await site(http('/setcookie'));
    const popup = await popupFor(page, '[data-testid="not-stored-header"]');
    expect(await popup.$('.grade')).toBeNull();
    expect(await popup.$eval('.summary .count', (c) => c.textContent)).toBe('0 cookies');
    expect(await popup.$$eval('p.empty', (e) => e.map((x) => x.textContent))).toEqual(['No cookies for this page.']);
    const line = await popup.$eval('[data-testid="not-stored"]', (e) => e.textContent ?? '');
    expect(line).toContain('1 Set-Cookie header was not stored:');
    expect(line).toContain('username, expired on arrival (Expires 1970)');
    await clickButton(popup, 'Details of username');
    const why = await popup.waitForSelector('[data-testid="not-stored"] .why');
    const text = await why?.evaluate((e) => e.textContent ?? '');
    expect(text).toContain('Set-Cookie: username=JohnDoe; Expires=Thu, 01 Jan 1970 01:00:00 GMT; Path=/');
    expect(text).toContain('Max-Age=3600');
    await shoot(popup, 'popup-flask-setcookie');
  });

  it('keyboard: ArrowDown and Enter from search, focus after Delete, Edit focuses Value, Ctrl+Z undoes, Esc closes only the form', async () => {
    const page = await site(http('/'));
    await page.evaluate(() => {
      for (const n of ['alpha', 'beta', 'gamma']) document.cookie = `${n}=1; path=/`;
    });
    const popup = await popupFor(page, rowSelector('gamma'));
    const focusedRow = () =>
      popup.evaluate(() => document.activeElement?.closest('[data-testid="cookie-row"]')?.getAttribute('data-name'));
    await popup.focus('input[type="search"]');
    await popup.keyboard.press('ArrowDown');
    expect(await focusedRow()).toBe('alpha');
    await popup.focus('input[type="search"]');
    await popup.keyboard.type('bet');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector(`${rowSelector('beta')}.open`);
    expect(await focusedRow()).toBe('beta');
    // Edit opens with the Value field focused; Esc closes the form (its default prevented), not the popup.
    await clickButton(popup, 'Edit', rowSelector('beta'));
    await popup.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    const prevented = await popup.evaluate(() => {
      const event = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
      document.activeElement?.dispatchEvent(event);
      return event.defaultPrevented;
    });
    expect(prevented).toBe(true);
    await popup.waitForFunction(() => !document.querySelector('form.cookie-form'));
    expect(popup.isClosed()).toBe(false);
    // Delete moves focus to the next row, where the arrows keep working.
    await popup.$eval('input[type="search"]', (i) => (i as HTMLInputElement).blur());
    await popup.click('input[type="search"]', { count: 3 });
    await popup.keyboard.press('Backspace');
    await popup.waitForSelector(rowSelector('alpha'));
    await popup.focus(`${rowSelector('alpha')} .row-head`);
    await popup.keyboard.press('Delete');
    await popup.waitForSelector(rowSelector('alpha'), { hidden: true });
    await popup.waitForFunction(
      () => document.activeElement?.closest('[data-testid="cookie-row"]')?.getAttribute('data-name') === 'beta',
    );
    // The message bar names what was deleted and offers Undo; Ctrl+Z undoes too.
    expect(await popup.$eval('p.status.bar', (p) => p.textContent)).toMatch(/^Deleted alpha\..*· ?Undo$/);
    await popup.keyboard.down('Control');
    await popup.keyboard.press('z');
    await popup.keyboard.up('Control');
    await popup.waitForSelector(rowSelector('alpha'));
    expect((await storedCookies(driver.browser)).some((c) => c.name === 'alpha')).toBe(true);
    await popup.keyboard.press('ArrowDown');
    expect(await focusedRow()).toBeTruthy();
  });

  it('a refused edit: the form is a sheet with Save pinned, one message, a one-click fix, "Save anyway"', async () => {
    const page = await site(http('/'));
    await page.evaluate(() => {
      document.cookie = 'plain=keep; path=/; samesite=lax';
    });
    const popup = await popupFor(page, rowSelector('plain'));
    // Add cookie says nothing about refusals before anything is typed.
    await clickButton(popup, 'Add cookie');
    await popup.waitForSelector('form.cookie-form');
    await new Promise((r) => setTimeout(r, 600));
    expect(await popup.$('[data-testid="refusal-warning"], form .advice')).toBeNull();
    expect(await popup.evaluate(() => document.activeElement?.closest('label')?.firstChild?.textContent)).toBe('Name');
    await clickButton(popup, 'Cancel');
    await openRow(popup, 'plain');
    await clickButton(popup, 'Edit', rowSelector('plain'));
    await choose(popup, 'SameSite', 'none');
    await setChecked(popup, 'Secure', false);
    await popup.waitForSelector('[data-testid="refusal-warning"]');
    await shoot(popup, 'popup-edit-refusal');
    const sheet = await popup.evaluate(() => {
      const form = document.querySelector('form.cookie-form') as HTMLElement;
      const save = [...form.querySelectorAll('button')].find((b) => b.textContent === 'Save anyway') as HTMLElement;
      const r = save.getBoundingClientRect();
      return {
        title: form.querySelector('h2')?.textContent,
        saveVisible: r.top >= 0 && r.bottom <= window.innerHeight,
        messages: [...form.querySelectorAll('[data-testid="refusal-warning"], [role="alert"], .advice li')].map((e) => e.textContent),
      };
    });
    expect(sheet.title).toBe('Edit plain');
    expect(sheet.saveVisible).toBe(true);
    expect(sheet.messages).toHaveLength(1);
    expect(sheet.messages[0]).toMatch(/SameSite=None/);
    await clickButton(popup, 'Turn on Secure');
    await popup.waitForSelector('[data-testid="refusal-warning"]', { hidden: true });
    await clickButton(popup, 'Save');
    await popup.waitForFunction(() => !document.querySelector('form.cookie-form'));
    const stored = (await storedCookies(driver.browser)).find((c) => c.name === 'plain');
    expect([stored?.secure, stored?.sameSite]).toEqual([true, 'None']);
  });

  it('delete all: the destructive action is the primary, focused button', async () => {
    const page = await site(http('/'));
    await page.evaluate(() => {
      document.cookie = 'one=1; path=/';
    });
    const popup = await popupFor(page, rowSelector('one'));
    await clickButton(popup, 'Delete all');
    await popup.waitForSelector('[data-testid="delete-all-dialog"]');
    // The dialog takes focus once it is shown (an effect after its first paint), not in the same frame.
    await popup.waitForFunction(() => document.activeElement?.closest('[data-testid="delete-all-dialog"]'));
    const focused = await popup.evaluate(() => [document.activeElement?.textContent, document.activeElement?.className]);
    expect(focused).toEqual(['Confirm delete all', 'primary danger']);
    // High severity, errors, Delete, low severity and links: each its own colour, told apart at a glance
    // (every pair at least 60 apart in RGB), in light and dark.
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      const colours = await popup.evaluate(() =>
        ['--high', '--error', '--danger', '--low', '--accent'].map((v) => {
          const probe = document.createElement('span');
          probe.style.color = `var(${v})`;
          document.body.append(probe);
          const rgb = getComputedStyle(probe).color.match(/\d+/g)?.slice(0, 3).map(Number) ?? [];
          probe.remove();
          return rgb;
        }),
      );
      for (const [i, a] of colours.entries()) {
        for (const b of colours.slice(i + 1)) {
          const distance = Math.hypot(...a.map((x, k) => x - (b[k] ?? 0)));
          expect(distance, `${scheme}: ${a} vs ${b}`).toBeGreaterThanOrEqual(60);
        }
      }
    }
    await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  });
});
