import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import { REFERRAL_PROBLEMS } from '../../../../shared/referral/problems.js';
import type { ReferralDetail, ReferralList, ReferralSummary } from '../../../../shared/referral/referrals-contract.js';
import { REFERRAL_TRANSITIONS, type ReferralStatus } from '../../../../shared/referral/vocabulary.js';
import { hasRole } from '../../../platform/auth/actor.js';
import type { ActorContext } from '../../../platform/context.js';
import { notFound, problem } from '../../../platform/errors.js';
import type { Wire } from '../../../platform/http/wire.js';
import { authorize } from '../../../platform/policy/policy.js';
import type { ReferralRecord } from '../../../platform/policy/referral.js';
import { caseFor } from '../cases/case-access.js';
import { refreshCaseFacts } from '../statistics/facts.js';
import { notify, statusText } from './notify.js';
import * as repo from './repository.js';
import type { InboxQueryType } from './schemas.js';

/**
 * Reading referrals (both sides) and moving them through REFERRAL_TRANSITIONS. The receiving unit's
 * case workers answer and work a referral (`referral.respond`); for an independent provider, which
 * has no account, the referring unit records the answers itself; the referring unit may withdraw
 * (close) one that is sent or accepted.
 */

/** A request the schema could not check alone (which ids go with which kind, a cursor): 400. */
const malformed = (detail: string) => problem(PLATFORM_PROBLEMS, 'validation', detail);

/** The unit that answers: the receiving unit, or the referring one for an independent provider. */
const answeringUnit = (referral: repo.Referral) => referral.toUnit?.id ?? referral.fromUnit.id;

export const referralRecordOf = (referral: repo.Referral): ReferralRecord => ({
  kind: 'referral',
  fromUnitId: referral.fromUnit.id,
  toUnitId: answeringUnit(referral),
});

const inUnit = (ctx: ActorContext, unitId: string | undefined) => unitId !== undefined && ctx.actor.unitIds.includes(unitId);
const isParty = (ctx: ActorContext, referral: repo.Referral) =>
  inUnit(ctx, referral.fromUnit.id) || inUnit(ctx, referral.toUnit?.id);

const WITHDRAWABLE: readonly ReferralStatus[] = ['sent', 'accepted'];

/** The statuses the actor may move the referral to now. */
export function transitionsFor(ctx: ActorContext, referral: repo.Referral): ReferralStatus[] {
  if (!hasRole(ctx.actor, 'case_worker')) return [];
  const next = new Set<ReferralStatus>();
  if (inUnit(ctx, answeringUnit(referral))) for (const status of REFERRAL_TRANSITIONS[referral.status]) next.add(status);
  if (inUnit(ctx, referral.fromUnit.id) && WITHDRAWABLE.includes(referral.status)) next.add('closed');
  return [...next];
}

function toSummary(ctx: ActorContext, referral: repo.Referral): Wire<ReferralSummary> {
  const receiving = !inUnit(ctx, referral.fromUnit.id);
  const unit = (u: repo.UnitName) => ({ id: u.id, name: u.name, organisationName: u.organisationName, country: u.country });
  // The receiver of a transnational referral works on its own copy; it never learns the sender's case id.
  const theCase =
    receiving && referral.kind === 'transnational' && referral.receivedCase
      ? referral.receivedCase
      : { id: referral.caseId, reference: referral.caseReference };
  return {
    id: referral.id,
    kind: referral.kind,
    status: referral.status,
    urgency: referral.urgency,
    needs: referral.needs,
    case: theCase,
    fromUnit: unit(referral.fromUnit),
    toUnit: referral.toUnit ? unit(referral.toUnit) : null,
    provider: referral.provider,
    sharedFields: referral.sharedFields,
    respondBy: referral.respondBy,
    overdue: referral.status === 'sent' && referral.respondBy.getTime() < Date.now(),
    sharingStoppedAt: referral.sharingStoppedAt,
    outcome: referral.outcome,
    side: receiving ? 'receiving' : 'referring',
    createdAt: referral.createdAt,
    updatedAt: referral.updatedAt,
  };
}

/** The referral if the actor's unit sent or answers it; anyone else gets the 404 of a missing one. */
async function referralFor(ctx: ActorContext, id: string): Promise<repo.Referral> {
  const referral = await repo.findReferral(ctx.db, id);
  if (!referral || !isParty(ctx, referral)) throw notFound('referral');
  return referral;
}

export async function getReferral(ctx: ActorContext, id: string): Promise<Wire<ReferralDetail>> {
  const referral = await referralFor(ctx, id);
  const events = await repo.eventsOf(ctx.db, id);
  return {
    ...toSummary(ctx, referral),
    declineReason: referral.declineReason,
    outcomeNote: referral.outcomeNote,
    events,
    permissions: { transitions: transitionsFor(ctx, referral) },
  };
}

