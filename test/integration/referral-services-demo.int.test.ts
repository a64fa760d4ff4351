/** The demo services directory: seeded once, only what is missing, and valid as the API would store it. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROVIDERS } from '../../src/server/demo/referral-services-data.js';
import { seedDemoServices } from '../../src/server/demo/seed-referral-services.js';
import { isLanguageCode } from '../../src/shared/exchange/directory/vocabulary.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

const API = '/api/v1/services';

interface Provider {
  id: string;
  name: string;
  kind: string;
  organisation: { name: string } | null;
  unit: { name: string } | null;
  contactFunction: { title: string; unitName: string } | null;
  services: string[];
  languages: string[];
  managedBy: { name: string };
  places: { country: string }[];
}

let t: TestApp;
let reader: Client;
let added: number;

const NAPTIP = 'National Agency for the Prohibition of Trafficking in Persons';

beforeAll(async () => {
  t = await startTestApp();
  // The story's Nigerian agency, when already on the platform, is named by its entry and keeps it.
  const admin = await t.signIn('admin@liaison.demo');
  const created = await admin.post('/api/v1/admin/organisations', {
    name: NAPTIP,
    acronym: 'NAPTIP',
    country: 'NG',
    kind: 'government_agency',
  });
  expect(created.statusCode, created.body).toBe(201);
  added = await seedDemoServices(t.database.db);
  reader = await t.signIn('reader.sn@liaison.demo');
});
afterAll(() => t.close());

async function all(query = ''): Promise<Provider[]> {
  const response = await reader.get(`${API}?limit=200&${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

describe('the demo services directory', () => {
  it('adds every demo provider once; a second run adds nothing, and a removed entry comes back alone', async () => {
    expect(added).toBe(DEMO_PROVIDERS.length);
    expect(DEMO_PROVIDERS.length).toBeGreaterThanOrEqual(20);
    expect(await seedDemoServices(t.database.db)).toBe(0);
    const name = DEMO_PROVIDERS[0].name;
    await sql`delete from service_providers where name = ${name}`.execute(t.database.db);
    expect(await seedDemoServices(t.database.db)).toBe(1);
    expect((await all()).map((provider) => provider.name).sort()).toEqual(DEMO_PROVIDERS.map((demo) => demo.name).sort());
  });

  it('covers the demo countries, every need, and valid languages', async () => {
    const providers = await all();
    const countries = new Set(providers.flatMap((provider) => provider.places.map((place) => place.country)));
    for (const country of ['MA', 'ES', 'SN', 'NE', 'NG', 'ML', 'CI']) expect(countries).toContain(country);
    const needs = new Set(providers.flatMap((provider) => provider.services));
    expect(needs.size).toBe(8);
    for (const provider of providers) {
      for (const language of provider.languages) expect(isLanguageCode(language), `${provider.name} ${language}`).toBe(true);
    }
  });

  it('names the directory where it is on the platform: Red Cross family links as a unit with its contact function', async () => {
    const [familyLinks] = await all(`q=${encodeURIComponent('Restoring Family Links')}`);
    expect(familyLinks).toMatchObject({
      kind: 'unit',
      unit: { name: 'Restoring family links' },
      organisation: { name: 'Senegalese Red Cross Society' },
      contactFunction: { title: 'Protection contact', unitName: 'Migrant assistance desk' },
    });
  });

  it('serves the Spain to Nigeria story: a Spanish NGO shelter and the Nigerian reintegration service', async () => {
    expect((await all('country=ES&need=shelter')).map((provider) => provider.name)).toContain(
      'Casa Refugio Atlántica (fictional NGO shelter)',
    );
    const nigeria = await all('country=NG&need=return_reintegration');
    expect(nigeria).toEqual([
      expect.objectContaining({
        name: 'NAPTIP shelter and reintegration service, Benin City (fictional entry)',
        kind: 'organisation',
        organisation: expect.objectContaining({ name: NAPTIP }),
        managedBy: expect.objectContaining({ name: NAPTIP }),
      }),
    ]);
    // An entry whose organisation is not on the platform is an independent one, kept by the secretariat.
    const [gao] = await all(`q=${encodeURIComponent('Gao')}`);
    expect(gao).toMatchObject({ kind: 'independent', organisation: null, managedBy: { name: 'Rabat Process Secretariat' } });
  });

  it('draws every place on the map, at the country centre when it has no coordinates', async () => {
    const map = (await reader.get(`${API}/map`)).json();
    const places = DEMO_PROVIDERS.reduce((sum, demo) => sum + demo.places.length, 0);
    expect(map).toMatchObject({ unplaced: 0, capped: false });
    expect(map.points).toHaveLength(places);
    expect(map.points.filter((point: { approximate: boolean }) => point.approximate)).toEqual([
      expect.objectContaining({ country: 'NE', city: '' }),
    ]);
  });
});
