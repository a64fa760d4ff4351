import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, STRONG_PASSWORD } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import {
  addEntry,
  auditOf,
  createList,
  PURPOSE,
  removeEntry,
  SPANISH_UNIT,
  screen,
  screenRaw,
  storedCounts,
  unitIdOf,
} from './watchlists-screening-fixtures.js';

/**
 * Screening one name: what a unit may learn from it (only the lists it may see), how fast a removal
 * takes effect, who may screen, and bad input. Names are invented.
 */
let t: TestApp;
const as = {} as Record<string, Client>;
let spanishUnit: string;

beforeAll(async () => {
  t = await startTestApp();
  for (const who of ['focal.ma', 'focal.es', 'analyst.es', 'focal.sn', 'focal.ne', 'orgadmin.ne', 'orgadmin.es'])
    as[who] = await t.signIn(`${who}@liaison.demo`);
  spanishUnit = await unitIdOf(t, SPANISH_UNIT);
});
afterAll(() => t.close());

const withoutId = ({ screeningId: _id, ...rest }: Record<string, unknown>) => rest;

describe('a unit outside a list’s distribution learns nothing of it', () => {
  const HIDDEN = 'Kwabenor Tessaly';
  const NOWHERE = 'Mirelund Ostavic';
  let amber: { id: string };
  let red: { id: string };
  let entry: { id: string; reference: string };

  beforeAll(async () => {
    const spain = (await as['focal.es'].get('/api/v1/me')).json().organisation.id as string;
    amber = await createList(as['focal.ma'], {
      name: 'Smuggling network Kwabenor',
      handlingCode: 'TLP:AMBER',
      distribution: [{ kind: 'organisation', id: spain }],
    });
    entry = await addEntry(as['focal.ma'], amber.id, { names: [{ name: HIDDEN }], birthDate: '1984', nationalities: ['GH'] });
    red = await createList(as['focal.ma'], {
      name: 'Red list Dravomir',
      handlingCode: 'TLP:RED',
      distribution: [{ kind: 'unit', id: spanishUnit }],
    });
    await addEntry(as['focal.ma'], red.id, { names: [{ name: 'Dravomir Kettelbu' }] });
  });

  it('matches for a unit in the distribution (the control)', async () => {
    const result = await screen(as['focal.es'], { name: HIDDEN });
    expect(result.hits).toBe(1);
    expect(result.candidates).toHaveLength(1);
    expect(result.candidates[0]).toMatchObject({ entryId: entry.id, reference: entry.reference, match: true });
    expect(result.candidates[0].watchlist.id).toBe(amber.id);
    expect(result.candidates[0].hitId).toEqual(expect.any(String));
    const red = await screen(as['focal.es'], { name: 'Dravomir Kettelbu' });
    expect(red.hits).toBe(1);
  });

  it('answers exactly as for a name on no list: no candidate, no count, no hit task', async () => {
    const hidden = await screen(as['focal.ne'], { name: HIDDEN, birthYear: 1984, nationality: 'GH' });
    const nowhere = await screen(as['focal.ne'], { name: NOWHERE, birthYear: 1984, nationality: 'GH' });
    expect(hidden.candidates).toEqual([]);
    expect(hidden.hits).toBe(0);
    expect(withoutId(hidden)).toEqual(withoutId(nowhere));
    // A TLP:RED list named to one unit stays hidden from the other units of the same organisation.
    const red = await screen(as['analyst.es'], { name: 'Dravomir Kettelbu' });
    expect(red).toMatchObject({ candidates: [], hits: 0 });
    const queue = (await as['focal.ne'].get('/api/v1/screening/hits')).json();
    expect(queue).toMatchObject({ items: [], total: 0, open: 0 });
  });

  it('gives another unit’s hit the answer of an id that does not exist', async () => {
    const { candidates } = await screen(as['focal.es'], { name: HIDDEN });
    const hitId = candidates[0].hitId as string;
    const shape = (response: Awaited<ReturnType<Client['get']>>) => {
      const { instance: _i, requestId: _r, ...rest } = expectProblem(response, 404, 'not-found');
      return rest;
    };
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(shape(await as['focal.ne'].get(`/api/v1/screening/hits/${hitId}`))).toEqual(
      shape(await as['focal.ne'].get(`/api/v1/screening/hits/${unknown}`)),
    );
  });

  it('leaves in the audit its administrator reads the same row for both, and nothing of the list', async () => {
    const rows = (await auditOf(as['orgadmin.ne'])).filter((row) => row.action === 'screening.run');
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const [nowhere, hidden] = rows;
    expect(hidden.details).toEqual({ purpose: PURPOSE, candidates: 0, hits: 0 });
    expect(nowhere.details).toEqual(hidden.details);
    const everything = JSON.stringify(await auditOf(as['orgadmin.ne']));
    for (const secret of [amber.id, red.id, entry.id, entry.reference, HIDDEN, 'Kwabenor', NOWHERE])
      expect(everything).not.toContain(secret);
  });

  it('audits a screening with its purpose and counts, never the name', async () => {
    const rows = (await auditOf(as['orgadmin.es'])).filter((row) => row.action === 'screening.run');
    expect(rows[0].details).toEqual({ purpose: PURPOSE, candidates: 1, hits: 1 });
    expect(rows[0].targetType).toBe('screening');
    const everything = JSON.stringify(await auditOf(as['orgadmin.es']));
    expect(everything).not.toContain('Kwabenor');
    expect(everything).not.toContain('Dravomir');
  });
});

