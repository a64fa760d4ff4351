import type { FastifyInstance } from 'fastify';

/** Commitments, their partners, recommendations, actions, indicators, measurements and evidence; exports. */
export async function commitmentRoutes(_app: FastifyInstance) {}
