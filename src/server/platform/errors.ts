import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { PLATFORM_PROBLEMS, PROBLEM_STATUS, PROBLEM_TYPE_PREFIX, type ProblemCatalogue } from '../../shared/problems.js';

/**
 * An error a client can act on, sent as RFC 9457 `application/problem+json`. Made with `problem()`
 * from a capability's catalogue (src/shared/…/problems.ts), which fixes the status from the kind.
 */
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

/** The problem `slug` of a capability's catalogue, with the status its kind fixes. */
export function problem<C extends ProblemCatalogue>(
  catalogue: C,
  slug: keyof C & string,
  detail: string,
  extra: Record<string, unknown> = {},
): Problem {
  return new Problem(PROBLEM_STATUS[catalogue[slug]], slug, detail, extra);
}

export const notFound = (what = 'record') => problem(PLATFORM_PROBLEMS, 'not-found', `No such ${what}.`);
export const forbidden = (detail: string) => problem(PLATFORM_PROBLEMS, 'forbidden', detail);
export const conflict = (detail: string) => problem(PLATFORM_PROBLEMS, 'conflict', detail);
export const invalid = (detail: string, extra: Record<string, unknown> = {}) =>
  problem(PLATFORM_PROBLEMS, 'invalid', detail, extra);

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send({
      type: `${PROBLEM_TYPE_PREFIX}${problem.slug}`,
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
    return problem(PLATFORM_PROBLEMS, 'validation', `Invalid request: ${error.message}`, {
      errors: error.validation.map((v) => ({ path: v.instancePath, message: v.message })),
    });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(PLATFORM_PROBLEMS, 'body-too-large', 'The request body is larger than this endpoint accepts.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(PLATFORM_PROBLEMS, 'unsupported-media-type', 'Send the request body as application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(PLATFORM_PROBLEMS, 'malformed-body', 'The JSON body is empty.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problem(PLATFORM_PROBLEMS, 'malformed-body', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem(PLATFORM_PROBLEMS, 'malformed-body', 'The Content-Length header does not match the body.');
  }
  if (error.statusCode === 429) {
    return problem(PLATFORM_PROBLEMS, 'rate-limited', 'Too many requests; slow down and try again shortly.');
  }
  if (error instanceof SyntaxError || error.statusCode === 400) {
    // Also prototype-poisoning keys (__proto__, constructor.prototype), which the parser refuses.
    return problem(
      PLATFORM_PROBLEMS,
      'malformed-body',
      'The request body is not valid JSON, or uses a forbidden key such as __proto__.',
    );
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new Problem(error.statusCode, 'bad-request', error.message);
  }
  return problem(PLATFORM_PROBLEMS, 'internal', 'Something went wrong on the server; the error has been logged.');
}

/**
 * Errors the router meets before any route runs (Fastify's `frameworkErrors`): a path parameter
 * longer than the router takes (100 characters) or a URL that is not valid percent-encoding would
 * otherwise be answered in Fastify's own JSON, as 414 or 400, rather than as a problem.
 */
export function sendFrameworkError(error: FastifyError, _request: unknown, reply: FastifyReply): FastifyReply {
  switch (error.code) {
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return sendProblem(
        reply,
        problem(PLATFORM_PROBLEMS, 'validation', 'A path parameter is longer than this endpoint accepts.'),
      );
    case 'FST_ERR_BAD_URL':
      return sendProblem(reply, problem(PLATFORM_PROBLEMS, 'validation', 'The URL is not valid percent-encoded text.'));
  }
  reply.log.error({ err: error }, 'request failed before routing');
  return sendProblem(
    reply,
    problem(PLATFORM_PROBLEMS, 'internal', 'Something went wrong on the server; the error has been logged.'),
  );
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const answer = toProblem(error);
    if (answer.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, answer);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(PLATFORM_PROBLEMS, 'not-found', `No route ${request.method} ${request.url.split('?')[0]}.`)),
  );
}
