import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntervalAttacker } from '../../src/server/modules/referral/statistics/attacker.js';
import type { StatisticsTable } from '../../src/shared/referral/statistics-contract.js';
import { expectProblem } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import { openCase, person } from './referral-cases-fixtures.js';

let t: TestApp;
const as: Record<string, Client> = {};

// Aged 18–25 when the case opens: 4 trafficking, 7 medical, 7 other (18 in all); 26–35: 10 of each.
const YOUNG = '2004-03-01';
const PLAN: [string, string, number][] = [
  ['trafficking', YOUNG, 4],
  ['medical', YOUNG, 7],
  ['other_vulnerability', YOUNG, 7],
  ['trafficking', '1995-04-12', 10],
  ['medical', '1995-04-12', 10],
  ['other_vulnerability', '1995-04-12', 10],
];

beforeAll(async () => {
  t = await startTestApp();
  for (const account of ['caseworker.ma', 'analyst.ma', 'reader.ma', 'focal.es'])
    as[account] = await t.signIn(`${account}@liaison.demo`);
  for (const [caseType, dateOfBirth, n] of PLAN) {
    for (let i = 0; i < n; i += 1) {
      await openCase(as['caseworker.ma'], { caseType, person: person({ dateOfBirth, sex: i % 3 ? 'female' : 'male' }) });
    }
  }
});
afterAll(() => t.close());

