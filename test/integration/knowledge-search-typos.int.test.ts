import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/platform/db/database.js';
import { DAKAR_TEXT, libraryIngester } from '../support/library.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

interface Answer {
  items: { id: string; text: string; document: { id: string } }[];
  total: number;
  match: string;
  correction?: { query: string; from: string };
}

let t: TestApp;
let db: Db;
let anonymous: Client;
/**
 * A document only Morocco's anti-smuggling unit may see, holding twice a word no other item holds,
 * and a public one holding once a word as near to the same misspelling ("quetzalcoatlas"), which
 * would come second if hidden items counted: more items, and first in alphabetical order.
 */
let redId = '';
let publicId = '';
const SECRET = 'quetzalcoatlus';
const PUBLIC = 'quetzalcoatlys';

const search = async (client: Client, q: string, extra = ''): Promise<Answer> => {
  const response = await client.get(`/api/v1/knowledge/items?q=${encodeURIComponent(q)}&limit=100${extra}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

beforeAll(async () => {
  t = await startTestApp();
  db = t.database.db;
  anonymous = t.anonymous();
  const ingest = libraryIngester(db);
  await ingest('dakar.txt', DAKAR_TEXT(), 'TLP:CLEAR');
  redId = await ingest(
    'red.txt',
    `Compte rendu restreint\n\n1. Renforcer le dispositif ${SECRET} entre les partenaires.\n2. Étendre le dispositif ${SECRET} aux ports entre les partenaires.\n`,
    'TLP:GREEN',
  );
  publicId = await ingest(
    'public.txt',
    `Compte rendu public\n\n1. Renforcer le programme ${PUBLIC} entre les partenaires.\n`,
    'TLP:CLEAR',
  );
  const unit = await sql<{ org: string; unit: string }>`select o.id as org, u.id as unit from organisations o
    join units u on u.organisation_id = o.id where o.acronym = 'DMSF' and u.name = 'National anti-smuggling unit'`.execute(db);
  const { org, unit: unitId } = unit.rows[0];
  await sql`update knowledge_documents set handling_code = 'TLP:RED', recipient_units = ${[unitId]}::uuid[],
    recipient_organisations = ${[org]}::uuid[], to_all_partners = false where id = ${redId}`.execute(db);
});
afterAll(() => t.close());

describe('spelling correction of library searches', () => {
  it('"trafficing" finds the items about trafficking and says it searched "trafficking"', async () => {
    const answer = await search(anonymous, 'trafficing');
    expect(answer.correction).toEqual({ query: 'trafficking', from: 'trafficing' });
    expect(answer.match).toBe('fuzzy');
    expect(answer.total).toBeGreaterThan(0);
    expect(answer.items.filter((item) => /traffick/i.test(item.text)).length).toBeGreaterThan(answer.items.length / 2);
    const intended = await search(anonymous, 'trafficking');
    expect(intended.correction).toBeUndefined();
    expect(answer.total).toBe(intended.total);
  });

  it.each([
    ['smugling', 'smuggling'],
    ['recomendation', 'recommendation'],
    ['documment', 'document'],
    ['returm', 'return'],
    ['Smugling networks', 'Smuggling networks'],
  ])('corrects "%s" to "%s"', async (typed, corrected) => {
    const answer = await search(anonymous, typed);
    expect(answer.correction).toEqual({ query: corrected, from: typed });
    expect(answer.total).toBeGreaterThan(0);
  });

  it('corrects French: "passeurss" to "passeurs", and finds the Dakar items saying it', async () => {
    const answer = await search(anonymous, 'passeurss');
    expect(answer.correction).toEqual({ query: 'passeurs', from: 'passeurss' });
    expect(answer.items.some((item) => /passeurs/.test(item.text))).toBe(true);
  });

  it.each(['trafficking', 'smuggling networks', 'migrantes', 'securite', 'frontières', 'TLP', 'MA'])(
    'leaves a query the library knows as it is: "%s"',
    async (q) => {
      const answer = await search(anonymous, q);
      expect(answer.correction).toBeUndefined();
    },
  );

  it('leaves quoted phrases and capitalised codes alone', async () => {
    expect((await search(anonymous, '"smugling networks"')).correction).toBeUndefined();
    expect((await search(anonymous, 'UNHCRR')).correction).toBeUndefined();
  });

  it('searches the words as typed with exact=true; exact=false corrects as by default', async () => {
    const answer = await search(anonymous, 'trafficing', '&exact=true');
    expect(answer.correction).toBeUndefined();
    expect(answer.match).not.toBe('fuzzy');
    const one = await search(anonymous, 'smugling', '&exact=true');
    expect(one.correction).toBeUndefined();
    expect(one.total).toBe(0);
    expect((await search(anonymous, 'smugling', '&exact=false')).correction?.query).toBe('smuggling');
  });

  it('never offers a word only a document hidden from the reader holds, nor treats it as known', async () => {
    const typo = 'quetzalcoatlas';
    const outsiders: [string, Client][] = [
      ['anonymous', anonymous],
      ['another organisation', await t.signIn('focal.sn@liaison.demo')],
      ['same organisation, another unit', await t.signIn('analyst.ma@liaison.demo')],
    ];
    for (const [who, client] of outsiders) {
      const answer = await search(client, typo);
      expect(answer.correction, who).toEqual({ query: PUBLIC, from: typo });
      expect(
        answer.items.map((item) => item.document.id),
        who,
      ).toEqual([publicId]);
      // The hidden word itself is answered as a word the library does not hold: corrected to the visible one.
      const secret = await search(client, SECRET);
      expect(secret.correction, who).toEqual({ query: PUBLIC, from: SECRET });
      expect(
        secret.items.map((item) => item.document.id),
        who,
      ).toEqual([publicId]);
    }
    const recipient = await t.signIn('focal.ma@liaison.demo');
    const answer = await search(recipient, typo);
    expect(answer.correction).toEqual({ query: SECRET, from: typo });
    expect(answer.items.map((item) => item.document.id)).toEqual([redId, redId]);
    expect((await search(recipient, SECRET)).correction).toBeUndefined();
  });

  it('answers 200 to SQL and tsquery metacharacters and to script, with the correction as plain text', async () => {
    for (const q of [
      "smugling' or 1=1 --",
      'returm & | ! :*',
      '<script>alert(1)</script> trafficing',
      'documment\\',
      '"returm',
    ]) {
      const answer = await search(anonymous, q);
      if (answer.correction) expect(answer.correction.from).toBe(q);
    }
    // The rest of the query is kept as typed, markup included: the page shows it as text.
    const scripted = await search(anonymous, 'trafficing <>&"\'');
    expect(scripted.correction?.query).toBe('trafficking <>&"\'');
  });
});
