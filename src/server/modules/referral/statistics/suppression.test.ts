import { describe, expect, it } from 'vitest';
import { IntervalAttacker } from './attacker.js';
import { noiseOf, publishCount, publishTable, type TrueCount, type TrueTable } from './suppression.js';

/** A small random generator, so every run tests the same tables. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Case {
  a: number;
  b: number;
  type: number;
  key: number;
}

/** Counts the cases of `filter` by a × b, with cell keys, margins and the grand total. */
function tabulate(cases: Case[], rows: number, columns: number, filter: (c: Case) => boolean = () => true): TrueTable {
  const count = (match: (c: Case) => boolean): TrueCount => {
    const chosen = cases.filter((c) => filter(c) && match(c));
    return { count: chosen.length, key: chosen.reduce((sum, c) => (sum + c.key) % 2 ** 32, 0) };
  };
  const rowIndex = [...Array(rows).keys()];
  const columnIndex = [...Array(columns).keys()];
  return {
    cells: rowIndex.map((r) => columnIndex.map((k) => count((c) => c.a === r && c.b === k))),
    rowTotals: rowIndex.map((r) => count((c) => c.a === r)),
    columnTotals: columnIndex.map((k) => count((c) => c.b === k)),
    total: count(() => true),
  };
}

function randomCases(random: () => number, n: number, rows: number, columns: number): Case[] {
  return Array.from({ length: n }, () => ({
    // Skewed, so that tables have small cells beside large ones.
    a: Math.floor(random() ** 2 * rows),
    b: Math.floor(random() ** 3 * columns),
    type: Math.floor(random() * 3),
    key: Math.floor(random() * 2 ** 32),
  }));
}

describe('publishing counts', () => {
  it('hides 0 to 4 and rounds the rest to a multiple of 5, never below 5', () => {
    for (const count of [0, 1, 2, 3, 4]) expect(publishCount({ count, key: 123 })).toEqual({ value: null, suppressed: true });
    for (let key = 0; key < 2000; key += 1) {
      const published = publishCount({ count: 5 + (key % 40), key: key * 7919 });
      expect(published.suppressed).toBe(false);
      expect((published.value as number) % 5).toBe(0);
      expect(published.value).toBeGreaterThanOrEqual(5);
    }
  });

  it('perturbs by a small noise centred on zero that differs from key to key', () => {
    const noises = Array.from({ length: 30000 }, (_, i) => noiseOf(i * 2654435761));
    const share = (n: number) => noises.filter((x) => x === n).length / noises.length;
    expect(share(0)).toBeGreaterThan(0.3);
    expect(share(0)).toBeLessThan(0.37);
    expect(Math.abs(share(1) - share(-1))).toBeLessThan(0.02);
    expect(Math.abs(noises.reduce((s, x) => s + x, 0) / noises.length)).toBeLessThan(0.05);
    expect(Math.max(...noises.map(Math.abs))).toBeLessThanOrEqual(33);
  });

  it('gives the same set of cases the same value whatever the query', () => {
    const cases = randomCases(generator(7), 400, 5, 4);
    const twoWay = publishTable(tabulate(cases, 5, 4));
    const oneWay = publishTable({ ...tabulate(cases, 5, 4), cells: [...Array(5)].map(() => []), columnTotals: [] });
    // The 1-D table's rows are the 2-D table's row totals (primary suppression and perturbation agree).
    expect(oneWay.total).toEqual(twoWay.total);
    const unsuppressed = twoWay.rowTotals.filter((cell) => !cell.suppressed);
    expect(unsuppressed.length).toBeGreaterThan(0);
    for (const [r, cell] of twoWay.rowTotals.entries()) if (!cell.suppressed) expect(oneWay.rowTotals[r]).toEqual(cell);
  });

  it('leaves no row or column with a single suppressed cell beside a published total', () => {
    const random = generator(11);
    for (let round = 0; round < 100; round += 1) {
      const table = tabulate(randomCases(random, 30 + Math.floor(random() * 300), 6, 5), 6, 5);
      const published = publishTable(table);
      const lines = [
        ...published.cells.map((row, r) => ({ cells: row, total: published.rowTotals[r] })),
        ...published.columnTotals.map((total, k) => ({ cells: published.cells.map((row) => row[k]), total })),
        { cells: published.rowTotals, total: published.total },
        { cells: published.columnTotals, total: published.total },
      ];
      for (const line of lines) {
        const hidden = line.cells.filter((cell) => cell.suppressed).length;
        expect(hidden === 0 || hidden >= 2 || line.total.suppressed || line.cells.length === 1).toBe(true);
      }
      // Every true count below 5 is hidden, cells and totals alike.
      table.cells.flat().forEach((cell, i) => {
        if (cell.count < 5) expect(published.cells.flat()[i].suppressed).toBe(true);
      });
      if (table.total.count < 5) expect(published.total.suppressed).toBe(true);
    }
  });
});

