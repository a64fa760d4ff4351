import type { CommitmentDetail, CommitmentHistory, CommitmentList } from '../../../../shared/followup/contract.js';
import { FOLLOWUP_PROBLEMS } from '../../../../shared/followup/problems.js';
import { isAboveGreen } from '../../../../shared/handling-codes.js';
import type { DistributionTarget } from '../../../../shared/visibility.js';
import type { ActorContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/database.js';
import { invalid, notFound, problem } from '../../../platform/errors.js';
import { renderMarkdown } from '../../../platform/markdown.js';
import { authorize, decide } from '../../../platform/policy/policy.js';
import { resolveDistribution } from '../../../platform/policy/visibility-filter.js';
import { REFERENCES } from '../../knowledge/vocabulary/references.js';
import * as repo from './repository.js';
import type { CommitmentFilters, CommitmentStatusBody, CreateBody, DistributionBody, ListQuery, UpdateBody } from './schemas.js';
import { partsOf, summaries, toSummary } from './view.js';

/**
 * Commitments: partners commit to act on library recommendations and action-plan references. The
 * lead organisation (the creating unit's) owns and edits it; every read goes through the sharing
 * rule, and every change writes a revision row and an audit entry in one transaction.
 */

/** Every TLP:AMBER and TLP:RED commitment shown (alone, in a list or an export) is an audited read. */
export async function auditRead(ctx: ActorContext, rows: { id: string; handlingCode: string }[], details = {}) {
  await ctx.auditSensitiveReads(
    'commitment',
    rows
      .filter((row) => isAboveGreen(row.handlingCode))
      .map((row) => ({ id: row.id, details: { handlingCode: row.handlingCode, ...details } })),
  );
}

/** A commitment the viewer may see, else 404 (a missing one and an invisible one look the same). */
export async function visibleCommitment(ctx: ActorContext, id: string, db: Db = ctx.db): Promise<repo.Commitment> {
  const row = await repo.findCommitment(db, ctx.viewer, id);
  if (!row) throw notFound('commitment');
  return row;
}

/** The commitment as the policy sees it: owned by its lead organisation. */
export const ownedBy = (c: repo.Commitment) => ({ kind: 'commitment' as const, organisationId: c.originatorOrganisationId });

/** A visible commitment the actor may change (lead organisation only), not cancelled. */
export async function editableCommitment(ctx: ActorContext, id: string): Promise<repo.Commitment> {
  const row = await visibleCommitment(ctx, id);
  authorize(ctx.actor, 'commitment.edit', ownedBy(row));
  if (row.status === 'cancelled') {
    throw problem(FOLLOWUP_PROBLEMS, 'commitment-cancelled', 'This commitment was cancelled; it takes no more changes.');
  }
  return row;
}

export const staleRevision = () =>
  problem(
    FOLLOWUP_PROBLEMS,
    'stale-revision',
    'This record changed since you opened it; reload it and try again. Nothing was changed.',
  );

function checkReferences(references: string[]) {
  const unknown = references.find((ref) => !(ref in REFERENCES));
  if (unknown) {
    throw problem(FOLLOWUP_PROBLEMS, 'unknown-reference', `${unknown} is not an action-plan reference.`, { reference: unknown });
  }
}

function checkDates(startsOn: string, endsOn: string) {
  if (endsOn < startsOn) throw problem(FOLLOWUP_PROBLEMS, 'invalid-dates', 'A commitment cannot end before it starts.');
}

async function checkRecommendations(ctx: ActorContext, itemIds: string[]) {
  const visible = new Set(await repo.visibleRecommendationIds(ctx.db, ctx.viewer, itemIds));
  const refused = itemIds.find((id) => !visible.has(id));
  // The same answer for a missing, an invisible and an unpublished item, so nothing leaks.
  if (refused) {
    throw problem(FOLLOWUP_PROBLEMS, 'unknown-recommendation', 'A linked item is not a published recommendation you may see.', {
      itemId: refused,
    });
  }
}

async function checkContributors(ctx: ActorContext, lead: string, contributors: string[]) {
  const ids = contributors.filter((id) => id !== lead);
  const active = new Set(await repo.activeOrganisations(ctx.db, ids));
  const unknown = ids.find((id) => !active.has(id));
  if (unknown) {
    throw problem(FOLLOWUP_PROBLEMS, 'unknown-organisation', 'A partner organisation does not exist or is inactive.', {
      organisationId: unknown,
    });
  }
  return ids;
}

/**
 * The distribution as stored. The partners always receive the commitment (they act on it), and
 * TLP:RED is refused: it would hide the commitment from the lead organisation's other units, who
 * own and edit it.
 */
async function distributionOf(
  ctx: ActorContext,
  handlingCode: string,
  body: DistributionBody | undefined,
  contributors: string[],
) {
  if (handlingCode === 'TLP:RED') {
    throw invalid('TLP:RED would hide the commitment from its lead organisation; choose TLP:AMBER+STRICT or a wider code.');
  }
  const chosen = body ?? { units: [], organisations: [], sharingGroups: [], allPartners: true };
  const targets: DistributionTarget[] = [
    ...chosen.units.map((id) => ({ kind: 'unit' as const, id })),
    ...chosen.organisations.map((id) => ({ kind: 'organisation' as const, id })),
    ...chosen.sharingGroups.map((id) => ({ kind: 'sharing_group' as const, id })),
    ...(chosen.allPartners ? [{ kind: 'all_partners' as const }] : []),
  ];
  const resolved = await resolveDistribution(ctx.db, targets);
  return {
    ...resolved,
    recipientOrganisations: [...new Set([...resolved.recipientOrganisations, ...contributors])],
  };
}

export async function create(ctx: ActorContext, body: CreateBody): Promise<CommitmentDetail> {
  authorize(ctx.actor, 'unit.actFor', { kind: 'unit', unitId: body.unitId });
  const unit = await repo.unitOrganisation(ctx.db, body.unitId);
  if (!unit) throw notFound('unit');
  const lead = unit.organisationId;
  const title = body.title.trim();
  if (!title) throw invalid('The title is empty.');
  checkDates(body.startsOn, body.endsOn);
  const references = body.references ?? [];
  checkReferences(references);
  const contributors = await checkContributors(ctx, lead, body.contributors ?? []);
  const recommendationIds = body.recommendationIds ?? [];
  await checkRecommendations(ctx, recommendationIds);
  const handlingCode = body.handlingCode ?? 'TLP:CLEAR';
  const distribution = await distributionOf(ctx, handlingCode, body.distribution, contributors);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const created = await repo.insertCommitment(trx, {
      title,
      description: body.description ?? '',
      startsOn: body.startsOn,
      endsOn: body.endsOn,
      references,
      createdBy: ctx.actor.userId,
      handlingCode,
      originatorUnitId: body.unitId,
      originatorOrganisationId: lead,
      distribution,
    });
    await repo.insertPartners(trx, created, lead, contributors);
    await repo.insertRecommendations(trx, created, recommendationIds);
    const after = {
      title,
      startsOn: body.startsOn,
      endsOn: body.endsOn,
      references,
      contributors,
      recommendationIds,
      handlingCode,
    };
    await repo.insertRevision(trx, {
      commitmentId: created,
      revision: 1,
      actorUserId: ctx.actor.userId,
      action: 'create',
      before: null,
      after,
    });
    const details = { handlingCode, contributors: contributors.length, recommendations: recommendationIds.length };
    await ctx.audit(
      { action: 'commitment.create', outcome: 'success', targetType: 'commitment', targetId: created, details },
      trx,
    );
    return created;
  });
  return detail(ctx, id);
}

