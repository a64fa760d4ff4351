import { toMeetingResponse } from '../meeting.js';
import type { ItemSnapshot } from './editing.js';
import type * as repo from './repository.js';

/** Rows never leave raw: these shape what the review API answers. */

export const snapshotOf = (row: repo.ItemRow): ItemSnapshot => ({
  type: row.type,
  text: row.text,
  status: row.status,
  countries: row.countries,
  organisations: row.organisations,
  themes: row.themes,
  references: row.references,
});

export const toItemResponse = (row: repo.ItemRow) => ({
  id: row.id,
  documentId: row.document_id,
  position: row.position,
  line: row.line,
  page: row.page,
  ...snapshotOf(row),
  revision: row.revision,
  updatedAt: row.updated_at.toISOString(),
});

export const toDocumentSummary = (row: Omit<repo.DocumentSummaryRow, 'total'>) => ({
  id: row.id,
  ...toMeetingResponse(row),
  language: row.language,
  version: row.version,
  handlingCode: row.handling_code,
  status: row.status,
  revision: row.revision,
  createdAt: row.created_at.toISOString(),
  publishedAt: row.published_at?.toISOString() ?? null,
  counts: { draft: row.draft_items, published: row.published_items, withdrawn: row.withdrawn_items },
});

export function toDocumentResponse(row: repo.DocumentRow, recipients: repo.RecipientRow[], items: repo.ItemRow[]) {
  const named = (kind: repo.RecipientRow['kind']) =>
    recipients.filter((recipient) => recipient.kind === kind).map(({ id, name }) => ({ id, name }));
  return {
    ...toDocumentSummary(row),
    fileName: row.file_name,
    coChairs: row.co_chairs,
    originator: { id: row.originator_organisation_id, name: row.originator_name },
    publishedBy: row.published_by_id ? { id: row.published_by_id, displayName: row.published_by_name } : null,
    distribution: {
      toAllPartners: row.to_all_partners,
      organisations: named('organisation'),
      sharingGroups: named('sharing_group'),
      units: named('unit'),
    },
    body: row.body,
    items: items.map(toItemResponse),
  };
}

export const toRevisionResponse = (row: repo.RevisionRow) => ({
  id: row.id,
  itemId: row.item_id,
  at: row.at.toISOString(),
  action: row.action,
  actor: row.actor_id ? { id: row.actor_id, displayName: row.actor_name } : null,
  before: row.before,
  after: row.after,
  relatedItemIds: row.related_item_ids,
});
