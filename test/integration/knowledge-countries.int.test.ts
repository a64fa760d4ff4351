import { randomBytes } from 'node:crypto';
import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/platform/db/database.js';
import { expectProblem } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Country profiles over a fixture library whose every count is known. The demo library is
 * unpublished first, so the figures below are exact. Who sees what:
 *   anonymous            CLEAR (rabat, dakar)
 *   es (another org)     + GREEN to all partners (niamey)
 *   analyst.ma           + AMBER for DMSF (madrid); not in the RED unit
 *   focal.ma, reader.ma  + RED for DMSF's anti-smuggling unit (sofia)
 */

interface CountryCount {
  code: string;
  items: number;
  documents: number;
}
interface Profile {
  code: string;
  totals: { items: number; meetings: number; byType: Record<string, number> };
  byYearAndType: { year: number | null; type: string; count: number }[];
  byYearAndTheme: { year: number | null; theme: string; count: number }[];
  topThemes: { theme: string; count: number }[];
  topOrganisations: { organisation: string; count: number }[];
  meetings: {
    id: string;
    title: string;
    process: string;
    city: string | null;
    country: string | null;
    dates: string[];
    hostedHere: boolean;
    itemCount: number;
    citingItemCount: number;
  }[];
  latestItems: { id: string; type: string; text: string; document: { id: string; title: string; dates: string[] } }[];
}

interface ItemSpec {
  type: string;
  countries: string[];
  themes?: string[];
  organisations?: string[];
  status?: string;
  text?: string;
}
interface DocumentSpec {
  title: string;
  country: string | null;
  city: string;
  dates: string[];
  handlingCode: string;
  status?: string;
  items: ItemSpec[];
}

let t: TestApp;
let db: Db;
const ids: Record<string, string> = {};
const clients = {} as Record<'anonymous' | 'es' | 'analystMa' | 'focalMa' | 'readerMa', Client>;
const SCRIPT = '<script>alert("x")</script>';

const FIXTURES: Record<string, DocumentSpec> = {
  rabat: {
    title: 'Rabat meeting 2021',
    country: 'MA',
    city: 'Rabat',
    dates: ['2021-03-10', '2021-03-11'],
    handlingCode: 'TLP:CLEAR',
    items: [
      {
        type: 'good_practice',
        countries: ['MA', 'SN'],
        themes: ['border_management', 'capacity_building'],
        organisations: ['IOM'],
      },
      {
        type: 'challenge',
        countries: ['MA'],
        themes: ['migrant_smuggling'],
        organisations: ['IOM', 'UNHCR'],
        text: `Smugglers ${SCRIPT} ' or 1=1 --`,
      },
      { type: 'recommendation', countries: ['SN', 'ES'], themes: ['border_management'] },
      { type: 'conclusion', countries: ['MA'], status: 'draft' },
      { type: 'recommendation', countries: [] },
    ],
  },
  dakar: {
    title: 'Dakar meeting 2023',
    country: 'SN',
    city: 'Dakar',
    dates: ['2023-05-02'],
    handlingCode: 'TLP:CLEAR',
    items: [
      { type: 'recommendation', countries: ['MA'], themes: ['border_management'], organisations: ['UNHCR'] },
      { type: 'recommendation', countries: ['SN'] },
      { type: 'good_practice', countries: ['NE', 'MA'], themes: ['trafficking_in_human_beings'] },
    ],
  },
  madrid: {
    title: 'Madrid meeting (AMBER)',
    country: 'ES',
    city: 'Madrid',
    dates: ['2023-09-01'],
    handlingCode: 'TLP:AMBER',
    items: [
      { type: 'challenge', countries: ['MA', 'ES'], themes: ['border_management'], organisations: ['FRONTEX'] },
      { type: 'good_practice', countries: ['ES'] },
    ],
  },
  draft: {
    title: 'Unpublished meeting',
    country: 'MA',
    city: 'Tangier',
    dates: ['2024-01-01'],
    handlingCode: 'TLP:CLEAR',
    status: 'draft',
    items: [{ type: 'good_practice', countries: ['MA'] }],
  },
  niamey: {
    title: 'Niamey meeting (GREEN, undated)',
    country: 'NE',
    city: 'Niamey',
    dates: [],
    handlingCode: 'TLP:GREEN',
    items: [{ type: 'challenge', countries: ['NE'] }],
  },
  sofia: {
    title: 'Sofia meeting (RED)',
    country: 'BG',
    city: 'Sofia',
    dates: ['2022-06-15'],
    handlingCode: 'TLP:RED',
    items: [{ type: 'conclusion', countries: ['MA', 'BG'], themes: ['information_exchange'] }],
  },
};

