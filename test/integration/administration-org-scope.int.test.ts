/** Administration API: an organisation admin cannot see, reach or change anything outside their organisation. */
import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import {
  API,
  administrationSuite,
  expectProblem,
  platformReads,
  problemShape,
  STRONG_PASSWORD,
  signInAs,
} from '../support/fixtures.js';

const { app: t, as, ids } = administrationSuite();

const { everything, readAsPlatform, countMatching } = platformReads(as);

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
      expectProblem(await as.orgAdmin.patch(target, { unitIds }), 422, 'unknown-unit');
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
    expectProblem(created, 422, 'unknown-unit');
    expect(await countMatching('users', 'cross.unit')).toBe(0);
  });

  it('cannot deactivate their own account', async () => {
    const self = `${API}/users/${ids.user['orgadmin.ma']}`;
    expectProblem(await as.orgAdmin.patch(self, { active: false }), 422, 'self-deactivation');
    expect((await readAsPlatform(self)).active).toBe(true);
    expect((await as.orgAdmin.get('/api/v1/me')).statusCode).toBe(200);
  });
});
