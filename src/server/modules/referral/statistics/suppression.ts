import { SMALL_COUNT_THRESHOLD } from '../../../../shared/referral/vocabulary.js';

/**
 * Statistics without re-identification (pure; see ARCHITECTURE "Referral statistics").
 *
 * 1. Primary suppression: a true count below SMALL_COUNT_THRESHOLD (0 included: "<5" means 0–4,
 *    so that knowing which cells are empty never narrows a small one) is published as suppressed.
 * 2. Perturbation with a cell key, then rounding to base 5: every other count (cells, row and
 *    column totals, grand total, each computed from the cases themselves) gets a small integer
 *    noise drawn from the cell's key — the sum, modulo 2^32, of the record keys of the cases it
 *    counts — and is rounded to a multiple of 5 (never below 5). The same set of cases always gets
 *    the same value, whatever query reached it (a 2-D table's margins equal the 1-D table, a month
 *    range that adds no case changes nothing), so asking again or another way averages nothing
 *    away; and no published count is an exact count, so a difference of published counts never
 *    pins a small one (`attack.test.ts` plays the attacker).
 * 3. Secondary suppression: a row or column (its cells and its total) with exactly one suppressed
 *    cell and a published total gets its smallest other cell suppressed too, until none is left.
 */

export const ROUNDING_BASE = 5;
/** No perturbation exceeds this (a 32-bit key cannot draw more): what an attacker may assume. */
export const MAX_NOISE = 33;

/** A true count and its cell key (sum of the record keys of the counted cases, mod 2^32). */
export interface TrueCount {
  count: number;
  key: number;
}

export interface PublishedCount {
  value: number | null;
  suppressed: boolean;
}

/** A table as counted: rows × columns (one column, `null` names, for a one-dimensional table). */
export interface TrueTable {
  cells: TrueCount[][];
  rowTotals: TrueCount[];
  columnTotals: TrueCount[];
  total: TrueCount;
}

export interface PublishedTable {
  cells: PublishedCount[][];
  rowTotals: PublishedCount[];
  columnTotals: PublishedCount[];
  total: PublishedCount;
}

export interface Options {
  /** Off only to show, in tests, what rounding alone would leak. */
  perturb?: boolean;
}

/** Murmur3's finaliser: spreads a cell key's bits so near keys give unrelated noise. */
function mix(key: number): number {
  let h = key >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The noise of a cell key: two-sided geometric, P(0) = 1/3, P(±k) = 1/3 · 2^-k, so a published
 * count is usually within a few cases of the truth yet any nearby truth stays possible.
 */
export function noiseOf(key: number): number {
  const u = mix(key) / 2 ** 32;
  if (u < 1 / 3) return 0;
  const rest = (u - 1 / 3) * 1.5;
  const sign = rest < 0.5 ? -1 : 1;
  const w = (rest % 0.5) * 2;
  return sign * Math.min(MAX_NOISE, 1 + Math.floor(-Math.log2(1 - w)));
}

export function publishCount(cell: TrueCount, options: Options = {}): PublishedCount {
  if (cell.count < SMALL_COUNT_THRESHOLD) return { value: null, suppressed: true };
  const noisy = cell.count + (options.perturb === false ? 0 : noiseOf(cell.key));
  return { value: Math.max(ROUNDING_BASE, ROUNDING_BASE * Math.round(noisy / ROUNDING_BASE)), suppressed: false };
}

const hidden = (): PublishedCount => ({ value: null, suppressed: true });

/**
 * Adds secondary suppression to one line (cells and total, by index into `published`/`truth`):
 * while exactly one cell is suppressed and the total is not, the smallest other cell is hidden.
 */
function protectLine(published: PublishedCount[], truth: TrueCount[], total: PublishedCount): boolean {
  if (total.suppressed) return false;
  const hiddenCount = published.filter((cell) => cell.suppressed).length;
  if (hiddenCount !== 1) return false;
  let smallest = -1;
  published.forEach((cell, index) => {
    if (!cell.suppressed && (smallest < 0 || truth[index].count < truth[smallest].count)) smallest = index;
  });
  // The only cell of its line: the total is that cell, already hidden by primary suppression.
  if (smallest < 0) return false;
  published[smallest] = hidden();
  return true;
}

/** Publishes a table: primary suppression, perturbation and rounding, then secondary suppression. */
export function publishTable(table: TrueTable, options: Options = {}): PublishedTable {
  const out: PublishedTable = {
    cells: table.cells.map((row) => row.map((cell) => publishCount(cell, options))),
    rowTotals: table.rowTotals.map((cell) => publishCount(cell, options)),
    columnTotals: table.columnTotals.map((cell) => publishCount(cell, options)),
    total: publishCount(table.total, options),
  };
  const columns = table.columnTotals.length;
  for (let changed = true; changed; ) {
    changed = false;
    out.cells.forEach((row, r) => {
      if (protectLine(row, table.cells[r], out.rowTotals[r])) changed = true;
    });
    for (let c = 0; c < columns; c += 1) {
      const column = out.cells.map((row) => row[c]);
      if (
        protectLine(
          column,
          table.cells.map((row) => row[c]),
          out.columnTotals[c],
        )
      ) {
        column.forEach((cell, r) => {
          out.cells[r][c] = cell;
        });
        changed = true;
      }
    }
    if (protectLine(out.rowTotals, table.rowTotals, out.total)) changed = true;
    if (protectLine(out.columnTotals, table.columnTotals, out.total)) changed = true;
  }
  return out;
}
