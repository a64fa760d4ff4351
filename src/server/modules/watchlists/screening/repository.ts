import type { Db } from '../../../platform/db/database.js';
import { registerEncryptedColumns } from '../../../platform/personal-data/rotation.js';

// The screened query, the matcher's reasons (they quote name parts) and a decision's reason.
registerEncryptedColumns('screenings', ['query_enc']);
registerEncryptedColumns('screening_hits', ['reasons_enc', 'decision_reason_enc']);

export interface NewScreening {
  unitId: string;
  organisationId: string;
  screenedBy: string;
  purpose: string;
  queryEnc: string;
  batchId: string | null;
  batchLine: number | null;
  clientReference: string | null;
  candidates: number;
  hits: number;
}

const screeningRow = (input: NewScreening) => ({
  unit_id: input.unitId,
  organisation_id: input.organisationId,
  screened_by: input.screenedBy,
  purpose: input.purpose,
  query_enc: input.queryEnc,
  batch_id: input.batchId,
  batch_line: input.batchLine,
  client_reference: input.clientReference,
  candidates: input.candidates,
  hits: input.hits,
});

export async function insertScreening(trx: Db, input: NewScreening): Promise<string> {
  const row = await trx.insertInto('screenings').values(screeningRow(input)).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export interface NewHit {
  entryId: string;
  watchlistId: string;
  entryVersion: number;
  score: number;
  reasonsEnc: string;
}

const hitRow = (screeningId: string, unitId: string, hit: NewHit) => ({
  screening_id: screeningId,
  unit_id: unitId,
  entry_id: hit.entryId,
  watchlist_id: hit.watchlistId,
  entry_version: hit.entryVersion,
  score: hit.score,
  reasons_enc: hit.reasonsEnc,
});

/** Opens one review task per hit; answers the hit ids by entry id. */
export async function insertHits(trx: Db, screeningId: string, unitId: string, hits: NewHit[]): Promise<Map<string, string>> {
  if (hits.length === 0) return new Map();
  const rows = await trx
    .insertInto('screening_hits')
    .values(hits.map((hit) => hitRow(screeningId, unitId, hit)))
    .returning(['id', 'entry_id'])
    .execute();
  return new Map(rows.map((row) => [row.entry_id, row.id]));
}

/** Screenings made in bulk (the lines of a batch), their ids chosen beforehand: two statements for all. */
export async function insertScreenings(trx: Db, items: { id: string; screening: NewScreening; hits: NewHit[] }[]) {
  if (items.length === 0) return;
  await trx
    .insertInto('screenings')
    .values(items.map(({ id, screening }) => ({ id, ...screeningRow(screening) })))
    .execute();
  const hits = items.flatMap(({ id, screening, hits }) => hits.map((hit) => hitRow(id, screening.unitId, hit)));
  if (hits.length) await trx.insertInto('screening_hits').values(hits).execute();
}
