import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYZE_AFTER_ITEMS } from '../../src/server/modules/knowledge/imports/job.js';
import { sleep } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import { multipartForm } from '../support/uploads.js';

/**
 * After an import that stores many items, the library's tables are analyzed, so that the planner
 * (PGlite has no autovacuum) plans searches for the library's new size.
 */

const API = '/api/v1/knowledge/imports';
let t: TestApp;
let curator: Client;

beforeAll(async () => {
  t = await startTestApp({ jobPollMs: 20 });
  curator = await t.signIn('focal.sec@liaison.demo');
});
afterAll(() => t.close());

/** A meeting report with `count` numbered recommendations, each its own item. */
function largeReport(count: number, title: string) {
  const lines = [`# ${title}`, '', 'Rabat Process, Dakar, 12-13 March 2024', '', '## Recommendations', ''];
  for (let n = 1; n <= count; n++) {
    lines.push(
      `${n}. Partners should set up joint training number ${n} for border guards on document fraud in region ${n % 17}.`,
    );
  }
  return lines.join('\n');
}

async function importReport(text: string, name: string) {
  const body = await multipartForm(
    [{ name, data: text }],
    [
      ['handlingCode', 'TLP:CLEAR'],
      ['distribution', 'all_partners'],
    ],
  );
  const response = await curator.request({
    method: 'POST',
    url: API,
    payload: body.payload,
    headers: { 'content-type': body.contentType },
  });
  expect(response.statusCode, response.body).toBe(202);
  const id: string = response.json().id;
  const deadline = Date.now() + 45_000;
  for (;;) {
    const answer = (await curator.get(`${API}/${id}`)).json();
    if (answer.status === 'done' || answer.status === 'failed') return answer;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${answer.status}`);
    await sleep(50);
  }
}

/** When knowledge_items was last analyzed by a statement (autovacuum's analyses are apart), as ms. */
async function lastAnalyze(): Promise<number> {
  const { rows } = await sql<{ at: Date | null }>`select last_analyze as at from pg_stat_user_tables
    where relname = 'knowledge_items'`.execute(t.database.db);
  return rows[0]?.at ? new Date(rows[0].at).getTime() : 0;
}

describe('statistics after an import', () => {
  it('leaves them alone after a small import', async () => {
    const before = await lastAnalyze();
    const done = await importReport(largeReport(12, 'Small meeting'), 'small.md');
    expect(done.files[0]).toMatchObject({ status: 'done', items: 12 });
    await sleep(1_200);
    expect(await lastAnalyze()).toBe(before);
  });

  it('analyzes the library tables after an import of many items', async () => {
    const before = await lastAnalyze();
    const done = await importReport(largeReport(ANALYZE_AFTER_ITEMS + 20, 'Large meeting'), 'large.md');
    expect(done.files[0].status).toBe('done');
    expect(done.files[0].items).toBeGreaterThanOrEqual(ANALYZE_AFTER_ITEMS);
    // PostgreSQL publishes a backend's statistics within a second or so.
    await expect.poll(lastAnalyze, { timeout: 10_000, interval: 100 }).toBeGreaterThan(before);
  });
});
