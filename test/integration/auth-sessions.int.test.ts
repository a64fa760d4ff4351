/** Authentication: sign-in, session cookies, logout, password change, and deactivated users. */
import { randomBytes } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attemptLogin,
  bearerClient,
  expectProblem,
  findUserByEmail,
  freshAddress,
  problemShape,
  sessionCookie,
  signInAs,
} from '../support/fixtures.js';
import { type Client, startTestApp, TEST_DEMO_PASSWORD, type TestApp } from '../support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('sign-in and sessions', () => {
  it('signs in with a strict, HttpOnly session cookie and answers with the profile and a CSRF token', async () => {
    const { response, client } = await attemptLogin(t, { email: 'focal.ma@liaison.demo' });
    expect(response.statusCode, response.body).toBe(200);
    const cookie = sessionCookie(response.headers['set-cookie']);
    expect(cookie.value.length).toBeGreaterThanOrEqual(32);
    expect(cookie.attributes).toContain('httponly');
    expect(cookie.attributes).toContain('samesite=strict');
    expect(cookie.attributes).toContain('path=/');
    expect(cookie.attributes).not.toContain('secure'); // plain HTTP in tests; see the non-demo app for Secure

    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(['csrfToken', 'me']);
    expect(typeof body.csrfToken).toBe('string');
    expect(body.me).toMatchObject({ email: 'focal.ma@liaison.demo', displayName: 'Youssef Fictif', roles: ['focal_point'] });
    expect(response.body).not.toMatch(/argon2|password/i);

    const me = await client.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      email: 'focal.ma@liaison.demo',
      displayName: 'Youssef Fictif',
      roles: ['focal_point'],
      via: 'session',
      organisation: { acronym: 'DMSF', country: 'MA', kind: 'government_agency' },
      units: [{ name: 'National anti-smuggling unit' }],
    });
    expect(me.json().organisation.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(me.json().units[0].id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('accepts the e-mail address in any letter case', async () => {
    const { response } = await attemptLogin(t, { email: 'Focal.MA@Liaison.Demo' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().me.email).toBe('focal.ma@liaison.demo');
  });

  it('answers 401 without a session, and with an unknown session cookie', async () => {
    expectProblem(await t.anonymous().get('/api/v1/me'), 401, 'unauthenticated');
    const forged = t.anonymous();
    forged.cookie = `liaison_session=ses_${randomBytes(32).toString('base64url')}`;
    expectProblem(await forged.get('/api/v1/me'), 401, 'unauthenticated');
  });

  it('opens a new session at every sign-in; both stay valid', async () => {
    const first = await signInAs(t, 'focal.ma@liaison.demo');
    const firstCookie = first.cookie;
    // Signing in again from the same user agent (cookie sent along) must not reuse the session id.
    const again = await first.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'focal.ma@liaison.demo', password: TEST_DEMO_PASSWORD },
      remoteAddress: freshAddress(),
    } as InjectOptions);
    expect(again.statusCode).toBe(200);
    expect(first.cookie).toBeDefined();
    expect(first.cookie).not.toBe(firstCookie);
    const second = await signInAs(t, 'focal.ma@liaison.demo');
    expect(new Set([firstCookie, first.cookie, second.cookie]).size).toBe(3);

    const oldSession = t.anonymous();
    oldSession.cookie = firstCookie;
    for (const client of [oldSession, first, second]) {
      const me = await client.get('/api/v1/me');
      expect(me.statusCode).toBe(200);
      expect(me.json().email).toBe('focal.ma@liaison.demo');
    }
  });

  it('gives a wrong password and an unknown e-mail the same answer', async () => {
    const wrong = await attemptLogin(t, { email: 'analyst.ma@liaison.demo', password: 'not-the-password-2026' });
    const unknown = await attemptLogin(t, { email: 'nobody.here@liaison.demo', password: 'not-the-password-2026' });
    const wrongBody = expectProblem(wrong.response, 401, 'invalid-credentials');
    expectProblem(unknown.response, 401, 'invalid-credentials');
    expect(problemShape(unknown.response)).toEqual(problemShape(wrong.response));
    expect(wrong.response.headers['set-cookie']).toBeUndefined();
    expect(unknown.response.headers['set-cookie']).toBeUndefined();
    expect(wrongBody.detail).not.toMatch(/unknown|exist|not found/i);
  });

  it('refuses a malformed sign-in without a session', async () => {
    const client = t.anonymous();
    const extra = await client.post('/api/v1/auth/login', {
      email: 'focal.ma@liaison.demo',
      password: TEST_DEMO_PASSWORD,
      admin: true,
    });
    expectProblem(extra, 400, 'validation');
    expect(extra.headers['set-cookie']).toBeUndefined();
    expectProblem(await client.post('/api/v1/auth/login', { email: 'focal.ma@liaison.demo' }), 400, 'validation');
    expect(client.cookie).toBeUndefined();
  });

  it('ends the session on logout; the old cookie replayed afterwards gets 401', async () => {
    const client = await signInAs(t, 'focal.ma@liaison.demo');
    const stolen = client.cookie as string;
    const csrf = client.csrfToken as string;

    const logout = await client.post('/api/v1/auth/logout');
    expect(logout.statusCode).toBe(204);
    const cleared = sessionCookie(logout.headers['set-cookie']);
    expect(cleared.value).toBe('');
    expect(client.cookie).toBeUndefined();

    const replay = t.anonymous();
    replay.cookie = stolen;
    replay.csrfToken = csrf;
    expectProblem(await replay.get('/api/v1/me'), 401, 'unauthenticated');
    expectProblem(await replay.patch('/api/v1/me', { displayName: 'Replayed' }), 401, 'unauthenticated');
    expectProblem(await replay.post('/api/v1/auth/logout'), 401, 'unauthenticated');

    const fresh = await signInAs(t, 'focal.ma@liaison.demo');
    expect((await fresh.get('/api/v1/me')).json().displayName).toBe('Youssef Fictif');
  });
});

