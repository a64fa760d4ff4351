import countryNames from 'i18n-iso-countries';
import { ALERT_PROBLEMS } from '../../../../shared/exchange/alerts/problems.js';
import { isAboveGreen } from '../../../../shared/handling-codes.js';
import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import type { SharedRecordAccess } from '../../../../shared/visibility.js';
import type { ActorContext } from '../../../platform/context.js';
import { notFound, problem } from '../../../platform/errors.js';
import { recordEvent } from '../../../platform/events/record.js';
import { renderMarkdown } from '../../../platform/markdown.js';
import { authorize, decide } from '../../../platform/policy/policy.js';
import { resolveDistribution, sharedAccess } from '../../../platform/policy/visibility-filter.js';
import { correlatedAlerts } from './correlation-repository.js';
import * as feedbackRepo from './feedback-repository.js';
import { checkGeometry } from './geometry.js';
import {
  correlationKey,
  extractObservables,
  isWeakLink,
  normaliseObservable,
  OBSERVABLE_KINDS,
  type Observable,
  type ObservableKind,
} from './observables/index.js';
import * as repo from './repository.js';
import type { AlertFilters, ExtractBody, FeedbackBody, IssueBody, ListQuery, WithdrawBody } from './schemas.js';
import { VERDICTS } from './schemas.js';

/** "Expired" is a view of an active alert whose validity has ended, not a stored state. */
export function statusOf(row: { status: string; validUntil: Date }): 'active' | 'expired' | 'withdrawn' {
  if (row.status === 'withdrawn') return 'withdrawn';
  return row.validUntil.getTime() <= Date.now() ? 'expired' : 'active';
}

