import { ACTIONS, type Capability } from '../../../shared/capabilities.js';
import type { Actor } from '../../platform/auth/actor.js';
import { type Action, decide } from '../../platform/policy/policy.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** Fails to typecheck when the shared list of action names and the policy table differ. */
export type SharedActionsMatchPolicies = Assert<Same<Exclude<Action, 'public'>, Capability>>;

/**
 * What the actor's roles allow: the actions whose check without a record (the one the
 * authentication hook makes for a route) allows this actor. Actions judged on a record only
 * (`rfi.close`, `unit.actFor`, …) are never listed: they depend on the record.
 */
export function capabilitiesOf(actor: Actor): Capability[] {
  return ACTIONS.filter((action) => decide(actor, action as Action).allow);
}
