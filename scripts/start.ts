/**
 * `npm start`: build, serve the bundled sample site, and open Chromium (or Firefox with --firefox)
 * with the built extension on it. Without a display it runs headless: it prints the cookies the
 * extension listed and saves a screenshot of the popup, then exits. The browser trusts the sample
 * server's certificate and no other (start-browsers.ts).
 *
 *   npm start                  Chromium
 *   npm start -- --firefox     Firefox ESR
 *   npm start -- --no-build    skip the build
 *   npm start -- --route /rules/nameless   open one scenario instead of the tour
 *   npm start -- --port 0 --https-port 0   any free ports (defaults 8600 and 8643)
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer';
import { scenarios, scenarioUrls } from '../test/server/scenarios';
import { startServer } from '../test/server/server';
import { launchChromium, openChromiumPopup } from './browsers/chromium';
import { launchFirefox, openFirefoxExtensionPageFor } from './browsers/firefox';
import { root } from './browsers/paths';
import { startChromiumOptions, startFirefoxOptions } from './start-browsers';

const args = process.argv.slice(2);
const firefox = args.includes('--firefox');
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const route = option('--route');
const port = option('--port');
const httpsPort = option('--https-port');
const TOUR = ['flask-setcookie', 'flask-setcookie-secure', 'good-host-session', 'good-preference', 'script-cookies'];
const headless = process.env.CI === 'true' || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

async function printRows(popup: Page, screenshot: string): Promise<void> {
  await popup.waitForSelector('[data-testid="cookie-row"]', { timeout: 20_000 });
  await new Promise((r) => setTimeout(r, 300));
  const rows = await popup.$$eval('[data-testid="cookie-row"]', (els) =>
    els.map((el) => ({
      name: el.getAttribute('data-name') ?? '',
      where: `${el.getAttribute('data-domain')}${el.getAttribute('data-path')}`,
      warnings: [...el.querySelectorAll('[data-rule]')]
        .map((b) => `${b.getAttribute('data-rule')}(${b.getAttribute('data-severity')})`)
        .join(' '),
    })),
  );
  const grade = await popup.$eval('.grade', (el) => el.textContent ?? '?').catch(() => '?');
  console.log(`\nCookie Lens listed ${rows.length} cookies (site grade ${grade}):`);
  for (const row of rows) console.log(`  ${row.name.padEnd(28)} ${row.where.padEnd(24)} ${row.warnings}`);
  mkdirSync(resolve(root, 'artifacts'), { recursive: true });
  await popup.screenshot({ path: screenshot, fullPage: true });
  console.log(`\nScreenshot of the popup: ${screenshot}`);
}

async function main(): Promise<void> {
  if (!args.includes('--no-build')) execSync('npm run build', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const server = await startServer({
    ...(port !== undefined ? { port: Number(port) } : {}),
    ...(httpsPort !== undefined ? { httpsPort: Number(httpsPort) } : {}),
  });
  const ports = { http: server.httpPort, https: server.httpsPort };
  // The tour: a few scenarios that leave good and bad cookies on localhost, then the index page.
  const tour = TOUR.map((id) => scenarios.find((s) => s.id === id))
    .filter((s) => s !== undefined)
    .map((s) => scenarioUrls(s, ports).final);
  const siteUrl = new URL(route ?? '/', server.httpUrl).href;
  const visit = async (page: Page) => {
    if (!route) for (const url of tour) await page.goto(url);
    await page.goto(siteUrl);
  };
  console.log(`Sample site: ${server.httpUrl}  (HTTPS: ${server.httpsUrl})`);
  console.log(`Opening ${siteUrl} in ${firefox ? 'Firefox ESR' : 'Chromium'}${headless ? ' (headless: no display)' : ''}`);

  if (firefox) {
    const session = await launchFirefox(startFirefoxOptions(server, headless));
    const page = await session.browser.newPage();
    await visit(page);
    const popup = await openFirefoxExtensionPageFor(session, page, 'popup/index.html');
    if (headless) {
      await printRows(popup, resolve(root, 'artifacts/start-popup-firefox.png'));
      await session.browser.close();
      await server.close();
      return;
    }
    console.log('Firefox is open with Cookie Lens. Close the browser to stop.');
    await new Promise((done) => session.browser.once('disconnected', done));
  } else {
    const session = await launchChromium(startChromiumOptions(server, headless));
    const page = await session.browser.newPage();
    await visit(page);
    const popup = await openChromiumPopup(session, page);
    if (headless) {
      await printRows(popup, resolve(root, 'artifacts/start-popup.png'));
      await session.browser.close();
      await server.close();
      return;
    }
    console.log('Chromium is open with Cookie Lens; click its toolbar icon. Close the browser to stop.');
    await new Promise((done) => session.browser.once('disconnected', done));
  }
  await server.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
