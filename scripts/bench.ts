/**
 * `npm run bench`: how fast each view of Cookie Lens shows its cookies, against the floor (the barest
 * extension page that can show them), in Chromium, in one run. `-- --readme` also rewrites README's
 * performance block; `-- --no-build` skips the build.
 *
 * Each view is timed inside the page, from its navigation start to the first frame painted after its
 * rows are in place (see bench/probe.ts), after one warm-up, BENCH_RUNS times (default 7), the floor
 * and Cookie Lens taking turns. Per page also: JS heap after a forced GC, DOM nodes, JS+CSS bytes.
 * All figures go to bench-results/bench.json. `BENCH_VIEWS=popup,panel,manager` (any of them) measures
 * only those views, for profiling one; `--readme` refuses a partial run.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer';
import { startServer } from '../test/server/server';
import { type Bench, measurePair, type PairResult } from './bench/pair';
import { FLOOR_NAME, FLOOR_ROW, writeFloorExtension } from './bench/floor';
import { timeKeystrokes } from './bench/keystroke';
import { bytesOf, filesLoadedBy } from './bench/page-metrics';
import { installProbe, type ProbeTarget } from './bench/probe';
import {
  barChart,
  budgetLines,
  bytesTable,
  type ByteFigure,
  type Comparison,
  costTable,
  replaceReadmeBlock,
  table,
  timeTable,
} from './bench/report';
import { CookieStore, popupStore, SITE_LIMIT, SITES, spread } from './bench/seed';
import { type Budget, ratio, summarize, verdict } from './bench/stats';
import { openActionPopup, openDevtoolsPanel, openTab } from './bench/views';
import { launchChromium } from './browsers/chromium';
import { distChrome, root } from './browsers/paths';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 7));
const SCALE = [20, 180, 1000, 3300];
const PANEL_COOKIES = 180;
const LOG_ENTRIES = 200;
const MANAGER_COOKIES = 3300;
const OUR_ROW = '[data-testid="cookie-row"]';
const LOG_ENTRY = '[data-testid="setcookie-entry"]';
const MANAGER_ROW = '[data-testid="cookie-row"], [data-testid="site-group"][data-site]';
/** Narrowing, narrowing, widening, then back to every row: each changes the rows shown. */
const KEYS = ['4', '2', 'Backspace', 'Backspace'];
const KIB = 1024;
const POPUP_BYTES_LIMIT = 45 * KIB;
const VIEWS = ['popup', 'panel', 'manager'] as const;
const only = process.env.BENCH_VIEWS?.split(',').map((v) => v.trim());
const measures = (view: (typeof VIEWS)[number]) => !only || only.includes(view);

