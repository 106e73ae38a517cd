/**
 * axe-core over every view of Cookie Lens, as a person reaches it: the popup's list, an open row,
 * the edit form, the import preview, the delete-all confirmation, a protected cookie's Confirm, both
 * DevTools panel tabs, the side panel and the manager page. `@axe-core/puppeteer` injects axe into
 * the page (it works over CDP in Chromium and over WebDriver BiDi in Firefox).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AxePuppeteer } from '@axe-core/puppeteer';
import type { Page } from 'puppeteer';
import { root } from '../../../scripts/browsers/paths';
import { type Driver, clickButton, openRow, rowSelector } from './driver';
import { waitForRows } from './rows';

/** WCAG 2.0 and 2.1, levels A and AA (colour contrast AA among them). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

export type Theme = 'light' | 'dark';
export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface ViewResult {
  view: string;
  theme: Theme;
  /** Violations by impact: the rule ids, and how many elements each one found. */
  violations: Array<{ id: string; impact: Impact | null; nodes: number; targets: string[]; help: string }>;
  /** Rules axe could not decide (e.g. contrast behind an overlapping sheet): named with where, not failed. */
  incomplete: Array<{ id: string; nodes: number; targets: string[]; why: string[] }>;
  passes: number;
  ms: number;
}

/** Runs axe with the WCAG A/AA tags on the page as it is now. */
export async function axeView(page: Page, view: string, theme: Theme): Promise<ViewResult> {
  const start = Date.now();
  const result = await new AxePuppeteer(page).withTags([...AXE_TAGS]).analyze();
  return {
    view,
    theme,
    violations: result.violations.map((v) => ({
      id: v.id,
      impact: (v.impact ?? null) as Impact | null,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      help: v.help,
    })),
    incomplete: result.incomplete.map((v) => ({
      id: v.id,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      why: [...new Set(v.nodes.flatMap((n) => n.any.map((c) => c.message)))].slice(0, 3),
    })),
    passes: result.passes.length,
    ms: Date.now() - start,
  };
}

