import { sql } from 'kysely';
import type { HandlingCode } from '../../../../shared/handling-codes.js';
import type { SharedRecordAccess, Viewer } from '../../../../shared/visibility.js';
import type { WatchlistStatus } from '../../../../shared/watchlists/vocabulary.js';
import type { Db } from '../../../platform/db/database.js';
import {
  accessOfRow,
  type ResolvedDistribution,
  type SharedRecordColumns,
  visibleTo,
} from '../../../platform/policy/visibility-filter.js';

/**
 * SQL of watch-lists. Every read puts `visibleTo` on the `watchlists` row: a list the viewer may not
 * see is a missing one (404), in lists, counts and everything read through it.
 */

export interface Watchlist extends SharedRecordAccess {
  id: string;
  name: string;
  purpose: string;
  legalBasis: string;
  reviewPeriodDays: number;
  graceDays: number;
  status: WatchlistStatus;
  ownerUnitName: string;
  ownerOrganisationName: string;
  activeEntries: number;
  dueForReview: number;
  lastSeq: number;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

interface WatchlistRow {
  id: string;
  name: string;
  purpose: string;
  legal_basis: string;
  review_period_days: number;
  grace_days: number;
  status: WatchlistStatus;
  handling_code: HandlingCode;
  originator_unit_id: string;
  originator_organisation_id: string;
  recipient_units: string[];
  recipient_organisations: string[];
  recipient_sharing_groups: string[];
  to_all_partners: boolean;
  unit_name: string;
  organisation_name: string;
  active_entries: number;
  due_for_review: number;
  last_seq: number;
  revision: number;
  created_at: Date;
  updated_at: Date;
  total?: number;
}

const toWatchlist = (row: WatchlistRow): Watchlist => ({
  ...accessOfRow(row),
  id: row.id,
  name: row.name,
  purpose: row.purpose,
  legalBasis: row.legal_basis,
  reviewPeriodDays: row.review_period_days,
  graceDays: row.grace_days,
  status: row.status,
  ownerUnitName: row.unit_name,
  ownerOrganisationName: row.organisation_name,
  activeEntries: row.active_entries,
  dueForReview: row.due_for_review,
  lastSeq: Number(row.last_seq),
  revision: row.revision,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const COLUMNS = sql`w.id, w.name, w.purpose, w.legal_basis, w.review_period_days, w.grace_days, w.status,
  w.handling_code, w.originator_unit_id, w.originator_organisation_id, w.recipient_units, w.recipient_organisations,
  w.recipient_sharing_groups, w.to_all_partners, un.name as unit_name, o.name as organisation_name, w.last_seq,
  w.revision, w.created_at, w.updated_at,
  (select count(*)::int from watchlist_entries e where e.watchlist_id = w.id and e.status = 'active') as active_entries,
  (select count(*)::int from watchlist_entries e where e.watchlist_id = w.id and e.status = 'active'
     and e.review_date < current_date) as due_for_review`;
const FROM = sql`watchlists w join units un on un.id = w.originator_unit_id
  join organisations o on o.id = w.originator_organisation_id`;

export interface NewWatchlist {
  name: string;
  purpose: string;
  legalBasis: string;
  reviewPeriodDays: number;
  graceDays: number;
  handlingCode: string;
  ownerUnitId: string;
  ownerOrganisationId: string;
  createdBy: string;
  distribution: ResolvedDistribution;
}

export async function insertWatchlist(db: Db, list: NewWatchlist): Promise<string> {
  const d = list.distribution;
  const row = await db
    .insertInto('watchlists')
    .values({
      name: list.name,
      purpose: list.purpose,
      legal_basis: list.legalBasis,
      review_period_days: list.reviewPeriodDays,
      grace_days: list.graceDays,
      handling_code: list.handlingCode,
      originator_unit_id: list.ownerUnitId,
      originator_organisation_id: list.ownerOrganisationId,
      recipient_units: d.recipientUnits,
      recipient_organisations: d.recipientOrganisations,
      recipient_sharing_groups: d.recipientSharingGroups,
      to_all_partners: d.toAllPartners,
      created_by: list.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findWatchlist(db: Db, viewer: Viewer | null, id: string): Promise<Watchlist | undefined> {
  const { rows } = await sql<WatchlistRow>`select ${COLUMNS} from ${FROM}
    where w.id = ${id} and ${visibleTo(viewer, 'w')}`.execute(db);
  return rows[0] && toWatchlist(rows[0]);
}

export interface ListFilters {
  q?: string;
  /** Only lists kept by one of these units. */
  ownerUnitIds?: string[];
}

export async function listWatchlists(db: Db, viewer: Viewer, filters: ListFilters, limit: number, offset: number) {
  const q = filters.q ? `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const { rows } = await sql<WatchlistRow>`select ${COLUMNS}, count(*) over ()::int as total from ${FROM}
    where ${visibleTo(viewer, 'w')}
      and (${q}::text is null or w.name ilike ${q})
      and (${filters.ownerUnitIds ?? null}::uuid[] is null or w.originator_unit_id = any(${filters.ownerUnitIds ?? null}::uuid[]))
    order by w.status, w.updated_at desc, w.id
    limit ${limit} offset ${offset}`.execute(db);
  return { lists: rows.map(toWatchlist), total: rows[0]?.total ?? (offset > 0 ? await countVisible(db, viewer, q, filters) : 0) };
}

async function countVisible(db: Db, viewer: Viewer, q: string | null, filters: ListFilters): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from watchlists w
    where ${visibleTo(viewer, 'w')}
      and (${q}::text is null or w.name ilike ${q})
      and (${filters.ownerUnitIds ?? null}::uuid[] is null or w.originator_unit_id = any(${filters.ownerUnitIds ?? null}::uuid[]))`.execute(
    db,
  );
  return rows[0]?.n ?? 0;
}

export interface Named {
  id: string;
  name: string;
}

/** The names of a list's recipients, for its page. */
export async function distributionNames(db: Db, list: SharedRecordAccess) {
  const names = async (table: 'units' | 'organisations' | 'sharing_groups', ids: string[]): Promise<Named[]> =>
    ids.length === 0 ? [] : db.selectFrom(table).select(['id', 'name']).where('id', 'in', ids).orderBy('name').execute();
  return {
    units: await names('units', list.recipientUnits),
    organisations: await names('organisations', list.recipientOrganisations),
    sharingGroups: await names('sharing_groups', list.recipientSharingGroups),
    allPartners: list.toAllPartners,
  };
}

export interface WatchlistChanges {
  name?: string;
  purpose?: string;
  legalBasis?: string;
  reviewPeriodDays?: number;
  graceDays?: number;
  handlingCode?: string;
  distribution?: ResolvedDistribution;
}

/** Applies a change made on `revision`; false when the list moved on or was archived meanwhile. */
export async function updateWatchlist(db: Db, id: string, revision: number, changes: WatchlistChanges): Promise<boolean> {
  const d = changes.distribution;
  const result = await db
    .updateTable('watchlists')
    .set((eb) => ({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.purpose !== undefined && { purpose: changes.purpose }),
      ...(changes.legalBasis !== undefined && { legal_basis: changes.legalBasis }),
      ...(changes.reviewPeriodDays !== undefined && { review_period_days: changes.reviewPeriodDays }),
      ...(changes.graceDays !== undefined && { grace_days: changes.graceDays }),
      ...(changes.handlingCode !== undefined && { handling_code: changes.handlingCode }),
      ...(d && {
        recipient_units: d.recipientUnits,
        recipient_organisations: d.recipientOrganisations,
        recipient_sharing_groups: d.recipientSharingGroups,
        to_all_partners: d.toAllPartners,
      }),
      revision: eb('revision', '+', 1),
      updated_at: sql`now()`,
    }))
    .where('id', '=', id)
    .where('revision', '=', revision)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function archiveWatchlist(db: Db, id: string, revision: number): Promise<boolean> {
  const result = await db
    .updateTable('watchlists')
    .set((eb) => ({ status: 'archived', revision: eb('revision', '+', 1), updated_at: sql`now()` }))
    .where('id', '=', id)
    .where('revision', '=', revision)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Takes the list's row lock and the number of its next change, so changes commit in the order of
 * their numbers; answers it with who may see the list now (for the change's event), or undefined
 * when the list is archived (it takes no more changes).
 */
export async function nextSeq(db: Db, id: string): Promise<{ seq: number; access: SharedRecordAccess } | undefined> {
  const { rows } = await sql<
    SharedRecordColumns & { last_seq: number }
  >`update watchlists w set last_seq = last_seq + 1, updated_at = now()
    where w.id = ${id} and w.status = 'active'
    returning w.last_seq, w.handling_code, w.originator_unit_id, w.originator_organisation_id, w.recipient_units,
      w.recipient_organisations, w.recipient_sharing_groups, w.to_all_partners`.execute(db);
  return rows[0] && { seq: Number(rows[0].last_seq), access: accessOfRow(rows[0]) };
}
