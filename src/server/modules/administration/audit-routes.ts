import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AuditTrail } from '../../../shared/administration/contract.js';
import { actorContext } from '../../platform/http/authenticate.js';
import { replies } from '../../platform/http/responses.js';
import { Strict } from '../../platform/http/schemas.js';
import type { Wire } from '../../platform/http/wire.js';
import { listAuditTrail } from './audit-service.js';

const AuditQuery = Strict({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  before: Type.Optional(Type.String({ maxLength: 64, description: 'nextCursor of the previous page' })),
});

export async function auditRoutes(app: FastifyInstance) {
  app.get(
    '/api/v1/admin/audit',
    {
      config: { policy: 'audit.read' },
      schema: {
        tags: ['administration'],
        summary: 'Audit trail, newest first (org admins: their organisation)',
        querystring: AuditQuery,
        response: replies({ 200: AuditTrail }),
      },
    },
    async (request): Promise<Wire<AuditTrail>> =>
      listAuditTrail(actorContext(request), request.query as typeof AuditQuery.static),
  );
}
