import type { Db } from '../../../platform/db/database.js';
import * as repo from './repository.js';
import { FACET_FIELDS, type FacetField, type SearchFilters } from './schemas.js';

/**
 * The facet values of every searchable item (published item of a published document), kept in
 * memory so that filters, facet counts and date order over tens of thousands of matches cost
 * milliseconds instead of one grouped SQL query per facet. It is a cache, never the authority:
 * which items match the text and which documents the viewer may see always come from SQL, and
 * the copy is brought up to date from the rows changed since the last refresh before each search
 * (repository `searchEntriesChangedSince`, watermark = the snapshot's xmin).
 *
 * Facet values are numbered (`codes`), so counting is incrementing an integer array.
 */
export interface SearchEntry {
  seq: number;
  id: string;
  /** Number of the item's document in this store. */
  document: number;
  /** Codes of the item's facet values, every field together, each distinct. */
  codes: Int32Array;
  day: string | null;
  documentId: string;
  position: number;
  /** Index in date order (meeting date newest first, then document, then position). */
  dateRank: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export const FACET_LIMIT = 100;

const FIELD_INDEX = new Map(FACET_FIELDS.map((field, index) => [field, index]));

export class FacetStore {
  private readonly bySeqIndex: (SearchEntry | undefined)[] = [];
  private byDate: SearchEntry[] = [];
  private readonly documentNumbers = new Map<string, number>();
  /** Field index and value of each code. */
  readonly codeField: number[] = [];
  readonly codeValue: string[] = [];
  private readonly codeNumbers = new Map<string, number>();
  private watermark = '0';
  private refreshing: Promise<void> | null = null;

  constructor(private readonly db: Db) {}

