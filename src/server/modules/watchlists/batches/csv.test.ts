import { describe, expect, it } from 'vitest';
import { CsvError, CsvReader, detectSeparator, readCsv } from './csv.js';

/** Feeds `text` in chunks of `size` characters, as a stream would deliver it. */
function inChunks(text: string, size: number) {
  const reader = new CsvReader();
  const records = [];
  for (let at = 0; at < text.length; at += size) records.push(...reader.push(text.slice(at, at + size)));
  records.push(...reader.end());
  return { separator: reader.separator, records };
}

describe('reading CSV', () => {
  it('reads a header and records with their line numbers', () => {
    expect(readCsv('name,birth_year\nAmadou Diallo,1984\nFatou Sow,\n')).toEqual({
      separator: ',',
      records: [
        { line: 1, fields: ['name', 'birth_year'] },
        { line: 2, fields: ['Amadou Diallo', '1984'] },
        { line: 3, fields: ['Fatou Sow', ''] },
      ],
    });
  });

  it('finds `;` separators from the header and keeps commas inside fields', () => {
    const { separator, records } = readCsv('name;nationality\r\nDIALLO, Mamadou;SN\r\n');
    expect(separator).toBe(';');
    expect(records[1]).toEqual({ line: 2, fields: ['DIALLO, Mamadou', 'SN'] });
  });

  it('reads quoted fields with separators, doubled quotes and line breaks, counting the lines they span', () => {
    const text = 'name,reference\n"Diallo, Mamadou","F ""12"""\n"Abdel\r\nRahman",R2\nOusmane,R3';
    expect(readCsv(text).records).toEqual([
      { line: 1, fields: ['name', 'reference'] },
      { line: 2, fields: ['Diallo, Mamadou', 'F "12"'] },
      { line: 3, fields: ['Abdel\nRahman', 'R2'] },
      { line: 5, fields: ['Ousmane', 'R3'] },
    ]);
  });

  it('drops a byte-order mark and blank lines, and counts CRLF, LF and lone CR as one line each', () => {
    const { records } = readCsv('\uFEFFname\r\n\r\nA\rB\n\nC\r\n');
    expect(records).toEqual([
      { line: 1, fields: ['name'] },
      { line: 3, fields: ['A'] },
      { line: 4, fields: ['B'] },
      { line: 6, fields: ['C'] },
    ]);
  });

  it('keeps empty fields, quoted empty fields and a trailing separator', () => {
    expect(readCsv('a,b,c\n,"",\n').records[1]).toEqual({ line: 2, fields: ['', '', ''] });
  });

  it('gives the same records whatever the chunk size (a chunk may split CRLF, quotes or the header)', () => {
    const text = '\uFEFFname;birth_year;reference\r\n"Ben ""Ali""; Karim";1990;"x\r\ny"\r\nسعيد;;R\r\n';
    const whole = readCsv(text);
    for (const size of [1, 2, 3, 5, 7, 64]) expect(inChunks(text, size)).toEqual(whole);
    expect(whole.separator).toBe(';');
    expect(whole.records.map((record) => record.line)).toEqual([1, 2, 4]);
    expect(whole.records[1].fields).toEqual(['Ben "Ali"; Karim', '1990', 'x\ny']);
  });

  it('refuses a quote left open, naming the line where its field starts', () => {
    const refused = (() => {
      try {
        readCsv('name\nok\n"Amadou\nDiallo\n');
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(CsvError);
    expect((refused as CsvError).line).toBe(3);
  });

  it('refuses text after a closing quote', () => {
    expect(() => readCsv('name\n"Amadou" Diallo\n')).toThrowError(/Line 2/);
  });

  it('reads an empty text as no record, and one without a final line break in full', () => {
    expect(readCsv('').records).toEqual([]);
    expect(readCsv('\uFEFF').records).toEqual([]);
    expect(readCsv('name').records).toEqual([{ line: 1, fields: ['name'] }]);
  });

  it('detects the separator outside quotes only', () => {
    expect(detectSeparator('"a;b;c",d')).toBe(',');
    expect(detectSeparator('name;birth_year,x;y')).toBe(';');
    expect(detectSeparator('name')).toBe(',');
  });
});
