/**
 * Cookies for the browser-automation tools developers test with, in the shape each one's API takes.
 * Every domain is written as the browser stores it: a bare host for a host-only cookie, a leading
 * dot for a domain cookie (what each tool's own cookie listing returns, and how importCookies tells
 * the two apart again).
 *
 * - Playwright `storageState` (browser.newContext({ storageState })): sameSite is required and is
 *   `Strict`, `Lax` or `None`; an unspecified SameSite is written `Lax`, which is how Chromium
 *   treats it and what Playwright itself writes for it. `expires: -1` is a session cookie. The
 *   partition key is the top-level site string, with Playwright's Chromium-only
 *   `_crHasCrossSiteAncestor` next to it. `origins: []` (no localStorage).
 * - Puppeteer CookieParam[] (browser.setCookie(...), page.setCookie(...)): sameSite left out when
 *   unspecified, expires left out for a session cookie (CDP reads a missing expiry as "session";
 *   -1 would be a date in 1969), partitionKey as `{ sourceOrigin, hasCrossSiteAncestor }`.
 * - Selenium add_cookie dictionaries, as Python's `driver.add_cookie(d)` and JavaScript's
 *   `driver.manage().addCookie(d)` both take them: `expiry` in whole seconds (WebDriver requires an
 *   integer), sameSite `Strict`/`Lax`/`None` or left out. WebDriver cannot carry a host-only cookie
 *   with its domain (add_cookie with a domain makes a domain cookie; without one, the file would not
 *   say whose cookie it is) nor a partition key (a partitioned cookie is added unpartitioned). Both
 *   clients refuse `SameSite=None` without `Secure` (Chromium does too; Firefox stores it): such a
 *   cookie is written without sameSite.
 */
import { bareDomain, type Cookie } from '../../model/cookie';

const CAPITALIZED = { none: 'None', lax: 'Lax', strict: 'Strict' } as const;

const storedDomain = (c: Cookie) => (c.hostOnly ? bareDomain(c) : `.${bareDomain(c)}`);
const expiryOf = (c: Cookie) => (c.session || c.expirationDate === undefined ? undefined : c.expirationDate);
const json = (data: unknown) => `${JSON.stringify(data, null, 2)}\n`;

export function toPlaywright(cookies: readonly Cookie[]): string {
  return json({
    cookies: cookies.map((c) => ({
      name: c.name,
      value: c.value,
      domain: storedDomain(c),
      path: c.path,
      expires: expiryOf(c) ?? -1,
      httpOnly: c.httpOnly,
      secure: c.secure,
      sameSite: c.sameSite === 'unspecified' ? 'Lax' : CAPITALIZED[c.sameSite],
      ...(c.partitionKey ? { partitionKey: c.partitionKey.topLevelSite } : {}),
      ...(c.partitionKey?.hasCrossSiteAncestor !== undefined
        ? { _crHasCrossSiteAncestor: c.partitionKey.hasCrossSiteAncestor }
        : {}),
    })),
    origins: [],
  });
}

export function toPuppeteer(cookies: readonly Cookie[]): string {
  return json(
    cookies.map((c) => ({
      name: c.name,
      value: c.value,
      domain: storedDomain(c),
      path: c.path,
      secure: c.secure,
      httpOnly: c.httpOnly,
      sameSite: c.sameSite === 'unspecified' ? undefined : CAPITALIZED[c.sameSite],
      expires: expiryOf(c),
      partitionKey: c.partitionKey
        ? { sourceOrigin: c.partitionKey.topLevelSite, hasCrossSiteAncestor: c.partitionKey.hasCrossSiteAncestor }
        : undefined,
    })),
  );
}

export function toSelenium(cookies: readonly Cookie[]): string {
  return json(
    cookies.map((c) => {
      const expiry = expiryOf(c);
      const sameSite = c.sameSite === 'unspecified' || (c.sameSite === 'none' && !c.secure) ? undefined : CAPITALIZED[c.sameSite];
      return {
        name: c.name,
        value: c.value,
        domain: storedDomain(c),
        path: c.path,
        secure: c.secure,
        httpOnly: c.httpOnly,
        expiry: expiry === undefined ? undefined : Math.floor(expiry),
        sameSite,
      };
    }),
  );
}
