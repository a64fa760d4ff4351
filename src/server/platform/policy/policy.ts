import { PLATFORM_PROBLEMS } from '../../../shared/problems.js';
import type { Actor } from '../auth/actor.js';
import { notFound, type Problem, problem } from '../errors.js';
import { ADMINISTRATION } from './administration.js';
import { EXCHANGE } from './exchange.js';
import { FOLLOWUP } from './followup.js';
import { KNOWLEDGE } from './knowledge.js';
import { REFERRAL } from './referral.js';
import { allow, type Decision, deny, type Rule } from './rules.js';
import { WATCHLISTS } from './watchlists.js';

export type { Decision } from './rules.js';

/**
 * Every action a route or service may perform, and who may: one table, written per capability area
 * (administration.ts, knowledge.ts, exchange.ts) from the small rules of rules.ts. Deny by default:
 * an action missing from this table cannot be declared by a route, and a route without a declared
 * action fails to load. Routes check an action without a record (the role); services check it again
 * with the record (`authorize(ctx.actor, 'rfi.close', record)`) for the actor's relation to it.
 */
export const POLICIES = {
  // Routes anyone may call, signed in or not (health, sign-in, public documentation).
  public: null,
  ...ADMINISTRATION,
  ...KNOWLEDGE,
  ...EXCHANGE,
  ...FOLLOWUP,
  ...REFERRAL,
  ...WATCHLISTS,
} satisfies Record<string, Rule<never> | null>;

export type Action = keyof typeof POLICIES;

/** The record an action's rule judges (`undefined` when it needs none). */
export type RecordOf<A extends Action> = A extends Action ? ((typeof POLICIES)[A] extends Rule<infer R> ? R : undefined) : never;
/** An action judged on a record must be given one; the others may be. */
type RecordArgument<A extends Action> = undefined extends RecordOf<A> ? [record?: RecordOf<A>] : [record: RecordOf<A>];

/**
 * Actions open to the public whose answer depends on who asks: the actor is resolved when a session
 * or token is sent, and read paths filter with the visibility rule (anonymous: TLP:CLEAR only).
 */
export const OPEN_ACTIONS: ReadonlySet<Action> = new Set<Action>(['knowledge.read', 'session.read']);

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && Object.hasOwn(POLICIES, value);
}

// What an administrator who must still enrol a second factor may do meanwhile.
const ALLOWED_BEFORE_ENROLMENT: readonly Action[] = ['session.end', 'session.read', 'account.read', 'account.secondFactor'];

export function decide<A extends Action>(actor: Actor | null, action: A, ...[record]: RecordArgument<A>): Decision {
  const rule = POLICIES[action] as Rule<unknown> | null;
  if (rule === null) return allow;
  if (!actor) return OPEN_ACTIONS.has(action) ? allow : deny('sign in first');
  if (actor.mustEnrolTotp && !ALLOWED_BEFORE_ENROLMENT.includes(action)) {
    return deny('enrol a second factor (TOTP) before using the platform');
  }
  return rule(actor, record);
}

/** The problem a refusal is answered with: 401 without a session, 404 for hidden records, its own, else 403. */
export function problemOf(actor: Actor | null, action: Action, decision: Decision, kind?: string): Problem | null {
  if (decision.allow) return null;
  if (!actor && POLICIES[action] !== null) {
    return problem(PLATFORM_PROBLEMS, 'unauthenticated', 'Sign in, or send a valid API token, to use this endpoint.');
  }
  if (decision.hide) return notFound(kind);
  if (actor?.mustEnrolTotp) return problem(PLATFORM_PROBLEMS, 'second-factor-enrolment-required', decision.reason);
  if (decision.problem) return problem(decision.problem.catalogue, decision.problem.slug, decision.reason);
  return problem(PLATFORM_PROBLEMS, 'forbidden', `Not allowed: ${decision.reason}.`);
}

/** Throws the problem a client should see when the actor may not perform the action (on the record). */
export function authorize<A extends Action>(
  actor: Actor | null,
  action: A,
  ...[record]: RecordArgument<A>
): asserts actor is Actor {
  const decision = decide(actor, action, ...([record] as RecordArgument<A>));
  const problem = problemOf(actor, action, decision, (record as { kind?: string } | undefined)?.kind);
  if (problem) throw problem;
}
