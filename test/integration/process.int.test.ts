import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.js';
import { signInOverHttp, startServerProcess } from '../support/server-process.js';
import { TEST_DEMO_PASSWORD } from '../support/templates.js';
import { openTestDatabase, TEST_BACKEND } from '../support/test-database.js';

/** Environment for a server process on this project's backend, with its own empty data. */
async function backendEnv(): Promise<Record<string, string>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-proc-'));
  const env: Record<string, string> = { LIAISON_DATA_DIR: dataDir, LIAISON_DEMO_PASSWORD: TEST_DEMO_PASSWORD };
  if (TEST_BACKEND === 'postgres') {
    const database = await openTestDatabase(); // already migrated and seeded
    env.DATABASE_URL = database.url as string;
    await database.close();
  }
  return env;
}

describe('the server process', () => {
  it('stops at start with one clear line and exit code 1 on a bad setting', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: 'eighty' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'liaison: configuration error: PORT must be an integer from 0 to 65535, got "eighty"',
    ]);
  });

  it('on SIGTERM finishes in-flight requests, closes the database and exits 0', async () => {
    const server = await startServerProcess(await backendEnv());
    const session = await signInOverHttp(server.url, 'focal.ma@liaison.demo', TEST_DEMO_PASSWORD);
    // A login is slow (argon2), so it is still in flight when the signal arrives.
    const inFlight = fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'analyst.ma@liaison.demo', password: TEST_DEMO_PASSWORD }),
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    server.child.kill('SIGTERM');
    expect((await inFlight).status).toBe(200);
    expect(await server.exited).toBe(0);
    expect(session.cookie).toMatch(/^liaison_session=/);
  });

  it('after SIGKILL in a stream of writes, keeps every acknowledged write and opens again', async () => {
    const env = await backendEnv();
    const server = await startServerProcess(env);
    const admin = await signInOverHttp(server.url, 'orgadmin.ma@liaison.demo', TEST_DEMO_PASSWORD);
    const acknowledged: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing && i < 400; i++) {
        try {
          const response = await fetch(`${server.url}/api/v1/admin/units`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
            body: JSON.stringify({ organisationId: admin.organisationId, name: `Durability unit ${i}` }),
          });
          if (response.status === 201) acknowledged.push(((await response.json()) as { id: string }).id);
        } catch {
          return; // the server died mid-request: that write was never acknowledged
        }
      }
    })();
    while (acknowledged.length < 25) await new Promise((resolve) => setTimeout(resolve, 10));
    server.child.kill('SIGKILL');
    writing = false;
    await writer;
    await server.exited;

    const restarted = await startServerProcess(env);
    try {
      const again = await signInOverHttp(restarted.url, 'orgadmin.ma@liaison.demo', TEST_DEMO_PASSWORD);
      const list = await fetch(`${restarted.url}/api/v1/admin/units?q=Durability&limit=200`, {
        headers: { cookie: again.cookie },
      });
      expect(list.status).toBe(200);
      const stored = new Set(((await list.json()) as { items: { id: string }[] }).items.map((unit) => unit.id));
      const lost = acknowledged.filter((id) => !stored.has(id));
      expect(lost).toEqual([]);
      expect(acknowledged.length).toBeGreaterThanOrEqual(25);
    } finally {
      restarted.child.kill('SIGTERM');
      await restarted.exited;
    }
  });
});
