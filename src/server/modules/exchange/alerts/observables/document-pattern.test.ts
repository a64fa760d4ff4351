import { describe, expect, it } from 'vitest';
import { matchesDocumentNumber, normaliseObservable } from './index.js';

describe('document-number patterns', () => {
  it.each([
    ['P1234****', 'P1234*'],
    ['p1234*', 'P1234*'],
    ['AB 123 456', 'AB123456'],
    ['AB-123-456', 'AB123456'],
    ['XK?45*9', 'XK?45*9'],
    ['١٢٣٤٥٦٧', '1234567'],
    ['é12345', 'E12345'],
  ])('"%s" is stored as %s', (raw, value) => {
    expect(normaliseObservable('document_pattern', raw)).toMatchObject({ ok: true, kind: 'document_pattern', value });
  });

  it('keeps the pattern as written for display', () => {
    expect(normaliseObservable('document_pattern', ' P1234**** ')).toMatchObject({ display: 'P1234****' });
  });

  it.each([
    ['****', 'document_pattern_too_broad'],
    ['A*B?', 'document_pattern_too_broad'],
    ['P12[0-9]+', 'document_pattern_characters'],
    ['P1234%', 'document_pattern_characters'],
    ["P1' OR '1'='1", 'document_pattern_characters'],
    ['جواز123', 'document_pattern_characters'],
    ['P'.repeat(41), 'too_long'],
  ])('refuses %s', (raw, code) => {
    expect(normaliseObservable('document_pattern', raw)).toMatchObject({ ok: false, code });
  });
});

describe('matchesDocumentNumber', () => {
  it.each([
    ['P1234****', 'P12345678', true],
    ['P1234****', 'p1234 0000', true],
    ['P1234*', 'P1234', true],
    ['P1234*', 'P1235678', false],
    ['*5678', 'XK005678', true],
    ['*5678', 'XK005679', false],
    ['XK?45*9', 'XKA4509', true],
    ['XK?45*9', 'XK4509', false],
    ['XK?45*9', 'XKA45123459', true],
    ['A*B*C', 'AxxBxxC', true],
    ['A*B*C', 'AxxCxxB', false],
    ['AB123456', 'AB-123-456', true],
    ['AB123456', 'AB1234567', false],
  ])('%s fits %s: %s', (pattern, number, expected) => {
    expect(matchesDocumentNumber(pattern, number)).toBe(expected);
  });

  it('accepts a normalised observable as the pattern', () => {
    const pattern = normaliseObservable('document_pattern', 'P1234****');
    if (!pattern.ok) throw new Error(pattern.reason);
    expect(matchesDocumentNumber(pattern, 'P12349999')).toBe(true);
    expect(matchesDocumentNumber({ kind: 'phone', value: '*', display: '*' }, 'P12349999')).toBe(false);
  });

  it('matches nothing with an invalid pattern or number', () => {
    expect(matchesDocumentNumber('**', 'P1234')).toBe(false);
    expect(matchesDocumentNumber('P1234*', 'P1234<script>')).toBe(false);
    expect(matchesDocumentNumber('P1234*', '')).toBe(false);
    expect(matchesDocumentNumber('P1234*', 42 as unknown as string)).toBe(false);
  });

  it('stays fast on a pattern built to make matching backtrack', () => {
    const pattern = `${'A*'.repeat(19)}B`;
    const started = performance.now();
    expect(matchesDocumentNumber(pattern, 'A'.repeat(40))).toBe(false);
    expect(performance.now() - started).toBeLessThan(50);
  });
});
