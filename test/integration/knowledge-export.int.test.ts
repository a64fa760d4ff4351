import fs from 'node:fs';
import path from 'node:path';
import { type RawBuilder, sql } from 'kysely';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/server/modules/knowledge/ingestion.js';
import { REFERENCES } from '../../src/server/modules/knowledge/vocabulary/references.js';
import type { Db } from '../../src/server/platform/db/database.js';
import { THEMES } from '../../src/shared/knowledge/vocabulary/themes-data.js';
import { REPO_ROOT } from '../support/cli.js';
import { expectProblem, type Response } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

const DAKAR = path.join(REPO_ROOT, 'test/fixtures/knowledge/2024-03-dakar-rabat-protection-fr.txt');
const COLUMNS = [
  'id',
  'type',
  'text',
  'countries',
  'organisations',
  'themes',
  'references',
  'document_title',
  'process',
  'city',
  'country',
  'date',
  'citation',
  'item_url',
  'handling_code',
  'type_code',
  'country_codes',
  'organisation_codes',
  'theme_codes',
  'reference_codes',
  'process_code',
  'country_code',
];
/** Item texts a spreadsheet would run as formulas, each with a word to find them by. */
const FORMULAS = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1+2', '\r=1+2'];
const SCRIPT = '<script>alert("x")</script> quokkascript';
const AWKWARD = 'Quoted "words", commas; and a\nline break quokkaquote';

interface JsonExport {
  query: Record<string, unknown>;
  total: number;
  exported: number;
  capped: boolean;
  limit: number;
  exportedAt: string;
  items: {
    id: string;
    type: string;
    text: string;
    countries: string[];
    themes: string[];
    citation: string;
    url: string;
    document: { id: string; title: string; handlingCode: string };
  }[];
}

let t: TestApp;
let db: Db;
let anonymous: Client;
let dakarId: string;
let amberId: string;

/** RFC 4180: fields split on commas, quoted fields may hold commas, "" and line breaks; CRLF ends a record. */
function parseCsv(body: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && body[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else if (char === '"' || char === '\n' || char === '\r') throw new Error(`stray ${JSON.stringify(char)} at ${i}`);
    else field += char;
  }
  if (quoted || field !== '' || record.length) throw new Error('the last record does not end with CRLF');
  return records;
}

async function csvRows(
  client: Client,
  query: string,
  headers: Record<string, string> = {},
): Promise<{ response: Response; rows: Record<string, string>[] }> {
  const response = await client.get(`/api/v1/knowledge/export.csv?${query}`, headers);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.body.startsWith('\uFEFF')).toBe(true);
  const [header, ...records] = parseCsv(response.body.slice(1));
  expect(header).toEqual(COLUMNS);
  for (const record of records) expect(record).toHaveLength(COLUMNS.length);
  return { response, rows: records.map((record) => Object.fromEntries(header.map((name, i) => [name, record[i]]))) };
}

