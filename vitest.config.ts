import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

// Three projects:
// - `unit`: pure logic in node, components in happy-dom with the browser mocked; no child processes.
// - `e2e`: the built extension in real Chromium and Firefox ESR, one file at a time.
// - `process`: tests that run real programs as child processes (`npm start`, the sample server's
//   command line, curl and Python reading our cookies.txt), one file at a time. They run after the
//   other two (sequence.groupOrder), so their browsers and timing checks do not compete with e2e's.
// `vitest run` (and so `npm test`) runs all three.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [preact()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          // Pages word messages with browser.i18n; unit tests inject the English catalogue instead.
          setupFiles: ['test/unit/setup-i18n.ts'],
          environment: 'node',
          testTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
          retry: 0,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'process',
          include: ['test/process/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 60_000,
          retry: 0,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
