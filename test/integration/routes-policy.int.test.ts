import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAction } from '../../src/server/platform/policy/policy.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
const routes: { method: string; url: string; policy: unknown }[] = [];

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('every route declares a policy', () => {
  it('lists the registered routes with their policy action', async () => {
    routes.push(...t.app.routeTable);
    expect(routes.map((route) => route.url)).toContain('/api/v1/me');
    expect(routes.length).toBeGreaterThan(20);
    const missing = routes.filter((route) => !isAction(route.policy));
    expect(missing).toEqual([]);
  });

  it('refuses to load a route without a policy', async () => {
    const { buildApp } = await import('../../src/server/app.js');
    const app = await buildApp({ config: t.config, db: t.database.db, cipher: t.app.platform.cipher, logger: false });
    expect(() => app.get('/api/v1/unguarded', async () => 'open')).toThrow(/declares no known policy/);
    await app.close();
  });
});
