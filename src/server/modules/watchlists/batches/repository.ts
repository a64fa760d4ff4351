import { sql } from 'kysely';
import type { Viewer } from '../../../../shared/visibility.js';
import type { BatchLineError } from '../../../../shared/watchlists/contract.js';
import type { BatchStatus } from '../../../../shared/watchlists/vocabulary.js';
import type { Db } from '../../../platform/db/database.js';
import { registerEncryptedColumns } from '../../../platform/personal-data/rotation.js';
import { visibleTo } from '../../../platform/policy/visibility-filter.js';

// The uploaded file waits encrypted until the job has read it; a key rotation meanwhile re-encrypts it.
registerEncryptedColumns('screening_batches', ['input_enc']);

/** A batch as its unit's members see it (never its file). */
export interface Batch {
  id: string;
  status: BatchStatus;
  fileName: string;
  purpose: string;
  unitId: string;
  unitName: string;
  organisationId: string;
  createdBy: string;
  totalLines: number;
  processedLines: number;
  screened: number;
  hits: number;
  errors: BatchLineError[];
  createdAt: Date;
  finishedAt: Date | null;
}

interface BatchRow {
  id: string;
  status: BatchStatus;
  file_name: string;
  purpose: string;
  unit_id: string;
  unit_name: string;
  organisation_id: string;
  created_by: string;
  total_lines: number;
  processed_lines: number;
  screened: number;
  hits: number;
  errors: BatchLineError[];
  created_at: Date;
  finished_at: Date | null;
}

const toBatch = (row: BatchRow): Batch => ({
  id: row.id,
  status: row.status,
  fileName: row.file_name,
  purpose: row.purpose,
  unitId: row.unit_id,
  unitName: row.unit_name,
  organisationId: row.organisation_id,
  createdBy: row.created_by,
  totalLines: row.total_lines,
  processedLines: row.processed_lines,
  screened: row.screened,
  hits: row.hits,
  errors: row.errors,
  createdAt: row.created_at,
  finishedAt: row.finished_at,
});

const BATCH_COLUMNS = sql`b.id, b.status, b.file_name, b.purpose, b.unit_id, u.name as unit_name, b.organisation_id,
  b.created_by, b.total_lines, b.processed_lines, b.screened, b.hits, b.errors, b.created_at, b.finished_at`;

export interface NewBatch {
  id: string;
  unitId: string;
  organisationId: string;
  createdBy: string;
  purpose: string;
  fileName: string;
  inputEnc: string;
  totalLines: number;
}

export async function insertBatch(db: Db, batch: NewBatch): Promise<void> {
  await db
    .insertInto('screening_batches')
    .values({
      id: batch.id,
      unit_id: batch.unitId,
      organisation_id: batch.organisationId,
      created_by: batch.createdBy,
      purpose: batch.purpose,
      file_name: batch.fileName,
      input_enc: batch.inputEnc,
      total_lines: batch.totalLines,
    })
    .execute();
}

/** A batch of one of `unitIds` (the caller's units); another unit's is as unknown as a missing one. */
export async function findBatch(db: Db, id: string, unitIds: readonly string[]): Promise<Batch | undefined> {
  const { rows } = await sql<BatchRow>`select ${BATCH_COLUMNS}
    from screening_batches b join units u on u.id = b.unit_id
    where b.id = ${id} and b.unit_id = any(${[...unitIds]}::uuid[])`.execute(db);
  return rows[0] && toBatch(rows[0]);
}

/** The batches of the caller's units, newest first. */
export async function listBatches(db: Db, unitIds: readonly string[], page: { limit: number; offset: number }) {
  const units = [...unitIds];
  const { rows } = await sql<BatchRow>`select ${BATCH_COLUMNS}
    from screening_batches b join units u on u.id = b.unit_id
    where b.unit_id = any(${units}::uuid[])
    order by b.created_at desc, b.id
    limit ${page.limit} offset ${page.offset}`.execute(db);
  const total = await sql<{ n: number }>`select count(*)::int as n from screening_batches
    where unit_id = any(${units}::uuid[])`.execute(db);
  return { items: rows.map(toBatch), total: total.rows[0].n };
}

