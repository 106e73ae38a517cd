/**
 * Faults: the background worker is stopped (as Chromium stops idle workers, here on purpose through
 * the DevTools protocol) at a range of moments during a rename, a delete-all, an import and an
 * undo, each driven through the popup as a person would. Afterwards every cookie is in its old or
 * its new state, none is lost (Undo brings the jar back to where it started), and the open popup
 * says what happened in words. Cookie state is read from the browser, never from the extension.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium, openChromiumExtensionPageFor } from '../../scripts/browsers/chromium';
import { type RunningServer, startServer } from '../server/server';
import { clearCookies, clickButton, openRow, rowSelector, typeInto } from './support/driver';

/** Milliseconds after the last click at which the worker is stopped. */
const STOP_AFTER = [0, 1, 3, 6, 10, 20, 40];
const STOPPED_TEXT = "The extension's background stopped before it answered.";

let server: RunningServer;
let session: ChromiumSession;
/** How many runs caught a change half done (a pending journal entry when the worker was stopped). */
const caught: Record<string, number> = {};

beforeAll(async () => {
  server = await startServer({ port: 0, httpsPort: 0 });
  session = await launchChromium();
});
afterAll(async () => {
  console.info('runs stopped with a change half done:', JSON.stringify(caught));
  await session?.browser.close();
  await server?.close();
});
beforeEach(async () => {
  await clearCookies(session.browser);
});

const site = () => `https://localhost:${server.httpsPort}/`;

/** name@path=value for every cookie in the browser, sorted. */
async function jar(): Promise<string[]> {
  const cookies = await session.browser.cookies();
  return cookies.map((c) => `${c.name}@${c.path}=${c.value}`).sort();
}

async function setUp(page: Page, cookies: string[]): Promise<void> {
  await page.evaluate((lines: string[]) => {
    for (const line of lines) document.cookie = line;
  }, cookies);
}

/** Stops the worker `ms` after now; returns whether a change was caught half done. */
async function stopWorkerAfter(popup: Page, ms: number): Promise<boolean> {
  await new Promise((r) => setTimeout(r, ms));
  const worker = await session.worker();
  // Already stopping (or gone) counts as stopped.
  await worker.close().catch(() => {});
  const journal = await popup.evaluate(async () => {
    type Area = { get(key: string): Promise<Record<string, unknown>> };
    const area = (globalThis as unknown as { chrome: { storage: { session: Area } } }).chrome.storage.session;
    return ((await area.get('undoJournal')).undoJournal ?? []) as Array<{ pending?: boolean }>;
  });
  return journal.some((e) => e.pending);
}

/** Reloads the popup (the worker starts again and recovers first) and presses Undo until nothing is left. */
async function undoEverything(popup: Page): Promise<void> {
  await popup.reload();
  await popup.waitForSelector('.toolbar');
  for (let i = 0; i < 6; i++) {
    const undo = await popup.$('button[title^="Undo:"]:not([disabled])');
    if (!undo) return;
    await undo.click();
    await popup.waitForFunction(() => /Undone|Nothing to undo/.test(document.querySelector('[role="status"], [role="alert"]')?.textContent ?? ''));
    await popup.reload();
    await popup.waitForSelector('.toolbar');
  }
}

/** After the stop, the popup either finished normally or says the worker stopped: never silence. */
async function expectClearMessage(popup: Page, done: RegExp): Promise<void> {
  const said = await popup.waitForFunction(
    (doneSource: string, stopped: string) => {
      const text = [...document.querySelectorAll('[role="status"], [role="alert"]')].map((e) => e.textContent).join(' ');
      return new RegExp(doneSource).test(text) || text.includes(stopped) ? text : null;
    },
    { timeout: 15_000 },
    done.source,
    STOPPED_TEXT,
  );
  expect(await said.jsonValue()).toBeTruthy();
}

interface Case {
  name: string;
  cookies: string[];
  /** Drives the popup up to the last click. */
  act(popup: Page): Promise<void>;
  done: RegExp;
  /** Each cookie in its old or its new state, right after recovery. */
  oldOrNew(after: string[]): void;
}

