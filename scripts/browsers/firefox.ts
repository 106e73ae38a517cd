/**
 * Firefox ESR with the BUILT extension (dist/firefox), over WebDriver BiDi: Debian's
 * /usr/bin/firefox-esr when present, otherwise the one puppeteer installed. Used by `npm start`
 * and the tests.
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type LaunchOptions, type Page } from 'puppeteer';
import { MAPPED_HOSTS } from '../../test/server/scenarios';
import { assertBuilt, distFirefox, root } from './paths';
import { tabIdOf, withTabId } from './tabs';

function firefoxPath(): string {
  for (const p of ['/usr/bin/firefox-esr', '/usr/bin/firefox']) if (existsSync(p)) return p;
  return puppeteer.executablePath({ browser: 'firefox' });
}

/** Pinned moz-extension:// host of the installed extension, so its pages have known URLs. */
export const FIREFOX_UUID = '0f3c7e1a-1111-4222-8333-444455556666';

export function geckoId(): string {
  const manifest = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  return manifest.browser_specific_settings.gecko.id;
}

export interface FirefoxSession {
  browser: Browser;
  /** moz-extension://<uuid>/ base of the installed extension. */
  base: string;
}

/** A certificate Firefox accepts although no authority signed it, on the listed `host:port` pairs only. */
export interface TrustedCertificate {
  /** PEM. */
  certificate: string;
  hostPorts: readonly string[];
}

export interface FirefoxOptions {
  /** Install the built extension (default true). */
  extension?: boolean;
  headless?: boolean;
  prefs?: Record<string, unknown>;
  /**
   * Certificates to accept as Firefox's own per-site exceptions ("Accept the risk"), written to the
   * fresh profile's cert_override.txt: each is accepted on its `host:port` pairs and nowhere else,
   * and any other certificate is checked as usual. Without it the browser accepts ANY certificate
   * (WebDriver's acceptInsecureCerts): only for the tests' throwaway headless browsers.
   */
  trust?: readonly TrustedCertificate[];
}

/**
 * The cert_override.txt that makes Firefox accept `trust` (one line per host:port:
 * `host:port:<origin attributes>`, the SHA-256 OID, the certificate's SHA-256 fingerprint, an empty
 * field once used for error kinds, and a key Firefox only shows). Pure.
 */
export function certOverrideFile(trust: readonly TrustedCertificate[]): string {
  const lines = ['# PSM Certificate Override Settings file', '# Written by Cookie Lens for a throwaway profile.'];
  for (const { certificate, hostPorts } of trust) {
    const x509 = new X509Certificate(certificate);
    // Firefox matches the fingerprint alone; the last field must not be empty.
    const dbKey = `serial-${x509.serialNumber}`;
    for (const hostPort of hostPorts) {
      lines.push(`${hostPort}:\tOID.2.16.840.1.101.3.4.2.1\t${x509.fingerprint256}\t\t${dbKey}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Puppeteer's launch options for `options` (all but the executable); `profile` is the profile
 * directory made for `options.trust`. Pure, so the choices can be tested.
 */
export function firefoxLaunchOptions(options: FirefoxOptions, profile: string | undefined): LaunchOptions {
  return {
    browser: 'firefox',
    headless: options.headless ?? true,
    acceptInsecureCerts: options.trust === undefined,
    ...(profile ? { userDataDir: profile } : {}),
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId()]: FIREFOX_UUID }),
      // The sample site's named hosts (site.cookielens.test, ...): Firefox takes exact names only.
      'network.dns.localDomains': ['localhost', ...MAPPED_HOSTS].join(','),
      ...options.prefs,
    },
  };
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxSession> {
  const withExtension = options.extension ?? true;
  if (withExtension) assertBuilt(distFirefox);
  // Exceptions live in the profile, so a browser that trusts only some certificates gets a profile
  // made here (puppeteer makes its own during launch, too late to add the file), removed at exit.
  const profile = options.trust ? mkdtempSync(join(tmpdir(), 'cookie-lens-firefox-')) : undefined;
  const removeProfile = () => {
    if (profile) rmSync(profile, { recursive: true, force: true });
  };
  if (profile && options.trust) writeFileSync(join(profile, 'cert_override.txt'), certOverrideFile(options.trust));
  const browser = await puppeteer
    .launch({ executablePath: firefoxPath(), ...firefoxLaunchOptions(options, profile) })
    .catch((error: unknown) => {
      removeProfile();
      throw error;
    });
  if (profile) browser.process()?.once('exit', removeProfile);
  if (withExtension) await browser.installExtension(distFirefox);
  return { browser, base: `moz-extension://${FIREFOX_UUID}/` };
}

/**
 * Opens an extension page in Firefox. BiDi never reports the load of a moz-extension page, so the
 * navigation "times out" although the page loads: wait for content instead.
 */
export async function openFirefoxExtensionPage(session: FirefoxSession, path: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(`${session.base}${path}`, { timeout: 400 }).catch(() => {});
  await page.waitForFunction(() => document.readyState === 'complete', { timeout: 10_000, polling: 50 });
  return page;
}

/**
 * Opens an extension page (e.g. `popup/index.html`) for the tab showing `site`. Puppeteer cannot
 * open Firefox's toolbar popup or its DevTools, so the page is opened as a tab with `?tabId=`.
 */
export async function openFirefoxExtensionPageFor(session: FirefoxSession, site: Page, path: string): Promise<Page> {
  const probe = await openFirefoxExtensionPage(session, 'popup/index.html?tabId=0');
  const tabId = await tabIdOf(site, probe);
  await probe.close();
  return openFirefoxExtensionPage(session, withTabId(path, tabId));
}