/** The fields of an alert in lists and on its page. */
export function toSummary(row: repo.Alert) {
  return {
    id: row.id,
    title: row.title,
    category: row.category,
    severity: row.severity,
    validFrom: row.validFrom.toISOString(),
    validUntil: row.validUntil.toISOString(),
    status: statusOf(row),
    area: { countries: row.areaCountries, label: row.areaLabel, geometry: row.areaGeometry },
    handlingCode: row.handlingCode,
    fromUnit: { id: row.originatorUnitId, name: row.originatorUnitName },
    fromOrganisation: {
      id: row.originatorOrganisationId,
      name: row.originatorOrganisationName,
      acronym: row.originatorOrganisationAcronym,
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    observableCount: row.observableCount,
    correlationCount: row.correlationCount,
  };
}

/** Who may see the alert, as the events of the live stream carry it. */

/** Feedback concerns the originating unit alone: its events reach that unit only. */
const originatorOnly = (row: repo.Alert): SharedRecordAccess => ({
  handlingCode: 'TLP:RED',
  originatorUnitId: row.originatorUnitId,
  originatorOrganisationId: row.originatorOrganisationId,
  recipientUnits: [],
  recipientOrganisations: [],
  recipientSharingGroups: [],
  toAllPartners: false,
});

/** Every TLP:AMBER and TLP:RED alert shown (alone, in a list or as a link) is an audited read, in one statement. */
export async function auditRead(ctx: ActorContext, rows: { id: string; handlingCode: string }[], details = {}) {
  await ctx.auditSensitiveReads(
    'alert',
    rows
      .filter((row) => isAboveGreen(row.handlingCode))
      .map((row) => ({ id: row.id, details: { handlingCode: row.handlingCode, ...details } })),
  );
}

/** The alert as the rules on its issuing unit see it. */
const issuedBy = (row: repo.Alert) => ({ kind: 'alert' as const, originatorUnitId: row.originatorUnitId });

/** Feedback for the unit asked for, else the actor's first unit that did not issue the alert. */
function feedbackOf(ctx: ActorContext, row: repo.Alert, requested?: string) {
  const unitId = requested ?? ctx.actor.unitIds.find((unit) => unit !== row.originatorUnitId) ?? row.originatorUnitId;
  return { ...issuedBy(row), unitId };
}

/** The unit an alert is issued from: one of the issuer's own units, the first by default. */
function senderUnit(ctx: ActorContext, requested: string | undefined): string {
  const unit = requested ?? ctx.actor.unitIds[0];
  if (!unit) throw problem(ALERT_PROBLEMS, 'no-unit', 'Alerts are issued from a unit, and your account belongs to none.');
  authorize(ctx.actor, 'unit.actFor', { kind: 'unit', unitId: unit });
  return unit;
}

/** Normalises every observable, or refuses the whole alert naming the first one refused. */
function normaliseAll(inputs: NonNullable<IssueBody['observables']>): (Observable & { key: string })[] {
  const byKey = new Map<string, Observable & { key: string }>();
  inputs.forEach((input, index) => {
    const result = normaliseObservable(input.kind, input.value, {
      defaultCountry: input.country,
      country: input.country,
      platform: input.platform,
    });
    if (!result.ok) {
      throw problem(ALERT_PROBLEMS, 'observable-refused', `Observable ${index} (${input.kind}): ${result.reason}`, {
        index,
        code: result.code,
        reason: result.reason,
      });
    }
    const { ok: _ok, ...observable } = result;
    const key = correlationKey(observable);
    if (!byKey.has(key)) byKey.set(key, { ...observable, key });
  });
  return [...byKey.values()];
}

/** The keys a typed observable may have: it is normalised as every kind that accepts it. */
function observableKeys(text: string): string[] {
  const keys = new Set<string>();
  for (const kind of OBSERVABLE_KINDS) {
    const result = normaliseObservable(kind, text);
    if (result.ok) keys.add(correlationKey(result));
  }
  return [...keys];
}

export function resolveFilters(query: AlertFilters): repo.Filters {
  const q = query.q?.trim();
  const observable = query.observable?.trim();
  return {
    category: query.category,
    severity: query.severity,
    country: query.country,
    status: query.status ?? 'active',
    q: q || undefined,
    observableKeys: observable ? observableKeys(observable) : undefined,
  };
}

export async function issue(ctx: ActorContext, body: IssueBody) {
  const unitId = senderUnit(ctx, body.fromUnitId);
  const title = body.title.trim();
  if (!title) throw problem(PLATFORM_PROBLEMS, 'validation', 'The title is empty.');
  const validFrom = body.validFrom ? new Date(body.validFrom) : new Date();
  const validUntil = new Date(body.validUntil);
  if (validUntil.getTime() <= validFrom.getTime()) {
    throw problem(ALERT_PROBLEMS, 'invalid-validity', 'An alert must be valid until a time after it becomes valid.');
  }
  if (validUntil.getTime() <= Date.now()) {
    throw problem(ALERT_PROBLEMS, 'validity-ended', 'An alert must still be valid when it is issued.');
  }
  const unknown = body.area.countries.find((code) => !countryNames.isValid(code));
  if (unknown)
    throw problem(ALERT_PROBLEMS, 'unknown-country', `${unknown} is not an ISO 3166-1 country code.`, { country: unknown });
  checkGeometry(body.area.geometry);
  const observables = normaliseAll(body.observables ?? []);
  const distribution = await resolveDistribution(ctx.db, body.distribution);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const created = await repo.insertAlert(trx, {
      title,
      category: body.category,
      severity: body.severity,
      validFrom: validFrom.toISOString(),
      validUntil: validUntil.toISOString(),
      areaCountries: body.area.countries,
      areaLabel: body.area.label?.trim() || null,
      areaGeometry: body.area.geometry ?? null,
      description: body.description,
      senderUserId: ctx.actor.userId,
      handlingCode: body.handlingCode,
      originatorUnitId: unitId,
      originatorOrganisationId: ctx.actor.organisationId,
      distribution,
    });
    await repo.insertObservables(trx, created, observables);
    await recordEvent(trx, {
      type: 'alert.new',
      recordType: 'alert',
      recordId: created,
      access: {
        handlingCode: body.handlingCode,
        originatorUnitId: unitId,
        originatorOrganisationId: ctx.actor.organisationId,
        ...distribution,
      },
      actorUserId: ctx.actor.userId,
    });
    const details = {
      handlingCode: body.handlingCode,
      category: body.category,
      severity: body.severity,
      observables: observables.length,
    };
    await ctx.audit({ action: 'alert.issue', outcome: 'success', targetType: 'alert', targetId: created, details }, trx);
    return created;
  });
  return getAlert(ctx, id);
}

