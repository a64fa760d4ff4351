import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Point, standingOf } from '../../src/shared/followup/indicators.js';
import { openTestDatabase } from '../support/test-database.js';

/**
 * Where an indicator stands is written twice: `standingOf` (TypeScript: commitment pages, reports)
 * and `liaison_indicator_trend` / `liaison_indicator_attainment` (SQL, migration 0024: the
 * dashboards count, filter and order by it). This keeps them equal over frames and series drawn to
 * hit every branch and the borders between them (the tolerance, a series moving away, overshoot,
 * decreasing indicators, a measurement on the baseline day).
 */
type Database = Awaited<ReturnType<typeof openTestDatabase>>;
let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const day = (offset: number) => new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

interface Case {
  baseline: Point;
  target: Point;
  series: Point[];
}

function cases(): Case[] {
  const next = random(14);
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)];
  const list: Case[] = [];
  for (let n = 0; n < 400; n++) {
    const decreasing = next() < 0.4;
    const baseline = { value: decreasing ? 100 : pick([0, 0.1, 3]), on: day(0) };
    const target = { value: decreasing ? pick([0, 20, 0.3]) : pick([100, 1, 7.7]), on: day(pick([1, 10, 365, 1000])) };
    const count = pick([0, 1, 2, 3]);
    const series: Point[] = [];
    for (let k = 0; k < count; k++) {
      const share = pick([-0.5, 0, 0.1, 0.2, 0.25, 0.3, 0.5, 0.8, 0.999, 1, 1.5]);
      const value = Math.round((baseline.value + share * (target.value - baseline.value)) * 1000) / 1000;
      series.push({ value, on: day(pick([0, 1, 5, 100, 300, 365, 900, 1200]) + k * 400) });
    }
    list.push({ baseline, target, series });
  }
  return list;
}

describe('the SQL twin of standingOf', () => {
  it('gives the same trend and attainment for every case', async () => {
    const all = cases();
    const rows = await sql<{ n: number; trend: string; attainment: number | null }>`
      select c.n, liaison_indicator_trend(c.bv, c.bon, c.tv, c.ton, c.lv, c.lon, c.pv) as trend,
        liaison_indicator_attainment(c.bv, c.tv, c.lv) as attainment
      from jsonb_to_recordset(${JSON.stringify(
        all.map((entry, n) => {
          // The SQL side gets the two latest points, as indicator_recent keeps them.
          const ordered = [...entry.series].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
          const latest = ordered.at(-1);
          const previous = ordered.at(-2);
          return {
            n,
            bv: entry.baseline.value,
            bon: entry.baseline.on,
            tv: entry.target.value,
            ton: entry.target.on,
            lv: latest?.value ?? null,
            lon: latest?.on ?? null,
            pv: previous?.value ?? null,
          };
        }),
      )}::jsonb) as c(n int, bv float8, bon date, tv float8, ton date, lv float8, lon date, pv float8)
      order by c.n`.execute(database.db);
    const trends = new Set<string>();
    for (const row of rows.rows) {
      const entry = all[row.n];
      const expected = standingOf(entry, entry.series);
      expect({ n: row.n, trend: row.trend, attainment: row.attainment }).toEqual({
        n: row.n,
        trend: expected.trend,
        attainment: expected.attainment,
      });
      trends.add(row.trend);
    }
    expect(rows.rows).toHaveLength(all.length);
    expect([...trends].sort()).toEqual(['achieved', 'no_data', 'off_track', 'on_track']);
  });
});
