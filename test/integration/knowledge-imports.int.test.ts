import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/platform/db/database.js';
import { REPO_ROOT } from '../support/cli.js';
import { expectProblem, sleep } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import { openTestDatabase } from '../support/test-database.js';

const API = '/api/v1/knowledge/imports';
const DAKAR = fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/knowledge/2024-03-dakar-rabat-protection-fr.txt'), 'utf8');
const SOFIA = fs.readFileSync(
  path.join(REPO_ROOT, '../shared/corpus/2023-10-sofia-budapest-integrated-border-management.txt'),
  'utf8',
);
const CORRUPT_PDF = '%PDF-1.7\n1 0 obj << /Type /Catalog >> truncated';

interface UploadFile {
  name: string;
  data: string | Buffer;
}
interface ImportFile {
  fileName: string;
  status: string;
  progress: number;
  documentId: string | null;
  version: number | null;
  items: number | null;
  problem: { type: string; slug: string; title: string; detail: string } | null;
}
interface Import {
  id: string;
  status: string;
  progress: number;
  handlingCode: string;
  files: ImportFile[];
}

let t: TestApp;
let db: Db;
let curator: Client;
const ids = { es: '', ma: '', budapest: '' };

/** A multipart body as a browser's FormData sends it. */
async function form(files: UploadFile[], fields: [string, string][]) {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  for (const file of files)
    data.append('files', new Blob([typeof file.data === 'string' ? file.data : new Uint8Array(file.data)]), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: data });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type') as string };
}

async function upload(client: Client, files: UploadFile[], fields: [string, string][]) {
  const body = await form(files, fields);
  return client.request({ method: 'POST', url: API, payload: body.payload, headers: { 'content-type': body.contentType } });
}

/** Uploads and expects 202; returns the import as first answered. */
async function startImport(client: Client, files: UploadFile[], fields: [string, string][]): Promise<Import> {
  const response = await upload(client, files, fields);
  expect(response.statusCode, response.body).toBe(202);
  return response.json();
}

async function finished(client: Client, id: string, timeoutMs = 45_000): Promise<Import> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await client.get(`${API}/${id}`);
    expect(response.statusCode, response.body).toBe(200);
    const answer: Import = response.json();
    if (answer.status === 'done' || answer.status === 'failed') return answer;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${answer.status}`);
    await sleep(50);
  }
}

const byName = (answer: Import, name: string) => answer.files.find((file) => file.fileName === name) as ImportFile;
const count = async (table: string, where = sql`true`) =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${where}`.execute(db)).rows[0].n;
const amberToBudapest: [string, string][] = [
  ['handlingCode', 'TLP:AMBER'],
  ['distribution', 'sharing_group:BUDAPEST'],
];
const fieldsWith = (fields: [string, string][]) =>
  fields.map(([name, value]): [string, string] => [name, value.replace('BUDAPEST', ids.budapest)]);

beforeAll(async () => {
  t = await startTestApp({ jobPollMs: 20 });
  db = t.database.db;
  curator = await t.signIn('focal.sec@liaison.demo');
  const one = async (query: ReturnType<typeof sql<{ id: string }>>) => (await query.execute(db)).rows[0].id;
  ids.es = await one(sql`select id from organisations where acronym = 'CGEF'`);
  ids.ma = await one(sql`select id from organisations where acronym = 'DMSF'`);
  ids.budapest = await one(sql`select id from sharing_groups where name = 'Budapest Process partners'`);
});
afterAll(() => t.close());

