import type { ProblemCatalogue } from '../../../shared/problems.js';
import type { Role } from '../../../shared/roles.js';
import { type Actor, hasRole } from '../auth/actor.js';

/**
 * What a rule answers: allow, or a refusal saying why. A hidden refusal becomes the 404 of a missing
 * record; a refusal with a problem is answered with that problem of its capability's catalogue (the
 * slugs clients and the web app know, e.g. `not-your-unit`); any other refusal is a 403 `forbidden`.
 */
export type Decision = { allow: true } | Refusal;
export interface Refusal {
  allow: false;
  reason: string;
  hide?: boolean;
  problem?: { catalogue: ProblemCatalogue; slug: string };
}

/** A pure function of who asks and the record asked about; `R` is the record's shape (undefined: none). */
export type Rule<R = undefined> = (actor: Actor, record: R) => Decision;

/**
 * The records rules judge, one shape per relation of the actor to the record. `kind` names the
 * record in the 404 of a hidden one ("No such unit.").
 */
/** A record that belongs to an organisation (the organisation itself, units, users, functions). */
export interface OrganisationRecord {
  kind: string;
  organisationId: string;
}
/** A unit the actor acts for: sends from, opens the mailbox of, acknowledges or archives for. */
export interface UnitRecord {
  kind: 'unit';
  unitId: string;
}
/** A message or alert, seen from the unit that originated it. */
export interface OriginatedRecord {
  kind: 'message' | 'alert';
  originatorUnitId: string;
}

export const allow: Decision = { allow: true };
export const deny = (reason: string): Decision => ({ allow: false, reason });
/** The actor may not even know the record exists: answered as 404, like a missing id. */
export const hidden = (reason: string): Decision => ({ allow: false, reason, hide: true });
/** A refusal answered with its own problem; `reason` is the problem's detail, as the user reads it. */
export const refuse = <C extends ProblemCatalogue>(catalogue: C, slug: keyof C & string, reason: string): Decision => ({
  allow: false,
  reason,
  problem: { catalogue, slug },
});

export const anyActor: Rule<unknown> = () => allow;

export const roles =
  (...wanted: Role[]): Rule<unknown> =>
  (actor) =>
    hasRole(actor, ...wanted) ? allow : deny(`requires one of the roles: ${wanted.join(', ')}`);

/** Every rule in turn; the first refusal answers. */
export const all =
  <R>(...rules: Rule<R>[]): Rule<R> =>
  (actor, record) => {
    for (const rule of rules) {
      const decision = rule(actor, record);
      if (!decision.allow) return decision;
    }
    return allow;
  };

/**
 * A rule judged on a record only. A route's check has no record: it is refused, so an action of
 * this kind declared by a route fails closed.
 */
export const onRecord =
  <R>(rule: Rule<R>): Rule<R> =>
  (actor, record) =>
    record === undefined ? deny('decided on a record, not on a route') : rule(actor, record);

/** Actions an API token may never perform: a stolen token must not take over the account. */
export const sessionOnly =
  <R>(rule: Rule<R>): Rule<R> =>
  (actor, record) =>
    actor.via === 'session' ? rule(actor, record) : deny('only from a signed-in session, not with an API token');

/** Platform admins everywhere; org admins inside their own organisation only (else hidden: 404). */
export const administersOrganisation: Rule<OrganisationRecord | undefined> = (actor, record) => {
  if (hasRole(actor, 'platform_admin')) return allow;
  if (!hasRole(actor, 'org_admin')) return deny('requires the platform_admin or org_admin role');
  if (record && record.organisationId !== actor.organisationId) return hidden('another organisation');
  return allow;
};

/** A working role: a reader reads, and does nothing else. */
export const works =
  (what: string): Rule<unknown> =>
  (actor) =>
    actor.roles.some((role) => role !== 'reader') ? allow : deny(`a reader may not ${what}`);

/** Whether the actor works in the unit (is one of its members). */
export const worksIn = (actor: Actor, unitId: string) => actor.unitIds.includes(unitId);
