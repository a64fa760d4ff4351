import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/platform/db/database.js';
import { DAKAR_TEXT, ingestRestrictedCopies, libraryIngester, RESTRICTED_YEARS } from '../support/library.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

const FIELDS = ['type', 'country', 'theme', 'process', 'year', 'organisation', 'reference'] as const;
type Field = (typeof FIELDS)[number];
type Facets = Record<Field, { value: string; count: number }[]>;
interface Item {
  id: string;
  type: string;
  text: string;
  snippet: string;
  countries: string[];
  themes: string[];
  organisations: string[];
  references: { id: string }[];
  matchedThrough: 'query' | 'translation';
  document: { id: string; process: string; dates: string[] };
}
interface SearchAnswer {
  items: Item[];
  total: number;
  match: string;
  facets: Facets;
}

let t: TestApp;
let db: Db;
let anonymous: Client;
let dakarId: string;
/** Restricted copies of the Dakar document, each with one extra item saying "zorblax". */
const restricted = { red: '', amber: '', green: '' };
const YEARS = RESTRICTED_YEARS;

const search = async (client: Client, query: string): Promise<SearchAnswer> => {
  const response = await client.get(`/api/v1/knowledge/items?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const countOf = (facets: Facets, field: Field, value: string) => facets[field].find((f) => f.value === value)?.count ?? 0;

beforeAll(async () => {
  t = await startTestApp();
  db = t.database.db;
  anonymous = t.anonymous();
  dakarId = await libraryIngester(db)('dakar.txt', DAKAR_TEXT(), 'TLP:CLEAR');
  Object.assign(restricted, await ingestRestrictedCopies(db));
  // A hostile item text in the public document.
  await sql`update knowledge_items set text = text || ' <script>alert("x")</script> quokkaword & co'
    where document_id = ${dakarId} and position = 0`.execute(db);
});
afterAll(() => t.close());

describe('full-text search', () => {
  it('stems English: "smugglers" finds items saying "smuggling", with <mark> snippets', async () => {
    const answer = await search(anonymous, 'q=smugglers&limit=100');
    expect(answer.match).toBe('fulltext');
    expect(answer.items.some((item) => /smuggling/i.test(item.text) && !/smuggler/i.test(item.text))).toBe(true);
    const smuggled = await search(anonymous, 'q=smuggled&limit=100');
    expect(smuggled.items.some((item) => /smuggling/i.test(item.text))).toBe(true);
    // Items found through the query's French translation ("passeurs") mark the French words.
    for (const item of answer.items) {
      expect(item.snippet).toMatch(item.matchedThrough === 'query' ? /<mark>[^<]*smuggl[^<]*<\/mark>/i : /<mark>[^<]*passeur/i);
    }
  });

  it('stems French and ignores accents', async () => {
    const accented = await search(anonymous, `q=${encodeURIComponent('vulnérabilités')}&limit=100`);
    const plain = await search(anonymous, 'q=vulnerabilite&limit=100');
    expect(accented.match).toBe('fulltext');
    expect(accented.total).toBeGreaterThan(0);
    expect(plain.total).toBe(accented.total);
    expect(accented.items.map((i) => i.id).sort()).toEqual(plain.items.map((i) => i.id).sort());
    expect(accented.items.some((item) => item.document.id === dakarId)).toBe(true);
    const items = await search(anonymous, `q=${encodeURIComponent('débarqués')}&limit=100`);
    expect(items.items.some((item) => /débarquement/.test(item.text))).toBe(true);
    expect(items.items.find((item) => item.document.id === dakarId)?.snippet).toMatch(/<mark>débarquement<\/mark>/);
  });

  it('corrects a typo to the word the library holds, and finds what the word finds', async () => {
    const answer = await search(anonymous, 'q=smugling');
    expect(answer.match).toBe('fuzzy');
    expect(answer.total).toBeGreaterThan(0);
    const intended = await search(anonymous, 'q=smuggling');
    expect(answer.items.map((item) => item.id)).toEqual(intended.items.map((item) => item.id));
    expect(answer.items.some((item) => /smuggl/i.test(item.text))).toBe(true);
    expect(answer.facets.type.reduce((sum, f) => sum + f.count, 0)).toBe(answer.total);
  });

  it('corrects a misspelt word to an indexed word, even among correct ones', async () => {
    const answer = await search(anonymous, `q=${encodeURIComponent('migrant smugling')}&limit=100`);
    expect(answer.match).toBe('fuzzy');
    expect(answer.total).toBeGreaterThan(0);
    // What the query spelt right finds, its translations included.
    const intended = await search(anonymous, `q=${encodeURIComponent('migrant smuggling')}&limit=100`);
    expect(answer.items.map((item) => item.id)).toEqual(intended.items.map((item) => item.id));
    expect(answer.items.some((item) => /smuggl/i.test(item.text) && /migrant/i.test(item.text))).toBe(true);
  });

  it('falls back to as many of the words as an item holds, best coverage first', async () => {
    // No item holds all four words; some hold three of them.
    const answer = await search(anonymous, 'q=smuggling%20trafficking%20victims%20zzqqxxword&limit=100');
    expect(answer.match).toBe('partial');
    expect(answer.total).toBeGreaterThan(0);
    const words = [/smuggl/i, /traffick/i, /victim/i];
    for (const item of answer.items) expect(words.filter((word) => word.test(item.text)).length).toBe(3);
    const nothing = await search(anonymous, 'q=zzqqxxword%20yyvvwwword');
    expect(nothing.total).toBe(0);
    expect(nothing.items).toEqual([]);
  });

  it('ranks items holding more of the words first', async () => {
    const answer = await search(anonymous, 'q=borders%20or%20victims&limit=100');
    const both = (item: Item) => /\bborders?\b/i.test(item.text) && /\bvictims?\b/i.test(item.text);
    const firstOnlyOne = answer.items.findIndex((item) => !both(item));
    expect(firstOnlyOne).toBeGreaterThan(0);
    expect(answer.items.slice(firstOnlyOne).some(both)).toBe(false);
  });

  it('escapes HTML in snippets except the marks', async () => {
    const answer = await search(anonymous, 'q=quokkaword');
    expect(answer.total).toBe(1);
    const [item] = answer.items;
    expect(item.text).toContain('<script>');
    expect(item.snippet).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(item.snippet).toContain('<mark>quokkaword</mark> &amp; co');
    expect(item.snippet.replaceAll('<mark>', '').replaceAll('</mark>', '')).not.toMatch(/[<>]/);
  });

  it('answers 200 to SQL and tsquery metacharacters', async () => {
    for (const q of ["'", '%', '\\', '&|!:*()', "' or 1=1 --", 'smuggling & | !', ':*', '"unbalanced', '-', '<->']) {
      const response = await anonymous.get(`/api/v1/knowledge/items?q=${encodeURIComponent(q)}`);
      expect(response.statusCode, `${q}: ${response.body}`).toBe(200);
    }
  });

  it('refuses bad paging and unknown parameters', async () => {
    for (const query of ['limit=0', 'limit=101', 'offset=-1', 'sort=random', 'year=abc', 'colour=red', 'type=other']) {
      expect((await anonymous.get(`/api/v1/knowledge/items?${query}`)).statusCode, query).toBe(400);
    }
  });
});

describe('filters, facets, sorting and paging', () => {
  it('counts facets that add up and match each filter', async () => {
    const all = await search(anonymous, 'limit=1');
    expect(all.match).toBe('all');
    expect(all.total).toBe(316 + 27);
    for (const field of ['type', 'process', 'year'] as const) {
      expect(
        all.facets[field].reduce((sum, f) => sum + f.count, 0),
        field,
      ).toBe(all.total);
    }
    for (const field of FIELDS) {
      expect(all.facets[field].length, field).toBeGreaterThan(0);
      const [first, second] = all.facets[field];
      const filtered = await search(anonymous, `${field}=${encodeURIComponent(first.value)}&limit=100`);
      expect(filtered.total, field).toBe(first.count);
      // A field's own filter does not narrow its facet; the other facets follow the filter.
      expect(filtered.facets[field]).toEqual(all.facets[field]);
      const other = field === 'type' ? 'process' : 'type';
      expect(filtered.facets[other].reduce((sum, f) => sum + f.count, 0)).toBe(filtered.total);
      if (second) {
        const either = await search(
          anonymous,
          `${field}=${encodeURIComponent(first.value)}&${field}=${encodeURIComponent(second.value)}`,
        );
        expect(either.total).toBeGreaterThanOrEqual(first.count);
        expect(either.total).toBeLessThanOrEqual(first.count + second.count);
      }
    }
    const recommendations = await search(anonymous, 'type=recommendation&limit=100');
    expect(recommendations.items.every((item) => item.type === 'recommendation')).toBe(true);
    const country = all.facets.country[0].value;
    const both = await search(anonymous, `type=recommendation&country=${country}&limit=100`);
    expect(both.total).toBe(countOf(recommendations.facets, 'country', country));
    expect(both.items.every((item) => item.type === 'recommendation' && item.countries.includes(country))).toBe(true);
    const reference = all.facets.reference[0].value;
    const cited = await search(anonymous, `reference=${encodeURIComponent(reference)}&limit=100`);
    expect(cited.items.every((item) => item.references.some((r) => r.id === reference))).toBe(true);
    const year = await search(anonymous, 'year=2024&process=rabat&limit=100');
    expect(year.items.every((item) => item.document.dates[0].startsWith('2024') && item.document.process === 'rabat')).toBe(true);
  });

  it('sorts by date (newest first) or relevance, and pages with a stable total', async () => {
    const byDate = await search(anonymous, 'sort=date&limit=100');
    const firstDays = byDate.items.map((item) => item.document.dates[0]);
    expect([...firstDays].sort().reverse()).toEqual(firstDays);
    const relevance = await search(anonymous, 'q=smuggling&limit=100');
    const newest = await search(anonymous, 'q=smuggling&sort=date&limit=100');
    expect(newest.total).toBe(relevance.total);
    expect(newest.items.map((i) => i.id).sort()).toEqual(relevance.items.map((i) => i.id).sort());
    const whole = await search(anonymous, 'limit=10');
    const first = await search(anonymous, 'limit=5');
    const second = await search(anonymous, 'limit=5&offset=5');
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(whole.items.map((i) => i.id));
    expect(second.total).toBe(whole.total);
    const beyond = await search(anonymous, 'offset=100000');
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(whole.total);
  });
});

describe('freshness', () => {
  it('reflects a change to an item at once: text, tags and withdrawal', async () => {
    const before = await search(anonymous, 'q=quokkaword');
    expect(before.total).toBe(1);
    const [item] = before.items;
    await sql`update knowledge_items set countries = array['PW'], text = text || ' wombatword' where id = ${item.id}`.execute(db);
    const tagged = await search(anonymous, 'country=PW');
    expect(tagged.items.map((i) => i.id)).toEqual([item.id]);
    expect(tagged.facets.country).toContainEqual({ value: 'PW', count: 1 });
    expect((await search(anonymous, 'q=wombatword')).total).toBe(1);
    await sql`update knowledge_items set status = 'withdrawn' where id = ${item.id}`.execute(db);
    expect((await search(anonymous, 'country=PW')).total).toBe(0);
    expect((await search(anonymous, 'q=wombatword')).total).toBe(0);
    await sql`update knowledge_items set status = 'published' where id = ${item.id}`.execute(db);
    expect((await search(anonymous, 'country=PW')).total).toBe(1);
    await sql`update knowledge_items set countries = ${item.countries}::text[] where id = ${item.id}`.execute(db);
    expect((await search(anonymous, 'country=PW')).total).toBe(0);
  });

  it('follows a document whose date changes or that stops being public', async () => {
    const year = (await search(anonymous, 'year=2024&limit=1')).total;
    const before2019 = (await search(anonymous, 'year=2019&limit=1')).total;
    expect(year).toBeGreaterThan(0);
    await sql`update knowledge_documents set dates = array['2019-05-05'::date] where id = ${dakarId}`.execute(db);
    expect((await search(anonymous, 'year=2024')).total).toBe(0);
    expect((await search(anonymous, 'year=2019')).total).toBe(before2019 + year);
    await sql`update knowledge_documents set handling_code = 'TLP:GREEN' where id = ${dakarId}`.execute(db);
    const hidden = await search(anonymous, 'limit=1');
    expect(countOf(hidden.facets, 'year', '2019')).toBe(before2019);
    await sql`update knowledge_documents set dates = array['2024-03-12'::date, '2024-03-13'::date], handling_code = 'TLP:CLEAR'
      where id = ${dakarId}`.execute(db);
    expect((await search(anonymous, 'year=2024')).total).toBe(year);
  });
});

describe('documents', () => {
  it('lists documents and shows one with its text and items', async () => {
    const list = (await anonymous.get('/api/v1/knowledge/documents?limit=200')).json();
    expect(list.total).toBe(6);
    const dakar = list.documents.find((d: { id: string }) => d.id === dakarId);
    expect(dakar).toMatchObject({ process: 'rabat', city: 'Dakar', country: 'SN', language: 'fr', itemCount: 27 });
    expect(dakar.dates).toEqual(['2024-03-12', '2024-03-13']);
    const page = await anonymous.get(`/api/v1/knowledge/documents/${dakarId}`);
    expect(page.statusCode).toBe(200);
    const document = page.json();
    expect(document.body).toContain('Processus de Rabat');
    expect(document.items).toHaveLength(27);
    expect(document.items[0]).toMatchObject({ position: 0, type: expect.any(String), line: expect.any(Number) });
    expect((await anonymous.get('/api/v1/knowledge/documents/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await anonymous.get('/api/v1/knowledge/documents/nope')).statusCode).toBe(400);
  });
});

/** Who sees which restricted document (docs/ARCHITECTURE.md, sharing rules). */
const VISIBILITY: [string, string | null, (keyof typeof restricted)[]][] = [
  ['anonymous', null, []],
  ['member of the named unit', 'focal.ma@liaison.demo', ['red', 'amber']],
  ['same organisation, other unit', 'analyst.ma@liaison.demo', ['amber']],
  ['organisation in the sharing group', 'focal.es@liaison.demo', ['green']],
  ['organisation outside', 'focal.sn@liaison.demo', []],
];

describe('visibility on every read path', () => {
  it.each(VISIBILITY)('%s', async (_name, email, visible) => {
    const client = email ? await t.signIn(email) : anonymous;
    const levels = ['red', 'amber', 'green'] as const;
    const expectedIds = visible.map((level) => restricted[level]).sort();
    const restrictedIds = new Set(Object.values(restricted));

    const list = (await client.get('/api/v1/knowledge/documents?limit=200')).json();
    expect(
      list.documents
        .filter((d: { id: string }) => restrictedIds.has(d.id))
        .map((d: { id: string }) => d.id)
        .sort(),
    ).toEqual(expectedIds);
    expect(list.total).toBe(6 + visible.length);

    const marked = await search(client, 'q=zorblax&limit=100');
    expect(marked.items.map((item) => item.document.id).sort()).toEqual(expectedIds);
    expect(marked.total).toBe(visible.length);
    expect(marked.facets.type.reduce((sum, f) => sum + f.count, 0)).toBe(visible.length);
    expect(marked.facets.year.map((f) => f.value).sort()).toEqual(visible.map((level) => String(YEARS[level])).sort());

    // Every facet of the whole library differs from the public one by exactly the visible documents.
    const everything = await search(client, 'limit=1');
    const publicView = await search(anonymous, 'limit=1');
    expect(everything.total).toBe(publicView.total + 28 * visible.length);
    for (const field of FIELDS) {
      const expected = new Map(publicView.facets[field].map((f) => [f.value, f.count]));
      for (const level of visible) {
        for (const [value, count] of await facetOfDocument(restricted[level], field)) {
          expected.set(value, (expected.get(value) ?? 0) + count);
        }
      }
      const actual = new Map(everything.facets[field].map((f) => [f.value, f.count]));
      expect(actual, field).toEqual(expected);
    }

    for (const level of levels) {
      const response = await client.get(`/api/v1/knowledge/documents/${restricted[level]}`);
      expect(response.statusCode, `${level}: ${response.body}`).toBe(visible.includes(level) ? 200 : 404);
      if (!visible.includes(level)) expect(response.json().type).toBe('urn:liaison:problem:not-found');
      else expect(response.json().items).toHaveLength(28);
    }
  });

  it('audits reads of documents above TLP:GREEN', async () => {
    const client = await t.signIn('focal.ma@liaison.demo');
    const audited = async (id: string) =>
      (
        await sql<{ n: number }>`select count(*)::int as n from audit_log
          where action = 'knowledge_document.read' and target_id = ${id}`.execute(db)
      ).rows[0].n;
    const before = { red: await audited(restricted.red), amber: await audited(restricted.amber), clear: await audited(dakarId) };
    await client.get(`/api/v1/knowledge/documents/${restricted.red}`);
    await client.get(`/api/v1/knowledge/documents/${restricted.amber}`);
    await client.get(`/api/v1/knowledge/documents/${dakarId}`);
    expect(await audited(restricted.red)).toBe(before.red + 1);
    expect(await audited(restricted.amber)).toBe(before.amber + 1);
    expect(await audited(dakarId)).toBe(before.clear);
  });
});

/** The oracle: item counts per facet value of one document, straight from the tables. */
async function facetOfDocument(documentId: string, field: Field): Promise<Map<string, number>> {
  const value = {
    type: sql`i.type`,
    process: sql`d.process`,
    year: sql`extract(year from d.dates[1])::int::text`,
    country: sql`v`,
    theme: sql`v`,
    organisation: sql`v`,
    reference: sql`v ->> 'id'`,
  }[field];
  const spread = {
    country: sql`cross join unnest(i.countries) v`,
    theme: sql`cross join unnest(i.themes) v`,
    organisation: sql`cross join unnest(i.organisations) v`,
    reference: sql`cross join jsonb_array_elements(i."references") v`,
  }[field as string];
  const rows = await sql<{ value: string; count: number }>`select ${value} as value, count(distinct i.id)::int as count
    from knowledge_items i join knowledge_documents d on d.id = i.document_id ${spread ?? sql``}
    where d.id = ${documentId} and i.status = 'published' group by 1`.execute(db);
  return new Map(rows.rows.map((row) => [row.value, row.count]));
}
