/**
 * `npm run bench:delete`: how long the manager page takes to delete a whole store of 3,300 cookies
 * (100 sites, 33 each) with "Select all" and "Delete selected", and to bring them all back with
 * Undo, in Chromium and Firefox ESR, with a second manager page open on the same store, in front
 * while the delete and the Undo run (it reloads live as the cookies go: the case that was slow, as a
 * visible page's reloads cost most). Uses the BUILT extension (`npm run build` first).
 *
 * `-- --browser firefox` (or chrome) measures one browser; `-- --extra-pages N` opens N other manager
 * pages (default 1; 0 for none); `-- --runs N` repeats each measurement (default 1); `-- --limit S`
 * gives up on a delete or Undo after S seconds (default 600), printing how many cookies a second it did.
 * Prints one line per run: seconds to an empty store, and seconds until Undo restored every cookie.
 */
import type { Browser, ElementHandle, Page } from 'puppeteer';
import { launchChromium } from './browsers/chromium';
import { launchFirefox, openFirefoxExtensionPage } from './browsers/firefox';

type Kind = 'chrome' | 'firefox';

const SITES = 100;
const PER_SITE = 33;
const TOTAL = SITES * PER_SITE;

function arg(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** The e2e manager test's kind of store: every attribute varies. Pure. */
function seed(nowMs: number): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (let i = 0; i < SITES; i++) {
    const site = `site${String(i).padStart(3, '0')}-x.test`;
    for (let j = 0; j < PER_SITE; j++) {
      out.push({
        url: `https://${site}/`,
        name: `c${String(j).padStart(3, '0')}`,
        value: `v${i}-${j}`,
        path: j % 5 === 0 ? '/p' : '/',
        ...(j % 6 === 1 ? { domain: site } : {}),
        secure: j % 3 !== 0,
        httpOnly: j % 2 === 0,
        sameSite: ['lax', 'strict', 'no_restriction'][j % 3],
        ...(j % 4 === 0 ? {} : { expirationDate: Math.floor(nowMs / 1000) + (j + 1) * 864_000 }),
      });
    }
  }
  return out;
}

interface Session {
  browser: Browser;
  manager(): Promise<Page>;
}

async function launch(kind: Kind): Promise<Session> {
  if (kind === 'chrome') {
    const session = await launchChromium();
    return {
      browser: session.browser,
      async manager() {
        const page = await session.browser.newPage();
        await page.goto(`chrome-extension://${session.extensionId}/manager/index.html`);
        return page;
      },
    };
  }
  const session = await launchFirefox();
  return { browser: session.browser, manager: () => openFirefoxExtensionPage(session, 'manager/index.html') };
}

/** Clicks the enabled button whose text is `name` (a DOM click: it needs no animation frame). */
async function clickButton(page: Page, name: string): Promise<void> {
  const found = await page.waitForFunction(
    (n: string) =>
      [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === n && !b.disabled) ?? null,
    { timeout: 60_000, polling: 100 },
    name,
  );
  await (found as ElementHandle<HTMLButtonElement>).evaluate((b) => b.click());
}

/** Evaluated as text: a function compiled here would carry the compiler's helpers into the page. */
const API = '(globalThis.browser ?? globalThis.chrome)';

async function storeSize(page: Page): Promise<number> {
  return (await page.evaluate(`${API}.cookies.getAll({ partitionKey: {} }).then((l) => l.length)`)) as number;
}

async function shownCount(page: Page, text: string, timeout: number): Promise<void> {
  await page.waitForFunction(
    (t: string) => document.querySelector('[data-testid="shown-count"]')?.textContent === t,
    { timeout, polling: 100 },
    text,
  );
}

/**
 * Waits, polling with short calls (a busy extension process can hold a long one past the protocol's
 * timeout), until the page shows `text` and the store has `size` cookies. Gives up after `limitS`
 * seconds, printing the rate so far, and then answers undefined.
 */