describe('a removed entry stops matching at once', () => {
  it('for every unit that may see the list', async () => {
    const list = await createList(as['focal.ma'], {
      name: 'Removal list',
      handlingCode: 'TLP:GREEN',
      distribution: [{ kind: 'all_partners' }],
    });
    const entry = await addEntry(as['focal.ma'], list.id, { names: [{ name: 'Feltrano Quaddish' }] });
    for (const who of ['focal.es', 'focal.sn']) {
      const before = await screen(as[who], { name: 'Feltrano Quaddish' });
      expect(before.candidates.map((c) => c.entryId)).toEqual([entry.id]);
    }
    await removeEntry(as['focal.ma'], list.id, entry);
    for (const who of ['focal.es', 'focal.sn']) {
      const after = await screen(as[who], { name: 'Feltrano Quaddish' });
      expect(after).toMatchObject({ candidates: [], hits: 0 });
    }
  });
});

describe('an amended entry is screened as it now stands', () => {
  it('matches on its new name and fields at once, and no longer on the old ones', async () => {
    const list = await createList(as['focal.ma'], {
      name: 'Amendment list',
      handlingCode: 'TLP:GREEN',
      distribution: [{ kind: 'all_partners' }],
    });
    const entry = await addEntry(as['focal.ma'], list.id, {
      names: [{ name: 'Orvesto Palandrin' }],
      birthDate: '1979',
      nationalities: ['ML'],
    });
    const before = await screen(as['focal.es'], { name: 'Orvesto Palandrin' });
    expect(before.candidates.map((c) => [c.entryId, c.birthDate, c.nationalities])).toEqual([[entry.id, '1979', ['ML']]]);
    const amended = await as['focal.ma'].patch(`/api/v1/watchlists/${list.id}/entries/${entry.id}`, {
      version: entry.version,
      names: [{ name: 'Quillermo Tavasset' }],
      birthDate: '1991',
      nationalities: ['NE'],
      note: 'Identity corrected',
    });
    expect(amended.statusCode, amended.body).toBe(200);
    const old = await screen(as['focal.es'], { name: 'Orvesto Palandrin' });
    expect(old).toMatchObject({ candidates: [], hits: 0 });
    const now = await screen(as['focal.es'], { name: 'Quillermo Tavasset' });
    expect(now.candidates.map((c) => [c.entryId, c.names.map((n) => n.name), c.birthDate, c.nationalities])).toEqual([
      [entry.id, ['Quillermo Tavasset'], '1991', ['NE']],
    ]);
  });
});

