/**
 * The in-page stopwatch. Product code is not changed: a small script is registered on every page and
 * frame the browser opens (CDP `Page.addScriptToEvaluateOnNewDocument`, sent while the new target is
 * still paused at start), so it runs before the page's own scripts. It acts only on the URL it is
 * told to watch: a MutationObserver waits until the rows are in place, then one
 * `requestAnimationFrame` and one task (a MessageChannel message) later, the frame that shows them
 * has been painted. Times are `performance.now()`, i.e. ms since the page's navigation started.
 */
import { type Browser, type CDPSession, CDPSessionEvent } from 'puppeteer';

export interface ProbeTarget {
  /** The page or frame to watch: its URL starts with this. */
  urlPrefix: string;
  /** The rows. */
  selector: string;
  /** All the rows there should be. */
  count: number;
  /**
   * Also count the rows as in place once they fill the viewport (a page that renders only the rows
   * in view never has `count` of them in the DOM).
   */
  fillScreen: boolean;
  /** Clicked as soon as it exists (e.g. the Set-Cookie log's tab, to open the panel on that tab). */
  click?: string;
}

/** What the probe leaves in the page, as `globalThis.__bench`. */
export interface ProbeRecord {
  /** ms since navigation start when the rows were in the DOM. */
  rowsAt: number | null;
  /** ms since navigation start when the frame painted after that was done (rAF, then a task). */
  paintedAt: number | null;
  rows: number;
}

/**
 * The script's source for one target. Written as text, not as a function's `toString()`: tsx adds
 * helpers (`__name`) to compiled functions that do not exist in the page.
 */
export function probeSource(target: ProbeTarget | undefined): string {
  if (!target) return '';
  return `(${IN_PAGE})(${JSON.stringify(target)});`;
}

const IN_PAGE = `function (target) {
  if (!location.href.startsWith(target.urlPrefix)) return;
  const record = { rowsAt: null, paintedAt: null, rows: 0 };
  globalThis.__bench = record;
  let clicked = target.click === undefined;
  const inPlace = (rows) => {
    if (rows.length >= target.count) return true;
    if (!target.fillScreen || rows.length === 0) return false;
    const last = rows[rows.length - 1].getBoundingClientRect();
    return last.height > 0 && last.bottom >= innerHeight;
  };
  const check = () => {
    if (!clicked) {
      const button = document.querySelector(target.click);
      if (button) {
        clicked = true;
        button.click();
      }
    }
    if (record.rowsAt !== null) return;
    const rows = document.querySelectorAll(target.selector);
    if (!inPlace(rows)) return;
    record.rowsAt = performance.now();
    record.rows = rows.length;
    if (clicked) observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        record.paintedAt = performance.now();
      };
      channel.port2.postMessage(0);
    });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
}`;

/**
 * Registers the probe on every target the browser opens from now on; `current()` says what to watch
 * at that moment. A CDP session of the bench's own auto-attaches to every new target (paused at
 * start, `waitForDebuggerOnStart`), adds the script, and only then lets it run. The session stays
 * attached: a script added on a session is dropped when that session detaches, and puppeteer's own
 * sessions detach from targets it has no use for, such as the action popup, until asked for them.
 * (Page targets come through their tabs: Chromium attaches them as the tabs' children.)
 * Service workers are left alone, so the extension's background can stop as it normally does.
 */
export async function installProbe(browser: Browser, current: () => ProbeTarget | undefined): Promise<void> {
  const root = await browser.target().createCDPSession();
  const ignore = () => {};
  const autoAttach = (session: CDPSession, top = false) =>
    session.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: true,
      flatten: true,
      filter: [
        { type: 'service_worker', exclude: true },
        { type: 'shared_worker', exclude: true },
        ...(top ? [{ type: 'page', exclude: true }] : []),
        {},
      ],
    });
  const onAttached = (attached: CDPSession) => {
    attached.on(CDPSessionEvent.SessionAttached, onAttached);
    const source = probeSource(current());
    // One session's commands run in order: the script and the children's auto-attach are in place
    // before the target resumes.
    if (source) {
      attached.send('Page.enable').catch(ignore);
      attached.send('Page.addScriptToEvaluateOnNewDocument', { source }).catch(ignore);
    }
    autoAttach(attached).catch(ignore);
    attached.send('Runtime.runIfWaitingForDebugger').catch(ignore);
  };
  root.on(CDPSessionEvent.SessionAttached, onAttached);
  await autoAttach(root, true);
}
