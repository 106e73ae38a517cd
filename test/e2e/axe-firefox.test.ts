/**
 * axe-core (WCAG 2.0/2.1 A and AA) over every view of the built extension in Firefox ESR, against
 * the sample server. Firefox cannot emulate a colour scheme per page over WebDriver BiDi, so each
 * theme gets a browser of its own, launched with the theme's preferences. Results per view and
 * theme go to artifacts/axe-firefox.json; a serious or critical violation fails the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../server/server';
import { type Theme, type ViewResult, serious, tourViews, writeAxeArtifact } from './support/axe';
import { launchDriver } from './support/driver';

let server: RunningServer;
const results: ViewResult[] = [];

beforeAll(async () => {
  server = await startServer({ port: 0, httpsPort: 0 });
});
afterAll(async () => {
  await server?.close();
});

/** The preferences that make Firefox's pages (extension pages too) prefer `theme`. */
const themePrefs = (theme: Theme) => ({
  'ui.systemUsesDarkTheme': theme === 'dark' ? 1 : 0,
  // 0: dark, 1: light (2 follows the browser's theme).
  'layout.css.prefers-color-scheme.content-override': theme === 'dark' ? 0 : 1,
});

describe('axe in Firefox', () => {
  it.each(['light', 'dark'] as Theme[])('finds no serious or critical violation in any view (%s)', async (theme) => {
    const driver = await launchDriver('firefox', { firefoxPrefs: themePrefs(theme) });
    try {
      const found = await tourViews({
        driver,
        siteUrl: `http://localhost:${server.httpPort}/script/cookies`,
        themes: [theme],
        applyTheme: async (page) => {
          expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(theme === 'dark');
        },
      });
      results.push(...found);
      writeAxeArtifact('firefox', results);
      expect(found.length).toBeGreaterThanOrEqual(10);
      for (const r of found) expect(r.passes, r.view).toBeGreaterThan(10);
      expect(serious(found)).toEqual([]);
    } finally {
      await driver.close();
    }
  });
});
