/**
 * Ground truth for the sample server's catalogue, without the extension: open every scenario in
 * real Chromium and real Firefox ESR and check what each browser actually stored (and refused)
 * against the scenario's expectations for that browser.
 *
 * Chromium: the default profile (third-party cookies allowed as in a normal window), cookies read
 * and cleared with CDP `Storage.*`, refusal reasons read from `Network.responseReceivedExtraInfo`.
 * Firefox: a fresh user context per scenario, cookies read with BiDi `storage.getCookies`
 * (unpartitioned, and partitioned under each top-level origin the scenario visits).
 */
import type { CDPSession, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserName,
  expectationFor,
  type Host,
  type RejectReason,
  type Scenario,
  scenarioHosts,
  scenarioUrls,
  scenarios,
  urlFor,
} from '../server/scenarios';
import { type RunningServer, startServer } from '../server/server';
import { launchChromium as launchPlainChromium } from '../../scripts/browsers/chromium';
import { launchFirefox as launchPlainFirefox } from '../../scripts/browsers/firefox';

/** A cookie as a browser stored it, the same shape for both engines. */
interface Stored {
  name: string;
  value: string;
  domain: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string;
  /** Seconds since the epoch; undefined for a session cookie. */
  expires: number | undefined;
  /** The top-level site of its partition, or '' when unpartitioned. */
  partition: string;
}

interface Observation {
  cookies: Stored[];
  /** Chromium only: cookie name → the reasons Chromium gave for refusing a Set-Cookie line. */
  blocked: Map<string, string[]>;
}

interface Engine {
  name: BrowserName;
  run(scenario: Scenario): Promise<Observation>;
  close(): Promise<void>;
}

const DUMP = process.env.CL_DUMP === '1';
const DAY = 24 * 3600;

/** The cookie's domain without a leading dot domain-matches one of the scenario's hosts. */
function belongsTo(domain: string, hosts: readonly Host[]): boolean {
  const bare = domain.replace(/^\./, '');
  return hosts.some((h) => h === bare || h.endsWith(`.${bare}`) || bare.endsWith(`.${h}`));
}

/** Waits for the page (and each of its frames) to have run the scenario script. */
async function waitForScenario(page: Page): Promise<void> {
  for (const frame of page.frames()) {
    await frame.waitForFunction(() => document.documentElement.dataset.scenarioDone === '1', { timeout: 10_000 });
  }
}

// ------------------------------------------------------------------------------------------------
// Chromium

/**
 * Chromium's CookieBlockedReason for a Set-Cookie line → the explainer's RejectReasons it can mean.
 * Chromium says InvalidDomain for a foreign domain, a public suffix and a non-ASCII domain alike.
 */
const CHROMIUM_REASONS: Record<string, RejectReason[]> = {
  SecureOnly: ['secure-from-insecure-origin'],
  SameSiteNoneInsecure: ['samesite-none-insecure'],
  DomainMismatch: ['domain-mismatch'],
  InvalidDomain: ['domain-mismatch', 'domain-public-suffix', 'non-ascii-domain'],
  InvalidPrefix: ['invalid-prefix', 'nameless-prefix'],
  OverwriteSecure: ['overwrite-secure'],
  NameValuePairExceedsMaxSize: ['too-large'],
  DisallowedCharacter: ['control-characters'],
  NoCookieContent: ['empty'],
  SameSiteLax: ['samesite-cross-site'],
  SameSiteStrict: ['samesite-cross-site'],
  SameSiteUnspecifiedTreatedAsLax: ['samesite-cross-site'],
};

/** Third-party cookie blocking: when Chromium gives only this reason it masks the others. */
const MASKING_REASONS = new Set(['UserPreferences', 'ThirdPartyPhaseout', 'ThirdPartyBlockedInFirstPartySet']);

