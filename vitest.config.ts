import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // lib/db and lib/data import 'server-only', which throws outside a React server bundle.
      'server-only': path.resolve(import.meta.dirname, 'tests/support/empty.ts'),
    },
  },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // expect.poll (browser tests) waits for what a page renders after `load` (streamed sections,
    // hydration, a navigation landing): Vitest's default of 1 s is too short on a loaded 2-core
    // machine. A longer wait only delays a real failure; tests pass as soon as the value is right.
    expect: { poll: { timeout: 15_000 } },
    // Integration and browser tests share databases and a server; files run one at a time per
    // project but in parallel across workers; each integration file makes its own database.
    pool: 'forks',
    globalSetup: ['tests/support/global-setup.ts'],
  },
});
