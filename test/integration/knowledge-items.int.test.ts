import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/platform/db/database.js';
import { expectProblem, problemShape } from '../support/fixtures.js';
import { DAKAR_TEXT, ingestRestrictedCopies, libraryIngester, RESTRICTED_YEARS } from '../support/library.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

/** A recommendation of the Dakar meeting, copied unchanged into every restricted copy. */
const TRAINING = 'Renforcer la formation conjointe des garde-frontières';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface SimilarItem {
  id: string;
  type: string;
  text: string;
  document: { id: string; title: string; dates: string[] };
}
interface ItemPage {
  id: string;
  type: string;
  text: string;
  page: number | null;
  line: number | null;
  ordinal: number;
  themes: string[];
  countries: string[];
  references: { id: string }[];
  document: {
    id: string;
    title: string;
    process: string;
    meetingKind: string | null;
    city: string | null;
    country: string | null;
    dates: string[];
    coChairs: string[];
    handlingCode: string;
  };
  citation: string;
  similar: SimilarItem[];
}
interface DocumentItem {
  id: string;
  position: number;
  type: string;
  text: string;
}

let t: TestApp;
let db: Db;
let anonymous: Client;
let dakarId: string;
let dakarVersionId: string;
let draftId: string;
/** Restricted copies of the Dakar document, each with one extra item saying "zorblax". */
const restricted = { red: '', amber: '', green: '' };
const _YEARS = RESTRICTED_YEARS;

const one = async <T>(query: RawBuilder<T>) => (await query.execute(db)).rows[0];
/** Published items of a document in order, straight from the table (whoever may see them). */
const documentItems = async (id: string): Promise<DocumentItem[]> =>
  (
    await sql<DocumentItem>`select id, position, type, text from knowledge_items
      where document_id = ${id} and status = 'published' order by position`.execute(db)
  ).rows;
