/**
 * A small in-memory cookie jar: the storage model of RFC 6265bis §5.7 (store, replace keeping the
 * creation time, delete, evict expired) and the Cookie header of §5.8.3. Enough to replay a series of
 * Set-Cookie headers and see what the next request carries; used by the conformance suite and by the
 * UI's "what does this header do" view. Not a browser: no per-domain limits, no third-party blocking.
 */
import { type Cookie, cookieKey } from '../../model/cookie';
import { domainMatches, hostOf, isSecureRequest, topLevelSiteOf } from '../site';
import { type ExplainOptions, type Explanation, explainSetCookie } from './explain';
import { pathMatches } from './path';

interface Entry {
  cookie: Cookie;
  /** Milliseconds since the epoch; kept when a cookie is replaced. */
  created: number;
  /** Insertion order, breaks ties between cookies created in the same millisecond. */
  order: number;
}

export interface RetrievalOptions {
  now?: number;
  /** Reading through document.cookie: HttpOnly cookies are left out. */
  fromScript?: boolean;
  /** URL or site of the top-level page, for partitioned cookies; defaults to the request URL. */
  topLevelSite?: string;
  /** Only cookies of this store; all stores when absent. */
  storeId?: string;
}

function isExpired(cookie: Cookie, now: number): boolean {
  return cookie.expirationDate !== undefined && cookie.expirationDate * 1000 <= now;
}

export class CookieJar {
  #entries: Entry[] = [];
  #order = 0;

  /** Starts with `cookies`, taken as created in the order given. */
  constructor(cookies: readonly Cookie[] = [], now: number = Date.now()) {
    for (const cookie of cookies) this.#entries.push({ cookie, created: now, order: this.#order++ });
  }

  /** Every unexpired cookie, oldest first. */
  cookies(now: number = Date.now()): Cookie[] {
    this.evictExpired(now);
    return this.#entries.map((e) => e.cookie);
  }

  get(key: string): Cookie | undefined {
    return this.#entries.find((e) => cookieKey(e.cookie) === key)?.cookie;
  }

  /** Stores a cookie, replacing one with the same identity (and keeping that one's creation time). */
  store(cookie: Cookie, now: number = Date.now()): 'stored' | 'replaced' {
    const key = cookieKey(cookie);
    const existing = this.#entries.find((e) => cookieKey(e.cookie) === key);
    if (existing) {
      existing.cookie = cookie;
      return 'replaced';
    }
    this.#entries.push({ cookie, created: now, order: this.#order++ });
    return 'stored';
  }

  delete(key: string): boolean {
    const before = this.#entries.length;
    this.#entries = this.#entries.filter((e) => cookieKey(e.cookie) !== key);
    return this.#entries.length !== before;
  }

  /** Removes expired cookies and returns them. */
  evictExpired(now: number = Date.now()): Cookie[] {
    const expired = this.#entries.filter((e) => isExpired(e.cookie, now)).map((e) => e.cookie);
    if (expired.length) this.#entries = this.#entries.filter((e) => !isExpired(e.cookie, now));
    return expired;
  }

  /** Applies what the explainer decided: stores, replaces or deletes. */
  commit(explanation: Explanation, now: number = Date.now()): void {
    const { verdict, cookie, replaces } = explanation;
    if (verdict === 'deleted') {
      if (replaces) this.delete(replaces);
    } else if ((verdict === 'stored' || verdict === 'replaced') && cookie) {
      this.store(cookie, now);
    }
    this.evictExpired(now);
  }

  /** Explains a Set-Cookie header against this jar's cookies, then applies it. */
  apply(header: string, requestUrl: string, options: Omit<ExplainOptions, 'jar'> = {}): Explanation {
    const now = options.now ?? Date.now();
    const explanation = explainSetCookie(header, requestUrl, { ...options, now, jar: this.cookies(now) });
    this.commit(explanation, now);
    return explanation;
  }

  /** The cookies a request to `url` carries, in Cookie-header order: longer paths first, then older first. */
  cookiesFor(url: string, options: RetrievalOptions = {}): Cookie[] {
    const now = options.now ?? Date.now();
    this.evictExpired(now);
    const parsed = new URL(url);
    const host = hostOf(url);
    const secure = isSecureRequest(parsed);
    const topText = topLevelSiteOf(options.topLevelSite ?? url);
    return this.#entries
      .filter(({ cookie }) => {
        if (options.storeId !== undefined && cookie.storeId !== options.storeId) return false;
        const domainOk = cookie.hostOnly ? host === cookie.domain.toLowerCase() : domainMatches(host, cookie.domain);
        if (!domainOk || !pathMatches(parsed.pathname, cookie.path)) return false;
        if (cookie.secure && !secure) return false;
        if (cookie.httpOnly && options.fromScript) return false;
        if (cookie.partitionKey && cookie.partitionKey.topLevelSite !== topText) return false;
        return true;
      })
      .sort((a, b) => b.cookie.path.length - a.cookie.path.length || a.created - b.created || a.order - b.order)
      .map((e) => e.cookie);
  }

  /** The Cookie header value for a request to `url` ('' when no cookie applies). */
  cookieHeader(url: string, options: RetrievalOptions = {}): string {
    return serializeCookies(this.cookiesFor(url, options));
  }
}

/** `name=value; name2=value2`; a nameless cookie is written as its value alone (6265bis §5.8.3). */
export function serializeCookies(cookies: readonly Pick<Cookie, 'name' | 'value'>[]): string {
  return cookies.map((c) => (c.name === '' ? c.value : `${c.name}=${c.value}`)).join('; ');
}
