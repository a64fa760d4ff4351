import { type HandlingCode, handlingCodeRank } from '../../../../shared/handling-codes.js';
import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import type {
  EntryName,
  MatchReason,
  ScreenedQuery,
  ScreeningHit,
  ScreeningWaiting,
} from '../../../../shared/watchlists/contract.js';
import { WATCHLIST_PROBLEMS } from '../../../../shared/watchlists/problems.js';
import type { EntrySex } from '../../../../shared/watchlists/vocabulary.js';
import type { ActorContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/database.js';
import { notFound, problem } from '../../../platform/errors.js';
import type { Wire } from '../../../platform/http/wire.js';
import { authorize } from '../../../platform/policy/policy.js';
import { sendLetter } from '../../exchange/messages/letters.js';
import * as repo from './repository.js';
import type { DecisionBody, HitListQuery } from './schemas.js';

/** Reads of hits show the screened query and the listed person: the review is their stated purpose. */
const REVIEW_PURPOSE = 'review';

async function toHit(ctx: ActorContext, row: repo.HitRow): Promise<ScreeningHit> {
  const data = ctx.personalData;
  const [query, reasons, decisionReason, names, birthDate, nationalities, sex] = await Promise.all([
    data.decrypt(row.queryEnc),
    data.decrypt(row.reasonsEnc),
    data.decrypt(row.decisionReasonEnc),
    data.decrypt(row.namesEnc),
    data.decrypt(row.birthDateEnc),
    data.decrypt(row.nationalitiesEnc),
    data.decrypt(row.sexEnc),
  ]);
  const named = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);
  return {
    id: row.id,
    status: row.status,
    // Stored as `real`: shown to four places, not as float4 noise (0.8999999761…).
    score: Math.round(row.score * 10_000) / 10_000,
    createdAt: row.createdAt.toISOString(),
    screening: {
      id: row.screeningId,
      purpose: row.purpose,
      unit: { id: row.unitId, name: row.unitName },
      screenedBy: named(row.screenedById, row.screenedByName),
      screenedAt: row.screenedAt.toISOString(),
      query: JSON.parse(query) as ScreenedQuery,
      batchId: row.batchId,
      batchLine: row.batchLine,
    },
    entry: {
      id: row.entryId,
      reference: row.reference,
      status: row.entryStatus,
      names: JSON.parse(names) as EntryName[],
      birthDate: birthDate || null,
      nationalities: nationalities ? (JSON.parse(nationalities) as string[]) : [],
      sex: (sex || null) as EntrySex | null,
      watchlist: {
        id: row.watchlistId,
        name: row.watchlistName,
        handlingCode: row.handlingCode as ScreeningHit['entry']['watchlist']['handlingCode'],
        ownerUnit: {
          id: row.ownerUnitId,
          name: row.ownerUnitName,
          organisationId: row.ownerOrganisationId,
          organisationName: row.ownerOrganisationName,
        },
      },
    },
    reasons: JSON.parse(reasons) as MatchReason[],
    decision:
      row.decidedAt && decisionReason !== null
        ? {
            reason: decisionReason,
            by: named(row.decidedById, row.decidedByName),
            at: row.decidedAt.toISOString(),
            noticeMessageId: row.noticeMessageId,
          }
        : null,
  };
}

/** The review queue: hits of the viewer's units, newest first; one audited read per page. */
export async function listHits(ctx: ActorContext, query: HitListQuery) {
  const { rows, total, open } = await repo.listHits(ctx.db, ctx.viewer, {
    status: query.status,
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  });
  const items = await Promise.all(rows.map((row) => toHit(ctx, row)));
  await ctx.audit({
    action: 'screening.hits.read',
    outcome: 'success',
    targetType: 'screening_hit',
    details: { purpose: REVIEW_PURPOSE, hits: items.length },
  });
  return { items, total, open };
}

async function findOrHide(ctx: ActorContext, id: string): Promise<repo.HitRow> {
  const row = await repo.findHit(ctx.db, ctx.viewer, id);
  if (!row) throw notFound('screening hit');
  return row;
}

