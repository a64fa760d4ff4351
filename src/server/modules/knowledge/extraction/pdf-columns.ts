import type { TextRun } from './pdf-page.js';

/**
 * Reads the rows of a PDF page in order: a stretch of rows set in two columns (the whole page, or
 * one section of it) is read left column first, then right column; full-width rows where they stand.
 */
export interface Line {
  page: number;
  /** Column on its page: 0 for full width, 1 and 2 for the left and right columns. */
  column: number;
  y: number;
  x0: number;
  x1: number;
  /** Left and right edges of the text of this column around the line. */
  left: number;
  right: number;
  /** Where each run of the line starts: a hanging indent lines up with one of them. */
  starts: number[];
  size: number;
  bold: boolean;
  text: string;
}

export interface Row {
  page: number;
  y: number;
  runs: TextRun[];
  text: string;
}

/** Joins runs left to right, with a space where the gap between two runs is wider than kerning. */
export function joinRuns(runs: TextRun[]): string {
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const run of runs) {
    if (text && run.x - end > run.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(run.text)) text += ' ';
    text += run.text;
    end = Math.max(end, run.x + run.width);
  }
  return text.replace(/\s+/g, ' ').trim();
}

type Draft = Omit<Line, 'left' | 'right'>;

function toLine(page: number, column: number, runs: TextRun[]): Draft {
  const bySize = new Map<number, number>();
  let boldChars = 0;
  let chars = 0;
  for (const run of runs) {
    const size = Math.round(run.size * 2) / 2;
    const length = run.text.replace(/\s/g, '').length;
    bySize.set(size, (bySize.get(size) ?? 0) + length);
    chars += length;
    if (run.bold) boldChars += length;
  }
  const main = runs.reduce((best, run) => (run.text.length > best.text.length ? run : best));
  return {
    page,
    column,
    y: main.y,
    x0: runs[0].x,
    x1: Math.max(...runs.map((run) => run.x + run.width)),
    starts: runs.map((run) => run.x),
    size: [...bySize].sort((a, b) => b[1] - a[1])[0][0],
    bold: chars > 0 && boldChars / chars >= 0.8,
    text: joinRuns(runs),
  };
}

function withEdges(lines: Draft[], leftmost = Number.POSITIVE_INFINITY): Line[] {
  const left = Math.min(leftmost, ...lines.map((line) => line.x0));
  const right = Math.max(...lines.map((line) => line.x1));
  return lines.map((line) => ({ ...line, left, right }));
}

const BIN = 2;
/** A gutter is at least this many bins (8 pt) wide. */
const GUTTER_BINS = 4;

export interface Gutter {
  from: number;
  to: number;
}

/** The widest stretch of free bins in the middle of the page, if wide enough for a gutter. */
function widestFree(free: Uint8Array, first: number, last: number): { from: number; to: number } | null {
  let best: { from: number; to: number } | null = null;
  let start = -1;
  for (let bin = first; bin <= last; bin++) {
    const open = bin < last && free[bin] === 1;
    if (open && start < 0) start = bin;
    if (!open && start >= 0) {
      if (bin - start >= GUTTER_BINS && (!best || bin - start > best.to - best.from)) best = { from: start, to: bin };
      start = -1;
    }
  }
  return best;
}

const words = (runs: TextRun[]) => joinRuns(runs).split(' ').length;

/**
 * Whether rows that all leave `gutter` free are two columns of text: lines on both sides, of several
 * words that fill their side — not a table of short cells.
 */
function isColumns(rows: Row[], gutter: Gutter, continued: boolean): boolean {
  const sides = rows.map((row) => ({
    left: row.runs.filter((run) => run.x + run.width <= gutter.from),
    right: row.runs.filter((run) => run.x >= gutter.to),
  }));
  const lefts = sides.map((side) => side.left).filter((runs) => runs.length);
  const rights = sides.map((side) => side.right).filter((runs) => runs.length);
  // Columns going on from the page before may end after a line or two on each side.
  if (continued) return lefts.length > 0 && rights.length > 0;
  // The columns' baselines need not line up: count lines on each side rather than shared rows.
  if (lefts.length < 2 || rights.length < 2 || lefts.length + rights.length < 5) return false;
  const leftEdge = Math.min(...lefts.map((runs) => runs[0].x));
  const rightEdge = Math.max(...rights.map((runs) => Math.max(...runs.map((run) => run.x + run.width))));
  const span = (runs: TextRun[]) => Math.max(...runs.map((run) => run.x + run.width)) - runs[0].x;
  const average = (list: TextRun[][], measure: (runs: TextRun[]) => number) =>
    list.reduce((sum, runs) => sum + measure(runs), 0) / list.length;
  return (
    average(lefts, span) / (gutter.from - leftEdge) >= 0.6 &&
    average(rights, span) / (rightEdge - gutter.to) >= 0.6 &&
    average(lefts, words) >= 4 &&
    average(rights, words) >= 4
  );
}