export async function list(ctx: ActorContext, query: ListQuery) {
  const filters: repo.Filters = {
    ...resolveFilters(query),
    issuedSince: query.since,
    concerning: query.mine ? { country: ctx.actor.organisation.country, unitIds: ctx.actor.unitIds } : undefined,
  };
  const { alerts, total } = await repo.listAlerts(ctx.db, ctx.viewer, filters, query.limit ?? 50, query.offset ?? 0);
  await auditRead(ctx, alerts);
  return { alerts: alerts.map(toSummary), total, facets: await repo.facets(ctx.db, ctx.viewer, filters) };
}

/** Alerts linked to this one through a shared observable, among those the viewer may see. */
async function correlations(ctx: ActorContext, alertId: string) {
  const rows = await correlatedAlerts(ctx.db, ctx.viewer, alertId);
  const linked = new Map<string, { row: (typeof rows)[number]; shared: { kind: string; display: string; weak: boolean }[] }>();
  for (const row of rows) {
    const entry = linked.get(row.id) ?? { row, shared: [] };
    entry.shared.push({ kind: row.kind, display: row.display, weak: isWeakLink(row.kind as ObservableKind) });
    linked.set(row.id, entry);
  }
  // The title of a linked AMBER/RED alert is a read of it.
  await auditRead(
    ctx,
    [...linked.values()].map(({ row }) => row),
    { via: 'correlation', from: alertId },
  );
  return [...linked.values()].map(({ row, shared }) => ({
    alertId: row.id,
    title: row.title,
    severity: row.severity,
    handlingCode: row.handlingCode,
    status: statusOf(row),
    createdAt: row.createdAt.toISOString(),
    shared,
  }));
}

/**
 * Feedback on an alert: the originating unit sees every unit's, with a count per verdict; anyone
 * else sees only what their own units said (other units' verdicts are not theirs to know).
 */
async function feedbackFor(ctx: ActorContext, row: repo.Alert) {
  const originator = decide(ctx.actor, 'alert.readAllFeedback', issuedBy(row)).allow;
  const rows = await feedbackRepo.currentFeedback(ctx.db, row.id, originator ? null : ctx.actor.unitIds);
  const summary = originator
    ? Object.fromEntries(VERDICTS.map((verdict) => [verdict, rows.filter((f) => f.verdict === verdict).length]))
    : null;
  return {
    scope: originator ? ('all' as const) : ('own' as const),
    entries: rows.map((f) => ({
      unitId: f.unitId,
      unit: f.unitName,
      organisation: { id: f.organisationId, name: f.organisationName },
      verdict: f.verdict,
      comment: f.comment,
      at: f.at.toISOString(),
    })),
    summary,
  };
}

