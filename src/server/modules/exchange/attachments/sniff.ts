import { createReadStream } from 'node:fs';
import path from 'node:path';
import { fileTypeFromFile } from 'file-type';
import { ATTACHMENT_PROBLEMS } from '../../../../shared/exchange/attachments/problems.js';
import { problem } from '../../../platform/errors.js';

/**
 * What a file really is, judged from its bytes (the type a client declares is never trusted), and
 * whether the platform accepts it: programs and scripts are refused, by content and by name, since
 * a partner opening an attachment must never be one double-click away from running code.
 */

/** Extensions that run when opened on a desktop (Windows, macOS, Linux) or hold macros. */
const REFUSED_EXTENSIONS = new Set(
  (
    'exe com scr pif bat cmd msi msp mst dll sys drv cpl ocx js mjs cjs jse vbs vbe wsf wsh ws wsc ps1 psm1 psd1 ' +
    'sh bash zsh ksh csh fish py pyw pyc pl rb php phar jar apk app ipa hta lnk url reg scf msc gadget inf ' +
    'appx appxbundle msix msixbundle dmg pkg deb rpm run command applescript scpt elf so dylib wasm swf ' +
    'docm dotm xlsm xltm xlam pptm potm ppsm ppam'
  ).split(' '),
);

/** Types `file-type` recognises that are programs, installers or macro documents. */
const REFUSED_SNIFFED = new Set([
  'exe',
  'elf',
  'macho',
  'wasm',
  'class',
  'jar',
  'apk',
  'deb',
  'rpm',
  'dmg',
  'lnk',
  'swf',
  'crx',
  'xpi',
  'chm',
  'reg',
  'docm',
  'dotm',
  'xlsm',
  'xltm',
  'pptm',
  'potm',
  'ppsm',
]);

/** Types served under their own name; anything else is sent as application/octet-stream. */
const SERVED_AS_IS = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
]);

/** The Content-Type a download is sent with: the sniffed type if it is harmless, else a plain download. */
export function servedContentType(mediaType: string): string {
  if (mediaType === 'text/plain' || mediaType === 'text/csv') return `${mediaType}; charset=utf-8`;
  return SERVED_AS_IS.has(mediaType) ? mediaType : 'application/octet-stream';
}

export const refusedType = (fileName: string) =>
  problem(ATTACHMENT_PROBLEMS, 'refused-file-type', `${fileName}: programs and scripts cannot be attached; nothing was stored.`);

/** Refuses a name whose extension runs code; trailing dots and spaces are ignored as Windows does. */
export function checkFileName(fileName: string): void {
  const extension = path
    .extname(fileName.replace(/[.\s]+$/u, ''))
    .slice(1)
    .toLowerCase();
  if (REFUSED_EXTENSIONS.has(extension)) throw refusedType(fileName);
}

const MARKUP = /^<(?:!doctype\s+html|html|head|body|script|iframe|object|embed|svg|\?xml)\b/i;

/** Whether the whole file is UTF-8 text without NUL bytes; also returns how it starts. */
async function readAsText(filePath: string): Promise<{ text: boolean; head: string; shebang: boolean }> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let head = '';
  let shebang: boolean | undefined;
  try {
    for await (const chunk of createReadStream(filePath) as AsyncIterable<Buffer>) {
      // A #! line makes any file a script, text or not.
      shebang ??= chunk.subarray(0, 2).toString('latin1') === '#!';
      if (shebang || chunk.includes(0)) return { text: false, head, shebang };
      const decoded = decoder.decode(chunk, { stream: true });
      if (head.length < 512) head += decoded.slice(0, 512 - head.length);
    }
    decoder.decode();
  } catch {
    return { text: false, head, shebang: shebang === true };
  }
  return { text: true, head, shebang: false };
}

/**
 * The media type of a stored upload, from its bytes: `file-type` for binary formats, then a UTF-8
 * check for text (CSV by its name). Throws 415 for programs and scripts (#! lines included).
 */
export async function sniffFile(filePath: string, fileName: string): Promise<string> {
  checkFileName(fileName);
  const detected = await fileTypeFromFile(filePath);
  if (detected) {
    if (REFUSED_SNIFFED.has(detected.ext)) throw refusedType(fileName);
    return detected.mime;
  }
  const { text, head, shebang } = await readAsText(filePath);
  if (shebang) throw refusedType(fileName);
  if (!text) return 'application/octet-stream';
  const start = head.replace(/^\uFEFF/u, '').trimStart();
  if (start.startsWith('#!')) throw refusedType(fileName);
  if (MARKUP.test(start)) return /^<svg\b/i.test(start) ? 'image/svg+xml' : 'text/html';
  return path.extname(fileName).toLowerCase() === '.csv' ? 'text/csv' : 'text/plain';
}
