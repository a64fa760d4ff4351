/**
 * CSV as spreadsheets read it safely: RFC 4180 quoting, UTF-8 with a byte-order mark (so that
 * spreadsheets read the accents), CRLF line ends, and formulas neutralised.
 */

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before one) as
 * a formula; a leading apostrophe makes it text (OWASP "CSV injection").
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: a field holding a comma, quote or line break is quoted, with its quotes doubled. */
export function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The columns of an export, in order: header → value of a row. */
export type CsvColumns<Row> = readonly (readonly [string, (row: Row) => string])[];

export function toCsvDocument<Row>(columns: CsvColumns<Row>, rows: readonly Row[]): string {
  const lines = [columns.map(([header]) => header).join(',')];
  for (const row of rows) lines.push(columns.map(([, value]) => csvField(value(row))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
