import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { MAX_ATTACHMENT_BYTES } from '../../../../shared/exchange/attachments/limits.js';
import { ATTACHMENT_PROBLEMS } from '../../../../shared/exchange/attachments/problems.js';
import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import { Problem, problem } from '../../../platform/errors.js';
import { saveHashed } from '../../../platform/http/uploads.js';

/**
 * The attachment store on disk: `<dataDir>/attachments/<first 2 hex>/<sha256>`. Content-addressed,
 * so the same bytes are stored once and a forward copies nothing. A file arrives in `.incoming/`
 * (same file system, so the final rename is atomic) and is hashed while it streams in: at most one
 * chunk of an upload is ever held in memory.
 */

const MAX_NAME_CHARS = 200;

export interface ReceivedFile {
  fileName: string;
  declaredType: string | null;
  /** The temporary file; `keep()` moves it into the store, `discard()` removes it. */
  tempPath: string;
  size: number;
  sha256: string;
}

const storeRoot = (dataDir: string) => path.join(dataDir, 'attachments');

/** Where the bytes of a hash live; refuses anything but a lower-case sha256 so no path can be built from input. */
export function blobPath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
  return path.join(storeRoot(dataDir), sha256.slice(0, 2), sha256);
}

// Bidirectional overrides and isolates can disguise an extension ("report\u202Efdp.exe").
const BIDI_CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/gu;

/**
 * A file name as it is kept: no folders, no control or bidi-override characters, NFC, at most 200
 * characters (the end is kept, with its extension). Other Unicode, Arabic included, stays as typed.
 */
export function cleanFileName(raw: string): string {
  const name = path
    .basename(raw.replaceAll('\\', '/'))
    .replace(/\p{Cc}/gu, '')
    .replace(BIDI_CONTROLS, '')
    .normalize('NFC')
    .trim();
  if (!name || name === '.' || name === '..') {
    throw problem(ATTACHMENT_PROBLEMS, 'invalid-file-name', 'The file needs a name; nothing was stored.');
  }
  return [...name].slice(-MAX_NAME_CHARS).join('');
}

const tooLarge = () =>
  problem(
    ATTACHMENT_PROBLEMS,
    'too-large',
    `An attachment may be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB; nothing was stored.`,
  );
const malformed = () => problem(PLATFORM_PROBLEMS, 'malformed-body', 'The multipart form could not be read; nothing was stored.');

/** @fastify/multipart's limit and format errors, as problems a client can act on. */
function toProblem(error: unknown, limit: UploadLimit): unknown {
  if (error instanceof Problem) return error;
  switch ((error as { code?: string }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return limit.tooLarge();
    case 'FST_FILES_LIMIT':
      return problem(ATTACHMENT_PROBLEMS, 'one-file', 'Send one file per upload; nothing was stored.');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PROTO_VIOLATION':
    case 'FST_MP_PREMATURE_CLOSE':
      return malformed();
  }
  if (error instanceof Error && /multipart|boundary/i.test(error.message)) return malformed();
  return error;
}

/** The declared Content-Type, as a bare lower-case type (kept for the record only). */
function declared(mimetype: string | undefined): string | null {
  const type = mimetype?.split(';')[0].trim().toLowerCase();
  return type && /^[\w.+-]+\/[\w.+-]+$/.test(type) ? type.slice(0, 200) : null;
}

/** The size limit of an upload and the problem that refuses a larger one (follow-up evidence has its own). */
export interface UploadLimit {
  bytes: number;
  tooLarge: () => Problem;
}
const ATTACHMENT_LIMIT: UploadLimit = { bytes: MAX_ATTACHMENT_BYTES, tooLarge };

/**
 * Reads a multipart form holding exactly one file in the field `file` into a temporary file of the
 * store. Empty files, files over the limit (25 MB), other fields and extra files are refused and
 * leave nothing behind.
 */
export async function receiveFile(request: FastifyRequest, dataDir: string, limit = ATTACHMENT_LIMIT): Promise<ReceivedFile> {
  if (!request.isMultipart()) {
    throw problem(PLATFORM_PROBLEMS, 'unsupported-media-type', 'Send the file as multipart/form-data, in the field "file".');
  }
  const incoming = path.join(storeRoot(dataDir), '.incoming');
  await fs.mkdir(incoming, { recursive: true, mode: 0o700 });
  const tempPath = path.join(incoming, randomUUID());
  let received: ReceivedFile | undefined;
  try {
    const limits = { fileSize: limit.bytes, files: 1, fields: 5, parts: 6 };
    for await (const part of request.parts({ limits })) {
      if (part.type !== 'file' || part.fieldname !== 'file') {
        throw problem(
          PLATFORM_PROBLEMS,
          'unknown-field',
          `Unknown form field "${part.fieldname}"; send the file in the field "file".`,
        );
      }
      const fileName = cleanFileName(part.filename ?? '');
      const saved = await saveHashed(part.file, tempPath);
      if (saved.truncated) throw limit.tooLarge();
      if (saved.size === 0) throw problem(ATTACHMENT_PROBLEMS, 'empty-file', `${fileName} is empty; nothing was stored.`);
      received = { fileName, declaredType: declared(part.mimetype), tempPath, size: saved.size, sha256: saved.sha256 };
    }
    if (!received) throw problem(ATTACHMENT_PROBLEMS, 'no-file', 'Choose a file to upload, in the field "file".');
    return received;
  } catch (error) {
    await discard(tempPath);
    throw toProblem(error, limit);
  }
}

/** Moves a received file to its content address; if those bytes are already stored, keeps the stored copy. */
export async function keep(dataDir: string, file: ReceivedFile): Promise<void> {
  const target = blobPath(dataDir, file.sha256);
  await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  try {
    await fs.access(target);
    await discard(file.tempPath);
  } catch {
    await fs.rename(file.tempPath, target);
  }
}

export async function discard(tempPath: string): Promise<void> {
  await fs.rm(tempPath, { force: true });
}

/**
 * Opens stored bytes for reading. A file missing from disk is a fault of the server (logged as a
 * 500), never a crash and never a silent empty download.
 */
export async function openBlob(dataDir: string, sha256: string) {
  try {
    const handle = await fs.open(blobPath(dataDir, sha256), 'r');
    const { size } = await handle.stat();
    return { size, stream: handle.createReadStream() };
  } catch (error) {
    throw Object.assign(
      problem(ATTACHMENT_PROBLEMS, 'attachment-unavailable', 'The stored file could not be read; the error has been logged.'),
      {
        cause: error,
      },
    );
  }
}
