import type { FastifyInstance } from 'fastify';

/** Attachments of messages. */
export async function attachmentRoutes(_app: FastifyInstance) {}
