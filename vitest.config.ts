import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure logic in node, components in happy-dom with the browser mocked) and
// `e2e` (the built extension in real Chromium and Firefox ESR, one file at a time).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [preact()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          testTimeout: 30_000,
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
        },
      },
    ],
  },
});
