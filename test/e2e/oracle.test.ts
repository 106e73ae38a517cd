/**
 * The e2e oracle: every scenario of the sample server, loaded in Chromium and Firefox with the built
 * extension. The extension must show exactly the expected cookies, and on each exactly the
 * catalogue's high and medium findings (plus any low/info it names), read through the UI contract
 * (rows with data-name/data-path, findings with data-rule/data-severity).
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExpectedCookie, expectationFor, type Scenario, scenarios, scenarioUrls } from '../server/scenarios';
import { startServer } from '../server/server';
import { type BrowserKind, clearCookies, type Driver, launchDriver } from './support/driver';

interface ShownRow {
  name: string;
  domain: string;
  path: string;
  partition: string | null;
  findings: Array<{ rule: string; severity: string }>;
}

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer({ port: 0, httpsPort: 0 });
});
afterAll(async () => {
  await server?.close();
});

function hostOf(url: string): string {
  return new URL(url).hostname;
}

/** Does a cookie with this (expected or shown) domain apply to the page host? */
function applies(domain: string | undefined, pageHost: string, hostOnlyDefault: string): boolean {
  const d = (domain ?? hostOnlyDefault).replace(/^\./, '');
  return pageHost === d || pageHost.endsWith(`.${d}`);
}

async function readShown(view: Page): Promise<ShownRow[]> {
  return view.$$eval('[data-testid="cookie-row"]', (rows) =>
    rows.map((r) => ({
      name: r.getAttribute('data-name') ?? '',
      domain: r.getAttribute('data-domain') ?? '',
      path: r.getAttribute('data-path') ?? '',
      partition: r.getAttribute('data-partition'),
      findings: [...r.querySelectorAll('[data-rule]')].map((f) => ({
        rule: f.getAttribute('data-rule') ?? '',
        severity: f.getAttribute('data-severity') ?? '',
      })),
    })),
  );
}

function describeRow(row: ShownRow): string {
  return `${row.name} ${row.domain}${row.path}`;
}

/**
 * Compares what the extension shows with the catalogue; returns every difference in words. The
 * popup shows the page's own cookies; the DevTools panel (`allSites`) also those of its frames.
 */
function differences(scenario: Scenario, kind: BrowserKind, pageUrl: string, shown: ShownRow[], allSites: boolean): string[] {
  const problems: string[] = [];
  const pageHost = hostOf(pageUrl);
  const expected = expectationFor(scenario, kind);
  const wanted = allSites ? expected.cookies : expected.cookies.filter((c) => applies(c.domain, pageHost, pageHost));
  const matched = new Set<ShownRow>();
  const matches = (c: ExpectedCookie, row: ShownRow) =>
    row.name === c.name &&
    row.path === (c.path ?? '/') &&
    (c.domain === undefined || row.domain === c.domain) &&
    !matched.has(row);
  for (const c of wanted) {
    const row = shown.find((r) => matches(c, r));
    if (!row) {
      problems.push(`missing row ${c.name} ${c.domain ?? ''}${c.path ?? '/'}`);
      continue;
    }
    matched.add(row);
    const strong = row.findings.filter((f) => f.severity === 'high' || f.severity === 'medium').map((f) => f.rule);
    const all = row.findings.map((f) => f.rule);
    for (const rule of c.rules) if (!all.includes(rule)) problems.push(`${describeRow(row)}: missing finding ${rule}`);
    for (const rule of strong) if (!c.rules.includes(rule)) problems.push(`${describeRow(row)}: extra finding ${rule}`);
    for (const rule of c.notRules ?? []) if (all.includes(rule)) problems.push(`${describeRow(row)}: unwanted ${rule}`);
  }
  for (const row of shown) if (!matched.has(row)) problems.push(`extra row ${describeRow(row)}`);
  for (const rule of expected.anyCookieRules ?? []) {
    if (!shown.some((r) => r.findings.some((f) => f.rule === rule))) problems.push(`no cookie shows ${rule}`);
  }
  return problems;
}

describe.each(['chrome', 'firefox'] as BrowserKind[])('oracle in %s', (kind) => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await launchDriver(kind);
  });
  afterAll(async () => {
    await driver?.close();
  });

  it.each(scenarios.map((s) => [s.id, s] as const))('%s', async (_id, scenario) => {
    await clearCookies(driver.browser);
    const { start, final } = scenarioUrls(scenario, { http: server.httpPort, https: server.httpsPort });
    const page = await driver.browser.newPage();
    try {
      await page.goto(start);
      // Redirect chains end on the final page; its scripts have run once it has loaded.
      await page.waitForFunction((u) => location.href === u, { timeout: 10_000 }, final);
      // Frame cookies live on other sites: the DevTools panel groups them; the popup does not show them.
      const inPanel = scenario.frame !== undefined;
      const view = inPanel ? await driver.openExtensionPage(page, 'devtools/panel.html') : await driver.openPopup(page);
      try {
        await view.waitForSelector('.workbench', { timeout: 15_000 });
        const shown = await readShown(view);
        expect(differences(scenario, kind, final, shown, inPanel)).toEqual([]);
      } finally {
        await view.close().catch(() => {});
      }
    } finally {
      await page.close().catch(() => {});
    }
  });
});
