import { lazyRouteComponent } from '@tanstack/react-router';

/**
 * Every page is its own chunk, fetched when its route is first entered: the first load carries the
 * shell and the page shown, not the whole app (the map, the charts and the editors stay behind).
 * Search parsing and guards stay in router.tsx, in the eager route definitions, so they run before the page
 * loads; they live in small files that do not import the pages.
 */
export const page = {
  login: lazyRouteComponent(() => import('../modules/auth/login-page.js'), 'LoginPage'),
  home: lazyRouteComponent(() => import('../modules/home/home-page.js'), 'HomePage'),
  account: lazyRouteComponent(() => import('../modules/account/account-page.js'), 'AccountPage'),
  organisations: lazyRouteComponent(
    () => import('../modules/administration/organisations/organisations-page.js'),
    'OrganisationsPage',
  ),
  units: lazyRouteComponent(() => import('../modules/administration/units/units-page.js'), 'UnitsPage'),
  users: lazyRouteComponent(() => import('../modules/administration/users/users-page.js'), 'UsersPage'),
  sharingGroups: lazyRouteComponent(
    () => import('../modules/administration/sharing-groups/sharing-groups-page.js'),
    'SharingGroupsPage',
  ),
  librarySearch: lazyRouteComponent(() => import('../modules/knowledge/search/search-page.js'), 'LibrarySearchPage'),
  documents: lazyRouteComponent(() => import('../modules/knowledge/search/documents-page.js'), 'DocumentsPage'),
  document: lazyRouteComponent(() => import('../modules/knowledge/search/document-page.js'), 'DocumentPage'),
  item: lazyRouteComponent(() => import('../modules/knowledge/items/item-page.js'), 'ItemPage'),
  countries: lazyRouteComponent(() => import('../modules/knowledge/countries/countries-page.js'), 'CountriesPage'),
  country: lazyRouteComponent(() => import('../modules/knowledge/countries/country-page.js'), 'CountryPage'),
  reviewList: lazyRouteComponent(() => import('../modules/knowledge/review/review-list-page.js'), 'ReviewListPage'),
  reviewDocument: lazyRouteComponent(() => import('../modules/knowledge/review/review-document-page.js'), 'ReviewDocumentPage'),
  import: lazyRouteComponent(() => import('../modules/knowledge/imports/import-page.js'), 'ImportPage'),
  directory: lazyRouteComponent(() => import('../modules/exchange/directory/directory-page.js'), 'DirectoryPage'),
  function: lazyRouteComponent(() => import('../modules/exchange/directory/function-page.js'), 'FunctionPage'),
  messages: lazyRouteComponent(() => import('../modules/exchange/messages/messages-page.js'), 'MessagesPage'),
  compose: lazyRouteComponent(() => import('../modules/exchange/messages/compose-page.js'), 'ComposePage'),
  message: lazyRouteComponent(() => import('../modules/exchange/messages/message-page.js'), 'MessagePage'),
  alerts: lazyRouteComponent(() => import('../modules/exchange/alerts/alerts-page.js'), 'AlertsPage'),
  newAlert: lazyRouteComponent(() => import('../modules/exchange/alerts/new-alert-page.js'), 'NewAlertPage'),
  alert: lazyRouteComponent(() => import('../modules/exchange/alerts/alert-page.js'), 'AlertPage'),
  followupCycles: lazyRouteComponent(() => import('../modules/followup/cycles/cycles-page.js'), 'CyclesPage'),
  followupNewCycle: lazyRouteComponent(() => import('../modules/followup/cycles/new-cycle-page.js'), 'NewCyclePage'),
  followupCycle: lazyRouteComponent(() => import('../modules/followup/cycles/cycle-page.js'), 'CyclePage'),
  followupReport: lazyRouteComponent(() => import('../modules/followup/cycles/report-page.js'), 'ReportPage'),
  followupDashboard: lazyRouteComponent(
    () => import('../modules/followup/dashboards/partner-dashboard-page.js'),
    'PartnerDashboardPage',
  ),
  followupPlan: lazyRouteComponent(() => import('../modules/followup/dashboards/plan-dashboard-page.js'), 'PlanDashboardPage'),
  followupActions: lazyRouteComponent(() => import('../modules/followup/dashboards/drill-pages.js'), 'ActionsPage'),
  followupIndicators: lazyRouteComponent(() => import('../modules/followup/dashboards/drill-pages.js'), 'IndicatorsPage'),
  progress: lazyRouteComponent(() => import('../modules/followup/dashboards/progress-page.js'), 'ProgressPage'),
  commitments: lazyRouteComponent(() => import('../modules/followup/commitments/commitments-page.js'), 'CommitmentsPage'),
  newCommitment: lazyRouteComponent(() => import('../modules/followup/commitments/new-commitment-page.js'), 'NewCommitmentPage'),
  commitment: lazyRouteComponent(() => import('../modules/followup/commitments/commitment-page.js'), 'CommitmentPage'),
  screening: lazyRouteComponent(() => import('../modules/watchlists/screening/screening-page.js'), 'ScreeningPage'),
  screeningBatches: lazyRouteComponent(() => import('../modules/watchlists/batches/batches-page.js'), 'BatchesPage'),
  screeningBatch: lazyRouteComponent(() => import('../modules/watchlists/batches/batch-page.js'), 'BatchPage'),
  screeningReview: lazyRouteComponent(() => import('../modules/watchlists/review/review-page.js'), 'ReviewPage'),
  screeningHit: lazyRouteComponent(() => import('../modules/watchlists/review/hit-page.js'), 'HitPage'),
  cases: lazyRouteComponent(() => import('../modules/referral/cases/cases-page.js'), 'CasesPage'),
  newCase: lazyRouteComponent(() => import('../modules/referral/cases/new-case-page.js'), 'NewCasePage'),
  case: lazyRouteComponent(() => import('../modules/referral/cases/case-page.js'), 'CasePage'),
  services: lazyRouteComponent(() => import('../modules/referral/services/services-page.js'), 'ServicesPage'),
  newService: lazyRouteComponent(() => import('../modules/referral/services/provider-form-pages.js'), 'NewProviderPage'),
  service: lazyRouteComponent(() => import('../modules/referral/services/provider-page.js'), 'ProviderPage'),
  editService: lazyRouteComponent(() => import('../modules/referral/services/provider-form-pages.js'), 'EditProviderPage'),
};
