import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptLogin, expectProblem, findUserByEmail, problemShape, signInAs } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

const API = '/api/v1/admin';
const STRONG_PASSWORD = 'Sahel-lantern-4817-orbit';

type Who = 'platform' | 'orgAdmin' | 'focal' | 'analyst' | 'reader' | 'anonymous';
const EVERYONE: Who[] = ['platform', 'orgAdmin', 'focal', 'analyst', 'reader', 'anonymous'];

let t: TestApp;
const as = {} as Record<Who, Client>;
/** Ids of demo records, looked up once. `ma` is the acting organisation, `es` another one. */
const ids = {
  org: {} as Record<'ma' | 'es' | 'sec', string>,
  units: {} as Record<'ma' | 'es', string[]>,
  user: {} as Record<string, string>,
  atlanticGroup: '',
};

beforeAll(async () => {
  t = await startTestApp();
  as.platform = await signInAs(t, 'admin@liaison.demo');
  as.orgAdmin = await signInAs(t, 'orgadmin.ma@liaison.demo');
  as.focal = await signInAs(t, 'focal.ma@liaison.demo');
  as.analyst = await signInAs(t, 'analyst.ma@liaison.demo');
  as.reader = await signInAs(t, 'reader.ma@liaison.demo');
  as.anonymous = t.anonymous();

  const organisations = (await as.platform.get(`${API}/organisations`)).json().items as { id: string; acronym: string }[];
  const byAcronym = (acronym: string) => organisations.find((o) => o.acronym === acronym)?.id as string;
  ids.org = { ma: byAcronym('DMSF'), es: byAcronym('CGEF'), sec: byAcronym('RPS') };
  for (const key of ['ma', 'es'] as const) {
    const units = (await as.platform.get(`${API}/units?organisationId=${ids.org[key]}`)).json().items as { id: string }[];
    ids.units[key] = units.map((u) => u.id);
  }
  for (const email of ['admin', 'orgadmin.ma', 'orgadmin.es', 'caseworker.ma', 'caseworker.es', 'focal.es']) {
    ids.user[email] = (await findUserByEmail(as.platform, `${email}@liaison.demo`)).id;
  }
  const groups = (await as.platform.get(`${API}/sharing-groups`)).json().items as { id: string; name: string }[];
  ids.atlanticGroup = groups.find((g) => g.name === 'Atlantic route border units')?.id as string;
  expect(Object.values(ids.org).every(Boolean) && ids.atlanticGroup && ids.units.ma.length === 2).toBeTruthy();
});
afterAll(() => t?.close());

const SLUG: Record<number, string> = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not-found' };

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

// ---------------------------------------------------------------------------------------------
// Role × action × own/other organisation
// ---------------------------------------------------------------------------------------------

interface Row {
  action: string;
  request: (who: Who) => { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: unknown };
  expected: Record<Who, number>;
  /** Read back as the platform admin; a refused request must leave it unchanged. */
  state?: (who: Who) => Promise<unknown>;
}

/** Expected statuses: platform admin, organisation admin, the other signed-in roles; anonymous always 401. */
const statuses = (platform: number, orgAdmin: number, others: number): Record<Who, number> => ({
  platform,
  orgAdmin,
  focal: others,
  analyst: others,
  reader: others,
  anonymous: 401,
});