  /** Applies the changes committed since the last refresh; concurrent callers share one refresh. */
  async refresh(): Promise<void> {
    this.refreshing ??= this.applyChanges().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async applyChanges() {
    const { watermark, rows } = await repo.searchEntriesChangedSince(this.db, this.watermark);
    // Grown in order, so the array stays dense (a sparse one turns into a slow dictionary).
    const highest = rows.reduce((max, row) => Math.max(max, row.seq), -1);
    while (this.bySeqIndex.length <= highest) this.bySeqIndex.push(undefined);
    for (const row of rows) {
      if (!row.searchable) {
        this.bySeqIndex[row.seq] = undefined;
        continue;
      }
      const values: [FacetField, readonly (string | number | null)[]][] = [
        ['type', [row.type]],
        ['process', [row.process]],
        ['year', [row.year]],
        ['country', row.countries],
        ['theme', row.themes],
        ['organisation', row.organisations],
        ['reference', row.reference_ids],
      ];
      const codes = new Set<number>();
      for (const [field, list] of values) {
        for (const value of list) if (value !== null) codes.add(this.codeOf(field, String(value)));
      }
      this.bySeqIndex[row.seq] = {
        seq: row.seq,
        id: row.id,
        document: this.documentNumber(row.document_id),
        documentId: row.document_id,
        codes: Int32Array.from(codes),
        day: row.day,
        position: row.position,
        dateRank: 0,
      };
    }
    if (rows.length > 0 || this.watermark === '0') this.sortByDate();
    this.watermark = watermark;
  }

  private codeOf(field: FacetField, value: string): number {
    const key = `${field}\u0000${value}`;
    let code = this.codeNumbers.get(key);
    if (code === undefined) {
      code = this.codeValue.length;
      this.codeNumbers.set(key, code);
      this.codeField.push(FIELD_INDEX.get(field) ?? 0);
      this.codeValue.push(value);
    }
    return code;
  }

  /** The codes of `values` of `field` that the store knows (unknown values match nothing). */
  codesOf(field: FacetField, values: readonly (string | number)[]): number[] {
    return values.flatMap((value) => this.codeNumbers.get(`${field}\u0000${value}`) ?? []);
  }

  private documentNumber(id: string): number {
    let number = this.documentNumbers.get(id);
    if (number === undefined) {
      number = this.documentNumbers.size;
      this.documentNumbers.set(id, number);
    }
    return number;
  }

  private sortByDate() {
    this.byDate = this.bySeqIndex
      .filter((entry): entry is SearchEntry => entry !== undefined)
      .sort(
        (a, b) =>
          compareDays(a.day, b.day) || compareText(a.documentId, b.documentId) || a.position - b.position || a.seq - b.seq,
      );
    this.byDate.forEach((entry, index) => {
      entry.dateRank = index;
    });
  }

  /** Entries in date order whose document is one of `documentIds`. */
  inDocuments(documentIds: Iterable<string>): SearchEntry[] {
    const wanted = new Uint8Array(this.documentNumbers.size);
    for (const id of documentIds) {
      const number = this.documentNumbers.get(id);
      if (number !== undefined) wanted[number] = 1;
    }
    return this.byDate.filter((entry) => wanted[entry.document] === 1);
  }

  /** Entries for item numbers, in the given order; numbers the store does not hold are skipped. */
  bySeq(seqs: readonly number[]): SearchEntry[] {
    const entries: SearchEntry[] = [];
    for (const seq of seqs) {
      const entry = this.bySeqIndex[seq];
      if (entry) entries.push(entry);
    }
    return entries;
  }
}

/**
 * Applies the filters (AND between fields, OR within one) to candidates, keeping their order, and
 * counts facets the way faceted search does: each field's counts ignore that field's own filter,
 * so choosing one country still shows how many items the other countries have.
 */
export function filterAndCount(
  store: FacetStore,
  candidates: readonly SearchEntry[],
  filters: SearchFilters,
): { matched: SearchEntry[]; facets: Record<FacetField, FacetCount[]> } {
  const codeCount = store.codeValue.length;
  const wanted = new Uint8Array(codeCount);
  let activeFields = 0;
  for (const field of FACET_FIELDS) {
    const values = filters[field];
    if (!values || values.length === 0) continue;
    activeFields |= 1 << (FIELD_INDEX.get(field) ?? 0);
    for (const code of store.codesOf(field, values)) wanted[code] = 1;
  }
  const { codeField } = store;
  const counts = new Int32Array(codeCount);
  const matched: SearchEntry[] = [];
  for (const entry of candidates) {
    const { codes } = entry;
    let satisfied = 0;
    for (let i = 0; i < codes.length; i++) if (wanted[codes[i]] === 1) satisfied |= 1 << codeField[codes[i]];
    const failing = activeFields & ~satisfied;
    // More than one field failing: the item counts nowhere.
    if (failing & (failing - 1)) continue;
    if (failing === 0) {
      matched.push(entry);
      for (let i = 0; i < codes.length; i++) counts[codes[i]]++;
    } else {
      for (let i = 0; i < codes.length; i++) if (1 << codeField[codes[i]] === failing) counts[codes[i]]++;
    }
  }
  const byField = FACET_FIELDS.map((): FacetCount[] => []);
  for (let code = 0; code < codeCount; code++) {
    if (counts[code] > 0) byField[codeField[code]].push({ value: store.codeValue[code], count: counts[code] });
  }
  const facets = Object.fromEntries(
    FACET_FIELDS.map((field, index) => [
      field,
      byField[index].sort((a, b) => b.count - a.count || compareText(a.value, b.value)).slice(0, FACET_LIMIT),
    ]),
  ) as Record<FacetField, FacetCount[]>;
  return { matched, facets };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Newest first, undated last — the SQL order `dates[1] desc nulls last`. */
const compareDays = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : compareText(b, a));

const stores = new WeakMap<Db, FacetStore>();

/** One store per database handle (per application instance). */
export function facetStoreFor(db: Db): FacetStore {
  let store = stores.get(db);
  if (!store) {
    store = new FacetStore(db);
    stores.set(db, store);
  }
  return store;
}
