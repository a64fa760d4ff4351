import type { Multipart } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PLATFORM_PROBLEMS } from '../../../shared/problems.js';
import { problem } from '../errors.js';

/**
 * One text rule for every request, applied before any schema or handler sees it:
 * - control characters (C0 but tab, line feed and carriage return, and DEL) are refused anywhere in
 *   a JSON body (keys included), the query string, path parameters and multipart field values and
 *   file names: PostgreSQL refuses NUL in text, and none of them belongs in text a person typed;
 * - JSON bodies nested deeper than MAX_DEPTH levels are refused (walked without recursion, so a
 *   100,000-level body cannot overflow the stack);
 * - body strings are stored in Unicode NFC, so "é" typed two ways is one value for search and uniqueness.
 */
export const MAX_DEPTH = 64;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

type Container = Record<string, unknown> | unknown[];
/** A container being walked; its path is only spelt out when something in it is refused. */
interface Frame {
  node: Container;
  depth: number;
  parent: Frame | null;
  key: string;
}

const pointerSegment = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

function pathOf(frame: Frame | null, key?: string): string {
  const segments = key === undefined ? [] : [pointerSegment(key)];
  for (let at = frame; at; at = at.parent) segments.unshift(at.parent ? pointerSegment(at.key) : at.key);
  return segments.join('/');
}

function refuseControl(text: string, field: () => string): void {
  const found = CONTROL.exec(text);
  if (!found) return;
  const codePoint = `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  const name = field();
  throw problem(
    PLATFORM_PROBLEMS,
    'control-character',
    `${JSON.stringify(name)} contains the control character ${codePoint}; only tab, line feed and carriage return are allowed in text.`,
    { field: name },
  );
}

const tooDeep = () =>
  problem(PLATFORM_PROBLEMS, 'nesting-too-deep', `The JSON body is nested deeper than ${MAX_DEPTH} levels.`, {
    maxDepth: MAX_DEPTH,
  });

/** Checks every key and string under `root` (named `where`), NFC-normalising strings in place when asked. */
function cleanTree(root: unknown, where: string, nfc: boolean): unknown {
  if (typeof root === 'string') {
    refuseControl(root, () => where);
    return nfc ? root.normalize('NFC') : root;
  }
  if (!root || typeof root !== 'object') return root;
  const stack: Frame[] = [{ node: root as Container, depth: 1, parent: null, key: where }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const node = frame.node as Record<string, unknown>;
    for (const key of Object.keys(node)) {
      const value = node[key];
      refuseControl(key, () => pathOf(frame, key));
      if (typeof value === 'string') {
        refuseControl(value, () => pathOf(frame, key));
        if (nfc) node[key] = value.normalize('NFC');
      } else if (value && typeof value === 'object') {
        if (frame.depth >= MAX_DEPTH) throw tooDeep();
        stack.push({ node: value as Container, depth: frame.depth + 1, parent: frame, key });
      }
    }
  }
  return root;
}

/** Multipart parts, refused as they arrive when a field name, value or file name holds a control character. */
async function* checkedParts(parts: AsyncIterableIterator<Multipart>): AsyncGenerator<Multipart> {
  for await (const part of parts) {
    const field = `form/${pointerSegment(part.fieldname)}`;
    refuseControl(part.fieldname, () => field);
    if (part.type === 'file') refuseControl(part.filename ?? '', () => `${field}/filename`);
    else if (typeof part.value === 'string') refuseControl(part.value, () => field);
    yield part;
  }
}

/**
 * Multipart forms are read by the route's handler, part by part, after this hook: the request's
 * part reader is wrapped so every upload route (and every later one) gets the same rule.
 */
function checkMultipart(request: FastifyRequest): void {
  const withParts = request as FastifyRequest & { parts?: FastifyRequest['parts'] };
  if (typeof withParts.parts !== 'function' || !request.isMultipart()) return;
  const read = withParts.parts;
  withParts.parts = function (this: FastifyRequest, options) {
    return checkedParts(read.call(this, options));
  };
}

export function registerTextNormalisation(app: FastifyInstance): void {
  // A synchronous hook: it runs on every request, and an async one costs a promise each time.
  app.addHook('preValidation', (request, _reply, done) => {
    try {
      cleanTree(request.params, 'params', false);
      cleanTree(request.query, 'query', false);
      if (request.body !== undefined && request.body !== null) request.body = cleanTree(request.body, 'body', true);
      checkMultipart(request);
      done();
    } catch (error) {
      done(error as Error);
    }
  });
}
