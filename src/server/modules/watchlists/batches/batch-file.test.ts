import { describe, expect, it } from 'vitest';
import { Problem } from '../../../platform/errors.js';
import { decodeBatchFile, readBatchFile } from './batch-file.js';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof Problem) return { status: error.status, slug: error.slug, detail: error.detail, ...error.extra };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('batch files', () => {
  it('reads good lines in any column order and case, and reports each wrong value by line and column', () => {
    const file = readBatchFile(
      [
        'Reference;NAME;Birth_Year;nationality;sex',
        'F-1;DIALLO Mamadou;1984;sn;M',
        'F-2;;1990;;',
        'F-3;Fatou Sow;84;XX;unknown',
        'F-4;محمد عبد الله;;MA;female',
        'F-5;12345;;;',
      ].join('\r\n'),
    );
    expect(file.total).toBe(5);
    expect(file.lines).toEqual([
      { line: 2, name: 'DIALLO Mamadou', birthYear: 1984, nationality: 'SN', sex: 'male', reference: 'F-1' },
      { line: 5, name: 'محمد عبد الله', birthYear: null, nationality: 'MA', sex: 'female', reference: 'F-4' },
    ]);
    expect(file.errors).toEqual([
      { line: 3, slug: 'missing-name', field: 'name' },
      { line: 4, slug: 'invalid-birth-year', field: 'birth_year' },
      { line: 4, slug: 'invalid-nationality', field: 'nationality' },
      { line: 4, slug: 'invalid-sex', field: 'sex' },
      { line: 6, slug: 'invalid-name', field: 'name' },
    ]);
  });

  it('refuses a year in the future or before 1900, and keeps SQL metacharacters as plain text', () => {
    const next = new Date().getUTCFullYear() + 1;
    const file = readBatchFile(`name,birth_year\nA,${next}\nB,1899\n"Robert'); DROP TABLE screenings;--",1970\n`);
    expect(file.errors.map((error) => [error.line, error.slug])).toEqual([
      [2, 'invalid-birth-year'],
      [3, 'invalid-birth-year'],
    ]);
    expect(file.lines).toEqual([
      { line: 4, name: "Robert'); DROP TABLE screenings;--", birthYear: 1970, nationality: null, sex: null, reference: null },
    ]);
  });

  it('reports a line with more values than columns (a name with an unquoted comma)', () => {
    expect(readBatchFile('name,sex\nDIALLO, Mamadou,male\n').errors).toEqual([{ line: 2, slug: 'invalid-csv', field: null }]);
  });

  it('refuses a file with no name column, an unknown column naming it, an empty file and a header alone', () => {
    expect(refusal(() => readBatchFile('full_name,birth_year\nA,1980\n'))).toMatchObject({
      status: 400,
      slug: 'invalid-csv',
      column: 'full_name',
    });
    expect(refusal(() => readBatchFile('birth_year\n1980\n'))).toMatchObject({ status: 400, slug: 'invalid-csv' });
    expect(refusal(() => readBatchFile('name,name\nA,B\n'))).toMatchObject({ status: 400, column: 'name' });
    expect(refusal(() => readBatchFile(''))).toMatchObject({ status: 400, slug: 'invalid-csv' });
    expect(refusal(() => readBatchFile('name\n'))).toMatchObject({ status: 400, slug: 'invalid-csv' });
    expect(refusal(() => readBatchFile('name\n"open\n'))).toMatchObject({ status: 400, slug: 'invalid-csv', line: 2 });
  });

  it('refuses more lines than a batch holds', () => {
    const text = `name\n${'A\n'.repeat(10_001)}`;
    expect(refusal(() => readBatchFile(text))).toMatchObject({ status: 422, slug: 'batch-too-large' });
    expect(readBatchFile(`name\n${'A\n'.repeat(10_000)}`).total).toBe(10_000);
  });

  it('takes UTF-8 only, and no binary file', () => {
    expect(decodeBatchFile(new TextEncoder().encode('\uFEFFname\nÉmile\n'))).toContain('Émile');
    expect(refusal(() => decodeBatchFile(new Uint8Array([0x6e, 0xff, 0xfe, 0x0a])))).toMatchObject({ slug: 'invalid-csv' });
    expect(refusal(() => decodeBatchFile(new TextEncoder().encode('%PDF-1.7\u0000\u0001')))).toMatchObject({
      slug: 'invalid-csv',
    });
  });
});
