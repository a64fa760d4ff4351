import type { FastifyInstance } from 'fastify';

/** Review cycles, partners' reports, peer comments, reminders and the cycle report. */
export async function cycleRoutes(_app: FastifyInstance) {}
