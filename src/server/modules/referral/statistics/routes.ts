import type { FastifyInstance } from 'fastify';
import { StatisticsTable } from '../../../../shared/referral/statistics-contract.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { replies } from '../../../platform/http/responses.js';
import { registerRetentionJob } from '../retention/job.js';
import { StatisticsQuery } from './schemas.js';
import { type StatisticsQuery as Query, statisticsTable } from './service.js';

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
}
