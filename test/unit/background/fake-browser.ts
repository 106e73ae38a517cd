/**
 * A stand-in for webextension-polyfill's `browser`, enough for the background's handlers: a cookie
 * jar that removes the way Chromium does (every same-name cookie sent to the URL), tabs, and
 * `storage.session` whose writes can be made to fail. Unit tests only.
 */
import type { Cookies } from 'webextension-polyfill';
import { cookieKey } from '../../../src/model/cookie';
import { enLookup } from '../en';

type Stored = Cookies.Cookie;

function hostOfUrl(url: string): { host: string; path: string } {
  const u = new URL(url);
  return { host: u.hostname.replace(/^\[|\]$/g, ''), path: u.pathname };
}

function domainMatches(cookie: Stored, host: string): boolean {
  const d = cookie.domain.replace(/^\./, '').replace(/^\[|\]$/g, '');
  return cookie.hostOnly ? d === host : host === d || host.endsWith(`.${d}`);
}

function pathMatches(cookiePath: string, path: string): boolean {
  return path === cookiePath || path.startsWith(cookiePath.endsWith('/') ? cookiePath : `${cookiePath}/`);
}

/** `cookies.getAll({ domain })`: cookies whose domain is that domain or a subdomain of it. */
function isAtOrBelow(cookieDomain: string, domain: string): boolean {
  const d = cookieDomain.replace(/^\./, '');
  const want = domain.replace(/^\./, '');
  return d === want || d.endsWith(`.${want}`);
}

const keyOf = (c: Stored) => {
  const { partitionKey, ...rest } = c;
  return cookieKey({
    ...rest,
    ...(partitionKey?.topLevelSite ? { partitionKey: { topLevelSite: partitionKey.topLevelSite } } : {}),
  });
};

export class FakeBrowser {
  jar = new Map<string, Stored>();
  session = new Map<string, unknown>();
  tabs = new Map<number, { id: number; url: string; incognito: boolean }>();
  /** A reason to refuse a cookie write, or undefined to store it. */
  refuse: (details: Cookies.SetDetailsType) => string | undefined = () => undefined;
  /** Whether a write to session storage fails (storage full). */
  sessionFails: (items: Record<string, unknown>) => boolean = () => false;

  reset(): void {
    this.jar.clear();
    this.session.clear();
    this.tabs.clear();
    this.refuse = () => undefined;
    this.sessionFails = () => false;
  }

  add(cookie: Partial<Stored> & { name: string; domain: string }): void {
    const c: Stored = {
      value: '',
      hostOnly: !cookie.domain.startsWith('.'),
      path: '/',
      secure: false,
      httpOnly: false,
      sameSite: 'unspecified',
      session: true,
      storeId: '0',
      firstPartyDomain: '',
      ...cookie,
    };
    this.jar.set(keyOf(c), c);
  }

  cookies(): Stored[] {
    return [...this.jar.values()];
  }

  readonly browser = {
    runtime: {},
    // An English browser: the extension's own catalogue.
    i18n: { getMessage: enLookup, getUILanguage: () => 'en' },
    tabs: {
      get: async (id: number) => {
        const tab = this.tabs.get(id);
        if (!tab) throw new Error(`No tab with id: ${id}.`);
        return tab;
      },
      query: async () => [...this.tabs.values()],
    },
    storage: {
      session: {
        get: async (key: string) => (this.session.has(key) ? { [key]: structuredClone(this.session.get(key)) } : {}),
        set: async (items: Record<string, unknown>) => {
          if (this.sessionFails(items)) throw new Error('QUOTA_BYTES quota exceeded');
          for (const [k, v] of Object.entries(items)) this.session.set(k, structuredClone(v));
        },
      },
    },
    cookies: {
      onChanged: { addListener: () => {}, hasListener: () => false, removeListener: () => {} },
      getAllCookieStores: async () => [{ id: '0', tabIds: [...this.tabs.keys()] }],
      getAll: async (details: Cookies.GetAllDetailsType) =>
        this.cookies()
          .filter((c) => details.name === undefined || c.name === details.name)
          .filter((c) => details.storeId === undefined || c.storeId === details.storeId)
          .filter((c) => details.path === undefined || c.path === details.path)
          .filter((c) => details.domain === undefined || isAtOrBelow(c.domain, details.domain))
          .map((c) => ({ ...c })),
      set: async (details: Cookies.SetDetailsType) => {
        const reason = this.refuse(details);
        if (reason) throw new Error(reason);
        const { host } = hostOfUrl(details.url);
        const c: Stored = {
          name: details.name ?? '',
          value: details.value ?? '',
          domain: details.domain ? `.${details.domain.replace(/^\./, '')}` : host,
          hostOnly: !details.domain,
          path: details.path ?? '/',
          secure: details.secure ?? false,
          httpOnly: details.httpOnly ?? false,
          sameSite: details.sameSite ?? 'unspecified',
          session: details.expirationDate === undefined,
          storeId: details.storeId ?? '0',
          firstPartyDomain: '',
        };
        if (details.expirationDate !== undefined) c.expirationDate = details.expirationDate;
        this.jar.set(keyOf(c), c);
        return { ...c };
      },
      remove: async (details: Cookies.RemoveDetailsType) => {
        const { host, path } = hostOfUrl(details.url);
        for (const c of this.cookies()) {
          if (
            c.name === details.name &&
            c.storeId === (details.storeId ?? '0') &&
            domainMatches(c, host) &&
            pathMatches(c.path, path)
          ) {
            this.jar.delete(keyOf(c));
          }
        }
        return details;
      },
    },
  };
}

export const fake = new FakeBrowser();
