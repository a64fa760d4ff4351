import { type QueryClient, useQuery } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, Outlet, redirect, useLocation } from '@tanstack/react-router';
import { isPlatformAdmin, loadSession, meQuery } from '../api/session.js';
import type { Me } from '../api/types.js';
import { AccountPage } from '../modules/account/account-page.js';
import { OrganisationsPage } from '../modules/administration/organisations/organisations-page.js';
import { SharingGroupsPage } from '../modules/administration/sharing-groups/sharing-groups-page.js';
import { UnitsPage } from '../modules/administration/units/units-page.js';
import { UsersPage } from '../modules/administration/users/users-page.js';
import { LoginPage } from '../modules/auth/login-page.js';
import { AlertPage, AlertsPage, NewAlertPage, parseAlertSearch } from '../modules/exchange/alerts/alerts-pages.js';
import { DirectoryPage } from '../modules/exchange/directory/directory-page.js';
import { FunctionPage } from '../modules/exchange/directory/function-page.js';
import { ComposePage } from '../modules/exchange/messages/compose-page.js';
import { MessagePage } from '../modules/exchange/messages/message-page.js';
import { parseComposeSearch, parseMessageListSearch } from '../modules/exchange/messages/messages-api.js';
import { MessagesPage } from '../modules/exchange/messages/messages-page.js';
import { HomePage } from '../modules/home/home-page.js';
import { LazyCountriesPage, LazyCountryPage } from '../modules/knowledge/countries/lazy-pages.js';
import { ImportPage, type ImportSearch, parseImportSearch } from '../modules/knowledge/imports/import-page.js';
import { ItemPage } from '../modules/knowledge/items/item-page.js';
import { type LibrarySearch, parseLibrarySearch } from '../modules/knowledge/knowledge.js';
import { ReviewDocumentPage } from '../modules/knowledge/review/review-document-page.js';
import { ReviewListPage } from '../modules/knowledge/review/review-list-page.js';
import { DocumentPage } from '../modules/knowledge/search/document-page.js';
import { DocumentsPage } from '../modules/knowledge/search/documents-page.js';
import { LibrarySearchPage } from '../modules/knowledge/search/search-page.js';
import { EnrolmentRequiredPage, ErrorPage, NotFoundPage } from './page.js';
import { safeRedirect } from './redirect.js';
import { Shell } from './shell.js';

export interface RouterContext {
  queryClient: QueryClient;
  me?: Me | null;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  beforeLoad: async () => ({ me: await loadSession() }),
  component: Shell,
  notFoundComponent: NotFoundPage,
  errorComponent: ErrorPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  beforeLoad: ({ context, search }) => {
    if (context.me) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: LoginPage,
});

/** Every page below needs a session; without one the reader is sent to sign in, and back afterwards. */
const signedInRoute = createRoute({
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

const homeRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/', component: HomePage });
const accountRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/account', component: AccountPage });
const adminIndexRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/admin',
  beforeLoad: ({ context }) => {
    throw redirect({ to: isPlatformAdmin(context.me) ? '/admin/organisations' : '/admin/users' });
  },
});
const organisationsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/admin/organisations',
  component: OrganisationsPage,
});
const unitsRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/admin/units', component: UnitsPage });
const usersRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/admin/users', component: UsersPage });
const sharingGroupsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/admin/sharing-groups',
  component: SharingGroupsPage,
});

/** The knowledge library is open to everyone: signed-out visitors see what is public (TLP:CLEAR). */
const libraryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/library',
  validateSearch: (search: Record<string, unknown>): LibrarySearch => parseLibrarySearch(search),
  component: LibrarySearchPage,
});
const libraryDocumentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/library/documents',
  component: DocumentsPage,
});
const libraryDocumentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/library/documents/$documentId',
  component: DocumentPage,
});
/** One item: its citation and similar items from other documents, open like the library. */
const libraryItemRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/library/items/$itemId',
  component: ItemPage,
});
/** Country profiles: the world map of citations and one page per country, open like the library. */
const libraryCountriesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/library/countries',
  component: LazyCountriesPage,
});
const libraryCountryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/library/countries/$code',
  component: LazyCountryPage,
});

/** Review of library documents: curators only (the pages show "not allowed" to anyone else). */
const reviewListRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/library/review', component: ReviewListPage });
const reviewDocumentRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/library/review/$documentId',
  component: ReviewDocumentPage,
});

/** Import of documents by curators (others see "not allowed"); `?import=<id>` follows one import. */
const libraryImportRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/library/import',
  validateSearch: (search: Record<string, unknown>): ImportSearch => parseImportSearch(search),
  component: ImportPage,
});

/** The directory of units, functions and their holders: signed-in partners only. */
const directoryRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/directory', component: DirectoryPage });
const directoryFunctionRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/directory/functions/$functionId',
  component: FunctionPage,
});

/** Messages and requests for information between units: signed-in partners only. */
const messagesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/messages',
  validateSearch: parseMessageListSearch,
  component: MessagesPage,
});
const composeMessageRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/messages/new',
  validateSearch: parseComposeSearch,
  component: ComposePage,
});
const messageRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/messages/$messageId', component: MessagePage });

/** Early-warning alerts: board with map, issuing, one alert with its correlations and feedback. */
const alertsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/alerts',
  validateSearch: parseAlertSearch,
  component: AlertsPage,
});
const newAlertRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/alerts/new', component: NewAlertPage });
const alertRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/alerts/$alertId', component: AlertPage });

const routeTree = rootRoute.addChildren([
  loginRoute,
  libraryRoute,
  libraryDocumentsRoute,
  libraryDocumentRoute,
  libraryItemRoute,
  libraryCountriesRoute,
  libraryCountryRoute,
  signedInRoute.addChildren([
    homeRoute,
    accountRoute,
    adminIndexRoute,
    organisationsRoute,
    unitsRoute,
    usersRoute,
    sharingGroupsRoute,
    reviewListRoute,
    reviewDocumentRoute,
    libraryImportRoute,
    directoryRoute,
    directoryFunctionRoute,
    messagesRoute,
    composeMessageRoute,
    messageRoute,
    alertsRoute,
    newAlertRoute,
    alertRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: false,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