/** One alert with its observables, correlations and feedback, as this viewer may see them. */
export async function getAlert(ctx: ActorContext, id: string) {
  const row = await repo.findAlert(ctx.db, ctx.viewer, id);
  if (!row) throw notFound('alert');
  await auditRead(ctx, [row]);
  const observables = (await repo.observablesOf(ctx.db, [row.id])).get(row.id) ?? [];
  const status = statusOf(row);
  return {
    ...toSummary(row),
    description: row.description,
    descriptionHtml: renderMarkdown(row.description),
    sender: { userId: row.senderUserId, name: row.senderName },
    distribution: {
      units: row.recipientUnits,
      organisations: row.recipientOrganisations,
      sharingGroups: row.recipientSharingGroups,
      allPartners: row.toAllPartners,
    },
    withdrawal: row.withdrawnAt
      ? { at: row.withdrawnAt.toISOString(), by: row.withdrawnByName, reason: row.withdrawnReason }
      : null,
    observables: observables.map((o) => ({
      kind: o.kind,
      value: o.value,
      display: o.display,
      country: o.country,
      platform: o.platform,
      phoneType: o.phoneType,
    })),
    correlations: await correlations(ctx, row.id),
    feedback: await feedbackFor(ctx, row),
    permissions: {
      withdraw: status !== 'withdrawn' && decide(ctx.actor, 'alert.withdraw', issuedBy(row)).allow,
      feedback: status !== 'withdrawn' && decide(ctx.actor, 'alert.giveFeedback', feedbackOf(ctx, row)).allow,
    },
  };
}

/** A receiving unit says whether the alert helped; a new verdict supersedes the unit's previous one. */
export async function giveFeedback(ctx: ActorContext, id: string, body: FeedbackBody) {
  const row = await repo.findAlert(ctx.db, ctx.viewer, id);
  if (!row) throw notFound('alert');
  if (ctx.actor.unitIds.length === 0)
    throw problem(ALERT_PROBLEMS, 'no-unit', 'Feedback is given for a unit, and your account belongs to none.');
  const feedback = feedbackOf(ctx, row, body.unitId);
  authorize(ctx.actor, 'alert.giveFeedback', feedback);
  const { unitId } = feedback;
  if (row.status === 'withdrawn')
    throw problem(ALERT_PROBLEMS, 'alert-withdrawn', 'This alert was withdrawn; it takes no more feedback.');
  await ctx.db.transaction().execute(async (trx) => {
    await feedbackRepo.recordFeedback(trx, {
      alertId: row.id,
      unitId,
      userId: ctx.actor.userId,
      verdict: body.verdict,
      comment: body.comment?.trim() || null,
    });
    await recordEvent(trx, {
      type: 'alert.feedback',
      recordType: 'alert',
      recordId: row.id,
      access: originatorOnly(row),
      actorUserId: ctx.actor.userId,
    });
    const details = { unitId, verdict: body.verdict };
    await ctx.audit({ action: 'alert.feedback', outcome: 'success', targetType: 'alert', targetId: row.id, details }, trx);
  });
  return getAlert(ctx, row.id);
}

/** The originating unit takes its alert back; it stays readable, marked withdrawn with the reason. */
export async function withdraw(ctx: ActorContext, id: string, body: WithdrawBody) {
  const row = await repo.findAlert(ctx.db, ctx.viewer, id);
  if (!row) throw notFound('alert');
  authorize(ctx.actor, 'alert.withdraw', issuedBy(row));
  const done = await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.withdraw(trx, row.id, ctx.actor.userId, body.reason.trim()))) return false;
    await recordEvent(trx, {
      type: 'alert.updated',
      recordType: 'alert',
      recordId: row.id,
      access: sharedAccess(row),
      actorUserId: ctx.actor.userId,
    });
    await ctx.audit({ action: 'alert.withdraw', outcome: 'success', targetType: 'alert', targetId: row.id }, trx);
    return true;
  });
  if (!done) throw problem(ALERT_PROBLEMS, 'already-withdrawn', 'This alert has already been withdrawn.');
  return getAlert(ctx, row.id);
}

/** Observables found in a text (an alert's description), for the author to confirm. */
export function extract(body: ExtractBody) {
  const { candidates, truncated } = extractObservables(body.text, { defaultCountry: body.country, platform: body.platform });
  return {
    candidates: candidates.map((c) => ({
      kind: c.kind,
      value: c.value,
      display: c.display,
      country: c.country ?? null,
      platform: c.platform ?? null,
      phoneType: c.phoneType ?? null,
      spans: c.spans,
    })),
    truncated,
  };
}
