/** Finding a site page's tab from an extension page, in either browser. */
import type { Page } from 'puppeteer';

/**
 * The extension's id for the tab showing `page`. Two tabs may show the same URL (e.g. in two
 * containers), so the page is marked with a unique title while the extension looks for it.
 */
export async function tabIdOf(page: Page, extensionPage: Page): Promise<number> {
  const marker = `cookie-lens-tab-${Math.random().toString(36).slice(2)}`;
  const title = await page.evaluate((m: string) => {
    const old = document.title;
    document.title = m;
    return old;
  }, marker);
  type TabsApi = { tabs: { query(q: object): Promise<Array<{ id?: number; title?: string }>> } };
  try {
    return await extensionPage
      .waitForFunction(
        async (m: string) => {
          const g = globalThis as unknown as { browser?: TabsApi; chrome?: TabsApi };
          const api = g.browser ?? g.chrome;
          const tabs = (await api?.tabs.query({})) ?? [];
          return tabs.find((t) => t.title === m)?.id ?? false;
        },
        { timeout: 10_000, polling: 100 },
        marker,
      )
      .then((handle) => handle.jsonValue() as Promise<number>);
  } finally {
    await page.evaluate((t: string) => {
      document.title = t;
    }, title);
  }
}

/** `path` with `tabId=<id>` added to its query. */
export function withTabId(path: string, tabId: number): string {
  return `${path}${path.includes('?') ? '&' : '?'}tabId=${tabId}`;
}
