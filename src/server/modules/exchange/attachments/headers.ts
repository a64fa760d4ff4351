import type { FastifyReply } from 'fastify';
import { servedContentType } from './sniff.js';

/**
 * `Content-Disposition: attachment` with an ASCII fallback name and the exact name in RFC 8187
 * `filename*`, so Arabic or French names reach the user's disk intact while no quote, backslash or
 * line break can ever break out of the header.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7E]|["\\%]/g, '_').trim() || 'attachment';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Headers of every attachment download: never rendered in the app's origin, never cached. */
export function setDownloadHeaders(reply: FastifyReply, file: { filename: string; mediaType: string; size: number }) {
  reply
    .header('content-type', servedContentType(file.mediaType))
    .header('content-length', String(file.size))
    .header('content-disposition', contentDisposition(file.filename))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cache-control', 'private, no-store');
}
