/**
 * The one way the web app talks to the API: JSON in and out, problems turned into ApiError,
 * the CSRF token sent on every state-changing request, and a lost session reported once.
 */

import type { CsrfToken } from '../../shared/auth/contract.js';
import { PROBLEM_STATUS, PROBLEM_TYPE_PREFIX, type ProblemCatalogue } from '../../shared/problems.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The problem's slug, e.g. `invalid-credentials` (from `urn:liaison:problem:invalid-credentials`). */
    readonly slug: string,
    /** The server's own words, in English: for logs and English readers, never shown in another language. */
    readonly detail: string,
    /** The fields the problem names (`body/title`, `query/q`), from a schema refusal or a control character. */
    readonly fields: readonly string[] = [],
  ) {
    super(detail || `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, status?: number, slug?: string): error is ApiError {
  return (
    error instanceof ApiError && (status === undefined || error.status === status) && (slug === undefined || error.slug === slug)
  );
}

/**
 * Whether the error is problem `slug` of a capability's catalogue (src/shared/…/problems.ts), at the
 * status its kind fixes: a slug renamed or removed on the server no longer compiles here.
 */
export function isProblem<C extends ProblemCatalogue>(error: unknown, catalogue: C, slug: keyof C & string): error is ApiError {
  return isApiError(error, PROBLEM_STATUS[catalogue[slug]], slug);
}

// Kept in memory only: a token in localStorage would outlive the session and be readable by any script.
let csrfToken: string | null = null;
let pendingCsrf: Promise<string> | null = null;
let sessionLostHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when any request (other than sign-in and the quiet session probe) answers 401. */
export function onSessionLost(handler: () => void) {
  sessionLostHandler = handler;
}

export async function ensureCsrfToken(): Promise<string> {
  if (csrfToken) return csrfToken;
  pendingCsrf ??= request<CsrfToken>('GET', '/api/v1/auth/csrf')
    .then((answer) => {
      csrfToken = answer.csrfToken;
      return answer.csrfToken;
    })
    .finally(() => {
      pendingCsrf = null;
    });
  return pendingCsrf;
}

interface RequestOptions {
  /** Do not report a 401 as a lost session (sign-in, and the probe that asks whether we are signed in). */
  quiet401?: boolean;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';

async function toApiError(response: Response): Promise<ApiError> {
  let slug = 'http-error';
  let detail = '';
  let fields: string[] = [];
  try {
    const body = (await response.json()) as ProblemBody;
    if (typeof body.type === 'string' && body.type.startsWith(PROBLEM_TYPE_PREFIX))
      slug = body.type.slice(PROBLEM_TYPE_PREFIX.length);
    detail = body.detail ?? body.title ?? '';
    fields = fieldsOf(body);
  } catch {
    // Not JSON (a proxy's error page, a network cut): the status is all we know.
  }
  return new ApiError(response.status, slug, detail, fields);
}

interface ProblemBody {
  type?: string;
  title?: string;
  detail?: string;
  field?: string;
  errors?: { path?: string }[];
}

function fieldsOf(body: ProblemBody): string[] {
  const paths = [body.field, ...(Array.isArray(body.errors) ? body.errors.map((error) => error?.path) : [])];
  return [...new Set(paths.filter((path): path is string => typeof path === 'string' && path !== ''))];
}

async function send(method: Method, path: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  return fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const isLogin = path === '/api/v1/auth/login';
  if (method !== 'GET' && !isLogin && !csrfToken) await ensureCsrfToken();
  let response = await send(method, path, body);
  if (response.status === 403 && method !== 'GET' && !isLogin) {
    const error = await toApiError(response.clone());
    if (error.slug === 'csrf') {
      // The token belonged to an earlier session (e.g. signed in again in another tab): fetch a fresh one once.
      csrfToken = null;
      await ensureCsrfToken();
      response = await send(method, path, body);
    }
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401 && !isLogin && !options.quiet401) {
      csrfToken = null;
      sessionLostHandler?.();
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body ?? {}, options),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** Builds `path?x=1&y=2`, leaving out empty values. */
export function withQuery(path: string, params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