/** List filters as the repository takes them (`mine`: my organisation is a partner). */
export function resolveFilters(ctx: ActorContext, query: CommitmentFilters): repo.Filters {
  const q = query.q?.trim();
  return {
    q: q || undefined,
    organisation: query.organisation,
    reference: query.reference,
    plan: query.plan,
    status: query.status,
    recommendation: query.recommendation,
    partner: query.mine ? ctx.actor.organisationId : undefined,
  };
}

export async function list(ctx: ActorContext, query: ListQuery): Promise<CommitmentList> {
  const { commitments, total } = await repo.listCommitments(
    ctx.db,
    ctx.viewer,
    resolveFilters(ctx, query),
    query.limit ?? 50,
    query.offset ?? 0,
  );
  await auditRead(ctx, commitments);
  return { items: await summaries(ctx.db, commitments), total };
}

/** One commitment with its partners, recommendations, actions and indicators, as this viewer may see them. */
export async function detail(ctx: ActorContext, id: string): Promise<CommitmentDetail> {
  const c = await visibleCommitment(ctx, id);
  await auditRead(ctx, [c]);
  const parts = await partsOf(ctx.db, [c.id]);
  const partners = await repo.partnersOf(ctx.db, [c.id]);
  const recommendations = await repo.recommendationsOf(ctx.db, ctx.viewer, [c.id]);
  return {
    ...toSummary(c, parts),
    description: c.description,
    descriptionHtml: renderMarkdown(c.description),
    statusReason: c.statusReason,
    partners: partners.map((p) => ({ organisation: p.organisation, role: p.role })),
    recommendations: recommendations.map(({ commitmentId: _c, ...r }) => r),
    distribution: {
      units: c.recipientUnits,
      organisations: c.recipientOrganisations,
      sharingGroups: c.recipientSharingGroups,
      allPartners: c.toAllPartners,
    },
    originatorUnit: { id: c.originatorUnitId, name: c.originatorUnitName, organisationId: c.originatorOrganisationId },
    createdBy: c.createdBy,
    createdAt: c.createdAt.toISOString(),
    revision: c.revision,
    actionItems: parts.actions,
    indicatorItems: parts.indicators,
    permissions: { edit: c.status !== 'cancelled' && decide(ctx.actor, 'commitment.edit', ownedBy(c)).allow },
  };
}

