import { citationOf, toSourceResponse } from '../items/service.js';
import type { Export } from './service.js';

/** The JSON export: the search, its size, and each item with its source and citation. */
export function toJsonExport(data: Export) {
  return {
    query: data.query,
    total: data.total,
    exported: data.items.length,
    capped: data.capped,
    limit: data.limit,
    exportedAt: data.exportedAt.toISOString(),
    items: data.items.map((item) => ({
      id: item.id,
      type: item.type,
      text: item.text,
      countries: item.countries,
      organisations: item.organisations,
      themes: item.themes,
      references: item.references,
      page: item.page,
      line: item.line,
      number: item.number,
      document: toSourceResponse(item),
      citation: citationOf(item, data.language),
      url: item.url,
    })),
  };
}
