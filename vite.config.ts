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

export default defineConfig({
  plugins: [
    preact(),
    // biome-ignore lint/suspicious/noExplicitAny: crxjs types its manifest input narrowly; manifestFor keeps the shape.
    crx({ manifest: manifestFor(sourceManifest, target) as any, browser: target }),
    ...(pseudo ? [pseudoLocale()] : []),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // Extension pages run in browsers that support modulepreload natively.
    modulePreload: { polyfill: false },
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
    },
  },
  // No dev server: the extension is always loaded built.
  server: { strictPort: true },
});