const matrix: Row[] = [
  {
    action: 'list organisations',
    request: () => ({ method: 'GET', url: `${API}/organisations` }),
    expected: statuses(200, 200, 403),
  },
  {
    action: 'read own organisation',
    request: () => ({ method: 'GET', url: `${API}/organisations/${ids.org.ma}` }),
    expected: statuses(200, 200, 403),
  },
  {
    action: 'read another organisation',
    request: () => ({ method: 'GET', url: `${API}/organisations/${ids.org.es}` }),
    expected: statuses(200, 404, 403),
  },
  {
    action: 'create an organisation',
    request: (who) => ({
      method: 'POST',
      url: `${API}/organisations`,
      payload: { name: `Matrix organisation ${who}`, kind: 'ngo', country: 'FR' },
    }),
    expected: statuses(201, 403, 403),
    state: (who) => countMatching('organisations', `Matrix organisation ${who}`),
  },
  ...(['ma', 'es'] as const).map(
    (org): Row => ({
      action: `update ${org === 'ma' ? 'own' : 'another'} organisation`,
      request: (who) => ({
        method: 'PATCH',
        url: `${API}/organisations/${ids.org[org]}`,
        payload: { acronym: who === 'platform' ? (org === 'ma' ? 'DMSF' : 'CGEF') : 'HIJACKED', active: true },
      }),
      expected: statuses(200, 403, 403),
      state: () => readAsPlatform(`${API}/organisations/${ids.org[org]}`),
    }),
  ),
  { action: 'list units', request: () => ({ method: 'GET', url: `${API}/units` }), expected: statuses(200, 200, 403) },
  {
    action: 'read own unit',
    request: () => ({ method: 'GET', url: `${API}/units/${ids.units.ma[0]}` }),
    expected: statuses(200, 200, 403),
  },
  {
    action: 'read another unit',
    request: () => ({ method: 'GET', url: `${API}/units/${ids.units.es[0]}` }),
    expected: statuses(200, 404, 403),
  },
  ...(['ma', 'es'] as const).map(
    (org): Row => ({
      action: `create a unit in ${org === 'ma' ? 'own' : 'another'} organisation`,
      request: (who) => ({
        method: 'POST',
        url: `${API}/units`,
        payload: { organisationId: ids.org[org], name: `Matrix unit ${org} ${who}` },
      }),
      expected: statuses(201, org === 'ma' ? 201 : 404, 403),
      state: (who) => countMatching('units', `Matrix unit ${org} ${who}`),
    }),
  ),
  ...(['ma', 'es'] as const).map(
    (org): Row => ({
      action: `update ${org === 'ma' ? 'own' : 'another'} unit`,
      request: (who) => ({
        method: 'PATCH',
        url: `${API}/units/${ids.units[org][1]}`,
        payload: { description: `Set by ${who}` },
      }),
      expected: statuses(200, org === 'ma' ? 200 : 404, 403),
      state: () => readAsPlatform(`${API}/units/${ids.units[org][1]}`),
    }),
  ),
  { action: 'list users', request: () => ({ method: 'GET', url: `${API}/users` }), expected: statuses(200, 200, 403) },
  {
    action: 'read own user',
    request: () => ({ method: 'GET', url: `${API}/users/${ids.user['caseworker.ma']}` }),
    expected: statuses(200, 200, 403),
  },
  {
    action: 'read another user',
    request: () => ({ method: 'GET', url: `${API}/users/${ids.user['caseworker.es']}` }),
    expected: statuses(200, 404, 403),
  },
  ...(['ma', 'es'] as const).map(
    (org): Row => ({
      action: `create a user in ${org === 'ma' ? 'own' : 'another'} organisation`,
      request: (who) => ({
        method: 'POST',
        url: `${API}/users`,
        payload: {
          email: `matrix.${who}.${org}@example.org`,
          displayName: `Matrix user ${who} ${org}`,
          password: STRONG_PASSWORD,
          organisationId: ids.org[org],
          unitIds: [],
          roles: ['reader'],
        },
      }),
      expected: statuses(201, org === 'ma' ? 201 : 404, 403),
      state: (who) => countMatching('users', `matrix.${who}.${org}@example.org`),
    }),
  ),
  ...(['ma', 'es'] as const).map(
    (org): Row => ({
      action: `update ${org === 'ma' ? 'own' : 'another'} user`,
      request: (who) => ({
        method: 'PATCH',
        url: `${API}/users/${ids.user[`caseworker.${org}`]}`,
        payload: { locale: 'fr', displayName: `Case worker (${who})` },
      }),
      expected: statuses(200, org === 'ma' ? 200 : 404, 403),
      state: () => readAsPlatform(`${API}/users/${ids.user[`caseworker.${org}`]}`),
    }),
  ),
  {
    action: 'list sharing groups',
    request: () => ({ method: 'GET', url: `${API}/sharing-groups` }),
    expected: statuses(200, 200, 200),
  },
  {
    action: 'read a sharing group',
    request: () => ({ method: 'GET', url: `${API}/sharing-groups/${ids.atlanticGroup}` }),
    expected: statuses(200, 200, 200),
  },
  {
    action: 'create a sharing group',
    request: (who) => ({
      method: 'POST',
      url: `${API}/sharing-groups`,
      payload: { name: `Matrix group ${who}`, organisationIds: [ids.org.ma] },
    }),
    expected: statuses(201, 403, 403),
    state: (who) => countMatching('sharing-groups', `Matrix group ${who}`),
  },
  {
    action: 'update a sharing group',
    request: (who) => ({
      method: 'PATCH',
      url: `${API}/sharing-groups/${ids.atlanticGroup}`,
      payload:
        who === 'platform' ? { description: 'Set by platform' } : { description: `Set by ${who}`, organisationIds: [ids.org.ma] },
    }),
    expected: statuses(200, 403, 403),
    state: () => readAsPlatform(`${API}/sharing-groups/${ids.atlanticGroup}`),
  },
  { action: 'read the audit trail', request: () => ({ method: 'GET', url: `${API}/audit` }), expected: statuses(200, 200, 403) },
];