/** A unit box: referrals to the actor's units (incoming) or from them (outgoing), soonest answer first. */
export async function listReferrals(ctx: ActorContext, query: InboxQueryType): Promise<Wire<ReferralList>> {
  const limit = query.limit ?? 50;
  const rows = await repo.inbox(ctx.db, {
    unitIds: ctx.actor.unitIds,
    box: query.box ?? 'incoming',
    status: query.status,
    limit: limit + 1,
    after: query.cursor ? readCursor(query.cursor) : undefined,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((referral) => toSummary(ctx, referral)),
    nextCursor: rows.length > limit && last ? writeCursor(last) : null,
  };
}

const writeCursor = (referral: repo.Referral) =>
  Buffer.from(JSON.stringify([referral.respondKey, referral.id])).toString('base64url');

/** PostgreSQL's text of a timestamptz (`2026-12-08 09:58:23.123456+00`), checked before it reaches SQL. */
function isTimestamp(text: string): boolean {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?)([+-]\d{2})(?::?(\d{2}))?$/.exec(text);
  return match !== null && !Number.isNaN(Date.parse(`${match[1]}T${match[2]}${match[3]}:${match[4] ?? '00'}`));
}

function readCursor(cursor: string): { respondBy: string; id: string } {
  try {
    const [respondBy, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof respondBy === 'string' && typeof id === 'string' && isTimestamp(respondBy) && /^[0-9a-f-]{36}$/i.test(id))
      return { respondBy, id };
  } catch {
    // falls through to the refusal
  }
  throw malformed('Unknown cursor.');
}

/**
 * The referrals of a case as its page shows them: the owner unit and its supervisors see all; a unit
 * the case is referred to, only those addressed to it.
 */
export async function referralsOfCase(ctx: ActorContext, caseId: string): Promise<Wire<ReferralSummary>[]> {
  const head = await caseFor(ctx, caseId, 'case.readSummary');
  const owner = inUnit(ctx, head.ownerUnitId) || hasRole(ctx.actor, 'case_supervisor');
  const referrals = await repo.referralsOfCase(ctx.db, caseId);
  return referrals
    .filter((referral) =>
      referral.caseId === caseId ? owner || inUnit(ctx, referral.toUnit?.id) : inUnit(ctx, head.ownerUnitId),
    )
    .map((referral) => toSummary(ctx, referral));
}

export interface StatusChange {
  status: ReferralStatus;
  reason?: string;
  outcome?: repo.Referral['outcome'] & string;
  outcomeNote?: string;
}

export async function changeStatus(ctx: ActorContext, id: string, change: StatusChange): Promise<Wire<ReferralDetail>> {
  await referralFor(ctx, id);
  await ctx.audited(
    async (trx) => {
      const referral = await repo.findReferral(trx, id, true);
      if (!referral || !isParty(ctx, referral)) throw notFound('referral');
      const from = referral.status;
      if (!REFERRAL_TRANSITIONS[from].includes(change.status))
        throw problem(REFERRAL_PROBLEMS, 'invalid-transition', `A ${from} referral cannot become ${change.status}.`);
      if (!transitionsFor(ctx, referral).includes(change.status)) {
        // The policy words the refusal: not the receiving unit (403), or not a party (404).
        authorize(ctx.actor, 'referral.respond', referralRecordOf(referral));
        throw problem(REFERRAL_PROBLEMS, 'not-receiving-unit', 'Only the unit the referral was sent to moves it there.');
      }
      if (change.status === 'declined' && !change.reason)
        throw problem(REFERRAL_PROBLEMS, 'reason-or-outcome-required', 'Declining a referral needs a reason.');
      if ((change.status === 'completed' || change.status === 'closed') && !change.outcome)
        throw problem(REFERRAL_PROBLEMS, 'reason-or-outcome-required', 'Completing or closing a referral needs an outcome.');
      await repo.updateStatus(trx, id, {
        status: change.status,
        declineReason: change.status === 'declined' ? change.reason : undefined,
        outcome: change.status === 'completed' || change.status === 'closed' ? change.outcome : undefined,
        outcomeNote: change.outcomeNote,
      });
      await repo.insertEvent(trx, {
        referralId: id,
        from,
        to: change.status,
        reason: change.reason ?? null,
        actorId: ctx.actor.userId,
      });
      await tellOtherSide(ctx, trx, referral, change.status);
      await refreshCaseFacts(trx, ctx.personalData, referral.caseId);
      if (referral.receivedCase) await refreshCaseFacts(trx, ctx.personalData, referral.receivedCase.id);
      return { from };
    },
    ({ from }) => ({
      action: 'referral.status',
      outcome: 'success',
      targetType: 'referral',
      targetId: id,
      details: { from, to: change.status, outcome: change.outcome ?? null },
    }),
  );
  return getReferral(ctx, id);
}

/** An answer or outcome goes to the referring unit; a withdrawal by the referring unit, to the receiver. */
async function tellOtherSide(
  ctx: ActorContext,
  trx: Parameters<typeof notify>[0],
  referral: repo.Referral,
  status: ReferralStatus,
) {
  if (!referral.toUnit) return;
  const byReceiver = inUnit(ctx, referral.toUnit.id);
  const [from, to] = byReceiver ? [referral.toUnit, referral.fromUnit] : [referral.fromUnit, referral.toUnit];
  const reference = !byReceiver && referral.receivedCase ? referral.receivedCase.reference : referral.caseReference;
  await notify(trx, {
    senderUserId: ctx.actor.userId,
    fromUnitId: from.id,
    fromOrganisationId: from.organisationId,
    toUnitId: to.id,
    ...statusText({ reference, referralId: referral.id, publicUrl: ctx.config.publicUrl, status }),
  });
}
