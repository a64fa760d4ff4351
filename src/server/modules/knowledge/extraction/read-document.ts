import { createHash } from 'node:crypto';
import path from 'node:path';
import { getDocumentProxy } from 'unpdf';
import { readDocxStructure } from './docx-structure.js';
import { type PdfLayout, readPdfLayout } from './pdf-layout.js';

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.pdf', '.docx'] as const;

/** Why a file cannot be ingested; `slug` is the problem type, the message is for people. */
export class DocumentError extends Error {
  constructor(
    readonly slug: 'unsupported-format' | 'empty-document' | 'too-large' | 'corrupt-document' | 'encrypted-pdf' | 'no-text-layer',
    message: string,
  ) {
    super(message);
  }
}

export interface DocumentText {
  text: string;
  sha256: string;
  /** Page of a 1-based line of `text`, for sources that have pages (PDF). */
  pageOfLine(line: number): number | null;
}

const noPages = () => null;

function decodeText(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    // Older office exports are often Windows-1252.
    return new TextDecoder('windows-1252').decode(data);
  }
}

async function readPdf(data: Uint8Array, name: string): Promise<Omit<DocumentText, 'sha256'>> {
  if (Buffer.from(data.subarray(0, 5)).toString('latin1') !== '%PDF-') {
    throw new DocumentError('corrupt-document', `${name} is not a PDF file (no %PDF header).`);
  }
  let layout: PdfLayout;
  let pageCount: number;
  try {
    const pdf = await getDocumentProxy(new Uint8Array(data));
    pageCount = pdf.numPages;
    layout = await readPdfLayout(pdf);
  } catch (error) {
    if ((error as { name?: string }).name === 'PasswordException') {
      throw new DocumentError('encrypted-pdf', `${name} is encrypted; save it without a password and try again.`);
    }
    throw new DocumentError('corrupt-document', `${name} is damaged and cannot be read as a PDF.`);
  }
  if (layout.letters < 20 * Math.max(1, pageCount) && layout.letters < 200) {
    throw new DocumentError('no-text-layer', `${name} has no text layer (a scan?); run text recognition (OCR) on it first.`);
  }
  return {
    text: layout.text,
    pageOfLine: (line) => layout.pages[Math.min(Math.max(line, 1), layout.pages.length) - 1] ?? null,
  };
}

async function readDocx(data: Uint8Array, name: string): Promise<string> {
  try {
    return await readDocxStructure(data);
  } catch {
    throw new DocumentError('corrupt-document', `${name} is damaged and cannot be read as a Word document.`);
  }
}

/** Reads the text of an outcome document, refusing what cannot be ingested with a clear reason. */
export async function readDocument(fileName: string, data: Uint8Array): Promise<DocumentText> {
  const name = path.basename(fileName);
  const extension = path.extname(name).toLowerCase();
  if (!(DOCUMENT_EXTENSIONS as readonly string[]).includes(extension)) {
    throw new DocumentError('unsupported-format', `${name}: only ${DOCUMENT_EXTENSIONS.join(', ')} files can be ingested.`);
  }
  if (data.byteLength > MAX_DOCUMENT_BYTES) {
    throw new DocumentError('too-large', `${name} is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`);
  }
  if (data.byteLength === 0) throw new DocumentError('empty-document', `${name} is empty.`);
  const sha256 = createHash('sha256').update(data).digest('hex');
  let read: Omit<DocumentText, 'sha256'>;
  if (extension === '.pdf') read = await readPdf(data, name);
  else if (extension === '.docx') read = { text: await readDocx(data, name), pageOfLine: noPages };
  else read = { text: decodeText(data), pageOfLine: noPages };
  const text = read.text.normalize('NFC');
  if (!text.trim()) throw new DocumentError('empty-document', `${name} contains no text.`);
  return { ...read, text, sha256 };
}
