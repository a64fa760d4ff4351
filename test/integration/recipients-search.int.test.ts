/** Finding recipients: a country by its name in any language, organisations, acronyms, units. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

const UNITS = '/api/v1/directory/units';

interface Unit {
  id: string;
  name: string;
  organisation: { id: string; acronym: string | null; country: string | null };
}

let t: TestApp;
let focal: Client;
let adminEs: Client;

async function search(q: string, client = focal): Promise<Unit[]> {
  const response = await client.get(`${UNITS}?q=${encodeURIComponent(q)}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}
const countries = (units: Unit[]) => [...new Set(units.map((unit) => unit.organisation.country))].sort();
const names = (units: Unit[]) => units.map((unit) => unit.name).sort();

beforeAll(async () => {
  t = await startTestApp();
  focal = await t.signIn('focal.ma@liaison.demo');
  adminEs = await t.signIn('orgadmin.es@liaison.demo');
});
afterAll(() => t.close());

describe('recipient search', () => {
  it('finds a country’s units by its name in English, French, Arabic and Spanish', async () => {
    const spanish = ['Border analysis centre', 'Unit against illegal immigration networks'];
    for (const q of ['Spain', 'Espagne', 'إسبانيا', 'España', 'espana', 'ESPAÑA']) {
      const found = await search(q);
      expect(countries(found), q).toEqual(['ES']);
      expect(names(found), q).toEqual(spanish);
    }
    // Arabic written with a bare alef and with a hamza finds the same country.
    expect(countries(await search('اسبانيا'))).toEqual(['ES']);
    expect(countries(await search('Sénégal'))).toEqual(['SN']);
    expect(countries(await search('المغرب'))).toEqual(['MA']);
  });

  it('finds organisations by name or acronym with all their units, and units by name', async () => {
    expect(names(await search('CGEF'))).toEqual(['Border analysis centre', 'Unit against illegal immigration networks']);
    expect(names(await search('national police'))).toEqual([
      'Border analysis centre',
      'Unit against illegal immigration networks',
    ]);
    expect(names(await search('red cross'))).toEqual(['Migrant assistance desk', 'Restoring family links']);
    expect(names(await search('agadez'))).toEqual(['Anti-smuggling unit Agadez']);
    // Every unit when nothing is typed.
    expect((await search('')).length).toBeGreaterThan(10);
  });

  it('takes SQL and pattern characters as plain text', async () => {
    for (const q of ['%', '_', "'; drop table units; --", '\\', 'Spain%', '%%%%']) {
      expect(await search(q), q).toEqual([]);
    }
    expect((await focal.get(`${UNITS}?q=${'x'.repeat(201)}`)).statusCode).toBe(400);
  });

  it('keeps deactivated units out of the search', async () => {
    const organisationId = (await search('CGEF'))[0].organisation.id;
    const created = await adminEs.post('/api/v1/admin/units', { organisationId, name: 'Temporary Spanish task force' });
    expect(created.statusCode, created.body).toBe(201);
    expect(names(await search('Spain'))).toContain('Temporary Spanish task force');
    expect((await adminEs.patch(`/api/v1/admin/units/${created.json().id}`, { active: false })).statusCode).toBe(200);
    expect(names(await search('Spain'))).not.toContain('Temporary Spanish task force');
    expect(names(await search('Temporary Spanish'))).toEqual([]);
  });
});