const itemOf = async (documentId: string, text: string) => {
  const found = (await documentItems(documentId)).find((item) => item.text.includes(text));
  if (!found) throw new Error(`no item "${text}" in ${documentId}`);
  return found;
};
const page = async (client: Client, id: string, query = ''): Promise<ItemPage> => {
  const response = await client.get(`/api/v1/knowledge/items/${id}${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

beforeAll(async () => {
  t = await startTestApp();
  db = t.database.db;
  anonymous = t.anonymous();
  const text = DAKAR_TEXT();
  const ingest = libraryIngester(db);
  dakarId = await ingest('dakar.txt', text, 'TLP:CLEAR');
  // The same meeting again with one more line: a second version of the same document.
  dakarVersionId = await ingest('dakar-v2.txt', `${text}\nNote de version.\n`, 'TLP:CLEAR');
  draftId = await ingest('draft.txt', text.replaceAll('2024', '2039'), 'TLP:CLEAR', false);
  Object.assign(restricted, await ingestRestrictedCopies(db));
});
afterAll(() => t.close());

describe('item page', () => {
  it('shows a public item to anyone, with tags, place in the document and its citation', async () => {
    const training = await itemOf(dakarId, TRAINING);
    const recommendations = (await documentItems(dakarId)).filter((item) => item.type === 'recommendation');
    const ordinal = recommendations.findIndex((item) => item.id === training.id) + 1;
    expect(ordinal).toBeGreaterThan(0);

    const item = await page(anonymous, training.id);
    expect(item).toMatchObject({ id: training.id, type: 'recommendation', ordinal, page: null, line: expect.any(Number) });
    expect(item.text).toContain(TRAINING);
    expect(item.themes).toContain('capacity_building');
    expect(item.references.map((reference) => reference.id)).toContain('GCM:10');
    expect(item.document).toMatchObject({
      id: dakarId,
      process: 'rabat',
      meetingKind: 'réunion thématique',
      city: 'Dakar',
      country: 'SN',
      dates: ['2024-03-12', '2024-03-13'],
      coChairs: ['ES', 'SN'],
      handlingCode: 'TLP:CLEAR',
    });
    const title = item.document.title;
    expect(title).toMatch(/^Réunion thématique: Protection des migrants/);
    // The title already names the meeting kind, so the citation does not repeat it.
    expect(item.citation).toMatch(
      new RegExp(`^Rabat Process, ${title}, Dakar, Senegal, 12\\s*–\\s*13 March 2024, recommendation ${ordinal}$`),
    );
    expect((await page(anonymous, training.id, '?lang=fr')).citation).toMatch(
      new RegExp(`^Processus de Rabat, ${title}, Dakar, Sénégal, 12\\s*–\\s*13 mars 2024, recommandation ${ordinal}$`),
    );
    const arabic = (await page(anonymous, training.id, '?lang=ar')).citation;
    expect(arabic.startsWith('مسار الرباط، ')).toBe(true);
    expect(arabic).toContain('السنغال');
    expect(arabic.endsWith(`توصية ${ordinal}`)).toBe(true);
  });

  it("cites the document's own paragraph numbers, a lettered sub-point under its paragraph", async () => {
    const report = [
      '# Thematic meeting on cross-border cooperation in Zorbania',
      'Dakar, Senegal',
      '4-5 May 2031',
      '## Recommendations to partners',
      '11. The participants recommended that partners:',
      '(a) set up joint patrols along the Zorbanian border with Mali;',
      '(b) share risk analyses with Frontex every month.',
      '12. Partners should fund interpreters for the Zorbanian border posts.',
    ].join('\n\n');
    const id = await libraryIngester(db)('zorbania.md', report, 'TLP:CLEAR');
    const items = (await anonymous.get(`/api/v1/knowledge/documents/${id}`)).json().items as {
      id: string;
      text: string;
      number: string | null;
    }[];
    expect(items.map((item) => [item.number, item.text.slice(0, 16)])).toEqual([
      ['11(a)', 'set up joint pat'],
      ['11(b)', 'share risk analy'],
      ['12', 'Partners should '],
    ]);
    const sub = await anonymous.get(`/api/v1/knowledge/items/${items[1].id}`);
    expect(sub.json()).toMatchObject({ number: '11(b)', type: 'recommendation' });
  });

  it('cites the page when the document has pages, and counts each type on its own', async () => {
    const items = await documentItems(dakarVersionId);
    // The second recommendation, after many items of other types.
    const second = items.filter((item) => item.type === 'recommendation')[1];
    expect(items.indexOf(second)).toBeGreaterThan(2);
    await sql`update knowledge_items set page = 3 where id = ${second.id}`.execute(db);
    const item = await page(anonymous, second.id);
    expect(item.page).toBe(3);
    expect(item.ordinal).toBe(2);
    expect(item.citation).toMatch(/, recommendation 2, p\. 3$/);
    expect((await page(anonymous, second.id, '?lang=ar')).citation).toMatch(/، توصية 2، ص\. 3$/);
  });

  it('answers 404 alike for unknown ids, drafts and items of documents the viewer may not see, 400 for malformed ones', async () => {
    const unknown = await anonymous.get(`/api/v1/knowledge/items/${UNKNOWN_ID}`);
    expectProblem(unknown, 404, 'not-found');
    const [published] = await documentItems(dakarId);
    const [draftItem] = (
      await sql<{ id: string }>`select id from knowledge_items where document_id = ${draftId} order by position limit 1`.execute(
        db,
      )
    ).rows;
    const focal = await t.signIn('focal.sec@liaison.demo');
    expect(problemShape(await focal.get(`/api/v1/knowledge/items/${draftItem.id}`))).toEqual(problemShape(unknown));
    expect((await anonymous.get(`/api/v1/knowledge/items/${published.id}`)).statusCode).toBe(200);
    expectProblem(await anonymous.get('/api/v1/knowledge/items/not-a-uuid'), 400, 'validation');
    expectProblem(await anonymous.get(`/api/v1/knowledge/items/${published.id}?lang=de`), 400, 'validation');
    expectProblem(await anonymous.get(`/api/v1/knowledge/items/${published.id}?colour=red`), 400, 'validation');
  });
});

/** Who sees which restricted document (docs/ARCHITECTURE.md, sharing rules). */
const VISIBILITY: [string, string | null, (keyof typeof restricted)[]][] = [
  ['anonymous', null, []],
  ['member of the named unit', 'focal.ma@liaison.demo', ['red', 'amber']],
  ['same organisation, other unit', 'analyst.ma@liaison.demo', ['amber']],
  ['organisation in the sharing group', 'focal.es@liaison.demo', ['green']],
  ['organisation outside', 'focal.sn@liaison.demo', []],
  ['originating organisation (no named unit)', 'reader.sec@liaison.demo', ['amber', 'green']],
];

describe('visibility of items and of similar items', () => {
  it.each(VISIBILITY)('%s', async (_name, email, visible) => {
    const client = email ? await t.signIn(email) : anonymous;
    const unknown = problemShape(await client.get(`/api/v1/knowledge/items/${UNKNOWN_ID}`));
    for (const level of ['red', 'amber', 'green'] as const) {
      const marked = (
        await sql<{ id: string }>`select id from knowledge_items where document_id = ${restricted[level]}
          and text like '%zorblax%'`.execute(db)
      ).rows[0].id;
      const response = await client.get(`/api/v1/knowledge/items/${marked}`);
      if (visible.includes(level)) expect(response.json().text).toContain(`zorblax ${level}`);
      else expect(problemShape(response), level).toEqual(unknown);
    }

    // The Dakar recommendation has a word-for-word twin in each restricted copy and in the second
    // version: the viewer's twins rank first; the item's own document and its versions never show.
    const training = await itemOf(dakarId, TRAINING);
    const similar = (await page(client, training.id)).similar;
    expect(similar.length).toBeGreaterThan(0);
    expect(similar.length).toBeLessThanOrEqual(5);
    const documents = similar.map((entry) => entry.document.id);
    expect(documents).not.toContain(dakarId);
    expect(documents).not.toContain(dakarVersionId);
    expect(documents).not.toContain(draftId);
    const twins = Object.values(restricted).filter((id) => documents.includes(id));
    expect(twins.sort()).toEqual(visible.map((level) => restricted[level]).sort());
    expect(documents.slice(0, visible.length).sort()).toEqual(twins.sort());
    for (const entry of similar) {
      expect(entry.document.title).toEqual(expect.any(String));
      expect((await client.get(`/api/v1/knowledge/items/${entry.id}`)).statusCode, entry.id).toBe(200);
    }
  });
});

describe('audit', () => {
  const reads = async (id: string) =>
    (
      await one(sql<{ n: number }>`select count(*)::int as n from audit_log
        where action = 'knowledge_item.read' and target_id = ${id}`)
    ).n;

  it('writes reads of items above TLP:GREEN, including those shown as similar, and no others', async () => {
    const focal = await t.signIn('focal.ma@liaison.demo');
    const amberTwin = await itemOf(restricted.amber, TRAINING);
    const redTwin = await itemOf(restricted.red, TRAINING);
    const greenTwin = await itemOf(restricted.green, TRAINING);
    const training = await itemOf(dakarId, TRAINING);
    const before = { amber: await reads(amberTwin.id), red: await reads(redTwin.id), clear: await reads(training.id) };

    const amberPage = await page(focal, amberTwin.id);
    expect(await reads(amberTwin.id)).toBe(before.amber + 1);
    const row = await one(sql<{ details: Record<string, unknown>; actor_user_id: string | null }>`select details, actor_user_id
      from audit_log where action = 'knowledge_item.read' and target_id = ${amberTwin.id} order by id desc limit 1`);
    expect(row.details).toMatchObject({ documentId: restricted.amber, handlingCode: 'TLP:AMBER' });
    expect(row.actor_user_id).not.toBeNull();
    // Its twin in the RED copy is shown as similar: that is a read too.
    expect(amberPage.similar.map((entry) => entry.id)).toContain(redTwin.id);
    expect(await reads(redTwin.id)).toBe(before.red + 1);

    await page(focal, training.id);
    expect(await reads(training.id)).toBe(before.clear);
    expect(await reads(greenTwin.id)).toBe(0);
  });
});

describe('break-it', () => {
  it('builds the similarity query safely from text full of SQL and tsquery metacharacters', async () => {
    const [target] = (await documentItems(dakarVersionId)).filter((item) => item.type === 'recommendation');
    const hostile = `O'Brien\\ ''; drop table knowledge_items; -- & | ! :* <-> (quokka) "frontières" <script>alert(1)</script>`;
    await sql`update knowledge_items set text = ${hostile} where id = ${target.id}`.execute(db);
    const item = await page(anonymous, target.id);
    expect(item.text).toBe(hostile);
    expect(item.similar.every((entry) => entry.document.id !== dakarVersionId)).toBe(true);
    expect((await one(sql<{ n: number }>`select count(*)::int as n from knowledge_items`)).n).toBeGreaterThan(0);
  });
});