async function jsonExport(client: Client, query: string): Promise<JsonExport> {
  const response = await client.get(`/api/v1/knowledge/export.json?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  return response.json();
}

async function pdfText(client: Client, query: string): Promise<{ response: Response; text: string; pages: number }> {
  const response = await client.get(`/api/v1/knowledge/export.pdf?${query}`);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pdf = await getDocumentProxy(new Uint8Array(response.rawPayload));
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  return { response, text: text.replace(/\s+/g, ' '), pages: totalPages };
}

const searchTotal = async (client: Client, query: string) => {
  const response = await client.get(`/api/v1/knowledge/items?${query}&limit=1`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().total as number;
};
const one = async <T>(query: RawBuilder<T>) => (await query.execute(db)).rows[0];
const setText = (documentId: string, position: number, text: string, themes?: string[]) =>
  sql`update knowledge_items set text = ${text}, themes = coalesce(${themes ?? null}::text[], themes)
    where document_id = ${documentId} and position = ${position}`.execute(db);

beforeAll(async () => {
  t = await startTestApp();
  db = t.database.db;
  anonymous = t.anonymous();
  const secretariat = (await one(sql<{ id: string }>`select id from organisations where kind = 'secretariat'`)).id;
  const dmsf = (await one(sql<{ id: string }>`select id from organisations where acronym = 'DMSF'`)).id;
  const text = fs.readFileSync(DAKAR, 'utf8');
  const ingest = async (fileName: string, data: string) =>
    (
      await ingestDocument(db, {
        fileName,
        data: Buffer.from(data),
        originatorOrganisationId: secretariat,
        handlingCode: 'TLP:CLEAR',
        publish: true,
      })
    ).documentId;
  dakarId = await ingest('dakar.txt', text);
  amberId = await ingest(
    'amber.txt',
    text
      .replaceAll('2024', '2032')
      .replace('indicateurs de vulnérabilité.\n', 'indicateurs de vulnérabilité.\n9. Renforcer le dispositif zorblax ambre.\n'),
  );
  await sql`update knowledge_documents set handling_code = 'TLP:AMBER', recipient_organisations = ${[dmsf]}::uuid[],
    to_all_partners = false where id = ${amberId}`.execute(db);
  for (const [index, formula] of FORMULAS.entries()) await setText(dakarId, index, `${formula} quokkaformula`);
  await setText(dakarId, 10, SCRIPT);
  await setText(dakarId, 11, AWKWARD);
  await setText(dakarId, 12, 'Two themes quokkadigest', ['border_management', 'human_rights']);
  await setText(dakarId, 13, 'No theme quokkadigest', []);
});
afterAll(() => t.close());

describe('CSV', () => {
  it('holds what the search finds, in its order, as RFC 4180 in UTF-8 with a BOM, as a download', async () => {
    const query = 'q=smuggling&type=recommendation&sort=date';
    const { response, rows } = await csvRows(anonymous, query);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="liaison-library-\d{4}-\d{2}-\d{2}\.csv"$/);
    const search = (await anonymous.get(`/api/v1/knowledge/items?${query}&limit=100`)).json();
    expect(search.total).toBeGreaterThan(3);
    expect(rows.map((row) => row.id)).toEqual(search.items.map((item: { id: string }) => item.id));
    expect(response.headers['x-liaison-export-total']).toBe(String(search.total));
    expect(response.headers['x-liaison-export-count']).toBe(String(search.total));
    expect(response.headers['x-liaison-export-capped']).toBe('false');
    for (const [index, row] of rows.entries()) {
      const item = search.items[index];
      expect(row).toMatchObject({
        type: 'Recommendation',
        type_code: 'recommendation',
        text: item.text,
        theme_codes: item.themes.join('; '),
        country_codes: item.countries.join('; '),
        document_title: item.document.title,
        process_code: item.document.process,
        date: item.document.dates[0],
        handling_code: 'TLP:CLEAR',
      });
      expect(row.item_url).toMatch(new RegExp(`^http://[^/]+/library/items/${row.id}$`));
      expect(row.citation).toMatch(/^(Rabat|Budapest) Process, .+, recommendation \d+$/);
    }
  });

  it('keeps quotes, commas and line breaks of a text, and writes citations in French on request', async () => {
    const { rows } = await csvRows(anonymous, 'q=quokkaquote&lang=fr');
    expect(rows).toHaveLength(1);
    expect(rows[0].text).toBe(AWKWARD);
    expect(rows[0].citation).toMatch(
      /^Processus de Rabat, Réunion thématique: .+, Dakar, Sénégal, 12\s*–\s*13 mars 2024, \S+ \d+$/,
    );
  });

  it('neutralises spreadsheet formulas and leaves script as text', async () => {
    const { rows } = await csvRows(anonymous, 'q=quokkaformula');
    expect(rows.map((row) => row.text).sort()).toEqual(FORMULAS.map((formula) => `'${formula} quokkaformula`).sort());
    const script = await csvRows(anonymous, 'q=quokkascript');
    expect(script.rows.map((row) => row.text)).toEqual([SCRIPT]);
    // The search itself still shows the texts as written.
    const search = (await anonymous.get('/api/v1/knowledge/items?q=quokkaformula')).json();
    expect(search.items.map((item: { text: string }) => item.text).sort()).toEqual(
      FORMULAS.map((formula) => `${formula} quokkaformula`).sort(),
    );
  });
});

