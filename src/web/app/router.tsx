import { type QueryClient, useQuery } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
  useLocation,
} from '@tanstack/react-router';
import { isPlatformAdmin, loadSession, meQuery } from '../api/session.js';
import type { Me } from '../api/types.js';
import { moduleStringsReady, signedInStringsReady } from '../i18n/index.js';
import { parseAlertSearch } from '../modules/exchange/alerts/alerts-api.js';
import { parseComposeSearch, parseMessageListSearch } from '../modules/exchange/messages/messages-api.js';
import { parseCommitmentSearch, parseNewCommitmentSearch } from '../modules/followup/commitments/commitments-search.js';
import { parseCycleSearch } from '../modules/followup/cycles/cycle-search.js';
import { parseActionListSearch, parseIndicatorListSearch } from '../modules/followup/dashboards/drill-search.js';
import { type ImportSearch, parseImportSearch } from '../modules/knowledge/imports/import-search.js';
import { type LibrarySearch, parseLibrarySearch } from '../modules/knowledge/library-search.js';
import { parseCaseSearch } from '../modules/referral/cases/cases-search.js';
import { parseReferralSearch } from '../modules/referral/referrals/referrals-search.js';
import { parseServiceSearch } from '../modules/referral/services/services-search.js';
import { parseWatchlistSearch } from '../modules/watchlists/lists/lists-search.js';
import { parseReviewSearch } from '../modules/watchlists/review/review-search.js';
import { EnrolmentRequiredPage, ErrorPage, NotFoundPage } from './page.js';
import { safeRedirect } from './redirect.js';
import { page } from './route-pages.js';
import { Shell } from './shell.js';

export interface RouterContext {
  queryClient: QueryClient;
  me?: Me | null;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
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

const loginRoute = createRoute({
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

/** Referral pages wait for their English strings, fetched with the first of them. */
const referralStrings = () => moduleStringsReady('referral');

/** The services directory of identification and referral: providers, the map, one provider, adding and editing. */
const servicesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: referralStrings,
  path: '/services',
  validateSearch: parseServiceSearch,
  component: page.services,
});
const newServiceRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: referralStrings,
  path: '/services/new',
  component: page.newService,
});
const serviceRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: referralStrings,
  path: '/services/$providerId',
  component: page.service,
});
const editServiceRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: referralStrings,
  path: '/services/$providerId/edit',
  component: page.editService,
});

/** Cases of identification and referral: the list (filters in the address, never a name), a new case, one case. */
const casesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: referralStrings,
  path: '/cases',
  validateSearch: parseCaseSearch,
  component: page.cases,
});
const newCaseRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: referralStrings,
  path: '/cases/new',
  component: page.newCase,
});
const caseRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: referralStrings,
  path: '/cases/$caseId',
  component: page.case,
});

/** Referrals: the unit boxes (incoming, outgoing) and one referral with its answers. */
const referralsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: referralStrings,
  path: '/referrals',
  validateSearch: parseReferralSearch,
  component: lazyRouteComponent(() => import('../modules/referral/referrals/referrals-page.js'), 'ReferralsPage'),
});
const referralRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: referralStrings,
  path: '/referrals/$referralId',
  component: lazyRouteComponent(() => import('../modules/referral/referrals/referral-page.js'), 'ReferralPage'),
});

/** Referral statistics: suppressed tables, charts and the anonymised export. */
const referralStatisticsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: referralStrings,
  path: '/referral-statistics',
  component: lazyRouteComponent(() => import('../modules/referral/statistics/statistics-page.js'), 'StatisticsPage'),
});

/** Watch-list pages wait for their English strings, fetched with the first of them. */
const watchlistStrings = () => moduleStringsReady('watchlists');

/** Name screening against watch-lists: one name, a CSV batch and its progress, the review queue of hits, one hit. */
const screeningRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: watchlistStrings,
  path: '/screening',
  component: page.screening,
});
const screeningBatchesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: watchlistStrings,
  path: '/screening/batches',
  component: page.screeningBatches,
});
const screeningBatchRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: watchlistStrings,
  path: '/screening/batches/$batchId',
  component: page.screeningBatch,
});
const screeningReviewRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: watchlistStrings,
  path: '/screening/review',
  validateSearch: parseReviewSearch,
  component: page.screeningReview,
});
const screeningHitRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: watchlistStrings,
  path: '/screening/hits/$hitId',
  component: page.screeningHit,
});

/** Watch-lists: the lists one may see, a new list, one list with its entries and change feed. */
const watchlistsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: watchlistStrings,
  path: '/watchlists',
  validateSearch: parseWatchlistSearch,
  component: page.watchlists,
});
const newWatchlistRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: watchlistStrings,
  path: '/watchlists/new',
  component: page.newWatchlist,
});
const watchlistRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: watchlistStrings,
  path: '/watchlists/$listId',
  component: page.watchlist,
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
    servicesRoute,
    newServiceRoute,
    serviceRoute,
    editServiceRoute,
    casesRoute,
    newCaseRoute,
    caseRoute,
    referralsRoute,
    referralRoute,
    referralStatisticsRoute,
    screeningRoute,
    screeningBatchesRoute,
    screeningBatchRoute,
    screeningReviewRoute,
    screeningHitRoute,
    watchlistsRoute,
    newWatchlistRoute,
    watchlistRoute,
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
