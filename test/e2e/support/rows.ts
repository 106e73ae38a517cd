/** Reading the UI contract (rows and findings) from a page or frame, as a person would see it. */
import type { Frame, Page } from 'puppeteer';

export interface RowInfo {
  name: string;
  domain: string;
  path: string;
  partition: string | null;
  text: string;
  /** The row's flags in words (its compact marks' tooltip: "HttpOnly Secure ..."). */
  flags: string;
}

export async function readRows(target: Page | Frame): Promise<RowInfo[]> {
  return target.$$eval('[data-testid="cookie-row"]', (rows) =>
    rows.map((r) => ({
      name: r.getAttribute('data-name') ?? '',
      domain: r.getAttribute('data-domain') ?? '',
      path: r.getAttribute('data-path') ?? '',
      partition: r.getAttribute('data-partition'),
      // biome-ignore lint/performance/useDomNodeTextContent: what a person sees, as rendered
      text: (r as HTMLElement).innerText,
      flags: r.querySelector('.flags')?.getAttribute('title') ?? '',
    })),
  );
}

/** Waits until a row for every name in `names` is on screen, then returns all rows. */
export async function waitForRows(target: Page | Frame, names: readonly string[], timeout = 15_000): Promise<RowInfo[]> {
  await target.waitForFunction(
    (wanted: string[]) => {
      const shown = new Set(
        [...document.querySelectorAll('[data-testid="cookie-row"]')].map((r) => r.getAttribute('data-name')),
      );
      return wanted.every((n) => shown.has(n));
    },
    { timeout, polling: 100 },
    [...names],
  );
  return readRows(target);
}