const one = async <T>(query: RawBuilder<T>) => (await query.execute(db)).rows[0];

async function insertDocument(spec: DocumentSpec, originator: string, distribution: RawBuilder<unknown>) {
  const { id } = await one(sql<{ id: string }>`insert into knowledge_documents (title, process, city, country, dates, language,
      file_name, sha256, body, status, handling_code, originator_organisation_id, published_at)
    values (${spec.title}, 'rabat', ${spec.city}, ${spec.country}, ${spec.dates}::date[], 'en', 'fixture.txt',
      ${randomBytes(32).toString('hex')}, '', ${spec.status ?? 'published'}, ${spec.handlingCode}, ${originator}, now())
    returning id`);
  await sql`update knowledge_documents set ${distribution} where id = ${id}`.execute(db);
  for (const [position, item] of spec.items.entries()) {
    await sql`insert into knowledge_items (document_id, position, type, text, countries, organisations, themes, status)
      values (${id}, ${position}, ${item.type}, ${item.text ?? `${spec.title}, item ${position}`}, ${item.countries}::text[],
        ${item.organisations ?? []}::text[], ${item.themes ?? []}::text[], ${item.status ?? 'published'})`.execute(db);
  }
  return id;
}

const get = async <T>(client: Client, url: string): Promise<T> => {
  const response = await client.get(url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const countries = (client: Client) => get<{ countries: CountryCount[] }>(client, '/api/v1/knowledge/countries');
const profile = (client: Client, code: string) => get<Profile>(client, `/api/v1/knowledge/countries/${code}`);
const sortedCounts = (rows: CountryCount[]) => [...rows].sort((a, b) => a.code.localeCompare(b.code));
const counts = (table: Record<string, [number, number]>) =>
  sortedCounts(Object.entries(table).map(([code, [items, documents]]) => ({ code, items, documents })));

beforeAll(async () => {
  t = await startTestApp();
  db = t.database.db;
  await sql`update knowledge_documents set status = 'draft'`.execute(db);
  const secretariat = (await one(sql<{ id: string }>`select id from organisations where kind = 'secretariat'`)).id;
  const ma = await one(sql<{ org: string; unit: string }>`select o.id as org, u.id as unit from organisations o
    join units u on u.organisation_id = o.id where o.acronym = 'DMSF' and u.name = 'National anti-smuggling unit'`);
  const toAll = sql`to_all_partners = true`;
  for (const name of ['rabat', 'dakar', 'draft', 'niamey'] as const)
    ids[name] = await insertDocument(FIXTURES[name], secretariat, toAll);
  ids.madrid = await insertDocument(
    FIXTURES.madrid,
    secretariat,
    sql`to_all_partners = false, recipient_organisations = ${[ma.org]}::uuid[]`,
  );
  ids.sofia = await insertDocument(
    FIXTURES.sofia,
    secretariat,
    sql`to_all_partners = false, recipient_units = ${[ma.unit]}::uuid[], recipient_organisations = ${[ma.org]}::uuid[]`,
  );
  clients.anonymous = t.anonymous();
  clients.es = await t.signIn('focal.es@liaison.demo');
  clients.analystMa = await t.signIn('analyst.ma@liaison.demo');
  clients.focalMa = await t.signIn('focal.ma@liaison.demo');
  clients.readerMa = await t.signIn('reader.ma@liaison.demo');
});
afterAll(() => t.close());

describe('world map counts', () => {
  it('count published items citing each country, and documents citing it or held in it, per viewer', async () => {
    const anonymous = counts({ MA: [4, 2], SN: [3, 2], ES: [1, 1], NE: [1, 1] });
    expect(sortedCounts((await countries(clients.anonymous)).countries)).toEqual(anonymous);
    // Another organisation adds the GREEN document for all partners, never the AMBER or RED ones.
    const es = counts({ MA: [4, 2], SN: [3, 2], ES: [1, 1], NE: [2, 2] });
    expect(sortedCounts((await countries(clients.es)).countries)).toEqual(es);
    // The AMBER document counts for its recipient organisation; the RED one only for the named unit.
    const analystMa = counts({ MA: [5, 3], SN: [3, 2], ES: [3, 2], NE: [2, 2] });
    expect(sortedCounts((await countries(clients.analystMa)).countries)).toEqual(analystMa);
    const focalMa = counts({ MA: [6, 4], SN: [3, 2], ES: [3, 2], NE: [2, 2], BG: [1, 1] });
    expect(sortedCounts((await countries(clients.focalMa)).countries)).toEqual(focalMa);
    // A lower role of the same unit sees the same (visibility follows organisation and unit, not role).
    expect(sortedCounts((await countries(clients.readerMa)).countries)).toEqual(focalMa);
  });

  it('lists the most cited country first', async () => {
    const answer = await countries(clients.anonymous);
    expect(answer.countries.map((row) => row.code)).toEqual(['MA', 'SN', 'ES', 'NE']);
  });
});

describe('country profile', () => {
  it('gives exact totals, series, themes, organisations, meetings and latest items to the public', async () => {
    const answer = await profile(clients.anonymous, 'MA');
    expect(answer.code).toBe('MA');
    expect(answer.totals).toEqual({
      items: 4,
      meetings: 2,
      byType: { good_practice: 2, challenge: 1, recommendation: 1, conclusion: 0 },
    });
    expect(answer.byYearAndType).toEqual([
      { year: 2021, type: 'challenge', count: 1 },
      { year: 2021, type: 'good_practice', count: 1 },
      { year: 2023, type: 'good_practice', count: 1 },
      { year: 2023, type: 'recommendation', count: 1 },
    ]);
    expect(answer.byYearAndTheme).toEqual([
      { year: 2021, theme: 'border_management', count: 1 },
      { year: 2021, theme: 'capacity_building', count: 1 },
      { year: 2021, theme: 'migrant_smuggling', count: 1 },
      { year: 2023, theme: 'border_management', count: 1 },
      { year: 2023, theme: 'trafficking_in_human_beings', count: 1 },
    ]);
    expect(answer.topThemes).toEqual([
      { theme: 'border_management', count: 2 },
      { theme: 'capacity_building', count: 1 },
      { theme: 'migrant_smuggling', count: 1 },
      { theme: 'trafficking_in_human_beings', count: 1 },
    ]);
    expect(answer.topOrganisations).toEqual([
      { organisation: 'IOM', count: 2 },
      { organisation: 'UNHCR', count: 2 },
    ]);
    expect(answer.meetings).toEqual([
      {
        id: ids.dakar,
        title: 'Dakar meeting 2023',
        process: 'rabat',
        meetingKind: null,
        city: 'Dakar',
        country: 'SN',
        dates: ['2023-05-02'],
        hostedHere: false,
        itemCount: 3,
        citingItemCount: 2,
      },
      {
        id: ids.rabat,
        title: 'Rabat meeting 2021',
        process: 'rabat',
        meetingKind: null,
        city: 'Rabat',
        country: 'MA',
        dates: ['2021-03-10', '2021-03-11'],
        hostedHere: true,
        // The draft item is neither counted nor cited.
        itemCount: 4,
        citingItemCount: 2,
      },
    ]);
    expect(answer.latestItems.map((item) => [item.document.id, item.type])).toEqual([
      [ids.dakar, 'recommendation'],
      [ids.dakar, 'good_practice'],
      [ids.rabat, 'good_practice'],
      [ids.rabat, 'challenge'],
    ]);
    // Text comes back as stored: the web app renders it as text, never as HTML.
    expect(answer.latestItems[3].text).toBe(`Smugglers ${SCRIPT} ' or 1=1 --`);
  });

  it("counts an AMBER document's items for its organisation, not for another one nor the public", async () => {
    for (const client of [clients.anonymous, clients.es]) {
      const answer = await profile(client, 'ES');
      expect(answer.totals.items).toBe(1);
      expect(answer.totals.byType).toMatchObject({ recommendation: 1, challenge: 0, good_practice: 0 });
      expect(answer.meetings.map((meeting) => meeting.id)).toEqual([ids.rabat]);
      expect(answer.topOrganisations).toEqual([]);
      expect(JSON.stringify(answer)).not.toContain('AMBER');
    }
    const amber = await profile(clients.analystMa, 'ES');
    expect(amber.totals).toEqual({
      items: 3,
      meetings: 2,
      byType: { good_practice: 1, challenge: 1, recommendation: 1, conclusion: 0 },
    });
    expect(amber.byYearAndType).toEqual([
      { year: 2021, type: 'recommendation', count: 1 },
      { year: 2023, type: 'challenge', count: 1 },
      { year: 2023, type: 'good_practice', count: 1 },
    ]);
    expect(amber.topOrganisations).toEqual([{ organisation: 'FRONTEX', count: 1 }]);
    expect(amber.meetings.map((meeting) => [meeting.id, meeting.hostedHere, meeting.citingItemCount])).toEqual([
      [ids.madrid, true, 2],
      [ids.rabat, false, 1],
    ]);

    // Morocco's profile too: the AMBER challenge and the RED conclusion follow the same rule.
    expect((await profile(clients.es, 'MA')).totals.items).toBe(4);
    const analyst = await profile(clients.analystMa, 'MA');
    expect(analyst.totals.items).toBe(5);
    expect(analyst.meetings.map((meeting) => meeting.id)).toEqual([ids.madrid, ids.dakar, ids.rabat]);
    const focal = await profile(clients.focalMa, 'MA');
    expect(focal.totals).toEqual({
      items: 6,
      meetings: 4,
      byType: { good_practice: 2, challenge: 2, recommendation: 1, conclusion: 1 },
    });
    expect(focal.meetings.map((meeting) => meeting.id)).toEqual([ids.madrid, ids.dakar, ids.sofia, ids.rabat]);
    expect(focal.topThemes[0]).toEqual({ theme: 'border_management', count: 3 });
    expect(focal.byYearAndTheme).toContainEqual({ year: 2022, theme: 'information_exchange', count: 1 });
    expect((await profile(clients.analystMa, 'BG')).totals.items).toBe(0);
    expect((await profile(clients.focalMa, 'BG')).meetings.map((meeting) => meeting.id)).toEqual([ids.sofia]);
  });

  it('audits the AMBER and RED documents a profile names, and only for the viewers who see them', async () => {
    const audited = async (documentId: string) =>
      (
        await sql<{ email: string; details: { via: string; country: string; handlingCode: string } }>`
          select u.email, a.details from audit_log a join users u on u.id = a.actor_user_id
          where a.action = 'knowledge_document.read' and a.target_id = ${documentId} order by a.id`.execute(db)
      ).rows;
    const before = (await audited(ids.madrid)).length;
    await profile(clients.es, 'ES');
    await profile(clients.anonymous, 'ES');
    expect(await audited(ids.madrid)).toHaveLength(before);
    await profile(clients.analystMa, 'ES');
    const rows = await audited(ids.madrid);
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toEqual({
      email: 'analyst.ma@liaison.demo',
      details: { via: 'country_profile', country: 'ES', handlingCode: 'TLP:AMBER' },
    });
    await profile(clients.focalMa, 'MA');
    expect((await audited(ids.sofia)).at(-1)?.email).toBe('focal.ma@liaison.demo');
    // CLEAR documents are not sensitive reads.
    expect(await audited(ids.rabat)).toEqual([]);
  });

  it('keeps undated meetings, last, with a null year', async () => {
    const answer = await profile(clients.es, 'NE');
    expect(answer.totals.items).toBe(2);
    expect(answer.byYearAndType).toEqual([
      { year: 2023, type: 'good_practice', count: 1 },
      { year: null, type: 'challenge', count: 1 },
    ]);
    expect(answer.meetings.map((meeting) => [meeting.id, meeting.dates])).toEqual([
      [ids.dakar, ['2023-05-02']],
      [ids.niamey, []],
    ]);
    expect((await profile(clients.anonymous, 'NE')).meetings.map((meeting) => meeting.id)).toEqual([ids.dakar]);
  });

  it('answers a known country that nothing cites with zeros, not 404', async () => {
    const answer = await profile(clients.focalMa, 'FJ');
    expect(answer).toEqual({
      code: 'FJ',
      totals: { items: 0, meetings: 0, byType: { good_practice: 0, challenge: 0, recommendation: 0, conclusion: 0 } },
      byYearAndType: [],
      byYearAndTheme: [],
      topThemes: [],
      topOrganisations: [],
      meetings: [],
      latestItems: [],
    });
    // A draft document held in the country and its item do not make it a participant.
    expect((await profile(clients.anonymous, 'MA')).meetings.map((meeting) => meeting.id)).not.toContain(ids.draft);
  });
});

describe('counts kept per document (migration 0008)', () => {
  const ma = async (client: Client) => (await countries(client)).countries.find((row) => row.code === 'MA');

  it('follow items withdrawn, retagged, added and deleted, and documents unpublished', async () => {
    expect(await ma(clients.anonymous)).toEqual({ code: 'MA', items: 4, documents: 2 });
    const dakarItem = (position: number) => sql`document_id = ${ids.dakar} and position = ${position}`;
    await sql`update knowledge_items set status = 'withdrawn' where ${dakarItem(0)}`.execute(db);
    expect(await ma(clients.anonymous)).toEqual({ code: 'MA', items: 3, documents: 2 });
    // Retagged away from Morocco: Dakar no longer cites it (nor is it held there).
    await sql`update knowledge_items set countries = '{NE}' where ${dakarItem(2)}`.execute(db);
    expect(await ma(clients.anonymous)).toEqual({ code: 'MA', items: 2, documents: 1 });
    expect((await profile(clients.anonymous, 'MA')).totals.items).toBe(2);
    // A duplicated code counts the item once; an edit that keeps status and countries changes nothing.
    await sql`insert into knowledge_items (document_id, position, type, text, countries, status)
      values (${ids.dakar}, 99, 'challenge', 'added', '{MA,MA}', 'published')`.execute(db);
    await sql`update knowledge_items set text = text || ' (edited)' where document_id = ${ids.dakar}`.execute(db);
    expect(await ma(clients.anonymous)).toEqual({ code: 'MA', items: 3, documents: 2 });
    expect((await profile(clients.anonymous, 'MA')).totals.items).toBe(3);
    await sql`delete from knowledge_items where ${dakarItem(99)}`.execute(db);
    await sql`update knowledge_items set status = 'published' where ${dakarItem(0)}`.execute(db);
    await sql`update knowledge_items set countries = '{NE,MA}' where ${dakarItem(2)}`.execute(db);
    expect(await ma(clients.anonymous)).toEqual({ code: 'MA', items: 4, documents: 2 });
    // Unpublishing the document removes it from every figure, though its per-document counts stay.
    await sql`update knowledge_documents set status = 'draft' where id = ${ids.dakar}`.execute(db);
    expect(await ma(clients.anonymous)).toEqual({ code: 'MA', items: 2, documents: 1 });
    expect((await countries(clients.anonymous)).countries.find((row) => row.code === 'SN')).toEqual({
      code: 'SN',
      items: 2,
      documents: 1,
    });
    await sql`update knowledge_documents set status = 'published' where id = ${ids.dakar}`.execute(db);
    expect(sortedCounts((await countries(clients.anonymous)).countries)).toEqual(
      counts({ MA: [4, 2], SN: [3, 2], ES: [1, 1], NE: [1, 1] }),
    );
  });
});

describe('break-it', () => {
  it('refuses malformed and unknown codes with a 400 problem', async () => {
    const codes = [
      'xx',
      'ma',
      'ZZ',
      'ZZZ',
      'M',
      '<script>',
      "' or 1=1",
      "MA' or 1=1 --",
      'MA;drop',
      '%00',
      'M%C3%81',
      'A'.repeat(100),
    ];
    for (const code of codes) {
      const response = await clients.anonymous.get(`/api/v1/knowledge/countries/${encodeURIComponent(code)}`);
      // ZZ has the shape of a code (the schema lets it through) but no country has it.
      expectProblem(response, 400, code === 'ZZ' ? 'unknown-country' : 'validation');
    }
  });

  it('refuses query parameters it does not know', async () => {
    expectProblem(await clients.anonymous.get('/api/v1/knowledge/countries?handling=TLP:RED'), 400, 'validation');
    expectProblem(await clients.focalMa.get('/api/v1/knowledge/countries/MA?viewer=all'), 400, 'validation');
  });

  it('treats a bad or expired credential as a bad credential, not as the public', async () => {
    const response = await clients.anonymous.get('/api/v1/knowledge/countries', { authorization: 'Bearer lia_not-a-token' });
    expect(response.statusCode).toBe(401);
  });
});
