import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommitmentDetail, CommitmentList } from '../../src/shared/followup/contract.js';
import { MAX_EVIDENCE_BYTES } from '../../src/shared/followup/vocabulary.js';
import { expectProblem } from '../support/fixtures.js';
import { DAKAR_TEXT, libraryIngester } from '../support/library.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import { multipartForm } from '../support/uploads.js';
import {
  addAction,
  addIndicator,
  BASE,
  commitmentPayload,
  count,
  createCommitment,
  type FollowupIds,
  followupIds,
  indicatorPayload,
  isoDay,
} from './followup-fixtures.js';

/**
 * Break-it: what another organisation, a reader, a stale page or a hostile input tries. Every refusal
 * is a problem+json, and each test checks that nothing was stored.
 */
let t: TestApp;
let ids: FollowupIds;
const as: Record<string, Client> = {};
/** focal.ma's commitment, TLP:CLEAR to all; and one TLP:AMBER to Morocco only (Spain may not see it). */
let open: CommitmentDetail;
let hidden: CommitmentDetail;

const commitments = () => count(t, sql`select count(*)::int as n from commitments`);
const revisions = (id: string) => count(t, sql`select count(*)::int as n from commitment_revisions where commitment_id = ${id}`);

beforeAll(async () => {
  t = await startTestApp();
  ids = await followupIds(t);
  for (const account of ['focal.ma', 'focal.es', 'reader.es', 'reader.ma', 'focal.sec']) {
    as[account] = await t.signIn(`${account}@liaison.demo`);
  }
  open = await createCommitment(as['focal.ma'], commitmentPayload(ids));
  hidden = await createCommitment(
    as['focal.ma'],
    commitmentPayload(ids, {
      title: 'Moroccan internal plan',
      contributors: [],
      handlingCode: 'TLP:AMBER',
      distribution: { units: [], organisations: [], sharingGroups: [], allPartners: false },
    }),
  );
});
afterAll(() => t.close());

describe('who may change what', () => {
  it('refuses another organisation’s edit of a commitment it can see (403), and changes nothing', async () => {
    const response = await as['focal.es'].patch(`${BASE}/commitments/${open.id}`, { revision: 1, title: 'Taken over' });
    expectProblem(response, 403, 'not-owner-organisation');
    for (const [url, body] of [
      [`/commitments/${open.id}/actions`, { title: 'x', ownerUnitId: ids.unit.es, dueOn: isoDay(5) }],
      [`/commitments/${open.id}/indicators`, indicatorPayload()],
      [`/commitments/${open.id}/status`, { revision: 1, status: 'cancelled', reason: 'no' }],
    ] as const) {
      expectProblem(await as['focal.es'].post(`${BASE}${url}`, body), 403, 'not-owner-organisation');
    }
    const after = (await as['focal.ma'].get(`${BASE}/commitments/${open.id}`)).json() as CommitmentDetail;
    expect(after).toMatchObject({ title: open.title, revision: 1, status: 'active', actionItems: [], indicatorItems: [] });
    expect(await revisions(open.id)).toBe(1);
  });

  it('answers 404 for another organisation’s commitment it may not see, on every path', async () => {
    const es = as['focal.es'];
    expectProblem(await es.get(`${BASE}/commitments/${hidden.id}`), 404, 'not-found');
    expectProblem(await es.get(`${BASE}/commitments/${hidden.id}/history`), 404, 'not-found');
    expectProblem(await es.patch(`${BASE}/commitments/${hidden.id}`, { revision: 1, title: 'x' }), 404, 'not-found');
    expectProblem(
      await es.post(`${BASE}/commitments/${hidden.id}/actions`, { title: 'x', ownerUnitId: ids.unit.es, dueOn: isoDay(5) }),
      404,
      'not-found',
    );
    const action = await addAction(as['focal.ma'], hidden.id, { title: 'Internal', ownerUnitId: ids.unit.ma, dueOn: isoDay(5) });
    const indicator = await addIndicator(as['focal.ma'], hidden.id, indicatorPayload());
    expectProblem(await es.patch(`${BASE}/actions/${action.id}`, { revision: 1, title: 'x' }), 404, 'not-found');
    expectProblem(
      await es.post(`${BASE}/indicators/${indicator.id}/measurements`, { value: 1, measuredOn: isoDay(-1), source: 'x' }),
      404,
      'not-found',
    );
    const list = (await es.get(`${BASE}/commitments?q=Moroccan`)).json() as CommitmentList;
    expect(list).toEqual({ items: [], total: 0 });
    // A random id and an invisible one look the same.
    expectProblem(await es.get(`${BASE}/commitments/${randomUUID()}`), 404, 'not-found');
  });

  it('refuses a reader (403) before anything is read or stored', async () => {
    const before = await commitments();
    const response = await as['reader.es'].post(`${BASE}/commitments`, commitmentPayload(ids, { unitId: ids.unit.es }));
    expect(response.statusCode).toBe(403);
    expect((await as['reader.ma'].patch(`${BASE}/commitments/${open.id}`, { revision: 1, title: 'x' })).statusCode).toBe(403);
    expect(await commitments()).toBe(before);
    // Readers still read.
    expect((await as['reader.es'].get(`${BASE}/commitments/${open.id}`)).statusCode).toBe(200);
  });

  it('refuses creating for a unit the actor does not work in', async () => {
    const before = await commitments();
    const response = await as['focal.es'].post(`${BASE}/commitments`, commitmentPayload(ids, { unitId: ids.unit.ma }));
    expect(response.statusCode).toBe(403);
    expect(await commitments()).toBe(before);
  });
});

