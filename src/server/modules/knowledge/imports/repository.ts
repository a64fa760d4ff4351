import { type InferResult, sql, type Updateable } from 'kysely';
import type { Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import type { KnowledgeImportFiles } from '../../../platform/db/schema.js';
import { type ResolvedDistribution, visibleTo } from '../../../platform/policy/visibility-filter.js';
import type { IngestResult, IngestStage } from '../ingestion.js';

export type FileStatus = IngestStage | 'queued' | 'done' | 'duplicate' | 'failed';

export interface FileProblem {
  type: string;
  title: string;
  detail: string;
}

/** An import of documents with the choices made at upload, its job's state and its files' outcomes. */
export interface KnowledgeImport {
  id: string;
  jobId: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  handlingCode: string;
  originatorUnitId: string | null;
  originatorOrganisationId: string;
  distribution: ResolvedDistribution;
  publish: boolean;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
  finishedAt: Date | null;
  fileCount: number;
  /** Files per outcome so far: { done: 2, failed: 1, … }. */
  fileStatuses: Record<string, number>;
}

interface ImportRow {
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
  file_statuses: Record<string, number>;
}

const toImport = (row: ImportRow): KnowledgeImport => ({
  id: row.id,
  jobId: row.job_id,
  status: row.status,
  handlingCode: row.handling_code,
  originatorUnitId: row.originator_unit_id,
  originatorOrganisationId: row.originator_organisation_id,
  distribution: {
    recipientUnits: row.recipient_units,
    recipientOrganisations: row.recipient_organisations,
    recipientSharingGroups: row.recipient_sharing_groups,
    toAllPartners: row.to_all_partners,
  },
  publish: row.publish,
  createdBy: row.created_by,
  createdByName: row.created_by_name,
  createdAt: row.created_at,
  finishedAt: row.finished_at,
  fileCount: row.file_count,
  fileStatuses: row.file_statuses,
});

/** One uploaded file of an import and its outcome (its bytes are read apart, by `fileContent`). */
export interface ImportFile {
  id: string;
  position: number;
  fileName: string;
  sizeBytes: number;
  status: FileStatus;
  progress: number;
  documentId: string | null;
  version: number | null;
  itemCount: number | null;
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
  await db
    .insertInto('knowledge_imports')
    .values({
      id: row.id,
      job_id: row.jobId,
      handling_code: row.handlingCode,
      recipient_units: to.recipientUnits,
      recipient_organisations: to.recipientOrganisations,
      recipient_sharing_groups: to.recipientSharingGroups,
      to_all_partners: to.toAllPartners,
      publish: row.publish,
      originator_organisation_id: row.originatorOrganisationId,
      originator_unit_id: row.originatorUnitId,
      created_by: row.createdBy,
    })
    .execute();
}

export interface NewImportFile {
  position: number;
  fileName: string;
  sha256: string;
  content: Uint8Array;
}

export async function insertImportFile(db: Db, importId: string, file: NewImportFile) {
  await db
    .insertInto('knowledge_import_files')
    .values({
      import_id: importId,
      position: file.position,
      file_name: file.fileName,
      size_bytes: file.content.byteLength,
      sha256: file.sha256,
      content: file.content,
    })
    .execute();
}

const importColumns = sql`i.id, i.job_id, j.status, i.handling_code, i.originator_unit_id, i.originator_organisation_id,
  i.recipient_units, i.recipient_organisations, i.recipient_sharing_groups, i.to_all_partners, i.publish, i.created_by,
  u.display_name as created_by_name, i.created_at, j.finished_at,
  (select count(*) from knowledge_import_files f where f.import_id = i.id)::int as file_count,
  (select coalesce(jsonb_object_agg(s.status, s.n), '{}'::jsonb) from
    (select f.status, count(*)::int as n from knowledge_import_files f where f.import_id = i.id group by f.status
     -- Files stored without a single item: the import worked, but there is nothing to review.
     union all select 'empty', count(*)::int from knowledge_import_files f
       where f.import_id = i.id and f.status = 'done' and f.item_count = 0) s)
    as file_statuses`;
const importFrom = sql`knowledge_imports i join jobs j on j.id = i.job_id join users u on u.id = i.created_by`;

/** The import as its job reads it, whoever may see it. */
export async function findImport(db: Db, id: string): Promise<KnowledgeImport | undefined> {
  const row = (await sql<ImportRow>`select ${importColumns} from ${importFrom} where i.id = ${id}`.execute(db)).rows[0];
  return row && toImport(row);
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

export async function findVisibleImport(db: Db, reader: ImportReader, id: string): Promise<KnowledgeImport | undefined> {
  const row = (
    await sql<ImportRow>`select ${importColumns} from ${importFrom} where i.id = ${id} and ${readableBy(reader)}`.execute(db)
  ).rows[0];
  return row && toImport(row);
}

/** Newest first, the imports the reader may see, and how many there are. */
export async function listImports(
  db: Db,
  reader: ImportReader,
  page: { limit: number; offset: number },
): Promise<{ imports: KnowledgeImport[]; total: number }> {
  const rows = await sql<ImportRow>`select ${importColumns} from ${importFrom} where ${readableBy(reader)}
    order by i.created_at desc, i.id desc limit ${page.limit} offset ${page.offset}`.execute(db);
  const total = await sql<{ n: number }>`select count(*)::int as n from knowledge_imports i
    where ${readableBy(reader)}`.execute(db);
  return { imports: rows.rows.map(toImport), total: total.rows[0].n };
}

function selectFiles(db: Db, importId: string) {
  return db
    .selectFrom('knowledge_import_files')
    .select([
      'id',
      'position',
      'file_name',
      'size_bytes',
      'status',
      'progress',
      'document_id',
      'version',
      'item_count',
      'problem',
    ])
    .where('import_id', '=', importId)
    .orderBy('position');
}

const toImportFile = (row: InferResult<ReturnType<typeof selectFiles>>[number]): ImportFile => ({
  id: row.id,
  position: row.position,
  fileName: row.file_name,
  sizeBytes: row.size_bytes,
  // Both kept to their lists by the table's checks and by this repository, their only writer.
  status: row.status as FileStatus,
  progress: row.progress,
  documentId: row.document_id,
  version: row.version,
  itemCount: row.item_count,
  problem: row.problem as FileProblem | null,
});

export async function importFiles(db: Db, importId: string): Promise<ImportFile[]> {
  return (await selectFiles(db, importId).execute()).map(toImportFile);
}

const OUTCOMES = ['done', 'duplicate', 'failed'];

/** Files still without an outcome, in upload order: what a (resumed) job has left to do. */
export async function unfinishedFiles(db: Db, importId: string): Promise<ImportFile[]> {
  return (await selectFiles(db, importId).where('status', 'not in', OUTCOMES).execute()).map(toImportFile);
}

export async function fileContent(db: Db, fileId: string): Promise<Uint8Array> {
  const row = await db.selectFrom('knowledge_import_files').select('content').where('id', '=', fileId).executeTakeFirstOrThrow();
  if (!row.content) throw new Error(`import file ${fileId} has no content left`);
  return row.content;
}

export async function setFileStage(db: Db, fileId: string, stage: IngestStage, progress: number) {
  await db
    .updateTable('knowledge_import_files')
    .set({ status: stage, progress, updated_at: sql`now()` })
    .where('id', '=', fileId)
    .execute();
}

/** The file's outcome, written in the transaction that stores its document. */
export async function recordFileOutcome(db: Db, fileId: string, result: IngestResult) {
  await db
    .updateTable('knowledge_import_files')
    .set({
      status: result.created ? 'done' : 'duplicate',
      progress: 100,
      document_id: result.documentId,
      version: result.version,
      item_count: result.items,
      content: null,
      problem: null,
      updated_at: sql`now()`,
    })
    .where('id', '=', fileId)
    .execute();
}

const failure = (problem: FileProblem): Updateable<KnowledgeImportFiles> => ({
  status: 'failed',
  progress: 100,
  content: null,
  problem: JSON.stringify(problem),
});

export async function failFile(db: Db, fileId: string, problem: FileProblem) {
  await db
    .updateTable('knowledge_import_files')
    .set({ ...failure(problem), updated_at: sql`now()` })
    .where('id', '=', fileId)
    .execute();
}

/** When the job itself has failed for good: every file without an outcome gets this one. */
export async function failUnfinishedFiles(db: Db, importId: string, problem: FileProblem) {
  await db
    .updateTable('knowledge_import_files')
    .set({ ...failure(problem), updated_at: sql`now()` })
    .where('import_id', '=', importId)
    .where('status', 'not in', OUTCOMES)
    .execute();
}

/**
 * Refreshes the planner's statistics of the library's tables. PGlite has no autovacuum, so without
 * it the plans of searches keep the row counts of the library before a large import; on PostgreSQL
 * it only comes sooner than autovacuum would.
 */
export async function analyzeLibrary(db: Db) {
  await sql`analyze knowledge_documents, knowledge_items, knowledge_search_index, knowledge_search_words, knowledge_document_countries`.execute(
    db,
  );
}
