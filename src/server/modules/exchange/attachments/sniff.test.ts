import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFileName, servedContentType, sniffFile } from './sniff.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-sniff-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
function sniff(bytes: Buffer | string, name: string) {
  const file = path.join(dir, String(n++));
  fs.writeFileSync(file, bytes);
  return sniffFile(file, name);
}

describe('sniffFile', () => {
  it('reads text as UTF-8, CSV by its name, and markup as what it is', async () => {
    expect(await sniff('Procès-verbal — محضر الاجتماع\n', 'minutes.txt')).toBe('text/plain');
    expect(await sniff('a,b\n1,2\n', 'table.CSV')).toBe('text/csv');
    expect(await sniff('\uFEFF  <!doctype html><p>hi', 'page.txt')).toBe('text/html');
    expect(await sniff('<svg xmlns="http://www.w3.org/2000/svg"/>', 'logo.txt')).toBe('image/svg+xml');
  });

  it('calls invalid UTF-8 and NUL bytes binary', async () => {
    expect(await sniff(Buffer.from([0xc3, 0x28, 0x41]), 'x.txt')).toBe('application/octet-stream');
    expect(await sniff(Buffer.from('abc\0def'), 'x.txt')).toBe('application/octet-stream');
  });

  it('refuses scripts by their first line, text or not', async () => {
    await expect(sniff('#!/usr/bin/env python\nprint(1)', 'notes.txt')).rejects.toMatchObject({ status: 415 });
    await expect(sniff(Buffer.from([0x23, 0x21, 0xff, 0xfe]), 'blob.dat')).rejects.toMatchObject({ status: 415 });
  });

  it('refuses executables whatever their name', async () => {
    await expect(sniff(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]), 'photo.jpg')).rejects.toMatchObject({
      slug: 'refused-file-type',
    });
  });
});

describe('checkFileName', () => {
  it('refuses runnable extensions, ignoring case and trailing dots or spaces', () => {
    for (const name of ['a.exe', 'A.BAT', 'b.ps1', 'c.js', 'd.docm', 'e.exe. .', 'f.sh']) {
      expect(() => checkFileName(name), name).toThrow(/programs and scripts/);
    }
    for (const name of ['a.pdf', 'b.docx', 'c.exe.txt', 'README', 'تقرير.pdf']) expect(() => checkFileName(name)).not.toThrow();
  });
});

describe('servedContentType', () => {
  it('serves a safe list as is, text with its charset, anything else as a plain download', () => {
    expect(servedContentType('application/pdf')).toBe('application/pdf');
    expect(servedContentType('text/plain')).toBe('text/plain; charset=utf-8');
    expect(servedContentType('text/html')).toBe('application/octet-stream');
    expect(servedContentType('image/svg+xml')).toBe('application/octet-stream');
    expect(servedContentType('application/xml')).toBe('application/octet-stream');
  });
});
