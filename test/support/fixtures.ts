import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { generateSync } from 'otplib';
import { afterAll, beforeAll, expect } from 'vitest';
import { type Client, startTestApp, TEST_DEMO_PASSWORD, type TestApp } from './test-app.js';

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

/** Attributes of the session cookie in a Set-Cookie header, lower-cased. */
export function sessionCookie(setCookie: string | string[] | undefined) {
  const header = [setCookie ?? []].flat().find((value) => value.startsWith('liaison_session='));
  expect(header, 'a liaison_session Set-Cookie header').toBeDefined();
  const [pair, ...attributes] = (header as string).split(';').map((part) => part.trim());
  return { value: pair.slice('liaison_session='.length), attributes: attributes.map((a) => a.toLowerCase()) };
}

// ---------------------------------------------------------------------------------------------
// Administration API (test/integration/administration-*.int.test.ts)
// ---------------------------------------------------------------------------------------------

export const API = '/api/v1/admin';
export const STRONG_PASSWORD = 'Sahel-lantern-4817-orbit';

export type Who = 'platform' | 'orgAdmin' | 'focal' | 'analyst' | 'reader' | 'anonymous';
export const EVERYONE: Who[] = ['platform', 'orgAdmin', 'focal', 'analyst', 'reader', 'anonymous'];

/** Ids of demo records, looked up once. `ma` is the acting organisation, `es` another one. */
export interface DemoIds {
  org: Record<'ma' | 'es' | 'sec', string>;
  units: Record<'ma' | 'es', string[]>;
  user: Record<string, string>;
  atlanticGroup: string;
}

/** An empty `DemoIds`, filled in by `lookUpDemoIds` once the app runs. */
export const emptyDemoIds = (): DemoIds => ({
  org: {} as Record<'ma' | 'es' | 'sec', string>,
  units: {} as Record<'ma' | 'es', string[]>,
  user: {} as Record<string, string>,
  atlanticGroup: '',
});

/** One client per `Who`: the platform admin and the DMSF (Morocco) users, plus an anonymous one. */
export async function signInEveryone(t: TestApp): Promise<Record<Who, Client>> {
  const as = {} as Record<Who, Client>;
  as.platform = await signInAs(t, 'admin@liaison.demo');
  as.orgAdmin = await signInAs(t, 'orgadmin.ma@liaison.demo');
  as.focal = await signInAs(t, 'focal.ma@liaison.demo');
  as.analyst = await signInAs(t, 'analyst.ma@liaison.demo');
  as.reader = await signInAs(t, 'reader.ma@liaison.demo');
  as.anonymous = t.anonymous();
  return as;
}

/** Looks the demo records of `DemoIds` up through the admin API, as the platform admin. */
export async function lookUpDemoIds(platform: Client): Promise<DemoIds> {
  const ids = emptyDemoIds();
  const organisations = (await platform.get(`${API}/organisations`)).json().items as { id: string; acronym: string }[];
  const byAcronym = (acronym: string) => organisations.find((o) => o.acronym === acronym)?.id as string;
  ids.org = { ma: byAcronym('DMSF'), es: byAcronym('CGEF'), sec: byAcronym('RPS') };
  for (const key of ['ma', 'es'] as const) {
    const units = (await platform.get(`${API}/units?organisationId=${ids.org[key]}`)).json().items as { id: string }[];
    ids.units[key] = units.map((u) => u.id);
  }
  for (const email of ['admin', 'orgadmin.ma', 'orgadmin.es', 'caseworker.ma', 'caseworker.es', 'focal.es']) {
    ids.user[email] = (await findUserByEmail(platform, `${email}@liaison.demo`)).id;
  }
  const groups = (await platform.get(`${API}/sharing-groups`)).json().items as { id: string; name: string }[];
  ids.atlanticGroup = groups.find((g) => g.name === 'Atlantic route border units')?.id as string;
  expect(Object.values(ids.org).every(Boolean) && ids.atlanticGroup && ids.units.ma.length === 2).toBeTruthy();
  return ids;
}

/** Reads as the platform admin of `as` (looked up at call time, so `as` may be filled in later). */
export function platformReads(as: Record<Who, Client>) {
  /** Everything an administrator can see, read as the platform admin: what a refused request must not change. */
  async function everything() {
    const lists = await Promise.all(
      ['organisations', 'units', 'users', 'sharing-groups'].map((path) =>
        as.platform.get(`${API}/${path}?includeInactive=true&limit=200`),
      ),
    );
    for (const list of lists) expect(list.statusCode).toBe(200);
    return lists.map((list) => list.json());
  }

  const readAsPlatform = async (url: string) => (await as.platform.get(url)).json();
  const countMatching = async (path: string, q: string) =>
    (await as.platform.get(`${API}/${path}?includeInactive=true&q=${encodeURIComponent(q)}`)).json().total as number;

  return { everything, readAsPlatform, countMatching };
}

/**
 * The set-up every administration test file shares: one app for the file, every demo role signed
 * in, the demo ids looked up. Call at the top level of a test file.
 */
export function administrationSuite() {
  // Filled in beforeAll, like `as` and `ids`: the file's tests read them once the suite runs.
  const app = {} as TestApp;
  const as = {} as Record<Who, Client>;
  const ids = emptyDemoIds();
  beforeAll(async () => {
    Object.assign(app, await startTestApp());
    Object.assign(as, await signInEveryone(app));
    Object.assign(ids, await lookUpDemoIds(as.platform));
  });
  afterAll(() => app.close?.());
  return { app, as, ids };
}
