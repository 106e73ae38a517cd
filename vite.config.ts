import { resolve } from 'node:path';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import sourceManifest from './manifest.json' with { type: 'json' };
import { manifestFor, type Target } from './scripts/manifest-for.ts';

// `BROWSER=chrome|firefox vite build` writes dist/<browser>; `npm run build` runs both.
const target: Target = process.env.BROWSER === 'firefox' ? 'firefox' : 'chrome';

export default defineConfig({
  plugins: [
    preact(),
    // biome-ignore lint/suspicious/noExplicitAny: crxjs types its manifest input narrowly; manifestFor keeps the shape.
    crx({ manifest: manifestFor(sourceManifest, target) as any, browser: target }),
  ],
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    target: 'es2022',
    // Extension pages run in browsers that support modulepreload natively.
    modulePreload: { polyfill: false },
    minify: true,
    sourcemap: false,
    rollupOptions: {
      // The DevTools panel page is created at run time, so the manifest does not name it; the
      // manager page is also opened by URL (from the popup and the panel, with `?store=`).
      input: {
        panel: resolve(import.meta.dirname, 'devtools/panel.html'),
        manager: resolve(import.meta.dirname, 'manager/index.html'),
      },
    },
  },
  // No dev server: the extension is always loaded built.
  server: { strictPort: true },
});
