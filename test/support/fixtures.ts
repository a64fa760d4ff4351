import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { generateSync } from 'otplib';
import { expect } from 'vitest';
import { type Client, TEST_DEMO_PASSWORD, type TestApp } from './test-app.js';

export type Response = LightMyRequestResponse;

let addressCounter = 0;

/**
 * A client address never used before in this test file. The login route is rate limited per
 * address (30 a minute), so each sign-in comes from its own address unless a test means otherwise.
 */
export function freshAddress(): string {
  addressCounter++;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

export interface LoginInput {
  email: string;
  password?: string;
  totp?: string;
  recoveryCode?: string;
}

/** Posts a sign-in from `address`; on success the client keeps the cookie and CSRF token. */
export async function attemptLogin(t: TestApp, input: LoginInput, address = freshAddress()) {
  const client = t.anonymous();
  const response = await client.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { password: TEST_DEMO_PASSWORD, ...input },
    remoteAddress: address,
  } as InjectOptions);
  if (response.statusCode === 200) client.csrfToken = response.json().csrfToken;
  return { response, client };
}

/** Signs in and returns the client; fails the test when the sign-in is refused. */
export async function signInAs(t: TestApp, email: string, extra: Omit<LoginInput, 'email'> = {}): Promise<Client> {
  const { response, client } = await attemptLogin(t, { email, ...extra });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
  return client;
}

/** A client that authenticates with an API token only (no cookie, no CSRF token). */
export function bearerClient(t: TestApp, token: string): Client {
  const client = t.anonymous();
  client.headers = { authorization: `Bearer ${token}` };
  return client;
}

/** Asserts an RFC 9457 problem with the given status and slug, and returns its body. */
export function expectProblem(response: Response, status: number, slug: string): Record<string, unknown> {
  expect(response.statusCode, `${slug}: ${response.body}`).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json();
  expect(body).toMatchObject({ type: `urn:liaison:problem:${slug}`, status });
  expect(typeof body.detail).toBe('string');
  expect(body.detail.length).toBeGreaterThan(0);
  expect(response.body).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack trace
  return body;
}

/** The problem fields a client can see, without the per-request ones (request id, path). */
export function problemShape(response: Response) {
  const { type, title, status, detail } = response.json();
  return { httpStatus: response.statusCode, type, title, status, detail };
}

export const totpNow = (secret: string) => generateSync({ secret });

/** A six-digit code valid in none of the steps the server tolerates around now. */
export function wrongTotp(secret: string): string {
  const now = Math.floor(Date.now() / 1000);
  const valid = new Set([-90, -60, -30, 0, 30, 60, 90].map((offset) => generateSync({ secret, epoch: now + offset })));
  let code = Number(generateSync({ secret }));
  do code = (code + 7919) % 1_000_000;
  while (valid.has(String(code).padStart(6, '0')));
  return String(code).padStart(6, '0');
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  organisationId: string;
  unitIds: string[];
  roles: string[];
  locale: string;
  active: boolean;
}

/** Looks a user up by exact e-mail through the admin API (the client must be allowed to list users). */
export async function findUserByEmail(admin: Client, email: string): Promise<UserSummary> {
  const response = await admin.get(`/api/v1/admin/users?includeInactive=true&q=${encodeURIComponent(email)}`);
  expect(response.statusCode, response.body).toBe(200);
  const user = response.json().items.find((item: UserSummary) => item.email.toLowerCase() === email.toLowerCase());
  if (!user) throw new Error(`no user ${email}`);
  return user;
}
