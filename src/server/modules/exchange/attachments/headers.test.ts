import { describe, expect, it } from 'vitest';
import { contentDisposition } from './headers.js';
import { cleanFileName } from './store.js';

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact name in filename*', () => {
    const header = contentDisposition('تقرير (مارس).pdf');
    expect(header).toMatch(/^attachment; filename="[^"]+"; filename\*=UTF-8''/);
    expect(header.split('"')[1]).toMatch(/^[\x20-\x7E]+$/);
    expect(header.split("UTF-8''")[1]).not.toMatch(/[()'*]/);
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe('تقرير (مارس).pdf');
  });

  it('never lets quotes, backslashes or line breaks out of the header', () => {
    const header = contentDisposition('a"b\\c\r\nSet-Cookie: x.txt');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.split('; ')[1]).toBe('filename="a_b_c__Set-Cookie: x.txt"');
  });
});

describe('cleanFileName', () => {
  it('keeps the last path segment, without control or bidi-override characters', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\x\\rapport final.docx')).toBe('rapport final.docx');
    expect(cleanFileName('bell\u0007\ttab.txt')).toBe('belltab.txt');
    expect(cleanFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(cleanFileName('محضر\u200Cالاجتماع.pdf')).toBe('محضر\u200Cالاجتماع.pdf');
  });

  it('keeps at most 200 whole characters, the end with its extension', () => {
    const kept = cleanFileName(`${'ب'.repeat(300)}.pdf`);
    expect([...kept]).toHaveLength(200);
    expect(kept.endsWith('.pdf')).toBe(true);
  });

  it('refuses a name that is nothing once cleaned', () => {
    for (const name of ['', '   ', '..', '../', '\u0001']) expect(() => cleanFileName(name), JSON.stringify(name)).toThrow();
  });
});