/** What the job needs: the batch and its encrypted file (null once read to the end). */
export async function batchForJob(db: Db, id: string): Promise<(Batch & { inputEnc: string | null }) | undefined> {
  const { rows } = await sql<BatchRow & { input_enc: string | null }>`select ${BATCH_COLUMNS}, b.input_enc
    from screening_batches b join units u on u.id = b.unit_id where b.id = ${id}`.execute(db);
  return rows[0] && { ...toBatch(rows[0]), inputEnc: rows[0].input_enc };
}

/** Which of `lines` of the batch already have a screening (a resumed job skips them). */
export async function screenedAmong(db: Db, batchId: string, lines: number[]): Promise<Set<number>> {
  const { rows } = await sql<{ line: number }>`select batch_line as line from screenings
    where batch_id = ${batchId} and batch_line = any(${lines}::int[])`.execute(db);
  return new Set(rows.map((row) => row.line));
}

/**
 * Locks the batch row for the caller's transaction: two runs of the same job (a lease taken over
 * while the first still ran) store their chunks one after the other, the second seeing the first's.
 */
export async function lockBatch(trx: Db, batchId: string): Promise<void> {
  await sql`select id from screening_batches where id = ${batchId} for update`.execute(trx);
}

/** Counters recomputed from the screenings themselves, so a resumed job never counts a line twice. */
const counters = (id: string) => sql`screened = (select count(*)::int from screenings where batch_id = ${id}),
  hits = (select coalesce(sum(hits), 0)::int from screenings where batch_id = ${id})`;

export async function startBatch(db: Db, id: string, errors: BatchLineError[]): Promise<void> {
  await sql`update screening_batches set status = 'running', errors = ${JSON.stringify(errors)}::jsonb
    where id = ${id} and status in ('queued', 'running')`.execute(db);
}

/** `errors`, when given, replaces the line errors (the screening refused some lines' values). */
const errorsSet = (errors: BatchLineError[] | undefined) => (errors ? sql`, errors = ${JSON.stringify(errors)}::jsonb` : sql``);

export async function recordProgress(db: Db, id: string, processedLines: number, errors?: BatchLineError[]): Promise<void> {
  await sql`update screening_batches set processed_lines = ${processedLines}, ${counters(id)} ${errorsSet(errors)}
    where id = ${id} and status = 'running'`.execute(db);
}

/** The end of a batch: its file is forgotten, whatever the outcome. */
export async function finishBatch(
  db: Db,
  id: string,
  status: 'done' | 'failed',
  processedLines?: number,
  errors?: BatchLineError[],
): Promise<void> {
  await sql`update screening_batches set status = ${status}, input_enc = null, finished_at = now(),
      processed_lines = coalesce(${processedLines ?? null}::int, processed_lines), ${counters(id)} ${errorsSet(errors)}
    where id = ${id} and status in ('queued', 'running')`.execute(db);
}

export interface BatchResult {
  line: number;
  clientReference: string | null;
  screeningId: string;
  candidates: number;
  hits: number;
  topScore: number | null;
}

/**
 * The screened lines of a batch, in file order. The best score counts only hits on lists the
 * viewer may see now: a list whose distribution changed since leaves no trace in the results.
 */
export async function batchResults(db: Db, viewer: Viewer, batchId: string, page: { limit: number; offset: number }) {
  const { rows } = await sql<BatchResult>`select s.batch_line as line, s.client_reference as "clientReference",
      s.id as "screeningId", s.candidates, s.hits,
      (select max(h.score) from screening_hits h join watchlists w on w.id = h.watchlist_id
        where h.screening_id = s.id and ${visibleTo(viewer, 'w')}) as "topScore"
    from screenings s
    where s.batch_id = ${batchId}
    order by s.batch_line, s.created_at
    limit ${page.limit} offset ${page.offset}`.execute(db);
  const total = await sql<{ n: number }>`select count(*)::int as n from screenings where batch_id = ${batchId}`.execute(db);
  return { items: rows, total: total.rows[0].n };
}
