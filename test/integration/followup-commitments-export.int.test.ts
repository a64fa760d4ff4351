import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommitmentDetail, EvidenceUpload } from '../../src/shared/followup/contract.js';
import { expectProblem } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import { multipartForm } from '../support/uploads.js';
import {
  addAction,
  addIndicator,
  addMeasurement,
  BASE,
  commitmentPayload,
  count,
  createCommitment,
  type FollowupIds,
  followupIds,
  indicatorPayload,
  isoDay,
} from './followup-fixtures.js';

/** Exports (CSV rules, languages, audit) and evidence files (upload, use once, audited download). */
let t: TestApp;
let ids: FollowupIds;
const as: Record<string, Client> = {};
const TOKEN = 'quillzephyr';
let c: CommitmentDetail;

async function upload(client: Client, name: string, data: string | Buffer): Promise<EvidenceUpload> {
  const form = await multipartForm([{ name, data }], [], 'file');
  const response = await client.request({
    method: 'POST',
    url: `${BASE}/evidence`,
    payload: form.payload,
    headers: { 'content-type': form.contentType },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

beforeAll(async () => {
  t = await startTestApp();
  ids = await followupIds(t);
  for (const account of ['focal.ma', 'focal.es', 'focal.ne']) as[account] = await t.signIn(`${account}@liaison.demo`);
  c = await createCommitment(as['focal.ma'], commitmentPayload(ids, { title: `=HYPERLINK("http://evil") ${TOKEN}` }));
  await addAction(as['focal.ma'], c.id, { title: '@SUM(A1) step', ownerUnitId: ids.unit.es, dueOn: isoDay(15) });
  const indicator = await addIndicator(as['focal.ma'], c.id, indicatorPayload());
  await addMeasurement(as['focal.ma'], indicator.id, {
    value: 40,
    measuredOn: isoDay(-3),
    source: '+cmd|calc',
    note: 'Première mesure',
  });
});
afterAll(() => t.close());

describe('exports', () => {
  it('writes CSV with a BOM, CRLF, formulas neutralised, headers in the asked language, and audits it', async () => {
    const response = await as['focal.es'].get(`${BASE}/export?q=${TOKEN}&lang=fr`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="liaison-commitments-/);
    expect(response.headers['x-liaison-export-total']).toBe('1');
    expect(response.headers['content-language']).toBe('fr');
    expect(response.body.startsWith('\uFEFF')).toBe(true);
    const lines = response.body.slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^ID de l’engagement,Engagement,Statut,Partenaire chef de file/);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"") ${TOKEN}"`);
    expect(lines[1]).toContain('En cours');
    expect(
      await count(
        t,
        sql`select count(*)::int as n from audit_log where action = 'followup.export' and details->>'kind' = 'commitments'
          and details->'filters'->>'q' = ${TOKEN}`,
      ),
    ).toBe(1);
  });

  it('exports actions and measurements of the visible commitments, in CSV and JSON', async () => {
    const actions = await as['focal.es'].get(`${BASE}/export?q=${TOKEN}&kind=actions`, { 'accept-language': 'ar' });
    expect(actions.headers['content-language']).toBe('ar');
    expect(actions.body).toContain('الإجراء');
    expect(actions.body).toContain("'@SUM(A1) step");
    const measurements = await as['focal.es'].get(`${BASE}/export?q=${TOKEN}&kind=measurements`);
    expect(measurements.body).toContain("'+cmd|calc");
    expect(measurements.body).toContain('Première mesure');
    const json = (await as['focal.es'].get(`${BASE}/export?q=${TOKEN}&kind=measurements&format=json`)).json();
    expect(json).toMatchObject({ kind: 'measurements', total: 1, exported: 1, capped: false });
    expect(json.measurements).toEqual([expect.objectContaining({ commitmentId: c.id, value: 40, source: '+cmd|calc' })]);
  });

  it('audits a TLP:AMBER commitment read in a list, a page and an export', async () => {
    const amber = await createCommitment(
      as['focal.ma'],
      commitmentPayload(ids, { title: `${TOKEN} amber`, handlingCode: 'TLP:AMBER', contributors: [] }),
    );
    const reads = () =>
      count(t, sql`select count(*)::int as n from audit_log where action = 'commitment.read' and target_id = ${amber.id}`);
    const before = await reads();
    await as['focal.es'].get(`${BASE}/commitments/${amber.id}`);
    await as['focal.es'].get(`${BASE}/commitments?q=${TOKEN}`);
    expect(await reads()).toBe(before + 2);
    await as['focal.es'].get(`${BASE}/export?q=${TOKEN}`);
    const exported = await sql<{ ids: string[] }>`select details->'sensitiveCommitments' as ids from audit_log
      where action = 'followup.export' order by id desc limit 1`.execute(t.database.db);
    expect(exported.rows[0].ids).toEqual([amber.id]);
  });
});

describe('evidence files', () => {
  it('uploads a file, names it in one measurement only, and serves it as an audited attachment', async () => {
    const indicator = await addIndicator(as['focal.ma'], c.id, indicatorPayload({ name: 'Files' }));
    const file = await upload(as['focal.ma'], 'rapport été.pdf', '%PDF-1.4\n% the evidence\n');
    expect(file).toMatchObject({ filename: 'rapport été.pdf', mediaType: 'application/pdf' });
    const measured = await addMeasurement(as['focal.ma'], indicator.id, {
      value: 5,
      measuredOn: isoDay(-1),
      source: 'Report',
      evidence: { attachmentId: file.id },
    });
    const m = measured.measurements[0];
    expect(m.evidence).toEqual({ kind: 'file', filename: 'rapport été.pdf', size: file.size, mediaType: 'application/pdf' });
    // Used once: a second measurement cannot take the same upload.
    expectProblem(
      await as['focal.ma'].post(`${BASE}/indicators/${indicator.id}/measurements`, {
        value: 6,
        measuredOn: isoDay(-1),
        source: 'Again',
        evidence: { attachmentId: file.id },
      }),
      422,
      'invalid-evidence',
    );
    const download = await as['focal.ne'].get(`${BASE}/measurements/${m.id}/evidence`);
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('%PDF-1.4\n% the evidence\n');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="rapport _t_.pdf"; filename\*=UTF-8''/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(
      await count(
        t,
        sql`select count(*)::int as n from audit_log where action = 'attachment.download' and target_id = ${file.id}
          and details->>'measurementId' = ${m.id}`,
      ),
    ).toBe(1);
  });

  it('answers 404 for the evidence of a measurement with a link, and of a missing one', async () => {
    const indicator = await addIndicator(as['focal.ma'], c.id, indicatorPayload({ name: 'Links' }));
    const measured = await addMeasurement(as['focal.ma'], indicator.id, {
      value: 5,
      measuredOn: isoDay(-1),
      source: 'Web',
      evidence: { url: 'https://example.org/report' },
    });
    expectProblem(await as['focal.ma'].get(`${BASE}/measurements/${measured.measurements[0].id}/evidence`), 404, 'not-found');
    expectProblem(await as['focal.ma'].get(`${BASE}/measurements/${c.id}/evidence`), 404, 'not-found');
  });
});
