import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/server/modules/knowledge/ingestion.js';
import type { Db } from '../../src/server/platform/db/database.js';
import { expectProblem, type Response } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import { multipartForm, type UploadFile } from '../support/uploads.js';

const REVIEW = '/api/v1/knowledge/review';

interface ReviewDocument {
  id: string;
  status: string;
  version: number;
  revision: number;
  handlingCode: string;
  fileName: string;
  previousVersionId: string | null;
  nextVersionId: string | null;
  discarded: { at: string; by: { displayName: string } | null; reason: string } | null;
  items: { id: string; revision: number; text: string }[];
}

let t: TestApp;
let db: Db;
let curator: Client;
let reader: Client;
let secretariat: string;

const ok = (response: Response, status = 200) => {
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
};
const reviewOf = async (id: string): Promise<ReviewDocument> => ok(await curator.get(`${REVIEW}/documents/${id}`));
const listed = async (query = '') =>
  (ok(await curator.get(`${REVIEW}/documents${query}`)).items as { id: string }[]).map((row) => row.id);
const auditDetails = async (action: string, targetId: string) =>
  (
    await sql<{
      details: Record<string, unknown>;
    }>`select details from audit_log where action = ${action} and target_id = ${targetId}`.execute(db)
  ).rows.map((row) => row.details);

let counter = 0;
/** A fresh draft of its own (a unique title, so no two tests share a version chain). */
async function draft(text?: string) {
  counter += 1;
  const body = text ?? `# Draft meeting ${counter}\n\nRecommendations\n\n- Share information on route ${counter}.\n`;
  const ingested = await ingestDocument(db, {
    fileName: `draft-${counter}.md`,
    data: Buffer.from(body),
    originatorOrganisationId: secretariat,
    handlingCode: 'TLP:GREEN',
    publish: false,
  });
  return reviewOf(ingested.documentId);
}

async function replace(client: Client, id: string, files: UploadFile[], query = '') {
  const body = await multipartForm(files, []);
  return client.request({
    method: 'POST',
    url: `${REVIEW}/documents/${id}/replace${query}`,
    payload: body.payload,
    headers: { 'content-type': body.contentType },
  });
}

beforeAll(async () => {
  t = await startTestApp();
  db = t.database.db;
  curator = await t.signIn('focal.sec@liaison.demo');
  reader = await t.signIn('reader.sec@liaison.demo');
  secretariat = (await sql<{ id: string }>`select id from organisations where kind = 'secretariat'`.execute(db)).rows[0].id;
});
afterAll(() => t.close());

describe('discarding a draft', () => {
  it('takes it out of the review list, keeps who, when and why, and audits it', async () => {
    const document = await draft('Nothing here but a short note about lunch.');
    expect(await listed()).toContain(document.id);
    const answer: ReviewDocument = ok(
      await curator.post(`${REVIEW}/documents/${document.id}/discard`, {
        revision: document.revision,
        reason: 'Wrong file: minutes, not conclusions',
      }),
    );
    expect(answer.status).toBe('discarded');
    expect(answer.discarded).toMatchObject({
      reason: 'Wrong file: minutes, not conclusions',
      by: { displayName: expect.any(String) },
    });
    expect(await listed()).not.toContain(document.id);
    expect(await listed('?status=discarded')).toContain(document.id);
    const history = ok(await curator.get(`${REVIEW}/documents/${document.id}/history`)).revisions;
    expect(history[0]).toMatchObject({ action: 'discard', before: { status: 'draft' }, after: { status: 'discarded' } });
    expect(await auditDetails('knowledge.document.discard', document.id)).toHaveLength(1);
  });

  it('refuses a published document, a stale revision, an empty reason, and any later change', async () => {
    const published = await draft();
    ok(await curator.post(`${REVIEW}/documents/${published.id}/publish`, { revision: published.revision }));
    const now = await reviewOf(published.id);
    expectProblem(
      await curator.post(`${REVIEW}/documents/${published.id}/discard`, { revision: now.revision, reason: 'x' }),
      409,
      'not-a-draft',
    );
    const document = await draft();
    expectProblem(
      await curator.post(`${REVIEW}/documents/${document.id}/discard`, { revision: document.revision + 1, reason: 'x' }),
      409,
      'stale-revision',
    );
    expect(
      (await curator.post(`${REVIEW}/documents/${document.id}/discard`, { revision: document.revision, reason: '   ' }))
        .statusCode,
    ).toBe(400);
    const discarded: ReviewDocument = ok(
      await curator.post(`${REVIEW}/documents/${document.id}/discard`, { revision: document.revision, reason: 'duplicate' }),
    );
    expectProblem(
      await curator.post(`${REVIEW}/documents/${document.id}/publish`, { revision: discarded.revision }),
      409,
      'not-a-draft',
    );
    const [item] = discarded.items;
    expectProblem(
      await curator.patch(`${REVIEW}/items/${item.id}`, { revision: item.revision, text: 'changed' }),
      409,
      'not-a-draft',
    );
  });

  it('lets the same file be imported again once its document is discarded', async () => {
    const text = '# Discard me\n\nRecommendations\n\n- Train border officers together.\n';
    const document = await draft(text);
    ok(await curator.post(`${REVIEW}/documents/${document.id}/discard`, { revision: document.revision, reason: 'by mistake' }));
    const again = await draft(text);
    expect(again.id).not.toBe(document.id);
    expect(again.status).toBe('draft');
  });

  it('is for curators only, and answers 404 for a document the caller cannot see', async () => {
    const document = await draft();
    expect((await reader.post(`${REVIEW}/documents/${document.id}/discard`, { revision: 1, reason: 'x' })).statusCode).toBe(403);
    const upload = await replace(reader, document.id, [{ name: 'a.md', data: '# A\n\nRecommendations\n\n- B.\n' }]);
    expect(upload.statusCode).toBe(403);
    // TLP:RED to no unit of the curator's: the sharing rule hides it from them.
    const hidden = await ingestDocument(db, {
      fileName: 'red.md',
      data: Buffer.from('# Red meeting\n\nRecommendations\n\n- Keep it secret.\n'),
      originatorOrganisationId: secretariat,
      handlingCode: 'TLP:RED',
      distribution: { recipientUnits: [], recipientOrganisations: [], recipientSharingGroups: [], toAllPartners: false },
      publish: false,
    });
    expectProblem(
      await curator.post(`${REVIEW}/documents/${hidden.documentId}/discard`, { revision: 1, reason: 'x' }),
      404,
      'not-found',
    );
  });
});

