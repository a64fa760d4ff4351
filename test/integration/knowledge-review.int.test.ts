import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/server/modules/knowledge/ingestion.js';
import type { Db } from '../../src/server/platform/db/database.js';
import { REPO_ROOT } from '../support/cli.js';
import { expectProblem, type Response } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

const DAKAR = path.join(REPO_ROOT, 'test/fixtures/knowledge/2024-03-dakar-rabat-protection-fr.txt');
const REVIEW = '/api/v1/knowledge/review';

interface Item {
  id: string;
  position: number;
  line: number | null;
  type: string;
  text: string;
  status: string;
  revision: number;
  countries: string[];
  organisations: string[];
  themes: string[];
  references: { id: string; kind: string }[];
}
interface ReviewDocument {
  id: string;
  status: string;
  revision: number;
  handlingCode: string;
  body: string;
  counts: { draft: number; published: number; withdrawn: number };
  items: Item[];
}
interface Revision {
  itemId: string | null;
  action: string;
  actor: { displayName: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  relatedItemIds: string[];
}

let t: TestApp;
let db: Db;
let curator: Client;
let draftId: string;
let otherDocumentId: string;
let secretariat: string;
let morocco: { org: string; unit: string };

const ok = (response: Response, status = 200) => {
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
};
const review = async (): Promise<ReviewDocument> => ok(await curator.get(`${REVIEW}/documents/${draftId}`));
const itemAt = async (position: number) => (await review()).items.find((item) => item.position === position)!;
const searchTotal = async (client: Client, q: string) =>
  ok(await client.get(`/api/v1/knowledge/items?q=${encodeURIComponent(q)}`)).total as number;
const history = async (itemId: string): Promise<Revision[]> =>
  ok(await curator.get(`${REVIEW}/items/${itemId}/history`)).revisions;
const auditCount = async (action: string, targetId: string) =>
  (
    await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where action = ${action} and target_id = ${targetId}`.execute(db)
  ).rows[0].n;

beforeAll(async () => {
  t = await startTestApp();
  db = t.database.db;
  curator = await t.signIn('focal.sec@liaison.demo');
  secretariat = (await sql<{ id: string }>`select id from organisations where kind = 'secretariat'`.execute(db)).rows[0].id;
  morocco = (
    await sql<{ org: string; unit: string }>`select o.id as org, u.id as unit from organisations o
      join units u on u.organisation_id = o.id where o.acronym = 'DMSF' order by u.name limit 1`.execute(db)
  ).rows[0];
  const ingested = await ingestDocument(db, {
    fileName: 'dakar.txt',
    data: fs.readFileSync(DAKAR),
    originatorOrganisationId: secretariat,
    handlingCode: 'TLP:GREEN',
    publish: false,
  });
  draftId = ingested.documentId;
  otherDocumentId = (await sql<{ id: string }>`select id from knowledge_documents where id <> ${draftId} limit 1`.execute(db))
    .rows[0].id;
});
afterAll(() => t.close());

describe('who may review', () => {
  const routes = (id: string) =>
    [
      ['GET', `${REVIEW}/documents`, undefined],
      ['GET', `${REVIEW}/documents/${id}`, undefined],
      ['PATCH', `${REVIEW}/documents/${id}`, { revision: 1, handlingCode: 'TLP:CLEAR' }],
      ['POST', `${REVIEW}/documents/${id}/publish`, { revision: 1 }],
      [
        'POST',
        `${REVIEW}/documents/${id}/merge`,
        {
          items: [
            { id, revision: 1 },
            { id: randomUUID(), revision: 1 },
          ],
        },
      ],
      ['GET', `${REVIEW}/documents/${id}/history`, undefined],
      ['PATCH', `${REVIEW}/items/${id}`, { revision: 1, type: 'challenge' }],
      ['POST', `${REVIEW}/items/${id}/split`, { revision: 1, offset: 3 }],
      ['POST', `${REVIEW}/items/${id}/publish`, { revision: 1 }],
      ['POST', `${REVIEW}/items/${id}/withdraw`, { revision: 1 }],
      ['GET', `${REVIEW}/items/${id}/history`, undefined],
      ['GET', `${REVIEW}/vocabulary`, undefined],
    ] as const;
  const send = (client: Client, [method, url, body]: ReturnType<typeof routes>[number]) =>
    client.request({ method, url, payload: body as object | undefined });

  it('refuses anonymous callers (401), other organisations and readers of the secretariat (403)', async () => {
    const document = await review();
    const focalMa = await t.signIn('focal.ma@liaison.demo');
    const readerSec = await t.signIn('reader.sec@liaison.demo');
    for (const route of [...routes(draftId), ...routes(document.items[0].id)]) {
      expectProblem(await send(t.anonymous(), route), 401, 'unauthenticated');
      expectProblem(await send(focalMa, route), 403, 'forbidden');
      expectProblem(await send(readerSec, route), 403, 'forbidden');
    }
    expect(await itemAt(0)).toMatchObject({ revision: 1, status: 'draft' });
  });

  it('answers 404 for unknown ids and 400 for malformed ones', async () => {
    for (const route of routes(randomUUID()).filter(([, url]) => !url.endsWith('/vocabulary') && url !== `${REVIEW}/documents`)) {
      expectProblem(await send(curator, route), 404, 'not-found');
    }
    expectProblem(await curator.get(`${REVIEW}/documents/not-a-uuid`), 400, 'validation');
    const admin = await t.signIn('admin@liaison.demo');
    ok(await admin.get(`${REVIEW}/documents/${draftId}`));
  });
});

describe('the review list and a document', () => {
  it('lists drafts and published documents, newest first, with item counts, filtered and paged', async () => {
    const all = ok(await curator.get(`${REVIEW}/documents`));
    expect(all.total).toBe(6);
    expect(all.items[0]).toMatchObject({ id: draftId, status: 'draft', handlingCode: 'TLP:GREEN', process: 'rabat' });
    expect(all.items[0].counts).toEqual({ draft: 27, published: 0, withdrawn: 0 });
    const drafts = ok(await curator.get(`${REVIEW}/documents?status=draft`));
    expect(drafts.items.map((d: { id: string }) => d.id)).toEqual([draftId]);
    const published = ok(await curator.get(`${REVIEW}/documents?status=published&limit=2&offset=1`));
    expect(published.total).toBe(5);
    expect(published.items).toHaveLength(2);
    expect(published.items.every((d: ReviewDocument) => d.status === 'published' && d.counts.published > 0)).toBe(true);
    for (const query of ['status=withdrawn', 'limit=0', 'offset=-1', 'colour=red']) {
      expectProblem(await curator.get(`${REVIEW}/documents?${query}`), 400, 'validation');
    }
  });

  it('shows a draft document with all its items in order and its text', async () => {
    const document = await review();
    expect(document.items.map((item) => item.position)).toEqual([...Array(27).keys()]);
    expect(document.items.every((item) => item.status === 'draft' && item.revision === 1)).toBe(true);
    expect(document.body).toContain(document.items[0].text.slice(0, 30));
  });
});

describe('editing an item', () => {
  it('changes type, text and tags, and keeps who changed what in the history and the audit log', async () => {
    const item = await itemAt(0);
    const edited = ok(
      await curator.patch(`${REVIEW}/items/${item.id}`, {
        revision: 1,
        type: 'good_practice',
        text: `${item.text} Zorbulon relevé.`,
        countries: ['SN', 'MA', 'SN'],
        themes: ['search_and_rescue'],
        organisations: ['IOM'],
        references: [{ id: 'GCM:8' }],
      }),
    );
    expect(edited).toMatchObject({ revision: 2, type: 'good_practice', countries: ['SN', 'MA'], themes: ['search_and_rescue'] });
    expect(edited.references).toEqual([{ id: 'GCM:8', kind: 'explicit' }]);
    const [revision] = await history(item.id);
    expect(revision).toMatchObject({ action: 'edit', actor: { displayName: 'Thomas Fictif' } });
    expect(revision.before).toMatchObject({ type: item.type, text: item.text, countries: item.countries });
    expect(revision.after).toMatchObject({ type: 'good_practice', text: edited.text, countries: ['SN', 'MA'] });
    expect(await auditCount('knowledge.item.update', item.id)).toBe(1);
  });

  it('refuses a stale edit with 409 and overwrites nothing', async () => {
    const item = await itemAt(0);
    const stale = expectProblem(
      await curator.patch(`${REVIEW}/items/${item.id}`, { revision: 1, text: 'Lost' }),
      409,
      'stale-revision',
    );
    expect(stale.currentRevision).toBe(2);
    expect(await itemAt(0)).toEqual(item);
    const [first, second] = await Promise.all([
      curator.patch(`${REVIEW}/items/${item.id}`, { revision: 2, type: 'challenge' }),
      curator.patch(`${REVIEW}/items/${item.id}`, { revision: 2, type: 'conclusion' }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    expect((await history(item.id)).filter((r) => r.action === 'edit')).toHaveLength(2);
  });

  it('refuses unknown tags, empty and oversized text with a 400 naming the field', async () => {
    const item = await itemAt(1);
    const cases: [Record<string, unknown>, string][] = [
      [{ themes: ['border_management', 'no_such_theme'] }, 'themes'],
      [{ countries: ['ZZ'] }, 'countries'],
      [{ countries: ['sn'] }, 'countries'],
      [{ organisations: ['NOPE'] }, 'organisations'],
      [{ references: [{ id: 'GCM:99' }] }, 'references'],
      [{ references: [{ id: 'GCM:1', kind: 'maybe' }] }, 'references'],
      [{ text: '' }, 'text'],
      [{ text: '   \n ' }, 'text'],
      [{ text: 'x'.repeat(20_001) }, 'text'],
      [{ type: 'opinion' }, 'type'],
      [{ colour: 'red' }, ''],
    ];
    for (const [patch, field] of cases) {
      const problem = expectProblem(
        await curator.patch(`${REVIEW}/items/${item.id}`, { revision: 1, ...patch }),
        400,
        'validation',
      );
      expect(JSON.stringify(problem.errors), JSON.stringify(patch)).toContain(field ? `/${field}` : '');
    }
    expectProblem(await curator.patch(`${REVIEW}/items/${item.id}`, { type: 'challenge' }), 400, 'validation');
    expect(await itemAt(1)).toEqual(item);
    expect(await history(item.id)).toEqual([]);
  });

  it('stores script and SQL metacharacters as plain text', async () => {
    const item = await itemAt(1);
    const text = `<script>alert("x")</script> '; drop table knowledge_items; -- % _ \\ quizzicalword`;
    const response = await curator.patch(`${REVIEW}/items/${item.id}`, { revision: item.revision, text });
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(ok(response).text).toBe(text);
    expect((await itemAt(1)).text).toBe(text);
    expect((await review()).items).toHaveLength(27);
  });
});

