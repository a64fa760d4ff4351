import { isAboveGreen } from '../../../../shared/handling-codes.js';
import type { ServiceContext } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { toMeetingResponse } from '../meeting.js';
import { type CitationLanguage, formatCitation } from './citation.js';
import * as repo from './repository.js';
import type { ItemQuery } from './schemas.js';
import { similarTo } from './similar.js';

export const citationOf = (row: repo.ItemRow, language: CitationLanguage) =>
  formatCitation(
    {
      process: row.process,
      title: row.title,
      meetingKind: row.meeting_kind,
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
export const toSourceResponse = (row: repo.ItemRow) => ({
  id: row.document_id,
  ...toMeetingResponse(row),
  coChairs: row.co_chairs,
  language: row.language,
  handlingCode: row.handling_code,
});

function toSimilarResponse(row: repo.SimilarRow) {
  return {
    id: row.id,
    type: row.type,
    text: row.text,
    countries: row.countries,
    themes: row.themes,
    document: {
      id: row.document_id,
      title: row.title,
      process: row.process,
      city: row.city,
      country: row.country,
      dates: row.dates,
    },
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
  if (isAboveGreen(row.handling_code)) {
    await ctx.auditSensitiveRead('knowledge_item', row.id, { documentId: row.document_id, handlingCode: row.handling_code });
  }
  const similar = await similarTo(ctx.db, viewer, row);
  for (const other of similar.filter((entry) => isAboveGreen(entry.handling_code))) {
    await ctx.auditSensitiveRead('knowledge_item', other.id, {
      documentId: other.document_id,
      handlingCode: other.handling_code,
      shownAsSimilarTo: row.id,
    });
  }
  return {
    id: row.id,
    type: row.type,
    text: row.text,
    line: row.line,
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