export async function getHit(ctx: ActorContext, id: string): Promise<ScreeningHit> {
  const hit = await toHit(ctx, await findOrHide(ctx, id));
  await ctx.audit({
    action: 'screening.hits.read',
    outcome: 'success',
    targetType: 'screening_hit',
    targetId: id,
    details: { purpose: REVIEW_PURPOSE, hits: 1 },
  });
  return hit;
}

/**
 * A person confirms or discards a hit of their unit, with a reason (encrypted). A confirmed hit
 * tells the list's owner unit by an exchange message under the LIST's handling code, naming the
 * entry by its reference, never the screened name. Two decisions on one hit: the second is a 409.
 */
export async function decide(ctx: ActorContext, id: string, body: DecisionBody): Promise<ScreeningHit> {
  const row = await findOrHide(ctx, id);
  authorize(ctx.actor, 'screening.decide', { kind: 'screening', unitId: row.unitId });
  const reason = body.reason.trim();
  if (reason.length < 3)
    throw problem(PLATFORM_PROBLEMS, 'validation', 'State the reason (3 characters at least).', { field: 'reason' });
  const reasonEnc = await ctx.personalData.encrypt(reason);
  const status = body.decision === 'confirm' ? 'confirmed' : 'discarded';
  await ctx.audited(
    async (trx) => {
      const decided = await repo.decideHit(trx, id, { status, reasonEnc, decidedBy: ctx.actor.userId });
      if (!decided) throw problem(WATCHLIST_PROBLEMS, 'hit-already-decided', 'This hit was already confirmed or discarded.');
      if (status !== 'confirmed') return null;
      return notifyOwner(ctx, trx, row);
    },
    (messageId) => ({
      action: 'screening.hit.decided',
      outcome: 'success',
      targetType: 'screening_hit',
      targetId: id,
      details: { decision: status, noticeMessageId: messageId },
    }),
  );
  return toHit(ctx, await findOrHide(ctx, id));
}

/**
 * A confirmed hit says someone was found: its notice keeps the list's code, but never looser than
 * TLP:AMBER (a GREEN or CLEAR list's hit is still not for a community).
 */
const noticeCode = (code: HandlingCode): HandlingCode =>
  handlingCodeRank(code) < handlingCodeRank('TLP:AMBER') ? code : 'TLP:AMBER';

/** The confirmed hit's notice to the list's owner unit (none when the owner screened its own list). */
async function notifyOwner(ctx: ActorContext, trx: Db, row: repo.HitRow): Promise<string | null> {
  if (row.unitId === row.ownerUnitId) return null;
  const link = `${ctx.config.publicUrl}/watchlists/${row.watchlistId}`;
  const messageId = await sendLetter(trx, {
    senderUserId: ctx.actor.userId,
    fromUnitId: row.unitId,
    fromOrganisationId: row.organisationId,
    to: { kind: 'unit', id: row.ownerUnitId },
    handlingCode: noticeCode(row.handlingCode as HandlingCode),
    subject: `Confirmed screening hit on ${row.reference}`,
    body: [
      `**${row.unitName}** confirmed a screening hit on entry **${row.reference}** of your watch-list **${row.watchlistName}** (score ${row.score.toFixed(2)}).`,
      '',
      `The list: ${link}`,
    ].join('\n'),
  });
  await repo.setNoticeMessage(trx, row.id, messageId);
  return messageId;
}

/** Home's card: no personal field, so no personal read to audit. */
export async function waiting(ctx: ActorContext): Promise<Wire<ScreeningWaiting>> {
  const { hits, open, dueLists } = await repo.waiting(ctx.db, ctx.viewer);
  return {
    openHits: open,
    hits: hits.map((hit) => ({ ...hit, score: Number(hit.score) })),
    dueEntries: dueLists.reduce((sum, list) => sum + list.due, 0),
    dueLists: dueLists.slice(0, 5),
  };
}
