import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The oracle's own config until the root vitest.config.ts includes tests/oracle/**:
// npx vitest run --config tests/oracle/vitest.config.ts
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/oracle/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
  },
});
