/** Administration API: creating users, and deactivating / reactivating records instead of deleting them. */
import { describe, expect, it } from 'vitest';
import {
  API,
  administrationSuite,
  attemptLogin,
  expectProblem,
  platformReads,
  STRONG_PASSWORD,
  signInAs,
} from '../support/fixtures.js';
import type { Client } from '../support/test-app.js';

const { app: t, as, ids } = administrationSuite();

const { everything, readAsPlatform, countMatching } = platformReads(as);

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
      expectProblem(response, 409, 'email-taken');
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
      expectProblem(response, 422, 'weak-password');
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
    expectProblem(
      await as.orgAdmin.patch(`${API}/users/${ids.user['caseworker.ma']}`, { unitIds: [unit.id] }),
      422,
      'unknown-unit',
    );
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
