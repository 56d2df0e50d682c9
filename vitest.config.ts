import { defineConfig } from 'vitest/config';

// Unit and integration tests under Node: the same TypeScript modules the browser runs.
export default defineConfig({
  test: {
    // tests/property: fast-check properties (issue 8); tests/oracle: the engine against the plain-TS oracle.
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts', 'tests/property/**/*.test.ts', 'tests/oracle/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
