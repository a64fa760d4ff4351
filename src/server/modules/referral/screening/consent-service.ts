import { REFERRAL_PROBLEMS } from '../../../../shared/referral/problems.js';
import type {
  BestInterestsList,
  BestInterestsStepReply,
  Consent,
  ConsentList,
  WithdrawnConsent,
} from '../../../../shared/referral/screening-contract.js';
import { PERSONAL_FIELDS, type PersonalField } from '../../../../shared/referral/vocabulary.js';
import type { ActorContext } from '../../../platform/context.js';
import { notFound, problem } from '../../../platform/errors.js';
import { caseFor } from '../cases/case-access.js';
import { stopSharingUnderConsent } from '../referrals/sharing.js';
import * as consents from './consent-repository.js';
import { mayEdit, readNotes } from './notes.js';
import { touchCase } from './repository.js';
import type { BestInterestsBody, ConsentBody, WithdrawBody } from './schemas.js';

/** Consent of the person (recorded, listed, withdrawn) and a child's best-interests procedure. */

/** A consent may be dated a little ahead of the server's clock (a device's clock), not more. */
const CLOCK_SKEW_MS = 5 * 60_000;

const isPersonalField = (field: string): field is PersonalField => (PERSONAL_FIELDS as readonly string[]).includes(field);

function toConsent(record: consents.ConsentRecord): Consent {
  return {
    id: record.id,
    caseId: record.caseId,
    scope: record.scope,
    provider: record.provider,
    organisation: record.organisation,
    fields: record.fields,
    recordedHow: record.recordedHow,
    givenAt: record.givenAt.toISOString(),
    recordedBy: record.recordedBy,
    recordedAt: record.recordedAt.toISOString(),
    status: record.withdrawnAt ? 'withdrawn' : 'active',
    withdrawnAt: record.withdrawnAt?.toISOString() ?? null,
    withdrawnBy: record.withdrawnBy,
    withdrawalReason: record.withdrawalReason,
  };
}

async function oneConsent(ctx: ActorContext, id: string): Promise<Consent> {
  const [record] = await consents.listConsents(ctx.db, { id });
  if (!record) throw notFound('consent');
  return toConsent(record);
}

const invalidConsent = (detail: string) => problem(REFERRAL_PROBLEMS, 'invalid-consent', detail);

/** What a consent names must exist and fit its scope; its fields are personal fields. */
async function checkConsent(ctx: ActorContext, body: ConsentBody): Promise<PersonalField[]> {
  const unknown = body.fields.filter((field) => !isPersonalField(field));
  if (unknown.length > 0) throw invalidConsent(`These are not personal fields of a case: ${unknown.join(', ')}.`);
  if (body.scope === 'share_with_service' && (!body.providerId || body.organisationId))
    throw invalidConsent('Consent to share with a service names the service (providerId), and no organisation.');
  if (body.scope === 'transnational_referral' && (!body.organisationId || body.providerId))
    throw invalidConsent('Consent to a transnational referral names the partner organisation (organisationId), and no service.');
  if (body.scope === 'be_contacted' && (body.providerId || body.organisationId))
    throw invalidConsent('Consent to be contacted names neither a service nor an organisation.');
  if (body.providerId && !(await consents.providerExists(ctx.db, body.providerId)))
    throw invalidConsent('The service this consent names is not in the directory.');
  if (body.organisationId && !(await consents.organisationExists(ctx.db, body.organisationId)))
    throw invalidConsent('The organisation this consent names does not exist.');
  const givenAt = new Date(body.givenAt);
  if (Number.isNaN(givenAt.getTime()) || givenAt.getTime() > Date.now() + CLOCK_SKEW_MS)
    throw problem(REFERRAL_PROBLEMS, 'invalid-date', 'A consent cannot be given in the future.');
  return PERSONAL_FIELDS.filter((field) => body.fields.includes(field));
}

export async function listConsents(ctx: ActorContext, caseId: string): Promise<ConsentList> {
  const head = await caseFor(ctx, caseId, 'case.readSummary');
  const items = (await consents.listConsents(ctx.db, { caseId })).map(toConsent);
  return { items, total: items.length, caseIsChild: head.isChild, permissions: { edit: mayEdit(ctx, head) } };
}

