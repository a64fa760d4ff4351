import type { QueryClient } from '@tanstack/react-query';
import { createRoute, createRouter, redirect } from '@tanstack/react-router';
import { isPlatformAdmin } from '../api/session.js';
import { moduleStringsReady } from '../i18n/index.js';
import { parseAlertSearch } from '../modules/exchange/alerts/alerts-api.js';
import { parseComposeSearch, parseMessageListSearch } from '../modules/exchange/messages/messages-api.js';
import { parseCommitmentSearch, parseNewCommitmentSearch } from '../modules/followup/commitments/commitments-search.js';
import { parseCycleSearch } from '../modules/followup/cycles/cycle-search.js';
import { parseActionListSearch, parseIndicatorListSearch } from '../modules/followup/dashboards/drill-search.js';
import { type ImportSearch, parseImportSearch } from '../modules/knowledge/imports/import-search.js';
import { type LibrarySearch, parseLibrarySearch } from '../modules/knowledge/library-search.js';
import { page } from './route-pages.js';
import { loginRoute, rootRoute, signedInRoute } from './routes/base.js';
import { referralRoutes } from './routes/referral.js';
import { watchlistRoutes } from './routes/watchlists.js';

export type { RouterContext } from './routes/base.js';

const homeRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/', component: page.home });
const accountRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/account', component: page.account });
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
  component: page.organisations,
});
const unitsRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/admin/units', component: page.units });
const usersRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/admin/users', component: page.users });
const sharingGroupsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/admin/sharing-groups',
  component: page.sharingGroups,
});

/** The knowledge library is open to everyone: signed-out visitors see what is public (TLP:CLEAR). */
const libraryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/library',
  validateSearch: (search: Record<string, unknown>): LibrarySearch => parseLibrarySearch(search),
  component: page.librarySearch,
});
const libraryDocumentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/library/documents',
  component: page.documents,
});
const libraryDocumentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/library/documents/$documentId',
  component: page.document,
});
/** One item: its citation and similar items from other documents, open like the library. */
const libraryItemRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/library/items/$itemId',
  component: page.item,
});
/** Country profiles: the world map of citations and one page per country, open like the library. */
const libraryCountriesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/library/countries',
  component: page.countries,
});
const libraryCountryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/library/countries/$code',
  component: page.country,
});

/** Review of library documents: curators only (the pages show "not allowed" to anyone else). */
const reviewListRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: () => moduleStringsReady('knowledge'),
  path: '/library/review',
  component: page.reviewList,
});
const reviewDocumentRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: () => moduleStringsReady('knowledge'),
  path: '/library/review/$documentId',
  component: page.reviewDocument,
});

/** Import of documents by curators (others see "not allowed"); `?import=<id>` follows one import. */
const libraryImportRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: () => moduleStringsReady('knowledge'),
  path: '/library/import',
  validateSearch: (search: Record<string, unknown>): ImportSearch => parseImportSearch(search),
  component: page.import,
});

/** The directory of units, functions and their holders: signed-in partners only. */
const directoryRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/directory', component: page.directory });
const directoryFunctionRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/directory/functions/$functionId',
  component: page.function,
});

/** Messages and requests for information between units: signed-in partners only. */
const messagesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/messages',
  validateSearch: parseMessageListSearch,
  component: page.messages,
});
const composeMessageRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/messages/new',
  validateSearch: parseComposeSearch,
  component: page.compose,
});
const messageRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/messages/$messageId', component: page.message });

/** Early-warning alerts: board with map, issuing, one alert with its correlations and feedback. */
const alertsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/alerts',
  validateSearch: parseAlertSearch,
  component: page.alerts,
});
const newAlertRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/alerts/new', component: page.newAlert });
const alertRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/alerts/$alertId', component: page.alert });

/** Review cycles of the follow-up: the list, opening one (secretariat), a cycle, a partner's report. */
const followupCyclesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: () => moduleStringsReady('followup'),
  path: '/followup/cycles',
  validateSearch: parseCycleSearch,
  component: page.followupCycles,
});
const followupNewCycleRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: () => moduleStringsReady('followup'),
  path: '/followup/cycles/new',
  component: page.followupNewCycle,
});
const followupCycleRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: () => moduleStringsReady('followup'),
  path: '/followup/cycles/$cycleId',
  component: page.followupCycle,
});
const followupReportRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: () => moduleStringsReady('followup'),
  path: '/followup/reports/$reportId',
  component: page.followupReport,
});
/** Follow-up dashboards: my organisation's, each action plan's, and the lists their figures open. */
const followupRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/followup', component: page.followupDashboard });
const followupPlanRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/followup/plans/$plan',
  component: page.followupPlan,
});
const followupActionsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/followup/actions',
  validateSearch: parseActionListSearch,
  component: page.followupActions,
});
const followupIndicatorsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/followup/indicators',
  validateSearch: parseIndicatorListSearch,
  component: page.followupIndicators,
});
/** An action plan's public progress (TLP:CLEAR only), open to anyone like the library. */
const progressRoute = createRoute({ getParentRoute: () => rootRoute, path: '/progress/$plan', component: page.progress });
/** Follow-up commitments: the list, a new commitment (from a library recommendation), one commitment. */
const commitmentsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/followup/commitments',
  validateSearch: parseCommitmentSearch,
  component: page.commitments,
});
const newCommitmentRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/followup/commitments/new',
  validateSearch: parseNewCommitmentSearch,
  component: page.newCommitment,
});
const commitmentRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/followup/commitments/$commitmentId',
  component: page.commitment,
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  libraryRoute,
  libraryDocumentsRoute,
  libraryDocumentRoute,
  libraryItemRoute,
  libraryCountriesRoute,
  libraryCountryRoute,
  progressRoute,
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
    followupCyclesRoute,
    followupNewCycleRoute,
    followupCycleRoute,
    followupReportRoute,
    followupRoute,
    followupPlanRoute,
    followupActionsRoute,
    followupIndicatorsRoute,
    commitmentsRoute,
    newCommitmentRoute,
    commitmentRoute,
    ...referralRoutes,
    ...watchlistRoutes,
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
