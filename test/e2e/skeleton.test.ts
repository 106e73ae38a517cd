/**
 * Walking skeleton: real cookies from a real local page, listed by the real built extension in
 * Chromium's action popup, Chromium's DevTools panel and Firefox's popup page.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium, openChromiumPanel, openChromiumPopup } from '../../scripts/browsers/chromium';
import { type FirefoxSession, launchFirefox, openFirefoxExtensionPageFor } from '../../scripts/browsers/firefox';
import { waitForRows } from './support/rows';

const SET_COOKIES = [
  'plain=hello; Path=/',
  'hidden=from-script; HttpOnly; Path=/',
  'crosssite=1; Secure; SameSite=None; Path=/',
  'persistent=kept; Max-Age=86400; Path=/',
];
const NAMES = ['plain', 'hidden', 'crosssite', 'persistent'];

let server: Server;
let siteUrl: string;

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.setHeader('Set-Cookie', SET_COOKIES);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end('<!doctype html><title>skeleton</title><p>four cookies</p>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  siteUrl = `http://localhost:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
});

describe('Chromium', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.browser.close();
  });

  it('the real action popup lists every cookie of the page, HttpOnly included', async () => {
    const page = await session.browser.newPage();
    await page.goto(siteUrl);
    const popup = await openChromiumPopup(session, page);
    const rows = await waitForRows(popup, NAMES);
    expect(rows.map((r) => r.name).sort()).toEqual([...NAMES].sort());
    const hidden = rows.find((r) => r.name === 'hidden');
    expect(hidden?.flags).toContain('HttpOnly');
    expect(hidden?.domain).toBe('localhost');
    expect(hidden?.path).toBe('/');
    await page.close();
  });

  it('the real DevTools panel lists the inspected page cookies', async () => {
    const page = await session.browser.newPage();
    await page.goto(siteUrl);
    const { panel } = await openChromiumPanel(session, page);
    const rows = await waitForRows(panel, NAMES);
    expect(rows.map((r) => r.name).sort()).toEqual([...NAMES].sort());
    await page.close();
  });
});

describe('Firefox ESR', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(async () => {
    await session?.browser.close();
  });

  it('the popup page opened for the site tab lists every cookie, HttpOnly included', async () => {
    const page = await session.browser.newPage();
    await page.goto(siteUrl);
    const popup = await openFirefoxExtensionPageFor(session, page, 'popup/index.html');
    const rows = await waitForRows(popup, NAMES);
    expect(rows.map((r) => r.name).sort()).toEqual([...NAMES].sort());
    expect(rows.find((r) => r.name === 'hidden')?.flags).toContain('HttpOnly');
  });
});
