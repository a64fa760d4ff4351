import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  AlertDetail,
  AlertExport,
  AlertList,
  AlertMap,
  ExtractedObservables,
} from '../../../../shared/exchange/alerts/contract.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { requestLocale } from '../../../platform/http/locale.js';
import { replies } from '../../../platform/http/responses.js';
import { IdParams } from '../../../platform/http/schemas.js';
import { collectExport, EXPORT_LIMIT, toCsv, toJson } from './export.js';
import { alertMap } from './map.js';
import { ExportQuery, ExtractBody, FeedbackBody, IssueBody, ListQuery, MapQuery, WithdrawBody } from './schemas.js';
import * as service from './service.js';

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

/**
 * Early-warning alerts. Every read (`alert.read`: list, facets, map, export, one alert and its
 * correlations) goes through the visibility rule; issuing and withdrawing (`alert.issue`) and
 * feedback (`alert.feedback`) need a working role.
 */
export async function alertRoutes(app: FastifyInstance) {
  const tags = ['alerts'];
  const read = { policy: 'alert.read' as const };
  const issue = { policy: 'alert.issue' as const };
  const feedback = { policy: 'alert.feedback' as const };
  app.get(
    '/api/v1/alerts',
    {
      config: read,
      schema: {
        tags,
        summary: 'Alerts you may see, newest first, with facets',
        querystring: ListQuery,
        response: replies({ 200: AlertList }),
      },
    },
    async (request) => service.list(actorContext(request), request.query as ListQuery),
  );
  app.post(
    '/api/v1/alerts',
    {
      config: issue,
      schema: {
        tags,
        summary: 'Issue an early-warning alert from one of your units',
        body: IssueBody,
        response: replies({ 201: AlertDetail }),
      },
    },
    async (request, reply) => reply.code(201).send(await service.issue(actorContext(request), request.body as IssueBody)),
  );
  app.post(
    '/api/v1/alerts/extract-observables',
    {
      config: issue,
      schema: {
        tags,
        summary: 'Suggest observables found in a text',
        body: ExtractBody,
        response: replies({ 200: ExtractedObservables }),
      },
    },
    async (request) => service.extract(request.body as ExtractBody),
  );
  app.get(
    '/api/v1/alerts/map',
    {
      config: read,
      schema: {
        tags,
        summary: 'Visible alerts as GeoJSON, and counts per country',
        querystring: MapQuery,
        response: replies({ 200: AlertMap }),
      },
    },
    async (request) => alertMap(actorContext(request), request.query as MapQuery),
  );
  app.get(
    '/api/v1/alerts/export',
    {
      config: read,
      schema: {
        tags,
        summary: `Export visible alerts (at most ${EXPORT_LIMIT.toLocaleString('en')}) as CSV or JSON`,
        querystring: ExportQuery,
        // The file is sent as text, never serialised from a schema.
        response: replies({ 200: AlertExport }),
      },
    },
    async (request, reply) => {
      const query = request.query as ExportQuery;
      const data = await collectExport(actorContext(request), query);
      const locale = requestLocale(query.lang, request.headers['accept-language']);
      const csv = data.format === 'csv';
      return reply
        .header(
          'content-disposition',
          `attachment; filename="liaison-alerts-${data.exportedAt.toISOString().slice(0, 10)}.${data.format}"`,
        )
        .header('cache-control', 'no-store')
        .header('x-liaison-export-total', String(data.total))
        .header('x-liaison-export-count', String(data.alerts.length))
        .header('x-liaison-export-limit', String(data.limit))
        .header('x-liaison-export-capped', String(data.capped))
        .type(csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-language', locale)
        .send(csv ? toCsv(data, locale) : toJson(data));
    },
  );
  app.get(
    '/api/v1/alerts/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One alert with its observables, correlations and feedback',
        params: IdParams,
        response: replies({ 200: AlertDetail }),
      },
    },
    async (request) => service.getAlert(actorContext(request), idOf(request)),
  );
  app.post(
    '/api/v1/alerts/:id/feedback',
    {
      config: feedback,
      schema: {
        tags,
        summary: 'Give feedback on an alert for one of your units',
        params: IdParams,
        body: FeedbackBody,
        response: replies({ 200: AlertDetail }),
      },
    },
    async (request) => service.giveFeedback(actorContext(request), idOf(request), request.body as FeedbackBody),
  );
  app.post(
    '/api/v1/alerts/:id/withdraw',
    {
      config: issue,
      schema: {
        tags,
        summary: 'Withdraw an alert your unit issued',
        params: IdParams,
        body: WithdrawBody,
        response: replies({ 200: AlertDetail }),
      },
    },
    async (request) => service.withdraw(actorContext(request), idOf(request), request.body as WithdrawBody),
  );
}
