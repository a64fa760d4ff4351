import { type Gutter, joinRuns, type Line, type Row, readPage } from './pdf-columns.js';
import type { PageText, TextRun } from './pdf-page.js';

export type { Line } from './pdf-columns.js';

/**
 * Turns the text runs of PDF pages into lines in reading order: runs sharing a baseline make a row;
 * running headers and footers (the same text at the same height on most pages, page numbers aside)
 * and lone page numbers are dropped; rows set in two columns are read column by column
 * (pdf-columns.ts).
 */
const PAGE_NUMBER =
  /^(?:page|p\.|pág(?:ina)?\.?|seite)?\s*[-–—(]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-–—)]?\s*(?:(?:of|sur|de|von|\/)\s*\d{1,4})?$/i;

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

export function readLines(pages: PageText[]): Line[] {
  let carried: Gutter | null = null;
  return dropFurniture(pages)
    .flatMap((rows) => {
      const page = readPage(rows, carried);
      carried = page.carry;
      return page.lines;
    })
    .filter((line) => !CONTENTS_ENTRY.test(line.text));
}
