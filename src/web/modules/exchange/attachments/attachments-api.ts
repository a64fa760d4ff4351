import type { UploadedAttachment } from '../../../../shared/exchange/attachments/contract.js';
import type { AttachmentProblem } from '../../../../shared/exchange/attachments/problems.js';
import { PROBLEM_TYPE_PREFIX } from '../../../../shared/problems.js';
import { ApiError, ensureCsrfToken, setCsrfToken } from '../../../api/client.js';

export type { AttachmentSummary, UploadedAttachment } from '../../../../shared/exchange/attachments/contract.js';
/** As the server enforces them; checked here first so nobody waits for a 30 MB upload to be refused. */
export {
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_MESSAGE as MAX_ATTACHMENTS,
} from '../../../../shared/exchange/attachments/limits.js';

export const ATTACHMENTS_API = '/api/v1/attachments';

export const attachmentDownloadUrl = (messageId: string, attachmentId: string) =>
  `/api/v1/messages/${encodeURIComponent(messageId)}/attachments/${encodeURIComponent(attachmentId)}`;

function problemOf(xhr: XMLHttpRequest): ApiError {
  try {
    const body = JSON.parse(xhr.responseText) as { type?: string; detail?: string; title?: string };
    const slug = typeof body.type === 'string' ? body.type.replace(PROBLEM_TYPE_PREFIX, '') : 'http-error';
    return new ApiError(xhr.status, slug, body.detail ?? body.title ?? '');
  } catch {
    return new ApiError(xhr.status, xhr.status === 0 ? 'network' : 'http-error', '');
  }
}

/** One XMLHttpRequest (fetch cannot report upload progress), resolving with the status and the request. */
function post(url: string, file: File, token: string, onProgress: (fraction: number) => void, signal: AbortSignal) {
  return new Promise<XMLHttpRequest>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => resolve(xhr);
    xhr.onerror = () => reject(new ApiError(0, 'network', ''));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/**
 * Uploads one file (multipart, field `file`) to `url` with progress (0…1). Like the JSON client, a
 * CSRF token from an earlier session is replaced once and the upload sent again.
 */
export async function uploadFile<T>(
  url: string,
  file: File,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<T> {
  let xhr = await post(url, file, await ensureCsrfToken(), onProgress, signal);
  if (xhr.status === 403 && problemOf(xhr).slug === 'csrf') {
    setCsrfToken(null);
    xhr = await post(url, file, await ensureCsrfToken(), onProgress, signal);
  }
  if (xhr.status !== 201) throw problemOf(xhr);
  return JSON.parse(xhr.responseText) as T;
}

/** Uploads one attachment of a message. */
export const uploadAttachment = (file: File, onProgress: (fraction: number) => void, signal: AbortSignal) =>
  uploadFile<UploadedAttachment>(ATTACHMENTS_API, file, onProgress, signal);

/**
 * Problems a person can act on, translated by slug (`attachments.problems.<slug>`); anything else is
 * shown with the server's own sentence. The slugs are the server's catalogue's, so a renamed one
 * breaks the build; `network` is the browser's own.
 */
export const KNOWN_PROBLEMS = ['too-large', 'refused-file-type', 'empty-file', 'network'] as const satisfies readonly (
  | AttachmentProblem
  | 'network'
)[];

/** Translation key of a media type's plain name; unknown types are shown as they are. */
export function typeKey(mediaType: string): string | null {
  if (mediaType === 'application/pdf') return 'pdf';
  if (mediaType.startsWith('image/') && mediaType !== 'image/svg+xml') return 'image';
  if (mediaType.includes('wordprocessingml') || mediaType === 'application/vnd.oasis.opendocument.text') return 'document';
  if (mediaType.includes('spreadsheetml') || mediaType === 'application/vnd.oasis.opendocument.spreadsheet') return 'spreadsheet';
  if (mediaType.includes('presentationml') || mediaType === 'application/vnd.oasis.opendocument.presentation')
    return 'presentation';
  if (mediaType === 'text/plain') return 'text';
  if (mediaType === 'text/csv') return 'csv';
  return null;
}