describe('an attacker with every published number', () => {
  /** Observes the table `name` and its equations: margins are sums of cells, the total of margins. */
  function observeTable(attacker: IntervalAttacker, name: string, truth: TrueTable, published = publishTable(truth)) {
    const small = (cell: TrueCount) => cell.count < 5;
    // The same set of cases is the same unknown whichever table shows it: names say which set.
    const rows = truth.rowTotals.map((_, r) => r);
    const columns = truth.columnTotals.map((_, k) => k);
    for (const r of rows) {
      for (const k of columns) attacker.observe(`${name}:${r}:${k}`, published.cells[r][k], small(truth.cells[r][k]));
      attacker.observe(`${name}:${r}:*`, published.rowTotals[r], small(truth.rowTotals[r]));
      attacker.sum(
        `${name}:${r}:*`,
        columns.map((k) => `${name}:${r}:${k}`),
      );
    }
    for (const k of columns) {
      attacker.observe(`${name}:*:${k}`, published.columnTotals[k], small(truth.columnTotals[k]));
      attacker.sum(
        `${name}:*:${k}`,
        rows.map((r) => `${name}:${r}:${k}`),
      );
    }
    attacker.observe(`${name}:*:*`, published.total, small(truth.total));
    attacker.sum(
      `${name}:*:*`,
      rows.map((r) => `${name}:${r}:*`),
    );
    return published;
  }

  it('(a, b, c) pins no small cell from totals, filtered tables or one-way margins', () => {
    const random = generator(2026);
    let smallCells = 0;
    for (let round = 0; round < 60; round += 1) {
      const cases = randomCases(random, 40 + Math.floor(random() * 400), 5, 4);
      const attacker = new IntervalAttacker();
      const whole = tabulate(cases, 5, 4);
      // (a) and (c): the 2-D table with its margins; the 1-D tables are those margins (same sets).
      observeTable(attacker, 'all', whole);
      observeTable(attacker, 'all', { ...whole, cells: whole.cells.map(() => []), columnTotals: [] });
      // (b): the same table for each case type; the unfiltered cells are the sums of the filtered.
      for (let type = 0; type < 3; type += 1) {
        observeTable(
          attacker,
          `t${type}`,
          tabulate(cases, 5, 4, (c) => c.type === type),
        );
      }
      for (const suffix of [...whole.cells.flatMap((row, r) => row.map((_, k) => `${r}:${k}`)), '*:*']) {
        attacker.sum(
          `all:${suffix}`,
          [0, 1, 2].map((type) => `t${type}:${suffix}`),
        );
      }
      attacker.solve();
      for (const name of attacker.lo.keys()) {
        if ((attacker.hi.get(name) ?? 99) <= 4) {
          smallCells += 1;
          expect(attacker.possible(name), name).toBeGreaterThanOrEqual(2);
        }
      }
    }
    expect(smallCells).toBeGreaterThan(100);
  });

  it('would pin a small cell if counts were only rounded, without the perturbation', () => {
    // Ages 18–25: 4 cases of type 0, 7 of type 1, 7 of type 2 (18 in all). Rounded: <5, 5, 5, 20.
    // 18 ≤ all ≤ 22 and types 1, 2 ≤ 7 each, so type 0 ≥ 4: the attacker learns it is exactly 4.
    const cell = (count: number): TrueCount => ({ count, key: count * 977 });
    const oneWay = (count: number): TrueTable => ({
      cells: [[], []],
      rowTotals: [cell(count), cell(40)],
      columnTotals: [],
      total: cell(count + 40),
    });
    const attack = (perturb: boolean) => {
      const attacker = new IntervalAttacker(perturb ? undefined : 0);
      const publish = (name: string, count: number) => {
        const truth = oneWay(count);
        const published = publishTable(truth, { perturb });
        attacker.observe(`${name}:0`, published.rowTotals[0], count < 5);
      };
      publish('all', 18);
      publish('t0', 4);
      publish('t1', 7);
      publish('t2', 7);
      attacker.sum('all:0', ['t0:0', 't1:0', 't2:0']);
      attacker.solve();
      return attacker.possible('t0:0');
    };
    expect(attack(false)).toBe(1);
    expect(attack(true)).toBeGreaterThanOrEqual(2);
  });
});