describe("CSV in the reader's language", () => {
  const themes = new Map(THEMES.map((theme) => [theme.id as string, theme.label]));
  const split = (cell: string) => (cell ? cell.split('; ') : []);

  it.each([
    ['fr', 'Recommandation', 'Processus de Rabat', 'Sénégal'],
    ['ar', 'توصية', 'مسار الرباط', 'السنغال'],
  ] as const)(
    'writes types, themes, countries and references as words in %s, with the codes beside them',
    async (lang, type, rabat, senegal) => {
      const { rows } = await csvRows(anonymous, `sort=date&lang=${lang}`);
      expect(rows.length).toBeGreaterThan(3);
      let referenced = 0;
      for (const row of rows) {
        if (row.type_code === 'recommendation') expect(row.type).toBe(type);
        expect(row.type).not.toBe(row.type_code);
        expect(split(row.themes)).toEqual(split(row.theme_codes).map((code) => themes.get(code)?.[lang]));
        const countries = split(row.countries);
        expect(countries).toHaveLength(split(row.country_codes).length);
        expect(countries.some((name) => /^[A-Z]{2}$/.test(name))).toBe(false);
        if (row.country_codes.includes('SN')) expect(countries).toContain(senegal);
        const references = split(row.reference_codes);
        referenced += references.length;
        expect(split(row.references)).toEqual(references.map((code) => REFERENCES[code][lang]));
        if (row.process_code === 'rabat') expect(row.process).toBe(rabat);
      }
      expect(rows.some((row) => row.themes !== '' && row.themes !== row.theme_codes)).toBe(true);
      expect(referenced).toBeGreaterThan(0);
      expect(rows.some((row) => row.type_code === 'recommendation')).toBe(true);
      expect(rows.some((row) => row.country_codes.includes('SN'))).toBe(true);
    },
  );

  it('takes the language from Accept-Language when none is asked for, else English', async () => {
    const first = async (headers: Record<string, string>) =>
      (await csvRows(anonymous, 'q=smuggling&type=recommendation', headers)).rows[0].type;
    expect(await first({ 'accept-language': 'ar-MA,fr;q=0.8' })).toBe('توصية');
    expect(await first({ 'accept-language': 'de-DE, fr-FR;q=0.7, ar;q=0.5' })).toBe('Recommandation');
    expect(await first({ 'accept-language': 'de' })).toBe('Recommendation');
    expect(await first({})).toBe('Recommendation');
    // An explicit lang wins over the header.
    const asked = await csvRows(anonymous, 'q=smuggling&type=recommendation&lang=en', { 'accept-language': 'fr' });
    expect(asked.rows[0].type).toBe('Recommendation');
  });
});

