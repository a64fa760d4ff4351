import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AuditTrail } from '../../../shared/administration/contract.js';
import { listAudit } from '../../platform/audit/audit-log.js';
import { actorContext } from '../../platform/http/authenticate.js';
import { replies } from '../../platform/http/responses.js';
import { Strict } from '../../platform/http/schemas.js';
import type { Wire } from '../../platform/http/wire.js';

const AuditQuery = Strict({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  beforeId: Type.Optional(Type.Integer({ minimum: 1 })),
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
    async (request): Promise<Wire<AuditTrail>> => {
      const ctx = actorContext(request);
      const query = request.query as typeof AuditQuery.static;
      const ownOnly = !ctx.actor.roles.includes('platform_admin');
      return {
        items: await listAudit(ctx.db, {
          limit: query.limit ?? 50,
          beforeId: query.beforeId,
          actorOrganisationId: ownOnly ? ctx.actor.organisationId : undefined,
        }),
      };
    },
  );
}
