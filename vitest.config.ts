import { defineConfig } from 'vitest/config';

const integration = ['src/**/*.int.test.ts', 'test/integration/**/*.int.test.ts'];

// Unit tests once; integration tests twice, on PGlite and on a throw-away PostgreSQL server.
// Integration files share their worker's modules (isolate: false): each file builds its own app and
// database, and importing the whole server afresh for each of ~200 files was a third of the step.
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
          isolate: false,
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
          isolate: false,
        },
      },
    ],
  },
});
