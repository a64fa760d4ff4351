import { defineConfig } from 'vitest/config';

/**
 * Browser tests: one Liaison server (PGlite, demo data) started by the global setup, Chromium driven
 * by playwright-core. Files run one after another: they share the server and its login rate limit.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 150_000,
    teardownTimeout: 30_000,
    reporters: ['default'],
  },
});
