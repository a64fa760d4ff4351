import type {
  CommitmentSummary,
  CountsByActionStatus,
  FollowupAction,
  Indicator,
  Measurement,
} from '../../../../shared/followup/contract.js';
import { standingOf } from '../../../../shared/followup/indicators.js';
import type { Db } from '../../../platform/db/database.js';
import * as actionsRepo from './actions-repository.js';
import * as indicatorsRepo from './indicators-repository.js';
import type { Commitment } from './repository.js';

/** Replies of the commitments API, built from rows the caller has read through the visibility rule. */

export const toActionReply = (action: actionsRepo.Action, history: actionsRepo.HistoryRow[]): FollowupAction => ({
  id: action.id,
  commitmentId: action.commitmentId,
  title: action.title,
  description: action.description,
  ownerUnit: action.ownerUnit,
  dueOn: action.dueOn,
  status: action.status,
  overdue: action.overdue,
  revision: action.revision,
  history: history
    .filter((h) => h.actionId === action.id)
    .map((h) => ({
      at: h.at.toISOString(),
      by: h.by,
      fromStatus: h.fromStatus,
      toStatus: h.toStatus,
      fromDueOn: h.fromDueOn,
      toDueOn: h.toDueOn,
      reason: h.reason,
    })),
});

const toMeasurementReply = (m: indicatorsRepo.MeasurementRow): Measurement => ({
  id: m.id,
  value: m.value,
  measuredOn: m.measuredOn,
  source: m.source,
  note: m.note,
  evidence: m.attachment
    ? { kind: 'file', filename: m.attachment.filename, size: m.attachment.size, mediaType: m.attachment.mediaType }
    : m.url
      ? { kind: 'link', url: m.url }
      : null,
  reportedBy: m.reportedBy,
  reportedAt: m.reportedAt.toISOString(),
  withdrawn: m.withdrawn ? { at: m.withdrawn.at.toISOString(), reason: m.withdrawn.reason } : null,
});

/** An indicator with where it stands (`standingOf`, over the measurements not withdrawn). */
export function toIndicatorReply(
  indicator: indicatorsRepo.IndicatorRow,
  measurements: indicatorsRepo.MeasurementRow[],
): Indicator {
  const own = measurements.filter((m) => m.indicatorId === indicator.id);
  const standing = standingOf(
    { baseline: indicator.baseline, target: indicator.target },
    own.filter((m) => !m.withdrawn).map((m) => ({ value: m.value, on: m.measuredOn })),
  );
  return {
    id: indicator.id,
    commitmentId: indicator.commitmentId,
    name: indicator.name,
    measureUnit: indicator.measureUnit,
    direction: indicator.direction,
    valueType: indicator.valueType,
    milestones: indicator.milestones,
    baseline: indicator.baseline,
    target: indicator.target,
    latest: standing.latest,
    attainment: standing.attainment,
    trend: standing.trend,
    revision: indicator.revision,
    measurements: own.map(toMeasurementReply),
  };
}

/** Actions (with history) and indicators (with measurements) of these commitments. */
export async function partsOf(db: Db, commitmentIds: string[]) {
  const actions = await actionsRepo.actionsOf(db, commitmentIds);
  const history = await actionsRepo.historyOf(
    db,
    actions.map((a) => a.id),
  );
  const indicators = await indicatorsRepo.indicatorsOf(db, commitmentIds);
  const measurements = await indicatorsRepo.measurementsOf(
    db,
    indicators.map((i) => i.id),
  );
  return {
    actions: actions.map((a) => toActionReply(a, history)),
    indicators: indicators.map((i) => toIndicatorReply(i, measurements)),
  };
}

export type Parts = Awaited<ReturnType<typeof partsOf>>;

export function toSummary(c: Commitment, parts: Parts): CommitmentSummary {
  const actions = parts.actions.filter((a) => a.commitmentId === c.id);
  const indicators = parts.indicators.filter((i) => i.commitmentId === c.id);
  const counts: CountsByActionStatus = { planned: 0, in_progress: 0, done: 0, delayed: 0, cancelled: 0 };
  for (const action of actions) counts[action.status] += 1;
  return {
    id: c.id,
    title: c.title,
    status: c.status,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    lead: c.lead,
    references: c.references,
    handlingCode: c.handlingCode,
    actions: counts,
    overdueActions: actions.filter((a) => a.overdue).length,
    indicators: {
      total: indicators.length,
      achieved: indicators.filter((i) => i.trend === 'achieved').length,
      onTrack: indicators.filter((i) => i.trend === 'on_track').length,
      offTrack: indicators.filter((i) => i.trend === 'off_track').length,
    },
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** Summaries of a page of commitments, their parts read in a few statements. */
export async function summaries(db: Db, commitments: Commitment[]): Promise<CommitmentSummary[]> {
  const parts = await partsOf(
    db,
    commitments.map((c) => c.id),
  );
  return commitments.map((c) => toSummary(c, parts));
}