/** The violations a release must not have. */
export function serious(results: readonly ViewResult[]): string[] {
  return results.flatMap((r) =>
    r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${r.view} (${r.theme}): ${v.impact} ${v.id} on ${v.targets.join(', ')}`),
  );
}

/** Writes the per-view results to artifacts/axe-<browser>.json, with violations counted by impact. */
export function writeAxeArtifact(browser: string, results: readonly ViewResult[]): string {
  const dir = resolve(root, 'artifacts');
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `axe-${browser}.json`);
  const byImpact = (r: ViewResult) => {
    const counts: Record<Impact, string[]> = { minor: [], moderate: [], serious: [], critical: [] };
    for (const v of r.violations) counts[v.impact ?? 'minor'].push(v.id);
    return counts;
  };
  const views = results.map((r) => ({ ...r, byImpact: byImpact(r) }));
  writeFileSync(file, `${JSON.stringify({ browser, tags: AXE_TAGS, views }, null, 2)}\n`);
  return file;
}

/** Sets a page's colour scheme where the browser can emulate it (Chromium); Firefox takes it at launch. */
export type ApplyTheme = (page: Page, theme: Theme) => Promise<void>;

export interface ViewTour {
  driver: Driver;
  /** A page of the sample site with cookies of every kind (it sets them itself). */
  siteUrl: string;
  /** The themes to check each view in: both where the page can switch, one per launch otherwise. */
  themes: readonly Theme[];
  applyTheme: ApplyTheme;
}

/** Waits until nothing animates and the page has painted, so contrast is measured on final colours. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        for (const a of document.getAnimations()) a.finish();
        requestAnimationFrame(() => requestAnimationFrame(() => done()));
        setTimeout(done, 200);
      }),
  );
}

/**
 * Visits every view and runs axe on it in each theme. Everything is reached by clicking the
 * controls a person would; each dialog is closed again before the next view.
 */
export async function tourViews(tour: ViewTour): Promise<ViewResult[]> {
  const { driver, themes, applyTheme } = tour;
  const results: ViewResult[] = [];
  const check = async (page: Page, view: string) => {
    for (const theme of themes) {
      await applyTheme(page, theme);
      await settle(page);
      results.push(await axeView(page, view, theme));
    }
  };

  const site = await driver.browser.newPage();
  await site.goto(tour.siteUrl);
  // The popup page as a tab of the popup's size, for the site's tab (Chromium's real action popup
  // closes when emulation changes its media; its document is the same).
  const popup = await driver.openExtensionPage(site, 'popup/index.html');
  await popup.setViewport({ width: 800, height: 600 });
  await waitForRows(popup, ['sessionid', 'js_theme', 'server_pref'], 20_000);
  await check(popup, 'popup list');

  await openRow(popup, 'sessionid');
  await popup.waitForSelector(`${rowSelector('sessionid')} .row-body .vi`, { timeout: 10_000 });
  await check(popup, 'popup, row open');

  await clickButton(popup, 'Edit', rowSelector('sessionid'));
  await popup.waitForSelector('form.cookie-form');
  await check(popup, 'edit form');
  await clickButton(popup, 'Cancel', 'form.cookie-form');
  await popup.waitForFunction(() => !document.querySelector('form.cookie-form'));

  await clickButton(popup, 'Import');
  const textarea = await popup.waitForSelector('section.dialog textarea', { timeout: 10_000 });
  await textarea?.type('imported=1; other=2');
  await clickButton(popup, 'Preview', 'section.dialog');
  await popup.waitForSelector('[data-testid="import-preview"] [data-testid="import-row"]');
  await check(popup, 'import preview');
  await clickButton(popup, 'Cancel', 'section.dialog');
  await popup.waitForFunction(() => !document.querySelector('section.dialog'));

  await clickButton(popup, 'Delete all');
  await popup.waitForSelector('[data-testid="delete-all-dialog"]');
  await check(popup, 'delete-all confirmation');
  await clickButton(popup, 'Cancel', '[data-testid="delete-all-dialog"]');
  await popup.waitForFunction(() => !document.querySelector('[data-testid="delete-all-dialog"]'));

  await openRow(popup, 'js_theme');
  await clickButton(popup, 'Protect', rowSelector('js_theme'));
  await popup.waitForSelector(`${rowSelector('js_theme')} [data-testid="protected-lock"]`, { timeout: 10_000 });
  await clickButton(popup, 'Edit', rowSelector('js_theme'));
  await popup.waitForSelector('[data-testid="confirm-dialog"]');
  await check(popup, 'protect Confirm dialog');
  await clickButton(popup, 'Cancel', '[data-testid="confirm-dialog"]');
  await popup.close();

  const panel = await driver.openExtensionPage(site, 'devtools/panel.html');
  await waitForRows(panel, ['sessionid', 'js_theme', 'server_pref'], 20_000);
  await check(panel, 'DevTools panel: Cookies');
  await clickButton(panel, 'Set-Cookie log');
  await panel.waitForSelector('[data-testid="setcookie-entry"]', { timeout: 15_000 });
  await check(panel, 'DevTools panel: Set-Cookie log');
  await panel.close();

  const side = await driver.openExtensionPage(site, 'sidepanel/index.html');
  await site.bringToFront();
  await waitForRows(side, ['sessionid', 'js_theme', 'server_pref'], 20_000);
  // Shown, as a side panel is (a background tab paints no frames); it keeps showing the site's tab.
  await side.bringToFront();
  await check(side, 'side panel');
  await side.close();

  const manager = await driver.openExtensionPage(site, 'manager/index.html');
  await manager.setViewport({ width: 1280, height: 900 });
  await manager.waitForSelector('[data-testid="site-group"][data-site="localhost"]', { timeout: 20_000 });
  await check(manager, 'manager page');
  await manager.close();
  await site.close();
  return results;
}
