import { REFERRAL_PROBLEMS } from '../../../../shared/referral/problems.js';
import { PERSONAL_FIELDS, type PersonalField } from '../../../../shared/referral/vocabulary.js';
import type { ActorContext, ServiceContext } from '../../../platform/context.js';
import { problem } from '../../../platform/errors.js';
import { decide } from '../../../platform/policy/policy.js';
import { type CaseHead, caseRecordOf } from './case-access.js';
import { sharedFieldsFor } from './repository.js';

/**
 * Every read that returns personal fields of a case is audited with the NAMES of the fields read
 * (never their values) and, for a unit that does not own the case, the reason it gave.
 */
export async function auditPersonalRead(
  ctx: ServiceContext,
  caseId: string,
  fields: readonly string[],
  reason?: string,
): Promise<void> {
  await ctx.audit({
    action: 'case.personal.read',
    targetType: 'case',
    targetId: caseId,
    outcome: 'success',
    details: reason ? { fields: [...fields], reason } : { fields: [...fields] },
  });
}

/** What the actor may read of a case's personal data, and as whom. */
export interface PersonalAccess {
  /** `owner`: a case worker of the owner unit; `referred`: of a unit the case is referred to; `none`: a supervisor. */
  as: 'owner' | 'referred' | 'none';
  /** The personal fields the actor may read (every one for the owner; the shared ones for a referred unit). */
  fields: PersonalField[];
  /** Free-text notes (of the case, screenings, steps) stay with the owner unit. */
  notes: boolean;
  /** The reason given, trimmed (required of a referred unit). */
  reason?: string;
}

export const MIN_REASON_LENGTH = 3;

/**
 * Decides what personal data of `head` the actor may read. Call it after `caseFor(…,
 * 'case.readSummary')`. A case worker of a unit the case is referred to must give a reason
 * (422 `reason-required`); a supervisor reads no personal data. Does not audit: the caller audits
 * with `auditPersonalRead` the fields it actually returns.
 */
export async function personalAccess(ctx: ActorContext, head: CaseHead, reason?: string): Promise<PersonalAccess> {
  if (decide(ctx.actor, 'case.readPersonal', caseRecordOf(head)).allow !== true) return { as: 'none', fields: [], notes: false };
  if (ctx.actor.unitIds.includes(head.ownerUnitId)) return { as: 'owner', fields: [...PERSONAL_FIELDS], notes: true };
  const given = reason?.trim() ?? '';
  if (given.length < MIN_REASON_LENGTH)
    throw problem(
      REFERRAL_PROBLEMS,
      'reason-required',
      `Say why you open this case of another unit (at least ${MIN_REASON_LENGTH} characters, in ?reason=); it is kept in the audit log.`,
    );
  const shared = await sharedFieldsFor(ctx.db, head.id, ctx.actor.unitIds);
  return { as: 'referred', fields: PERSONAL_FIELDS.filter((field) => shared.includes(field)), notes: false, reason: given };
}
