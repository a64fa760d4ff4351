import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaresReplies } from '../../src/server/platform/http/responses.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

// Routes added by plugins (documentation pages, static assets) and the web app's fallback serve
// files, not the API's JSON: they have no reply schema to declare.
const servesFiles = (url: string) => url.startsWith('/api/v1/docs') || url.startsWith('/assets/') || url === '/*';

describe('the wire contract', () => {
  it('declares success and problem reply schemas on every API route', () => {
    const api = t.app.routeTable.filter((route) => !servesFiles(route.url) && route.method !== 'HEAD');
    expect(api.length).toBeGreaterThan(60);
    const undeclared = api
      .filter((route) => !declaresReplies(Object.fromEntries(route.replies.map((status) => [status, true]))))
      .map((route) => `${route.method} ${route.url} [${route.replies.join(', ')}]`);
    expect(undeclared).toEqual([]);
  });

  it('publishes only the fields a reply schema lists', async () => {
    const { buildApp } = await import('../../src/server/app.js');
    const { replies } = await import('../../src/server/platform/http/responses.js');
    const { Strict } = await import('../../src/shared/contract/kit.js');
    const { Type } = await import('@sinclair/typebox');
    const app = await buildApp({ config: t.config, db: t.database.db, cipher: t.app.platform.cipher, logger: false });
    app.get(
      '/api/v1/contract-probe',
      { config: { policy: 'public' }, schema: { response: replies({ 200: Strict({ name: Type.String() }) }) } },
      async () => ({ name: 'Unit A', passwordHash: 'secret' }),
    );
    const answer = await app.inject({ method: 'GET', url: '/api/v1/contract-probe' });
    expect(answer.json()).toEqual({ name: 'Unit A' });
    await app.close();
  });
});
