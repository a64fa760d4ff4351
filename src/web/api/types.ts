/**
 * Shapes of the JSON the API answers, as the web app uses them: the types of the wire contract in
 * src/shared (only types cross over: TypeBox stays out of the browser bundle), and the fixed lists
 * the pages need as values.
 */

export type { ApiToken, CreatedToken, TokenList, TotpEnabled, TotpSetup } from '../../shared/account/contract.js';
export type {
  AuditEntry,
  ListPage as Page,
  Organisation,
  SharingGroup,
  Unit,
  User,
} from '../../shared/administration/contract.js';
export type { CsrfToken, LoginAnswer, Me, SessionAnswer } from '../../shared/auth/contract.js';
export { LOCALES, type Locale } from '../../shared/locales.js';
export { ORGANISATION_KINDS, type OrganisationKind, ROLES, type Role } from '../../shared/roles.js';
