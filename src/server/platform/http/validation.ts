import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

const common: Options = { removeAdditional: false, useDefaults: true, allErrors: false, strict: false };

/**
 * Query strings and path parameters arrive as text, so their numbers and booleans are coerced;
 * JSON bodies are typed already, and coercing them would turn `{"active": "false"}` into `false`.
 */
export function registerValidation(app: FastifyInstance): void {
  const forText = addFormats.default(new Ajv({ ...common, coerceTypes: 'array' }));
  const forJson = addFormats.default(new Ajv({ ...common, coerceTypes: false }));
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? forJson.compile(schema) : forText.compile(schema)));
  // Only JSON bodies: anything else gets 415 rather than being parsed as a string.
  app.removeContentTypeParser('text/plain');
}
