import { sql } from 'kysely';
import type { IndicatorDirection, ValueType } from '../../../../shared/followup/vocabulary.js';
import type { Db } from '../../../platform/db/database.js';

/**
 * SQL of indicators and their measurements. Callers reach them through their commitment, read first
 * through the visibility rule (repository.ts); numbers come back as float8 and dates as text.
 */

export interface IndicatorRow {
  id: string;
  commitmentId: string;
  name: string;
  measureUnit: string;
  direction: IndicatorDirection;
  valueType: ValueType;
  milestones: string[];
  baseline: { value: number; on: string };
  target: { value: number; on: string };
  revision: number;
}

export interface MeasurementRow {
  id: string;
  indicatorId: string;
  value: number;
  measuredOn: string;
  source: string;
  note: string;
  attachment: { id: string; filename: string; size: number; mediaType: string; sha256: string } | null;
  url: string | null;
  reportedBy: { id: string; name: string } | null;
  reportedAt: Date;
  withdrawn: { at: Date; reason: string } | null;
}

export interface NewIndicator {
  commitmentId: string;
  name: string;
  measureUnit: string;
  direction: string;
  valueType: string;
  milestones: string[];
  baseline: { value: number; on: string };
  target: { value: number; on: string };
  createdBy: string;
}

export async function insertIndicator(db: Db, i: NewIndicator): Promise<string> {
  const row = await db
    .insertInto('indicators')
    .values({
      commitment_id: i.commitmentId,
      name: i.name,
      measure_unit: i.measureUnit,
      direction: i.direction,
      value_type: i.valueType,
      milestones: i.milestones,
      baseline_value: String(i.baseline.value),
      baseline_on: i.baseline.on,
      target_value: String(i.target.value),
      target_on: i.target.on,
      created_by: i.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const INDICATOR_COLUMNS = sql`i.id, i.commitment_id, i.name, i.measure_unit, i.direction, i.value_type, i.milestones,
  i.baseline_value::float8 as baseline_value, i.baseline_on::text as baseline_on, i.target_value::float8 as target_value,
  i.target_on::text as target_on, i.revision`;

interface Row {
  id: string;
  commitment_id: string;
  name: string;
  measure_unit: string;
  direction: IndicatorDirection;
  value_type: ValueType;
  milestones: string[];
  baseline_value: number;
  baseline_on: string;
  target_value: number;
  target_on: string;
  revision: number;
}

const toIndicator = (row: Row): IndicatorRow => ({
  id: row.id,
  commitmentId: row.commitment_id,
  name: row.name,
  measureUnit: row.measure_unit,
  direction: row.direction,
  valueType: row.value_type,
  milestones: row.milestones,
  baseline: { value: Number(row.baseline_value), on: row.baseline_on },
  target: { value: Number(row.target_value), on: row.target_on },
  revision: row.revision,
});

/** One indicator, without a visibility check: the caller then reads its commitment through the rule. */
export async function findIndicator(db: Db, id: string): Promise<IndicatorRow | undefined> {
  const result = await sql<Row>`select ${INDICATOR_COLUMNS} from indicators i where i.id = ${id} and i.status = 'active'`.execute(
    db,
  );
  return result.rows[0] && toIndicator(result.rows[0]);
}

/** Indicators of commitments already read through the visibility rule, oldest first. */
export async function indicatorsOf(db: Db, commitmentIds: string[]): Promise<IndicatorRow[]> {
  if (commitmentIds.length === 0) return [];
  const result = await sql<Row>`select ${INDICATOR_COLUMNS} from indicators i
    where i.commitment_id = any(${commitmentIds}::uuid[]) and i.status = 'active'
    order by i.commitment_id, i.created_at, i.id`.execute(db);
  return result.rows.map(toIndicator);
}

export interface NewMeasurement {
  indicatorId: string;
  value: number;
  measuredOn: string;
  source: string;
  note: string;
  attachmentId: string | null;
  url: string | null;
  reportedBy: string;
  reportedUnitId: string | null;
}

export async function insertMeasurement(db: Db, m: NewMeasurement): Promise<string> {
  const row = await db
    .insertInto('indicator_measurements')
    .values({
      indicator_id: m.indicatorId,
      value: String(m.value),
      measured_on: m.measuredOn,
      source: m.source,
      note: m.note,
      evidence_attachment_id: m.attachmentId,
      evidence_url: m.url,
      reported_by: m.reportedBy,
      reported_unit_id: m.reportedUnitId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const MEASUREMENT_SELECT = sql`select m.id, m.indicator_id, m.value::float8 as value, m.measured_on::text as measured_on,
    m.source, m.note, m.evidence_url, m.reported_by, u.display_name as reporter, m.reported_at, m.withdrawn_at,
    m.withdrawn_reason, att.id as attachment_id, att.filename, att.size, att.media_type, att.sha256, ind.commitment_id
  from indicator_measurements m join indicators ind on ind.id = m.indicator_id left join users u on u.id = m.reported_by
  left join attachments att on att.id = m.evidence_attachment_id`;

interface MeasurementSqlRow {
  id: string;
  indicator_id: string;
  value: number;
  measured_on: string;
  source: string;
  note: string;
  evidence_url: string | null;
  reported_by: string;
  reporter: string | null;
  reported_at: Date;
  withdrawn_at: Date | null;
  withdrawn_reason: string | null;
  attachment_id: string | null;
  filename: string | null;
  size: number | null;
  media_type: string | null;
  sha256: string | null;
}

const toMeasurement = (row: MeasurementSqlRow): MeasurementRow => ({
  id: row.id,
  indicatorId: row.indicator_id,
  value: Number(row.value),
  measuredOn: row.measured_on,
  source: row.source,
  note: row.note,
  attachment:
    row.attachment_id === null
      ? null
      : {
          id: row.attachment_id,
          filename: row.filename ?? '',
          size: Number(row.size),
          mediaType: row.media_type ?? 'application/octet-stream',
          sha256: row.sha256 ?? '',
        },
  url: row.evidence_url,
  reportedBy: row.reporter === null ? null : { id: row.reported_by, name: row.reporter },
  reportedAt: new Date(row.reported_at),
  withdrawn: row.withdrawn_at === null ? null : { at: new Date(row.withdrawn_at), reason: row.withdrawn_reason ?? '' },
});

/** Measurements of indicators already reached through a visible commitment, oldest first. */
export async function measurementsOf(db: Db, indicatorIds: string[]): Promise<MeasurementRow[]> {
  if (indicatorIds.length === 0) return [];
  const result = await sql<MeasurementSqlRow>`${MEASUREMENT_SELECT}
    where m.indicator_id = any(${indicatorIds}::uuid[]) order by m.measured_on, m.reported_at, m.id`.execute(db);
  return result.rows.map(toMeasurement);
}

/** One measurement and the commitment it hangs off (the caller then reads that through the rule). */
export async function findMeasurement(db: Db, id: string): Promise<(MeasurementRow & { commitmentId: string }) | undefined> {
  const result = await sql<MeasurementSqlRow & { commitment_id: string }>`${MEASUREMENT_SELECT}
    where m.id = ${id}`.execute(db);
  const row = result.rows[0];
  return row && { ...toMeasurement(row), commitmentId: row.commitment_id };
}

/** Withdraws a measurement; false when it already was. */
export async function withdrawMeasurement(db: Db, id: string, userId: string, reason: string): Promise<boolean> {
  const result = await db
    .updateTable('indicator_measurements')
    .set({ withdrawn_at: sql`now()`, withdrawn_by: userId, withdrawn_reason: reason })
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Takes one of the user's own uploads not yet used (by a message or another measurement). */
export async function claimUpload(db: Db, attachmentId: string, userId: string): Promise<boolean> {
  const result = await db
    .updateTable('attachments')
    .set({ attached_at: sql`now()` })
    .where('id', '=', attachmentId)
    .where('uploaded_by', '=', userId)
    .where('attached_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
