/**
 * Filling the browser's cookie store for a view, through CDP (`Storage.setCookies`): the cookies are
 * real cookies in the default store, as if sites had set them, without loading thousands of pages.
 */
import type { Browser, CDPSession } from 'puppeteer';

/** Chromium keeps at most 180 cookies per registrable domain (kDomainMaxCookies). */
export const SITE_LIMIT = 180;
export const SITES = 100;

export interface SeedCookie {
  name: string;
  value: string;
  url: string;
}

/** `site001-x.test` … : registrable domains of their own (`site001.x.test` would share `x.test`'s limit). */
export function siteName(i: number): string {
  return `site${String(i + 1).padStart(3, '0')}-x.test`;
}

/**
 * `total` cookies: `min(total, 180)` on `host` (what its popup shows, named `bulk0001`… as the sample
 * server's `/bulk` names them) and the rest spread evenly over the 100 other sites. Pure.
 */
export function popupStore(host: string, total: number): SeedCookie[] {
  const own = Math.min(total, SITE_LIMIT);
  const cookies: SeedCookie[] = Array.from({ length: own }, (_, i) => ({
    name: `bulk${String(i + 1).padStart(4, '0')}`,
    value: `v${i + 1}`,
    url: `http://${host}/`,
  }));
  return [...cookies, ...spread(total - own)];
}

/** `total` cookies over the 100 sites, `ck01`, `ck02`… on each. Pure. */
export function spread(total: number): SeedCookie[] {
  return Array.from({ length: total }, (_, i) => {
    const site = i % SITES;
    const n = Math.floor(i / SITES) + 1;
    return { name: `ck${String(n).padStart(2, '0')}`, value: `v${n}`, url: `http://${siteName(site)}/` };
  });
}

export class CookieStore {
  private constructor(private readonly session: CDPSession) {}

  static async open(browser: Browser): Promise<CookieStore> {
    return new CookieStore(await browser.target().createCDPSession());
  }

  /** Empties the store, then writes `cookies` (SameSite=Lax, Path=/, session cookies, as `/bulk` sets them). */
  async fill(cookies: readonly SeedCookie[]): Promise<void> {
    await this.session.send('Storage.clearCookies');
    const params = cookies.map((c) => ({ ...c, path: '/', sameSite: 'Lax' as const }));
    for (let i = 0; i < params.length; i += 500) {
      await this.session.send('Storage.setCookies', { cookies: params.slice(i, i + 500) });
    }
    const { cookies: stored } = await this.session.send('Storage.getCookies');
    if (stored.length !== cookies.length) {
      throw new Error(`the store holds ${stored.length} cookies, not the ${cookies.length} the bench wrote`);
    }
  }

  async clear(): Promise<void> {
    await this.session.send('Storage.clearCookies');
  }

  async count(): Promise<number> {
    return (await this.session.send('Storage.getCookies')).cookies.length;
  }
}
