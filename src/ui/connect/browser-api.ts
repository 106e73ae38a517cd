/**
 * The extension API for pages (popup, panel), without webextension-polyfill's 10 KB: Firefox has
 * `browser` natively, and Chrome's MV3 `chrome` returns promises for everything the pages call
 * (runtime.sendMessage, tabs.query). The pages never answer messages, the one place where the
 * two APIs differ; the background worker, which does, keeps the polyfill.
 */
import type { Browser } from 'webextension-polyfill';

const g = globalThis as unknown as { browser?: Browser; chrome?: Browser };

export const browser: Browser = (g.browser ?? g.chrome) as Browser;
