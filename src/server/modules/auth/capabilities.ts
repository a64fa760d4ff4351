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
  let capabilities = computed.get(actor);
  if (!capabilities) {
    capabilities = ACTIONS.filter((action) => decide(actor, action as Action).allow);
    computed.set(actor, capabilities);
  }
  return capabilities;
}

/** By actor object: a cached actor serves many requests, and its roles cannot change without a new object. */
const computed = new WeakMap<Actor, Capability[]>();
