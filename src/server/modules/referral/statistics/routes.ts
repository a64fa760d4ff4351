import type { FastifyInstance } from 'fastify';
import { StatisticsExport, StatisticsTable } from '../../../../shared/referral/statistics-contract.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { replies } from '../../../platform/http/responses.js';
import { registerRetentionJob } from '../retention/job.js';
import { ExportQuery, StatisticsQuery } from './schemas.js';
import { exportCsv, type StatisticsQuery as Query, statisticsTable } from './service.js';

/** Referral statistics: suppressed tables of case counts (every working role). */
export async function statisticsRoutes(app: FastifyInstance) {
  // Retention keeps the statistics and erases the rest: its daily job lives beside them.
  registerRetentionJob(app);
  const tags = ['referral'];
  const read = { policy: 'referralStatistics.read' as const };
  app.get(
    '/api/v1/referral-statistics',
    {
      config: read,
      schema: {
        tags,
        summary: 'Cases counted by one or two dimensions; small counts suppressed, the rest perturbed and rounded to 5',
        querystring: StatisticsQuery,
        response: replies({ 200: StatisticsTable }),
      },
    },
    async (request) => statisticsTable(actorContext(request), request.query as Query),
  );
  app.get(
    '/api/v1/referral-statistics/export.csv',
    {
      config: read,
      schema: {
        tags,
        summary: 'Every case as one row of generalised facts (CTDC style), k-anonymous with k = 5; no reference, no id',
        querystring: ExportQuery,
        // The file is sent as text, never serialised from a schema.
        response: replies({ 200: StatisticsExport }),
      },
    },
    async (request, reply) => {
      const data = await exportCsv(actorContext(request));
      return reply
        .header(
          'content-disposition',
          `attachment; filename="liaison-referral-cases-${new Date().toISOString().slice(0, 10)}.csv"`,
        )
        .header('cache-control', 'no-store')
        .header('x-liaison-export-count', String(data.rows))
        .header('x-liaison-export-suppressed', String(data.suppressed))
        .type('text/csv; charset=utf-8')
        .send(data.csv);
    },
  );
}
