import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { KNOWLEDGE_PROBLEMS } from '../../../../shared/knowledge/problems.js';
import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import { problem } from '../../../platform/errors.js';
import { saveHashed } from '../../../platform/http/uploads.js';
import { DOCUMENT_EXTENSIONS, MAX_DOCUMENT_BYTES } from '../extraction/read-document.js';

export const MAX_FILES_PER_IMPORT = 20;
/** The form fields besides the files; anything else is refused so a typo never passes silently. */
export const IMPORT_FIELDS = ['handlingCode', 'distribution', 'publish'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ReceivedFile {
  fileName: string;
  /** Where the bytes wait until they are stored in the database. */
  path: string;
  sizeBytes: number;
  sha256: string;
}

export interface ReceivedUpload {
  files: ReceivedFile[];
  fields: Map<ImportField, string[]>;
  /** Removes the temporary files. */
  discard(): Promise<void>;
}

const MULTIPART_LIMITS = {
  fileSize: MAX_DOCUMENT_BYTES,
  files: MAX_FILES_PER_IMPORT,
  fields: 300,
  fieldSize: 200,
  parts: MAX_FILES_PER_IMPORT + 300,
};

/** Problems about one file name it (`fileName`), so a form can show the reason beside that file. */
const tooLarge = (name: string | undefined) =>
  problem(
    KNOWLEDGE_PROBLEMS,
    'too-large',
    `${name ?? 'A file'} is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; nothing was imported.`,
    name === undefined ? undefined : { fileName: name },
  );

/** A file name as the library keeps it: no folders, no control characters, NFC, at most 200 characters. */
function cleanFileName(raw: string): string {
  const name = path
    .basename(raw.replaceAll('\\', '/'))
    .replace(/\p{Cc}/gu, '')
    .normalize('NFC')
    .trim();
  if (!name) throw problem(KNOWLEDGE_PROBLEMS, 'invalid-file-name', 'Every file needs a name; nothing was imported.');
  // The end of a long name is kept, with its extension; whole characters only.
  return [...name].slice(-200).join('');
}

function checkExtension(name: string) {
  const extension = path.extname(name).toLowerCase();
  if (!(DOCUMENT_EXTENSIONS as readonly string[]).includes(extension)) {
    throw problem(
      KNOWLEDGE_PROBLEMS,
      'unsupported-format',
      `${name}: only ${DOCUMENT_EXTENSIONS.join(', ')} files can be imported; nothing was imported.`,
      { fileName: name },
    );
  }
}

/** @fastify/multipart's limit and format errors, as problems a client can act on. */
function toProblem(error: unknown, lastFile: string | undefined): unknown {
  switch ((error as { code?: string }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge(lastFile);
    case 'FST_FILES_LIMIT':
      return problem(
        KNOWLEDGE_PROBLEMS,
        'too-many-files',
        `At most ${MAX_FILES_PER_IMPORT} files per import; nothing was imported.`,
      );
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return problem(KNOWLEDGE_PROBLEMS, 'too-many-fields', 'The form has too many fields; nothing was imported.');
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_JSON_FIELD_ERROR':
    case 'FST_MP_PREMATURE_CLOSE':
      return problem(PLATFORM_PROBLEMS, 'malformed-body', 'The multipart form could not be read; nothing was imported.');
  }
  if (error instanceof Error && /multipart|boundary/i.test(error.message)) {
    return problem(PLATFORM_PROBLEMS, 'malformed-body', 'The multipart form could not be read; nothing was imported.');
  }
  return error;
}

/**
 * Reads a multipart import form, saving each file to a private temporary folder (so at most one
 * file at a time is ever held in memory) and refusing at once what can be judged without reading
 * the documents: wrong extension, empty file, a file over the size limit, too many files, unknown fields.
 */
export async function receiveUpload(request: FastifyRequest): Promise<ReceivedUpload> {
  if (!request.isMultipart()) {
    throw problem(PLATFORM_PROBLEMS, 'unsupported-media-type', 'Send the files as multipart/form-data.');
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'liaison-import-'));
  const discard = () => fs.rm(dir, { recursive: true, force: true });
  const files: ReceivedFile[] = [];
  const fields = new Map<ImportField, string[]>();
  let current: string | undefined;
  try {
    for await (const part of request.parts({ limits: MULTIPART_LIMITS })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'files')
          throw problem(PLATFORM_PROBLEMS, 'unknown-field', `Unknown form field "${part.fieldname}".`);
        current = cleanFileName(part.filename ?? '');
        checkExtension(current);
        const target = path.join(dir, String(files.length));
        const saved = await saveHashed(part.file, target);
        if (saved.truncated) throw tooLarge(current);
        if (saved.size === 0)
          throw problem(KNOWLEDGE_PROBLEMS, 'empty-document', `${current} is empty; nothing was imported.`, {
            fileName: current,
          });
        files.push({ fileName: current, path: target, sizeBytes: saved.size, sha256: saved.sha256 });
      } else {
        const name = part.fieldname as ImportField;
        if (!IMPORT_FIELDS.includes(name))
          throw problem(PLATFORM_PROBLEMS, 'unknown-field', `Unknown form field "${part.fieldname}".`);
        if (part.valueTruncated) throw problem(PLATFORM_PROBLEMS, 'validation', `The field ${name} is too long.`);
        fields.set(name, [...(fields.get(name) ?? []), String(part.value)]);
      }
    }
    if (files.length === 0) throw problem(KNOWLEDGE_PROBLEMS, 'no-files', 'Choose at least one file to import.');
    return { files, fields, discard };
  } catch (error) {
    await discard();
    throw toProblem(error, current);
  }
}
