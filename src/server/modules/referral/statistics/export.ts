import { SMALL_COUNT_THRESHOLD } from '../../../../shared/referral/vocabulary.js';
import { type CsvColumns, toCsvDocument } from '../../../platform/csv.js';
import { continentOf, regionOf } from './regions.js';
import type { ExportFact } from './repository.js';

/** The quasi-identifiers of an exported row: what, combined, could single a person out. */
export interface QuasiIdentifiers {
  ageBand: string;
  sex: string;
  citizenshipRegion: string;
  year: string;
}

export interface ExportRow extends QuasiIdentifiers {
  fact: ExportFact;
}

const broadAge = (band: string) => (band === 'unknown' ? 'unknown' : band === '0-11' || band === '12-17' ? '0-17' : '18+');

/**
 * Generalisation levels, finest first; every level's values differ from the others' (bands vs
 * broad bands, regions vs continents, a year vs none), so groups of different levels never merge.
 */
const LEVELS: ((fact: ExportFact) => QuasiIdentifiers)[] = [
  (f) => ({ ageBand: f.ageBand, sex: f.sex, citizenshipRegion: regionOf(f.nationality), year: String(f.year) }),
  (f) => ({
    ageBand: broadAge(f.ageBand),
    sex: f.sex,
    citizenshipRegion: continentOf(regionOf(f.nationality)),
    year: String(f.year),
  }),
  (f) => ({
    ageBand: broadAge(f.ageBand),
    sex: 'not shown',
    citizenshipRegion: continentOf(regionOf(f.nationality)),
    year: 'not shown',
  }),
];

const groupKey = (q: QuasiIdentifiers) => `${q.ageBand}\u0000${q.sex}\u0000${q.citizenshipRegion}\u0000${q.year}`;

/**
 * k-anonymity (k = SMALL_COUNT_THRESHOLD) over (age band, sex, region of citizenship, year): a row
 * whose combination is shared by fewer than k cases is generalised one level (broad age, continent),
 * then further (sex and year not shown), and left out when still too rare.
 */
export function anonymise(facts: readonly ExportFact[]): { rows: ExportRow[]; suppressed: number } {
  const rows: ExportRow[] = [];
  let pending = [...facts];
  for (const level of LEVELS) {
    const groups = new Map<string, ExportRow[]>();
    for (const fact of pending) {
      const row = { ...level(fact), fact };
      const key = groupKey(row);
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    pending = [];
    for (const group of groups.values()) {
      if (group.length >= SMALL_COUNT_THRESHOLD) rows.push(...group);
      else pending.push(...group.map((row) => row.fact));
    }
  }
  return { rows, suppressed: pending.length };
}

const list = (values: string[]) => values.join(';');

/** Column names after the CTDC's (Counter Trafficking Data Collaborative) global dataset where one exists. */
const COLUMNS: CsvColumns<ExportRow> = [
  ['yearOfRegistration', (r) => r.year],
  ['ageBroad', (r) => r.ageBand],
  ['gender', (r) => r.sex],
  ['citizenshipRegion', (r) => r.citizenshipRegion],
  ['majorityStatus', (r) => (r.fact.isChild ? 'minor' : 'adult')],
  ['caseType', (r) => r.fact.caseType],
  ['assessment', (r) => r.fact.assessment ?? ''],
  ['indicatorFamilies', (r) => list(r.fact.indicatorFamilies)],
  ['servicesReferred', (r) => list(r.fact.servicesReferred)],
  ['referralOutcomes', (r) => list(r.fact.referralOutcomes)],
  ['transnational', (r) => (r.fact.transnational ? 'yes' : 'no')],
];

export function toExportCsv(rows: readonly ExportRow[]): string {
  return toCsvDocument(COLUMNS, rows);
}