describe('who may screen', () => {
  it('refuses readers, case workers and administrators, and stores nothing', async () => {
    const before = await storedCounts(t);
    for (const who of ['reader.ma', 'caseworker.ma', 'orgadmin.ma']) {
      const client = await t.signIn(`${who}@liaison.demo`);
      expectProblem(await screenRaw(client, { name: 'Feltrano Quaddish' }), 403, 'forbidden');
      expectProblem(await client.get('/api/v1/screening/hits'), 403, 'forbidden');
    }
    expect(await storedCounts(t)).toEqual(before);
  });

  it('refuses an analyst who belongs to no unit: screenings are made for a unit', async () => {
    const organisationId = (await as['orgadmin.ne'].get('/api/v1/me')).json().organisation.id;
    const created = await as['orgadmin.ne'].post('/api/v1/admin/users', {
      email: 'analyst.sans.unite@example.org',
      displayName: 'Analyst without a unit',
      password: STRONG_PASSWORD,
      organisationId,
      unitIds: [],
      roles: ['analyst'],
      locale: 'fr',
    });
    expect(created.statusCode, created.body).toBe(201);
    const analyst = await t.signIn('analyst.sans.unite@example.org', STRONG_PASSWORD);
    const before = await storedCounts(t);
    expectProblem(await screenRaw(analyst, { name: 'Feltrano Quaddish' }), 422, 'no-unit');
    expect(await storedCounts(t)).toEqual(before);
  });

  it('screens for one of the actor’s units only', async () => {
    const before = await storedCounts(t);
    expectProblem(await screenRaw(as['focal.ne'], { name: 'Feltrano Quaddish', unitId: spanishUnit }), 403, 'not-your-unit');
    expect(await storedCounts(t)).toEqual(before);
  });
});

describe('bad input is refused and nothing is stored', () => {
  const cases: [string, Record<string, unknown>, number, string][] = [
    ['an oversized name', { name: 'A'.repeat(201) }, 400, 'validation'],
    ['an empty name', { name: '' }, 400, 'validation'],
    ['a name without letters', { name: '1234 --' }, 422, 'invalid-name'],
    ['a script in the name', { name: '<script>alert(1)</script>' }, 422, 'invalid-name'],
    ['SQL in the name', { name: "Robert'); DROP TABLE screenings;--" }, 422, 'invalid-name'],
    ['SQL quotes and comments', { name: "x' OR '1'='1" }, 422, 'invalid-name'],
    ['an unknown field', { name: 'Feltrano Quaddish', alias: 'F. Q.' }, 400, 'validation'],
    ['a birth year of 1800', { name: 'Feltrano Quaddish', birthYear: 1800 }, 400, 'validation'],
    [
      'a birth year to come',
      { name: 'Feltrano Quaddish', birthYear: new Date().getUTCFullYear() + 1 },
      422,
      'invalid-birth-year',
    ],
    ['a nationality that is not a code', { name: 'Feltrano Quaddish', nationality: 'Morocco' }, 400, 'validation'],
    ['an unknown sex', { name: 'Feltrano Quaddish', sex: 'x' }, 400, 'validation'],
    ['no purpose', { name: 'Feltrano Quaddish', purpose: undefined }, 422, 'purpose-required'],
    ['a purpose of two letters', { name: 'Feltrano Quaddish', purpose: ' ab ' }, 422, 'purpose-required'],
    ['a limit beyond the cap', { name: 'Feltrano Quaddish', limit: 1000 }, 400, 'validation'],
  ];
  for (const [what, body, status, slug] of cases) {
    it(what, async () => {
      const before = await storedCounts(t);
      const response = await screenRaw(as['focal.es'], body);
      const problem = expectProblem(response, status, slug);
      expect(JSON.stringify(problem)).not.toContain('Feltrano');
      expect(await storedCounts(t)).toEqual(before);
    });
  }

  it('keeps names with apostrophes, hyphens, dots and other scripts', async () => {
    for (const name of ["N'Diaye Abdel-Rahman", 'Md. Salem', 'محمد ولد عبد الله', 'Хусейн Абдуллаев', 'ሙሉጌታ ተስፋዬ'])
      expect((await screenRaw(as['focal.es'], { name })).statusCode).toBe(200);
  });
});
