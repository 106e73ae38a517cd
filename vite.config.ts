import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { pseudoCatalogue } from './src/i18n/pseudo.ts';
import sourceManifest from './manifest.json' with { type: 'json' };
import { manifestFor, type Target } from './scripts/manifest-for.ts';

// `BROWSER=chrome|firefox vite build` writes dist/<browser>; `npm run build` runs both.
const target: Target = process.env.BROWSER === 'firefox' ? 'firefox' : 'chrome';
// `PSEUDO_LOCALE=1` builds dist/<browser>-pseudo, whose English is the pseudo-locale (accented, 40% longer).
const pseudo = process.env.PSEUDO_LOCALE === '1';
const outDir = `dist/${target}${pseudo ? '-pseudo' : ''}`;

/** crxjs copies _locales (the manifest has default_locale); the pseudo build then overwrites English. */
function pseudoLocale(): Plugin {
  return {
    name: 'cookie-lens:pseudo-locale',
    apply: 'build',
    writeBundle() {
      const en = JSON.parse(readFileSync(resolve(import.meta.dirname, '_locales/en/messages.json'), 'utf8'));
      const dir = resolve(import.meta.dirname, outDir, '_locales/en');
      mkdirSync(dir, { recursive: true });
      writeFileSync(resolve(dir, 'messages.json'), JSON.stringify(pseudoCatalogue(en), null, 2));
    },
  };
}

/**
 * Vite's helper for lazy chunks (`import()`), smaller. Vite's own also preloads a lazy chunk's
 * scripts, copes with CSP nonces and old browsers, and is 1.8 KB of the popup's first load; the
 * lazy chunks here name only their style sheets (see `modulePreload` below), so all the helper does
 * is add each sheet once, wait for it, then import the chunk. Same name and arguments as Vite's
 * (`__vitePreload(load, deps)`, deps relative to the extension's root).
 */
function leanPreloadHelper(): Plugin {
  const id = '\0vite/preload-helper.js';
  const code = `const sheets = {};
const sheet = (dep) => new Promise((resolve, reject) => {
  const href = '/' + dep;
  if (document.querySelector('link[rel="stylesheet"][href="' + href + '"]')) return resolve();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  link.onload = () => resolve();
  link.onerror = () => reject(new Error('Unable to preload CSS for ' + href));
  document.head.append(link);
});
export const __vitePreload = (load, deps) =>
  Promise.all((deps || []).map((dep) => (sheets[dep] ??= sheet(dep)))).then(() => load());`;
  return {
    name: 'cookie-lens:lean-preload-helper',
    enforce: 'pre',
    apply: 'build',
    resolveId: (source) => (source === id ? id : undefined),
    load: (source) => (source === id ? code : undefined),
  };
}

export default defineConfig({
  plugins: [
    leanPreloadHelper(),
    preact(),
    // biome-ignore lint/suspicious/noExplicitAny: crxjs types its manifest input narrowly; manifestFor keeps the shape.
    crx({ manifest: manifestFor(sourceManifest, target) as any, browser: target }),
    ...(pseudo ? [pseudoLocale()] : []),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // Extension pages run in browsers that support modulepreload natively. A page's HTML preloads
    // its first screen's modules; a lazy chunk names only its style sheets (its scripts come from the
    // extension's own files, a few ms away): the lists of every chunk's scripts were bytes the popup
    // loaded on its first screen for nothing.
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
    },
    minify: true,
    sourcemap: false,
    rollupOptions: {
      // The DevTools panel page is created at run time, so the manifest does not name it; crxjs
      // reads Chrome's side_panel but not Firefox's sidebar_action, so the side panel is named here
      // too; the manager page (the options page) is also opened by URL, with `?store=`.
      input: {
        panel: resolve(import.meta.dirname, 'devtools/panel.html'),
        sidepanel: resolve(import.meta.dirname, 'sidepanel/index.html'),
        manager: resolve(import.meta.dirname, 'manager/index.html'),
      },
      // Preact, its hooks and its JSX runtime in one chunk: every page loads all three, and apart
      // (a lazy chunk that needs no hooks split them) each page loaded one file more, with its
      // imports and exports.
      output: { codeSplitting: { groups: [{ name: 'preact', test: /[\\/]node_modules[\\/]preact[\\/]/ }] } },
    },
  },
  // No dev server: the extension is always loaded built.
  server: { strictPort: true },
});
