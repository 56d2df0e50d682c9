import { defineConfig } from 'vitest/config';

// Unit and integration tests under Node: the same TypeScript modules the browser runs.
export default defineConfig({
  test: {
    // tests/property: fast-check properties (issue 8); tests/oracle: the engine against the plain-TS oracle.
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts', 'tests/property/**/*.test.ts', 'tests/oracle/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // Opening DuckDB's wasm under Node takes seconds, more on a loaded 2-core machine: a hook
    // that opens it must not fail on the default 10 s.
    hookTimeout: 60_000,
    pool: 'forks',
    // Native DuckDB single-threaded in tests (src/db/native.ts says why).
    env: { KAOHE_NATIVE_THREADS: '1' },
  },
});
