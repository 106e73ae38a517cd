/**
 * axe-core (WCAG 2.0/2.1 A and AA) over every view of the built extension in Chromium, light and
 * dark (emulated per page), against the sample server. Results per view and theme go to
 * artifacts/axe-chrome.json; a serious or critical violation fails the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../server/server';
import { type ViewResult, serious, tourViews, writeAxeArtifact } from './support/axe';
import { type Driver, launchDriver } from './support/driver';

let server: RunningServer;
let driver: Driver;

beforeAll(async () => {
  server = await startServer({ port: 0, httpsPort: 0 });
  driver = await launchDriver('chrome');
});
afterAll(async () => {
  await driver?.close();
  await server?.close();
});

describe('axe in Chromium', () => {
  it('finds no serious or critical violation in any view, light or dark', async () => {
    const results: ViewResult[] = await tourViews({
      driver,
      siteUrl: `http://localhost:${server.httpPort}/script/cookies`,
      themes: ['light', 'dark'],
      applyTheme: async (page, theme) => {
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(theme === 'dark');
      },
    });
    writeAxeArtifact('chrome', results);
    // Every view in both themes was checked, and axe really ran its rules on each.
    expect(results.length).toBeGreaterThanOrEqual(20);
    for (const r of results) expect(r.passes, `${r.view} (${r.theme})`).toBeGreaterThan(10);
    expect(serious(results)).toEqual([]);
  });
});
