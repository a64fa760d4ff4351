import { sql } from 'kysely';
import type { ReportStatus } from '../../../../shared/followup/vocabulary.js';
import type { Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import { visibleTo } from '../../../platform/policy/visibility-filter.js';

/** Partners' reports in review cycles: their entries, status history and peer comments. */

export interface Report {
  id: string;
  cycleId: string;
  organisationId: string;
  status: ReportStatus;
  summary: string;
  revision: number;
  taskMessageId: string | null;
  submittedAt: Date | null;
  returnedReason: string | null;
  decidedAt: Date | null;
  commentCount: number;
}

interface ReportRow {
  id: string;
  cycle_id: string;
  organisation_id: string;
  status: ReportStatus;
  summary: string;
  revision: number;
  task_message_id: string | null;
  submitted_at: Date | null;
  returned_reason: string | null;
  decided_at: Date | null;
  comment_count: number;
}

const toReport = (row: ReportRow): Report => ({
  id: row.id,
  cycleId: row.cycle_id,
  organisationId: row.organisation_id,
  status: row.status,
  summary: row.summary,
  revision: row.revision,
  taskMessageId: row.task_message_id,
  submittedAt: row.submitted_at ? new Date(row.submitted_at) : null,
  returnedReason: row.returned_reason,
  decidedAt: row.decided_at ? new Date(row.decided_at) : null,
  commentCount: Number(row.comment_count),
});

const reportColumns = sql`r.id, r.cycle_id, r.organisation_id, r.status, r.summary, r.revision, r.task_message_id,
  r.submitted_at, r.returned_reason, r.decided_at,
  (select count(*) from review_comments rc where rc.report_id = r.id)::int as comment_count`;

export async function findReport(db: Db, id: string, lock = false): Promise<Report | undefined> {
  const result = await sql<ReportRow>`select ${reportColumns} from review_reports r where r.id = ${id}
    ${lock ? sql`for update of r` : sql``}`.execute(db);
  return result.rows[0] && toReport(result.rows[0]);
}

/** Every report of the given cycles, in one statement (a cycle page, a list, the PDF). */
export async function reportsOfCycles(db: Db, cycleIds: readonly string[]): Promise<Report[]> {
  if (cycleIds.length === 0) return [];
  const result = await sql<ReportRow>`select ${reportColumns} from review_reports r
    join organisations o on o.id = r.organisation_id
    where r.cycle_id = any (${[...cycleIds]}::uuid[]) order by o.name, r.id`.execute(db);
  return result.rows.map(toReport);
}

export async function insertReports(db: Db, cycleId: string, organisationIds: readonly string[]) {
  const rows = await db
    .insertInto('review_reports')
    .values(organisationIds.map((organisationId) => ({ cycle_id: cycleId, organisation_id: organisationId })))
    .returning(['id', 'organisation_id'])
    .execute();
  return rows.map((row) => ({ id: row.id, organisationId: row.organisation_id }));
}

export async function setTaskMessage(db: Db, reportId: string, messageId: string) {
  await db.updateTable('review_reports').set({ task_message_id: messageId }).where('id', '=', reportId).execute();
}

export interface ReportChange {
  status?: ReportStatus;
  summary?: string;
  submittedBy?: string;
  returnedReason?: string | null;
  decidedBy?: string;
}

/** Applies a change and bumps the revision; `submittedBy`/`decidedBy` stamp the time too. */
export async function updateReport(db: Db, id: string, change: ReportChange) {
  await db
    .updateTable('review_reports')
    .set((eb) => ({
      revision: eb('revision', '+', 1),
      updated_at: sql<Date>`now()`,
      ...(change.status ? { status: change.status } : {}),
      ...(change.summary !== undefined ? { summary: change.summary } : {}),
      ...(change.submittedBy ? { submitted_by: change.submittedBy, submitted_at: sql<Date>`now()` } : {}),
      ...(change.returnedReason !== undefined ? { returned_reason: change.returnedReason } : {}),
      ...(change.decidedBy ? { decided_by: change.decidedBy, decided_at: sql<Date>`now()` } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

export async function insertHistory(
  db: Db,
  entry: { reportId: string; userId: string | null; from: ReportStatus | null; to: ReportStatus; reason?: string | null },
) {
  await db
    .insertInto('review_report_history')
    .values({
      report_id: entry.reportId,
      actor_user_id: entry.userId,
      from_status: entry.from,
      to_status: entry.to,
      reason: entry.reason ?? null,
    })
    .execute();
}

export interface HistoryEntry {
  at: Date;
  byId: string | null;
  byName: string | null;
  fromStatus: ReportStatus | null;
  toStatus: ReportStatus;
  reason: string | null;
}

export async function historyOf(db: Db, reportId: string): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('review_report_history as h')
    .leftJoin('users as u', 'u.id', 'h.actor_user_id')
    .select(['h.at', 'h.actor_user_id', 'u.display_name', 'h.from_status', 'h.to_status', 'h.reason'])
    .where('h.report_id', '=', reportId)
    .orderBy('h.id')
    .execute();
  return rows.map((row) => ({
    at: new Date(row.at),
    byId: row.actor_user_id,
    byName: row.display_name,
    fromStatus: row.from_status as ReportStatus | null,
    toStatus: row.to_status as ReportStatus,
    reason: row.reason,
  }));
}

/**
 * Writes the entries of a draft: one row per commitment, replaced by the new text (entries are the
 * report's current content; the history of the report keeps its statuses).
 */
export async function upsertEntries(
  db: Db,
  reportId: string,
  entries: readonly { commitmentId: string; progress: string; assessment: string | null }[],
) {
  if (entries.length === 0) return;
  await db
    .insertInto('review_report_entries')
    .values(
      entries.map((entry) => ({
        report_id: reportId,
        commitment_id: entry.commitmentId,
        progress: entry.progress,
        assessment: entry.assessment,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['report_id', 'commitment_id']).doUpdateSet((eb) => ({
        progress: eb.ref('excluded.progress'),
        assessment: eb.ref('excluded.assessment'),
        updated_at: sql<Date>`now()`,
      })),
    )
    .execute();
}

/**
 * The commitments of a cycle led by an organisation and visible to the viewer, with the report's
 * entry on each when there is one. `reportIds` may hold several reports (the PDF reads all at once).
 */
export interface EntryRow {
  reportId: string;
  commitmentId: string;
  progress: string;
  assessment: string | null;
}

export async function visibleEntries(db: Db, viewer: Viewer, reportIds: readonly string[]): Promise<EntryRow[]> {
  if (reportIds.length === 0) return [];
  const result = await sql<{ report_id: string; commitment_id: string; progress: string | null; assessment: string | null }>`
    select r.id as report_id, c.id as commitment_id, e.progress, e.assessment
    from review_reports r
    join review_cycle_commitments rcc on rcc.cycle_id = r.cycle_id
    join commitments c on c.id = rcc.commitment_id and c.originator_organisation_id = r.organisation_id
    left join review_report_entries e on e.report_id = r.id and e.commitment_id = c.id
    where r.id = any (${[...reportIds]}::uuid[]) and ${visibleTo(viewer, 'c')}
    order by c.title, c.id`.execute(db);
  return result.rows.map((row) => ({
    reportId: row.report_id,
    commitmentId: row.commitment_id,
    progress: row.progress ?? '',
    assessment: row.assessment,
  }));
}

/** Ids of the commitments of a report's cycle that its partner leads (what its entries may name). */
export async function ledCommitmentIds(db: Db, reportId: string): Promise<string[]> {
  const result = await sql<{ id: string }>`select c.id from review_reports r
    join review_cycle_commitments rcc on rcc.cycle_id = r.cycle_id
    join commitments c on c.id = rcc.commitment_id and c.originator_organisation_id = r.organisation_id
    where r.id = ${reportId}`.execute(db);
  return result.rows.map((row) => row.id);
}

export interface Comment {
  id: string;
  reportId: string;
  authorId: string;
  authorName: string;
  organisationId: string;
  body: string;
  createdAt: Date;
}

export async function insertComment(
  db: Db,
  comment: { reportId: string; authorId: string; organisationId: string; body: string },
): Promise<string> {
  const row = await db
    .insertInto('review_comments')
    .values({
      report_id: comment.reportId,
      author_user_id: comment.authorId,
      author_organisation_id: comment.organisationId,
      body: comment.body,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function commentsOf(db: Db, reportIds: readonly string[]): Promise<Comment[]> {
  if (reportIds.length === 0) return [];
  const rows = await db
    .selectFrom('review_comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_user_id')
    .select(['c.id', 'c.report_id', 'c.author_user_id', 'u.display_name', 'c.author_organisation_id', 'c.body', 'c.created_at'])
    .where('c.report_id', 'in', [...reportIds])
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    reportId: row.report_id,
    authorId: row.author_user_id,
    authorName: row.display_name,
    organisationId: row.author_organisation_id,
    body: row.body,
    createdAt: new Date(row.created_at),
  }));
}
