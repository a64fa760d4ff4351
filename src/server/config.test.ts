import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults: port 8080, embedded database in ./data, demo data on', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.demo).toBe(true);
  });

  it.each([
    [{ PORT: '99999' }, /PORT must be an integer/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with postgres/],
    [{ LIAISON_DEMO: 'maybe' }, /LIAISON_DEMO must be 0 or 1/],
    [{ LIAISON_DEMO_PASSWORD: 'short' }, /at least 12/],
    [{ LIAISON_ENCRYPTION_KEY: 'abc' }, /32 bytes/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
  ])('refuses %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads PORT, DATABASE_URL and LIAISON_DEMO=0', () => {
    const config = loadConfig({ PORT: '9000', DATABASE_URL: 'postgres://u@h/db', LIAISON_DEMO: '0' });
    expect(config).toMatchObject({ port: 9000, databaseUrl: 'postgres://u@h/db', demo: false });
  });
});