/** What changed: the fields whose value differs, before and after. */
function diff(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changed = Object.keys(after).filter(
    (key) => after[key] !== undefined && JSON.stringify(after[key]) !== JSON.stringify(before[key]),
  );
  return {
    before: Object.fromEntries(changed.map((key) => [key, before[key]])),
    after: Object.fromEntries(changed.map((key) => [key, after[key]])),
  };
}

/**
 * Partners and linked recommendations are only ever added (nothing is deleted): a list in an edit
 * names what to keep and add; leaving out a partner or a link the editor can see is refused.
 */
async function additions(ctx: ActorContext, c: repo.Commitment, body: UpdateBody) {
  const partners = (await repo.partnersOf(ctx.db, [c.id])).map((p) => p.organisation.id);
  const linked = (await repo.recommendationsOf(ctx.db, ctx.viewer, [c.id])).map((r) => r.itemId);
  const dropped =
    (body.contributors && partners.some((id) => id !== c.originatorOrganisationId && !body.contributors?.includes(id))) ||
    (body.recommendationIds && linked.some((id) => !body.recommendationIds?.includes(id)));
  if (dropped) throw invalid('Partners and linked recommendations are never removed; cancel the commitment instead.');
  const contributors = await checkContributors(
    ctx,
    c.originatorOrganisationId,
    (body.contributors ?? []).filter((id) => !partners.includes(id)),
  );
  const recommendationIds = (body.recommendationIds ?? []).filter((id) => !linked.includes(id));
  await checkRecommendations(ctx, recommendationIds);
  return { contributors, recommendationIds };
}

