import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CaseChanged, CaseCreated, CaseDetail, CaseHistory, CaseList } from '../../../../shared/referral/cases-contract.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { replies } from '../../../platform/http/responses.js';
import { IdParams } from '../../../platform/http/schemas.js';
import { withoutQueryInLogs } from './quiet-logging.js';
import { CloseCaseBody, CreateCaseBody, ListCasesQuery, PatchCaseBody, ReadCaseQuery } from './schemas.js';
import * as service from './service.js';

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

/**
 * Cases of identification and referral. The list and a case's summary: case workers and
 * supervisors (`case.read`); opening a case: case workers (`case.create`); every record-level
 * decision (summary, personal fields, changes) is the service's, through `caseFor`.
 */
export async function caseRoutes(app: FastifyInstance) {
  const tags = ['cases'];
  const read = { policy: 'case.read' as const };
  app.get(
    '/api/v1/cases',
    {
      ...withoutQueryInLogs,
      config: read,
      schema: {
        tags,
        summary: 'Cases you may see, newest change first; search by name or date of birth through the blind index',
        querystring: ListCasesQuery,
        response: replies({ 200: CaseList }),
      },
    },
    async (request) => service.listCases(actorContext(request), request.query as ListCasesQuery),
  );
  app.post(
    '/api/v1/cases',
    {
      ...withoutQueryInLogs,
      config: { policy: 'case.create' as const },
      schema: {
        tags,
        summary: 'Open a case for one of your units',
        body: CreateCaseBody,
        response: replies({ 201: CaseCreated }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createCase(actorContext(request), request.body as CreateCaseBody)),
  );
  app.get(
    '/api/v1/cases/:id',
    {
      ...withoutQueryInLogs,
      config: read,
      schema: {
        tags,
        summary: 'One case; its personal fields when you may read them (audited; another unit gives a reason)',
        params: IdParams,
        querystring: ReadCaseQuery,
        response: replies({ 200: CaseDetail }),
      },
    },
    async (request) => service.getCase(actorContext(request), idOf(request), (request.query as ReadCaseQuery).reason),
  );
  app.patch(
    '/api/v1/cases/:id',
    {
      ...withoutQueryInLogs,
      config: read,
      schema: {
        tags,
        summary: 'Change a case of your unit (at the revision you saw)',
        params: IdParams,
        body: PatchCaseBody,
        response: replies({ 200: CaseChanged }),
      },
    },
    async (request) => service.patchCase(actorContext(request), idOf(request), request.body as PatchCaseBody),
  );
  app.post(
    '/api/v1/cases/:id/close',
    {
      ...withoutQueryInLogs,
      config: read,
      schema: {
        tags,
        summary: 'Close a case of your unit; it becomes read-only',
        params: IdParams,
        body: CloseCaseBody,
        response: replies({ 200: CaseChanged }),
      },
    },
    async (request) => service.closeCase(actorContext(request), idOf(request), request.body as CloseCaseBody),
  );
  app.get(
    '/api/v1/cases/:id/history',
    {
      ...withoutQueryInLogs,
      config: read,
      schema: {
        tags,
        summary: "A case's history: events and the names of the fields they touched, never their values",
        params: IdParams,
        response: replies({ 200: CaseHistory }),
      },
    },
    async (request) => service.caseHistory(actorContext(request), idOf(request)),
  );
}
