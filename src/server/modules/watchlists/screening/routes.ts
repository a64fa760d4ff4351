import type { FastifyInstance } from 'fastify';
import { ScreeningResult } from '../../../../shared/watchlists/contract.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { replies } from '../../../platform/http/responses.js';
import { ScreenBody } from './schemas.js';
import { screenName } from './service.js';

/** Screening one name against the watch-lists the caller may see (focal points and analysts). */
export async function screeningRoutes(app: FastifyInstance) {
  app.post(
    '/api/v1/screening',
    {
      config: { policy: 'screening.run' as const },
      schema: {
        tags: ['watchlists'],
        summary: 'Screen a name (any script) against the watch-lists you may see; every hit opens a review task',
        body: ScreenBody,
        response: replies({ 200: ScreeningResult }),
      },
    },
    async (request) => {
      const body = request.body as ScreenBody;
      const { purpose, unitId, limit, ...subject } = body;
      return screenName(actorContext(request), { ...subject, purpose, unitId, limit });
    },
  );
}
