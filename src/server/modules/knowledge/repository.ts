import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { ResolvedDistribution } from '../../platform/policy/visibility-filter.js';
import type { ExtractedItem, Extraction } from './extraction/extract.js';

export interface StoredDocumentRef {
  id: string;
  version: number;
  itemCount: number;
}

export async function findDocumentBySha(db: Db, sha256: string): Promise<StoredDocumentRef | undefined> {
  const row = await db
    .selectFrom('knowledge_documents as d')
    .select((eb) => [
      'd.id',
      'd.version',
      eb
        .selectFrom('knowledge_items as i')
        .whereRef('i.document_id', '=', 'd.id')
        .select((sub) => sub.fn.countAll<number>().as('count'))
        .as('item_count'),
    ])
    .where('d.sha256', '=', sha256)
    // A discarded document no longer holds its file: the same file makes a new document.
    .where('d.status', '<>', 'discarded')
    .executeTakeFirst();
  return row && { id: row.id, version: row.version, itemCount: row.item_count ?? 0 };
}

/** The latest version of the same document: same process, title and first meeting day. */
export async function findLatestVersion(db: Db, metadata: Extraction['document']): Promise<StoredDocumentRef | undefined> {
  const firstDay = metadata.dates[0] ?? null;
  const result = await sql<{ id: string; version: number }>`select d.id, d.version from knowledge_documents d
    where d.process = ${metadata.process} and lower(d.title) = lower(${metadata.title})
      and (d.dates[1] is not distinct from ${firstDay}::date)
      and not exists (select 1 from knowledge_documents newer where newer.previous_version_id = d.id)
    order by d.version desc limit 1`.execute(db);
  const row = result.rows[0];
  return row && { id: row.id, version: row.version, itemCount: 0 };
}

export interface NewDocument {
  extraction: Extraction;
  fileName: string;
  sha256: string;
  body: string;
  version: number;
  previousVersionId: string | null;
  status: 'draft' | 'published';
  handlingCode: string;
  distribution: ResolvedDistribution;
  originatorOrganisationId: string;
  originatorUnitId: string | null;
  createdBy: string | null;
}

export async function insertDocument(db: Db, doc: NewDocument): Promise<string> {
  const m = doc.extraction.document;
  const to = doc.distribution;
  const row = await db
    .insertInto('knowledge_documents')
    .values({
      title: m.title,
      process: m.process,
      meeting_kind: m.meetingKind,
      city: m.city,
      country: m.country,
      dates: m.dates,
      co_chairs: m.coChairs,
      language: m.language,
      file_name: doc.fileName,
      sha256: doc.sha256,
      version: doc.version,
      previous_version_id: doc.previousVersionId,
      body: doc.body,
      status: doc.status,
      handling_code: doc.handlingCode,
      recipient_units: to.recipientUnits,
      recipient_organisations: to.recipientOrganisations,
      recipient_sharing_groups: to.recipientSharingGroups,
      to_all_partners: to.toAllPartners,
      originator_organisation_id: doc.originatorOrganisationId,
      originator_unit_id: doc.originatorUnitId,
      created_by: doc.createdBy,
      published_at: doc.status === 'published' ? sql`now()` : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * All items of a document in one statement (a document has tens to a few hundred items), so the
 * statement triggers of knowledge_items (search index, words, country counts) run once.
 */
export async function insertItems(db: Db, documentId: string, items: ExtractedItem[], status: 'draft' | 'published') {
  if (items.length === 0) return;
  await sql`insert into knowledge_items (document_id, position, type, text, number, line, page, countries, organisations, themes, "references", status)
    select ${documentId}::uuid, r.position, r.type, r.text, r.number, r.line, r.page,
      array(select jsonb_array_elements_text(r.countries)), array(select jsonb_array_elements_text(r.organisations)),
      array(select jsonb_array_elements_text(r.themes)), r."references", ${status}
    from jsonb_to_recordset(${JSON.stringify(items.map((item, position) => ({ ...item, position })))}::jsonb)
      as r(position int, type text, text text, number text, line int, page int, countries jsonb, organisations jsonb, themes jsonb, "references" jsonb)`.execute(
    db,
  );
}