describe('bad input stores nothing', () => {
  it('refuses malformed and oversized input with 400', async () => {
    const before = await commitments();
    const cases: Record<string, unknown>[] = [
      commitmentPayload(ids, { title: '' }),
      commitmentPayload(ids, { title: 'x'.repeat(301) }),
      commitmentPayload(ids, { description: 'x'.repeat(20001) }),
      commitmentPayload(ids, { startsOn: '2026-13-45' }),
      commitmentPayload(ids, { unitId: 'not-a-uuid' }),
      commitmentPayload(ids, { references: ['DROP TABLE'] }),
      commitmentPayload(ids, { extra: 1 }),
      commitmentPayload(ids, { title: 'nul\u0000byte' }),
      commitmentPayload(ids, { recommendationIds: Array.from({ length: 51 }, () => randomUUID()) }),
    ];
    for (const payload of cases) {
      const response = await as['focal.ma'].post(`${BASE}/commitments`, payload);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 120)).toBe(400);
    }
    expect(await commitments()).toBe(before);
  });

  it('refuses business-rule breaches with 422 and their slug', async () => {
    const before = await commitments();
    const cases: [Record<string, unknown>, string][] = [
      [{ endsOn: isoDay(-300) }, 'invalid-dates'],
      [{ references: ['CAP:domain:9'] }, 'unknown-reference'],
      [{ contributors: [randomUUID()] }, 'unknown-organisation'],
      [{ recommendationIds: [randomUUID()] }, 'unknown-recommendation'],
    ];
    for (const [overrides, slug] of cases) {
      expectProblem(await as['focal.ma'].post(`${BASE}/commitments`, commitmentPayload(ids, overrides)), 422, slug);
    }
    expect(await commitments()).toBe(before);
  });

  it('gives one answer for a missing, an unpublished, an invisible and a non-recommendation item', async () => {
    const ingest = libraryIngester(t.database.db);
    const unpublishedDoc = await ingest('unpublished.txt', DAKAR_TEXT().replaceAll('2024', '2041'), 'TLP:CLEAR', false);
    const redDoc = await ingest('red.txt', DAKAR_TEXT().replaceAll('2024', '2042'), 'TLP:CLEAR');
    await sql`update knowledge_documents set handling_code = 'TLP:RED', recipient_units = ${[ids.unit.sn]}::uuid[],
      to_all_partners = false where id = ${redDoc}`.execute(t.database.db);
    const item = async (documentId: string, type = 'recommendation') =>
      (
        await sql<{ id: string }>`select id from knowledge_items where document_id = ${documentId} and type = ${type}
        limit 1`.execute(t.database.db)
      ).rows[0]?.id;
    const unpublished = await item(unpublishedDoc);
    const invisible = await item(redDoc);
    const notRecommendation = (
      await sql<{ id: string }>`select id from knowledge_items where id <> all(${ids.recommendations}::uuid[])
        and type <> 'recommendation' and status = 'published' limit 1`.execute(t.database.db)
    ).rows[0].id;
    const before = await commitments();
    const shapes = new Set<string>();
    for (const itemId of [randomUUID(), unpublished, invisible, notRecommendation]) {
      expect(itemId).toBeTruthy();
      const response = await as['focal.ma'].post(`${BASE}/commitments`, commitmentPayload(ids, { recommendationIds: [itemId] }));
      const body = expectProblem(response, 422, 'unknown-recommendation');
      shapes.add(`${body.title}|${body.detail}`);
    }
    expect(shapes.size).toBe(1);
    expect(await commitments()).toBe(before);
    // The follow-up page of an invisible recommendation is a 404 too.
    expectProblem(await as['focal.ma'].get(`${BASE}/recommendations/${invisible}`), 404, 'not-found');
  });

  it('stores <script> in a title as text and renders the description sanitised', async () => {
    const c = await createCommitment(
      as['focal.ma'],
      commitmentPayload(ids, {
        title: '<script>alert(1)</script> plan',
        description: 'Hi <script>alert(2)</script> <img src=x onerror=alert(3)>',
      }),
    );
    expect(c.title).toBe('<script>alert(1)</script> plan');
    expect(c.descriptionHtml).not.toMatch(/<script|<img/i);
    expect(c.descriptionHtml).toContain('&lt;script&gt;');
    expect(c.description).toBe('Hi <script>alert(2)</script> <img src=x onerror=alert(3)>');
  });

  it('treats SQL metacharacters in q as text', async () => {
    for (const q of ["' or 1=1 --", '%', '_', '\\', "'; drop table commitments; --"]) {
      const response = await as['focal.ma'].get(`${BASE}/commitments?q=${encodeURIComponent(q)}`);
      expect(response.statusCode).toBe(200);
      expect((response.json() as CommitmentList).total).toBe(0);
    }
    expect(await commitments()).toBeGreaterThan(0);
  });

  it('refuses a stale edit (409) and changes nothing', async () => {
    const c = await createCommitment(as['focal.ma'], commitmentPayload(ids, { title: 'Stale test' }));
    const first = await as['focal.ma'].patch(`${BASE}/commitments/${c.id}`, { revision: 1, title: 'Stale test, renamed' });
    expect(first.statusCode, first.body).toBe(200);
    expect((first.json() as CommitmentDetail).revision).toBe(2);
    const stale = await as['focal.ma'].patch(`${BASE}/commitments/${c.id}`, { revision: 1, title: 'Lost update' });
    expectProblem(stale, 409, 'stale-revision');
    const action = await addAction(as['focal.ma'], c.id, { title: 'Step', ownerUnitId: ids.unit.ma, dueOn: isoDay(10) });
    await as['focal.ma'].post(`${BASE}/actions/${action.id}/status`, { revision: 1, status: 'in_progress' });
    expectProblem(
      await as['focal.ma'].post(`${BASE}/actions/${action.id}/status`, { revision: 1, status: 'done' }),
      409,
      'stale-revision',
    );
    const after = (await as['focal.ma'].get(`${BASE}/commitments/${c.id}`)).json() as CommitmentDetail;
    expect(after).toMatchObject({ title: 'Stale test, renamed', revision: 2 });
    expect(after.actionItems[0]).toMatchObject({ status: 'in_progress', revision: 2 });
    expect(await revisions(c.id)).toBe(2);
  });

  it('refuses bad indicators: target equal to baseline, target before baseline, too few milestones, wrong value type', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ target: { value: 0, on: isoDay(100) } }, 422, 'target-equals-baseline'],
      [{ target: { value: 10, on: isoDay(-100) } }, 422, 'invalid-dates'],
      [
        {
          valueType: 'milestone',
          milestones: ['only one'],
          baseline: { value: 0, on: isoDay(-10) },
          target: { value: 1, on: isoDay(10) },
        },
        422,
        'invalid',
      ],
      [{ valueType: 'percentage', target: { value: 120, on: isoDay(100) } }, 422, 'wrong-value-type'],
      [
        { valueType: 'boolean', baseline: { value: 0.5, on: isoDay(-10) }, target: { value: 1, on: isoDay(10) } },
        422,
        'wrong-value-type',
      ],
    ];
    for (const [overrides, status, slug] of cases) {
      expectProblem(
        await as['focal.ma'].post(`${BASE}/commitments/${open.id}/indicators`, indicatorPayload(overrides)),
        status,
        slug,
      );
    }
    expect(await count(t, sql`select count(*)::int as n from indicators where commitment_id = ${open.id}`)).toBe(0);
  });

  it('refuses bad measurements: wrong value type, before the baseline, in the future, bad evidence', async () => {
    const c = await createCommitment(as['focal.ma'], commitmentPayload(ids, { title: 'Measured' }));
    const percent = await addIndicator(
      as['focal.ma'],
      c.id,
      indicatorPayload({
        valueType: 'percentage',
        baseline: { value: 10, on: isoDay(-50) },
        target: { value: 90, on: isoDay(50) },
      }),
    );
    const upload = async (client: Client) => {
      const form = await multipartForm([{ name: 'proof.pdf', data: '%PDF-1.4\nproof\n' }], [], 'file');
      const response = await client.request({
        method: 'POST',
        url: `${BASE}/evidence`,
        payload: form.payload,
        headers: { 'content-type': form.contentType },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    const othersUpload = await upload(as['focal.es']);
    const good = { value: 50, measuredOn: isoDay(-1), source: 'Survey' };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ value: 101 }, 422, 'wrong-value-type'],
      [{ measuredOn: isoDay(-51) }, 422, 'measured-before-baseline'],
      [{ measuredOn: isoDay(2) }, 422, 'measured-in-future'],
      [{ evidence: { url: 'javascript:alert(1)' } }, 422, 'invalid-evidence'],
      [{ evidence: { url: 'not a url' } }, 422, 'invalid-evidence'],
      [{ evidence: { attachmentId: othersUpload } }, 422, 'invalid-evidence'],
      [{ evidence: { attachmentId: randomUUID() } }, 422, 'invalid-evidence'],
      [{ value: 'fifty' }, 400, 'validation'],
    ];
    for (const [overrides, status, slug] of cases) {
      expectProblem(
        await as['focal.ma'].post(`${BASE}/indicators/${percent.id}/measurements`, { ...good, ...overrides }),
        status,
        slug,
      );
    }
    expect(await count(t, sql`select count(*)::int as n from indicator_measurements where indicator_id = ${percent.id}`)).toBe(0);
    // The other user's upload is still theirs to use.
    expect(
      await count(t, sql`select count(*)::int as n from attachments where id = ${othersUpload} and attached_at is null`),
    ).toBe(1);
  });

  it('refuses evidence over 10 MB (413) and keeps nothing', async () => {
    const before = await count(t, sql`select count(*)::int as n from attachments`);
    const form = await multipartForm([{ name: 'big.pdf', data: Buffer.alloc(MAX_EVIDENCE_BYTES + 1, 0x25) }], [], 'file');
    const response = await as['focal.ma'].request({
      method: 'POST',
      url: `${BASE}/evidence`,
      payload: form.payload,
      headers: { 'content-type': form.contentType },
    });
    expectProblem(response, 413, 'evidence-too-large');
    expect(await count(t, sql`select count(*)::int as n from attachments`)).toBe(before);
    // Exactly 10 MB is taken.
    const limit = await multipartForm([{ name: 'max.pdf', data: Buffer.alloc(MAX_EVIDENCE_BYTES, 0x25) }], [], 'file');
    const taken = await as['focal.ma'].request({
      method: 'POST',
      url: `${BASE}/evidence`,
      payload: limit.payload,
      headers: { 'content-type': limit.contentType },
    });
    expect(taken.statusCode, taken.body).toBe(201);
    expect(taken.json().size).toBe(MAX_EVIDENCE_BYTES);
  });

  it('refuses a program as evidence (415)', async () => {
    const form = await multipartForm(
      [{ name: 'tool.exe', data: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]) }],
      [],
      'file',
    );
    const response = await as['focal.ma'].request({
      method: 'POST',
      url: `${BASE}/evidence`,
      payload: form.payload,
      headers: { 'content-type': form.contentType },
    });
    expect(response.statusCode).toBe(415);
  });
});
