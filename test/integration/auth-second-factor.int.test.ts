/** Authentication: TOTP second factor and recovery codes, and the enrolment required of administrators outside demo mode. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptLogin, expectProblem, sessionCookie, signInAs, totpNow, wrongTotp } from '../support/fixtures.js';
import { type Client, startTestApp, TEST_DEMO_PASSWORD, type TestApp } from '../support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

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