const table = async (client: Client, query: string): Promise<StatisticsTable> => {
  const response = await client.get(`/api/v1/referral-statistics?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const row = (result: StatisticsTable, key: string) => result.rows.find((r) => r.key === key);

describe('case facts', () => {
  it('keeps coarse facts keyed by a keyed hash, never the case id or a personal value', async () => {
    const { rows } = await sql<Record<string, unknown>>`select * from case_statistics`.execute(t.database.db);
    expect(rows).toHaveLength(48);
    const caseIds = (await sql<{ id: string }>`select id from cases`.execute(t.database.db)).rows.map((r) => r.id);
    const text = JSON.stringify(rows);
    for (const id of caseIds) expect(text).not.toContain(id);
    expect(text).not.toContain('Benali');
    expect(text).not.toContain('1995-04-12');
    expect(rows.filter((r) => r.age_band === '18-25')).toHaveLength(18);
    expect(new Set(rows.map((r) => r.nationality))).toEqual(new Set(['MA']));
  });
});

describe('statistics tables', () => {
  it('suppresses small counts and publishes the others as multiples of 5, audited without personal data', async () => {
    const result = await table(as['analyst.ma'], 'by=ageBand&caseType=trafficking');
    expect(row(result, '18-25')?.total).toEqual({ value: null, suppressed: true });
    expect(row(result, '0-11')?.total).toEqual({ value: null, suppressed: true });
    expect(row(result, '26-35')?.total.suppressed).toBe(false);
    for (const r of result.rows) if (!r.total.suppressed) expect((r.total.value as number) % 5).toBe(0);
    expect(result.total.suppressed).toBe(false);
    const audit = await sql<{ details: Record<string, unknown> }>`select details from audit_log
      where action = 'referral.statistics.read' order by id desc limit 1`.execute(t.database.db);
    expect(audit.rows[0].details).toEqual({ by: 'ageBand', by2: null, from: null, to: null, caseType: 'trafficking' });
  });

  it('gives a two-way table whose margins are the one-way tables', async () => {
    const twoWay = await table(as['analyst.ma'], 'by=ageBand&by2=sex');
    const bySex = await table(as['analyst.ma'], 'by=sex');
    const byAge = await table(as['analyst.ma'], 'by=ageBand');
    expect(twoWay.columns).toEqual(['female', 'male', 'other', 'unknown']);
    expect(twoWay.columnTotals).toEqual(bySex.rows.map((r) => r.total));
    expect(twoWay.rows.map((r) => r.total)).toEqual(byAge.rows.map((r) => r.total));
    expect(twoWay.total).toEqual(byAge.total);
    // No row or column with one lone suppressed cell beside a published total.
    for (const r of twoWay.rows) {
      const hidden = r.cells.filter((c) => c.suppressed).length;
      expect(hidden === 0 || hidden >= 2 || r.total.suppressed).toBe(true);
    }
  });

  it('lets no attacker pin the 4 young trafficking cases from the unfiltered and filtered tables', async () => {
    const attacker = new IntervalAttacker();
    for (const [name, filter] of [
      ['all', ''],
      ['trafficking', '&caseType=trafficking'],
      ['medical', '&caseType=medical'],
      ['other', '&caseType=other_vulnerability'],
    ]) {
      const result = await table(as['analyst.ma'], `by=ageBand${filter}`);
      // Here every suppressed count is a small one (no secondary suppression was needed): the attacker is told so.
      for (const r of result.rows) attacker.observe(`${name}:${r.key}`, r.total, r.total.suppressed);
      attacker.observe(`${name}:*`, result.total, false);
      attacker.sum(
        `${name}:*`,
        result.rows.map((r) => `${name}:${r.key}`),
      );
    }
    for (const band of ['18-25', '26-35', '*'])
      attacker.sum(
        `all:${band}`,
        ['trafficking', 'medical', 'other'].map((n) => `${n}:${band}`),
      );
    attacker.solve();
    expect(attacker.possible('trafficking:18-25')).toBeGreaterThanOrEqual(2);
  });

  it('filters by month and lists every month of the range, whatever it holds', async () => {
    const month = new Date().toISOString().slice(0, 7);
    const result = await table(as['analyst.ma'], `by=month&from=2026-01&to=${month}`);
    expect(result.rows.at(-1)?.key).toBe(month);
    expect(result.rows[0].key).toBe('2026-01');
    const empty = await table(as['analyst.ma'], 'by=sex&from=2001-01&to=2001-12');
    expect(empty.total).toEqual({ value: null, suppressed: true });
  });

  it('refuses bad queries and readers', async () => {
    expect((await as['analyst.ma'].get('/api/v1/referral-statistics?by=name')).statusCode).toBe(400);
    expect((await as['analyst.ma'].get('/api/v1/referral-statistics?by=sex&from=2026-13')).statusCode).toBe(400);
    expect((await as['analyst.ma'].get("/api/v1/referral-statistics?by=sex&caseType=x'--")).statusCode).toBe(400);
    expectProblem(await as['analyst.ma'].get('/api/v1/referral-statistics?by=sex&from=2026-05&to=2026-01'), 422, 'invalid-date');
    expect((await as['reader.ma'].get('/api/v1/referral-statistics?by=sex')).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/v1/referral-statistics?by=sex')).statusCode).toBe(401);
    // Another organisation's working roles read the same aggregated table.
    expect((await table(as['focal.es'], 'by=sex')).total.suppressed).toBe(false);
  });
});

describe('the CTDC-style export', () => {
  it('is one row per case, k-anonymous over age band, sex, region and year, with no reference, id or name', async () => {
    // Two rare cases beside the 48: a Senegalese boy and a Spanish woman, each alone in its group.
    await openCase(as['caseworker.ma'], {
      caseType: 'unaccompanied_child',
      person: person({ nationality: 'SN', sex: 'male', dateOfBirth: '2015-01-01' }),
    });
    await openCase(as['caseworker.ma'], {
      caseType: 'medical',
      person: person({ nationality: 'ES', dateOfBirth: '1950-01-01' }),
    });
    const response = await as['analyst.ma'].get('/api/v1/referral-statistics/export.csv');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="liaison-referral-cases-/);
    const [header, ...lines] = response.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    const columns = header.split(',');
    expect(columns.slice(0, 4)).toEqual(['yearOfRegistration', 'ageBroad', 'gender', 'citizenshipRegion']);
    expect(lines).toHaveLength(48);
    expect(response.headers['x-liaison-export-suppressed']).toBe('2');
    const groups = new Map<string, number>();
    for (const line of lines) {
      const key = line.split(',').slice(0, 4).join('|');
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    expect(Math.min(...groups.values())).toBeGreaterThanOrEqual(5);
    const references = (await sql<{ reference: string; id: string }>`select reference, id from cases`.execute(t.database.db))
      .rows;
    for (const { reference, id } of references) {
      expect(response.body).not.toContain(reference);
      expect(response.body).not.toContain(id);
    }
    expect(response.body).not.toMatch(/Benali|Amina|Tangier/);
    const audit = await sql<{ details: Record<string, unknown> }>`select details from audit_log
      where action = 'referral.statistics.export'`.execute(t.database.db);
    expect(audit.rows).toEqual([{ details: { rows: 48, suppressed: 2 } }]);
  });

  it('takes no filter and is refused to readers', async () => {
    expect((await as['analyst.ma'].get('/api/v1/referral-statistics/export.csv?caseType=medical')).statusCode).toBe(400);
    expect((await as['reader.ma'].get('/api/v1/referral-statistics/export.csv')).statusCode).toBe(403);
  });
});
