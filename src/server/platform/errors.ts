import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';

/** An error a client can act on, sent as RFC 9457 `application/problem+json`. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    /** Stable slug, published as the type URI `urn:liaison:problem:<slug>`. */
    readonly slug: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export const notFound = (what = 'record') => new Problem(404, 'not-found', `No such ${what}.`);
export const forbidden = (detail: string) => new Problem(403, 'forbidden', detail);
export const conflict = (detail: string) => new Problem(409, 'conflict', detail);
export const invalid = (detail: string, extra: Record<string, unknown> = {}) => new Problem(422, 'invalid', detail, extra);

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send({
      type: `urn:liaison:problem:${problem.slug}`,
      title: TITLES[problem.status] ?? 'Error',
      status: problem.status,
      detail: problem.detail,
      instance: reply.request.url.split('?')[0],
      requestId: reply.request.id,
      ...problem.extra,
    });
}

/** Maps Fastify's own errors to problems; anything unexpected becomes a 500 with no internals. */
function toProblem(error: FastifyError): Problem {
  if (error instanceof Problem) return error;
  if (error.validation) {
    return new Problem(400, 'validation', `Invalid request: ${error.message}`, {
      errors: error.validation.map((v) => ({ path: v.instancePath, message: v.message })),
    });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Problem(413, 'body-too-large', 'The request body is larger than this endpoint accepts.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new Problem(415, 'unsupported-media-type', 'Send the request body as application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new Problem(400, 'malformed-body', 'The JSON body is empty.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new Problem(400, 'malformed-body', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new Problem(400, 'malformed-body', 'The Content-Length header does not match the body.');
  }
  if (error.statusCode === 429) {
    return new Problem(429, 'rate-limited', 'Too many requests; slow down and try again shortly.');
  }
  if (error instanceof SyntaxError || error.statusCode === 400) {
    // Also prototype-poisoning keys (__proto__, constructor.prototype), which the parser refuses.
    return new Problem(400, 'malformed-body', 'The request body is not valid JSON, or uses a forbidden key such as __proto__.');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new Problem(error.statusCode, 'bad-request', error.message);
  }
  return new Problem(500, 'internal', 'Something went wrong on the server; the error has been logged.');
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, new Problem(404, 'not-found', `No route ${request.method} ${request.url.split('?')[0]}.`)),
  );
}