describe('JSON', () => {
  it('gives the query, totals, the export time and each item with its source and citation', async () => {
    const before = Date.now();
    const answer = await jsonExport(
      anonymous,
      'q=quokkascript&type=good_practice&type=conclusion&type=recommendation&type=challenge',
    );
    expect(answer).toMatchObject({
      query: { q: 'quokkascript', type: ['good_practice', 'conclusion', 'recommendation', 'challenge'] },
      total: 1,
      exported: 1,
      capped: false,
      limit: 5000,
    });
    expect(Date.parse(answer.exportedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(answer.items[0].text).toBe(SCRIPT);
    expect(answer.items[0].document).toMatchObject({ id: dakarId, handlingCode: 'TLP:CLEAR' });
    expect(answer.items[0].citation).toMatch(/^Rabat Process, .+, Dakar, Senegal, /);
    expect(answer.items[0].url).toMatch(new RegExp(`/library/items/${answer.items[0].id}$`));
  });

  it('never echoes a forged Host header into the item links', async () => {
    const client = t.anonymous();
    client.headers = { host: 'evil.example/"><script>' };
    const answer = await jsonExport(client, 'q=quokkascript');
    expect(answer.items[0].url).toBe(`/library/items/${answer.items[0].id}`);
  });
});

describe('PDF digest', () => {
  it('groups the items by theme, an item under each of its themes and untagged ones under "Other", with page numbers', async () => {
    const { response, text, pages } = await pdfText(anonymous, 'q=quokkadigest');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="liaison-library-\d{4}-\d{2}-\d{2}\.pdf"$/);
    expect(text).toContain('Library digest');
    expect(text).toContain('Words: quokkadigest');
    expect(text).toMatch(/Exported on \d{1,2} \w+ \d{4} at \d{2}:\d{2} UTC/);
    // The title page lists the themes with their counts; the digest follows on the next pages.
    const [titlePage, digest] = text.split(`Page 1 of ${pages}`);
    expect(titlePage).toContain('Themes Border management (1) Human rights (1) Other (1)');
    expect(digest).toMatch(
      /^ Border management (Good practice|Challenge|Recommendation|Conclusion) Two themes quokkadigest .+ Human rights .+ Two themes quokkadigest .+ Other .+ No theme quokkadigest /,
    );
    expect(digest.match(/Two themes quokkadigest/g)).toHaveLength(2);
    expect(digest.match(/No theme quokkadigest/g)).toHaveLength(1);
    expect(text).toMatch(/Rabat Process, .+, Dakar, Senegal, 12\s*–\s*13 March 2024/);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });

  it('is written in French on request, and refuses Arabic (its fonts cannot draw it)', async () => {
    const { text } = await pdfText(anonymous, 'q=quokkadigest&lang=fr');
    for (const words of [
      'Synthèse de la bibliothèque',
      'Mots : quokkadigest',
      'Gestion des frontières',
      'Autres',
      'Page 1 sur',
    ]) {
      expect(text.replaceAll(' :', ':'), words).toContain(words.replaceAll(' :', ':'));
    }
    expectProblem(await anonymous.get('/api/v1/knowledge/export.pdf?q=quokkadigest&lang=ar'), 400, 'validation');
  });
});

describe('visibility', () => {
  it("never shows another organisation's AMBER items, not even in totals", async () => {
    const outside = await t.signIn('focal.sn@liaison.demo');
    const inside = await t.signIn('analyst.ma@liaison.demo');
    for (const client of [anonymous, outside]) {
      const { response, rows } = await csvRows(client, 'q=zorblax');
      expect(rows).toEqual([]);
      expect(response.headers['x-liaison-export-total']).toBe('0');
      expect((await jsonExport(client, 'q=zorblax')).total).toBe(0);
      expect((await pdfText(client, 'q=zorblax')).text).not.toMatch(/zorblax ambre|TLP:AMBER/);
      const whole = await jsonExport(client, '');
      expect(whole.total).toBe(await searchTotal(client, ''));
      expect(whole.items.some((item) => item.document.id === amberId)).toBe(false);
    }
    const marked = await csvRows(inside, 'q=zorblax');
    expect(marked.rows).toHaveLength(1);
    expect(marked.rows[0]).toMatchObject({ handling_code: 'TLP:AMBER', text: expect.stringContaining('zorblax ambre') });
    const amberItems = (
      await one(sql<{ n: number }>`select count(*)::int as n from knowledge_items where document_id = ${amberId}`)
    ).n;
    expect((await jsonExport(inside, '')).total).toBe((await jsonExport(outside, '')).total + amberItems);
    const digest = await pdfText(inside, 'q=zorblax');
    expect(digest.text).toContain('Contains material marked TLP:AMBER');
    expect(digest.text).toContain('Recommendation (TLP:AMBER)');
  });

  it('honours the filters as the search does', async () => {
    const query = 'type=recommendation&country=SN&process=rabat';
    const { rows } = await csvRows(anonymous, query);
    expect(rows.length).toBe(await searchTotal(anonymous, query));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.type_code).toBe('recommendation');
      expect(row.country_codes.split('; ')).toContain('SN');
      expect(row.process_code).toBe('rabat');
    }
  });
});