async function launchChromium(server: RunningServer): Promise<Engine> {
  // The browsers as the extension tests run them, without the extension: what the browser itself keeps.
  const { browser } = await launchPlainChromium({ extension: false });
  const root: CDPSession = await browser.target().createCDPSession();
  const page = await browser.newPage();
  const client = await page.createCDPSession();
  await client.send('Network.enable');
  let blocked = new Map<string, string[]>();
  client.on('Network.responseReceivedExtraInfo', (event) => {
    for (const b of event.blockedCookies) {
      const name = b.cookie?.name ?? b.cookieLine.split('=')[0]?.trim() ?? '';
      blocked.set(name, [...(blocked.get(name) ?? []), ...b.blockedReasons]);
    }
  });
  const ports = { http: server.httpPort, https: server.httpsPort };
  return {
    name: 'chrome',
    async run(scenario) {
      await root.send('Storage.clearCookies', {});
      blocked = new Map();
      await page.goto(scenarioUrls(scenario, ports).start, { waitUntil: 'load' });
      await waitForScenario(page);
      const { cookies } = await root.send('Storage.getCookies', {});
      const hosts = scenarioHosts(scenario);
      return {
        blocked,
        cookies: cookies
          .filter((c) => belongsTo(c.domain, hosts))
          .map((c) => ({
            name: c.name,
            value: c.value,
            domain: c.domain,
            path: c.path,
            secure: c.secure,
            httpOnly: c.httpOnly,
            sameSite: c.sameSite ?? 'unspecified',
            expires: c.session ? undefined : c.expires,
            partition: c.partitionKey?.topLevelSite ?? '',
          })),
      };
    },
    close: () => browser.close(),
  };
}

// ------------------------------------------------------------------------------------------------
// Firefox

