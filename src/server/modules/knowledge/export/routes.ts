import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { JsonExport } from '../../../../shared/knowledge/contract.js';
import { requestLocale } from '../../../platform/http/locale.js';
import { replies } from '../../../platform/http/responses.js';
import type { Wire } from '../../../platform/http/wire.js';
import { CITATION_LANGUAGES, type CitationLanguage } from '../items/citation.js';
import { toCsv } from './csv.js';
import { toJsonExport } from './json.js';
import { renderDigest } from './pdf.js';
import { EXPORT_LIMITS, type ExportFormat, ExportQuery, PdfExportQuery } from './schemas.js';
import { collectExport, type Export } from './service.js';

/**
 * Where the item links in an export point: this server as the caller reached it. A Host header
 * that is not a plain host[:port] is not echoed into the file; the links are then relative.
 */
function originOf(request: FastifyRequest): string {
  return /^[a-z0-9.-]+(:\d{1,5})?$/i.test(request.host) ? `${request.protocol}://${request.host}` : '';
}

/**
 * The language of an export: the one asked for (`lang`), else the first of the caller's
 * Accept-Language the library writes (by preference), else English.
 */
export function exportLanguage(request: FastifyRequest, asked: CitationLanguage | undefined): CitationLanguage {
  return requestLocale(asked, request.headers['accept-language'], CITATION_LANGUAGES);
}

/**
 * Sends an export as a download, saying in headers how many items it holds and whether it was cut.
 * Text and bytes go out as they are; the JSON export is written by its reply schema.
 */
function download(reply: FastifyReply, data: Export, format: ExportFormat, type: string, body: string | Buffer | object) {
  const day = data.exportedAt.toISOString().slice(0, 10);
  return reply
    .header('content-disposition', `attachment; filename="liaison-library-${day}.${format}"`)
    .header('cache-control', 'no-store')
    .header('x-liaison-export-total', String(data.total))
    .header('x-liaison-export-count', String(data.items.length))
    .header('x-liaison-export-capped', String(data.capped))
    .type(type)
    .send(body);
}

/** What each export's download holds. */
const FILES = {
  csv: Type.String({ description: 'text/csv: one row per item (RFC 4180, with a byte-order mark)' }),
  json: JsonExport,
  pdf: Type.String({ format: 'binary', description: 'application/pdf: a digest of the items grouped by theme' }),
} as const;

/** Exports of a library search: the search's parameters, open to all, through the visibility rule. */
export async function knowledgeExportRoutes(app: FastifyInstance) {
  const schema = (format: ExportFormat, what: string, querystring: typeof ExportQuery | typeof PdfExportQuery) => ({
    tags: ['knowledge'],
    summary: `Export every item a library search finds (at most ${EXPORT_LIMITS[format].toLocaleString('en')}) as ${what}`,
    querystring,
    response: replies({ 200: FILES[format] }),
  });
  const policy = { policy: 'knowledge.read' } as const;

  app.get(
    '/api/v1/knowledge/export.csv',
    { config: policy, schema: schema('csv', 'CSV', ExportQuery) },
    async (request, reply) => {
      const query = request.query as ExportQuery;
      const lang = exportLanguage(request, query.lang);
      const data = await collectExport(request.context(), { ...query, lang }, 'csv', originOf(request));
      return download(reply, data, 'csv', 'text/csv; charset=utf-8', toCsv(data));
    },
  );
  app.get(
    '/api/v1/knowledge/export.json',
    { config: policy, schema: schema('json', 'JSON', ExportQuery) },
    async (request, reply) => {
      const query = request.query as ExportQuery;
      const lang = exportLanguage(request, query.lang);
      const data = await collectExport(request.context(), { ...query, lang }, 'json', originOf(request));
      const file: Wire<JsonExport, 'references'> = toJsonExport(data);
      return download(reply, data, 'json', 'application/json; charset=utf-8', file);
    },
  );
  app.get(
    '/api/v1/knowledge/export.pdf',
    { config: policy, schema: schema('pdf', 'a PDF digest grouped by theme', PdfExportQuery) },
    async (request, reply) => {
      const query = request.query as PdfExportQuery;
      const data = await collectExport(request.context(), query, 'pdf', originOf(request));
      return download(reply, data, 'pdf', 'application/pdf', await renderDigest(data, query.lang ?? 'en'));
    },
  );
}
