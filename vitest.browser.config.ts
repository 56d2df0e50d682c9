import { defineConfig } from 'vitest/config';

// Real-browser tests: the production build in dist/, served locally, driven in Debian's
// Chromium by playwright-core. One file at a time: this machine has two cores.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