describe('password change', () => {
  const email = 'caseworker.sn@liaison.demo';
  const newPassword = 'Harmattan-route-cipher-71';
  let current: Client;
  let other: Client;
  // The route allows 10 changes a minute per address; each call comes from its own address.
  const changePassword = (client: Client, currentPassword: string, next: string) =>
    client.request({
      method: 'POST',
      url: '/api/v1/me/password',
      payload: { currentPassword, newPassword: next },
      remoteAddress: freshAddress(),
    } as InjectOptions);

  beforeAll(async () => {
    current = await signInAs(t, email);
    other = await signInAs(t, email);
  });

  it.each([
    ['shorter than 12 characters', 'Sh0rt-pass!', /12 characters/],
    ['a common password padded with digits', 'password1234', /common/],
    ['a common keyboard walk', 'qwertyuiop123', /common/],
    ['the product name with digits', 'Liaison-2026!!', /common/],
    ['a single repeated character', 'zzzzzzzzzzzzzz', /repeat|common/],
    ['the e-mail address inside', 'caseworker.sn-Secret-99', /e-mail/],
  ])('refuses a new password that is %s', async (_label, candidate, detail) => {
    const response = await changePassword(current, TEST_DEMO_PASSWORD, candidate);
    const body = expectProblem(response, 422, 'weak-password');
    expect(body.detail).toMatch(detail);
  });

  it('refuses a wrong current password', async () => {
    const response = await changePassword(current, 'not-my-password-2026', newPassword);
    expectProblem(response, 422, 'wrong-password');
  });

  it('kept the old password and both sessions after the refusals', async () => {
    expect((await other.get('/api/v1/me')).statusCode).toBe(200);
    expect((await current.get('/api/v1/me')).statusCode).toBe(200);
    const { response } = await attemptLogin(t, { email });
    expect(response.statusCode, response.body).toBe(200);
    expectProblem((await attemptLogin(t, { email, password: newPassword })).response, 401, 'invalid-credentials');
  });

  it('changes the password, ends the other sessions and keeps this one', async () => {
    const response = await changePassword(current, TEST_DEMO_PASSWORD, newPassword);
    expect(response.statusCode, response.body).toBe(204);
    expect((await current.get('/api/v1/me')).statusCode).toBe(200);
    expectProblem(await other.get('/api/v1/me'), 401, 'unauthenticated');
    expectProblem((await attemptLogin(t, { email })).response, 401, 'invalid-credentials');
    const { response: fresh } = await attemptLogin(t, { email, password: newPassword });
    expect(fresh.statusCode, fresh.body).toBe(200);
  });
});

describe('deactivated users', () => {
  const email = 'caseworker.ngo@liaison.demo';

  it('lose their sessions and tokens at once and cannot sign in', async () => {
    const victim = await signInAs(t, email);
    const created = await victim.post('/api/v1/me/tokens', { name: 'Field laptop', roles: ['case_worker'], expiresInDays: 30 });
    expect(created.statusCode).toBe(201);
    const token = created.json().token as string;
    expect((await bearerClient(t, token).get('/api/v1/me')).statusCode).toBe(200);

    const orgAdmin = await signInAs(t, 'orgadmin.ngo@liaison.demo');
    const user = await findUserByEmail(orgAdmin, email);
    const deactivated = await orgAdmin.patch(`/api/v1/admin/users/${user.id}`, { active: false });
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    expect(deactivated.json()).toMatchObject({ id: user.id, active: false, roles: ['case_worker'], unitIds: user.unitIds });

    expectProblem(await victim.get('/api/v1/me'), 401, 'unauthenticated');
    expectProblem(await bearerClient(t, token).get('/api/v1/me'), 401, 'invalid-token');
    const login = await attemptLogin(t, { email });
    expectProblem(login.response, 401, 'invalid-credentials');
    const unknown = await attemptLogin(t, { email: 'never.existed@liaison.demo' });
    expect(problemShape(login.response)).toEqual(problemShape(unknown.response));

    // Reactivation lets the person sign in again, but the old session and token stay dead.
    const reactivated = await orgAdmin.patch(`/api/v1/admin/users/${user.id}`, { active: true });
    expect(reactivated.statusCode).toBe(200);
    expect((await attemptLogin(t, { email })).response.statusCode).toBe(200);
    expectProblem(await victim.get('/api/v1/me'), 401, 'unauthenticated');
    expectProblem(await bearerClient(t, token).get('/api/v1/me'), 401, 'invalid-token');
  });
});
