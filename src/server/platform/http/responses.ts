import { type TSchema, Type } from '@sinclair/typebox';

/** RFC 9457 problem details, as every error reply carries them (`sendProblem` in ../errors.ts). */
export const ProblemReply = Type.Object(
  {
    type: Type.String({ description: 'urn:liaison:problem:<slug>; slugs are catalogued in src/shared/**/problems.ts' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
  },
  // Some problems carry more (validation errors, a retry delay, the field refused): published as sent.
  { additionalProperties: true, description: 'RFC 9457 problem details' },
);

/** A reply with no body (204). */
export const NoContent = Type.Null({ description: 'No content' });

/**
 * The `response` part of a route's schema: its success replies and the problem shape of every error
 * reply. Fastify serialises each reply with its schema, so a field not listed is never published.
 *   schema: { response: replies({ 200: MessagePage }) }
 */
export function replies(success: Record<number, TSchema>): Record<string, TSchema> {
  return { ...success, '4xx': ProblemReply, '5xx': ProblemReply };
}

/** Whether a route's response schema covers both its success and its error replies. */
export function declaresReplies(response: Record<string, unknown> | undefined): boolean {
  if (!response) return false;
  const statuses = Object.keys(response);
  const success = statuses.some((status) => /^2(\d\d|xx)$/.test(status));
  const errors = statuses.some((status) => /^4(\d\d|xx)$/.test(status));
  return success && errors;
}