describe('merge and split', () => {
  it('merges adjacent items into the first, withdrawing the others with their history', async () => {
    const [a, b, c] = [await itemAt(2), await itemAt(3), await itemAt(4)];
    const merged = ok(
      await curator.post(`${REVIEW}/documents/${draftId}/merge`, {
        items: [
          { id: b.id, revision: b.revision },
          { id: a.id, revision: a.revision },
        ],
      }),
    );
    expect(merged.item).toMatchObject({ id: a.id, position: 2, text: `${a.text} ${b.text}`, revision: 2 });
    expect(merged.item.countries).toEqual([...new Set([...a.countries, ...b.countries])]);
    expect(merged.item.themes).toEqual([...new Set([...a.themes, ...b.themes])]);
    expect(merged.withdrawn).toMatchObject([{ id: b.id, status: 'withdrawn', position: 3 }]);
    expect((await history(a.id))[0]).toMatchObject({ action: 'merge', relatedItemIds: [b.id], before: { text: a.text } });
    expect((await history(b.id))[0]).toMatchObject({ action: 'merged', relatedItemIds: [a.id], after: { status: 'withdrawn' } });
    // Withdrawn items are skipped when judging adjacency; they cannot be merged themselves.
    const again = ok(
      await curator.post(`${REVIEW}/documents/${draftId}/merge`, {
        items: [
          { id: a.id, revision: 2 },
          { id: c.id, revision: c.revision },
        ],
      }),
    );
    expect(again.item.text).toBe(`${a.text} ${b.text} ${c.text}`);
    const document = await review();
    expect(document.counts).toEqual({ draft: 25, published: 0, withdrawn: 2 });
    expect(document.items.map((item) => item.position)).toEqual([...Array(27).keys()]);
  });

  it('refuses merges of items that are not adjacent, withdrawn, stale or of another document', async () => {
    const [five, seven, withdrawn] = [await itemAt(5), await itemAt(7), await itemAt(3)];
    const foreign = ok(await curator.get(`${REVIEW}/documents/${otherDocumentId}`)).items[0] as Item;
    const merge = (items: Item[], revision?: number) =>
      curator.post(`${REVIEW}/documents/${draftId}/merge`, {
        items: items.map((item) => ({ id: item.id, revision: revision ?? item.revision })),
      });
    expectProblem(await merge([five, seven]), 422, 'not-adjacent');
    expectProblem(await merge([withdrawn, five]), 409, 'item-withdrawn');
    expectProblem(await merge([five, await itemAt(6)], 9), 409, 'stale-revision');
    expectProblem(await merge([five, foreign]), 404, 'not-found');
    expectProblem(await merge([five, five]), 400, 'validation');
    expectProblem(await merge([five]), 400, 'validation');
    expect(await itemAt(5)).toEqual(five);
  });

  it('splits an item at an offset, renumbering the items after it', async () => {
    const before = await review();
    const item = before.items.find((i) => i.position === 8)!;
    const offset = item.text.indexOf(' ', Math.floor(item.text.length / 2));
    const split = ok(await curator.post(`${REVIEW}/items/${item.id}/split`, { revision: item.revision, offset }));
    const [first, second] = split.items as Item[];
    expect(first).toMatchObject({ id: item.id, position: 8, text: item.text.slice(0, offset).trim(), revision: 2 });
    expect(second).toMatchObject({ position: 9, text: item.text.slice(offset).trim(), status: 'draft', type: item.type });
    expect(second.themes).toEqual(item.themes);
    expect(second.line).toBeGreaterThanOrEqual(item.line!);
    const after = await review();
    expect(after.items.map((i) => i.position)).toEqual([...Array(28).keys()]);
    const ids = (items: Item[]) => items.filter((i) => i.id !== second.id).map((i) => i.id);
    expect(ids(after.items)).toEqual(ids(before.items));
    expect((await history(item.id))[0]).toMatchObject({
      action: 'split',
      relatedItemIds: [second.id],
      after: { text: first.text },
    });
    expect((await history(second.id))[0]).toMatchObject({ action: 'split-off', before: null, relatedItemIds: [item.id] });
    // Outside what the schema allows, then outside the item's (now shorter) text.
    for (const bad of [0, 100_000]) {
      expectProblem(await curator.post(`${REVIEW}/items/${item.id}/split`, { revision: 2, offset: bad }), 400, 'validation');
    }
    const outside = await curator.post(`${REVIEW}/items/${item.id}/split`, { revision: 2, offset: first.text.length });
    expect(expectProblem(outside, 422, 'invalid-split-offset').field).toBe('offset');
    expectProblem(await curator.post(`${REVIEW}/items/${item.id}/split`, { revision: 1, offset: 5 }), 409, 'stale-revision');
  });
});

