/** The services directory: adding, finding, changing and deactivating providers, and its limits. */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

const API = '/api/v1/services';

interface Provider {
  id: string;
  name: string;
  kind: string;
  organisation: { id: string; name: string } | null;
  unit: { id: string; name: string } | null;
  contactFunction: { id: string; title: string; unitName: string; email: string | null } | null;
  description: string;
  services: string[];
  languages: string[];
  openingHours: string;
  capacity: number | null;
  active: boolean;
  managedBy: { id: string; name: string };
  places: { country: string; region: string; city: string; latitude: number | null; longitude: number | null }[];
  permissions: { edit: boolean };
}

let t: TestApp;
const as = {} as Record<'caseworkerEs' | 'orgAdminEs' | 'caseworkerMa' | 'readerMa' | 'readerEs' | 'platform', Client>;
const ids = {} as Record<'unitEs' | 'unitMa' | 'functionEs' | 'orgEs' | 'orgMa', string>;

const body = (overrides: Record<string, unknown> = {}) => ({
  name: `Provider ${randomUUID().slice(0, 8)}`,
  kind: 'independent',
  services: ['shelter'],
  places: [{ country: 'ES', city: 'Madrid' }],
  ...overrides,
});

async function create(overrides: Record<string, unknown> = {}, client = as.caseworkerEs): Promise<Provider> {
  const response = await client.post(API, body(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function find(query: string, client = as.readerMa): Promise<{ items: Provider[]; total: number }> {
  const response = await client.get(`${API}?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
const names = async (query: string) => (await find(query)).items.map((item) => item.name);

const providerCount = async () =>
  (await sql<{ count: number }>`select count(*)::int as count from service_providers`.execute(t.database.db)).rows[0].count;

async function auditRows(targetId: string) {
  const result = await sql<{ action: string; details: Record<string, unknown> }>`
    select action, details from audit_log where target_id = ${targetId} order by id`.execute(t.database.db);
  return result.rows;
}

beforeAll(async () => {
  t = await startTestApp();
  as.caseworkerEs = await t.signIn('caseworker.es@liaison.demo');
  as.orgAdminEs = await t.signIn('orgadmin.es@liaison.demo');
  as.caseworkerMa = await t.signIn('caseworker.ma@liaison.demo');
  as.readerMa = await t.signIn('reader.ma@liaison.demo');
  as.readerEs = await t.signIn('reader.es@liaison.demo');
  as.platform = await t.signIn('admin@liaison.demo');
  const unitsEs = (await as.readerMa.get('/api/v1/directory/units?country=ES')).json().items;
  const unitsMa = (await as.readerMa.get('/api/v1/directory/units?country=MA')).json().items;
  ids.unitEs = unitsEs[0].id;
  ids.orgEs = unitsEs[0].organisation.id;
  ids.unitMa = unitsMa[0].id;
  ids.orgMa = unitsMa[0].organisation.id;
  ids.functionEs = (await as.readerMa.get('/api/v1/directory/functions?country=ES')).json().items[0].id;
});
afterAll(() => t.close());

describe('adding a provider', () => {
  it('stores a unit of the organisation with its places, languages and contact function, and audits it', async () => {
    const created = await create({
      name: 'Casa Acogida Sur (fictional)',
      kind: 'unit',
      unitId: ids.unitEs,
      contactFunctionId: ids.functionEs,
      description: 'Shelter for adult women identified as presumed victims.',
      services: ['shelter', 'psychosocial_support'],
      languages: ['es', 'en', 'fr'],
      openingHours: '24/7',
      capacity: 12,
      places: [{ country: 'ES', region: 'Andalucía', city: 'Almería', latitude: 36.84, longitude: -2.46 }],
    });
    expect(created).toMatchObject({
      kind: 'unit',
      organisation: { id: ids.orgEs },
      unit: { id: ids.unitEs },
      contactFunction: {
        id: ids.functionEs,
        title: 'Liaison officer for the Atlantic route',
        email: 'atlantic.liaison@cgef.demo',
      },
      services: ['shelter', 'psychosocial_support'],
      languages: ['es', 'en', 'fr'],
      openingHours: '24/7',
      capacity: 12,
      active: true,
      managedBy: { id: ids.orgEs },
      places: [{ country: 'ES', region: 'Andalucía', city: 'Almería', latitude: 36.84, longitude: -2.46 }],
      permissions: { edit: true },
    });
    // The contact is the function's own mailbox, never a holder's personal address.
    expect(JSON.stringify(created)).not.toContain('@liaison.demo');
    const read = (await as.readerMa.get(`${API}/${created.id}`)).json();
    expect(read).toMatchObject({ id: created.id, name: 'Casa Acogida Sur (fictional)', permissions: { edit: false } });
    expect(await auditRows(created.id)).toEqual([
      expect.objectContaining({
        action: 'serviceProvider.create',
        details: expect.objectContaining({ kind: 'unit', managedByOrganisationId: ids.orgEs }),
      }),
    ]);
  });

  it('stores markup in a name as plain text', async () => {
    const name = '<script>alert(1)</script> Clinic "O\'Hara" & co';
    const created = await create({ name });
    expect((await as.readerMa.get(`${API}/${created.id}`)).json().name).toBe(name);
  });

  it('refuses readers (403) and the signed-out (401)', async () => {
    const before = await providerCount();
    expectProblem(await as.readerEs.post(API, body()), 403, 'forbidden');
    expectProblem(await t.anonymous().post(API, body()), 401, 'unauthenticated');
    expect(await providerCount()).toBe(before);
  });

  it('refuses malformed and oversized input with 400, storing nothing', async () => {
    const before = await providerCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ unknownField: 1 }, 'validation'],
      [{ services: [] }, 'validation'],
      [{ services: ['haircut'] }, 'validation'],
      [{ services: ['shelter', 'shelter'] }, 'validation'],
      [{ name: 'x'.repeat(301) }, 'validation'],
      [{ name: '' }, 'validation'],
      [{ description: 'x'.repeat(4001) }, 'validation'],
      [{ places: [] }, 'validation'],
      [{ places: Array.from({ length: 51 }, () => ({ country: 'ES' })) }, 'validation'],
      [{ places: [{ country: 'es' }] }, 'validation'],
      [{ places: [{ country: 'ES', latitude: 91, longitude: 0 }] }, 'validation'],
      [{ places: [{ country: 'ES', latitude: 40 }] }, 'bad-request'],
      [{ places: [{ country: 'ZZ' }] }, 'unknown-country'],
      [{ languages: ['zz'] }, 'unknown-language'],
      [{ languages: ['english'] }, 'validation'],
      [{ capacity: -1 }, 'validation'],
      [{ kind: 'company' }, 'validation'],
      [{ unitId: 'not-a-uuid', kind: 'unit' }, 'validation'],
      [{ organisationId: ids.orgEs }, 'bad-request'],
    ];
    for (const [overrides, slug] of cases) {
      expectProblem(await as.caseworkerEs.post(API, body(overrides)), 400, slug);
    }
    expect(await providerCount()).toBe(before);
  });

  it('refuses unknown units, functions and organisations, and those of another organisation, with 422', async () => {
    const before = await providerCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'unit', unitId: randomUUID() }, 'unknown-unit'],
      [{ kind: 'unit' }, 'unknown-unit'],
      [{ kind: 'unit', unitId: ids.unitMa }, 'unknown-unit'],
      [{ kind: 'unit', unitId: ids.unitEs, organisationId: ids.orgMa }, 'unknown-unit'],
      [{ kind: 'organisation', organisationId: randomUUID() }, 'unknown-organisation'],
      [{ kind: 'organisation', organisationId: ids.orgMa }, 'unknown-organisation'],
      [{ kind: 'organisation' }, 'unknown-organisation'],
      [{ contactFunctionId: randomUUID() }, 'unknown-function'],
    ];
    for (const [overrides, slug] of cases) {
      expectProblem(await as.caseworkerEs.post(API, body(overrides)), 422, slug);
    }
    expect(await providerCount()).toBe(before);
  });

  it('lets a platform administrator name any organisation, managed by their own', async () => {
    const created = await create({ kind: 'organisation', organisationId: ids.orgMa }, as.platform);
    expect(created.organisation?.id).toBe(ids.orgMa);
    expect(created.managedBy.id).not.toBe(ids.orgMa);
  });

  it('answers 404 for an unknown provider', async () => {
    expectProblem(await as.readerMa.get(`${API}/${randomUUID()}`), 404, 'not-found');
  });
});

describe('finding providers', () => {
  const marker = `zq${randomUUID().slice(0, 6)}`;
  beforeAll(async () => {
    await create({
      name: `Bravo ${marker} legal clinic`,
      services: ['legal_aid'],
      languages: ['fr', 'wo'],
      places: [{ country: 'SN', city: 'Saint-Louis' }],
    });
    await create({
      name: `alpha ${marker} hospital`,
      services: ['medical_care', 'psychosocial_support'],
      languages: ['ar', 'fr'],
      description: 'Emergency ward 50% free_of_charge',
      places: [{ country: 'MA', city: 'Tanger', latitude: 35.77, longitude: -5.8 }],
    });
    await create({
      name: `Charlie ${marker} shelter`,
      services: ['shelter'],
      languages: ['es'],
      places: [
        { country: 'ES', city: 'Málaga' },
        { country: 'MA', city: 'Nador' },
      ],
    });
  });
  const mine = async (query: string) => names(`q=${marker}&${query}`);

  it('sorts by name and pages', async () => {
    expect(await mine('')).toEqual([`alpha ${marker} hospital`, `Bravo ${marker} legal clinic`, `Charlie ${marker} shelter`]);
    const page = await find(`q=${marker}&limit=1&offset=1`);
    expect(page.items.map((item) => item.name)).toEqual([`Bravo ${marker} legal clinic`]);
    expect(page.total).toBe(3);
    expect(await find(`q=${marker}&limit=5&offset=10`)).toEqual({ items: [], total: 3 });
  });

  it('filters by any of the needs, country, city (any case, accents), language and words', async () => {
    expect(await mine('need=legal_aid&need=shelter')).toEqual([`Bravo ${marker} legal clinic`, `Charlie ${marker} shelter`]);
    expect(await mine('need=psychosocial_support')).toEqual([`alpha ${marker} hospital`]);
    expect(await mine('country=MA')).toEqual([`alpha ${marker} hospital`, `Charlie ${marker} shelter`]);
    expect(await mine('country=MA&city=NADOR')).toEqual([`Charlie ${marker} shelter`]);
    expect(await mine('city=malaga')).toEqual([`Charlie ${marker} shelter`]);
    // The city must be in the country asked for.
    expect(await mine('country=SN&city=Nador')).toEqual([]);
    expect(await mine('language=wo')).toEqual([`Bravo ${marker} legal clinic`]);
    expect(await mine('language=fr&need=medical_care')).toEqual([`alpha ${marker} hospital`]);
    expect(await names(`q=${encodeURIComponent(`BRAVO ${marker}`)}`)).toEqual([`Bravo ${marker} legal clinic`]);
    expect(await names('q=Emergency%20ward')).toEqual([`alpha ${marker} hospital`]);
  });

  it('takes SQL and pattern metacharacters in the words literally', async () => {
    expect(await names('q=50%25%20free_of')).toEqual([`alpha ${marker} hospital`]);
    expect(await names('q=%25%25%25')).toEqual([]);
    expect(await names('q=_____________')).toEqual([]);
    expect(await names(`q=${encodeURIComponent("' or 1=1 --")}`)).toEqual([]);
    expect(await names(`q=${encodeURIComponent('\\')}`)).toEqual([]);
    expect(await names(`city=${encodeURIComponent("x' or '1'='1")}`)).toEqual([]);
  });

  it('refuses unknown filter values with 400', async () => {
    expectProblem(await as.readerMa.get(`${API}?need=haircut`), 400, 'validation');
    expectProblem(await as.readerMa.get(`${API}?country=Spain`), 400, 'validation');
    expectProblem(await as.readerMa.get(`${API}?language=english`), 400, 'validation');
    expectProblem(await as.readerMa.get(`${API}?limit=500`), 400, 'validation');
    expectProblem(await as.readerMa.get(`${API}?sort=name`), 400, 'validation');
  });

  it('draws each place as a point, at its country centre when it has no coordinates', async () => {
    const response = await as.readerMa.get(`${API}/map?q=${marker}`);
    expect(response.statusCode, response.body).toBe(200);
    const map = response.json();
    expect(map.capped).toBe(false);
    expect(map.unplaced).toBe(0);
    const points = map.points.map((point: Record<string, unknown>) => [point.name, point.city, point.approximate]);
    expect(points).toEqual([
      [`alpha ${marker} hospital`, 'Tanger', false],
      [`Bravo ${marker} legal clinic`, 'Saint-Louis', true],
      [`Charlie ${marker} shelter`, 'Málaga', true],
      [`Charlie ${marker} shelter`, 'Nador', true],
    ]);
    expect(map.points[0]).toMatchObject({ latitude: 35.77, longitude: -5.8, services: ['medical_care', 'psychosocial_support'] });
    // Only the places in the country asked for.
    const morocco = (await as.readerMa.get(`${API}/map?q=${marker}&country=MA`)).json();
    expect(morocco.points.map((point: { city: string }) => point.city)).toEqual(['Tanger', 'Nador']);
    const nador = (await as.readerMa.get(`${API}/map?q=${marker}&city=nador`)).json();
    expect(nador.points.map((point: { city: string }) => point.city)).toEqual(['Nador']);
  });
});

describe('changing and deactivating a provider', () => {
  it('lets the managing organisation change it, replacing places, and audits the fields changed', async () => {
    const created = await create({ languages: ['es'] });
    const response = await as.orgAdminEs.patch(`${API}/${created.id}`, {
      capacity: 30,
      languages: ['es', 'ar'],
      places: [{ country: 'ES', city: 'Ceuta', latitude: 35.89, longitude: -5.32 }],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      name: created.name,
      capacity: 30,
      languages: ['es', 'ar'],
      places: [{ country: 'ES', city: 'Ceuta', region: '', latitude: 35.89, longitude: -5.32 }],
    });
    const rows = await auditRows(created.id);
    expect(rows.map((row) => row.action)).toEqual(['serviceProvider.create', 'serviceProvider.update']);
    expect(rows[1].details).toEqual({ fields: ['languages', 'capacity', 'places'] });
  });

  it('changes the kind, naming the unit', async () => {
    const created = await create();
    const changed = (await as.caseworkerEs.patch(`${API}/${created.id}`, { kind: 'unit', unitId: ids.unitEs })).json();
    expect(changed).toMatchObject({ kind: 'unit', unit: { id: ids.unitEs }, organisation: { id: ids.orgEs } });
    const back = (await as.caseworkerEs.patch(`${API}/${created.id}`, { kind: 'independent' })).json();
    expect(back).toMatchObject({ kind: 'independent', unit: null, organisation: null });
  });

  it('keeps an entry editable when the unit it names is closed later, and refuses naming a closed unit anew', async () => {
    const unit = await as.orgAdminEs.post('/api/v1/admin/units', { organisationId: ids.orgEs, name: `Closing ${randomUUID()}` });
    expect(unit.statusCode, unit.body).toBe(201);
    const created = await create({ kind: 'unit', unitId: unit.json().id });
    const closed = await as.orgAdminEs.patch(`/api/v1/admin/units/${unit.json().id}`, { active: false });
    expect(closed.statusCode, closed.body).toBe(200);
    const edited = await as.caseworkerEs.patch(`${API}/${created.id}`, { capacity: 3 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ capacity: 3, unit: { id: unit.json().id } });
    const other = await create();
    expectProblem(
      await as.caseworkerEs.patch(`${API}/${other.id}`, { kind: 'unit', unitId: unit.json().id }),
      422,
      'unknown-unit',
    );
  });

  it('refuses another organisation (403 not-provider-manager) and readers, changing nothing', async () => {
    const created = await create({ capacity: 5 });
    expectProblem(await as.caseworkerMa.patch(`${API}/${created.id}`, { capacity: 1 }), 403, 'not-provider-manager');
    expectProblem(await as.caseworkerMa.post(`${API}/${created.id}/deactivate`, {}), 403, 'not-provider-manager');
    expectProblem(await as.readerEs.patch(`${API}/${created.id}`, { capacity: 1 }), 403, 'forbidden');
    const read = (await as.readerMa.get(`${API}/${created.id}`)).json();
    expect(read).toMatchObject({ capacity: 5, active: true });
    expect((await auditRows(created.id)).map((row) => row.action)).toEqual(['serviceProvider.create']);
  });

  it('lets a platform administrator change any entry', async () => {
    const created = await create();
    const response = await as.platform.patch(`${API}/${created.id}`, { openingHours: 'Mon–Fri 9–17' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ openingHours: 'Mon–Fri 9–17', managedBy: { id: ids.orgEs } });
  });

  it('refuses a malformed change with 400 and an unknown unit with 422', async () => {
    const created = await create();
    expectProblem(await as.caseworkerEs.patch(`${API}/${created.id}`, {}), 400, 'validation');
    expectProblem(await as.caseworkerEs.patch(`${API}/${created.id}`, { managedBy: ids.orgMa }), 400, 'validation');
    expectProblem(
      await as.caseworkerEs.patch(`${API}/${created.id}`, { kind: 'unit', unitId: randomUUID() }),
      422,
      'unknown-unit',
    );
    expectProblem(await as.caseworkerEs.patch(`${API}/${randomUUID()}`, { capacity: 1 }), 404, 'not-found');
  });

  it('keeps a deactivated entry, out of searches unless asked for, and refuses deactivating it twice', async () => {
    const marker = `dq${randomUUID().slice(0, 6)}`;
    const created = await create({ name: `Deactivated ${marker}` });
    const response = await as.caseworkerEs.post(`${API}/${created.id}/deactivate`, { reason: 'Closed in 2026' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().active).toBe(false);
    expect(await names(`q=${marker}`)).toEqual([]);
    expect(await names(`q=${marker}&includeInactive=true`)).toEqual([`Deactivated ${marker}`]);
    expect((await as.readerMa.get(`${API}/map?q=${marker}`)).json().points).toEqual([]);
    expect((await as.readerMa.get(`${API}/${created.id}`)).json().active).toBe(false);
    expectProblem(await as.caseworkerEs.post(`${API}/${created.id}/deactivate`, {}), 409, 'conflict');
    expect((await auditRows(created.id)).map((row) => row.action)).toEqual([
      'serviceProvider.create',
      'serviceProvider.deactivate',
    ]);
  });
});
