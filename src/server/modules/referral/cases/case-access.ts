import { sql } from 'kysely';
import { REFERRAL_PROBLEMS } from '../../../../shared/referral/problems.js';
import type { CaseStatus, CaseType } from '../../../../shared/referral/vocabulary.js';
import type { ActorContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/database.js';
import { notFound, problem } from '../../../platform/errors.js';
import { authorize } from '../../../platform/policy/policy.js';
import type { CaseRecord } from '../../../platform/policy/referral.js';

/** A case's head: what every part of the module needs to decide who may do what with it. */
export interface CaseHead {
  id: string;
  reference: string;
  caseType: CaseType;
  isChild: boolean;
  status: CaseStatus;
  ownerUnitId: string;
  ownerOrganisationId: string;
  pseudonymised: boolean;
  revision: number;
  /** Units of the active service referrals (sent, accepted, in progress; sharing not stopped). */
  referredUnitIds: string[];
}

/** Statuses in which a service referral lets its receiving unit read the fields its consent covers. */
export const REFERRAL_STATUSES_WITH_ACCESS = ['sent', 'accepted', 'in_progress'] as const;

interface HeadRow {
  id: string;
  reference: string;
  case_type: CaseType;
  is_child: boolean;
  status: CaseStatus;
  owner_unit_id: string;
  owner_organisation_id: string;
  pseudonymised: boolean;
  revision: number;
  referred_unit_ids: string[];
}

/** Reads a case's head (`for update` inside a change, so two changes of one case queue). */
export async function findCaseHead(db: Db, id: string, forUpdate = false): Promise<CaseHead | null> {
  const lock = forUpdate ? sql`for update of c` : sql``;
  const { rows } = await sql<HeadRow>`
    select c.id, c.reference, c.case_type, c.is_child, c.status, c.owner_unit_id, c.owner_organisation_id,
           c.pseudonymised_at is not null as pseudonymised, c.revision,
           coalesce((select array_agg(distinct r.to_unit_id) from referrals r
                      where r.case_id = c.id and r.referral_kind = 'service' and r.to_unit_id is not null
                        and r.status in ('sent', 'accepted', 'in_progress') and r.sharing_stopped_at is null),
                    '{}') as referred_unit_ids
      from cases c where c.id = ${id} ${lock}`.execute(db);
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    reference: row.reference,
    caseType: row.case_type,
    isChild: row.is_child,
    status: row.status,
    ownerUnitId: row.owner_unit_id,
    ownerOrganisationId: row.owner_organisation_id,
    pseudonymised: row.pseudonymised,
    revision: row.revision,
    referredUnitIds: row.referred_unit_ids,
  };
}

export const caseRecordOf = (head: CaseHead): CaseRecord => ({
  kind: 'case',
  ownerUnitId: head.ownerUnitId,
  ownerOrganisationId: head.ownerOrganisationId,
  referredUnitIds: head.referredUnitIds,
});

/**
 * The case if the actor may perform `action` on it; a missing case and one the actor may not know
 * of are the same 404. A change (`case.edit`) of a closed or pseudonymised case is a 409: closed
 * cases are read-only. Pass `trx` inside a change: the case row is then locked until it commits.
 */
export async function caseFor(
  ctx: ActorContext,
  id: string,
  action: 'case.readSummary' | 'case.readPersonal' | 'case.edit',
  trx?: Db,
): Promise<CaseHead> {
  const head = await findCaseHead(trx ?? ctx.db, id, trx !== undefined);
  if (!head) throw notFound('case');
  authorize(ctx.actor, action, caseRecordOf(head));
  if (action === 'case.edit') {
    if (head.pseudonymised)
      throw problem(
        REFERRAL_PROBLEMS,
        'case-pseudonymised',
        'The personal data of this case was erased at the end of its retention period.',
      );
    if (head.status === 'closed') throw problem(REFERRAL_PROBLEMS, 'case-closed', 'This case is closed; it is read-only.');
  }
  return head;
}
