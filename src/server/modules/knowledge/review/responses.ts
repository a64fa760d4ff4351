import { toMeetingResponse } from '../meeting.js';
import type { ItemSnapshot } from './editing.js';
import type * as repo from './repository.js';

/** Rows never leave raw: these shape what the review API answers. */

export const snapshotOf = (row: repo.ReviewItem): ItemSnapshot => ({
  type: row.type,
  text: row.text,
  status: row.status,
  countries: row.countries,
  organisations: row.organisations,
  themes: row.themes,
  references: row.references,
});

export const toItemResponse = (row: repo.ReviewItem) => ({
  id: row.id,
  documentId: row.documentId,
  position: row.position,
  line: row.line,
  number: row.number,
  page: row.page,
  ...snapshotOf(row),
  revision: row.revision,
  updatedAt: row.updatedAt.toISOString(),
});

export const toDocumentSummary = (row: repo.ReviewDocumentSummary) => ({
  id: row.id,
  ...toMeetingResponse(row),
  language: row.language,
  version: row.version,
  handlingCode: row.handlingCode,
  status: row.status,
  revision: row.revision,
  createdAt: row.createdAt.toISOString(),
  publishedAt: row.publishedAt?.toISOString() ?? null,
  counts: { draft: row.draftItems, published: row.publishedItems, withdrawn: row.withdrawnItems },
});

export function toDocumentResponse(row: repo.ReviewDocument, recipients: repo.Recipient[], items: repo.ReviewItem[]) {
  const named = (kind: repo.Recipient['kind']) =>
    recipients.filter((recipient) => recipient.kind === kind).map(({ id, name }) => ({ id, name }));
  return {
    ...toDocumentSummary(row),
    fileName: row.fileName,
    coChairs: row.coChairs,
    originator: { id: row.originatorOrganisationId, name: row.originatorName },
    publishedBy: row.publishedById ? { id: row.publishedById, displayName: row.publishedByName } : null,
    distribution: {
      toAllPartners: row.toAllPartners,
      organisations: named('organisation'),
      sharingGroups: named('sharing_group'),
      units: named('unit'),
    },
    previousVersionId: row.previousVersionId,
    nextVersionId: row.nextVersionId,
    discarded:
      row.discardedAt && row.discardReason !== null
        ? {
            at: row.discardedAt.toISOString(),
            by: row.discardedById ? { id: row.discardedById, displayName: row.discardedByName } : null,
            reason: row.discardReason,
          }
        : null,
    body: row.body,
    items: items.map(toItemResponse),
  };
}

export const toRevisionResponse = (row: repo.Revision) => ({
  id: row.id,
  itemId: row.itemId,
  at: row.at.toISOString(),
  action: row.action,
  actor: row.actorId ? { id: row.actorId, displayName: row.actorName } : null,
  before: row.before,
  after: row.after,
  relatedItemIds: row.relatedItemIds,
});