describe('importing documents from the web app', () => {
  it('ingests several files in the background: good ones as drafts with the chosen handling, bad ones failed on their own', async () => {
    const documentsBefore = await count('knowledge_documents');
    const sofiaRevised = `${SOFIA}\n- Participants agreed to meet again in Sofia in 2024.\n`;
    const files = [
      { name: 'dakar.txt', data: DAKAR },
      { name: 'broken.pdf', data: CORRUPT_PDF },
      { name: 'sofia.txt', data: sofiaRevised },
      { name: 'blank.md', data: '   \n\n  ' },
    ];
    const response = await upload(curator, files, fieldsWith([...amberToBudapest, ['distribution', `organisation:${ids.ma}`]]));
    expect(response.statusCode, response.body).toBe(202);
    const accepted: Import = response.json();
    expect(response.headers.location).toBe(`${API}/${accepted.id}`);
    // The worker may already have started on the first file by the time the answer is written.
    expect(accepted.files.map((f) => f.fileName)).toEqual(files.map((f) => f.name));
    expect(accepted.files.slice(1).map((f) => f.status)).toEqual(['queued', 'queued', 'queued']);

    const done = await finished(curator, accepted.id);
    expect(done).toMatchObject({ status: 'done', progress: 100, handlingCode: 'TLP:AMBER' });
    expect(byName(done, 'dakar.txt')).toMatchObject({ status: 'done', progress: 100, version: 1, items: 27, problem: null });
    expect(byName(done, 'sofia.txt')).toMatchObject({ status: 'done', version: 2 });
    expect(byName(done, 'broken.pdf')).toMatchObject({
      status: 'failed',
      documentId: null,
      problem: { type: 'urn:liaison:problem:corrupt-document', slug: 'corrupt-document', title: 'Corrupt document' },
    });
    expect(byName(done, 'broken.pdf').problem?.detail).toMatch(/broken\.pdf is damaged/);
    expect(byName(done, 'blank.md')).toMatchObject({ status: 'failed', problem: { slug: 'empty-document' } });

    // Exactly the two good documents were stored, as drafts with the curator's handling and distribution.
    expect(await count('knowledge_documents')).toBe(documentsBefore + 2);
    const stored = await sql<Record<string, unknown>>`select d.status, d.handling_code, d.to_all_partners,
        d.recipient_sharing_groups, d.recipient_organisations, o.acronym as originator, u.email as created_by,
        (select count(*) from knowledge_items i where i.document_id = d.id and i.status <> 'draft')::int as published_items
      from knowledge_documents d join organisations o on o.id = d.originator_organisation_id join users u on u.id = d.created_by
      where d.id = any(${[byName(done, 'dakar.txt').documentId, byName(done, 'sofia.txt').documentId]}::uuid[])`.execute(db);
    expect(stored.rows).toHaveLength(2);
    for (const row of stored.rows) {
      expect(row).toEqual({
        status: 'draft',
        handling_code: 'TLP:AMBER',
        to_all_partners: false,
        recipient_sharing_groups: [ids.budapest],
        recipient_organisations: [ids.ma],
        originator: 'RPS',
        created_by: 'focal.sec@liaison.demo',
        published_items: 0,
      });
    }
    // The uploaded bytes are gone once every file has its outcome.
    expect(await count('knowledge_import_files', sql`content is not null`)).toBe(0);

    const audit = await sql<{ action: string; n: number }>`select action, count(*)::int as n from audit_log
      where (action = 'knowledge.import.create' and target_id = ${accepted.id})
         or (action = 'knowledge.document.ingest' and details->>'importId' = ${accepted.id})
      group by action order by action`.execute(db);
    expect(audit.rows).toEqual([
      { action: 'knowledge.document.ingest', n: 2 },
      { action: 'knowledge.import.create', n: 1 },
    ]);

    const list = await curator.get(`${API}?limit=5`);
    expect(list.json().items[0]).toMatchObject({
      id: accepted.id,
      status: 'done',
      createdBy: { displayName: 'Thomas Fictif' },
      fileCounts: { total: 4, done: 2, duplicate: 0, failed: 2 },
    });
  });

  it('does not duplicate the same file, and records a changed file as a new version', async () => {
    const first = await finished(
      curator,
      (await startImport(curator, [{ name: 'dakar.txt', data: DAKAR }], fieldsWith(amberToBudapest))).id,
    );
    const documentsBefore = await count('knowledge_documents');
    const again = await finished(
      curator,
      (await startImport(curator, [{ name: 'copy.txt', data: DAKAR }], fieldsWith(amberToBudapest))).id,
    );
    expect(again.files[0]).toMatchObject({ status: 'duplicate', documentId: first.files[0].documentId, version: 1 });
    expect(await count('knowledge_documents')).toBe(documentsBefore);

    const changed = `${DAKAR}\n- Les participants ont convenu de se réunir à nouveau à Dakar.\n`;
    const next = await finished(
      curator,
      (await startImport(curator, [{ name: 'dakar-v2.txt', data: changed }], fieldsWith(amberToBudapest))).id,
    );
    expect(next.files[0]).toMatchObject({ status: 'done', version: 2 });
    const link = await sql<{ previous: string }>`select previous_version_id as previous from knowledge_documents
      where id = ${next.files[0].documentId}`.execute(db);
    expect(link.rows[0].previous).toBe(first.files[0].documentId);
  });

  it('keeps a published TLP:AMBER document to its recipients in search', async () => {
    const text = DAKAR.replaceAll('2024', '2037').replace(
      'indicateurs de vulnérabilité.\n',
      'indicateurs de vulnérabilité.\n9. Partager le registre quorvex.\n',
    );
    const done = await finished(
      curator,
      (await startImport(curator, [{ name: 'amber.txt', data: text }], fieldsWith([...amberToBudapest, ['publish', 'true']]))).id,
    );
    expect(done.files[0].status).toBe('done');
    const hits = async (client: Client) => (await client.get('/api/v1/knowledge/items?q=quorvex')).json().total;
    expect(await hits(await t.signIn('focal.es@liaison.demo'))).toBe(1); // Budapest Process partner
    expect(await hits(curator)).toBe(1); // the originator's organisation
    expect(await hits(await t.signIn('focal.ma@liaison.demo'))).toBe(0);
    expect(await hits(t.anonymous())).toBe(0);
  });
});

