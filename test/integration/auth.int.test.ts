import { randomBytes, randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attemptLogin,
  bearerClient,
  expectProblem,
  findUserByEmail,
  freshAddress,
  problemShape,
  signInAs,
  sleep,
  totpNow,
  wrongTotp,
} from '../support/fixtures.js';
import { type Client, startTestApp, TEST_DEMO_PASSWORD, type TestApp } from '../support/test-app.js';

let t: TestApp;
let platformAdmin: Client;

beforeAll(async () => {
  t = await startTestApp();
  platformAdmin = await signInAs(t, 'admin@liaison.demo');
});
afterAll(() => t?.close());

/** Attributes of the session cookie in a Set-Cookie header, lower-cased. */
function sessionCookie(setCookie: string | string[] | undefined) {
  const header = [setCookie ?? []].flat().find((value) => value.startsWith('liaison_session='));
  expect(header, 'a liaison_session Set-Cookie header').toBeDefined();
  const [pair, ...attributes] = (header as string).split(';').map((part) => part.trim());
  return { value: pair.slice('liaison_session='.length), attributes: attributes.map((a) => a.toLowerCase()) };
}

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

describe('sign-in throttling', () => {
  it('locks an account after repeated failures, even for the right password, and leaves other accounts alone', async () => {
    const address = freshAddress();
    // Five free failures; letter case must not give a fresh counter.
    for (const email of [
      'reader.es@liaison.demo',
      'READER.ES@liaison.demo',
      'reader.es@LIAISON.demo',
      'Reader.Es@liaison.demo',
      'reader.es@liaison.demo',
    ]) {
      expectProblem(
        (await attemptLogin(t, { email, password: 'wrong-password-0000' }, address)).response,
        401,
        'invalid-credentials',
      );
    }
    // The sixth failure still answers invalid-credentials, and locks the account.
    expectProblem(
      (await attemptLogin(t, { email: 'reader.es@liaison.demo', password: 'wrong-password-0000' }, address)).response,
      401,
      'invalid-credentials',
    );

    for (const from of [address, freshAddress()]) {
      const locked = await attemptLogin(t, { email: 'reader.es@liaison.demo' }, from);
      const body = expectProblem(locked.response, 429, 'login-throttled');
      expect(body.detail).toMatch(/try again in [12] seconds?/i);
      expect(body.retryAfter).toBeGreaterThanOrEqual(1);
      expect(body.retryAfter).toBeLessThanOrEqual(2);
      expect(locked.response.headers['set-cookie']).toBeUndefined();
    }

    // Another account from the same address is not locked.
    const other = await attemptLogin(t, { email: 'caseworker.es@liaison.demo' }, address);
    expect(other.response.statusCode, other.response.body).toBe(200);

    // Unknown e-mails are throttled exactly like known ones.
    const probe = freshAddress();
    for (let i = 0; i < 6; i++) {
      expectProblem(
        (await attemptLogin(t, { email: 'ghost@liaison.demo', password: 'wrong-password-0000' }, probe)).response,
        401,
        'invalid-credentials',
      );
    }
    const ghostLocked = await attemptLogin(t, { email: 'ghost@liaison.demo', password: 'wrong-password-0000' }, probe);
    expectProblem(ghostLocked.response, 429, 'login-throttled');

    // The lock lasts two seconds; then the right password works and clears the count.
    await sleep(2_200);
    const unlocked = await attemptLogin(t, { email: 'reader.es@liaison.demo' }, address);
    expect(unlocked.response.statusCode, unlocked.response.body).toBe(200);

    // A further failure after a lock doubles the wait (7th failure: 4 seconds).
    expectProblem(
      (await attemptLogin(t, { email: 'ghost@liaison.demo', password: 'wrong-password-0000' }, probe)).response,
      401,
      'invalid-credentials',
    );
    const doubled = expectProblem(
      (await attemptLogin(t, { email: 'ghost@liaison.demo' }, probe)).response,
      429,
      'login-throttled',
    );
    expect(doubled.retryAfter).toBeGreaterThanOrEqual(3);
    expect(doubled.retryAfter).toBeLessThanOrEqual(4);
  });
});

