/** Roles a user may hold; a user may hold several. */
export const ROLES = [
  'platform_admin',
  'org_admin',
  'focal_point',
  'analyst',
  'case_worker',
  'case_supervisor',
  'moderator',
  'reader',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Roles whose holders must use a second factor outside demo mode. */
export const ROLES_REQUIRING_TOTP: readonly Role[] = ['platform_admin', 'org_admin'];

export const ORGANISATION_KINDS = ['government_agency', 'international_organisation', 'ngo', 'secretariat'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