describe('an import survives a restart', () => {
  it('runs after the app that accepted it closed before its worker started', async () => {
    const database = await openTestDatabase();
    try {
      const first = await startTestApp({ jobPollMs: 0 }, database);
      const client = await first.signIn('analyst.sec@liaison.demo');
      const text = DAKAR.replaceAll('2024', '2038');
      const accepted = await startImport(
        client,
        [{ name: 'restart.txt', data: text }],
        [
          ['handlingCode', 'TLP:GREEN'],
          ['distribution', 'all_partners'],
        ],
      );
      await first.close();
      expect(
        (
          await sql<{ status: string }>`select status from jobs j join knowledge_imports i on i.job_id = j.id
        where i.id = ${accepted.id}`.execute(database.db)
        ).rows[0].status,
      ).toBe('queued');

      const second = await startTestApp({ jobPollMs: 20 }, database);
      const done = await finished(await second.signIn('analyst.sec@liaison.demo'), accepted.id);
      expect(done.files[0]).toMatchObject({ status: 'done', version: 1 });
      await second.close();
    } finally {
      await database.close();
    }
  });

  it('takes over a job whose process was killed mid-way (lease expired) and finishes the files left', async () => {
    const database = await openTestDatabase();
    try {
      const first = await startTestApp({ jobPollMs: 0 }, database);
      const client = await first.signIn('focal.sec@liaison.demo');
      const files = ['2039', '2040'].map((year) => ({ name: `${year}.txt`, data: DAKAR.replaceAll('2024', year) }));
      const accepted = await startImport(client, files, [
        ['handlingCode', 'TLP:GREEN'],
        ['distribution', 'all_partners'],
      ]);
      await first.close();
      // What a killed worker leaves: the job running under a lease that has run out, a file half-way.
      await sql`update jobs set status = 'running', attempts = 1, locked_by = 'killed', locked_until = now() - interval '1 second'
        where id = (select job_id from knowledge_imports where id = ${accepted.id})`.execute(database.db);
      await sql`update knowledge_import_files set status = 'extracting', progress = 40
        where import_id = ${accepted.id} and position = 0`.execute(database.db);

      const second = await startTestApp({ jobPollMs: 20 }, database);
      const done = await finished(await second.signIn('focal.sec@liaison.demo'), accepted.id);
      expect(done.files.map((f) => [f.status, f.version])).toEqual([
        ['done', 1],
        ['done', 1],
      ]);
      const job = await sql<{ attempts: number }>`select attempts from jobs
        where id = (select job_id from knowledge_imports where id = ${accepted.id})`.execute(database.db);
      expect(job.rows[0].attempts).toBe(2);
      await second.close();
    } finally {
      await database.close();
    }
  });
});

