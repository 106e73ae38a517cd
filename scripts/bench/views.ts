/** Opening each view for real and reading its figures: the action popup, the DevTools panel, a tab. */
import type { Browser, Page } from 'puppeteer';
import { collect, type PageFigures, sessionFor } from './page-metrics';
import type { ProbeTarget } from './probe';

export interface Views {
  browser: Browser;
  /** What the probe watches in the next page opened. */
  watch(target: ProbeTarget | undefined): void;
}

/** The extension's real action popup over `site` (Chromium's `triggerAction`, as a click on its icon). */
export async function openActionPopup(views: Views, extensionId: string, site: Page, target: ProbeTarget) {
  views.watch(target);
  await site.bringToFront();
  const extension = (await views.browser.extensions()).get(extensionId);
  if (!extension) throw new Error(`extension ${extensionId} is not installed`);
  await extension.triggerAction(site);
  const popupTarget = await views.browser.waitForTarget((t) => t.url().startsWith(target.urlPrefix), {
    timeout: 15_000,
  });
  const popup = await popupTarget.asPage();
  const heap = await popupTarget.createCDPSession();
  try {
    return await collect(popup, heap);
  } finally {
    await heap.detach().catch(() => {});
    await popup.close();
  }
}

/**
 * Opens DevTools on `site`, shows the extension's panel (DevTools' own API, as the end-to-end tests
 * do) and reads the panel frame's figures. The panel's frame is created when the panel is shown, so
 * its navigation start is the moment the user picks the panel; DevTools' own start-up is not in it.
 */
export async function openDevtoolsPanel(views: Views, extensionId: string, site: Page, target: ProbeTarget) {
  views.watch(target);
  const devtools = await site.openDevTools();
  try {
    await devtools.waitForFrame((f) => f.url().startsWith(`chrome-extension://${extensionId}/`), { timeout: 30_000 });
    const show = `(async () => {
      const UI = await import('./ui/legacy/legacy.js');
      const view = UI.InspectorView.InspectorView.instance();
      const tab = view.tabbedPane.tabs.map((t) => t.id).find((id) => id.startsWith('chrome-extension://${extensionId}'));
      if (tab) await view.showPanel(tab);
      return tab ?? null;
    })()`;
    const deadline = Date.now() + 30_000;
    while (!(await devtools.evaluate(show))) {
      if (Date.now() > deadline) throw new Error(`the panel of ${extensionId} never appeared in DevTools`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const frame = await devtools.waitForFrame((f) => f.url().startsWith(target.urlPrefix), { timeout: 30_000 });
    // The panel runs in its extension's process (an out-of-process frame): its heap is its own target's.
    const heap = await sessionFor(views.browser, frame.url()).catch(() => devtools.createCDPSession());
    try {
      return await collect(frame, heap);
    } finally {
      await heap.detach().catch(() => {});
    }
  } finally {
    await devtools.close();
  }
}

/** An extension page in a tab of its own (the manager, and its floor). The tab stays open for more. */
export async function openTab(
  views: Views,
  url: string,
  target: ProbeTarget,
): Promise<{ page: Page; figures: PageFigures }> {
  views.watch(target);
  const page = await views.browser.newPage();
  await page.goto(url);
  const heap = await page.createCDPSession();
  try {
    return { page, figures: await collect(page, heap) };
  } finally {
    await heap.detach().catch(() => {});
  }
}