/**
 * Lines of a page in reading order. `carried` is the gutter of columns that ran to the foot of the
 * page before: the head of this page may hold their last lines.
 */
export function readPage(rows: Row[], carried: Gutter | null): { lines: Line[]; carry: Gutter | null } {
  if (!rows.length) return { lines: [], carry: null };
  const left = Math.min(...rows.map((row) => row.runs[0].x));
  const right = Math.max(...rows.flatMap((row) => row.runs.map((run) => run.x + run.width)));
  const bins = Math.ceil((right - left) / BIN) + 1;
  const [first, last] = [Math.floor(bins * 0.2), Math.ceil(bins * 0.8)];
  const free = rows.map((row) => {
    const bits = new Uint8Array(bins).fill(1);
    for (const run of row.runs) {
      const to = Math.min(bins - 1, Math.floor((run.x + run.width - left) / BIN));
      for (let bin = Math.max(0, Math.floor((run.x - left) / BIN)); bin <= to; bin++) bits[bin] = 0;
    }
    return bits;
  });
  const full: Draft[] = [];
  const lines: Line[] = [];
  const flushFull = () => {
    lines.push(...withEdges(full));
    full.length = 0;
  };
  let start = 0;
  let carry: Gutter | null = null;
  while (start < rows.length) {
    // Grow a band of rows while they leave a common gap in the middle of the page.
    let open = free[start];
    let end = start + 1;
    while (end < rows.length) {
      const common = open.map((bit, bin) => bit & free[end][bin]);
      if (!widestFree(common, first, last)) break;
      open = common;
      end++;
    }
    const gap = right - left >= 200 ? widestFree(open, first, last) : null;
    const gutter = gap && { from: left + gap.from * BIN, to: left + gap.to * BIN };
    const continued =
      start === 0 && carried !== null && gutter !== null && gutter.from <= carried.to && carried.from <= gutter.to;
    if (!gutter || (end - start < 3 && !continued) || !isColumns(rows.slice(start, end), gutter, continued)) {
      for (const row of rows.slice(start, end)) full.push(toLine(row.page, 0, row.runs));
      start = end;
      continue;
    }
    end = trimTail(rows, start, end, gutter);
    flushFull();
    const band = rows.slice(start, end);
    const side = (column: 1 | 2) =>
      band
        .map((row) => row.runs.filter((run) => (column === 1 ? run.x < gutter.from : run.x >= gutter.from)))
        .filter((runs) => runs.length)
        .map((runs) => toLine(band[0].page, column, runs));
    const [leftColumn, rightColumn] = [withEdges(side(1)), side(2)];
    // When every line of the right column is indented (hanging numbers elsewhere), its edge is where
    // a column as wide as the left one would start.
    const width = (leftColumn[0]?.right ?? 0) - (leftColumn[0]?.left ?? 0);
    const rightEdge = Math.max(...rightColumn.map((line) => line.x1));
    lines.push(...leftColumn, ...withEdges(rightColumn, Math.max(gutter.from, rightEdge - width)));
    start = end;
    if (end === rows.length) carry = gutter;
  }
  flushFull();
  return { lines, carry };
}

/**
 * Rows after the last one with text in the right column belong to the left column while they go on
 * in its type and without a wide space: a heading after the columns starts what comes below them.
 */
function trimTail(rows: Row[], start: number, end: number, gutter: Gutter): number {
  const hasLeft = (row: Row) => row.runs.some((run) => run.x + run.width <= gutter.from);
  let last = end - 1;
  while (last > start && !rows[last].runs.some((run) => run.x >= gutter.to)) last--;
  const lefts = rows.slice(start, last + 1).filter(hasLeft);
  const gaps = lefts.slice(1).map((row, i) => lefts[i].y - row.y);
  gaps.sort((a, b) => a - b);
  const spacing = gaps[Math.floor(gaps.length / 2)] ?? Number.POSITIVE_INFINITY;
  const style = (row: Row) => {
    const main = row.runs.reduce((best, run) => (run.text.length > best.text.length ? run : best));
    return `${Math.round(main.size * 2) / 2} ${main.bold}`;
  };
  const columnStyle = style(lefts.at(-1) ?? rows[last]);
  for (let i = last + 1; i < end; i++) {
    if (style(rows[i]) !== columnStyle || rows[i - 1].y - rows[i].y > spacing * 2.5) return i;
  }
  return end;
}
