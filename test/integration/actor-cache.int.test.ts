import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The production setting: resolved sessions are reused for a while. Every change made through the
// API must still be seen by the very next request.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ actorCacheMs: 60_000 });
});
afterAll(() => t.close());

describe('with the actor cache on', () => {
  it('refuses a session replayed right after sign-out', async () => {
    const focal = await t.signIn('focal.sn@liaison.demo');
    expect((await focal.get('/api/v1/me')).statusCode).toBe(200);
    const cookie = focal.cookie;
    expect((await focal.post('/api/v1/auth/logout')).statusCode).toBe(204);
    focal.cookie = cookie;
    expect((await focal.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('applies role changes and deactivation to a cached session at once', async () => {
    const analyst = await t.signIn('analyst.sn@liaison.demo');
    const me = (await analyst.get('/api/v1/me')).json();
    expect(me.roles).toEqual(['analyst']);
    const orgAdmin = await t.signIn('orgadmin.sn@liaison.demo');
    expect((await orgAdmin.patch(`/api/v1/admin/users/${me.id}`, { roles: ['reader'] })).statusCode).toBe(200);
    expect((await analyst.get('/api/v1/me')).json().roles).toEqual(['reader']);
    expect((await orgAdmin.patch(`/api/v1/admin/users/${me.id}`, { active: false })).statusCode).toBe(200);
    expect((await analyst.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('stops a revoked API token at once', async () => {
    const focal = await t.signIn('focal.ne@liaison.demo');
    const created = await focal.post('/api/v1/me/tokens', { name: 'cache probe', roles: ['focal_point'], expiresInDays: 1 });
    expect(created.statusCode).toBe(201);
    const machine = t.anonymous();
    machine.headers.authorization = `Bearer ${created.json().token}`;
    expect((await machine.get('/api/v1/me')).statusCode).toBe(200);
    expect((await focal.delete(`/api/v1/me/tokens/${created.json().item.id}`)).statusCode).toBe(204);
    expect((await machine.get('/api/v1/me')).statusCode).toBe(401);
  });
});
