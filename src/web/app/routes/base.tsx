import type { QueryClient } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, Outlet, redirect, useLocation } from '@tanstack/react-router';
import { loadSession, meQuery } from '../../api/session.js';
import type { Me } from '../../api/types.js';
import { signedInStringsReady } from '../../i18n/index.js';
import { EnrolmentRequiredPage, ErrorPage, NotFoundPage } from '../page.js';
import { safeRedirect } from '../redirect.js';
import { page } from '../route-pages.js';
import { Shell } from '../shell.js';

/** The routes every other hangs from: the root (session loaded), sign-in, and the signed-in area. */
export interface RouterContext {
  queryClient: QueryClient;
  me?: Me | null;
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  beforeLoad: async () => {
    const me = await loadSession();
    // The signed-in pages' English strings (the fallback of every language) come with the session.
    if (me) await signedInStringsReady().catch(() => {});
    return { me };
  },
  component: Shell,
  notFoundComponent: NotFoundPage,
  errorComponent: ErrorPage,
});

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  beforeLoad: ({ context, search }) => {
    if (context.me) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: page.login,
});

/** Every page below needs a session; without one the reader is sent to sign in, and back afterwards. */
export const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: ({ context, location }) => {
    if (!context.me) throw redirect({ to: '/login', search: { redirect: location.href } });
    return { me: context.me };
  },
  component: SignedInOutlet,
});

/** Until a required second factor is enrolled, only the home and account pages are of any use. */
function SignedInOutlet() {
  const { data: me } = useQuery(meQuery);
  const { pathname } = useLocation();
  if (me?.mustEnrolTotp && pathname !== '/' && pathname !== '/account') return <EnrolmentRequiredPage />;
  return <Outlet />;
}