describe('replacing a draft by another file', () => {
  it('stores the new reading as the next version and discards the old one in its favour', async () => {
    const document = await draft('Only a signature block, nothing to extract.');
    expect(document.items).toHaveLength(0);
    const answer: ReviewDocument = ok(
      await replace(curator, document.id, [
        {
          name: 'conclusions.md',
          data: '# Conclusions of the meeting\n\nRecommendations\n\n- Share passenger data.\n- Train officers.\n',
        },
      ]),
      201,
    );
    expect(answer).toMatchObject({
      status: 'draft',
      version: document.version + 1,
      previousVersionId: document.id,
      fileName: 'conclusions.md',
      handlingCode: document.handlingCode,
    });
    expect(answer.items.length).toBeGreaterThanOrEqual(2);
    const old = await reviewOf(document.id);
    expect(old.status).toBe('discarded');
    expect(old.nextVersionId).toBe(answer.id);
    expect(old.discarded?.reason).toContain('conclusions.md');
    expect(await listed()).toContain(answer.id);
    expect(await listed()).not.toContain(document.id);
    expect(await auditDetails('knowledge.document.discard', document.id)).toEqual([
      expect.objectContaining({ replacedBy: answer.id }),
    ]);
    expect(await auditDetails('knowledge.document.ingest', answer.id)).toEqual([
      expect.objectContaining({ via: 'replace', replaces: document.id }),
    ]);
  });

  it("gives the reader's reason for a refused file and changes nothing", async () => {
    const document = await draft();
    expectProblem(await replace(curator, document.id, [{ name: 'sheet.xlsx', data: 'x' }]), 415, 'unsupported-format');
    expectProblem(await replace(curator, document.id, [{ name: 'fake.pdf', data: 'not a pdf at all' }]), 422, 'corrupt-document');
    expectProblem(await replace(curator, document.id, [{ name: 'same.md', data: '' }]), 422, 'empty-document');
    expect((await reviewOf(document.id)).status).toBe('draft');
  });

  it('refuses the very same file, two files, a stale revision and a published document', async () => {
    const text = '# Same file\n\nRecommendations\n\n- Keep it.\n';
    const document = await draft(text);
    expectProblem(await replace(curator, document.id, [{ name: 'same.md', data: text }]), 409, 'same-file');
    const two = [
      { name: 'a.md', data: '# A\n\nRecommendations\n\n- A.\n' },
      { name: 'b.md', data: '# B\n\nRecommendations\n\n- B.\n' },
    ];
    expect((await replace(curator, document.id, two)).statusCode).toBe(413);
    expectProblem(await replace(curator, document.id, [two[0]], `?revision=${document.revision + 5}`), 409, 'stale-revision');
    ok(await curator.post(`${REVIEW}/documents/${document.id}/publish`, { revision: document.revision }));
    expectProblem(await replace(curator, document.id, [two[0]]), 409, 'not-a-draft');
    expect((await reviewOf(document.id)).status).toBe('published');
  });
});
