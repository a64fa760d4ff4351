import type { FastifyInstance } from 'fastify';
import { FollowupExportFile } from '../../../../shared/followup/contract.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { requestLocale } from '../../../platform/http/locale.js';
import { replies } from '../../../platform/http/responses.js';
import { collectExport, EXPORT_LIMIT, toCsv, toJson } from './export.js';
import { ExportQuery } from './schemas.js';

/** CSV/JSON exports of commitments, actions and measurements, through the visibility rule, audited. */
export async function exportRoutes(app: FastifyInstance) {
  app.get(
    '/api/v1/followup/export',
    {
      config: { policy: 'followup.read' },
      schema: {
        tags: ['followup'],
        summary: `Export visible commitments (at most ${EXPORT_LIMIT.toLocaleString('en')}), their actions or measurements`,
        querystring: ExportQuery,
        // The file is sent as text, never serialised from a schema.
        response: replies({ 200: FollowupExportFile }),
      },
    },
    async (request, reply) => {
      const query = request.query as ExportQuery;
      const data = await collectExport(actorContext(request), query);
      const locale = requestLocale(query.lang, request.headers['accept-language']);
      const csv = data.format === 'csv';
      const day = data.exportedAt.toISOString().slice(0, 10);
      return reply
        .header('content-disposition', `attachment; filename="liaison-${data.kind}-${day}.${data.format}"`)
        .header('cache-control', 'no-store')
        .header('x-liaison-export-total', String(data.total))
        .header('x-liaison-export-count', String(data.exported))
        .header('x-liaison-export-limit', String(data.limit))
        .header('x-liaison-export-capped', String(data.capped))
        .type(csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-language', locale)
        .send(csv ? toCsv(data, locale) : toJson(data));
    },
  );
}
