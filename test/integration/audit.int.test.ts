import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/platform/db/database.js';
import { runCli } from '../support/cli.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { openTestDatabase, TEST_BACKEND } from '../support/test-database.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function auditRows() {
  const admin = await t.signIn('admin@liaison.demo');
  const response = await admin.get('/api/v1/admin/audit?limit=200');
  expect(response.statusCode).toBe(200);
  return response.json().items as {
    action: string;
    outcome: string;
    actorUserId: string | null;
    targetId: string | null;
    ip: string;
    requestId: string;
    details: Record<string, unknown>;
  }[];
}

describe('audit trail', () => {
  it('records sign-in success and failure with actor, IP and request id, and never the password', async () => {
    const failed = await t
      .anonymous()
      .post('/api/v1/auth/login', { email: 'focal.es@liaison.demo', password: 'not the password' });
    expect(failed.statusCode).toBe(401);
    const focal = await t.signIn('focal.es@liaison.demo');
    const me = (await focal.get('/api/v1/me')).json();
    const rows = await auditRows();
    const success = rows.find((r) => r.action === 'auth.login' && r.outcome === 'success' && r.actorUserId === me.id);
    const failure = rows.find((r) => r.action === 'auth.login' && r.outcome === 'failure' && r.targetId === me.id);
    expect(success?.ip).toBe('127.0.0.1');
    expect(success?.requestId).toBeTruthy();
    expect(failure?.details).toEqual({ reason: 'wrong password' });
    expect(JSON.stringify(rows)).not.toContain('not the password');
  });

  it('records changes to organisations, units and users', async () => {
    const orgAdmin = await t.signIn('orgadmin.sn@liaison.demo');
    const me = (await orgAdmin.get('/api/v1/me')).json();
    const unit = await orgAdmin.post('/api/v1/admin/units', { organisationId: me.organisation.id, name: 'Audit probe unit' });
    expect(unit.statusCode).toBe(201);
    const deactivated = await orgAdmin.patch(`/api/v1/admin/units/${unit.json().id}`, { active: false });
    expect(deactivated.statusCode).toBe(200);
    const rows = await auditRows();
    const forUnit = rows.filter((r) => r.targetId === unit.json().id).map((r) => r.action);
    expect(forUnit).toEqual(expect.arrayContaining(['unit.create', 'unit.deactivate']));
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    const { db } = t.database;
    await expect(sql`update audit_log set action = 'forged'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    const count = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'forged'`.execute(db);
    expect(count.rows[0].n).toBe(0);
  });
});

describe('liaison audit verify', () => {
  // The CLI needs a database another process can open: a PostgreSQL database, or a PGlite data directory.
  async function cliDatabase(): Promise<{
    env: Record<string, string>;
    database: Awaited<ReturnType<typeof openTestDatabase>> | null;
  }> {
    if (TEST_BACKEND === 'postgres') {
      const database = await openTestDatabase();
      // A data directory of its own: `audit verify` reads the audit checkpoints from it.
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-audit-'));
      return { env: { DATABASE_URL: database.url as string, LIAISON_DATA_DIR: dataDir }, database };
    }
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-audit-'));
    const seeded = await runCli(['seed', '--demo'], { LIAISON_DATA_DIR: dataDir });
    expect(seeded.code, seeded.stderr).toBe(0);
    return { env: { LIAISON_DATA_DIR: dataDir }, database: null };
  }

  it('exits 0 on an intact chain and names the first bad row after tampering', async () => {
    const { env, database } = await cliDatabase();
    for (const email of ['audit.one@liaison.demo', 'audit.two@liaison.demo']) {
      const created = await runCli(
        ['user', 'create', '--email', email, '--name', 'Audit Probe', '--organisation', 'DMSF', '--role', 'reader'],
        env,
        'a-long-unusual-passphrase-42\n',
      );
      expect(created.code, created.stderr).toBe(0);
    }
    const intact = await runCli(['audit', 'verify'], env);
    expect(intact.code, intact.stderr).toBe(0);
    expect(intact.stdout).toMatch(/audit chain intact: 2 rows/);

    // Alter the second row behind the application's back, as a database superuser could.
    const tamperer = database ?? (await openDatabase({ pgliteDir: path.join(env.LIAISON_DATA_DIR as string, 'pglite') }));
    const second = await sql<{ id: number }>`select id from audit_log order by id offset 1 limit 1`.execute(tamperer.db);
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(tamperer.db);
    await sql`update audit_log set outcome = 'failure' where id = ${second.rows[0].id}`.execute(tamperer.db);
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(tamperer.db);
    await tamperer.close();

    const broken = await runCli(['audit', 'verify'], env);
    expect(broken.code).toBe(2);
    expect(broken.stderr.trim()).toBe(
      `liaison: audit chain broken at row ${second.rows[0].id}: row content does not match its hash (1 rows intact before it)`,
    );
  }, 240_000); // Seeding a PGlite data directory through the CLI takes a while on a busy machine.
});
