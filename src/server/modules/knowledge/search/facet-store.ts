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
 * Items are addressed by their number (`search_seq`) and kept in typed arrays indexed by it; facet
 * values are numbered too (`codes`), so filtering and counting are integer loops.
 */
export interface FacetCount {
  value: string;
  count: number;
}

export const FACET_LIMIT = 100;

const FIELD_INDEX = new Map(FACET_FIELDS.map((field, index) => [field, index]));
const FOLLOW_UP_BIT = 1 << (FIELD_INDEX.get('followUp') ?? 0);

function grown<T extends Int32Array | Uint8Array>(array: T, size: number): T {
  if (array.length >= size) return array;
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(size, array.length * 2, 1024));
  bigger.set(array);
  return bigger;
}

/**
 * The numbers of `seqs` that `keep` accepts, in order. A plain loop: `Int32Array.prototype.filter`
 * took about 3 ms over the 20,000 matches of a broad search.
 */
function keptWhere(seqs: Int32Array, keep: (seq: number) => boolean): Int32Array {
  const kept = new Int32Array(seqs.length);
  let count = 0;
  for (let i = 0; i < seqs.length; i++) {
    if (keep(seqs[i])) kept[count++] = seqs[i];
  }
  return kept.slice(0, count);
}

export class FacetStore {
  /** Per item number: 1 when searchable, its document's number, where its codes are, its date rank. */
  private present = new Uint8Array(0);
  private documentOf = new Int32Array(0);
  private codeStart = new Int32Array(0);
  private codeEnd = new Int32Array(0);
  private position = new Int32Array(0);
  /** Index in date order (meeting date newest first, then document, then position). */
  dateRank = new Int32Array(0);
  private day: (string | null)[] = [];
  /** Searchable item numbers in date order. */
  private byDate = new Int32Array(0);
  private codes = new Int32Array(0);
  private codesUsed = 0;
  private readonly documentIds: string[] = [];
  private readonly documentNumbers = new Map<string, number>();
  /** Field index and value of each code. */
  readonly codeField: number[] = [];
  readonly codeValue: string[] = [];
  private readonly codeNumbers = new Map<string, number>();
  private watermark = '0';
  private refreshing: Promise<void> | null = null;
  private nextRefresh: Promise<void> | null = null;

  constructor(private readonly db: Db) {}

  /** How many item numbers the arrays cover (the highest number + 1). */
  get capacity(): number {
    return this.present.length;
  }

  /**
   * Applies the changes committed since the last refresh. A refresh already running may have read
   * before the caller's own writes (the warm-up at start, another search), so a caller waits for a
   * refresh that starts after it asked; callers arriving meanwhile share that one.
   */
  refresh(): Promise<void> {
    if (!this.refreshing) {
      this.refreshing = this.applyChanges().finally(() => {
        this.refreshing = null;
      });
      return this.refreshing;
    }
    this.nextRefresh ??= this.refreshing
      .catch(() => undefined)
      .then(() => {
        this.nextRefresh = null;
        return this.refresh();
      });
    return this.nextRefresh;
  }

  private async applyChanges() {
    const { watermark, entries: rows } = await repo.searchEntriesChangedSince(this.db, this.watermark);
    const size = rows.reduce((max, row) => Math.max(max, row.seq + 1), this.present.length);
    this.present = grown(this.present, size);
    this.documentOf = grown(this.documentOf, size);
    this.codeStart = grown(this.codeStart, size);
    this.codeEnd = grown(this.codeEnd, size);
    this.position = grown(this.position, size);
    this.dateRank = grown(this.dateRank, size);
    for (const row of rows) {
      this.present[row.seq] = row.searchable ? 1 : 0;
      if (!row.searchable) continue;
      this.documentOf[row.seq] = this.documentNumber(row.documentId);
      this.position[row.seq] = row.position;
      this.day[row.seq] = row.day;
      this.storeCodes(row);
    }
    if (rows.length > 0 || this.watermark === '0') this.sortByDate();
    this.watermark = watermark;
  }

  /** Appends the row's codes; a changed item's old codes are left behind (compacted when worthwhile). */
  private storeCodes(row: repo.SearchEntry) {
    const values: [FacetField, readonly (string | number | null)[]][] = [
      ['type', [row.type]],
      ['process', [row.process]],
      ['year', [row.year]],
      ['country', row.countries],
      ['theme', row.themes],
      ['organisation', row.organisations],
      ['reference', row.referenceIds],
    ];
    const codes = new Set<number>();
    for (const [field, list] of values) {
      for (const value of list) if (value !== null) codes.add(this.codeOf(field, String(value)));
    }
    if (this.codesUsed + codes.size > this.codes.length && this.codesUsed > 2 * this.liveCodeCount()) this.compactCodes();
    this.codes = grown(this.codes, this.codesUsed + codes.size);
    this.codeStart[row.seq] = this.codesUsed;
    for (const code of codes) this.codes[this.codesUsed++] = code;
    this.codeEnd[row.seq] = this.codesUsed;
  }

  private liveCodeCount(): number {
    let live = 0;
    for (let seq = 0; seq < this.present.length; seq++) if (this.present[seq]) live += this.codeEnd[seq] - this.codeStart[seq];
    return live;
  }

