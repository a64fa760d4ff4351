/** Authentication: personal API tokens (creation, role subsets, what a token may not do, revocation, expiry). */
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptLogin, bearerClient, expectProblem, findUserByEmail, signInAs } from '../support/fixtures.js';
import { type Client, startTestApp, TEST_DEMO_PASSWORD, type TestApp } from '../support/test-app.js';

let t: TestApp;
let platformAdmin: Client;

beforeAll(async () => {
  t = await startTestApp();
  platformAdmin = await signInAs(t, 'admin@liaison.demo');
});
afterAll(() => t?.close());

describe('API tokens', () => {
  const email = 'orgadmin.es@liaison.demo';
  let owner: Client;
  let readerToken: { token: string; id: string };
  let adminToken: { token: string; id: string };

  const createToken = (client: Client, body: Record<string, unknown>) => client.post('/api/v1/me/tokens', body);
  const listTokens = async (client: Client) =>
    (await client.get('/api/v1/me/tokens')).json().items as { id: string; revokedAt: string | null }[];

  beforeAll(async () => {
    // Give the organisation admin a second role, so a token can carry a strict subset.
    const user = await findUserByEmail(platformAdmin, email);
    const granted = await platformAdmin.patch(`/api/v1/admin/users/${user.id}`, { roles: ['org_admin', 'reader'] });
    expect(granted.statusCode, granted.body).toBe(200);
    owner = await signInAs(t, email);
  });

  it('creates a token with a subset of my roles, shows the secret once and stores it hashed', async () => {
    const response = await createToken(owner, { name: 'Reporting sync', roles: ['reader'], expiresInDays: 30 });
    expect(response.statusCode, response.body).toBe(201);
    const { token, item } = response.json();
    expect(token).toMatch(/^lia_[\w-]{40,}$/);
    expect(item).toMatchObject({ name: 'Reporting sync', roles: ['reader'], revokedAt: null, lastUsedAt: null });
    const days = (Date.parse(item.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
    readerToken = { token, id: item.id };

    const listing = await owner.get('/api/v1/me/tokens');
    expect(listing.statusCode).toBe(200);
    expect(listing.json().items.map((i: { id: string }) => i.id)).toEqual([item.id]);
    expect(listing.json().items[0]).not.toHaveProperty('token');
    expect(listing.body).not.toContain(token);
    expect(listing.body).not.toContain(token.slice(4));

    const stored = await sql`select * from api_tokens where id = ${item.id}`.execute(t.database.db);
    expect(stored.rows).toHaveLength(1);
    expect(JSON.stringify(stored.rows[0])).not.toContain(token.slice(4));
  });

  it('authenticates with the token and carries only its roles', async () => {
    const client = bearerClient(t, readerToken.token);
    const me = await client.get('/api/v1/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ email, via: 'token', roles: ['reader'] });
    expectProblem(await client.get('/api/v1/admin/users'), 403, 'forbidden');
    expectProblem(
      await client.post('/api/v1/admin/units', { organisationId: me.json().organisation.id, name: 'Reader token unit' }),
      403,
      'forbidden',
    );
    const units = await owner.get('/api/v1/admin/units?includeInactive=true&q=Reader%20token%20unit');
    expect(units.json().total).toBe(0);
  });

  it('lets an org_admin token administer without a CSRF token', async () => {
    const response = await createToken(owner, { name: 'Admin automation', roles: ['org_admin'], expiresInDays: 7 });
    expect(response.statusCode, response.body).toBe(201);
    adminToken = { token: response.json().token, id: response.json().item.id };
    const client = bearerClient(t, adminToken.token);
    const users = await client.get('/api/v1/admin/users');
    expect(users.statusCode, users.body).toBe(200);
    const me = (await client.get('/api/v1/me')).json();
    expect(me.roles).toEqual(['org_admin']);
    expect(users.json().items.every((u: { organisationId: string }) => u.organisationId === me.organisation.id)).toBe(true);

    const created = await client.post('/api/v1/admin/units', {
      organisationId: me.organisation.id,
      name: 'Token-made analysis cell',
    });
    expect(created.statusCode, created.body).toBe(201);
    const readBack = await owner.get(`/api/v1/admin/units/${created.json().id}`);
    expect(readBack.json()).toMatchObject({ name: 'Token-made analysis cell', organisationId: me.organisation.id, active: true });
  });

  it('refuses roles I do not hold, creating nothing', async () => {
    const before = await listTokens(owner);
    for (const roles of [['platform_admin'], ['org_admin', 'analyst']]) {
      const body = expectProblem(await createToken(owner, { name: 'Escalation', roles, expiresInDays: 5 }), 422, 'role-not-held');
      expect(body.detail).toMatch(/roles you do not hold/);
    }
    expectProblem(await createToken(owner, { name: 'Too long', roles: ['reader'], expiresInDays: 366 }), 400, 'validation');
    expectProblem(await createToken(owner, { name: 'Never', roles: ['reader'], expiresInDays: 0 }), 400, 'validation');
    expectProblem(await createToken(owner, { name: 'Bogus role', roles: ['superuser'], expiresInDays: 5 }), 400, 'validation');
    expectProblem(await createToken(owner, { name: 'No role', roles: [], expiresInDays: 5 }), 400, 'validation');
    expect(await listTokens(owner)).toEqual(before);
  });

  it('never lets a token manage tokens, passwords, the second factor or the profile', async () => {
    const client = bearerClient(t, adminToken.token);
    const before = await listTokens(owner);
    expectProblem(await client.get('/api/v1/me/tokens'), 403, 'forbidden');
    expectProblem(
      await client.post('/api/v1/me/tokens', { name: 'Child', roles: ['org_admin'], expiresInDays: 365 }),
      403,
      'forbidden',
    );
    expectProblem(await client.delete(`/api/v1/me/tokens/${readerToken.id}`), 403, 'forbidden');
    expectProblem(
      await client.post('/api/v1/me/password', { currentPassword: TEST_DEMO_PASSWORD, newPassword: 'Token-chosen-password-99' }),
      403,
      'forbidden',
    );
    expectProblem(await client.post('/api/v1/me/totp/setup'), 403, 'forbidden');
    expectProblem(await client.patch('/api/v1/me', { displayName: 'Token renamed me' }), 403, 'forbidden');

    expect(await listTokens(owner)).toEqual(before);
    expect((await bearerClient(t, readerToken.token).get('/api/v1/me')).statusCode).toBe(200);
    const me = (await owner.get('/api/v1/me')).json();
    expect(me.displayName).toBe('Lucía Ejemplo');
    expect(me.totpEnabled).toBe(false);
    expectProblem((await attemptLogin(t, { email, password: 'Token-chosen-password-99' })).response, 401, 'invalid-credentials');
    expect((await attemptLogin(t, { email })).response.statusCode).toBe(200);
  });

  it("answers 404 for another user's token id, which keeps working", async () => {
    const stranger = await signInAs(t, 'focal.ne@liaison.demo');
    expectProblem(await stranger.delete(`/api/v1/me/tokens/${readerToken.id}`), 404, 'not-found');
    expectProblem(await stranger.delete(`/api/v1/me/tokens/${randomUUID()}`), 404, 'not-found');
    expectProblem(await stranger.delete('/api/v1/me/tokens/not-a-uuid'), 400, 'validation');
    expect((await bearerClient(t, readerToken.token).get('/api/v1/me')).statusCode).toBe(200);
    expect((await listTokens(owner)).find((item) => item.id === readerToken.id)).toMatchObject({ revokedAt: null });
  });

  it('revokes a token; later use gets 401 invalid-token', async () => {
    const response = await owner.delete(`/api/v1/me/tokens/${readerToken.id}`);
    expect(response.statusCode, response.body).toBe(204);
    const revoked = await bearerClient(t, readerToken.token).get('/api/v1/me');
    expectProblem(revoked, 401, 'invalid-token');
    const item = (await listTokens(owner)).find((i) => i.id === readerToken.id);
    expect(item?.revokedAt).toEqual(expect.any(String));
    // The other token is untouched.
    expect((await bearerClient(t, adminToken.token).get('/api/v1/me')).statusCode).toBe(200);
  });

  it('refuses garbage tokens', async () => {
    for (const garbage of [
      `lia_${randomBytes(32).toString('base64url')}`,
      'not-a-token',
      adminToken.token.slice(0, -2),
      `${adminToken.token}x`,
    ]) {
      expectProblem(await bearerClient(t, garbage).get('/api/v1/me'), 401, 'invalid-token');
    }
  });

  it('refuses an expired token', async () => {
    const response = await createToken(owner, { name: 'Short-lived', roles: ['reader'], expiresInDays: 1 });
    expect(response.statusCode).toBe(201);
    const { token, item } = response.json();
    expect((await bearerClient(t, token).get('/api/v1/me')).statusCode).toBe(200);
    await sql`update api_tokens set expires_at = now() - interval '1 second' where id = ${item.id}`.execute(t.database.db);
    expectProblem(await bearerClient(t, token).get('/api/v1/me'), 401, 'invalid-token');
    expectProblem(await bearerClient(t, token).get('/api/v1/admin/sharing-groups'), 401, 'invalid-token');
  });
});