async function until(
  page: Page,
  text: string,
  size: number,
  from: number,
  limitS: number,
): Promise<number | undefined> {
  const start = performance.now();
  for (;;) {
    const shown = (await page.evaluate(`document.querySelector('[data-testid="shown-count"]')?.textContent`)) as
      | string
      | undefined;
    if (shown === text && (await storeSize(page)) === size) return (performance.now() - start) / 1000;
    const seconds = (performance.now() - start) / 1000;
    if (seconds > limitS) {
      const done = Math.abs((await storeSize(page)) - from);
      console.log(
        `  gave up after ${seconds.toFixed(0)} s: ${done} cookies done, ${(done / seconds).toFixed(1)} a second`,
      );
      return undefined;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Empties the store, writes the seed, and waits until the background has logged the writes. */
async function fill(page: Page): Promise<void> {
  await page.evaluate(`(async () => {
    const api = ${API};
    const all = await api.cookies.getAll({ partitionKey: {} });
    await Promise.all(all.map((c) => api.cookies.remove({
      url: 'http' + (c.secure ? 's' : '') + '://' + c.domain.replace(/^\\./, '') + c.path,
      name: c.name, storeId: c.storeId,
    })));
    await Promise.all(${JSON.stringify(seed(Date.now()))}.map((d) => api.cookies.set(d)));
  })()`);
  if ((await storeSize(page)) !== TOTAL) throw new Error('the seed did not store every cookie');
  await shownCount(page, '3,300 cookies', 120_000);
  // The Set-Cookie log notes cookies set by script after a short grace: wait until it has.
  await new Promise((done) => setTimeout(done, 1_000));
  await page.evaluate(`${API}.runtime.sendMessage({ type: 'setcookie/log', payload: { tabId: -1 } })`);
}

async function run(
  kind: Kind,
  extraPages: number,
  limitS: number,
): Promise<{ deleteS: number | undefined; undoS: number | undefined }> {
  const session = await launch(kind);
  try {
    const page = await session.manager();
    await page.setViewport({ width: 1280, height: 1000 });
    await fill(page);
    const others: Page[] = [];
    for (let i = 0; i < extraPages; i++) {
      const other = await session.manager();
      await shownCount(other, '3,300 cookies', 120_000);
      others.push(other);
    }
    await page.bringToFront();
    await clickButton(page, 'Select all');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="selected-count"]')?.textContent === '3,300 selected',
    );
    await clickButton(page, 'Delete selected');
    await others[0]?.bringToFront();
    const deleteS = await until(page, '0 cookies', 0, TOTAL, limitS);
    if (deleteS === undefined) return { deleteS, undoS: undefined };
    // Chromium runs no animation frames in a tab out of view, and the click waits for one.
    await page.bringToFront();
    await clickButton(page, 'Undo');
    await others[0]?.bringToFront();
    const undoS = await until(page, '3,300 cookies', TOTAL, 0, limitS);
    for (const other of others) await shownCount(other, '3,300 cookies', 60_000);
    return { deleteS, undoS };
  } finally {
    await session.browser.close();
  }
}

const only = arg('browser');
const kinds: Kind[] = only === 'chrome' || only === 'firefox' ? [only] : ['chrome', 'firefox'];
const extraPages = Number(arg('extra-pages') ?? 1);
const runs = Math.max(1, Number(arg('runs') ?? 1));
const limitS = Number(arg('limit') ?? 600);
const seconds = (s: number | undefined) => (s === undefined ? 'over the limit' : `${s.toFixed(1)} s`);
for (const kind of kinds) {
  for (let i = 0; i < runs; i++) {
    const { deleteS, undoS } = await run(kind, extraPages, limitS);
    console.log(
      `${kind.padEnd(8)} ${TOTAL} cookies, ${extraPages} other manager page(s): delete ${seconds(deleteS)}, Undo ${seconds(undoS)}`,
    );
  }
}