export async function recordConsent(ctx: ActorContext, caseId: string, body: ConsentBody): Promise<Consent> {
  await caseFor(ctx, caseId, 'case.edit');
  const fields = await checkConsent(ctx, body);
  const id = await ctx.audited(
    async (trx) => {
      await caseFor(ctx, caseId, 'case.edit', trx);
      const id = await consents.insertConsent(trx, {
        caseId,
        scope: body.scope,
        providerId: body.providerId ?? null,
        organisationId: body.organisationId ?? null,
        fields,
        recordedHow: body.recordedHow,
        givenAt: new Date(body.givenAt),
        recordedBy: ctx.actor.userId,
      });
      await touchCase(trx, caseId);
      return id;
    },
    (id) => ({
      action: 'case.consent.record',
      targetType: 'case',
      targetId: caseId,
      outcome: 'success',
      details: {
        consentId: id,
        scope: body.scope,
        providerId: body.providerId ?? null,
        organisationId: body.organisationId ?? null,
        fields,
      },
    }),
  );
  return oneConsent(ctx, id);
}

/**
 * Withdraws a consent: it stays on the case (status `withdrawn`, who, when, why) and the referrals
 * that left under it share nothing more, in the same transaction.
 */
export async function withdrawConsent(ctx: ActorContext, consentId: string, body: WithdrawBody): Promise<WithdrawnConsent> {
  const found = await consents.consentHead(ctx.db, consentId);
  if (!found) throw notFound('consent');
  const caseId = found.caseId;
  await caseFor(ctx, caseId, 'case.edit');
  const stoppedReferrals = await ctx.audited(
    async (trx) => {
      await caseFor(ctx, caseId, 'case.edit', trx);
      const consent = await consents.consentHead(trx, consentId, true);
      if (consent?.withdrawn) throw problem(REFERRAL_PROBLEMS, 'consent-withdrawn', 'This consent was already withdrawn.');
      await consents.withdrawConsent(trx, consentId, ctx.actor.userId, body.reason);
      const stopped = await stopSharingUnderConsent(ctx, trx, consentId, body.reason);
      await touchCase(trx, caseId);
      return stopped;
    },
    // The reason is the person's words: kept on the consent, not in the audit trail.
    (stopped) => ({
      action: 'case.consent.withdraw',
      targetType: 'case',
      targetId: caseId,
      outcome: 'success',
      details: { consentId, stoppedReferrals: stopped },
    }),
  );
  return { consent: await oneConsent(ctx, consentId), stoppedReferrals };
}

function toStep(record: consents.StepRecord, notes: string | null): BestInterestsStepReply {
  return {
    id: record.id,
    caseId: record.caseId,
    step: record.step,
    decision: record.decision,
    authority: record.authority,
    notes,
    hasNotes: record.notesEnc !== null,
    recordedBy: record.recordedBy,
    recordedAt: record.recordedAt.toISOString(),
  };
}

export async function listBestInterests(ctx: ActorContext, caseId: string): Promise<BestInterestsList> {
  const head = await caseFor(ctx, caseId, 'case.readSummary');
  const records = await consents.listSteps(ctx.db, caseId);
  const notes = await readNotes(ctx, head, records, 'bestInterestsNotes');
  const items = records.map((record) => toStep(record, notes.get(record.id) ?? null));
  return {
    items,
    total: items.length,
    referralInBestInterests: items.some((step) => step.decision === 'referral_in_best_interests'),
    caseIsChild: head.isChild,
    permissions: { edit: head.isChild && mayEdit(ctx, head) },
  };
}

export async function recordBestInterests(
  ctx: ActorContext,
  caseId: string,
  body: BestInterestsBody,
): Promise<BestInterestsStepReply> {
  const head = await caseFor(ctx, caseId, 'case.edit');
  if (!head.isChild)
    throw problem(REFERRAL_PROBLEMS, 'not-a-child-case', 'Best-interests steps are recorded for a child’s case only.');
  const notes = body.notes?.trim() ? body.notes : null;
  const notesEnc = await ctx.personalData.encrypt(notes);
  const id = await ctx.audited(
    async (trx) => {
      await caseFor(ctx, caseId, 'case.edit', trx);
      const id = await consents.insertStep(trx, {
        caseId,
        step: body.step,
        decision: body.decision,
        authority: body.authority,
        notesEnc,
        recordedBy: ctx.actor.userId,
      });
      await touchCase(trx, caseId);
      return id;
    },
    (id) => ({
      action: 'case.bestInterests.record',
      targetType: 'case',
      targetId: caseId,
      outcome: 'success',
      details: { stepId: id, step: body.step, decision: body.decision, fields: notes ? ['bestInterestsNotes'] : [] },
    }),
  );
  const [record] = await consents.listSteps(ctx.db, caseId, id);
  if (!record) throw new Error('the step just recorded is missing');
  return toStep(record, notes);
}
