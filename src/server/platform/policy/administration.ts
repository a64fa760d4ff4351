import { ACCOUNT_PROBLEMS } from '../../../shared/account/problems.js';
import { ROLES_REQUIRING_TOTP } from '../../../shared/roles.js';
import { hasRole } from '../auth/actor.js';
import { administersOrganisation, allow, anyActor, hidden, onRecord, type Rule, refuse, roles, sessionOnly } from './rules.js';

/** One's own account, as the rule on keeping a second factor sees it. */
export interface AccountRecord {
  kind: 'user';
  userId: string;
  /** Demo mode: nobody is required to keep a second factor. */
  demo: boolean;
}

/** Administrators keep their second factor (outside demo mode); nobody touches another's account. */
const keepsSecondFactor: Rule<AccountRecord> = (actor, account) => {
  if (account.userId !== actor.userId) return hidden('another account');
  if (!account.demo && hasRole(actor, ...ROLES_REQUIRING_TOTP)) {
    return refuse(ACCOUNT_PROBLEMS, 'second-factor-required-for-role', 'Administrators must keep a second factor.');
  }
  return allow;
};

/**
 * Sessions, one's own account, and the administration of organisations, units, users and sharing
 * groups. Platform admins administer everywhere; org admins inside their own organisation, where
 * another organisation's records answer 404. API tokens never manage tokens, passwords or second factors.
 */
export const ADMINISTRATION = {
  'session.end': anyActor,
  // Who is signed in, or nobody: open to the public (see OPEN_ACTIONS), so the web app's probe never fails.
  'session.read': anyActor,
  'account.read': anyActor,
  'account.update': sessionOnly(anyActor),
  'account.secondFactor': sessionOnly(anyActor),
  'account.disableSecondFactor': sessionOnly(onRecord(keepsSecondFactor)),
  'account.tokens': sessionOnly(anyActor),
  'organisation.list': administersOrganisation,
  'organisation.read': administersOrganisation,
  'organisation.create': roles('platform_admin'),
  'organisation.update': roles('platform_admin'),
  'unit.list': administersOrganisation,
  'unit.read': administersOrganisation,
  'unit.create': administersOrganisation,
  'unit.update': administersOrganisation,
  'user.list': administersOrganisation,
  'user.read': administersOrganisation,
  'user.create': administersOrganisation,
  'user.update': administersOrganisation,
  'user.grantPlatformAdmin': roles('platform_admin'),
  'sharingGroup.list': anyActor,
  'sharingGroup.read': anyActor,
  'sharingGroup.create': roles('platform_admin'),
  'sharingGroup.update': roles('platform_admin'),
  'audit.read': administersOrganisation,
};