describe('CSRF protection of cookie sessions', () => {
  let client: Client;
  const displayName = async () => (await client.get('/api/v1/me')).json().displayName;

  beforeAll(async () => {
    client = await signInAs(t, 'focal.es@liaison.demo');
  });

  it('refuses unsafe requests without the X-CSRF-Token header, changing nothing', async () => {
    const token = client.csrfToken;
    client.csrfToken = undefined;
    expectProblem(await client.patch('/api/v1/me', { displayName: 'No token' }), 403, 'csrf');
    expectProblem(await client.post('/api/v1/me/tokens', { name: 'x', roles: ['focal_point'], expiresInDays: 1 }), 403, 'csrf');
    expectProblem(await client.delete(`/api/v1/me/tokens/${randomUUID()}`), 403, 'csrf');
    expectProblem(await client.post('/api/v1/auth/logout'), 403, 'csrf');
    client.csrfToken = token;
    expect(await displayName()).toBe('Javier Ficticio');
    expect((await client.get('/api/v1/me/tokens')).json().items).toEqual([]);
  });

  it('refuses a token of another session, of another user, or garbage', async () => {
    const otherSessionSameUser = await signInAs(t, 'focal.es@liaison.demo');
    const otherUser = await signInAs(t, 'focal.sn@liaison.demo');
    for (const foreign of [otherSessionSameUser.csrfToken as string, otherUser.csrfToken as string, 'garbage', '']) {
      const response = await client.patch('/api/v1/me', { displayName: 'Foreign token' }, { 'x-csrf-token': foreign });
      expectProblem(response, 403, 'csrf');
    }
    expect(await displayName()).toBe('Javier Ficticio');
  });

  it('hands out a working token at GET /api/v1/auth/csrf', async () => {
    expectProblem(await t.anonymous().get('/api/v1/auth/csrf'), 401, 'unauthenticated');
    const response = await client.get('/api/v1/auth/csrf');
    expect(response.statusCode).toBe(200);
    const { csrfToken } = response.json();
    expect(typeof csrfToken).toBe('string');
    client.csrfToken = undefined;
    const patched = await client.patch('/api/v1/me', { displayName: 'Javier Ficticio-Renamed' }, { 'x-csrf-token': csrfToken });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().displayName).toBe('Javier Ficticio-Renamed');
    client.csrfToken = csrfToken;
    expect(await displayName()).toBe('Javier Ficticio-Renamed');
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
    const body = expectProblem(response, 422, 'invalid');
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

describe('TOTP second factor', () => {
  const email = 'analyst.sn@liaison.demo';
  let client: Client;
  let secret: string;
  let recoveryCodes: string[];

  beforeAll(async () => {
    client = await signInAs(t, email);
  });

  it('needs a setup before enabling', async () => {
    expectProblem(await client.post('/api/v1/me/totp/enable', { code: '123456' }), 409, 'no-pending-setup');
  });

  it('starts a setup with a secret and an otpauth URI', async () => {
    const response = await client.post('/api/v1/me/totp/setup');
    expect(response.statusCode, response.body).toBe(200);
    ({ secret } = response.json());
    expect(secret).toMatch(/^[A-Z2-7]{16,}=*$/);
    const uri = new URL(response.json().otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Liaison');
    expect(decodeURIComponent(uri.pathname)).toContain(email);
  });

  it('refuses a wrong code and stays without a second factor', async () => {
    const response = await client.post('/api/v1/me/totp/enable', { code: wrongTotp(secret) });
    expect(response.statusCode).toBe(422);
    expectProblem(response, 422, 'invalid-second-factor');
    expectProblem(await client.post('/api/v1/me/totp/enable', { code: 'abcdef' }), 400, 'validation');
    expect((await client.get('/api/v1/me')).json().totpEnabled).toBe(false);
    const { response: login } = await attemptLogin(t, { email });
    expect(login.statusCode, login.body).toBe(200);
  });

  it('enables with the right code and returns ten recovery codes', async () => {
    const response = await client.post('/api/v1/me/totp/enable', { code: totpNow(secret) });
    expect(response.statusCode, response.body).toBe(200);
    ({ recoveryCodes } = response.json());
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect((await client.get('/api/v1/me')).json().totpEnabled).toBe(true);
  });

  it('asks for the second factor at sign-in and refuses a wrong one', async () => {
    const missing = await attemptLogin(t, { email });
    expectProblem(missing.response, 401, 'second-factor-required');
    expect(missing.response.headers['set-cookie']).toBeUndefined();
    const wrong = await attemptLogin(t, { email, totp: wrongTotp(secret) });
    expectProblem(wrong.response, 401, 'invalid-second-factor');
    expect(wrong.response.headers['set-cookie']).toBeUndefined();
    // The second factor never rescues a wrong password.
    expectProblem(
      (await attemptLogin(t, { email, password: 'wrong-password-0000', totp: totpNow(secret) })).response,
      401,
      'invalid-credentials',
    );
  });

  it('signs in with the right code', async () => {
    const { response, client: signedIn } = await attemptLogin(t, { email, totp: totpNow(secret) });
    expect(response.statusCode, response.body).toBe(200);
    expect((await signedIn.get('/api/v1/me')).json()).toMatchObject({ email, totpEnabled: true });
  });

  it('accepts each recovery code once', async () => {
    const first = await attemptLogin(t, { email, recoveryCode: recoveryCodes[0] });
    expect(first.response.statusCode, first.response.body).toBe(200);
    expectProblem((await attemptLogin(t, { email, recoveryCode: recoveryCodes[0] })).response, 401, 'invalid-second-factor');
    // Typed in lower case without dashes, another code still works.
    const relaxed = await attemptLogin(t, { email, recoveryCode: recoveryCodes[1].replaceAll('-', '').toLowerCase() });
    expect(relaxed.response.statusCode, relaxed.response.body).toBe(200);
    expectProblem((await attemptLogin(t, { email, recoveryCode: 'AAAA-BBBB-CCCC' })).response, 401, 'invalid-second-factor');
  });
});

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
      const body = expectProblem(await createToken(owner, { name: 'Escalation', roles, expiresInDays: 5 }), 422, 'invalid');
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

describe('administrators outside demo mode', () => {
  let live: TestApp;

  beforeAll(async () => {
    live = await startTestApp({ demo: false, secureCookies: true });
  });
  afterAll(() => live?.close());

  it('sets the Secure flag on the session cookie behind HTTPS', async () => {
    const { response } = await attemptLogin(live, { email: 'focal.ma@liaison.demo' });
    expect(response.statusCode).toBe(200);
    expect(sessionCookie(response.headers['set-cookie']).attributes).toContain('secure');
  });

  it('does not force a focal point to enrol', async () => {
    const focal = await signInAs(live, 'focal.ma@liaison.demo');
    expect((await focal.get('/api/v1/me')).json()).toMatchObject({ mustEnrolTotp: false, totpEnabled: false });
    expect((await focal.get('/api/v1/admin/sharing-groups')).statusCode).toBe(200);
    expect((await focal.get('/api/v1/me/tokens')).statusCode).toBe(200);
  });

  it('holds an organisation admin without TOTP to enrolment', async () => {
    const orgAdmin = await signInAs(live, 'orgadmin.ma@liaison.demo');
    expect((await orgAdmin.get('/api/v1/me')).json()).toMatchObject({ mustEnrolTotp: true, roles: ['org_admin'] });
    expectProblem(await orgAdmin.get('/api/v1/admin/units'), 403, 'second-factor-enrolment-required');
    expectProblem(await orgAdmin.get('/api/v1/admin/users'), 403, 'second-factor-enrolment-required');
  });

  it('makes the platform admin enrol a second factor before administering', async () => {
    const admin = await signInAs(live, 'admin@liaison.demo');
    expect((await admin.get('/api/v1/me')).json()).toMatchObject({
      mustEnrolTotp: true,
      totpEnabled: false,
      roles: ['platform_admin'],
    });
    expectProblem(await admin.get('/api/v1/admin/users'), 403, 'second-factor-enrolment-required');
    expectProblem(await admin.get('/api/v1/admin/organisations'), 403, 'second-factor-enrolment-required');
    expectProblem(await admin.get('/api/v1/me/tokens'), 403, 'second-factor-enrolment-required');
    expectProblem(
      await admin.post('/api/v1/admin/sharing-groups', { name: 'Before enrolment', organisationIds: [] }),
      403,
      'second-factor-enrolment-required',
    );

    const setup = await admin.post('/api/v1/me/totp/setup');
    expect(setup.statusCode, setup.body).toBe(200);
    const { secret } = setup.json();
    const enabled = await admin.post('/api/v1/me/totp/enable', { code: totpNow(secret) });
    expect(enabled.statusCode, enabled.body).toBe(200);
    expect(enabled.json().recoveryCodes).toHaveLength(10);

    expectProblem((await attemptLogin(live, { email: 'admin@liaison.demo' })).response, 401, 'second-factor-required');
    const enrolled = await signInAs(live, 'admin@liaison.demo', { totp: totpNow(secret) });
    expect((await enrolled.get('/api/v1/me')).json()).toMatchObject({ mustEnrolTotp: false, totpEnabled: true });
    const users = await enrolled.get('/api/v1/admin/users');
    expect(users.statusCode, users.body).toBe(200);
    expect(users.json().total).toBe(31);
    const groups = await enrolled.get('/api/v1/admin/sharing-groups?q=Before%20enrolment&includeInactive=true');
    expect(groups.json().total).toBe(0);

    // Outside demo mode an administrator cannot drop the second factor.
    expectProblem(
      await enrolled.post('/api/v1/me/totp/disable', { password: TEST_DEMO_PASSWORD }),
      403,
      'second-factor-required-for-role',
    );
    expect((await enrolled.get('/api/v1/me')).json().totpEnabled).toBe(true);
  });
});
