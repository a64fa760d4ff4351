import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_LIBRARY_DIR, seedDemoLibrary } from '../../src/server/demo/seed-library.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Search quality over the nine demo documents, measured with the judged queries of
 * test/fixtures/knowledge/queries.json: recall@10 and nDCG@10 (binary relevance), apart for
 * queries whose relevant items are all in the query's language and for cross-language ones.
 */

interface Judged {
  q: string;
  language: 'en' | 'fr' | 'ar';
  relevant: { document: string; text: string }[];
}
interface Hit {
  id: string;
  matchedThrough: 'query' | 'translation';
}
type Group = 'same-language' | 'cross-language';

const QUERIES = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/knowledge/queries.json'), 'utf8'));
const JUDGED: Judged[] = QUERIES.queries;
/** Misspelt queries, each judged like the query it misspells (`intended`). */
const TYPOS: (Judged & { intended: string })[] = QUERIES.typos;
/**
 * What holds for them: each is corrected to its intended query and finds what that query finds
 * (measured 0.786, as the intended queries; 0.448 searched as typed, `exact=true`).
 */
const TYPO_RECALL_FLOOR = 0.78;
const K = 10;
/**
 * Floors the figures may only rise above: cross-language recall@10 ≥ 0.8 is the target; the others
 * are what holds (measured 0.948 / 0.961 same-language, 0.834 / 0.855 cross-language; without the
 * query translation, cross-language was 0.373 / 0.359). With the layout and structure readers and the
 * classifier, the demo documents' items changed (sub-points became items of their own): cross-language
 * nDCG@10 is 0.838 for the same recall, and its floor follows.
 */
const FLOORS: Record<Group, { recall: number; ndcg: number }> = {
  'same-language': { recall: 0.94, ndcg: 0.95 },
  'cross-language': { recall: 0.8, ndcg: 0.83 },
};

let t: TestApp;
let anonymous: Client;
/** Relevant item ids of each judged query, and the language of every demo item. */
const relevantIds = new Map<Judged, string[]>();
const itemLanguage = new Map<string, string>();

