import type { PageText, TextRun } from './pdf-page.js';

/**
 * Turns the text runs of PDF pages into lines in reading order: runs sharing a baseline make a row;
 * running headers and footers (the same text at the same height on most pages, page numbers aside)
 * and lone page numbers are dropped; a page set in two columns is read column by column.
 */
export interface Line {
  page: number;
  /** Column on its page: 0 for full width, 1 and 2 for the left and right columns. */
  column: number;
  y: number;
  x0: number;
  x1: number;
  /** Left and right edges of the text of this column on this page. */
  left: number;
  right: number;
  /** Where each run of the line starts: a hanging indent lines up with one of them. */
  starts: number[];
  size: number;
  bold: boolean;
  text: string;
}

interface Row {
  page: number;
  y: number;
  runs: TextRun[];
  text: string;
}

const PAGE_NUMBER =
  /^(?:page|p\.|pág(?:ina)?\.?|seite)?\s*[-–—(]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-–—)]?\s*(?:(?:of|sur|de|von|\/)\s*\d{1,4})?$/i;

/** Joins runs left to right, with a space where the gap between two runs is wider than kerning. */
function joinRuns(runs: TextRun[]): string {
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const run of runs) {
    if (text && run.x - end > run.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(run.text)) text += ' ';
    text += run.text;
    end = Math.max(end, run.x + run.width);
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** Footnote calls ("Senegal¹"): small, raised, right after a word. They would stick to it. */
function footnoteCalls(runs: TextRun[]): Set<TextRun> {
  const isCall = (call: TextRun) =>
    SUPERSCRIPT.test(call.text) &&
    runs.some(
      (word) =>
        call.size < word.size * 0.8 &&
        Math.abs(word.x + word.width - call.x) <= word.size * 0.3 &&
        call.y - word.y > word.size * 0.15 &&
        call.y - word.y < word.size * 0.8,
    );
  return new Set(runs.filter(isCall));
}

function makeRows(page: PageText): Row[] {
  const calls = footnoteCalls(page.runs);
  const runs = page.runs.filter((run) => !calls.has(run)).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: { page: number; anchor: number; size: number; runs: TextRun[] }[] = [];
  for (const run of runs) {
    const row = rows.at(-1);
    // A superscript sits a little above its line: it belongs to it all the same.
    if (row && Math.abs(row.anchor - run.y) <= 0.45 * Math.max(row.size, run.size)) {
      row.runs.push(run);
      row.size = Math.max(row.size, run.size);
    } else rows.push({ page: page.number, anchor: run.y, size: run.size, runs: [run] });
  }
  return rows.map((row) => {
    row.runs.sort((a, b) => a.x - b.x);
    // The baseline is the one most of the row's text stands on.
    const main = row.runs.reduce((best, run) => (run.text.length > best.text.length ? run : best));
    return { page: row.page, y: main.y, runs: row.runs, text: joinRuns(row.runs) };
  });
}

const SUPERSCRIPT = /^\s*[\d*†‡,]{1,4}\s*$/;
/** A table of contents' entry: "Recommendations ........ 5". */
const CONTENTS_ENTRY = /(?:\.\s?){4,}\s*\d{1,3}$|…{2,}\s*\d{1,3}$/;

const furnitureKey = (text: string) => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/** Drops running headers and footers, and page numbers at the top or bottom of a page. */
function dropFurniture(pages: PageText[]): Row[][] {
  const rowsOf = pages.map(makeRows);
  // Rows at the top and bottom of a page: the first and last, and a few more within the margins.
  const edges = rowsOf.map((rows, index) => {
    const zone = (pages[index].top - pages[index].bottom) * 0.15;
    const head = rows.slice(0, 4).filter((row, i) => i === 0 || row.y >= pages[index].top - zone);
    const foot = rows.slice(-4).filter((row, i, all) => i === all.length - 1 || row.y <= pages[index].bottom + zone);
    return new Set([...head, ...foot]);
  });
  const seen = new Map<string, { page: number; y: number }[]>();
  for (const edge of edges) {
    for (const row of edge) {
      const key = furnitureKey(row.text);
      const places = seen.get(key) ?? [];
      places.push({ page: row.page, y: row.y });
      seen.set(key, places);
    }
  }
  const needed = Math.max(2, Math.ceil(pages.length * 0.4));
  const repeated = (row: Row) => {
    const pagesAtSameHeight = new Set(
      (seen.get(furnitureKey(row.text)) ?? []).filter((at) => Math.abs(at.y - row.y) <= 6).map((at) => at.page),
    );
    return pagesAtSameHeight.size >= needed;
  };
  return rowsOf.map((rows, index) => {
    const drop = new Set([...edges[index]].filter((row) => PAGE_NUMBER.test(row.text) || repeated(row)));
    return rows.filter((row) => !drop.has(row));
  });
}

interface Gutter {
  from: number;
  to: number;
}

const BIN = 2;

/**
 * A gutter is a vertical band in the middle of the page that most rows do not cross, with lines of
 * text on both sides of it; a table of short labels and values is not columns (its left side is
 * mostly empty).
 */
function findGutter(rows: Row[]): Gutter | null {
  if (rows.length < 6) return null;
  const left = Math.min(...rows.map((row) => row.runs[0].x));
  const right = Math.max(...rows.flatMap((row) => row.runs.map((run) => run.x + run.width)));
  const width = right - left;
  if (width < 200) return null;
  const bins = Math.ceil(width / BIN);
  const crossing = new Uint16Array(bins);
  for (const row of rows) {
    const covered = new Uint8Array(bins);
    for (const run of row.runs) {
      const from = Math.max(0, Math.floor((run.x - left) / BIN));
      const to = Math.min(bins - 1, Math.floor((run.x + run.width - left) / BIN));
      for (let bin = from; bin <= to; bin++) covered[bin] = 1;
    }
    for (let bin = 0; bin < bins; bin++) crossing[bin] += covered[bin];
  }
  const limit = rows.length * 0.35;
  let best: Gutter | null = null;
  let start = -1;
  const first = Math.floor(bins * 0.2);
  const last = Math.ceil(bins * 0.8);
  for (let bin = first; bin <= last; bin++) {
    const open = bin < last && crossing[bin] <= limit;
    if (open && start < 0) start = bin;
    if (!open && start >= 0) {
      const band = { from: left + start * BIN, to: left + bin * BIN };
      if (band.to - band.from >= 8 && (!best || band.to - band.from > best.to - best.from)) best = band;
      start = -1;
    }
  }
  if (!best) return null;
  const gutter = best;
  const sides = rows.filter((row) => !crosses(row, gutter));
  const leftLines = sides.map((row) => row.runs.filter((run) => run.x + run.width <= gutter.from)).filter((runs) => runs.length);
  const rightCount = sides.filter((row) => row.runs.some((run) => run.x >= gutter.to)).length;
  if (leftLines.length < 3 || rightCount < 3) return null;
  const filled =
    leftLines.reduce((sum, runs) => sum + (runs.at(-1) as TextRun).x + (runs.at(-1) as TextRun).width - runs[0].x, 0) /
    leftLines.length /
    (gutter.from - left);
  return filled >= 0.6 ? gutter : null;
}

const crosses = (row: Row, gutter: Gutter) => row.runs.some((run) => run.x < gutter.to && run.x + run.width > gutter.from);

function toLine(page: number, column: number, runs: TextRun[]): Omit<Line, 'left' | 'right'> {
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

/** Lines of a page in reading order: full-width rows where they stand, columns one after the other. */
function readPage(rows: Row[]): Line[] {
  const gutter = findGutter(rows);
  const lines: Omit<Line, 'left' | 'right'>[] = [];
  const columns: Omit<Line, 'left' | 'right'>[][] = [[], []];
  const flush = () => {
    lines.push(...columns[0], ...columns[1]);
    columns[0] = [];
    columns[1] = [];
  };
  for (const row of rows) {
    if (!gutter || crosses(row, gutter)) {
      flush();
      lines.push(toLine(row.page, 0, row.runs));
      continue;
    }
    const left = row.runs.filter((run) => run.x < gutter.from);
    const right = row.runs.filter((run) => run.x >= gutter.from);
    if (left.length) columns[0].push(toLine(row.page, 1, left));
    if (right.length) columns[1].push(toLine(row.page, 2, right));
  }
  flush();
  const edges = [0, 1, 2].map((column) => {
    const own = lines.filter((line) => line.column === column);
    return { left: Math.min(...own.map((l) => l.x0)), right: Math.max(...own.map((l) => l.x1)) };
  });
  return lines.map((line) => ({ ...line, ...edges[line.column] }));
}

export function readLines(pages: PageText[]): Line[] {
  return dropFurniture(pages)
    .flatMap(readPage)
    .filter((line) => !CONTENTS_ENTRY.test(line.text));
}
