import { defineConfig } from 'vitest/config';

// Unit and integration tests under Node: the same TypeScript modules the browser runs.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