  private compactCodes() {
    const compact = new Int32Array(Math.max(1024, this.liveCodeCount() * 2));
    let used = 0;
    for (let seq = 0; seq < this.present.length; seq++) {
      if (!this.present[seq]) continue;
      const start = used;
      compact.set(this.codes.subarray(this.codeStart[seq], this.codeEnd[seq]), used);
      used += this.codeEnd[seq] - this.codeStart[seq];
      this.codeStart[seq] = start;
      this.codeEnd[seq] = used;
    }
    this.codes = compact;
    this.codesUsed = used;
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
      number = this.documentIds.length;
      this.documentNumbers.set(id, number);
      this.documentIds.push(id);
    }
    return number;
  }

  private sortByDate() {
    const seqs: number[] = [];
    for (let seq = 0; seq < this.present.length; seq++) if (this.present[seq]) seqs.push(seq);
    const documentId = (seq: number) => this.documentIds[this.documentOf[seq]];
    seqs.sort(
      (a, b) =>
        compareDays(this.day[a], this.day[b]) ||
        compareText(documentId(a), documentId(b)) ||
        this.position[a] - this.position[b] ||
        a - b,
    );
    this.byDate = Int32Array.from(seqs);
    seqs.forEach((seq, index) => {
      this.dateRank[seq] = index;
    });
  }

  /** Searchable items in date order whose document is one of `documentIds`. */
  inDocuments(documentIds: Iterable<string>): Int32Array {
    const wanted = new Uint8Array(this.documentIds.length);
    for (const id of documentIds) {
      const number = this.documentNumbers.get(id);
      if (number !== undefined) wanted[number] = 1;
    }
    const { documentOf } = this;
    return keptWhere(this.byDate, (seq) => wanted[documentOf[seq]] === 1);
  }

  /** The searchable ones of `seqs`, in their order; numbers the store does not hold are skipped. */
  searchable(seqs: Int32Array): Int32Array {
    const { present } = this;
    return keptWhere(seqs, (seq) => seq < present.length && present[seq] === 1);
  }

  /**
   * Applies the filters (AND between fields, OR within one) to candidate items, keeping their
   * order, and counts facets the way faceted search does: each field's counts ignore that field's
   * own filter, so choosing one country still shows how many items the other countries have.
   */
  filterAndCount(
    candidates: Int32Array,
    filters: SearchFilters,
  ): { matched: Int32Array; facets: Record<FacetField, FacetCount[]> } {
    const codeCount = this.codeValue.length;
    const wanted = new Uint8Array(codeCount);
    let activeFields = 0;
    for (const field of FACET_FIELDS) {
      const values = filters[field];
      if (!values || values.length === 0) continue;
      activeFields |= 1 << (FIELD_INDEX.get(field) ?? 0);
      for (const code of this.codesOf(field, values)) wanted[code] = 1;
    }
    const fieldBit = Int32Array.from(this.codeField, (field) => 1 << field);
    const { codes, codeStart, codeEnd } = this;
    const counts = new Int32Array(codeCount);
    const matched = new Int32Array(candidates.length);
    // The follow-up state is not among the item's codes (it depends on the viewer): a bit of its own.
    const followed = filters.followedUp ?? new Uint8Array(0);
    const wantsFollowed = filters.followUp?.includes('followed_up') ? 1 : 0;
    const wantsNot = filters.followUp?.includes('not_followed_up') ? 1 : 0;
    const followedCounts = [0, 0];
    let matchedCount = 0;
    for (let c = 0; c < candidates.length; c++) {
      const seq = candidates[c];
      const start = codeStart[seq];
      const end = codeEnd[seq];
      const isFollowed = followed[seq] === 1 ? 1 : 0;
      let satisfied = (isFollowed ? wantsFollowed : wantsNot) * FOLLOW_UP_BIT;
      for (let i = start; i < end; i++) if (wanted[codes[i]] === 1) satisfied |= fieldBit[codes[i]];
      const failing = activeFields & ~satisfied;
      // More than one field failing: the item counts nowhere.
      if (failing & (failing - 1)) continue;
      if (failing === 0) {
        matched[matchedCount++] = seq;
        for (let i = start; i < end; i++) counts[codes[i]]++;
        followedCounts[isFollowed]++;
      } else if (failing === FOLLOW_UP_BIT) {
        followedCounts[isFollowed]++;
      } else {
        for (let i = start; i < end; i++) if (fieldBit[codes[i]] === failing) counts[codes[i]]++;
      }
    }
    const facets = this.topCounts(counts);
    facets.followUp = [
      { value: 'followed_up', count: followedCounts[1] },
      { value: 'not_followed_up', count: followedCounts[0] },
    ].filter((facet) => facet.count > 0);
    return { matched: matched.subarray(0, matchedCount), facets };
  }

  private topCounts(counts: Int32Array): Record<FacetField, FacetCount[]> {
    const byField = FACET_FIELDS.map((): FacetCount[] => []);
    for (let code = 0; code < counts.length; code++) {
      if (counts[code] > 0) byField[this.codeField[code]].push({ value: this.codeValue[code], count: counts[code] });
    }
    return Object.fromEntries(
      FACET_FIELDS.map((field, index) => [
        field,
        byField[index].sort((a, b) => b.count - a.count || compareText(a.value, b.value)).slice(0, FACET_LIMIT),
      ]),
    ) as Record<FacetField, FacetCount[]>;
  }
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
