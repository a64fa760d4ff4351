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
 */
export interface SearchEntry {
  seq: number;
  id: string;
  documentId: string;
  /** Values per facet field, each distinct; `year` as text like the other values. */
  values: Record<FacetField, readonly string[]>;
  day: string | null;
  position: number;
  /** Index in date order (meeting date newest first, then document, then position). */
  dateRank: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export const FACET_LIMIT = 100;

export class FacetStore {
  private readonly entries = new Map<number, SearchEntry>();
  private byDate: SearchEntry[] = [];
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
    for (const row of rows) {
      if (!row.searchable) {
        this.entries.delete(row.seq);
        continue;
      }
      this.entries.set(row.seq, {
        seq: row.seq,
        id: row.id,
        documentId: row.document_id,
        values: {
          type: [row.type],
          process: [row.process],
          year: row.year === null ? [] : [String(row.year)],
          country: distinct(row.countries),
          theme: distinct(row.themes),
          organisation: distinct(row.organisations),
          reference: distinct(row.reference_ids),
        },
        day: row.day,
        position: row.position,
        dateRank: 0,
      });
    }
    if (rows.length > 0 || this.watermark === '0') this.sortByDate();
    this.watermark = watermark;
  }

  private sortByDate() {
    this.byDate = [...this.entries.values()].sort(
      (a, b) => compareDays(a.day, b.day) || compareText(a.documentId, b.documentId) || a.position - b.position || a.seq - b.seq,
    );
    this.byDate.forEach((entry, index) => {
      entry.dateRank = index;
    });
  }

  /** Entries in date order whose document is in `documentIds`. */
  *inDocuments(documentIds: ReadonlySet<string>): Iterable<SearchEntry> {
    for (const entry of this.byDate) if (documentIds.has(entry.documentId)) yield entry;
  }

  /** Entries for item numbers, in the given order; numbers the copy does not know are skipped. */
  *bySeq(seqs: readonly number[]): Iterable<SearchEntry> {
    for (const seq of seqs) {
      const entry = this.entries.get(seq);
      if (entry) yield entry;
    }
  }
}

/**
 * Applies the filters (AND between fields, OR within one) to candidates, keeping their order, and
 * counts facets the way faceted search does: each field's counts ignore that field's own filter,
 * so choosing one country still shows how many items the other countries have.
 */
export function filterAndCount(
  candidates: Iterable<SearchEntry>,
  filters: SearchFilters,
): { matched: SearchEntry[]; facets: Record<FacetField, FacetCount[]> } {
  const active = FACET_FIELDS.flatMap((field) => {
    const wanted = filters[field];
    return wanted && wanted.length > 0 ? [{ field, wanted: new Set(wanted.map(String)) }] : [];
  });
  const counts = Object.fromEntries(FACET_FIELDS.map((field) => [field, new Map<string, number>()])) as Record<
    FacetField,
    Map<string, number>
  >;
  const matched: SearchEntry[] = [];
  for (const entry of candidates) {
    let failed: FacetField | null = null;
    let failures = 0;
    for (const { field, wanted } of active) {
      if (entry.values[field].some((value) => wanted.has(value))) continue;
      failures++;
      failed = field;
      if (failures > 1) break;
    }
    if (failures > 1) continue;
    if (failures === 0) matched.push(entry);
    for (const field of FACET_FIELDS) {
      if (failures === 1 && failed !== field) continue;
      const count = counts[field];
      for (const value of entry.values[field]) count.set(value, (count.get(value) ?? 0) + 1);
    }
  }
  const facets = Object.fromEntries(FACET_FIELDS.map((field) => [field, topCounts(counts[field])])) as Record<
    FacetField,
    FacetCount[]
  >;
  return { matched, facets };
}

function topCounts(counts: Map<string, number>): FacetCount[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || compareText(a.value, b.value))
    .slice(0, FACET_LIMIT);
}

const distinct = (values: readonly string[]) => [...new Set(values)];
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