describe.each(matrix)('$action', (row) => {
  it.each(EVERYONE)('as %s', async (who) => {
    const request = row.request(who);
    const before = await row.state?.(who);
    const response = await as[who].request(request as InjectOptions);
    const expected = row.expected[who];
    if (expected >= 400) {
      expectProblem(response, expected, SLUG[expected]);
      if (row.state) expect(await row.state(who)).toEqual(before);
    } else {
      expect(response.statusCode, response.body).toBe(expected);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Organisation admins inside their own organisation
// ---------------------------------------------------------------------------------------------

describe('an organisation admin stays inside their organisation', () => {
  it('lists only their own records, even when asking for another organisation', async () => {
    const organisations = (await as.orgAdmin.get(`${API}/organisations?includeInactive=true`)).json();
    expect(organisations.items.map((o: { id: string }) => o.id)).toEqual([ids.org.ma]);
    expect(organisations.total).toBe(1);
    for (const path of ['units', 'users']) {
      for (const query of ['', `?organisationId=${ids.org.es}`, `?organisationId=${ids.org.es}&includeInactive=true`]) {
        const list = await as.orgAdmin.get(`${API}/${path}${query}`);
        expect(list.statusCode).toBe(200);
        const items = list.json().items as { organisationId: string }[];
        expect(items.length).toBeGreaterThan(0);
        expect(items.every((item) => item.organisationId === ids.org.ma)).toBe(true);
        expect(list.json().total).toBe(items.length);
      }
    }
    // The platform admin's filter does work, so the org admin's was really overridden.
    const esUnits = (await as.platform.get(`${API}/units?organisationId=${ids.org.es}`)).json().items as {
      organisationId: string;
    }[];
    expect(esUnits.length).toBeGreaterThan(0);
    expect(esUnits.every((u) => u.organisationId === ids.org.es)).toBe(true);
  });

  it.each([
    ['read a unit', (id: () => string) => ({ method: 'GET', url: `${API}/units/${id()}` }), () => ids.units.es[0]],
    [
      'update a unit',
      (id: () => string) => ({ method: 'PATCH', url: `${API}/units/${id()}`, payload: { name: 'Probe' } }),
      () => ids.units.es[0],
    ],
    ['read a user', (id: () => string) => ({ method: 'GET', url: `${API}/users/${id()}` }), () => ids.user['focal.es']],
    [
      'update a user',
      (id: () => string) => ({ method: 'PATCH', url: `${API}/users/${id()}`, payload: { active: false } }),
      () => ids.user['focal.es'],
    ],
    ['read an organisation', (id: () => string) => ({ method: 'GET', url: `${API}/organisations/${id()}` }), () => ids.org.es],
    [
      'create a unit in an organisation',
      (id: () => string) => ({ method: 'POST', url: `${API}/units`, payload: { organisationId: id(), name: 'Probe unit' } }),
      () => ids.org.es,
    ],
    [
      'create a user in an organisation',
      (id: () => string) => ({
        method: 'POST',
        url: `${API}/users`,
        payload: {
          email: 'probe.user@example.org',
          displayName: 'Probe',
          password: STRONG_PASSWORD,
          organisationId: id(),
          unitIds: [],
          roles: [],
        },
      }),
      () => ids.org.es,
    ],
  ] as const)("gets the same 404 to %s of another organisation's id as to an unknown id", async (_label, build, otherId) => {
    const before = await everything();
    const foreign = await as.orgAdmin.request(build(otherId) as InjectOptions);
    const unknown = await as.orgAdmin.request(build(() => randomUUID()) as InjectOptions);
    expectProblem(foreign, 404, 'not-found');
    expectProblem(unknown, 404, 'not-found');
    expect(problemShape(foreign)).toEqual(problemShape(unknown));
    expect(await everything()).toEqual(before);
  });

  it('cannot grant platform_admin, to an existing or a new user', async () => {
    const target = `${API}/users/${ids.user['caseworker.ma']}`;
    const before = await readAsPlatform(target);
    expectProblem(await as.orgAdmin.patch(target, { roles: ['case_worker', 'platform_admin'] }), 403, 'forbidden');
    expect(await readAsPlatform(target)).toEqual(before);
    const created = await as.orgAdmin.post(`${API}/users`, {
      email: 'would.be.admin@example.org',
      displayName: 'Would-be admin',
      password: STRONG_PASSWORD,
      organisationId: ids.org.ma,
      unitIds: [],
      roles: ['platform_admin'],
    });
    expectProblem(created, 403, 'forbidden');
    expect(await countMatching('users', 'would.be.admin')).toBe(0);
  });

  it('cannot edit a platform admin of their organisation', async () => {
    const secretariatAdmin = await signInAs(t, 'orgadmin.sec@liaison.demo');
    const target = `${API}/users/${ids.user.admin}`;
    const before = await readAsPlatform(target);
    expect(before.organisationId).toBe(ids.org.sec);
    expect((await secretariatAdmin.get(target)).statusCode).toBe(200);
    for (const patch of [
      { displayName: 'Taken over' },
      { active: false },
      { roles: ['org_admin'] },
      { roles: ['platform_admin', 'reader'] },
    ]) {
      expectProblem(await secretariatAdmin.patch(target, patch), 403, 'forbidden');
    }
    expect(await readAsPlatform(target)).toEqual(before);
    expect((await as.platform.get('/api/v1/me')).statusCode).toBe(200);
  });

  it("cannot put a user into another organisation's unit", async () => {
    const target = `${API}/users/${ids.user['caseworker.ma']}`;
    const before = await readAsPlatform(target);
    for (const unitIds of [[ids.units.es[0]], [ids.units.ma[0], ids.units.es[1]], [randomUUID()]]) {
      expectProblem(await as.orgAdmin.patch(target, { unitIds }), 422, 'invalid');
    }
    expect(await readAsPlatform(target)).toEqual(before);
    const created = await as.orgAdmin.post(`${API}/users`, {
      email: 'cross.unit@example.org',
      displayName: 'Cross unit',
      password: STRONG_PASSWORD,
      organisationId: ids.org.ma,
      unitIds: [ids.units.es[0]],
      roles: ['analyst'],
    });
    expectProblem(created, 422, 'invalid');
    expect(await countMatching('users', 'cross.unit')).toBe(0);
  });

  it('cannot deactivate their own account', async () => {
    const self = `${API}/users/${ids.user['orgadmin.ma']}`;
    expectProblem(await as.orgAdmin.patch(self, { active: false }), 422, 'invalid');
    expect((await readAsPlatform(self)).active).toBe(true);
    expect((await as.orgAdmin.get('/api/v1/me')).statusCode).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------------------------

describe('creating users', () => {
  const email = 'amina.nouvelle@example.org';
  let created: { id: string };

  it('creates a user who can then sign in', async () => {
    const response = await as.orgAdmin.post(`${API}/users`, {
      email,
      displayName: 'Amina Nouvelle',
      password: STRONG_PASSWORD,
      organisationId: ids.org.ma,
      unitIds: [ids.units.ma[0]],
      roles: ['analyst', 'reader'],
      locale: 'ar',
    });
    expect(response.statusCode, response.body).toBe(201);
    created = response.json();
    expect(created).toMatchObject({
      email,
      displayName: 'Amina Nouvelle',
      organisationId: ids.org.ma,
      unitIds: [ids.units.ma[0]],
      roles: ['analyst', 'reader'],
      locale: 'ar',
      active: true,
      totpEnabled: false,
      lastLoginAt: null,
    });
    expect(response.body).not.toMatch(/argon2|password/i);
    expect(await readAsPlatform(`${API}/users/${created.id}`)).toMatchObject({ email, active: true });

    const { response: login, client } = await attemptLogin(t, { email, password: STRONG_PASSWORD });
    expect(login.statusCode, login.body).toBe(200);
    expect((await client.get('/api/v1/me')).json()).toMatchObject({
      email,
      roles: ['analyst', 'reader'],
      organisation: { id: ids.org.ma },
      units: [{ id: ids.units.ma[0] }],
    });
  });

  it('records user.create with the actor and the target in the audit trail', async () => {
    const audit = await as.platform.get(`${API}/audit?limit=200`);
    expect(audit.statusCode).toBe(200);
    const entry = audit
      .json()
      .items.find((item: { action: string; targetId: string }) => item.action === 'user.create' && item.targetId === created.id);
    expect(entry).toMatchObject({
      actorUserId: ids.user['orgadmin.ma'],
      actorOrganisationId: ids.org.ma,
      targetType: 'user',
      targetId: created.id,
      outcome: 'success',
    });
    expect(JSON.stringify(entry)).not.toContain(STRONG_PASSWORD);
    // The organisation admin sees it in their own trail; another organisation's admin does not.
    const own = (await as.orgAdmin.get(`${API}/audit?limit=200`)).json().items as {
      targetId: string;
      actorOrganisationId: string;
    }[];
    expect(own.some((item) => item.targetId === created.id)).toBe(true);
    expect(own.every((item) => item.actorOrganisationId === ids.org.ma)).toBe(true);
    const spanish = await signInAs(t, 'orgadmin.es@liaison.demo');
    const theirs = (await spanish.get(`${API}/audit?limit=200`)).json().items as { targetId: string }[];
    expect(theirs.some((item) => item.targetId === created.id)).toBe(false);
  });

  it.each(['AMINA.Nouvelle@Example.ORG', 'amina.nouvelle@example.org', 'FOCAL.MA@LIAISON.DEMO'])(
    'refuses the duplicate e-mail %s with 409',
    async (duplicate) => {
      const before = await everything();
      const response = await as.orgAdmin.post(`${API}/users`, {
        email: duplicate,
        displayName: 'Duplicate',
        password: STRONG_PASSWORD,
        organisationId: ids.org.ma,
        unitIds: [],
        roles: ['reader'],
      });
      expectProblem(response, 409, 'conflict');
      expect(await everything()).toEqual(before);
    },
  );

  it.each(['short-pw-1', 'password1234', 'qwertyuiop123', 'weak.person.example-99'])(
    'refuses the weak password %s with 422',
    async (password) => {
      const response = await as.orgAdmin.post(`${API}/users`, {
        email: 'weak.person.example@example.org',
        displayName: 'Weak',
        password,
        organisationId: ids.org.ma,
        unitIds: [],
        roles: ['reader'],
      });
      expectProblem(response, 422, 'invalid');
      expect(await countMatching('users', 'weak.person')).toBe(0);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Nothing is hard-deleted
// ---------------------------------------------------------------------------------------------

describe('deactivation instead of deletion', () => {
  const listed = async (client: Client, path: string, id: string, includeInactive: boolean) =>
    (
      (await client.get(`${API}/${path}?limit=200${includeInactive ? '&includeInactive=true' : ''}`)).json().items as {
        id: string;
      }[]
    ).some((item) => item.id === id);

  it('deactivates and reactivates a unit', async () => {
    const unit = (await as.orgAdmin.post(`${API}/units`, { organisationId: ids.org.ma, name: 'Temporary task force' })).json();
    const off = await as.orgAdmin.patch(`${API}/units/${unit.id}`, { active: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ id: unit.id, name: 'Temporary task force', active: false });
    expect(await listed(as.orgAdmin, 'units', unit.id, false)).toBe(false);
    expect(await listed(as.orgAdmin, 'units', unit.id, true)).toBe(true);
    expect((await as.orgAdmin.get(`${API}/units/${unit.id}`)).json().active).toBe(false);
    // An inactive unit cannot take members.
    expectProblem(await as.orgAdmin.patch(`${API}/users/${ids.user['caseworker.ma']}`, { unitIds: [unit.id] }), 422, 'invalid');
    const on = await as.orgAdmin.patch(`${API}/units/${unit.id}`, { active: true });
    expect(on.json().active).toBe(true);
    expect(await listed(as.orgAdmin, 'units', unit.id, false)).toBe(true);
  });

  it('deactivates and reactivates a user, keeping units and roles', async () => {
    const user = (
      await as.orgAdmin.post(`${API}/users`, {
        email: 'seasonal.worker@example.org',
        displayName: 'Seasonal Worker',
        password: STRONG_PASSWORD,
        organisationId: ids.org.ma,
        unitIds: [ids.units.ma[1]],
        roles: ['case_worker'],
      })
    ).json();
    const off = await as.orgAdmin.patch(`${API}/users/${user.id}`, { active: false });
    expect(off.json()).toMatchObject({ active: false, unitIds: [ids.units.ma[1]], roles: ['case_worker'] });
    expect(await listed(as.orgAdmin, 'users', user.id, false)).toBe(false);
    expect(await listed(as.orgAdmin, 'users', user.id, true)).toBe(true);
    expectProblem(
      (await attemptLogin(t, { email: 'seasonal.worker@example.org', password: STRONG_PASSWORD })).response,
      401,
      'invalid-credentials',
    );
    const on = await as.orgAdmin.patch(`${API}/users/${user.id}`, { active: true });
    expect(on.json()).toMatchObject({ active: true, unitIds: [ids.units.ma[1]], roles: ['case_worker'] });
    expect(await listed(as.orgAdmin, 'users', user.id, false)).toBe(true);
    expect((await attemptLogin(t, { email: 'seasonal.worker@example.org', password: STRONG_PASSWORD })).response.statusCode).toBe(
      200,
    );
  });

  it('deactivates and reactivates an organisation and a sharing group', async () => {
    const organisation = (
      await as.platform.post(`${API}/organisations`, { name: 'Short-lived observer mission', kind: 'international_organisation' })
    ).json();
    const group = (
      await as.platform.post(`${API}/sharing-groups`, { name: 'Short-lived working group', organisationIds: [organisation.id] })
    ).json();
    for (const [path, id] of [
      ['organisations', organisation.id],
      ['sharing-groups', group.id],
    ]) {
      const off = await as.platform.patch(`${API}/${path}/${id}`, { active: false });
      expect(off.statusCode, off.body).toBe(200);
      expect(off.json().active).toBe(false);
      expect(await listed(as.platform, path, id, false)).toBe(false);
      expect(await listed(as.platform, path, id, true)).toBe(true);
      expect((await as.platform.patch(`${API}/${path}/${id}`, { active: true })).json().active).toBe(true);
      expect(await listed(as.platform, path, id, false)).toBe(true);
    }
  });

  it('offers no DELETE on administration records', async () => {
    const before = await everything();
    for (const url of [
      `${API}/units/${ids.units.ma[0]}`,
      `${API}/users/${ids.user['caseworker.ma']}`,
      `${API}/organisations/${ids.org.es}`,
      `${API}/sharing-groups/${ids.atlanticGroup}`,
    ]) {
      expectProblem(await as.platform.delete(url), 404, 'not-found');
    }
    expect(await everything()).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// Malformed and hostile input
// ---------------------------------------------------------------------------------------------

describe('malformed and hostile input is refused and changes nothing', () => {
  let target: string;
  let targetUser: string;
  const units = `${API}/units`;
  const newUser = (extra: Record<string, unknown>) => ({
    email: 'break.it@example.org',
    displayName: 'Break It',
    password: STRONG_PASSWORD,
    organisationId: ids.org.ma,
    unitIds: [],
    roles: ['reader'],
    ...extra,
  });
  const json =
    (method: 'POST' | 'PATCH', url: () => string, payload: () => unknown, headers: Record<string, string> = {}) =>
    () =>
      ({ method, url: url(), payload: payload() as InjectOptions['payload'], headers }) as InjectOptions;
  const raw = (method: 'POST' | 'PATCH', url: () => string, body: string, contentType = 'application/json') =>
    json(method, url, () => body, { 'content-type': contentType });
  const targetUrl = () => `${units}/${target}`;

  beforeAll(async () => {
    const response = await as.orgAdmin.post(units, {
      organisationId: ids.org.ma,
      name: 'Break-it target unit',
      description: 'Original',
    });
    target = response.json().id;
    const user = await as.orgAdmin.post(`${API}/users`, {
      email: 'break.target@example.org',
      displayName: 'Break-it target user',
      password: STRONG_PASSWORD,
      organisationId: ids.org.ma,
      unitIds: [ids.units.ma[0]],
      roles: ['analyst'],
    });
    targetUser = user.json().id;
    expect(target && targetUser).toBeTruthy();
  });

  const cases: [string, () => InjectOptions, number, string][] = [
    ['malformed JSON on create', raw('POST', () => units, '{"organisationId": "x", "name": '), 400, 'malformed-body'],
    ['malformed JSON on update', raw('PATCH', targetUrl, "{name: 'single quotes'}"), 400, 'malformed-body'],
    ['an empty JSON body', raw('POST', () => units, ''), 400, 'malformed-body'],
    [
      'an unknown field on create',
      json(
        'POST',
        () => units,
        () => ({ organisationId: ids.org.ma, name: 'Extra field', colour: 'red' }),
      ),
      400,
      'validation',
    ],
    [
      'moving a unit to another organisation',
      json('PATCH', targetUrl, () => ({ organisationId: ids.org.es })),
      400,
      'validation',
    ],
    [
      'an unknown field on a new user',
      json(
        'POST',
        () => `${API}/users`,
        () => newUser({ isAdmin: true }),
      ),
      400,
      'validation',
    ],
    [
      '__proto__ in the body',
      raw('PATCH', targetUrl, '{"__proto__": {"active": false}, "name": "Prototype"}'),
      400,
      'malformed-body',
    ],
    [
      'a number for a name',
      json(
        'POST',
        () => units,
        () => ({ organisationId: ids.org.ma, name: 123 }),
      ),
      400,
      'validation',
    ],
    [
      'a boolean for a name',
      json(
        'POST',
        () => units,
        () => ({ organisationId: ids.org.ma, name: true }),
      ),
      400,
      'validation',
    ],
    [
      'an array for a name',
      json(
        'POST',
        () => units,
        () => ({ organisationId: ids.org.ma, name: ['Array name'] }),
      ),
      400,
      'validation',
    ],
    [
      'an object for a name',
      json(
        'POST',
        () => units,
        () => ({ organisationId: ids.org.ma, name: { first: 'x' } }),
      ),
      400,
      'validation',
    ],
    ['null for a name', json('PATCH', targetUrl, () => ({ name: null })), 400, 'validation'],
    [
      'a number for an organisation id',
      json(
        'POST',
        () => units,
        () => ({ organisationId: 42, name: 'Numeric id' }),
      ),
      400,
      'validation',
    ],
    ['a string for a boolean', json('PATCH', targetUrl, () => ({ active: 'false' })), 400, 'validation'],
    ['a number for a boolean', json('PATCH', targetUrl, () => ({ active: 0 })), 400, 'validation'],
    ['null for a boolean', json('PATCH', targetUrl, () => ({ active: null })), 400, 'validation'],
    [
      'a string for a list of unit ids',
      json(
        'PATCH',
        () => `${API}/users/${targetUser}`,
        () => ({ unitIds: ids.units.ma[1] }),
      ),
      400,
      'validation',
    ],
    [
      'a string for a list of roles',
      json(
        'PATCH',
        () => `${API}/users/${targetUser}`,
        () => ({ roles: 'reader' }),
      ),
      400,
      'validation',
    ],
    [
      'an unknown role',
      json(
        'PATCH',
        () => `${API}/users/${targetUser}`,
        () => ({ roles: ['superuser'] }),
      ),
      400,
      'validation',
    ],
    [
      'an unknown organisation kind',
      json(
        'POST',
        () => `${API}/organisations`,
        () => ({ name: 'Kindless', kind: 'space_agency' }),
      ),
      400,
      'validation',
    ],
    [
      'a lower-case country code',
      json(
        'POST',
        () => `${API}/organisations`,
        () => ({ name: 'Lower country', kind: 'ngo', country: 'ma' }),
      ),
      400,
      'validation',
    ],
    [
      'a malformed e-mail',
      json(
        'POST',
        () => `${API}/users`,
        () => newUser({ email: "x' or 1=1 --" }),
      ),
      400,
      'validation',
    ],
    [
      'a missing name',
      json(
        'POST',
        () => units,
        () => ({ organisationId: ids.org.ma }),
      ),
      400,
      'validation',
    ],
    [
      'a missing organisation',
      json(
        'POST',
        () => units,
        () => ({ name: 'Orphan unit' }),
      ),
      400,
      'validation',
    ],
    [
      'a missing password',
      json(
        'POST',
        () => `${API}/users`,
        () => newUser({ password: undefined }),
      ),
      400,
      'validation',
    ],
    [
      'missing member organisations',
      json(
        'POST',
        () => `${API}/sharing-groups`,
        () => ({ name: 'Memberless' }),
      ),
      400,
      'validation',
    ],
    ['an empty name', json('PATCH', targetUrl, () => ({ name: '' })), 400, 'validation'],
    ['a name over 200 characters', json('PATCH', targetUrl, () => ({ name: 'x'.repeat(201) })), 400, 'validation'],
    ['a control character in a name', json('PATCH', targetUrl, () => ({ name: 'Bell\u0007unit' })), 400, 'validation'],
    ['a NUL character in a name', json('PATCH', targetUrl, () => ({ name: 'Nul\u0000unit' })), 400, 'validation'],
    ['a body over 256 KiB', json('PATCH', targetUrl, () => ({ description: 'x'.repeat(300 * 1024) })), 413, 'body-too-large'],
    ['text/plain', raw('POST', () => units, 'name=Plain text unit', 'text/plain'), 415, 'unsupported-media-type'],
    ['text/plain carrying JSON', raw('PATCH', targetUrl, '{"name":"Plain JSON"}', 'text/plain'), 415, 'unsupported-media-type'],
    [
      'a form body',
      raw('POST', () => units, `organisationId=x&name=Form+unit`, 'application/x-www-form-urlencoded'),
      415,
      'unsupported-media-type',
    ],
    ['a non-uuid id in the path (GET)', () => ({ method: 'GET', url: `${units}/not-a-uuid` }), 400, 'validation'],
    [
      'a non-uuid id in the path (PATCH)',
      json(
        'PATCH',
        () => `${units}/12345`,
        () => ({ name: 'x' }),
      ),
      400,
      'validation',
    ],
    ['SQL in the path', () => ({ method: 'GET', url: `${API}/users/${encodeURIComponent("' or 1=1 --")}` }), 400, 'validation'],
    ['a non-uuid organisation id', () => ({ method: 'GET', url: `${API}/organisations/1` }), 400, 'validation'],
    [
      'a non-uuid sharing group id',
      json(
        'PATCH',
        () => `${API}/sharing-groups/abc`,
        () => ({ name: 'x' }),
      ),
      400,
      'validation',
    ],
    ['an unknown unit id (GET)', () => ({ method: 'GET', url: `${units}/${randomUUID()}` }), 404, 'not-found'],
    [
      'an unknown unit id (PATCH)',
      json(
        'PATCH',
        () => `${units}/${randomUUID()}`,
        () => ({ name: 'Ghost' }),
      ),
      404,
      'not-found',
    ],
    [
      'an unknown user id',
      json(
        'PATCH',
        () => `${API}/users/${randomUUID()}`,
        () => ({ displayName: 'Ghost' }),
      ),
      404,
      'not-found',
    ],
    [
      'an unknown organisation id',
      json(
        'PATCH',
        () => `${API}/organisations/${randomUUID()}`,
        () => ({ name: 'Ghost' }),
      ),
      404,
      'not-found',
    ],
    [
      'an unknown sharing group id',
      json(
        'PATCH',
        () => `${API}/sharing-groups/${randomUUID()}`,
        () => ({ name: 'Ghost' }),
      ),
      404,
      'not-found',
    ],
    [
      'an unknown member organisation',
      json(
        'POST',
        () => `${API}/sharing-groups`,
        () => ({ name: 'Ghost members', organisationIds: [randomUUID()] }),
      ),
      422,
      'invalid',
    ],
    ['limit=0', () => ({ method: 'GET', url: `${units}?limit=0` }), 400, 'validation'],
    ['limit=201', () => ({ method: 'GET', url: `${units}?limit=201` }), 400, 'validation'],
    ['offset=-1', () => ({ method: 'GET', url: `${units}?offset=-1` }), 400, 'validation'],
    ['limit=abc', () => ({ method: 'GET', url: `${units}?limit=abc` }), 400, 'validation'],
    ['includeInactive=maybe', () => ({ method: 'GET', url: `${units}?includeInactive=maybe` }), 400, 'validation'],
    ['an unknown query parameter', () => ({ method: 'GET', url: `${units}?sort=name` }), 400, 'validation'],
    [
      'a non-uuid organisation filter',
      () => ({ method: 'GET', url: `${API}/users?organisationId=1%20or%201=1` }),
      400,
      'validation',
    ],
    ['a search over 200 characters', () => ({ method: 'GET', url: `${units}?q=${'x'.repeat(201)}` }), 400, 'validation'],
  ];

  it.each(cases)('refuses %s', async (_label, build, status, slug) => {
    // Organisation and sharing-group writes need the platform admin; units and users the org admin.
    const request = build();
    const client = /organisations|sharing-groups/.test(request.url as string) ? as.platform : as.orgAdmin;
    const before = await everything();
    const targets = async () => [await readAsPlatform(`${units}/${target}`), await readAsPlatform(`${API}/users/${targetUser}`)];
    const targetsBefore = await targets();
    const response = await client.request(request);
    expectProblem(response, status, slug);
    expect(await targets()).toEqual(targetsBefore);
    expect(await everything()).toEqual(before);
  });
});

describe('script in names', () => {
  it('stores and returns it verbatim as JSON, under a CSP without inline script', async () => {
    const name = '<script>alert(1)</script>';
    const description = '<img src=x onerror="alert(2)"> & </textarea>';
    const response = await as.orgAdmin.post(`${API}/units`, { organisationId: ids.org.ma, name, description });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const csp = String(response.headers['content-security-policy']);
    const scriptSrc = csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(response.body).toContain('"name":"<script>alert(1)</script>"');
    expect(response.json()).toMatchObject({ name, description });

    const readBack = await as.platform.get(`${API}/units/${response.json().id}`);
    expect(readBack.headers['content-type']).toMatch(/^application\/json/);
    expect(readBack.headers['content-security-policy']).toContain("script-src 'self'");
    expect(readBack.json()).toMatchObject({ name, description });
    const found = (await as.orgAdmin.get(`${API}/units?q=${encodeURIComponent('<script>')}`)).json();
    expect(found.items.map((u: { name: string }) => u.name)).toEqual([name]);
  });
});

// ---------------------------------------------------------------------------------------------
// SQL metacharacters in every text field, and search
// ---------------------------------------------------------------------------------------------

const NASTY = [
  "'; drop table users; --",
  "Robert'); DROP TABLE units;--",
  '" or 1=1 --',
  '%',
  '_',
  '\\',
  '100% _real_ back\\slash',
  'مديرية مراقبة التراب الوطني',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${…} is one of the metacharacters under test.
  '$1 $$ ? :name @p0 */ /* ${x}',
];

/** Searchable fields of each list, as the server documents them. */
const SEARCHED: Record<string, string[]> = {
  organisations: ['name', 'acronym'],
  units: ['name', 'organisationName'],
  users: ['displayName', 'email'],
  'sharing-groups': ['name', 'description'],
};

/** The search answer must be exactly the records whose searched fields contain `q` literally. */
async function expectLiteralSearch(path: string, q: string): Promise<string[]> {
  const all = (await as.platform.get(`${API}/${path}?includeInactive=true&limit=200`)).json();
  expect(all.total).toBeLessThanOrEqual(200);
  const needle = q.toLowerCase();
  const expected = (all.items as Record<string, unknown>[])
    .filter((item) =>
      SEARCHED[path].some((field) =>
        String(item[field] ?? '')
          .toLowerCase()
          .includes(needle),
      ),
    )
    .map((item) => item.id as string);
  const found = await as.platform.get(`${API}/${path}?includeInactive=true&limit=200&q=${encodeURIComponent(q)}`);
  expect(found.statusCode, found.body).toBe(200);
  const actual = (found.json().items as { id: string }[]).map((item) => item.id);
  expect(actual.sort(), `search ${path} for ${q}`).toEqual(expected.sort());
  expect(found.json().total).toBe(expected.length);
  return actual;
}

describe('SQL metacharacters in every text field', () => {
  const made = { organisations: [] as string[], units: [] as string[], users: [] as string[], groups: [] as string[] };

  it.each(NASTY.map((value, index) => [value, index] as const))('stores %j exactly in every text field', async (value, index) => {
    const organisation = await as.platform.post(`${API}/organisations`, {
      name: value,
      acronym: value.slice(0, 30),
      kind: 'ngo',
    });
    expect(organisation.statusCode, organisation.body).toBe(201);
    expect(organisation.json()).toMatchObject({ name: value, acronym: value.slice(0, 30) });
    made.organisations.push(organisation.json().id);

    const unit = await as.orgAdmin.post(`${API}/units`, { organisationId: ids.org.ma, name: value, description: value });
    expect(unit.statusCode, unit.body).toBe(201);
    expect(unit.json()).toMatchObject({ name: value, description: value });
    made.units.push(unit.json().id);

    const user = await as.orgAdmin.post(`${API}/users`, {
      email: `meta.${index}@example.org`,
      displayName: value,
      password: STRONG_PASSWORD,
      organisationId: ids.org.ma,
      unitIds: [],
      roles: ['reader'],
    });
    expect(user.statusCode, user.body).toBe(201);
    expect(user.json().displayName).toBe(value);
    made.users.push(user.json().id);

    const group = await as.platform.post(`${API}/sharing-groups`, {
      name: value,
      description: value,
      organisationIds: [ids.org.ma],
    });
    expect(group.statusCode, group.body).toBe(201);
    expect(group.json()).toMatchObject({ name: value, description: value });
    made.groups.push(group.json().id);

    // Own display name (suffixed, so no two users share a name and paging stays well defined).
    const me = await as.reader.patch('/api/v1/me', { displayName: `${value} (me)` });
    expect(me.statusCode, me.body).toBe(200);
    expect((await as.reader.get('/api/v1/me')).json().displayName).toBe(`${value} (me)`);

    const token = await as.reader.post('/api/v1/me/tokens', { name: value, roles: ['reader'], expiresInDays: 1 });
    expect(token.statusCode, token.body).toBe(201);
    expect(token.json().item.name).toBe(value);
  });

  it('reads every value back exactly', async () => {
    for (const [path, list] of [
      ['organisations', made.organisations],
      ['units', made.units],
      ['users', made.users],
      ['sharing-groups', made.groups],
    ] as const) {
      for (const [index, id] of list.entries()) {
        const record = await readAsPlatform(`${API}/${path}/${id}`);
        expect(record[path === 'users' ? 'displayName' : 'name']).toBe(NASTY[index]);
      }
    }
    const tokens = (await as.reader.get('/api/v1/me/tokens')).json().items.map((item: { name: string }) => item.name);
    expect(tokens.sort()).toEqual([...NASTY].sort());
  });

  it.each(NASTY)('searches for %j literally in every list', async (value) => {
    for (const path of Object.keys(SEARCHED)) {
      const found = await expectLiteralSearch(path, value);
      expect(found.length).toBeGreaterThan(0);
    }
  });

  it("searches for '%' and '_' match only names that contain them", async () => {
    for (const q of ['%', '_', '\\', '%%', '_%_']) {
      for (const path of Object.keys(SEARCHED)) await expectLiteralSearch(path, q);
    }
    const percent = (await as.platform.get(`${API}/organisations?q=%25&limit=200`)).json();
    const all = (await as.platform.get(`${API}/organisations?limit=200`)).json();
    expect(percent.total).toBe(2);
    expect(percent.total).toBeLessThan(all.total);
  });

  it('leaves every table working afterwards', async () => {
    const [organisations, units, users, groups] = await everything();
    expect(organisations.total).toBeGreaterThanOrEqual(6 + NASTY.length);
    expect(units.total).toBeGreaterThanOrEqual(11 + NASTY.length);
    expect(users.total).toBeGreaterThanOrEqual(31 + NASTY.length);
    expect(groups.total).toBeGreaterThanOrEqual(3 + NASTY.length);
    expect(users.items.some((u: { email: string }) => u.email === 'focal.ma@liaison.demo')).toBe(true);
    expect((await attemptLogin(t, { email: 'focal.es@liaison.demo' })).response.statusCode).toBe(200);
    expect((await attemptLogin(t, { email: 'meta.0@example.org', password: STRONG_PASSWORD })).response.statusCode).toBe(200);
  });

  it('accepts metacharacters in an e-mail address, which then signs in', async () => {
    const email = "o'hara%_x+tag@example.org";
    const created = await as.orgAdmin.post(`${API}/users`, {
      email,
      displayName: 'Siobhan OHara',
      password: STRONG_PASSWORD,
      organisationId: ids.org.ma,
      unitIds: [],
      roles: ['reader'],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().email).toBe(email);
    expect(await expectLiteralSearch('users', "o'hara%_x")).toEqual([created.json().id]);
    const login = await attemptLogin(t, { email: "O'HARA%_x+tag@example.org", password: STRONG_PASSWORD });
    expect(login.response.statusCode, login.response.body).toBe(200);
    expectProblem(
      (await attemptLogin(t, { email: "o'hara%_%@example.org", password: STRONG_PASSWORD })).response,
      401,
      'invalid-credentials',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Search and paging
// ---------------------------------------------------------------------------------------------

describe('search and paging', () => {
  it('searches names, e-mails and acronyms without regard to case', async () => {
    const exemple = await expectLiteralSearch('users', 'exemple');
    expect(exemple.length).toBeGreaterThanOrEqual(5);
    expect(await expectLiteralSearch('users', 'ORGADMIN.MA@LIAISON')).toEqual([ids.user['orgadmin.ma']]);
    expect(await expectLiteralSearch('organisations', 'cgef')).toEqual([ids.org.es]);
    expect((await expectLiteralSearch('units', 'coordination')).length).toBeGreaterThanOrEqual(2);
    expect(await expectLiteralSearch('sharing-groups', 'Atlantic ROUTE')).toEqual([ids.atlanticGroup]);
    expect((await as.platform.get(`${API}/users?q=${encodeURIComponent('no such person anywhere')}`)).json()).toEqual({
      items: [],
      total: 0,
    });
  });

  it('pages through a list with limit and offset, every page carrying the total', async () => {
    const all = (await as.platform.get(`${API}/users?includeInactive=true&limit=200`)).json();
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThan(31);
    const seen: string[] = [];
    for (let offset = 0; offset < all.total; offset += 7) {
      const page = (await as.platform.get(`${API}/users?includeInactive=true&limit=7&offset=${offset}`)).json();
      expect(page.total).toBe(all.total);
      expect(page.items.length).toBe(Math.min(7, all.total - offset));
      seen.push(...page.items.map((u: { id: string }) => u.id));
    }
    expect(seen).toEqual(all.items.map((u: { id: string }) => u.id));

    const two = (await as.platform.get(`${API}/organisations?limit=2`)).json();
    expect(two.items).toHaveLength(2);
    expect(two.total).toBeGreaterThan(2);
  });

  it('keeps the total on a page past the end', async () => {
    const all = (await as.platform.get(`${API}/organisations?includeInactive=true&limit=200`)).json();
    const past = (await as.platform.get(`${API}/organisations?includeInactive=true&offset=${all.total + 10}`)).json();
    expect(past.items).toEqual([]);
    expect(past.total).toBe(all.total);
  });

  it('shows inactive records only when asked', async () => {
    const unit = (await as.orgAdmin.post(`${API}/units`, { organisationId: ids.org.ma, name: 'Dormant liaison desk' })).json();
    await as.orgAdmin.patch(`${API}/units/${unit.id}`, { active: false });
    const active = (await as.orgAdmin.get(`${API}/units?q=Dormant`)).json();
    const withInactive = (await as.orgAdmin.get(`${API}/units?q=Dormant&includeInactive=true`)).json();
    expect(active).toEqual({ items: [], total: 0 });
    expect(withInactive.total).toBe(1);
    expect(withInactive.items[0]).toMatchObject({ id: unit.id, active: false });
    const activeAll = (await as.orgAdmin.get(`${API}/units?limit=200`)).json();
    const everyUnit = (await as.orgAdmin.get(`${API}/units?limit=200&includeInactive=true`)).json();
    expect(activeAll.items.every((u: { active: boolean }) => u.active)).toBe(true);
    expect(everyUnit.total).toBe(activeAll.total + everyUnit.items.filter((u: { active: boolean }) => !u.active).length);
  });
});
