import { queryOptions } from '@tanstack/react-query';
import type { HandlingCode } from '../../../../shared/handling-codes.js';
import type { ImportDetail, ImportPage, ImportSummary } from '../../../../shared/knowledge/imports/contract.js';
import type { ImportStatus } from '../../../../shared/knowledge/kinds.js';
import type { FileProblemSlug } from '../../../../shared/knowledge/problems.js';
import { PROBLEM_TYPE_PREFIX } from '../../../../shared/problems.js';
import { ApiError, api, ensureCsrfToken, setCsrfToken, withQuery } from '../../../api/client.js';

export const IMPORTS_API = '/api/v1/knowledge/imports';
export const MAX_FILES = 20;
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const FILE_EXTENSIONS = ['.txt', '.md', '.pdf', '.docx'] as const;
/** Translation key of each code's plain-words explanation (i18next reads ':' as a namespace separator). */
export const CODE_KEYS: Record<HandlingCode, string> = {
  'TLP:RED': 'red',
  'TLP:AMBER+STRICT': 'amberStrict',
  'TLP:AMBER': 'amber',
  'TLP:GREEN': 'green',
  'TLP:CLEAR': 'clear',
};

export type { ImportDetail, ImportFile, ImportSummary } from '../../../../shared/knowledge/imports/contract.js';
export type { FileStatus, ImportStatus } from '../../../../shared/knowledge/kinds.js';

export const isFinished = (status: ImportStatus | undefined) => status === 'done' || status === 'failed';

/**
 * What an import amounts to for the person who ran it: a job that ended is not a success when a
 * file failed (`partial`, or `failed` when none was stored) or when a stored file held no item (`empty`).
 */
export type ImportOutcome = 'queued' | 'running' | 'done' | 'partial' | 'empty' | 'failed';

export function importOutcome(summary: Pick<ImportSummary, 'status' | 'fileCounts'>): ImportOutcome {
  const { status, fileCounts: counts } = summary;
  if (!isFinished(status)) return status as 'queued' | 'running';
  if (status === 'failed' || (counts.total > 0 && counts.failed === counts.total)) return 'failed';
  if (counts.failed > 0) return 'partial';
  if (counts.empty > 0) return 'empty';
  return 'done';
}

export const OUTCOME_COLOURS: Record<ImportOutcome, string> = {
  queued: 'gray',
  running: 'blue',
  done: 'green',
  partial: 'orange',
  empty: 'yellow',
  failed: 'red',
};

export const importKeys = {
  all: ['knowledge', 'imports'] as const,
  one: (id: string) => ['knowledge', 'imports', 'one', id] as const,
  recent: (page: number) => ['knowledge', 'imports', 'recent', page] as const,
};

/** One import, asked again every second until the job has finished. */
export const importQuery = (id: string) =>
  queryOptions({
    queryKey: importKeys.one(id),
    queryFn: () => api.get<ImportDetail>(`${IMPORTS_API}/${encodeURIComponent(id)}`),
    refetchInterval: (query) => (isFinished(query.state.data?.status) ? false : 1000),
    staleTime: 0,
  });

export const RECENT_PER_PAGE = 10;
/** A page of recent imports, asked again every two seconds while one of them is still running. */
export const recentImportsQuery = (page: number) =>
  queryOptions({
    queryKey: importKeys.recent(page),
    queryFn: () => api.get<ImportPage>(withQuery(IMPORTS_API, { limit: RECENT_PER_PAGE, offset: (page - 1) * RECENT_PER_PAGE })),
    refetchInterval: (query) => (query.state.data?.items.some((item) => !isFinished(item.status)) ? 2000 : false),
    staleTime: 0,
  });

/** The review page of a document (built by the review area). */
export const reviewPath = (documentId: string) => `/library/review/${encodeURIComponent(documentId)}`;

/** What the server would refuse about a chosen file, checked before sending it; null when it looks fine. */
export function fileProblem(file: File): Extract<FileProblemSlug, 'unsupported-format' | 'too-large' | 'empty-document'> | null {
  const dot = file.name.lastIndexOf('.');
  const extension = dot >= 0 ? file.name.slice(dot).toLowerCase() : '';
  if (!(FILE_EXTENSIONS as readonly string[]).includes(extension)) return 'unsupported-format';
  if (file.size > MAX_FILE_BYTES) return 'too-large';
  if (file.size === 0) return 'empty-document';
  return null;
}

/** A refused upload; `fileName` names the file the server refused, when it was about one file. */
export class UploadError extends ApiError {
  constructor(
    status: number,
    slug: string,
    detail: string,
    readonly fileName: string | null,
  ) {
    super(status, slug, detail);
  }
}

async function problemOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { type?: string; detail?: string; title?: string; fileName?: unknown };
    const slug = (body.type ?? '').replace(PROBLEM_TYPE_PREFIX, '');
    const fileName = typeof body.fileName === 'string' ? body.fileName : null;
    return new UploadError(response.status, slug, body.detail ?? body.title ?? '', fileName);
  } catch {
    return new ApiError(response.status, 'http-error', '');
  }
}

const post = async (url: string, form: FormData) =>
  fetch(url, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'x-csrf-token': await ensureCsrfToken() },
  });

/**
 * Sends the files as multipart/form-data (the JSON client cannot). Like the JSON client, a CSRF token
 * from an earlier session is replaced once and the upload sent again.
 */
export async function postForm<T>(url: string, form: FormData): Promise<T> {
  let response = await post(url, form);
  if (response.status === 403 && (await problemOf(response.clone())).slug === 'csrf') {
    setCsrfToken(null);
    response = await post(url, form);
  }
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as T;
}

export const uploadImport = (form: FormData) => postForm<ImportDetail>(IMPORTS_API, form);
