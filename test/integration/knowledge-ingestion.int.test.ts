import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/server/modules/knowledge/ingestion.js';
import type { Database } from '../../src/server/platform/db/database.js';
import { REPO_ROOT, runCli } from '../support/cli.js';
import { openTestDatabase, TEST_BACKEND } from '../support/test-database.js';

const DAKAR = path.join(REPO_ROOT, 'test/fixtures/knowledge/2024-03-dakar-rabat-protection-fr.txt');
let database: Database & { url?: string };
let secretariat: string;

const count = async (table: 'knowledge_documents' | 'knowledge_items') =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(database.db)).rows[0].n;

beforeAll(async () => {
  database = await openTestDatabase();
  secretariat = (await sql<{ id: string }>`select id from organisations where kind = 'secretariat'`.execute(database.db)).rows[0]
    .id;
});
afterAll(() => database.close());

describe('ingesting outcome documents', () => {
  it('has the five corpus documents published in the demo library', async () => {
    const documents = await sql<{ process: string; status: string; handling_code: string; items: number }>`
      select d.process, d.status, d.handling_code, (select count(*) from knowledge_items i where i.document_id = d.id)::int as items
      from knowledge_documents d order by d.title`.execute(database.db);
    expect(documents.rows).toHaveLength(5);
    for (const document of documents.rows) {
      expect(document).toMatchObject({ status: 'published', handling_code: 'TLP:CLEAR' });
      expect(document.items).toBeGreaterThan(10);
    }
    expect(documents.rows.map((d) => d.process).sort()).toEqual(['budapest', 'rabat', 'rabat', 'rabat', 'rabat']);
  });

  it('stores a document with its items as drafts, once per file, and a changed file as a new version', async () => {
    const data = fs.readFileSync(DAKAR);
    const input = {
      fileName: 'dakar.txt',
      data,
      originatorOrganisationId: secretariat,
      handlingCode: 'TLP:GREEN',
      publish: false,
    };
    const first = await ingestDocument(database.db, input);
    expect(first).toMatchObject({ created: true, version: 1, items: 27 });
    const again = await ingestDocument(database.db, input);
    expect(again).toEqual({ ...first, created: false });
    const items = await sql<{ type: string; status: string; countries: string[]; line: number }>`
      select type, status, countries, line from knowledge_items where document_id = ${first.documentId} order by position`.execute(
      database.db,
    );
    expect(items.rows).toHaveLength(27);
    expect(new Set(items.rows.map((i) => i.status))).toEqual(new Set(['draft']));
    expect(items.rows.every((i) => i.line > 0)).toBe(true);

    const revised = Buffer.concat([data, Buffer.from('\n- Les participants ont convenu de se réunir à nouveau en 2025.\n')]);
    const second = await ingestDocument(database.db, { ...input, data: revised });
    expect(second).toMatchObject({ created: true, version: 2 });
    const link = await sql<{
      previous_version_id: string;
    }>`select previous_version_id from knowledge_documents where id = ${second.documentId}`.execute(database.db);
    expect(link.rows[0].previous_version_id).toBe(first.documentId);
  });

  it('stores nothing from a file it cannot read', async () => {
    const before = [await count('knowledge_documents'), await count('knowledge_items')];
    await expect(
      ingestDocument(database.db, {
        fileName: 'broken.pdf',
        data: Buffer.from('%PDF-1.7 truncated'),
        originatorOrganisationId: secretariat,
        handlingCode: 'TLP:GREEN',
        publish: false,
      }),
    ).rejects.toMatchObject({ slug: 'corrupt-document' });
    expect([await count('knowledge_documents'), await count('knowledge_items')]).toEqual(before);
  });
});

describe('liaison ingest (storing)', () => {
  it('stores a document into the library once and says so', async () => {
    let env: Record<string, string>;
    if (TEST_BACKEND === 'postgres') {
      const target = await openTestDatabase();
      env = { DATABASE_URL: target.url as string };
      await target.close();
    } else {
      env = { LIAISON_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-ingest-')), LIAISON_CORPUS_DIR: '/nonexistent' };
      expect((await runCli(['seed', '--demo'], env)).code).toBe(0);
    }
    const stored = await runCli(['ingest', DAKAR, '--handling-code', 'TLP:AMBER'], env);
    expect(stored.code, stored.stderr).toBe(0);
    expect(stored.stdout).toMatch(/stored as document [0-9a-f-]{36} \(version 1, 27 items, draft\)/);
    const repeated = await runCli(['ingest', DAKAR], env);
    expect(repeated.stdout).toMatch(/already in the library/);
    const refused = await runCli(['ingest', DAKAR, '--handling-code', 'TLP:PURPLE'], env);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/TLP:PURPLE/);
    // Four command-line processes, each opening the database (PGlite: starting PostgreSQL in WebAssembly).
  }, 180_000);
});
