/** Shapes of the JSON the API answers, as the web app uses them (see the OpenAPI document). */

export const ROLES = ['platform_admin', 'org_admin', 'focal_point', 'analyst', 'case_worker', 'moderator', 'reader'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = ['government_agency', 'international_organisation', 'ngo', 'secretariat'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const LOCALES = ['en', 'fr', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

export interface Me {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  organisation: {
    id: string;
    name: string;
    acronym: string | null;
    country: string | null;
    kind: OrganisationKind;
  };
  units: { id: string; name: string }[];
  roles: string[];
  totpEnabled: boolean;
  mustEnrolTotp: boolean;
  via: 'session' | 'token';
}

export interface LoginAnswer {
  me: Me;
  csrfToken: string;
}

export interface ApiToken {
  id: string;
  name: string;
  roles: string[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Organisation {
  id: string;
  name: string;
  acronym: string | null;
  country: string | null;
  kind: OrganisationKind;
  active: boolean;
  unitCount: number;
  userCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface Unit {
  id: string;
  organisationId: string;
  organisationName: string;
  name: string;
  description: string | null;
  active: boolean;
  memberCount: number;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
  unitIds: string[];
  roles: string[];
  locale: Locale;
  active: boolean;
  totpEnabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface SharingGroup {
  id: string;
  name: string;
  description: string | null;
  active: boolean;
  organisations: { id: string; name: string }[];
}
