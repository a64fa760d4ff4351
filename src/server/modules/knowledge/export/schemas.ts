import { type Static, Type } from '@sinclair/typebox';
import { type ExportFormat, PDF_LANGUAGES } from '../../../../shared/knowledge/kinds.js';
import { Strict } from '../../../platform/http/schemas.js';
import { CITATION_LANGUAGES } from '../items/citation.js';
import { SearchQuery } from '../search/schemas.js';

export type { ExportFormat, PdfLanguage } from '../../../../shared/knowledge/kinds.js';

/**
 * At most this many items per export; a larger search is cut, and the export says so. A digest is
 * for reading and takes seconds of CPU to lay out per thousand items, so it stops sooner.
 */
export const EXPORT_LIMITS: Record<ExportFormat, number> = { csv: 5000, json: 5000, pdf: 1000 };

// The search's own parameters, without paging: an export takes every item the search finds.
const { limit: _limit, offset: _offset, ...searchFields } = SearchQuery.properties;

const languages = <T extends string>(values: readonly T[], description: string) =>
  Type.Optional(
    Type.Union(
      values.map((value) => Type.Literal(value)),
      { description },
    ),
  );

export const ExportQuery = Strict({
  ...searchFields,
  lang: languages(CITATION_LANGUAGES, 'Language of the citations (document titles stay in their own language); default en'),
});
export type ExportQuery = Static<typeof ExportQuery>;

export const PdfExportQuery = Strict({
  ...searchFields,
  lang: languages(PDF_LANGUAGES, 'Language of the digest: en (default) or fr'),
});
export type PdfExportQuery = Static<typeof PdfExportQuery>;
