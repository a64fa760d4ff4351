import { describe, expect, it } from 'vitest';
import { anonymise, toExportCsv } from './export.js';
import { regionOf } from './regions.js';
import type { ExportFact } from './repository.js';

const fact = (overrides: Partial<ExportFact>): ExportFact => ({
  year: 2026,
  ageBand: '26-35',
  sex: 'female',
  nationality: 'MA',
  caseType: 'trafficking',
  isChild: false,
  assessment: 'presumed_victim',
  indicatorFamilies: ['deception'],
  servicesReferred: ['shelter'],
  referralOutcomes: [],
  transnational: false,
  ...overrides,
});

/** The smallest group of rows sharing one combination of the quasi-identifiers. */
function kOf(csv: string): number {
  const [header, ...lines] = csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  const columns = header.split(',');
  const at = ['ageBroad', 'gender', 'citizenshipRegion', 'yearOfRegistration'].map((name) => columns.indexOf(name));
  const groups = new Map<string, number>();
  for (const line of lines) {
    const cells = line.split(',');
    const key = at.map((i) => cells[i]).join('|');
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return Math.min(...groups.values());
}

describe('the CTDC-style export', () => {
  it('maps nationalities to regions of citizenship', () => {
    expect(regionOf('SN')).toBe('Africa West');
    expect(regionOf('ma')).toBe('Africa North');
    expect(regionOf('ES')).toBe('Europe South');
    expect(regionOf(null)).toBe('unknown');
    expect(regionOf('AQ')).toBe('other');
  });

  it('generalises rare combinations, then leaves out what is still rare: k ≥ 5', () => {
    const facts = [
      ...Array.from({ length: 7 }, () => fact({})),
      ...Array.from({ length: 3 }, () => fact({ nationality: 'SN', sex: 'male', ageBand: '18-25' })),
      ...Array.from({ length: 2 }, () => fact({ nationality: 'NE', sex: 'male', ageBand: '36-45' })),
      ...Array.from({ length: 2 }, () => fact({ nationality: 'ES', ageBand: '12-17', isChild: true })),
    ];
    const { rows, suppressed } = anonymise(facts);
    expect(rows).toHaveLength(12);
    expect(suppressed).toBe(2);
    const csv = toExportCsv(rows);
    expect(kOf(csv)).toBeGreaterThanOrEqual(5);
    expect(csv).toContain('2026,26-35,female,Africa North,');
    expect(csv).toContain('2026,18+,male,Africa,');
  });

  it('keeps k ≥ 5 on random data', () => {
    let seed = 42;
    const random = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
    for (let round = 0; round < 20; round += 1) {
      const facts = Array.from({ length: 50 + Math.floor(random() * 500) }, () =>
        fact({
          year: pick([2024, 2025, 2026]),
          ageBand: pick(['0-11', '12-17', '18-25', '26-35', '36-45', '46+', 'unknown']),
          sex: pick(['female', 'male', 'other', 'unknown']),
          nationality: pick(['MA', 'SN', 'NE', 'ES', 'NG', 'ER', 'SY', null, 'FR']),
        }),
      );
      const { rows, suppressed } = anonymise(facts);
      expect(rows.length + suppressed).toBe(facts.length);
      if (rows.length > 0) expect(kOf(toExportCsv(rows))).toBeGreaterThanOrEqual(5);
    }
  });
});
