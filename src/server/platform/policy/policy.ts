import type { Role } from '../../../shared/roles.js';
import { type Actor, hasRole } from '../auth/actor.js';
import { notFound, Problem } from '../errors.js';

/**
 * Every action a route or service may perform, and who may. Deny by default: an action missing
 * from this table cannot be declared by a route, and a route without a declared action fails to load.
 */
export type Decision = { allow: true } | { allow: false; reason: string; hide?: boolean };

/** A record that belongs to an organisation (units, users, the organisation itself). */
export interface OrganisationScoped {
  organisationId: string;
  /** What the record is, so a hidden record gets exactly the 404 of a missing one ("No such unit."). */
  kind?: string;
}

type Rule = (actor: Actor, record?: OrganisationScoped) => Decision;

const allow: Decision = { allow: true };
const deny = (reason: string): Decision => ({ allow: false, reason });
/** The actor may not even know the record exists: answered as 404, like a missing id. */
const hidden = (reason: string): Decision => ({ allow: false, reason, hide: true });

const anyActor: Rule = () => allow;
const roles =
  (...wanted: Role[]): Rule =>
  (actor) =>
    hasRole(actor, ...wanted) ? allow : deny(`requires one of the roles: ${wanted.join(', ')}`);

/** Platform admins everywhere; org admins inside their own organisation only. */
const administersOrganisation: Rule = (actor, record) => {
  if (hasRole(actor, 'platform_admin')) return allow;
  if (!hasRole(actor, 'org_admin')) return deny('requires the platform_admin or org_admin role');
  if (record && record.organisationId !== actor.organisationId) return hidden('another organisation');
  return allow;
};

/**
 * The secretariat curates the library: any member of a secretariat organisation who holds a working
 * role (not a read-only reader), and platform admins.
 */
const curatesLibrary: Rule = (actor) => {
  if (hasRole(actor, 'platform_admin')) return allow;
  if (actor.organisation.kind !== 'secretariat') return deny('only the secretariat curates the library');
  return actor.roles.some((role) => role !== 'reader') ? allow : deny('a reader may not curate the library');
};

/** Sending needs a working role: a reader reads. */
const sendsMessages: Rule = (actor) =>
  actor.roles.some((role) => role !== 'reader') ? allow : deny('a reader may read messages but not send them');

/** Actions an API token may never perform: a stolen token must not take over the account. */
const sessionOnly =
  (rule: Rule): Rule =>
  (actor, record) =>
    actor.via === 'session' ? rule(actor, record) : deny('only from a signed-in session, not with an API token');

export const POLICIES = {
  // Routes anyone may call, signed in or not (health, sign-in, public documentation).
  public: null,
  'session.end': anyActor,
  'account.read': anyActor,
  'account.update': sessionOnly(anyActor),
  'account.secondFactor': sessionOnly(anyActor),
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
  // The library: anyone may read what the visibility rule lets them see (the public: TLP:CLEAR).
  'knowledge.read': anyActor,
  // Ingestion (uploads, jobs), review, publication and handling codes of library documents.
  'knowledge.curate': curatesLibrary,
  // The directory of units, functions and who holds them: read by every signed-in partner,
  // kept by each organisation's administrators (platform admins everywhere).
  'directory.read': anyActor,
  'directory.manage': administersOrganisation,
  // Messages and requests for information between units; what a user may read is the visibility rule.
  'message.read': anyActor,
  'message.send': sendsMessages,
  // Attachments are uploaded by senders before the message goes; downloads follow message.read.
  'attachment.upload': sendsMessages,
  // Early-warning alerts: read as the visibility rule allows; issued and given feedback by working roles.
  'alert.read': anyActor,
  'alert.issue': sendsMessages,
  'alert.feedback': sendsMessages,
  // The live stream of exchange events: each user receives only events of records they may see.
  'events.read': anyActor,
} satisfies Record<string, Rule | null>;

export type Action = keyof typeof POLICIES;

/**
 * Actions open to the public whose answer depends on who asks: the actor is resolved when a session
 * or token is sent, and read paths filter with the visibility rule (anonymous: TLP:CLEAR only).
 */
export const OPEN_ACTIONS: ReadonlySet<Action> = new Set<Action>(['knowledge.read']);

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && Object.hasOwn(POLICIES, value);
}

// What an administrator who must still enrol a second factor may do meanwhile.
const ALLOWED_BEFORE_ENROLMENT: readonly Action[] = ['session.end', 'account.read', 'account.secondFactor'];

export function decide(actor: Actor | null, action: Action, record?: OrganisationScoped): Decision {
  const rule = POLICIES[action];
  if (rule === null) return allow;
  if (!actor) return OPEN_ACTIONS.has(action) ? allow : deny('sign in first');
  if (actor.mustEnrolTotp && !ALLOWED_BEFORE_ENROLMENT.includes(action)) {
    return deny('enrol a second factor (TOTP) before using the platform');
  }
  return rule(actor, record);
}

/** Throws the problem a client should see: 401 without a session, 404 for hidden records, else 403. */
export function authorize(actor: Actor | null, action: Action, record?: OrganisationScoped): asserts actor is Actor {
  const decision = decide(actor, action, record);
  if (decision.allow) return;
  if (!actor && POLICIES[action] !== null) {
    throw new Problem(401, 'unauthenticated', 'Sign in, or send a valid API token, to use this endpoint.');
  }
  if (decision.hide) throw notFound(record?.kind);
  if (actor?.mustEnrolTotp) throw new Problem(403, 'second-factor-enrolment-required', decision.reason);
  throw new Problem(403, 'forbidden', `Not allowed: ${decision.reason}.`);
}
