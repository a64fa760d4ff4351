import { type RawBuilder, sql } from 'kysely';
import type { Viewer } from '../../../../shared/visibility.js';
import type { HitStatus } from '../../../../shared/watchlists/vocabulary.js';
import type { Db } from '../../../platform/db/database.js';
import { visibleTo } from '../../../platform/policy/visibility-filter.js';
// The hits' encrypted columns are registered by the screening repository, which writes them.
import '../screening/repository.js';

/** A hit with its screening, entry and list, encrypted fields as stored. */
export interface HitRow {
  id: string;
  status: HitStatus;
  score: number;
  createdAt: Date;
  reasonsEnc: string;
  decisionReasonEnc: string | null;
  decidedById: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  noticeMessageId: string | null;
  screeningId: string;
  purpose: string;
  unitId: string;
  unitName: string;
  organisationId: string;
  screenedById: string | null;
  screenedByName: string | null;
  screenedAt: Date;
  queryEnc: string;
  batchId: string | null;
  batchLine: number | null;
  entryId: string;
  reference: string;
  entryStatus: 'active' | 'removed';
  namesEnc: string;
  birthDateEnc: string | null;
  nationalitiesEnc: string | null;
  sexEnc: string | null;
  watchlistId: string;
  watchlistName: string;
  handlingCode: string;
  ownerUnitId: string;
  ownerUnitName: string;
  ownerOrganisationId: string;
  ownerOrganisationName: string;
}

/**
 * The hits a viewer may review: those of its own units, on lists it may (still) see. Another unit's
 * hit, or a hit on a list no longer visible, does not exist for the viewer.
 */
const reviewable = (viewer: Viewer) => sql`h.unit_id = any(${viewer.unitIds}::uuid[]) and ${visibleTo(viewer, 'w')}`;

const from = sql`from screening_hits h
  join screenings s on s.id = h.screening_id
  join watchlist_entries e on e.id = h.entry_id
  join watchlists w on w.id = h.watchlist_id`;

function selectHits(where: RawBuilder<unknown>, page: RawBuilder<unknown>) {
  return sql<HitRow>`select h.id, h.status, h.score, h.created_at as "createdAt", h.reasons_enc as "reasonsEnc",
      h.decision_reason_enc as "decisionReasonEnc", h.decided_by as "decidedById", du.display_name as "decidedByName",
      h.decided_at as "decidedAt", h.notice_message_id as "noticeMessageId",
      s.id as "screeningId", s.purpose, s.unit_id as "unitId", su.name as "unitName", s.organisation_id as "organisationId",
      s.screened_by as "screenedById", sb.display_name as "screenedByName", s.created_at as "screenedAt",
      s.query_enc as "queryEnc", s.batch_id as "batchId", s.batch_line as "batchLine",
      e.id as "entryId", e.reference, e.status as "entryStatus", e.names_enc as "namesEnc",
      e.birth_date_enc as "birthDateEnc", e.nationalities_enc as "nationalitiesEnc", e.sex_enc as "sexEnc",
      w.id as "watchlistId", w.name as "watchlistName", w.handling_code as "handlingCode",
      w.originator_unit_id as "ownerUnitId", ou.name as "ownerUnitName",
      w.originator_organisation_id as "ownerOrganisationId", oo.name as "ownerOrganisationName"
    ${from}
    join units su on su.id = s.unit_id
    join units ou on ou.id = w.originator_unit_id
    join organisations oo on oo.id = w.originator_organisation_id
    left join users sb on sb.id = s.screened_by
    left join users du on du.id = h.decided_by
    where ${where}
    ${page}`;
}

export async function listHits(
  db: Db,
  viewer: Viewer,
  filter: { status?: HitStatus; limit: number; offset: number },
): Promise<{ rows: HitRow[]; total: number; open: number }> {
  const status = filter.status ?? null;
  const where = sql`${reviewable(viewer)} and (${status}::text is null or h.status = ${status})`;
  const [{ rows }, counts] = await Promise.all([
    selectHits(where, sql`order by h.created_at desc, h.id limit ${filter.limit} offset ${filter.offset}`).execute(db),
    sql<{ total: number; open: number }>`select
        count(*) filter (where ${status}::text is null or h.status = ${status})::int as total,
        count(*) filter (where h.status = 'open')::int as open
      ${from} where ${reviewable(viewer)}`.execute(db),
  ]);
  const count = counts.rows[0] ?? { total: 0, open: 0 };
  return { rows, total: count.total, open: count.open };
}

export async function findHit(db: Db, viewer: Viewer, id: string): Promise<HitRow | null> {
  const { rows } = await selectHits(sql`h.id = ${id} and ${reviewable(viewer)}`, sql``).execute(db);
  return rows[0] ?? null;
}

/** Records a decision on an open hit; false when it was already decided (a concurrent decision included). */
export async function decideHit(
  trx: Db,
  id: string,
  decision: { status: 'confirmed' | 'discarded'; reasonEnc: string; decidedBy: string },
): Promise<boolean> {
  const row = await trx
    .updateTable('screening_hits')
    .set({
      status: decision.status,
      decision_reason_enc: decision.reasonEnc,
      decided_by: decision.decidedBy,
      decided_at: new Date(),
    })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function setNoticeMessage(trx: Db, id: string, messageId: string): Promise<void> {
  await trx.updateTable('screening_hits').set({ notice_message_id: messageId }).where('id', '=', id).execute();
}

/** Home's summary: open hits of the viewer's units (newest first) and their units' lists with entries due. */
export async function waiting(db: Db, viewer: Viewer) {
  const [hits, open, due] = await Promise.all([
    sql<{ id: string; reference: string; watchlistName: string; score: number }>`select h.id, e.reference,
        w.name as "watchlistName", h.score
      ${from} where ${reviewable(viewer)} and h.status = 'open'
      order by h.created_at desc, h.id limit 5`.execute(db),
    sql<{ n: number }>`select count(*)::int as n ${from} where ${reviewable(viewer)} and h.status = 'open'`.execute(db),
    sql<{ id: string; name: string; due: number }>`select w.id, w.name, count(*)::int as due
      from watchlists w join watchlist_entries e on e.watchlist_id = w.id
      where w.originator_unit_id = any(${viewer.unitIds}::uuid[]) and ${visibleTo(viewer, 'w')}
        and w.status = 'active' and e.status = 'active' and e.review_date < current_date
      group by w.id, w.name order by due desc, w.name limit 20`.execute(db),
  ]);
  return { hits: hits.rows, open: open.rows[0]?.n ?? 0, dueLists: due.rows };
}