export async function update(ctx: ActorContext, id: string, body: UpdateBody): Promise<CommitmentDetail> {
  const c = await editableCommitment(ctx, id);
  const title = body.title?.trim();
  if (body.title !== undefined && !title) throw invalid('The title is empty.');
  checkDates(body.startsOn ?? c.startsOn, body.endsOn ?? c.endsOn);
  if (body.references) checkReferences(body.references);
  const added = await additions(ctx, c, body);
  const { before, after } = diff(
    { title: c.title, description: c.description, startsOn: c.startsOn, endsOn: c.endsOn, references: c.references },
    { title, description: body.description, startsOn: body.startsOn, endsOn: body.endsOn, references: body.references },
  );
  if (body.revision !== c.revision) throw staleRevision();
  if (added.contributors.length) Object.assign(after, { addedContributors: added.contributors });
  if (added.recommendationIds.length) Object.assign(after, { addedRecommendations: added.recommendationIds });
  if (Object.keys(after).length === 0) return detail(ctx, c.id);
  await ctx.db.transaction().execute(async (trx) => {
    const change = { ...after, addRecipientOrganisations: added.contributors };
    if (!(await repo.updateCommitment(trx, c.id, body.revision, change))) throw staleRevision();
    await repo.insertPartners(trx, c.id, c.originatorOrganisationId, added.contributors);
    await repo.insertRecommendations(trx, c.id, added.recommendationIds);
    await repo.insertRevision(trx, {
      commitmentId: c.id,
      revision: body.revision + 1,
      actorUserId: ctx.actor.userId,
      action: 'update',
      before,
      after,
      reason: body.reason ?? null,
    });
    const details = { changed: Object.keys(after) };
    await ctx.audit({ action: 'commitment.update', outcome: 'success', targetType: 'commitment', targetId: c.id, details }, trx);
  });
  return detail(ctx, c.id);
}

/** Completes, cancels (with a reason) or reopens a commitment; a cancelled one stays cancelled. */
export async function setStatus(ctx: ActorContext, id: string, body: CommitmentStatusBody): Promise<CommitmentDetail> {
  const c = await editableCommitment(ctx, id);
  if (body.status === c.status) {
    throw problem(FOLLOWUP_PROBLEMS, 'invalid-transition', `This commitment is already ${c.status}.`);
  }
  const reason = body.reason?.trim() || null;
  if (body.status === 'cancelled' && !reason) {
    throw problem(FOLLOWUP_PROBLEMS, 'reason-required', 'Say why the commitment is cancelled.');
  }
  if (body.revision !== c.revision) throw staleRevision();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateCommitment(trx, c.id, body.revision, { status: body.status, statusReason: reason }))) {
      throw staleRevision();
    }
    await repo.insertRevision(trx, {
      commitmentId: c.id,
      revision: body.revision + 1,
      actorUserId: ctx.actor.userId,
      action: 'status',
      before: { status: c.status },
      after: { status: body.status },
      reason,
    });
    const details = { from: c.status, to: body.status };
    await ctx.audit({ action: 'commitment.status', outcome: 'success', targetType: 'commitment', targetId: c.id, details }, trx);
  });
  return detail(ctx, c.id);
}

export async function history(ctx: ActorContext, id: string): Promise<CommitmentHistory> {
  const c = await visibleCommitment(ctx, id);
  await auditRead(ctx, [c], { via: 'history' });
  const rows = await repo.revisionsOf(ctx.db, c.id);
  return {
    revisions: rows.map((row) => ({
      revision: row.revision,
      at: new Date(row.at).toISOString(),
      by: row.actor_user_id && row.name ? { id: row.actor_user_id, name: row.name } : null,
      action: row.action,
      before: row.before,
      after: row.after,
      reason: row.reason,
    })),
  };
}

/** The commitments acting on a library recommendation the viewer may see (else 404). */
export async function recommendationFollowUp(ctx: ActorContext, itemId: string) {
  if (!(await repo.isVisibleRecommendation(ctx.db, ctx.viewer, itemId))) throw notFound('recommendation');
  const { commitments } = await repo.listCommitments(ctx.db, ctx.viewer, { recommendation: itemId }, 200, 0);
  await auditRead(ctx, commitments, { via: 'recommendation', itemId });
  return { itemId, commitments: await summaries(ctx.db, commitments) };
}

export async function organisations(ctx: ActorContext, q: string | undefined) {
  const rows = await repo.searchOrganisations(ctx.db, q?.trim() || undefined, 100);
  return { items: rows };
}