describe('publication', () => {
  it('keeps draft items out of the library until the document is published', async () => {
    const partner = await t.signIn('focal.ma@liaison.demo');
    expect(await searchTotal(partner, 'zorbulon')).toBe(0);
    expectProblem(await partner.get(`/api/v1/knowledge/documents/${draftId}`), 404, 'not-found');
    const document = await review();
    expectProblem(
      await curator.post(`${REVIEW}/documents/${draftId}/publish`, { revision: document.revision + 1 }),
      409,
      'stale-revision',
    );
    const published = ok(await curator.post(`${REVIEW}/documents/${draftId}/publish`, { revision: document.revision }));
    expect(published).toMatchObject({ status: 'published', counts: { draft: 0, published: 26, withdrawn: 2 } });
    expect(published.publishedBy.displayName).toBe('Thomas Fictif');
    expect(await searchTotal(partner, 'zorbulon')).toBe(1);
    expect(await searchTotal(partner, 'quizzicalword')).toBe(1);
    const found = ok(await partner.get('/api/v1/knowledge/items?q=quizzicalword')).items[0];
    expect(found.text).toContain('<script>');
    expect(found.snippet).not.toContain('<script>');
    expect(ok(await partner.get(`/api/v1/knowledge/documents/${draftId}`)).items).toHaveLength(26);
    expect(await auditCount('knowledge.document.publish', draftId)).toBe(1);
    const documentHistory: Revision[] = ok(await curator.get(`${REVIEW}/documents/${draftId}/history`)).revisions;
    expect(documentHistory[0]).toMatchObject({ itemId: null, action: 'publish', after: { status: 'published' } });
    expect(documentHistory.filter((r) => r.action === 'publish' && r.itemId)).toHaveLength(26);
    expect(documentHistory.some((r) => r.action === 'split-off')).toBe(true);
  });

  it('withdraws and publishes single items', async () => {
    const partner = await t.signIn('focal.ma@liaison.demo');
    const item = await itemAt(0);
    const withdrawn = ok(await curator.post(`${REVIEW}/items/${item.id}/withdraw`, { revision: item.revision }));
    expect(withdrawn).toMatchObject({ status: 'withdrawn', revision: item.revision + 1 });
    expect(await searchTotal(partner, 'zorbulon')).toBe(0);
    expectProblem(
      await curator.patch(`${REVIEW}/items/${item.id}`, { revision: withdrawn.revision, type: 'challenge' }),
      409,
      'item-withdrawn',
    );
    ok(await curator.post(`${REVIEW}/items/${item.id}/publish`, { revision: withdrawn.revision }));
    expect(await searchTotal(partner, 'zorbulon')).toBe(1);
    expect((await history(item.id)).slice(0, 2).map((r) => r.action)).toEqual(['publish', 'withdraw']);
  });

  it('hides a document made TLP:AMBER for the secretariat from other organisations, everywhere', async () => {
    const partner = await t.signIn('focal.ma@liaison.demo');
    const document = await review();
    const patch = (body: Record<string, unknown>) => curator.patch(`${REVIEW}/documents/${draftId}`, body);
    const refused = expectProblem(
      await patch({
        revision: document.revision,
        handlingCode: 'TLP:AMBER',
        distribution: [{ kind: 'organisation', id: randomUUID() }],
      }),
      422,
      'unknown-recipient',
    );
    expect(refused.field).toBe('distribution');
    // TLP:RED to Moroccan units only would lock the secretariat out of its own document.
    const lockedOut = await patch({
      revision: document.revision,
      handlingCode: 'TLP:RED',
      distribution: [{ kind: 'unit', id: morocco.unit }],
    });
    expect(expectProblem(lockedOut, 422, 'would-hide-document').field).toBe('distribution');
    const amber = ok(
      await patch({
        revision: document.revision,
        handlingCode: 'TLP:AMBER',
        distribution: [{ kind: 'organisation', id: secretariat }],
      }),
    );
    expect(amber).toMatchObject({ handlingCode: 'TLP:AMBER', revision: document.revision + 1 });
    expect(amber.distribution).toMatchObject({ toAllPartners: false, organisations: [{ id: secretariat }] });
    expectProblem(await patch({ revision: document.revision, handlingCode: 'TLP:CLEAR' }), 409, 'stale-revision');
    expect(await searchTotal(partner, 'zorbulon')).toBe(0);
    expectProblem(await partner.get(`/api/v1/knowledge/documents/${draftId}`), 404, 'not-found');
    expect(await searchTotal(curator, 'zorbulon')).toBe(1);
    const [sharing] = ok(await curator.get(`${REVIEW}/documents/${draftId}/history`)).revisions as Revision[];
    expect(sharing).toMatchObject({
      action: 'sharing',
      actor: { displayName: 'Thomas Fictif' },
      before: { handlingCode: 'TLP:GREEN', toAllPartners: true },
      after: { handlingCode: 'TLP:AMBER', toAllPartners: false, recipientOrganisations: [secretariat] },
    });
    expect(await auditCount('knowledge.document.sharing', draftId)).toBe(1);
    // Reading an AMBER document for review is itself audited.
    await review();
    expect(await auditCount('knowledge_document.read', draftId)).toBeGreaterThan(0);
  });

  it('offers the vocabularies and recipients the edits are checked against', async () => {
    const vocabulary = ok(await curator.get(`${REVIEW}/vocabulary`));
    expect(vocabulary.countries).toContain('SN');
    expect(vocabulary.themes.map((theme: { id: string }) => theme.id)).toContain('search_and_rescue');
    expect(vocabulary.organisations.find((o: { id: string }) => o.id === 'IOM').label.en).toMatch(/Migration/);
    expect(vocabulary.references.map((r: { id: string }) => r.id)).toContain('GCM:8');
    expect(vocabulary.recipients.organisations.map((o: { id: string }) => o.id)).toContain(morocco.org);
    expect(vocabulary.recipients.sharingGroups.length).toBeGreaterThan(0);
  });
});
