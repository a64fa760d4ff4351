/**
 * Authentication under attack: wrong passwords from one address must not lock the real user out
 * everywhere, and a password change (or deactivation) must also end the user's API tokens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attemptLogin,
  bearerClient,
  expectProblem,
  findUserByEmail,
  freshAddress,
  STRONG_PASSWORD,
  signInAs,
  sleep,
} from '../support/fixtures.js';
import { type Client, startTestApp, TEST_DEMO_PASSWORD, type TestApp } from '../support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const WRONG = 'wrong-password-0000';

describe('sign-in lockout per account and address', () => {
  it('locks the attacking address out of the account, while the real user signs in from elsewhere at once', async () => {
    const email = 'focal.sn@liaison.demo';
    const attacker = freshAddress();
    for (let i = 0; i < 6; i++) {
      expectProblem((await attemptLogin(t, { email, password: WRONG }, attacker)).response, 401, 'invalid-credentials');
    }
    // Two more failures, each once the last lock ran out, lock for 8 seconds: time enough for the
    // checks below on a busy machine.
    for (let i = 0; i < 2; i++) {
      const locked = expectProblem((await attemptLogin(t, { email }, attacker)).response, 429, 'login-throttled');
      await sleep(Number(locked.retryAfter) * 1000 + 100);
      expectProblem((await attemptLogin(t, { email, password: WRONG }, attacker)).response, 401, 'invalid-credentials');
    }
    // The attacker's address is locked for this account, even with the right password.
    expectProblem((await attemptLogin(t, { email }, attacker)).response, 429, 'login-throttled');

    // The real user, from another address, gets in at once.
    const user = freshAddress();
    const real = await attemptLogin(t, { email }, user);
    expect(real.response.statusCode, real.response.body).toBe(200);
    expect((await real.client.get('/api/v1/me')).json().email).toBe(email);

    // Their success does not lift the attacker's lock.
    expectProblem((await attemptLogin(t, { email }, attacker)).response, 429, 'login-throttled');
    expectProblem((await attemptLogin(t, { email, password: WRONG }, attacker)).response, 429, 'login-throttled');
  });

  it('throttles unknown e-mails exactly like known ones, so the answer tells nothing', async () => {
    const probe = freshAddress();
    const answers = async (email: string) => {
      const seen: number[] = [];
      for (let i = 0; i < 7; i++) seen.push((await attemptLogin(t, { email, password: WRONG }, probe)).response.statusCode);
      return seen;
    };
    const known = await answers('reader.sn@liaison.demo');
    const unknown = await answers('nobody.sn@liaison.demo');
    expect(known).toEqual([401, 401, 401, 401, 401, 401, 429]);
    expect(unknown).toEqual(known);
  });

  it('still throttles an address that tries many accounts', async () => {
    const spray = freshAddress();
    for (let i = 0; i < 31; i++) {
      const response = (await attemptLogin(t, { email: `spray${i}@liaison.demo`, password: WRONG }, spray)).response;
      expectProblem(response, 401, 'invalid-credentials');
    }
    // The address is locked for every account, a real one with its right password included.
    expectProblem((await attemptLogin(t, { email: 'analyst.sn@liaison.demo' }, spray)).response, 429, 'login-throttled');
    const elsewhere = await attemptLogin(t, { email: 'analyst.sn@liaison.demo' }, freshAddress());
    expect(elsewhere.response.statusCode, elsewhere.response.body).toBe(200);
  });
});

describe('API tokens end with the password', () => {
  const createToken = async (client: Client, name: string) => {
    const response = await client.post('/api/v1/me/tokens', { name, roles: ['focal_point'], expiresInDays: 30 });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().token as string;
  };

  it('revokes every API token of the user when the password changes', async () => {
    const owner = await signInAs(t, 'focal.ne@liaison.demo');
    const other = await signInAs(t, 'focal.ne@liaison.demo');
    const tokens = [await createToken(owner, 'Sync'), await createToken(owner, 'Reports')];
    for (const token of tokens) expect((await bearerClient(t, token).get('/api/v1/me')).statusCode).toBe(200);

    const changed = await owner.post('/api/v1/me/password', {
      currentPassword: TEST_DEMO_PASSWORD,
      newPassword: STRONG_PASSWORD,
    });
    expect(changed.statusCode, changed.body).toBe(204);

    for (const token of tokens) expectProblem(await bearerClient(t, token).get('/api/v1/me'), 401, 'invalid-token');
    const listed = (await owner.get('/api/v1/me/tokens')).json().items as { revokedAt: string | null }[];
    expect(listed).toHaveLength(2);
    expect(listed.every((item) => item.revokedAt !== null)).toBe(true);
    // The session that changed the password goes on; the other one ended.
    expect((await owner.get('/api/v1/me')).statusCode).toBe(200);
    expectProblem(await other.get('/api/v1/me'), 401, 'unauthenticated');
    // A token made after the change works.
    const fresh = await createToken(owner, 'After the change');
    expect((await bearerClient(t, fresh).get('/api/v1/me')).statusCode).toBe(200);
  });

  it('leaves the tokens alone when the current password is wrong', async () => {
    const owner = await signInAs(t, 'analyst.ne@liaison.demo');
    const response = await owner.post('/api/v1/me/tokens', { name: 'Kept', roles: ['analyst'], expiresInDays: 30 });
    const token = response.json().token as string;
    const refused = await owner.post('/api/v1/me/password', { currentPassword: WRONG, newPassword: STRONG_PASSWORD });
    expectProblem(refused, 422, 'wrong-password');
    expect((await bearerClient(t, token).get('/api/v1/me')).statusCode).toBe(200);
  });

  it('revokes the tokens of a user an administrator deactivates', async () => {
    const admin = await signInAs(t, 'admin@liaison.demo');
    const owner = await signInAs(t, 'caseworker.ne@liaison.demo');
    const response = await owner.post('/api/v1/me/tokens', { name: 'Field laptop', roles: ['case_worker'], expiresInDays: 30 });
    expect(response.statusCode, response.body).toBe(201);
    const token = bearerClient(t, response.json().token);
    expect((await token.get('/api/v1/me')).statusCode).toBe(200);
    const user = await findUserByEmail(admin, 'caseworker.ne@liaison.demo');
    const deactivated = await admin.patch(`/api/v1/admin/users/${user.id}`, { active: false });
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    expectProblem(await token.get('/api/v1/me'), 401, 'invalid-token');
    expectProblem(await owner.get('/api/v1/me'), 401, 'unauthenticated');
  });
});