describe('refusing what cannot be imported, storing nothing', () => {
  const stored = async () => [await count('knowledge_imports'), await count('knowledge_import_files'), await count('jobs')];
  const good = { name: 'ok.txt', data: 'Recommendations\n\n- Share information.' };
  const all: [string, string][] = [
    ['handlingCode', 'TLP:GREEN'],
    ['distribution', 'all_partners'],
  ];
  const cases: [string, UploadFile[], [string, string][], number, string][] = [
    ['no files', [], all, 400, 'no-files'],
    ['a wrong extension', [good, { name: 'notes.xlsx', data: 'x' }], all, 415, 'unsupported-format'],
    ['an empty file', [good, { name: 'empty.txt', data: '' }], all, 422, 'empty-document'],
    ['no handling code', [good], [['distribution', 'all_partners']], 400, 'invalid-handling-code'],
    [
      'an unknown handling code',
      [good],
      [
        ['handlingCode', 'TLP:PURPLE'],
        ['distribution', 'all_partners'],
      ],
      400,
      'invalid-handling-code',
    ],
    ['two handling codes', [good], [...all, ['handlingCode', 'TLP:RED']], 400, 'validation'],
    ['no distribution', [good], [['handlingCode', 'TLP:GREEN']], 400, 'invalid-distribution'],
    [
      'a malformed recipient',
      [good],
      [
        ['handlingCode', 'TLP:GREEN'],
        ['distribution', "organisation:1' or '1'='1"],
      ],
      400,
      'invalid-distribution',
    ],
    [
      'an unknown recipient',
      [good],
      [
        ['handlingCode', 'TLP:GREEN'],
        ['distribution', 'sharing_group:00000000-0000-4000-8000-000000000000'],
      ],
      422,
      'unknown-recipient',
    ],
    ['a bad publish flag', [good], [...all, ['publish', 'maybe']], 400, 'validation'],
    ['an unknown field', [good], [...all, ['owner', 'someone-else']], 400, 'unknown-field'],
  ];
  it.each(cases)('refuses %s', async (_name, files, fields, status, slug) => {
    const before = await stored();
    const body = expectProblem(await upload(curator, files, fields), status, slug);
    expect(String(body.detail)).toMatch(/\S/);
    expect(await stored()).toEqual(before);
  });

  it('refuses a file over 20 MB and more than 20 files', async () => {
    const before = await stored();
    const big = { name: 'big.txt', data: Buffer.alloc(20 * 1024 * 1024 + 1, 'a') };
    expectProblem(await upload(curator, [good, big], all), 413, 'too-large');
    const many = Array.from({ length: 21 }, (_, i) => ({ name: `f${i}.txt`, data: `file ${i}` }));
    expectProblem(await upload(curator, many, all), 413, 'too-many-files');
    expect(await stored()).toEqual(before);
  });

  it('refuses a body that is not multipart, and a multipart body elsewhere', async () => {
    expectProblem(await curator.post(API, { handlingCode: 'TLP:GREEN' }), 415, 'unsupported-media-type');
    const body = await form([good], all);
    const elsewhere = await curator.request({
      method: 'PATCH',
      url: '/api/v1/me',
      payload: body.payload,
      headers: { 'content-type': body.contentType },
    });
    expectProblem(elsewhere, 415, 'unsupported-media-type');
  });

  it('keeps file names as plain text, without folders', async () => {
    const names = ['<img src=x onerror=alert(1)>.txt', "x'; drop table knowledge_documents;--.md", '../../etc/passwd.txt'];
    const accepted = await startImport(
      curator,
      names.map((name, i) => ({ name, data: `Recommendations\n\n- Item ${i}.` })),
      all,
    );
    expect(accepted.files.map((f) => f.fileName)).toEqual([names[0], names[1], 'passwd.txt']);
    const done = await finished(curator, accepted.id);
    const stored = await sql<{ file_name: string }>`select file_name from knowledge_documents
      where id = any(${done.files.map((f) => f.documentId)}::uuid[])`.execute(db);
    expect(stored.rows.map((row) => row.file_name).sort()).toEqual([names[0], names[1], 'passwd.txt'].sort());
  });
});

describe('who may import', () => {
  it('lets curators follow the imports they may see, and nobody else', async () => {
    const accepted = await startImport(
      curator,
      [{ name: 'who.txt', data: DAKAR.replaceAll('2024', '2041') }],
      [
        ['handlingCode', 'TLP:GREEN'],
        ['distribution', 'all_partners'],
      ],
    );
    const colleague = await t.signIn('analyst.sec@liaison.demo');
    expect((await colleague.get(`${API}/${accepted.id}`)).statusCode).toBe(200);
    expect((await colleague.get(API)).json().items.map((i: Import) => i.id)).toContain(accepted.id);
    expect((await (await t.signIn('admin@liaison.demo')).get(`${API}/${accepted.id}`)).statusCode).toBe(200);

    const anonymous = t.anonymous();
    for (const url of [API, `${API}/${accepted.id}`]) expectProblem(await anonymous.get(url), 401, 'unauthenticated');
    expectProblem(await upload(anonymous, [{ name: 'a.txt', data: 'a' }], []), 401, 'unauthenticated');
    for (const email of ['focal.ma@liaison.demo', 'reader.sec@liaison.demo', 'orgadmin.es@liaison.demo']) {
      const other = await t.signIn(email);
      for (const url of [API, `${API}/${accepted.id}`]) expectProblem(await other.get(url), 403, 'forbidden');
      expectProblem(await upload(other, [{ name: 'a.txt', data: 'a' }], []), 403, 'forbidden');
    }
    expectProblem(await curator.get(`${API}/00000000-0000-4000-8000-000000000000`), 404, 'not-found');
    expectProblem(await curator.get(`${API}/not-a-uuid`), 400, 'validation');
  });

  it('checks the CSRF token before reading the upload', async () => {
    const body = await form([{ name: 'a.txt', data: 'a' }], []);
    const response = await curator.request({
      method: 'POST',
      url: API,
      payload: body.payload,
      headers: { 'content-type': body.contentType, 'x-csrf-token': 'forged' },
    });
    expectProblem(response, 403, 'csrf');
  });
});
