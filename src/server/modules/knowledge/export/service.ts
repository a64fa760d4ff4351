import { isAboveGreen } from '../../../../shared/handling-codes.js';
import type { ServiceContext } from '../../../platform/context.js';
import type { CitationLanguage } from '../items/citation.js';
import { findItems, type LibraryItem } from '../items/repository.js';
import { searchAllItems } from '../search/service.js';
import { EXPORT_LIMITS, type ExportFormat, type ExportQuery } from './schemas.js';

/** The search an export was made from, as it is written in the file and the audit trail. */
export type ExportedQuery = Omit<ExportQuery, 'lang'>;

export interface ExportedItem extends LibraryItem {
  /** The item's page in the web app. */
  url: string;
}

export interface Export {
  query: ExportedQuery;
  language: CitationLanguage;
  /** Items the search finds in all; more than `items.length` when the export was cut at `limit`. */
  total: number;
  /** The most items an export of this format holds. */
  limit: number;
  capped: boolean;
  exportedAt: Date;
  items: ExportedItem[];
}

/** Only the parameters that were given, so the file and the audit trail show the search as asked. */
function exportedQuery(query: ExportQuery): ExportedQuery {
  const { lang: _lang, ...search } = query;
  return Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined && value !== '')) as ExportedQuery;
}

/**
 * Every item a library search finds (up to the format's limit), in the search's order, with what a
 * citation needs. Both reads go through the visibility rule: the search's, and `findItems`'s.
 * Each export is written to the audit trail with its query, its size, and the documents above
 * TLP:GREEN it carries.
 */
export async function collectExport(
  ctx: ServiceContext,
  query: ExportQuery,
  format: ExportFormat,
  origin: string,
): Promise<Export> {
  const search = exportedQuery(query);
  const limit = EXPORT_LIMITS[format];
  const found = await searchAllItems(ctx, search, limit);
  const rows = await findItems(
    ctx.db,
    ctx.viewer,
    found.items.map((item) => item.id),
  );
  const items = rows.map((row) => ({ ...row, url: `${origin}/library/items/${row.id}` }));
  const sensitiveDocuments = [...new Set(items.filter((item) => isAboveGreen(item.handlingCode)).map((item) => item.documentId))];
  await ctx.audit({
    action: 'knowledge.export',
    outcome: 'success',
    details: { format, query: search, total: found.total, exported: items.length, sensitiveDocuments },
  });
  return {
    query: search,
    language: query.lang ?? 'en',
    total: found.total,
    limit,
    capped: found.total > items.length,
    exportedAt: new Date(),
    items,
  };
}
