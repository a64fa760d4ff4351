import type { OrganisationKind, Role } from '../../shared/roles.js';

/**
 * The people and organisations of the identification and referral demo, added to the demo by the
 * referral demo itself (the main demo's list stays as it is: other demos and tests count it).
 * A Spanish anti-trafficking NGO refers a person to Nigeria's anti-trafficking agency; both have a
 * shelter and reintegration unit and a transnational referral desk. Organisation of the NGO and all
 * the people are fictional; accounts follow the demo pattern `<prefix>.<key>@liaison.demo`.
 */
export interface ReferralDemoOrganisation {
  key: string;
  name: string;
  acronym: string;
  country: string;
  kind: OrganisationKind;
  units: string[];
}

export interface ReferralDemoAccount {
  /** `<prefix>.<organisation key>@liaison.demo`. */
  email: string;
  name: string;
  /** Key of a demo organisation (this list or the main demo's). */
  organisation: string;
  roles: Role[];
  /** Unit names of the organisation; supervisors and administrators sit in none. */
  units: string[];
}

export const NGO_ES_UNITS = {
  shelter: 'Shelter and reintegration programme',
  desk: 'Transnational referral desk',
} as const;
export const NG_UNITS = {
  reintegration: 'Shelter and reintegration, Lagos zonal command',
  desk: 'Transnational referral desk',
} as const;

export const REFERRAL_DEMO_ORGANISATIONS: readonly ReferralDemoOrganisation[] = [
  {
    key: 'ngo-es',
    name: 'Fundación Camino de Esperanza (fictional anti-trafficking NGO)',
    acronym: 'FCE',
    country: 'ES',
    kind: 'ngo',
    units: [NGO_ES_UNITS.shelter, NGO_ES_UNITS.desk],
  },
  {
    key: 'ng',
    name: 'National Agency for the Prohibition of Trafficking in Persons',
    acronym: 'NAPTIP',
    country: 'NG',
    kind: 'government_agency',
    units: [NG_UNITS.reintegration, NG_UNITS.desk],
  },
];

export const REFERRAL_DEMO_ACCOUNTS: readonly ReferralDemoAccount[] = [
  {
    email: 'caseworker.ngo-es@liaison.demo',
    name: 'Rocío Ficticia',
    organisation: 'ngo-es',
    roles: ['case_worker'],
    units: [NGO_ES_UNITS.desk, NGO_ES_UNITS.shelter],
  },
  {
    email: 'caseworker2.ngo-es@liaison.demo',
    name: 'Daniel Inventado',
    organisation: 'ngo-es',
    roles: ['case_worker'],
    units: [NGO_ES_UNITS.shelter],
  },
  {
    email: 'supervisor.ngo-es@liaison.demo',
    name: 'Carmen Supuesta',
    organisation: 'ngo-es',
    roles: ['case_supervisor'],
    units: [],
  },
  { email: 'orgadmin.ngo-es@liaison.demo', name: 'Alba Ejemplar', organisation: 'ngo-es', roles: ['org_admin'], units: [] },
  {
    email: 'analyst.ngo-es@liaison.demo',
    name: 'Sergio Hipotético',
    organisation: 'ngo-es',
    roles: ['analyst'],
    units: [NGO_ES_UNITS.desk],
  },
  {
    email: 'caseworker.ng@liaison.demo',
    name: 'Chiamaka Fictional-Eze',
    organisation: 'ng',
    roles: ['case_worker'],
    units: [NG_UNITS.reintegration, NG_UNITS.desk],
  },
  {
    email: 'caseworker2.ng@liaison.demo',
    name: 'Tunde Sample-Adeyemi',
    organisation: 'ng',
    roles: ['case_worker'],
    units: [NG_UNITS.desk],
  },
  { email: 'supervisor.ng@liaison.demo', name: 'Ngozi Demo-Obi', organisation: 'ng', roles: ['case_supervisor'], units: [] },
  { email: 'orgadmin.ng@liaison.demo', name: 'Emeka Example-Nwosu', organisation: 'ng', roles: ['org_admin'], units: [] },
  {
    email: 'analyst.ng@liaison.demo',
    name: 'Halima Placeholder-Bello',
    organisation: 'ng',
    roles: ['analyst'],
    units: [NG_UNITS.desk],
  },
  // Supervisors of the main demo's organisations that work cases (its case workers already exist).
  { email: 'supervisor.es@liaison.demo', name: 'Beatriz Supuesta', organisation: 'es', roles: ['case_supervisor'], units: [] },
  {
    email: 'supervisor.ngo@liaison.demo',
    name: 'Mame Diarra Fictive',
    organisation: 'ngo',
    roles: ['case_supervisor'],
    units: [],
  },
];
