/** Administration API: hostile text (script, SQL metacharacters, Arabic) stored verbatim and searched literally; search and paging. */
import { describe, expect, it } from 'vitest';
import { API, administrationSuite, attemptLogin, expectProblem, platformReads, STRONG_PASSWORD } from '../support/fixtures.js';

const { app: t, as, ids } = administrationSuite();

const { everything, readAsPlatform } = platformReads(as);

describe('script in names', () => {
  it('stores and returns it verbatim as JSON, under a CSP that lets nothing run or load', async () => {
    const name = '<script>alert(1)</script>';
    const description = '<img src=x onerror="alert(2)"> & </textarea>';
    const response = await as.orgAdmin.post(`${API}/units`, { organisationId: ids.org.ma, name, description });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    // An API answer is data: were a browser ever to render it, no script or resource could load.
    expect(response.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toContain('"name":"<script>alert(1)</script>"');
    expect(response.json()).toMatchObject({ name, description });

    const readBack = await as.platform.get(`${API}/units/${response.json().id}`);
    expect(readBack.headers['content-type']).toMatch(/^application\/json/);
    expect(readBack.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
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