const cases: Case[] = [
  {
    name: 'a rename next to a same-name cookie Chromium removes along with it',
    cookies: ['dup=root; path=/', 'dup=sub; path=/sub', 'keep=1; path=/'],
    async act(popup) {
      await openRow(popup, 'dup', '/sub');
      await clickButton(popup, 'Edit', rowSelector('dup', '/sub'));
      await typeInto(popup, 'Name', 'renamed');
      await clickButton(popup, 'Save');
    },
    done: /Saved renamed/,
    oldOrNew(after) {
      expect(after).toContain('dup@/=root');
      expect(after).toContain('keep@/=1');
      expect(after.filter((c) => c === 'dup@/sub=sub' || c === 'renamed@/sub=sub').length).toBeGreaterThanOrEqual(1);
    },
  },
  {
    name: 'a delete-all',
    cookies: ['a=1; path=/', 'b=2; path=/', 'dup=root; path=/', 'dup=sub; path=/sub'],
    async act(popup) {
      await clickButton(popup, 'Delete all');
      await clickButton(popup, 'Confirm delete all');
    },
    done: /Deleted 4 cookies/,
    oldOrNew(after) {
      for (const c of after) expect(['a@/=1', 'b@/=2', 'dup@/=root', 'dup@/sub=sub']).toContain(c);
    },
  },
  {
    name: 'an import that replaces two cookies and adds two',
    cookies: ['a=old; path=/', 'b=old; path=/', 'dup=root; path=/'],
    async act(popup) {
      await clickButton(popup, 'Import');
      await typeInto(popup, 'Paste cookies (JSON, Playwright storageState, Puppeteer JSON, Netscape cookies.txt or a Cookie header)', 'a=new; b=new; c=new; d=new');
      await clickButton(popup, 'Preview');
      await clickButton(popup, 'Confirm import');
    },
    done: /Imported 4 cookies/,
    oldOrNew(after) {
      expect(after).toContain('dup@/=root');
      expect(after.filter((c) => c === 'a@/=old' || c === 'a@/=new')).toHaveLength(1);
      expect(after.filter((c) => c === 'b@/=old' || c === 'b@/=new')).toHaveLength(1);
    },
  },
  {
    name: 'an undo of a delete-all',
    cookies: ['a=1; path=/', 'b=2; path=/', 'dup=root; path=/', 'dup=sub; path=/sub'],
    async act(popup) {
      await clickButton(popup, 'Delete all');
      await clickButton(popup, 'Confirm delete all');
      await popup.waitForFunction(() => document.querySelector('[role="status"]')?.textContent?.includes('Deleted 4 cookies'));
      await clickButton(popup, 'Undo');
    },
    done: /Undone/,
    oldOrNew(after) {
      for (const c of after) expect(['a@/=1', 'b@/=2', 'dup@/=root', 'dup@/sub=sub']).toContain(c);
    },
  },
];

describe('the worker stopped in the middle of a change (Chromium)', () => {
  for (const c of cases) {
    it(`${c.name}: every cookie old or new, none lost, the popup says what happened`, async () => {
      caught[c.name] = 0;
      for (const ms of STOP_AFTER) {
        await clearCookies(session.browser);
        const page = await session.browser.newPage();
        await page.goto(site());
        await setUp(page, c.cookies);
        const start = await jar();
        const popup = await openChromiumExtensionPageFor(session, page, 'popup/index.html');
        await popup.waitForSelector(rowSelector('dup'));
        await c.act(popup);
        if (await stopWorkerAfter(popup, ms)) caught[c.name] = (caught[c.name] ?? 0) + 1;
        await expectClearMessage(popup, c.done);
        // The worker starts again on the next message and finishes or rolls back first.
        await popup.reload();
        await popup.waitForSelector('.toolbar');
        c.oldOrNew(await jar());
        await undoEverything(popup);
        expect(await jar(), `stopped ${ms} ms after the click`).toEqual(start);
        await popup.close();
        await page.close();
      }
    });
  }
});
