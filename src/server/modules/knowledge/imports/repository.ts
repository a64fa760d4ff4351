import { sql } from 'kysely';
import type { Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import { type ResolvedDistribution, visibleTo } from '../../../platform/policy/visibility-filter.js';
import type { IngestResult, IngestStage } from '../ingestion.js';

export type FileStatus = IngestStage | 'queued' | 'done' | 'duplicate' | 'failed';

export interface FileProblem {
  type: string;
  title: string;
  detail: string;
}

export interface ImportRow {
  id: string;
  job_id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  handling_code: string;
  originator_unit_id: string | null;
  originator_organisation_id: string;
  recipient_units: string[];
  recipient_organisations: string[];
  recipient_sharing_groups: string[];
  to_all_partners: boolean;
  publish: boolean;
  created_by: string;
  created_by_name: string;
  created_at: Date;
  finished_at: Date | null;
  file_count: number;
  /** Files per outcome so far: { done: 2, failed: 1, … }. */
  file_statuses: Record<string, number>;
}

export interface ImportFileRow {
  id: string;
  position: number;
  file_name: string;
  size_bytes: number;
  status: FileStatus;
  progress: number;
  document_id: string | null;
  version: number | null;
  item_count: number | null;
  problem: FileProblem | null;
}

export interface NewImport {
  id: string;
  jobId: string;
  handlingCode: string;
  distribution: ResolvedDistribution;
  publish: boolean;
  originatorOrganisationId: string;
  originatorUnitId: string | null;
  createdBy: string;
}

export async function insertImport(db: Db, row: NewImport) {
  const to = row.distribution;
  await sql`insert into knowledge_imports (id, job_id, handling_code, recipient_units, recipient_organisations,
      recipient_sharing_groups, to_all_partners, publish, originator_organisation_id, originator_unit_id, created_by)
    values (${row.id}, ${row.jobId}, ${row.handlingCode}, ${to.recipientUnits}::uuid[], ${to.recipientOrganisations}::uuid[],
      ${to.recipientSharingGroups}::uuid[], ${to.toAllPartners}, ${row.publish}, ${row.originatorOrganisationId},
      ${row.originatorUnitId}, ${row.createdBy})`.execute(db);
}

export interface NewImportFile {
  position: number;
  fileName: string;
  sha256: string;
  content: Uint8Array;
}

export async function insertImportFile(db: Db, importId: string, file: NewImportFile) {
  await sql`insert into knowledge_import_files (import_id, position, file_name, size_bytes, sha256, content)
    values (${importId}, ${file.position}, ${file.fileName}, ${file.content.byteLength}, ${file.sha256}, ${file.content})`.execute(
    db,
  );
}

const importColumns = sql`i.id, i.job_id, j.status, i.handling_code, i.originator_unit_id, i.originator_organisation_id,
  i.recipient_units, i.recipient_organisations, i.recipient_sharing_groups, i.to_all_partners, i.publish, i.created_by,
  u.display_name as created_by_name, i.created_at, j.finished_at,
  (select count(*) from knowledge_import_files f where f.import_id = i.id)::int as file_count,
  (select coalesce(jsonb_object_agg(s.status, s.n), '{}'::jsonb) from
    (select f.status, count(*)::int as n from knowledge_import_files f where f.import_id = i.id group by f.status) s)
    as file_statuses`;
const importFrom = sql`knowledge_imports i join jobs j on j.id = i.job_id join users u on u.id = i.created_by`;

/** The import as its job reads it, whoever may see it. */
export async function findImport(db: Db, id: string): Promise<ImportRow | undefined> {
  return (await sql<ImportRow>`select ${importColumns} from ${importFrom} where i.id = ${id}`.execute(db)).rows[0];
}

/** Who asks to see imports: the sharing rule's viewer, and the user (who always sees their own uploads). */
export interface ImportReader {
  viewer: Viewer;
  userId: string;
}

/**
 * An import names its files, recipients, uploader and documents, so it follows the sharing rule of
 * the documents it makes (its own handling code and distribution), or belongs to its uploader.
 */
const readableBy = (reader: ImportReader) => sql<boolean>`(i.created_by = ${reader.userId} or ${visibleTo(reader.viewer, 'i')})`;

export async function findVisibleImport(db: Db, reader: ImportReader, id: string): Promise<ImportRow | undefined> {
  return (
    await sql<ImportRow>`select ${importColumns} from ${importFrom} where i.id = ${id} and ${readableBy(reader)}`.execute(db)
  ).rows[0];
}

/** Newest first, the imports the reader may see, and how many there are. */
export async function listImports(db: Db, reader: ImportReader, page: { limit: number; offset: number }) {
  const rows = await sql<ImportRow>`select ${importColumns} from ${importFrom} where ${readableBy(reader)}
    order by i.created_at desc, i.id desc limit ${page.limit} offset ${page.offset}`.execute(db);
  const total = await sql<{ n: number }>`select count(*)::int as n from knowledge_imports i
    where ${readableBy(reader)}`.execute(db);
  return { rows: rows.rows, total: total.rows[0].n };
}

const fileColumns = sql`id, position, file_name, size_bytes, status, progress, document_id, version, item_count, problem`;

export async function importFiles(db: Db, importId: string): Promise<ImportFileRow[]> {
  return (
    await sql<ImportFileRow>`select ${fileColumns} from knowledge_import_files where import_id = ${importId}
      order by position`.execute(db)
  ).rows;
}

/** Files still without an outcome, in upload order: what a (resumed) job has left to do. */
export async function unfinishedFiles(db: Db, importId: string): Promise<ImportFileRow[]> {
  return (
    await sql<ImportFileRow>`select ${fileColumns} from knowledge_import_files
      where import_id = ${importId} and status not in ('done', 'duplicate', 'failed') order by position`.execute(db)
  ).rows;
}

export async function fileContent(db: Db, fileId: string): Promise<Uint8Array> {
  const result = await sql<{ content: Uint8Array }>`select content from knowledge_import_files where id = ${fileId}`.execute(db);
  return result.rows[0].content;
}

export async function setFileStage(db: Db, fileId: string, stage: IngestStage, progress: number) {
  await sql`update knowledge_import_files set status = ${stage}, progress = ${progress}, updated_at = now()
    where id = ${fileId}`.execute(db);
}

/** The file's outcome, written in the transaction that stores its document. */
export async function recordFileOutcome(db: Db, fileId: string, result: IngestResult) {
  await sql`update knowledge_import_files set status = ${result.created ? 'done' : 'duplicate'}, progress = 100,
      document_id = ${result.documentId}, version = ${result.version}, item_count = ${result.items}, content = null,
      problem = null, updated_at = now()
    where id = ${fileId}`.execute(db);
}

export async function failFile(db: Db, fileId: string, problem: FileProblem) {
  await sql`update knowledge_import_files set status = 'failed', progress = 100, content = null,
      problem = ${JSON.stringify(problem)}::jsonb, updated_at = now()
    where id = ${fileId}`.execute(db);
}

/** When the job itself has failed for good: every file without an outcome gets this one. */
export async function failUnfinishedFiles(db: Db, importId: string, problem: FileProblem) {
  await sql`update knowledge_import_files set status = 'failed', progress = 100, content = null,
      problem = ${JSON.stringify(problem)}::jsonb, updated_at = now()
    where import_id = ${importId} and status not in ('done', 'duplicate', 'failed')`.execute(db);
}
