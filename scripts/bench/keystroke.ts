/**
 * A search keystroke's time in the manager: from the `input` event (its timeStamp, when the browser
 * took the key) to the first frame painted after the set of rows changed (rAF, then a task), read
 * in the page. Typed with puppeteer's keyboard into the page's search field (`input[type="search"]`).
 *
 * The field is found through the DOM, not puppeteer's ARIA query (`::-p-aria`): that query turns on
 * the renderer's accessibility tree for the rest of the page's life, and every DOM change then updates
 * it too (about a quarter more work per keystroke here), which a user without assistive technology
 * does not pay and the popup and panel figures do not include either.
 */
import type { Page } from 'puppeteer';

/** Arms the page for the next keystroke; the page keeps the result as a promise. Source text, not a function (see probe.ts). */
const ARM = `(rowSelector) => {
  const signature = () => {
    const rows = document.querySelectorAll(rowSelector);
    const key = (e) => (e ? e.getAttribute('data-key') || e.getAttribute('data-site') || e.textContent : '');
    return rows.length + '|' + key(rows[0]) + '|' + key(rows[rows.length - 1]);
  };
  const before = signature();
  globalThis.__benchKey = new Promise((resolve) => {
    let start = null;
    let done = false;
    const finish = () => {
      if (done || start === null || signature() === before) return;
      done = true;
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - start);
        channel.port2.postMessage(0);
      });
    };
    const observer = new MutationObserver(finish);
    observer.observe(document, { childList: true, subtree: true, attributes: true });
    document.addEventListener('input', (event) => {
      start = event.timeStamp;
      queueMicrotask(finish);
    }, { capture: true, once: true });
    setTimeout(() => { if (!done) { done = true; observer.disconnect(); resolve(NaN); } }, 5000);
  });
}`;

/** ms per key of `keys` (puppeteer key names: "4", "Backspace"), each after the last one settled. */
export async function timeKeystrokes(page: Page, rowSelector: string, keys: readonly string[]): Promise<number[]> {
  const search = await page.waitForSelector('input[type="search"]', { timeout: 10_000 });
  if (!search) throw new Error('the manager has no search field');
  await search.focus();
  const times: number[] = [];
  for (const key of keys) {
    await page.evaluate(`(${ARM})(${JSON.stringify(rowSelector)})`);
    await page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]);
    times.push(Number(await page.evaluate('globalThis.__benchKey')));
  }
  return times;
}
