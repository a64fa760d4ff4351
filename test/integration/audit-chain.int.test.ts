import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/platform/db/database.js';
import { runCli } from '../support/cli.js';
import { startTestApp } from '../support/test-app.js';
import { openTestDatabase, TEST_BACKEND } from '../support/test-database.js';

/**
 * The audit chain as `liaison audit verify` sees it, on a database the command can open from
 * another process: the test's PostgreSQL database, or a PGlite data directory seeded by the CLI.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-chain-'));
// No library documents: the chain is what is measured here, not the demo library.
const env: Record<string, string> = { LIAISON_DATA_DIR: dataDir, LIAISON_CORPUS_DIR: path.join(dataDir, 'no-corpus') };
const opened: { close(): Promise<void> }[] = [];

async function openShared() {
  if (TEST_BACKEND === 'postgres') {
    const database = await openTestDatabase();
    env.DATABASE_URL = database.url as string;
    return database;
  }
  const seeded = await runCli(['seed', '--demo'], env);
  expect(seeded.code, seeded.stderr).toBe(0);
  return openDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
}

afterAll(async () => {
  for (const database of opened) await database.close();
});

describe('the audit chain under load, anchored by checkpoints', () => {
  it('stays intact through 200 concurrent audited writes and 100 audited reads, and a removed last row is caught by the checkpoint', async () => {
    const database = await openShared();
    const t = await startTestApp({ dataDir, auditCheckpointMs: 0 }, database);
    const writers = await Promise.all(
      ['focal.ma', 'focal.es', 'focal.sn', 'focal.ne', 'analyst.es'].map((account) => t.signIn(`${account}@liaison.demo`)),
    );
    const reader = await t.signIn('focal.es@liaison.demo');
    const readsBefore = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'message.read'`.execute(
      database.db,
    );
    const reads = Promise.all(Array.from({ length: 100 }, () => reader.get('/api/v1/messages?box=inbox&limit=20')));
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        i % 2 === 0
          ? writers[i % writers.length].patch('/api/v1/me', { displayName: `Probe writer ${i}` })
          : writers[i % writers.length].post('/api/v1/messages', {
              subject: `Load probe ${i}`,
              body: 'One of many.',
              handlingCode: 'TLP:GREEN',
              distribution: [{ kind: 'all_partners' }],
            }),
      ),
    );
    expect(answers.map((answer) => answer.statusCode).filter((status) => status >= 300)).toEqual([]);
    const pages = await reads;
    expect(pages.map((page) => page.statusCode).filter((status) => status !== 200)).toEqual([]);
    const written = await sql<{ n: number }>`select count(*)::int as n from audit_log
      where action in ('account.update', 'message.send')`.execute(database.db);
    expect(written.rows[0].n).toBe(200);

    const readsAfter = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'message.read'`.execute(
      database.db,
    );
    // Each page read alongside the writes left one entry per restricted message it showed, though
    // such reads are committed in groups (one transaction for many pages at once).
    const restrictedShown = pages
      .flatMap((page) => (page.json() as { messages: { handlingCode: string }[] }).messages)
      .filter((message) => message.handlingCode.startsWith('TLP:AMBER') || message.handlingCode === 'TLP:RED').length;
    expect(restrictedShown).toBeGreaterThan(0);
    expect(readsAfter.rows[0].n - readsBefore.rows[0].n).toBe(restrictedShown);
    await t.close();
    if (TEST_BACKEND === 'pglite') await database.close();
    else opened.push(database);

    const intact = await runCli(['audit', 'verify'], env);
    expect(intact.code, intact.stderr).toBe(0);
    expect(intact.stdout).toMatch(/audit chain intact: \d+ rows, no checkpoint yet/);

    const anchored = await runCli(['audit', 'checkpoint'], env);
    expect(anchored.code, anchored.stderr).toBe(0);
    const checkpoint = JSON.parse(anchored.stdout) as { lastId: number; count: number };
    expect(fs.readFileSync(path.join(dataDir, 'audit-checkpoints.jsonl'), 'utf8')).toContain(`"lastId":${checkpoint.lastId}`);
    expect((await runCli(['audit', 'verify'], env)).stdout).toMatch(`reaching the checkpoint of`);

    // Remove the newest row as a database superuser could: the remaining chain is intact in itself.
    const tamperer = TEST_BACKEND === 'pglite' ? await openDatabase({ pgliteDir: path.join(dataDir, 'pglite') }) : database;
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(tamperer.db);
    await sql`delete from audit_log where id = ${checkpoint.lastId}`.execute(tamperer.db);
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(tamperer.db);
    if (TEST_BACKEND === 'pglite') await tamperer.close();

    const caught = await runCli(['audit', 'verify'], env);
    expect(caught.code).toBe(2);
    expect(caught.stderr).toContain(`row ${checkpoint.lastId}`);
    expect(caught.stderr).toMatch(/removed from the end/);
  }, 300_000);
});
