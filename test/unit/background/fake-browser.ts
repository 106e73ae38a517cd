/**
 * A stand-in for webextension-polyfill's `browser`, enough for the background's handlers: a cookie
 * jar that reads by `url` and removes the way Chromium does (every same-name cookie sent to the URL) and keeps
 * partitions apart as Chromium does (`getAll` without a partition key reads unpartitioned cookies
 * only, `partitionKey: {}` every partition), tabs, `storage.session` whose writes can be made to
 * fail, and `storage.local`; `cookies.onChanged` reports each write and removal as the browsers do
 * (just after the call). `asFirefox()` (before the background modules are imported) makes it
 * look like Firefox: `runtime.getBrowserInfo`, Firefox's store ids and containers. Unit tests only.
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

/** Whether a request to the URL gets the cookie, as Chromium decides it for `getAll` and `remove` with a `url`. */
function sentTo(cookie: Stored, at: { host: string; path: string; https: boolean }): boolean {
  return domainMatches(cookie, at.host) && pathMatches(cookie.path, at.path) && (at.https || !cookie.secure);
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

/** Whether a stored cookie is one a `partitionKey` detail asks for (Chromium: none, unpartitioned only; `{}`, all). */
function inPartition(c: Stored, key: Cookies.PartitionKey | undefined, orUnpartitioned: boolean): boolean {
  const site = c.partitionKey?.topLevelSite;
  if (key === undefined) return !site;
  if (key.topLevelSite === undefined) return true;
  return site === key.topLevelSite || (orUnpartitioned && !site);
}

export interface FakeContainer {
  cookieStoreId: string;
  name: string;
  color: string;
  colorCode: string;
}

export class FakeBrowser {
  jar = new Map<string, Stored>();
  session = new Map<string, unknown>();
  local = new Map<string, unknown>();
  /** Firefox: the containers `contextualIdentities.query` answers; undefined: containers are turned off. */
  containers: FakeContainer[] | undefined = [];
  /** Whether the extension may run in private windows. */
  privateAllowed = false;
  /** The stores `getAllCookieStores` lists (beyond the default one). */
  extraStores: string[] = [];
  tabs = new Map<number, { id: number; url: string; incognito: boolean }>();
  /** A reason to refuse a cookie write, or undefined to store it. */
  refuse: (details: Cookies.SetDetailsType) => string | undefined = () => undefined;
  /**
   * How many `getAll` calls walked the whole store (no `url`): Chromium copies every cookie of the
   * store for each, so a change must not make one per cookie. `getAll` with a `url` reads one host.
   */
  storeWalks = 0;
  /** How many writes were already expired (deletions by expiry). */
  expiredWrites = 0;
  /** Whether a write to session storage fails (storage full). */
  sessionFails: (items: Record<string, unknown>) => boolean = () => false;
  /** How many times `storage.session` and `storage.local` were written. */
  storageWrites = 0;
  /** `cookies.onChanged` listeners. */
  private readonly changeListeners = new Set<(info: Cookies.OnChangedChangeInfoType) => void>();

  /** Reports a change to the `cookies.onChanged` listeners, after the call that made it (as browsers do). */
  private changed(cookie: Stored, removed: boolean, cause: Cookies.OnChangedCause): void {
    const info = { cookie: { ...cookie }, removed, cause };
    queueMicrotask(() => {
      for (const listener of this.changeListeners) listener(info);
    });
  }

  reset(): void {
    this.jar.clear();
    this.session.clear();
    this.tabs.clear();
    this.local.clear();
    this.extraStores = [];
    this.privateAllowed = false;
    this.containers = [];
    this.refuse = () => undefined;
    this.sessionFails = () => false;
    this.storeWalks = 0;
    this.expiredWrites = 0;
    this.storageWrites = 0;
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

  /** Looks like Firefox from now on: call before importing the background modules. */
  asFirefox(): void {
    this.browser.runtime = { getBrowserInfo: async () => ({ name: 'Firefox' }) };
    this.firefox = true;
  }

  firefox = false;

  readonly browser = {
    runtime: {} as Record<string, unknown>,
    // An English browser: the extension's own catalogue.
    i18n: { getMessage: enLookup, getUILanguage: () => 'en' },
    extension: {
      isAllowedIncognitoAccess: async () => this.privateAllowed,
    },
    contextualIdentities: {
      query: async (_details: object) => {
        if (!this.firefox) throw new Error('browser.contextualIdentities is undefined');
        if (!this.containers) throw new Error('Contextual identities are currently disabled');
        return this.containers.map((c) => ({ ...c }));
      },
    },
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
          this.storageWrites++;
          if (this.sessionFails(items)) throw new Error('QUOTA_BYTES quota exceeded');
          for (const [k, v] of Object.entries(items)) this.session.set(k, structuredClone(v));
        },
      },
      local: {
        get: async (key: string) => (this.local.has(key) ? { [key]: structuredClone(this.local.get(key)) } : {}),
        set: async (items: Record<string, unknown>) => {
          this.storageWrites++;
          for (const [k, v] of Object.entries(items)) this.local.set(k, structuredClone(v));
        },
      },
    },
    cookies: {
      onChanged: {
        addListener: (listener: (info: Cookies.OnChangedChangeInfoType) => void) => this.changeListeners.add(listener),
        hasListener: (listener: (info: Cookies.OnChangedChangeInfoType) => void) => this.changeListeners.has(listener),
        removeListener: (listener: (info: Cookies.OnChangedChangeInfoType) => void) =>
          this.changeListeners.delete(listener),
      },
      getAllCookieStores: async () => [
        { id: this.firefox ? 'firefox-default' : '0', tabIds: [...this.tabs.keys()] },
        ...this.extraStores.map((id) => ({ id, tabIds: [] })),
      ],
      getAll: async (details: Cookies.GetAllDetailsType) => {
        if (details.url === undefined) this.storeWalks++;
        const at =
          details.url === undefined
            ? undefined
            : { ...hostOfUrl(details.url), https: details.url.startsWith('https:') };
        return this.cookies()
          .filter((c) => at === undefined || sentTo(c, at))
          .filter((c) => inPartition(c, details.partitionKey, true))
          .filter((c) => details.name === undefined || c.name === details.name)
          .filter((c) => details.storeId === undefined || c.storeId === details.storeId)
          .filter((c) => details.path === undefined || c.path === details.path)
          .filter((c) => details.domain === undefined || isAtOrBelow(c.domain, details.domain))
          .map((c) => ({ ...c }));
      },
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
          firstPartyDomain: details.firstPartyDomain ?? '',
        };
        if (details.expirationDate !== undefined) c.expirationDate = details.expirationDate;
        // A cookie written already expired deletes the one of its identity and is not stored.
        if (details.expirationDate !== undefined && details.expirationDate * 1000 <= Date.now()) {
          this.expiredWrites++;
          const old = this.jar.get(keyOf(c));
          this.jar.delete(keyOf(c));
          if (old) this.changed(old, true, 'expired_overwrite');
          return undefined;
        }
        if (details.partitionKey?.topLevelSite) {
          // Chromium fills in hasCrossSiteAncestor when the write leaves it out.
          c.partitionKey = {
            topLevelSite: details.partitionKey.topLevelSite,
            hasCrossSiteAncestor: details.partitionKey.hasCrossSiteAncestor ?? false,
          };
        }
        const old = this.jar.get(keyOf(c));
        this.jar.set(keyOf(c), c);
        if (old) this.changed(old, true, 'overwrite');
        this.changed(c, false, 'explicit');
        return { ...c };
      },
      remove: async (details: Cookies.RemoveDetailsType) => {
        const { host, path } = hostOfUrl(details.url);
        for (const c of this.cookies()) {
          if (
            c.name === details.name &&
            c.storeId === (details.storeId ?? '0') &&
            inPartition(c, details.partitionKey ?? undefined, false) &&
            sentTo(c, { host, path, https: details.url.startsWith('https:') })
          ) {
            this.jar.delete(keyOf(c));
            this.changed(c, true, 'explicit');
          }
        }
        return details;
      },
    },
  };
}

export const fake = new FakeBrowser();