beforeAll(async () => {
  t = await startTestApp();
  anonymous = t.anonymous();
  const db = t.database.db;
  const bundled = fs.readdirSync(BUNDLED_LIBRARY_DIR).filter((file) => /\.(md|pdf|docx)$/.test(file));
  // The demo documents alone (a folder without a corpus); the judged set knows no other item, so
  // the corpus documents of the test database are set aside.
  await seedDemoLibrary(db, path.join(os.tmpdir(), 'liaison-no-corpus'));
  await sql`update knowledge_documents set status = 'draft' where not (file_name = any(${bundled}::text[]))`.execute(db);
  const documents = await sql<{ id: string; file_name: string }>`select id, file_name from knowledge_documents
    where file_name = any(${bundled}::text[])`.execute(db);
  expect(documents.rows.map((row) => row.file_name).sort()).toEqual([...bundled].sort());
  const itemsOf = new Map<string, { id: string; text: string }[]>();
  for (const row of documents.rows) {
    const response = await anonymous.get(`/api/v1/knowledge/documents/${row.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const document: { language: string; items: { id: string; text: string }[] } = response.json();
    itemsOf.set(row.file_name, document.items);
    for (const item of document.items) itemLanguage.set(item.id, document.language);
  }
  for (const judged of [...JUDGED, ...TYPOS]) {
    relevantIds.set(
      judged,
      judged.relevant.map(({ document, text }) => {
        const found = (itemsOf.get(document) ?? []).filter((item) => item.text.includes(text));
        expect(found.length, `${document}: "${text}"`).toBe(1);
        return found[0].id;
      }),
    );
  }
});
afterAll(() => t.close());

const search = async (q: string): Promise<Hit[]> => {
  const response = await anonymous.get(`/api/v1/knowledge/items?q=${encodeURIComponent(q)}&limit=${K}`);
  expect(response.statusCode, `${q}: ${response.body}`).toBe(200);
  return response.json().items;
};

const groupOf = (judged: Judged): Group =>
  (relevantIds.get(judged) ?? []).some((id) => itemLanguage.get(id) !== judged.language) ? 'cross-language' : 'same-language';

/** recall@K and nDCG@K with binary relevance. */
function score(hits: string[], relevant: string[]) {
  const wanted = new Set(relevant);
  const found = hits.slice(0, K).filter((id) => wanted.has(id)).length;
  const dcg = hits.slice(0, K).reduce((sum, id, rank) => sum + (wanted.has(id) ? 1 / Math.log2(rank + 2) : 0), 0);
  let ideal = 0;
  for (let rank = 0; rank < Math.min(relevant.length, K); rank++) ideal += 1 / Math.log2(rank + 2);
  return { recall: found / relevant.length, ndcg: dcg / ideal };
}

describe('search quality over the judged queries', () => {
  it('holds at least 40 queries in English, French and Arabic, each judged against demo items', () => {
    expect(JUDGED.length).toBeGreaterThanOrEqual(40);
    for (const language of ['en', 'fr', 'ar']) expect(JUDGED.some((judged) => judged.language === language)).toBe(true);
    expect(JUDGED.filter((judged) => groupOf(judged) === 'cross-language').length).toBeGreaterThanOrEqual(20);
    expect(JUDGED.filter((judged) => groupOf(judged) === 'same-language').length).toBeGreaterThanOrEqual(15);
  });

  it('finds across languages: recall@10 and nDCG@10 stay above their floors in both groups', async () => {
    const totals: Record<Group, { recall: number; ndcg: number; queries: number }> = {
      'same-language': { recall: 0, ndcg: 0, queries: 0 },
      'cross-language': { recall: 0, ndcg: 0, queries: 0 },
    };
    const misses: string[] = [];
    for (const judged of JUDGED) {
      const relevant = relevantIds.get(judged) ?? [];
      const hits = (await search(judged.q)).map((hit) => hit.id);
      const { recall, ndcg } = score(hits, relevant);
      const group = totals[groupOf(judged)];
      group.recall += recall;
      group.ndcg += ndcg;
      group.queries++;
      if (recall < 1) misses.push(`${judged.language} "${judged.q}": ${Math.round(recall * relevant.length)}/${relevant.length}`);
    }
    const figures = Object.fromEntries(
      Object.entries(totals).map(([group, total]) => [
        group,
        {
          queries: total.queries,
          recallAt10: Math.round((total.recall / total.queries) * 1000) / 1000,
          ndcgAt10: Math.round((total.ndcg / total.queries) * 1000) / 1000,
        },
      ]),
    ) as Record<Group, { queries: number; recallAt10: number; ndcgAt10: number }>;
    console.log('search quality', JSON.stringify(figures), '\nqueries missing relevant items:', misses.join('; '));
    for (const group of ['same-language', 'cross-language'] as const) {
      expect(figures[group].recallAt10, group).toBeGreaterThanOrEqual(FLOORS[group].recall);
      expect(figures[group].ndcgAt10, group).toBeGreaterThanOrEqual(FLOORS[group].ndcg);
    }
  });

  it('says which items matched only through the translation of the query', async () => {
    const judged = JUDGED.find((query) => query.q === 'guichet unique') as Judged;
    const hits = await search(judged.q);
    const [french, ...english] = relevantIds.get(judged) ?? [];
    expect(hits.find((hit) => hit.id === french)?.matchedThrough).toBe('query');
    for (const id of english) expect(hits.find((hit) => hit.id === id)?.matchedThrough).toBe('translation');
    // A query the glossary does not translate matches through its own words only.
    for (const hit of await search('hawala')) expect(hit.matchedThrough).toBe('query');
  });
});

const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

describe('search quality over misspelt queries', () => {
  const recallOf = async (q: string, judged: Judged, extra = '') => {
    const response = await anonymous.get(`/api/v1/knowledge/items?q=${encodeURIComponent(q)}&limit=${K}${extra}`);
    expect(response.statusCode, response.body).toBe(200);
    const answer: { items: Hit[]; correction?: { query: string; from: string } } = response.json();
    return {
      correction: answer.correction,
      recall: score(
        answer.items.map((hit) => hit.id),
        relevantIds.get(judged) ?? [],
      ).recall,
    };
  };

  it('corrects each to the query it misspells and finds what that query finds: recall@10 above its floor', async () => {
    const totals = { typed: 0, intended: 0, uncorrected: 0 };
    const misses: string[] = [];
    for (const judged of TYPOS) {
      const typed = await recallOf(judged.q, judged);
      // Corrected to the intended words, accents aside (the lexicon holds words accents folded).
      expect(typed.correction?.from, judged.q).toBe(judged.q);
      expect(folded(typed.correction?.query ?? ''), judged.q).toBe(folded(judged.intended));
      const intended = await recallOf(judged.intended, judged);
      totals.typed += typed.recall;
      totals.intended += intended.recall;
      totals.uncorrected += (await recallOf(judged.q, judged, '&exact=true')).recall;
      if (typed.recall < intended.recall) misses.push(`${judged.language} "${judged.q}"`);
    }
    const figures = Object.fromEntries(
      Object.entries(totals).map(([key, total]) => [key, Math.round((total / TYPOS.length) * 1000) / 1000]),
    );
    console.log(
      'typo search quality (recall@10)',
      JSON.stringify({ queries: TYPOS.length, ...figures }),
      '\nbelow the intended query:',
      misses.join('; '),
    );
    expect(TYPOS.length).toBeGreaterThanOrEqual(12);
    expect(misses).toEqual([]);
    expect(figures.typed).toBeGreaterThanOrEqual(TYPO_RECALL_FLOOR);
  });
});
