/**
 * The browser `npm start` opens trusts the sample server's certificate and no other: Chromium with
 * only `--ignore-certificate-errors-spki-list=<that server's key>`, Firefox with only a per-site
 * exception for it. Two sample servers, each with its own fresh self-signed certificate: the browser
 * trusts the first and must refuse the second.
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/browsers/chromium';
import { launchFirefox } from '../../scripts/browsers/firefox';
import { startChromiumOptions, startFirefoxOptions } from '../../scripts/start-browsers';
import { type RunningServer, startServer } from '../server/server';

let trusted: RunningServer;
let other: RunningServer;

beforeAll(async () => {
  [trusted, other] = await Promise.all([
    startServer({ port: 0, httpsPort: 0 }),
    startServer({ port: 0, httpsPort: 0 }),
  ]);
  expect(other.spkiSha256).not.toBe(trusted.spkiSha256);
});

afterAll(async () => {
  await Promise.all([trusted?.close(), other?.close()]);
});

/** The sample server's index page, loaded: its heading is there. */
async function loadsIndex(page: Page, url: string): Promise<void> {
  const response = await page.goto(url, { waitUntil: 'load' });
  expect(response?.status(), url).toBe(200);
  expect(await page.$eval('h1', (h) => h.textContent), url).toBe('Cookie Lens sample server');
}

/**
 * Navigating to `url` in a new tab: the navigation error, or how it loaded (which the assertions
 * then reject). The page must not show the sample server's index.
 */
async function refuses(browser: Browser, url: string): Promise<string> {
  const page = await browser.newPage();
  try {
    const outcome = await page.goto(url, { waitUntil: 'load', timeout: 30_000 }).then(
      (response) => `loaded with status ${response?.status()}`,
      (error: unknown) => String(error),
    );
    const heading = await page.evaluate(() => document.querySelector('h1')?.textContent ?? null).catch(() => null);
    expect(heading, url).not.toBe('Cookie Lens sample server');
    return outcome;
  } finally {
    await page.close();
  }
}

describe('Chromium launched as npm start launches it', () => {
  it('loads the sample server over HTTPS, on its named hosts too, and refuses another certificate', async () => {
    const { browser } = await launchChromium({ ...startChromiumOptions(trusted, true), extension: false });
    try {
      const args = browser.process()?.spawnargs ?? [];
      expect(args).toContain(`--ignore-certificate-errors-spki-list=${trusted.spkiSha256}`);
      expect(args).not.toContain('--ignore-certificate-errors');
      expect(args.includes('--no-sandbox')).toBe(process.getuid?.() === 0);
      const page = await browser.newPage();
      await loadsIndex(page, trusted.httpsUrl);
      await loadsIndex(page, `https://site.cookielens.test:${trusted.httpsPort}/`);
      await loadsIndex(page, `https://127.0.0.1:${trusted.httpsPort}/`);
      // The other server is up (over HTTP), but its certificate is not the trusted one.
      await loadsIndex(page, other.httpUrl);
      expect(await refuses(browser, other.httpsUrl)).toMatch(/net::ERR_CERT_AUTHORITY_INVALID/);
      expect(await refuses(browser, `https://site.cookielens.test:${other.httpsPort}/`)).toMatch(
        /net::ERR_CERT_AUTHORITY_INVALID/,
      );
    } finally {
      await browser.close();
    }
  });
});

describe('Firefox launched as npm start -- --firefox launches it', () => {
  it('loads the sample server over HTTPS on every host, and refuses another certificate', async () => {
    const options = startFirefoxOptions(trusted, true);
    expect(options.trust).toHaveLength(1);
    // An exception for the other server's address too, with the trusted certificate: an exception
    // holds for one certificate, not for a host.
    const trust = (options.trust ?? []).map((t) => ({
      ...t,
      hostPorts: [...t.hostPorts, `localhost:${other.httpsPort}`],
    }));
    const { browser } = await launchFirefox({ ...options, trust, extension: false });
    const args = browser.process()?.spawnargs ?? [];
    const profile = args[args.indexOf('--profile') + 1] ?? '';
    try {
      expect(existsSync(`${profile}/cert_override.txt`)).toBe(true);
      const page = await browser.newPage();
      await loadsIndex(page, trusted.httpsUrl);
      await loadsIndex(page, `https://site.cookielens.test:${trusted.httpsPort}/`);
      await loadsIndex(page, `https://127.0.0.1:${trusted.httpsPort}/`);
      await loadsIndex(page, other.httpUrl);
      expect(await refuses(browser, other.httpsUrl)).toMatch(/MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT/);
      expect(await refuses(browser, `https://site.cookielens.test:${other.httpsPort}/`)).toMatch(
        /MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT/,
      );
    } finally {
      await browser.close();
    }
    // The throwaway profile, with its exceptions, is gone with the browser.
    expect(existsSync(profile)).toBe(false);
  });
});
