import { defineConfig } from 'vitest/config';

const integration = ['src/**/*.int.test.ts', 'test/integration/**/*.int.test.ts'];

// Unit tests once; integration tests twice, on PGlite and on a throw-away PostgreSQL server.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
          exclude: integration,
          environment: 'node',
        },
      },
      {
        test: {
          name: 'pglite',
          include: integration,
          environment: 'node',
          env: { LIAISON_TEST_BACKEND: 'pglite' },
          globalSetup: ['test/support/global-setup-pglite.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'postgres',
          include: integration,
          environment: 'node',
          env: { LIAISON_TEST_BACKEND: 'postgres' },
          globalSetup: ['test/support/global-setup-postgres.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          maxWorkers: 2,
        },
      },
    ],
  },
});
