import type { FastifyInstance } from 'fastify';

/** Text is stored in Unicode NFC, so "é" typed two ways is one value for search and uniqueness. */
function toNfc(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(toNfc);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toNfc(inner)]));
  }
  return value;
}

export function registerTextNormalisation(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.body && typeof request.body === 'object') request.body = toNfc(request.body);
  });
}
