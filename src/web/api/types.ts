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

export const KNOWLEDGE_ITEM_TYPES = ['good_practice', 'challenge', 'recommendation', 'conclusion'] as const;
export type KnowledgeItemType = (typeof KNOWLEDGE_ITEM_TYPES)[number];

export const KNOWLEDGE_FACETS = ['type', 'country', 'theme', 'process', 'year', 'organisation', 'reference'] as const;
export type KnowledgeFacet = (typeof KNOWLEDGE_FACETS)[number];

export interface KnowledgeReference {
  id: string;
  kind: 'explicit' | 'suggested';
}

export interface KnowledgeDocumentRef {
  id: string;
  title: string;
  process: string;
  city: string;
  country: string;
  dates: string[];
}

export interface KnowledgeItem {
  id: string;
  type: KnowledgeItemType;
  text: string;
  /** HTML in which only `<mark>…</mark>` is markup; everything else is escaped. */
  snippet: string;
  countries: string[];
  organisations: string[];
  themes: string[];
  references: KnowledgeReference[];
  document: KnowledgeDocumentRef;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface KnowledgeSearchAnswer {
  items: KnowledgeItem[];
  total: number;
  /** How the text matched: every word, corrected spelling (fuzzy), most of the words (partial). */
  match: 'all' | 'fulltext' | 'fuzzy' | 'partial';
  facets: Partial<Record<KnowledgeFacet, FacetCount[]>>;
}

export interface KnowledgeDocumentSummary extends KnowledgeDocumentRef {
  language: string;
  itemCount: number;
  handlingCode: string;
}

export interface KnowledgeDocumentItem {
  id: string;
  type: KnowledgeItemType;
  text: string;
  line: number;
  page: number | null;
  countries: string[];
  organisations: string[];
  themes: string[];
  references: KnowledgeReference[];
}

export interface KnowledgeDocument extends KnowledgeDocumentRef {
  language: string;
  handlingCode: string;
  body: string;
  items: KnowledgeDocumentItem[];
}
