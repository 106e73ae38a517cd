/** What one opened page costs besides time: JS heap after a forced GC, DOM nodes, JS+CSS bytes loaded. */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, CDPSession, Frame, Page } from 'puppeteer';
import type { ProbeRecord } from './probe';

export interface PageFigures {
  /** ms from navigation start to the rows in the DOM. */
  rowsMs: number;
  /** ms from navigation start to the first frame painted with them. */
  paintMs: number;
  rows: number;
  /** `Runtime.getHeapUsage().usedSize` after `HeapProfiler.collectGarbage`, bytes. */
  heap: number;
  /** Every node in the document (elements, text, comments), after the rows are painted. */
  nodes: number;
}

/** Waits for the probe's painted-frame time in `where` and reads the page's figures. */
export async function collect(where: Page | Frame, heapSession: CDPSession, timeout = 60_000): Promise<PageFigures> {
  await where.waitForFunction(() => (globalThis as unknown as { __bench?: ProbeRecord }).__bench?.paintedAt != null, {
    timeout,
    polling: 50,
  });
  const inPage = await where.evaluate(() => {
    const record = (globalThis as unknown as { __bench: ProbeRecord }).__bench;
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
    let nodes = 0;
    while (walker.nextNode()) nodes++;
    return { record, nodes };
  });
  await heapSession.send('HeapProfiler.collectGarbage');
  const { usedSize } = await heapSession.send('Runtime.getHeapUsage');
  return {
    rowsMs: inPage.record.rowsAt ?? Number.NaN,
    paintMs: inPage.record.paintedAt ?? Number.NaN,
    rows: inPage.record.rows,
    heap: usedSize,
    nodes: inPage.nodes,
  };
}

/** A CDP session for the target showing `url` (a popup, a tab, or the DevTools panel's own frame). */
export async function sessionFor(browser: Browser, url: string): Promise<CDPSession> {
  const target = await browser.waitForTarget((t) => t.url() === url, { timeout: 10_000 });
  return target.createCDPSession();
}

export interface Bytes {
  raw: number;
  gzip: number;
  files: string[];
}

/**
 * The JS and CSS files an extension page loads when it opens, relative to the extension's root `dir`:
 * the HTML's scripts, module preloads and style sheets, then every static `import` of those scripts,
 * followed. Dynamic `import()`s load later (on first use) and are left out, as the browser does.
 * (Chromium keeps no resource timing for an extension's own files, so they are read from the build.)
 */
export function filesLoadedBy(dir: string, html: string): string[] {
  const found = new Set<string>();
  const resolveFrom = (from: string, ref: string) =>
    ref.startsWith('/') ? ref.slice(1) : posix.normalize(posix.join(posix.dirname(from), ref));
  const visit = (file: string) => {
    if (found.has(file)) return;
    found.add(file);
    if (!file.endsWith('.js')) return;
    const source = readFileSync(join(dir, file), 'utf8');
    for (const m of source.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g))
      visit(resolveFrom(file, m[1] ?? ''));
  };
  const page = readFileSync(join(dir, html), 'utf8');
  for (const m of page.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+\.(?:js|css))"/g)) {
    visit(resolveFrom(html, m[1] ?? ''));
  }
  return [...found].sort();
}

/** Sizes of `files` under `dir`, as built (uncompressed) and gzipped (for reference). */
export function bytesOf(dir: string, files: readonly string[]): Bytes {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const content = readFileSync(join(dir, f));
    raw += content.length;
    gzip += gzipSync(content).length;
  }
  return { raw, gzip, files: [...files] };
}