describe('audit and bad input', () => {
  it('writes each export to the audit trail: who, format, query, how many, and the sensitive documents', async () => {
    const inside = await t.signIn('focal.ma@liaison.demo');
    const user = (await one(sql<{ id: string }>`select id from users where email = 'focal.ma@liaison.demo'`)).id;
    await inside.get('/api/v1/knowledge/export.csv?q=zorblax');
    const row = await one(sql<{ actor_user_id: string | null; details: Record<string, unknown> }>`select actor_user_id, details
      from audit_log where action = 'knowledge.export' order by id desc limit 1`);
    expect(row.actor_user_id).toBe(user);
    expect(row.details).toEqual({ format: 'csv', query: { q: 'zorblax' }, total: 1, exported: 1, sensitiveDocuments: [amberId] });
    await anonymous.get('/api/v1/knowledge/export.pdf?q=quokkadigest&theme=human_rights');
    const anonymousRow = await one(sql<{ actor_user_id: string | null; details: Record<string, unknown> }>`select actor_user_id,
      details from audit_log where action = 'knowledge.export' order by id desc limit 1`);
    expect(anonymousRow).toEqual({
      actor_user_id: null,
      details: {
        format: 'pdf',
        query: { q: 'quokkadigest', theme: ['human_rights'] },
        total: 1,
        exported: 1,
        sensitiveDocuments: [],
      },
    });
  });

  it('refuses paging, unknown parameters, bad values and oversized text; answers SQL metacharacters', async () => {
    for (const format of ['csv', 'json', 'pdf']) {
      for (const query of ['limit=10', 'offset=5', 'colour=red', 'lang=de', 'year=abc', 'type=other', `q=${'x'.repeat(201)}`]) {
        expectProblem(await anonymous.get(`/api/v1/knowledge/export.${format}?${query}`), 400, 'validation');
      }
      for (const q of ["' or 1=1 --", '\\', '&|!:*()', '<->', '"unbalanced', '%_']) {
        const response = await anonymous.get(`/api/v1/knowledge/export.${format}?q=${encodeURIComponent(q)}`);
        expect(response.statusCode, `${format} ${q}: ${response.body.slice(0, 200)}`).toBe(200);
      }
    }
  });
});

describe('cap', () => {
  it('stops at 5,000 items (a PDF digest at 1,000) and says so', async () => {
    const secretariat = (await one(sql<{ id: string }>`select id from organisations where kind = 'secretariat'`)).id;
    const big = await one(sql<{ id: string }>`insert into knowledge_documents (title, process, dates, language, file_name, sha256,
        body, status, handling_code, originator_organisation_id, published_at)
      values ('Large generated meeting', 'rabat', '{2020-01-01}', 'en', 'large.txt', md5('large') || md5('large-2'), '',
        'published', 'TLP:CLEAR', ${secretariat}, now()) returning id`);
    await sql`insert into knowledge_items (document_id, position, type, text, status)
      select ${big.id}::uuid, n, 'conclusion', 'capword item number ' || n, 'published' from generate_series(1, 5001) n`.execute(
      db,
    );

    const { response, rows } = await csvRows(anonymous, 'year=2020');
    expect(rows).toHaveLength(5000);
    expect(response.headers['x-liaison-export-total']).toBe('5001');
    expect(response.headers['x-liaison-export-count']).toBe('5000');
    expect(response.headers['x-liaison-export-capped']).toBe('true');
    expect(await jsonExport(anonymous, 'year=2020')).toMatchObject({ total: 5001, exported: 5000, capped: true, limit: 5000 });
    const digest = await pdfText(anonymous, 'year=2020');
    expect(digest.response.headers['x-liaison-export-count']).toBe('1000');
    expect(digest.text).toContain('The first 1,000 of 5,001 items (an export holds at most 1,000)');
  });
});
