import { QueryClient, queryOptions } from '@tanstack/react-query';
import { ApiError, api, ensureCsrfToken, setCsrfToken } from './client.js';
import type { LoginAnswer, Me, Role, SessionAnswer } from './types.js';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retrying a refusal or a missing record only delays the message the reader needs to see.
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
    },
  },
});

export const ME_KEY = ['me'] as const;

/**
 * Who is signed in, or null. Asked of the session probe, which answers 200 with `me: null` for the
 * public, so a public page's first request logs no failed resource in the browser's console.
 */
export const meQuery = queryOptions({
  queryKey: ME_KEY,
  queryFn: async (): Promise<Me | null> => (await api.get<SessionAnswer>('/api/v1/auth/session', { quiet401: true })).me,
  staleTime: 5 * 60_000,
});

/** Loads the session (from cache if known) and, when signed in, the CSRF token for this page load. */
export async function loadSession(): Promise<Me | null> {
  const me = await queryClient.ensureQueryData(meQuery);
  // Fetched alongside, not awaited: only a change needs it, and a change waits for it (client.ts).
  if (me) ensureCsrfToken().catch(() => {});
  return me;
}

export interface Credentials {
  email: string;
  password: string;
  totp?: string;
  recoveryCode?: string;
}

export async function signIn(credentials: Credentials): Promise<Me> {
  const answer = await api.post<LoginAnswer>('/api/v1/auth/login', credentials);
  queryClient.clear();
  setCsrfToken(answer.csrfToken);
  queryClient.setQueryData(ME_KEY, answer.me);
  return answer.me;
}

/** Forgets everything this page knew about the session (after sign-out or when the server says 401). */
export function forgetSession() {
  setCsrfToken(null);
  queryClient.clear();
  queryClient.setQueryData(ME_KEY, null);
}

export async function signOut() {
  try {
    await api.post<void>('/api/v1/auth/logout', {}, { quiet401: true });
  } finally {
    forgetSession();
  }
}

export function hasRole(me: Me | null | undefined, ...roles: Role[]): boolean {
  return !!me && roles.some((role) => me.roles.includes(role));
}

export const isAdministrator = (me: Me | null | undefined) => hasRole(me, 'platform_admin', 'org_admin');
export const isPlatformAdmin = (me: Me | null | undefined) => hasRole(me, 'platform_admin');
