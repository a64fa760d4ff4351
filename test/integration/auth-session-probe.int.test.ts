/** The web app's session probe: who is signed in, answered with 200 whether anybody is or not. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerClient, expectProblem, signInAs } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('GET /api/v1/auth/session', () => {
  it('answers 200 with nobody to the public, where /api/v1/me still answers 401', async () => {
    const anonymous = t.anonymous();
    const probe = await anonymous.get('/api/v1/auth/session');
    expect(probe.statusCode, probe.body).toBe(200);
    expect(probe.json()).toEqual({ me: null });
    expectProblem(await anonymous.get('/api/v1/me'), 401, 'unauthenticated');
  });

  it('answers with the profile of the signed-in user, the same as /api/v1/me', async () => {
    const client = await signInAs(t, 'focal.ma@liaison.demo');
    const probe = await client.get('/api/v1/auth/session');
    expect(probe.statusCode, probe.body).toBe(200);
    const me = await client.get('/api/v1/me');
    expect(probe.json()).toEqual({ me: me.json() });
    expect(probe.json().me).toMatchObject({ email: 'focal.ma@liaison.demo', via: 'session', locale: expect.any(String) });
  });

  it('answers with nobody once the session has ended, and for a cookie that was never a session', async () => {
    const client = await signInAs(t, 'focal.ma@liaison.demo');
    const cookie = client.cookie;
    expect((await client.post('/api/v1/auth/logout', {})).statusCode).toBe(204);
    const stale = t.anonymous();
    stale.cookie = cookie;
    expect((await stale.get('/api/v1/auth/session')).json()).toEqual({ me: null });
    const forged = t.anonymous();
    forged.cookie = 'liaison_session=not-a-session';
    const answer = await forged.get('/api/v1/auth/session');
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ me: null });
  });

  it('still refuses an unknown API token: a client that sends one must learn it is wrong', async () => {
    expectProblem(await bearerClient(t, 'lsn_unknown-token-value').get('/api/v1/auth/session'), 401, 'invalid-token');
  });
});
