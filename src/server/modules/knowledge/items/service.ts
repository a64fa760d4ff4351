import { isAboveGreen } from '../../../../shared/handling-codes.js';
import type { ServiceContext } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { toDocumentRefResponse, toMeetingResponse } from '../meeting.js';
import { type CitationLanguage, formatCitation } from './citation.js';
import * as repo from './repository.js';
import type { ItemQuery } from './schemas.js';
import { similarTo } from './similar.js';

export const citationOf = (row: repo.LibraryItem, language: CitationLanguage) =>
  formatCitation(
    {
      process: row.process,
      title: row.title,
      meetingKind: row.meetingKind,
      city: row.city,
      country: row.country,
      dates: row.dates,
      type: row.type,
      ordinal: row.ordinal,
      page: row.page,
    },
    language,
  );

/** The document an item comes from, as the item page and the exports show it. */
export const toSourceResponse = (row: repo.LibraryItem) => ({
  id: row.documentId,
  ...toMeetingResponse(row),
  coChairs: row.coChairs,
  language: row.language,
  handlingCode: row.handlingCode,
});

function toSimilarResponse(row: repo.SimilarItem) {
  return {
    id: row.id,
    type: row.type,
    text: row.text,
    countries: row.countries,
    themes: row.themes,
    document: toDocumentRefResponse(row),
  };
}

/**
 * One published item with its citation and similar items; an unknown id and an item the viewer
 * may not see are the same 404. Items of documents above TLP:GREEN, this one or a similar one,
 * are written to the audit trail as read.
 */
export async function getItem(ctx: ServiceContext, id: string, query: ItemQuery) {
  const { viewer } = ctx;
  const [row] = await repo.findItems(ctx.db, viewer, [id]);
  if (!row) throw notFound('item');
  if (isAboveGreen(row.handlingCode)) {
    await ctx.auditSensitiveRead('knowledge_item', row.id, { documentId: row.documentId, handlingCode: row.handlingCode });
  }
  const similar = await similarTo(ctx.db, viewer, row);
  for (const other of similar.filter((entry) => isAboveGreen(entry.handlingCode))) {
    await ctx.auditSensitiveRead('knowledge_item', other.id, {
      documentId: other.documentId,
      handlingCode: other.handlingCode,
      shownAsSimilarTo: row.id,
    });
  }
  return {
    id: row.id,
    type: row.type,
    text: row.text,
    line: row.line,
    number: row.number,
    page: row.page,
    position: row.position,
    ordinal: row.ordinal,
    countries: row.countries,
    organisations: row.organisations,
    themes: row.themes,
    references: row.references,
    document: toSourceResponse(row),
    citation: citationOf(row, query.lang ?? 'en'),
    similar: similar.map(toSimilarResponse),
  };
}
