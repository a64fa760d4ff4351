import type { FastifyInstance } from 'fastify';

/** Routes of this part of identification and referral (filled in by its own work). */
export async function referralRoutes(_app: FastifyInstance) {}
