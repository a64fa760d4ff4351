import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { ResolvedDistribution } from '../../platform/policy/visibility-filter.js';
import type { ExtractedItem, Extraction } from './extraction/extract.js';

export interface StoredDocumentRef {
  id: string;
  version: number;
  item_count: number;
}

export async function findDocumentBySha(db: Db, sha256: string): Promise<StoredDocumentRef | undefined> {
  const result = await sql<StoredDocumentRef>`select d.id, d.version,
      (select count(*) from knowledge_items i where i.document_id = d.id)::int as item_count
    from knowledge_documents d where d.sha256 = ${sha256}`.execute(db);
  return result.rows[0];
}

/** The latest version of the same document: same process, title and first meeting day. */
export async function findLatestVersion(db: Db, metadata: Extraction['document']): Promise<StoredDocumentRef | undefined> {
  const firstDay = metadata.dates[0] ?? null;
  const result = await sql<StoredDocumentRef>`select d.id, d.version, 0 as item_count from knowledge_documents d
    where d.process = ${metadata.process} and lower(d.title) = lower(${metadata.title})
      and (d.dates[1] is not distinct from ${firstDay}::date)
      and not exists (select 1 from knowledge_documents newer where newer.previous_version_id = d.id)
    order by d.version desc limit 1`.execute(db);
  return result.rows[0];
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
  const result = await sql<{ id: string }>`insert into knowledge_documents (title, process, meeting_kind, city, country,
      dates, co_chairs, language, file_name, sha256, version, previous_version_id, body, status, handling_code,
      recipient_units, recipient_organisations, recipient_sharing_groups, to_all_partners,
      originator_organisation_id, originator_unit_id, created_by, published_at)
    values (${m.title}, ${m.process}, ${m.meetingKind}, ${m.city}, ${m.country}, ${m.dates}::date[], ${m.coChairs}::text[],
      ${m.language}, ${doc.fileName}, ${doc.sha256}, ${doc.version}, ${doc.previousVersionId}, ${doc.body}, ${doc.status},
      ${doc.handlingCode}, ${to.recipientUnits}::uuid[], ${to.recipientOrganisations}::uuid[],
      ${to.recipientSharingGroups}::uuid[], ${to.toAllPartners},
      ${doc.originatorOrganisationId}, ${doc.originatorUnitId}, ${doc.createdBy},
      ${doc.status === 'published' ? sql`now()` : null})
    returning id`.execute(db);
  return result.rows[0].id;
}

/** All items of a document in one statement (a document has tens to a few hundred items). */
export async function insertItems(db: Db, documentId: string, items: ExtractedItem[], status: 'draft' | 'published') {
  if (items.length === 0) return;
  await sql`insert into knowledge_items (document_id, position, type, text, line, page, countries, organisations, themes, "references", status)
    select ${documentId}::uuid, r.position, r.type, r.text, r.line, r.page,
      array(select jsonb_array_elements_text(r.countries)), array(select jsonb_array_elements_text(r.organisations)),
      array(select jsonb_array_elements_text(r.themes)), r."references", ${status}
    from jsonb_to_recordset(${JSON.stringify(items.map((item, position) => ({ ...item, position })))}::jsonb)
      as r(position int, type text, text text, line int, page int, countries jsonb, organisations jsonb, themes jsonb, "references" jsonb)`.execute(
    db,
  );
}
