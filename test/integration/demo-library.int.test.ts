import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { BUNDLED_LIBRARY_DIR, seedDemoLibrary } from '../../src/server/demo/seed-library.js';
import type { Database } from '../../src/server/platform/db/database.js';
import { preparePlatform } from '../../src/server/platform/startup.js';
import { type Client, startTestApp, TEST_DEMO_PASSWORD, type TestApp } from '../support/test-app.js';
import { openTestDatabase, TEST_BACKEND } from '../support/test-database.js';

interface PublicDocument {
  id: string;
  title: string;
  process: string;
  city: string | null;
  country: string | null;
  dates: string[];
  coChairs: string[];
  language: string;
  handlingCode: string;
  itemCount: number;
}
interface SearchResult {
  total: number;
  items: { text: string; document: { id: string; title: string } }[];
}

const BUNDLED = fs.readdirSync(BUNDLED_LIBRARY_DIR).filter((file) => /\.(md|pdf|docx)$/.test(file));
const folders: string[] = [];
const temporary = (prefix: string) => {
  folders.push(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  return folders[folders.length - 1];
};
afterAll(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

function ok<T>(response: { statusCode: number; body: string; json(): unknown }): T {
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
}

const listDocuments = async (client: Client): Promise<PublicDocument[]> =>
  ok<{ documents: PublicDocument[] }>(await client.get('/api/v1/knowledge/documents?limit=200')).documents;
const search = async (client: Client, q: string) =>
  ok<SearchResult>(await client.get(`/api/v1/knowledge/items?q=${encodeURIComponent(q)}&limit=50`));

/** An empty database of this project's backend, as a fresh installation has. */
async function emptyDatabaseUrl(): Promise<string | undefined> {
  if (TEST_BACKEND !== 'postgres') return undefined; // PGlite: a new folder in the data directory
  const base = process.env.LIAISON_TEST_PG_URL as string;
  const name = `demo_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return base.replace(/\/postgres$/, `/${name}`);
}

describe('the first start of a demo without a corpus folder', () => {
  let t: TestApp;
  let database: Database;
  let libraryDocuments: number;
  let anonymous: Client;
  let documents: PublicDocument[];

  beforeAll(async () => {
    const config = {
      ...loadConfig({}),
      dataDir: temporary('liaison-demo-library-'),
      databaseUrl: await emptyDatabaseUrl(),
      corpusDir: path.join(temporary('liaison-no-corpus-'), 'missing'),
      demo: true,
      demoPassword: TEST_DEMO_PASSWORD,
    };
    const prepared = await preparePlatform(config);
    database = prepared.database;
    libraryDocuments = prepared.libraryDocuments;
    t = await startTestApp({ dataDir: config.dataDir }, database);
    anonymous = t.anonymous();
    documents = await listDocuments(anonymous);
  });
  afterAll(async () => {
    await t?.close();
    await database?.close();
  });

  it('publishes every bundled document, for anyone to read (TLP:CLEAR)', () => {
    expect(BUNDLED.length).toBeGreaterThanOrEqual(8);
    expect(libraryDocuments).toBe(BUNDLED.length);
    expect(documents).toHaveLength(BUNDLED.length);
    for (const document of documents) expect(document.handlingCode).toBe('TLP:CLEAR');
  });

  it('covers the three dialogues in English and French, each document with its meeting read from it', () => {
    const count = (values: string[]) =>
      Object.fromEntries([...new Set(values)].map((v) => [v, values.filter((x) => x === v).length]));
    const processes = count(documents.map((d) => d.process));
    expect(Object.keys(processes).sort()).toEqual(['budapest', 'khartoum', 'rabat']);
    for (const n of Object.values(processes)) expect(n).toBeGreaterThanOrEqual(2);
    const languages = count(documents.map((d) => d.language));
    expect(languages.fr).toBeGreaterThanOrEqual(3);
    expect(languages.en).toBeGreaterThanOrEqual(3);
    for (const document of documents) {
      expect(document.title, document.title).toMatch(/^(Thematic Meeting|Expert Meeting|Réunion thématique) /);
      expect(document.city, document.title).toBeTruthy();
      expect(document.country, document.title).toMatch(/^[A-Z]{2}$/);
      expect(document.dates.length, document.title).toBeGreaterThanOrEqual(1);
      expect(document.coChairs, document.title).toHaveLength(2);
    }
    const years = new Set(documents.map((d) => d.dates[0].slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(4);
  });

  it('splits every document into challenges, good practices, recommendations and conclusions', async () => {
    for (const document of documents) {
      const { items } = ok<{ items: { type: string; countries: string[] }[] }>(
        await anonymous.get(`/api/v1/knowledge/documents/${document.id}`),
      );
      expect(items.length, document.title).toBeGreaterThanOrEqual(8);
      expect(items.length, document.title).toBeLessThanOrEqual(20);
      expect(new Set(items.map((item) => item.type)), document.title).toEqual(
        new Set(['challenge', 'good_practice', 'recommendation', 'conclusion']),
      );
      expect(
        items.some((item) => item.countries.length > 0),
        document.title,
      ).toBe(true);
    }
  });

  it('was read from PDF, Word and Markdown files', async () => {
    const curator = await t.signIn('focal.sec@liaison.demo');
    const extensions: string[] = [];
    for (const document of documents) {
      const { fileName } = ok<{ fileName: string }>(await curator.get(`/api/v1/knowledge/review/documents/${document.id}`));
      extensions.push(path.extname(fileName));
    }
    for (const extension of ['.pdf', '.docx', '.md']) {
      expect(extensions.filter((e) => e === extension).length, extension).toBeGreaterThanOrEqual(2);
    }
  });

  it('finds its items anonymously with a French word and with an English word', async () => {
    const french = documents.filter((d) => d.language === 'fr').map((d) => d.id);
    const english = documents.filter((d) => d.language === 'en').map((d) => d.id);
    const inFrench = await search(anonymous, 'réintégration');
    expect(inFrench.total).toBeGreaterThan(0);
    expect(inFrench.items.some((item) => french.includes(item.document.id))).toBe(true);
    const inEnglish = await search(anonymous, 'smugglers');
    expect(inEnglish.total).toBeGreaterThan(0);
    expect(inEnglish.items.some((item) => english.includes(item.document.id))).toBe(true);
  });
});

describe('the demo library with a corpus folder', () => {
  const LAS_PALMAS = `Rabat Process

Thematic Meeting on Maritime Search and Rescue Cooperation

Las Palmas, Spain

14-15 May 2024

Recommendations

1. Hold joint search and rescue exercises between the rescue centres of Spain, Morocco and Senegal every year.
2. Share the positions of boats in distress in real time between maritime rescue coordination centres.
`;
  let t: TestApp;
  let stored: number;

  beforeAll(async () => {
    const corpus = temporary('liaison-corpus-');
    fs.writeFileSync(path.join(corpus, '2024-05-las-palmas-rabat-search-rescue.txt'), LAS_PALMAS);
    fs.writeFileSync(path.join(corpus, 'README.md'), '# Corpus\n\nText conversions of published outcome documents.\n');
    // The template holds the demo accounts without the bundled documents.
    const database = await openTestDatabase();
    stored = await seedDemoLibrary(database.db, corpus);
    t = await startTestApp({}, database);
  });
  afterAll(async () => {
    await t?.close();
    await t?.database.close();
  });

  it("adds the folder's outcome documents to the bundled ones, and not its README", async () => {
    expect(stored).toBe(BUNDLED.length + 1);
    const documents = await listDocuments(t.anonymous());
    const lasPalmas = documents.find((d) => d.city === 'Las Palmas');
    expect(lasPalmas).toMatchObject({ process: 'rabat', country: 'ES', handlingCode: 'TLP:CLEAR', itemCount: 2 });
    const found = await search(t.anonymous(), 'rescue coordination');
    expect(found.items.map((item) => item.document.id)).toContain(lasPalmas?.id);
  });
});
