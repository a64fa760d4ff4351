import type { OrganisationKind, Role } from '../../shared/roles.js';

/**
 * Demo data: real partner organisations, clearly fictional people. Each organisation gets an org
 * admin, a focal point, an analyst, a case worker and a reader, e-mailed `<role>.<key>@liaison.demo`.
 */
export interface DemoOrganisation {
  key: string;
  name: string;
  acronym: string;
  country: string | null;
  kind: OrganisationKind;
  units: string[];
  /** Fictional people, by account prefix. */
  people: Record<DemoAccount, string>;
}

export type DemoAccount = 'orgadmin' | 'focal' | 'analyst' | 'caseworker' | 'reader';

export const DEMO_ROLES: Record<DemoAccount, Role[]> = {
  orgadmin: ['org_admin'],
  focal: ['focal_point'],
  analyst: ['analyst'],
  caseworker: ['case_worker'],
  reader: ['reader'],
};

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    key: 'ma',
    name: 'Directorate of Migration and Border Surveillance, Ministry of Interior',
    acronym: 'DMSF',
    country: 'MA',
    kind: 'government_agency',
    units: ['National anti-smuggling unit', 'National coordination centre'],
    people: {
      orgadmin: 'Samira Exemple',
      focal: 'Youssef Fictif',
      analyst: 'Nadia Démo',
      caseworker: 'Karim Essai',
      reader: 'Leila Modèle',
    },
  },
  {
    key: 'es',
    name: 'General Commissariat for Foreigners and Borders, National Police',
    acronym: 'CGEF',
    country: 'ES',
    kind: 'government_agency',
    units: ['Unit against illegal immigration networks', 'Border analysis centre'],
    people: {
      orgadmin: 'Lucía Ejemplo',
      focal: 'Javier Ficticio',
      analyst: 'Marta Prueba',
      caseworker: 'Pablo Muestra',
      reader: 'Elena Demostración',
    },
  },
  {
    key: 'sn',
    name: 'Directorate of Air and Border Police',
    acronym: 'DPAF',
    country: 'SN',
    kind: 'government_agency',
    units: ['Anti-trafficking division', 'Dakar airport border post'],
    people: {
      orgadmin: 'Awa Démo',
      focal: 'Moussa Exemple',
      analyst: 'Fatou Fictive',
      caseworker: 'Ibrahima Essai',
      reader: 'Aminata Modèle',
    },
  },
  {
    key: 'ne',
    name: 'Directorate of Territorial Surveillance',
    acronym: 'DST',
    country: 'NE',
    kind: 'government_agency',
    units: ['Anti-smuggling unit Agadez', 'National coordination centre'],
    people: {
      orgadmin: 'Hadiza Exemple',
      focal: 'Abdoulaye Fictif',
      analyst: 'Mariama Démo',
      caseworker: 'Issoufou Essai',
      reader: 'Zeinabou Modèle',
    },
  },
  {
    key: 'ngo',
    name: 'Senegalese Red Cross Society',
    acronym: 'CRS',
    country: 'SN',
    kind: 'ngo',
    units: ['Restoring family links', 'Migrant assistance desk'],
    people: {
      orgadmin: 'Khady Exemple',
      focal: 'Ousmane Fictif',
      analyst: 'Binta Démo',
      caseworker: 'Cheikh Essai',
      reader: 'Ndeye Modèle',
    },
  },
  {
    key: 'sec',
    name: 'Rabat Process Secretariat',
    acronym: 'RPS',
    country: null,
    kind: 'secretariat',
    units: ['Dialogue support team'],
    people: {
      orgadmin: 'Claire Exemple',
      focal: 'Thomas Fictif',
      analyst: 'Sofia Demo',
      caseworker: 'Omar Example',
      reader: 'Ines Sample',
    },
  },
];

/** Sharing groups by name, with member organisation keys. */
export const DEMO_SHARING_GROUPS = [
  {
    name: 'Rabat Process partners',
    description: 'Partners of the Euro-African Dialogue on Migration and Development',
    members: ['ma', 'es', 'sn', 'ne', 'ngo', 'sec'],
  },
  {
    name: 'Budapest Process partners',
    description: 'Partners of the Budapest Process dialogue',
    members: ['es', 'sec'],
  },
  {
    name: 'Atlantic route border units',
    description: 'Border and anti-smuggling units working on the Atlantic route',
    members: ['ma', 'es', 'sn'],
  },
];

export const DEMO_PLATFORM_ADMIN = { email: 'admin@liaison.demo', name: 'Alex Platform-Demo', organisationKey: 'sec' };