async function main(): Promise<void> {
  const writeReadme = process.argv.includes('--readme');
  if (only?.some((v) => !(VIEWS as readonly string[]).includes(v)))
    throw new Error(`BENCH_VIEWS: one of ${VIEWS.join(', ')}, comma-separated`);
  if (only && writeReadme) throw new Error('--readme needs every view: unset BENCH_VIEWS');
  if (!process.argv.includes('--no-build'))
    execSync('npm run build', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const managerBuilt = existsSync(resolve(distChrome, 'manager/index.html'));
  const loadBefore = loadavg();

  const server = await startServer({ port: 0, httpsPort: 0 });
  const floorDir = writeFloorExtension();
  const session = await launchChromium({ extraExtensions: [floorDir] });
  const { browser } = session;
  const floorId = [...(await browser.extensions()).values()].find((e) => e.name === FLOOR_NAME)?.id;
  if (!floorId) throw new Error('the floor extension did not load');
  let watching: ProbeTarget | undefined;
  await installProbe(browser, () => watching);
  const bench: Bench = {
    browser,
    watch: (t) => {
      watching = t;
    },
    runs: RUNS,
    log: (line) => console.log(line),
  };
  const store = await CookieStore.open(browser);
  const ours = `chrome-extension://${session.extensionId}/`;
  const floor = `chrome-extension://${floorId}/`;
  const site = await browser.newPage();
  const siteUrl = `http://localhost:${server.httpPort}/`;
  await site.goto(siteUrl);

  const target = (urlPrefix: string, selector: string, count: number, extra: Partial<ProbeTarget> = {}) => ({
    urlPrefix,
    selector,
    count,
    fillScreen: selector !== FLOOR_ROW,
    ...extra,
  });
  const results: Record<string, PairResult & { label: string; rows: number; storeCookies: number }> = {};

  // The popup, by the number of cookies in the store; its site holds at most 180 of them.
  for (const n of measures('popup') ? SCALE : []) {
    await store.fill(popupStore('localhost', n));
    const rows = Math.min(n, SITE_LIMIT);
    const pair = await measurePair(
      bench,
      `popup, store of ${n}`,
      () => openActionPopup(bench, floorId, site, target(`${floor}bare.html`, FLOOR_ROW, rows)),
      () => openActionPopup(bench, session.extensionId, site, target(`${ours}popup/index.html`, OUR_ROW, rows)),
    );
    results[`popup-${n}`] = {
      ...pair,
      label: `popup, ${rows} cookies${n > rows ? ` (store of ${n})` : ''}`,
      rows,
      storeCookies: n,
    };
  }

  // The DevTools panel: the Cookies tab at 180 cookies, then the Set-Cookie log of a page that set 200.
  if (measures('panel')) {
    await store.fill(popupStore('localhost', PANEL_COOKIES));
    results['panel-cookies'] = {
      ...(await measurePair(
        bench,
        'DevTools panel, Cookies',
        () => openDevtoolsPanel(bench, floorId, site, target(`${floor}panel.html`, FLOOR_ROW, PANEL_COOKIES)),
        () =>
          openDevtoolsPanel(
            bench,
            session.extensionId,
            site,
            target(`${ours}devtools/panel.html`, OUR_ROW, PANEL_COOKIES),
          ),
      )),
      label: `DevTools panel, Cookies tab`,
      rows: PANEL_COOKIES,
      storeCookies: PANEL_COOKIES,
    };
    await store.clear();
    await site.goto(`${siteUrl}bulk?n=${LOG_ENTRIES}`);
    // Chromium keeps 180 of a site's cookies and evicts the oldest beyond: the floor lists what is left.
    const kept = await store.count();
    results['panel-log'] = {
      ...(await measurePair(
        bench,
        'DevTools panel, Set-Cookie log',
        () => openDevtoolsPanel(bench, floorId, site, target(`${floor}panel.html`, FLOOR_ROW, kept)),
        () =>
          openDevtoolsPanel(
            bench,
            session.extensionId,
            site,
            target(`${ours}devtools/panel.html`, LOG_ENTRY, LOG_ENTRIES, { click: '#tab-log' }),
          ),
      )),
      label: `DevTools panel, Set-Cookie log (${LOG_ENTRIES} entries; floor lists ${kept} cookies)`,
      rows: LOG_ENTRIES,
      storeCookies: kept,
    };
  }

  // The manager: every cookie of the store, 3,300 over 100 sites, and search keystrokes.
  const keystrokes: number[][] = [];
  if (managerBuilt && measures('manager')) {
    await store.fill(spread(MANAGER_COOKIES));
    const openManager = async () => {
      const { page, figures } = await openTab(
        bench,
        `${ours}manager/index.html?store=0`,
        target(`${ours}manager/index.html`, MANAGER_ROW, MANAGER_COOKIES),
      );
      keystrokes.push(await timeKeystrokes(page, MANAGER_ROW, KEYS));
      await page.close();
      return figures;
    };
    const openFloorList = async () => {
      const { page, figures } = await openTab(
        bench,
        `${floor}all.html?store=0`,
        target(`${floor}all.html`, FLOOR_ROW, MANAGER_COOKIES),
      );
      await (page as Page).close();
      return figures;
    };
    results.manager = {
      ...(await measurePair(bench, 'manager', openFloorList, openManager)),
      label: `manager, first screen (floor: all ${MANAGER_COOKIES} rows)`,
      rows: MANAGER_COOKIES,
      storeCookies: MANAGER_COOKIES,
    };
    keystrokes.shift(); // the warm-up's
  } else if (!managerBuilt) {
    console.log('manager: not built');
  }
  const browserVersion = await browser.version();
  await browser.close();
  await server.close();

  // Bytes each page loads when it opens.
  const pages: Array<ByteFigure & { list: string[] }> = [];
  const addBytes = (page: string, dir: string, html: string) => {
    const b = bytesOf(dir, filesLoadedBy(dir, html));
    pages.push({ page, raw: b.raw, gzip: b.gzip, files: b.files.length, list: b.files });
  };
  addBytes('popup (Cookie Lens)', distChrome, 'popup/index.html');
  addBytes('DevTools panel (Cookie Lens)', distChrome, 'devtools/panel.html');
  if (managerBuilt) addBytes('manager (Cookie Lens)', distChrome, 'manager/index.html');
  addBytes('floor popup and panel', floorDir, 'bare.html');
  addBytes('floor manager list', floorDir, 'all.html');

  const comparisons: Comparison[] = Object.entries(results).map(([id, r]) => ({
    id,
    label: r.label,
    rows: r.rows,
    floor: r.floor.summary,
    ours: r.ours.summary,
  }));
  const byId = (id: string) => comparisons.find((c) => c.id === id);
  const paintRatio = (id: string) => {
    const c = byId(id);
    return c ? ratio(c.ours.paint.median, c.floor.paint.median) : Number.NaN;
  };
  const keySummaries = KEYS.map((_, i) => summarize(keystrokes.map((k) => k[i] ?? Number.NaN)));
  const budgets: Budget[] = [
    { what: 'popup, 20 cookies: painted frame vs floor', value: paintRatio('popup-20'), limit: 1.2, unit: 'x' },
    { what: 'popup, 180 cookies: painted frame vs floor', value: paintRatio('popup-180'), limit: 1.2, unit: 'x' },
    {
      what: 'DevTools panel, Cookies tab, 180: painted frame vs floor',
      value: paintRatio('panel-cookies'),
      limit: 1.3,
      unit: 'x',
    },
    {
      what: 'DevTools panel, Set-Cookie log, 200: painted frame vs floor',
      value: paintRatio('panel-log'),
      limit: 1.3,
      unit: 'x',
    },
    {
      what: `manager, ${MANAGER_COOKIES}: first screen vs the floor's full list`,
      value: paintRatio('manager'),
      limit: 1.5,
      unit: 'x',
    },
    ...KEYS.map((key, i) => ({
      what: `manager search keystroke ${i + 1} ("${key}"), median`,
      value: keySummaries[i]?.median ?? Number.NaN,
      limit: 16,
      strict: true,
      unit: 'ms' as const,
    })),
    ...comparisons.map((c) => ({
      what: `JS heap after GC, ${c.label} vs floor`,
      value: ratio(c.ours.heap.median, c.floor.heap.median),
      limit: 1.5,
      unit: 'x' as const,
    })),
    { what: 'popup JS+CSS, uncompressed', value: pages[0]?.raw ?? Number.NaN, limit: POPUP_BYTES_LIMIT, unit: 'bytes' },
  ];

  const scaling = table(
    ['cookies in the store', 'popup rows', 'floor painted ms (median)', 'Cookie Lens painted ms (median)', 'ratio'],
    SCALE.map((n) => {
      const c = byId(`popup-${n}`);
      return [
        n.toLocaleString('en'),
        String(Math.min(n, SITE_LIMIT)),
        c ? c.floor.paint.median.toFixed(0) : '–',
        c ? c.ours.paint.median.toFixed(0) : '–',
        c ? `${ratio(c.ours.paint.median, c.floor.paint.median).toFixed(2)}x` : '–',
      ];
    }),
  );
  const keyTable = managerBuilt
    ? table(
        ['keystroke', 'ms to the painted frame (min / median / max)'],
        KEYS.map((key, i) => {
          const s = keySummaries[i];
          return [`${i + 1}: "${key}"`, s ? `${s.min.toFixed(1)} / ${s.median.toFixed(1)} / ${s.max.toFixed(1)}` : '–'];
        }),
      )
    : 'manager: not built';
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    os: `${process.platform} ${release()}`,
    node: process.version,
    browser: browserVersion,
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadavg(),
  };
  const heading = `${new Date().toISOString().slice(0, 10)}, ${machine.browser}, ${machine.cores} × ${machine.cpu}, load ${loadBefore[0]?.toFixed(1)} → ${machine.loadAverageAfter[0]?.toFixed(1)}; ${RUNS} runs after one warm-up.`;
  const report = [
    heading,
    '',
    'Time from the page opening to the first frame painted with its rows (ms, min / **median** / max), and to the rows in the DOM:',
    '',
    timeTable(comparisons),
    '',
    'Memory and DOM size (medians):',
    '',
    costTable(comparisons),
    '',
    'JS and CSS each page loads when it opens:',
    '',
    bytesTable(pages),
    '',
    'The popup as the store grows (a site holds at most 180 cookies in Chromium):',
    '',
    scaling,
    '',
    'Manager search keystrokes:',
    '',
    keyTable,
    '',
    'Budgets (medians):',
    '',
    '```',
    ...budgetLines(budgets),
    '```',
    '',
    'Median time to the painted frame:',
    '',
    '```',
    barChart(comparisons),
    '```',
  ].join('\n');
  console.log(`\n${report}\n`);

  mkdirSync(resolve(root, 'bench-results'), { recursive: true });
  const json = resolve(root, 'bench-results/bench.json');
  writeFileSync(
    json,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine,
        runs: RUNS,
        views: results,
        keystrokes: { keys: KEYS, runs: keystrokes, summaries: keySummaries },
        bytes: pages,
        budgets: budgets.map((b) => ({ ...b, verdict: verdict(b) })),
        sites: SITES,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`All figures: ${json}`);
  if (writeReadme) {
    const readme = resolve(root, 'README.md');
    writeFileSync(readme, replaceReadmeBlock(readFileSync(readme, 'utf8'), report));
    console.log('README.md: performance block rewritten');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
