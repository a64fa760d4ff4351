import countryNames from 'i18n-iso-countries';
import type { BatchLineError } from '../../../../shared/watchlists/contract.js';
import { WATCHLIST_PROBLEMS } from '../../../../shared/watchlists/problems.js';
import { BATCH_COLUMNS, type EntrySex, WATCHLIST_LIMITS } from '../../../../shared/watchlists/vocabulary.js';
import { problem } from '../../../platform/errors.js';
import { CsvError, type CsvRecord, readCsv } from './csv.js';

/**
 * A batch file as screening sees it: the header names the columns (`BATCH_COLUMNS`, `name`
 * required, in any order and case), each later record is one person to screen. A line whose values
 * are wrong is reported by line number, slug and column — never by value, the report is not
 * personal data — and the other lines are screened. Pure: the upload checks the file with it, and
 * the job reads it again.
 */

export type BatchColumn = (typeof BATCH_COLUMNS)[number];

/** One good line: what `screenName` is given for it. */
export interface BatchLine {
  line: number;
  name: string;
  birthYear: number | null;
  nationality: string | null;
  sex: EntrySex | null;
  /** The caller's own reference for the line (a file number); not personal. */
  reference: string | null;
}

export interface BatchFile {
  /** Data lines of the file (good and bad), the header apart. */
  total: number;
  lines: BatchLine[];
  errors: BatchLineError[];
}

const invalidCsv = (detail: string, extra: Record<string, unknown> = {}) =>
  problem(WATCHLIST_PROBLEMS, 'invalid-csv', detail, extra);

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const SEXES: Record<string, EntrySex> = { f: 'female', female: 'female', m: 'male', male: 'male', other: 'other', x: 'other' };
const MAX_REFERENCE = 100;
const FIRST_BIRTH_YEAR = 1900;

/** UTF-8 text of an uploaded file; anything else (a PDF, a spreadsheet's binary format, UTF-16) is not CSV. */
export function decodeBatchFile(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalidCsv('The file is not UTF-8 text; save it as "CSV UTF-8" and send it again.');
  }
  if (text.includes('\u0000')) throw invalidCsv('The file is not a text file; send a CSV file.');
  return text;
}

/** Which column holds what; an unknown or repeated column, or no `name`, refuses the file. */
export function batchHeader(record: CsvRecord | undefined): Map<BatchColumn, number> {
  if (!record) throw invalidCsv(`The file is empty; its first line names the columns (${BATCH_COLUMNS.join(', ')}).`);
  const columns = new Map<BatchColumn, number>();
  record.fields.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    if (name === '' && index === record.fields.length - 1 && index > 0) return; // a trailing separator
    if (!(BATCH_COLUMNS as readonly string[]).includes(name)) {
      throw invalidCsv(`Unknown column "${raw.trim().slice(0, 50)}"; the columns are ${BATCH_COLUMNS.join(', ')}.`, {
        column: raw.trim().slice(0, 50),
      });
    }
    if (columns.has(name as BatchColumn)) throw invalidCsv(`The column "${name}" appears twice.`, { column: name });
    columns.set(name as BatchColumn, index);
  });
  if (!columns.has('name')) {
    throw invalidCsv(`The first line names the columns, and one of them must be "name" (${BATCH_COLUMNS.join(', ')}).`);
  }
  return columns;
}

function birthYearOf(value: string): number | null | undefined {
  if (value === '') return null;
  if (!/^\d{4}$/.test(value)) return undefined;
  const year = Number(value);
  return year >= FIRST_BIRTH_YEAR && year <= new Date().getUTCFullYear() ? year : undefined;
}

function nationalityOf(value: string): string | null | undefined {
  if (value === '') return null;
  const code = value.toUpperCase();
  return /^[A-Z]{2}$/.test(code) && countryNames.isValid(code) ? code : undefined;
}

/** A line's values, or what is wrong with them (every wrong column, not only the first). */
export function checkLine(
  record: CsvRecord,
  columns: Map<BatchColumn, number>,
): { line: BatchLine; errors: [] } | { line: null; errors: BatchLineError[] } {
  const value = (column: BatchColumn) => {
    const index = columns.get(column);
    return index === undefined ? '' : (record.fields[index] ?? '').normalize('NFC').trim();
  };
  const errors: BatchLineError[] = [];
  const fail = (slug: string, field: BatchColumn | null) => errors.push({ line: record.line, slug, field });
  const width = Math.max(...columns.values()) + 1;
  // More values than columns: most often a name with a comma that was not quoted. The values are
  // then in the wrong columns, so their own checks would only add noise.
  if (record.fields.slice(width).some((extra) => extra.trim() !== '')) {
    return { line: null, errors: [{ line: record.line, slug: 'invalid-csv', field: null }] };
  }

  const name = value('name');
  if (name === '') fail('missing-name', 'name');
  else if ([...name].length > WATCHLIST_LIMITS.nameLength || CONTROL.test(name) || !/\p{L}/u.test(name))
    fail('invalid-name', 'name');
  const birthYear = birthYearOf(value('birth_year'));
  if (birthYear === undefined) fail('invalid-birth-year', 'birth_year');
  const nationality = nationalityOf(value('nationality'));
  if (nationality === undefined) fail('invalid-nationality', 'nationality');
  const sexText = value('sex').toLowerCase();
  const sex = sexText === '' ? null : SEXES[sexText];
  if (sex === undefined) fail('invalid-sex', 'sex');
  const reference = value('reference');
  if ([...reference].length > MAX_REFERENCE || CONTROL.test(reference)) fail('invalid-csv', 'reference');

  if (errors.length) return { line: null, errors };
  return {
    line: {
      line: record.line,
      name,
      birthYear: birthYear ?? null,
      nationality: nationality ?? null,
      sex: sex ?? null,
      reference: reference || null,
    },
    errors: [],
  };
}

/** Reads a whole batch file: refuses what is not a batch file at all, sorts the rest into good lines and errors. */
export function readBatchFile(text: string): BatchFile {
  let records: CsvRecord[];
  try {
    records = readCsv(text).records;
  } catch (error) {
    if (error instanceof CsvError) throw invalidCsv(error.message, { line: error.line });
    throw error;
  }
  const [header, ...data] = records;
  const columns = batchHeader(header);
  if (data.length === 0) throw invalidCsv('The file has a header line but no name to screen.');
  if (data.length > WATCHLIST_LIMITS.batchLines) {
    throw problem(
      WATCHLIST_PROBLEMS,
      'batch-too-large',
      `A batch holds at most ${WATCHLIST_LIMITS.batchLines} lines; this file has ${data.length}. Split it and send the parts.`,
      { maxLines: WATCHLIST_LIMITS.batchLines },
    );
  }
  const lines: BatchLine[] = [];
  const errors: BatchLineError[] = [];
  for (const record of data) {
    const checked = checkLine(record, columns);
    if (checked.line) lines.push(checked.line);
    else errors.push(...checked.errors);
  }
  return { total: data.length, lines, errors };
}
