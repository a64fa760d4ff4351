import type { FastifyRequest } from 'fastify';

/**
 * Route options for every route whose query string may carry personal data (a name or a date of
 * birth searched for, the reason someone gives for opening a case): the request is logged without
 * its query string. Spread into the route's options: `app.get(url, { ...withoutQueryInLogs, … })`.
 */
export const withoutQueryInLogs = {
  logSerializers: {
    req: (request: FastifyRequest) => ({
      method: request.method,
      url: request.url.split('?')[0],
      host: request.host,
      remoteAddress: request.ip,
    }),
  },
};
