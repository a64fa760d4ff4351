import type { FastifyInstance } from 'fastify';

export async function exportRoutes(_app: FastifyInstance) {}
