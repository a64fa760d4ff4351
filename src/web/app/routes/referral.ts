import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { moduleStringsReady } from '../../i18n/index.js';
import { parseCaseSearch } from '../../modules/referral/cases/cases-search.js';
import { parseReferralSearch } from '../../modules/referral/referrals/referrals-search.js';
import { parseServiceSearch } from '../../modules/referral/services/services-search.js';
import { page } from '../route-pages.js';
import { signedInRoute } from './base.js';

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
  component: lazyRouteComponent(() => import('../../modules/referral/referrals/referrals-page.js'), 'ReferralsPage'),
});
const referralRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: referralStrings,
  path: '/referrals/$referralId',
  component: lazyRouteComponent(() => import('../../modules/referral/referrals/referral-page.js'), 'ReferralPage'),
});

/** Referral statistics: suppressed tables, charts and the anonymised export. */
const referralStatisticsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: referralStrings,
  path: '/referral-statistics',
  component: lazyRouteComponent(() => import('../../modules/referral/statistics/statistics-page.js'), 'StatisticsPage'),
});

/** The identification and referral pages, in the order the router tries them. */
export const referralRoutes = [
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
] as const;
