/**
 * An outcome document as plain text, as a text export of it would read: the Markdown source without
 * its "#" marks and emphasis, and its tables as columns aligned with spaces.
 */
import { type DemoDocument, plain, tableCells } from './parse.js';

const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_SEPARATOR = /^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$/;

function alignedTable(rows: string[][]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) =>
    widths
      .map((width, column) => (row[column] ?? '').padEnd(width))
      .join('   ')
      .trimEnd(),
  );
}

export function renderText(document: DemoDocument): string {
  const lines = document.markdown.split('\n');
  const out: string[] = [];
  for (let at = 0; at < lines.length; at++) {
    if (!TABLE_ROW.test(lines[at])) {
      out.push(lines[at].trim() ? plain(lines[at].replace(/^\s*#{1,6}\s+/, '')) : '');
      continue;
    }
    const rows: string[][] = [];
    for (; at < lines.length && TABLE_ROW.test(lines[at]); at++) {
      if (!TABLE_SEPARATOR.test(lines[at])) rows.push(tableCells(lines[at].trim()));
    }
    at--;
    out.push(...alignedTable(rows));
  }
  return out.join('\n');
}
