import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:stress` (issue 8): the heavy cases, generated at test time and kept out of git —
// a 200 MB file, 5,000 columns, 1,000 files at once — one file at a time, each under a few minutes.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/stress/**/*.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    // The 200 MB file's rows as strings need more than Node's default heap.
    execArgv: ['--max-old-space-size=8192'],
  },
});
