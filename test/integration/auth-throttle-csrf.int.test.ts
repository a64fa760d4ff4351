/** Authentication: sign-in throttling after repeated failures, and CSRF protection of cookie sessions. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptLogin, expectProblem, freshAddress, signInAs, sleep } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

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

    const locked = await attemptLogin(t, { email: 'reader.es@liaison.demo' }, address);
    const body = expectProblem(locked.response, 429, 'login-throttled');
    expect(body.detail).toMatch(/try again in [12] seconds?/i);
    expect(body.retryAfter).toBeGreaterThanOrEqual(1);
    expect(body.retryAfter).toBeLessThanOrEqual(2);
    expect(locked.response.headers['set-cookie']).toBeUndefined();
    // The lock holds the account at that address only: from elsewhere the user signs in
    // (test/integration/auth-credential-abuse.int.test.ts).

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
