/**
 * `npm run bench`: how fast the popup shows cookies, and how much it loads.
 *
 * Time from opening to all rows shown, at 20 and 180 cookies, for:
 *   - bare:          a minimal extension page that calls cookies.getAll and renders plain table rows
 *                    (the baseline the speed budget is defined against), opened as a tab,
 *   - ours:          Cookie Lens's popup page opened the same way (as a tab, ?tabId=N),
 *   - bare-action:   the bare page as its extension's real action popup,
 *   - ours-action:   Cookie Lens's real action popup (triggerAction until rows are shown).
 * Each is run RUNS times in Chromium after a warm-up; medians and 90th percentiles are printed.
 * Budget (issue 5): ours within 1.5x bare at 180 cookies; popup JS+CSS at most 60 KB uncompressed.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'puppeteer';
import { startServer } from '../test/server/server';
import { ROWS_SHOWN_MARK } from '../src/ui/marks';
import { launchChromium } from './browsers/chromium';
import { root } from './browsers/paths';
import { tabIdOf } from './browsers/tabs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const BARE_ROW = 'tr.row';
const BARE_MARK = 'bare:rows-shown';
const OUR_ROW = '[data-testid="cookie-row"]';
const SIZES = [20, 180];

function bareExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cookie-lens-bare-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'bare getAll',
      version: '1.0',
      permissions: ['cookies'],
      host_permissions: ['<all_urls>'],
      action: { default_popup: 'bare.html' },
    }),
  );
  writeFileSync(join(dir, 'bare.html'), '<!doctype html><meta charset="utf-8"><body><script src="bare.js"></script></body>');
  writeFileSync(
    join(dir, 'bare.js'),
    `const asked = new URLSearchParams(location.search).get('tabId');
const tab = asked ? chrome.tabs.get(Number(asked)) : chrome.tabs.query({ active: true, currentWindow: true }).then(([t]) => t);
tab.then((t) => chrome.cookies.getAll({ domain: new URL(t.url).hostname })).then((cookies) => {
  const table = document.createElement('table');
  for (const c of cookies) {
    const row = table.insertRow();
    row.className = 'row';
    for (const v of [c.name, c.value, c.domain, c.path, String(c.expirationDate ?? 'session')]) row.insertCell().textContent = v;
  }
  document.body.append(table);
  performance.mark('bare:rows-shown');
});`,
  );
  return dir;
}

function stats(samples: number[]): { median: number; p90: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p90: at(0.9) };
}

/**
 * Waits for every row, then returns when the page itself marked them shown, in ms since the page's
 * navigation started (the popup opening): puppeteer's own latency is left out of the figure.
 */
async function rowsShownAt(page: Page, selector: string, n: number, mark: string): Promise<number> {
  await page.waitForFunction(
    (s: string, count: number) => document.querySelectorAll(s).length >= count,
    { polling: 'mutation', timeout: 30_000 },
    selector,
    n,
  );
  const at = await page.waitForFunction((m: string) => performance.getEntriesByName(m)[0]?.startTime ?? false, { timeout: 5_000 }, mark);
  return (await at.jsonValue()) as number;
}

function popupBytes(): { raw: number; gzip: number; files: string[] } {
  const dist = resolve(root, 'dist/chrome');
  const html = readFileSync(join(dist, 'popup/index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const content = readFileSync(join(dist, f));
    raw += statSync(join(dist, f)).size;
    gzip += gzipSync(content).length;
  }
  return { raw, gzip, files };
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) execSync('npm run build', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const server = await startServer({ port: 0, httpsPort: 0 });
  const bare = bareExtension();
  const session = await launchChromium({ extraExtensions: [bare] });
  const extensions = await session.browser.extensions();
  const bareId = [...extensions.values()].find((e) => e.name === 'bare getAll')?.id;
  if (!bareId) throw new Error('bare extension did not load');

  const results: string[] = [];
  for (const n of SIZES) {
    await session.browser.deleteCookie(...(await session.browser.cookies()));
    const site = await session.browser.newPage();
    await site.goto(`http://localhost:${server.httpPort}/bulk?n=${n}`);
    const helper = await session.browser.newPage();
    await helper.goto(`chrome-extension://${bareId}/bare.html?tabId=0`);
    const tabId = await tabIdOf(site, helper);
    await helper.close();

    const timeOpen = async (url: string, selector: string, mark: string) => {
      const page = await session.browser.newPage();
      await page.goto(url);
      const elapsed = await rowsShownAt(page, selector, n, mark);
      await page.close();
      return elapsed;
    };
    const timeAction = async (extensionId: string, path: string, selector: string, mark: string) => {
      await site.bringToFront();
      const extension = (await session.browser.extensions()).get(extensionId);
      await extension?.triggerAction(site);
      const target = await session.browser.waitForTarget((t) => t.url() === `chrome-extension://${extensionId}/${path}`);
      const popup = await target.asPage();
      const elapsed = await rowsShownAt(popup, selector, n, mark);
      await popup.close();
      return elapsed;
    };
    const variants: Array<[string, () => Promise<number>]> = [
      ['bare', () => timeOpen(`chrome-extension://${bareId}/bare.html?tabId=${tabId}`, BARE_ROW, BARE_MARK)],
      ['ours', () => timeOpen(`chrome-extension://${session.extensionId}/popup/index.html?tabId=${tabId}`, OUR_ROW, ROWS_SHOWN_MARK)],
      ['bare-action', () => timeAction(bareId, 'bare.html', BARE_ROW, BARE_MARK)],
      ['ours-action', () => timeAction(session.extensionId, 'popup/index.html', OUR_ROW, ROWS_SHOWN_MARK)],
    ];
    const measured = new Map<string, { median: number; p90: number }>();
    for (const [name, run] of variants) {
      await run(); // warm-up
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) samples.push(await run());
      measured.set(name, stats(samples));
    }
    for (const [name, s] of measured) {
      const baseline = measured.get(name.endsWith('action') ? 'bare-action' : 'bare')?.median ?? Number.NaN;
      results.push(
        `${String(n).padStart(4)} cookies  ${name.padEnd(12)} median ${s.median.toFixed(0).padStart(5)} ms  p90 ${s.p90.toFixed(0).padStart(5)} ms  ${(s.median / baseline).toFixed(2)}x its bare baseline`,
      );
    }
    await site.close();
  }
  await session.browser.close();
  await server.close();

  const bytes = popupBytes();
  console.log(
    `Chromium, ${RUNS} runs each after one warm-up: ms from the page's navigation start (the popup opening) to the page's own "rows shown" mark, all rows on screen:`,
  );
  for (const line of results) console.log(`  ${line}`);
  console.log(
    `Popup JS+CSS: ${bytes.raw} bytes (${(bytes.raw / 1024).toFixed(1)} KiB) uncompressed, ${bytes.gzip} bytes gzipped, in ${bytes.files.length} files: ${bytes.files.join(', ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
