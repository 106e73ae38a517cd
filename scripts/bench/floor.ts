/**
 * The floor: the barest extension that can show the same cookies, written to a temp dir and loaded
 * next to Cookie Lens in the same browser. Each page calls `cookies.getAll` and appends one `<li>`
 * of text (the cookie's name) per cookie, all at once. Nothing else: no framework, no CSS, no audit.
 *   - bare.html   its action popup (and, with `?tabId=N`, the same page for a tab): the site's cookies;
 *   - panel.html  its DevTools panel (created by devtools.html): the inspected tab's site's cookies;
 *   - all.html    every cookie of the store (`?store=ID`), the manager's floor.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FLOOR_NAME = 'bench floor';
export const FLOOR_ROW = 'li';

const LIST = `function list(cookies) {
  const ul = document.createElement('ul');
  for (const c of cookies) {
    const li = document.createElement('li');
    li.textContent = c.name;
    ul.append(li);
  }
  document.body.append(ul);
}`;

const SITE = `${LIST}
const asked = new URLSearchParams(location.search).get('tabId');
const inspected = chrome.devtools?.inspectedWindow?.tabId;
const tab = asked ? chrome.tabs.get(Number(asked))
  : inspected !== undefined ? chrome.tabs.get(inspected)
  : chrome.tabs.query({ active: true, currentWindow: true }).then(([t]) => t);
tab.then((t) => chrome.cookies.getAll({ domain: new URL(t.url).hostname })).then(list);`;

const ALL = `${LIST}
const storeId = new URLSearchParams(location.search).get('store') ?? '0';
chrome.cookies.getAll({ storeId }).then(list);`;

const page = (script: string) =>
  `<!doctype html><meta charset="utf-8"><title>floor</title><body><script src="${script}"></script></body>`;

/** Writes the floor extension; returns its directory. */
export function writeFloorExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cookie-lens-floor-'));
  const files: Record<string, string> = {
    'manifest.json': JSON.stringify({
      manifest_version: 3,
      name: FLOOR_NAME,
      version: '1.0',
      permissions: ['cookies', 'tabs'],
      host_permissions: ['<all_urls>'],
      action: { default_popup: 'bare.html' },
      devtools_page: 'devtools.html',
    }),
    'bare.html': page('site.js'),
    'panel.html': page('site.js'),
    'all.html': page('all.js'),
    'devtools.html': page('devtools.js'),
    'site.js': SITE,
    'all.js': ALL,
    'devtools.js': `chrome.devtools.panels.create('Bench floor', '', 'panel.html');`,
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