interface BidiCookie {
  name: string;
  value: { type: 'string'; value: string } | { type: 'base64'; value: string };
  domain: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string;
  expiry?: number;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

async function launchFirefox(server: RunningServer): Promise<Engine> {
  const { browser } = await launchPlainFirefox({
    extension: false,
    // Show /echo's JSON as text rather than in the JSON viewer.
    prefs: { 'devtools.jsonview.enabled': false },
  });
  // Puppeteer's BiDi connection: storage.getCookies with a partition key is not in its public API.
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const ports = { http: server.httpPort, https: server.httpsPort };
  return {
    name: 'firefox',
    async run(scenario) {
      const context = await browser.createBrowserContext();
      try {
        const userContext = (context as unknown as { userContext: { id: string } }).userContext.id;
        const page = await context.newPage();
        const urls = scenarioUrls(scenario, ports);
        await page.goto(urls.start, { waitUntil: 'load' });
        await waitForScenario(page);
        // Without a source origin Firefox returns every cookie of the user context, partitioned or not.
        const { result } = await connection.send('storage.getCookies', {
          partition: { type: 'storageKey', userContext },
        });
        const all = (result as { cookies: BidiCookie[] }).cookies.map(
          (c): Stored => ({
            name: c.name,
            value: c.value.type === 'string' ? c.value.value : Buffer.from(c.value.value, 'base64').toString('utf8'),
            domain: c.domain,
            path: c.path,
            secure: c.secure,
            httpOnly: c.httpOnly,
            sameSite: c.sameSite,
            expires: c.expiry,
            partition: '',
          }),
        );
        const hosts = scenarioHosts(scenario);
        const cookies = all.filter((c) => belongsTo(c.domain, hosts));
        // BiDi does not say which partition a cookie lives in. A frame's cookies that a top-level
        // page on the frame's own origin is not sent live in the embedding site's partition.
        const frame = scenario.frame;
        if (frame) {
          const frameHost = frame.host ?? scenario.host ?? 'localhost';
          const frameScheme = frame.scheme ?? scenario.scheme ?? 'http';
          await page.goto(urlFor(ports, frameScheme, frameHost, '/echo'), { waitUntil: 'load' });
          const echoed = JSON.parse(await page.evaluate(() => document.body.textContent ?? '')) as {
            cookie: string | null;
          };
          const sent = new Set((echoed.cookie ?? '').split('; ').map((pair) => pair.split('=')[0]));
          const top = new URL(urls.final).origin;
          for (const c of cookies) {
            if (c.domain === frameHost && !sent.has(c.name)) c.partition = top;
          }
        }
        return { blocked: new Map(), cookies };
      } finally {
        await context.close();
      }
    },
    close: () => browser.close(),
  };
}

// ------------------------------------------------------------------------------------------------
// The checks

function matches(
  stored: Stored,
  expected: { name: string; value?: string; path?: string; domain?: string },
  hosts: readonly Host[],
): boolean {
  if (stored.name !== expected.name) return false;
  if (expected.value !== undefined && stored.value !== expected.value) return false;
  if (stored.path !== (expected.path ?? '/')) return false;
  if (expected.domain !== undefined) return stored.domain === expected.domain;
  return !stored.domain.startsWith('.') && hosts.includes(stored.domain as Host);
}

function check(engine: BrowserName, scenario: Scenario, observed: Observation): void {
  const expectation = expectationFor(scenario, engine);
  const hosts = scenarioHosts(scenario);
  const now = Date.now() / 1000;
  const describeStored = (c: Stored): string =>
    `${c.name}=${c.value.slice(0, 40)} (${c.domain}${c.path}${c.partition ? ` partitioned under ${c.partition}` : ''})`;

  const unmatched = [...observed.cookies];
  for (const want of expectation.cookies) {
    const index = unmatched.findIndex((c) => matches(c, want, hosts));
    expect(
      index,
      `${engine}: ${want.name} should be stored; stored: ${observed.cookies.map(describeStored).join(', ')}`,
    ).toBeGreaterThanOrEqual(0);
    const [got] = unmatched.splice(index, 1);
    if (!got) continue;
    expect(got.partition !== '', `${engine}: ${want.name} partitioned`).toBe(want.partitioned ?? false);
    if (want.notRules?.includes('long-lifetime') && got.expires !== undefined) {
      // The browser caps lifetimes at 400 days, so long-lifetime cannot show on the stored cookie.
      expect(got.expires - now, `${engine}: ${want.name} expiry capped`).toBeLessThanOrEqual(400 * DAY + 60);
    }
  }
  expect(unmatched.map(describeStored), `${engine}: cookies stored that the catalogue does not expect`).toEqual([]);

  for (const gone of expectation.absent ?? []) {
    const found = observed.cookies.filter(
      (c) =>
        c.name === gone.name &&
        (gone.value === undefined || c.value === gone.value) &&
        (gone.path === undefined || c.path === gone.path),
    );
    expect(found.map(describeStored), `${engine}: ${gone.name || '(empty name)'} should be ${gone.verdict}`).toEqual(
      [],
    );
    if (engine === 'chrome' && gone.verdict === 'rejected' && gone.reason) {
      const reasons = observed.blocked.get(gone.name);
      // Script writes are not reported; a cookie refused as third-party is reported with that
      // reason alone, whatever else is wrong with it.
      if (reasons && !reasons.every((r) => MASKING_REASONS.has(r))) {
        const mapped = reasons.flatMap((r) => CHROMIUM_REASONS[r] ?? []);
        expect(
          mapped.includes(gone.reason),
          `${engine}: ${gone.name} refused for ${gone.reason}, Chromium says ${reasons.join(', ')}`,
        ).toBe(true);
      }
    }
  }
}

let server: RunningServer;
const engines = new Map<BrowserName, Engine>();

beforeAll(async () => {
  server = await startServer({ port: 0, httpsPort: 0 });
  const [chrome, firefox] = await Promise.all([launchChromium(server), launchFirefox(server)]);
  engines.set('chrome', chrome);
  engines.set('firefox', firefox);
});

afterAll(async () => {
  await Promise.all([...engines.values()].map((e) => e.close()));
  await server?.close();
});

for (const browserName of ['chrome', 'firefox'] as const) {
  describe(`${browserName}: what the browser stores`, () => {
    for (const scenario of scenarios) {
      it(scenario.id, async () => {
        const engine = engines.get(browserName);
        if (!engine) throw new Error(`${browserName} did not start`);
        const observed = await engine.run(scenario);
        if (DUMP) {
          console.log(
            JSON.stringify({
              browser: browserName,
              scenario: scenario.id,
              cookies: observed.cookies.map((c) => ({ ...c, value: c.value.slice(0, 30) })),
              blocked: Object.fromEntries(observed.blocked),
            }),
          );
        }
        check(browserName, scenario, observed);
      });
    }
  });
}
