import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import { WATCHLIST_PROBLEMS } from '../../../../shared/watchlists/problems.js';
import { WATCHLIST_LIMITS } from '../../../../shared/watchlists/vocabulary.js';
import { Problem, problem } from '../../../platform/errors.js';

/** A batch upload as received: the form's fields and the file's bytes (at most 2 MB, held in memory). */
export interface BatchUpload {
  purpose: string | undefined;
  unitId: string | undefined;
  fileName: string;
  bytes: Buffer;
}

const FIELDS = ['purpose', 'unitId'] as const;
type Field = (typeof FIELDS)[number];

const tooLarge = () =>
  problem(
    WATCHLIST_PROBLEMS,
    'batch-too-large',
    `A batch file may be at most ${WATCHLIST_LIMITS.batchBytes / 1024 / 1024} MB and ${WATCHLIST_LIMITS.batchLines} lines; nothing was screened.`,
    { maxBytes: WATCHLIST_LIMITS.batchBytes, maxLines: WATCHLIST_LIMITS.batchLines },
  );
const malformed = () =>
  problem(PLATFORM_PROBLEMS, 'malformed-body', 'The multipart form could not be read; nothing was screened.');

/** @fastify/multipart's limit and format errors, as problems a client can act on. */
function toProblem(error: unknown): unknown {
  if (error instanceof Problem) return error;
  switch ((error as { code?: string }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge();
    case 'FST_FILES_LIMIT':
      return problem(WATCHLIST_PROBLEMS, 'invalid-csv', 'Send one CSV file per batch, in the field "file".');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PROTO_VIOLATION':
    case 'FST_MP_PREMATURE_CLOSE':
      return malformed();
  }
  if (error instanceof Error && /multipart|boundary/i.test(error.message)) return malformed();
  return error;
}

/** The name a batch keeps of its file: no folders, NFC, at most 255 characters (control characters never reach here). */
const cleanFileName = (raw: string | undefined) =>
  [
    ...path
      .basename((raw ?? '').replaceAll('\\', '/'))
      .normalize('NFC')
      .trim(),
  ]
    .slice(-255)
    .join('');

/**
 * Reads a batch form: `purpose`, optional `unitId`, and one `file`. Any other field, a second file,
 * a file over the size limit or no file at all is refused before anything is stored.
 */
export async function receiveBatch(request: FastifyRequest): Promise<BatchUpload> {
  if (!request.isMultipart()) {
    throw problem(PLATFORM_PROBLEMS, 'unsupported-media-type', 'Send the batch as multipart/form-data: purpose and file.');
  }
  const fields = new Map<Field, string>();
  let file: { fileName: string; bytes: Buffer } | undefined;
  try {
    const limits = { fileSize: WATCHLIST_LIMITS.batchBytes, files: 1, fields: FIELDS.length, fieldSize: 2000, parts: 4 };
    for await (const part of request.parts({ limits })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          throw problem(PLATFORM_PROBLEMS, 'unknown-field', `Unknown form field "${part.fieldname}"; send the CSV in "file".`);
        }
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        if (part.file.truncated) throw tooLarge();
        file = { fileName: cleanFileName(part.filename), bytes: Buffer.concat(chunks) };
      } else {
        const name = part.fieldname as Field;
        if (!FIELDS.includes(name)) throw problem(PLATFORM_PROBLEMS, 'unknown-field', `Unknown form field "${part.fieldname}".`);
        if (part.valueTruncated) throw problem(PLATFORM_PROBLEMS, 'validation', `The field ${name} is too long.`);
        if (fields.has(name)) throw problem(PLATFORM_PROBLEMS, 'validation', `The field ${name} is given twice.`);
        fields.set(name, String(part.value));
      }
    }
  } catch (error) {
    throw toProblem(error);
  }
  if (!file) throw problem(WATCHLIST_PROBLEMS, 'invalid-csv', 'Choose a CSV file to screen, in the field "file".');
  return { purpose: fields.get('purpose'), unitId: fields.get('unitId') || undefined, ...file };
}
