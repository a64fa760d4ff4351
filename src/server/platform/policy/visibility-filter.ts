import { type RawBuilder, sql } from 'kysely';
import type { HandlingCode } from '../../../shared/handling-codes.js';
import type { DistributionTarget, SharedRecordAccess, Viewer } from '../../../shared/visibility.js';
import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/database.js';
import { invalid } from '../errors.js';
import { findActiveTargets } from './distribution-repository.js';

/**
 * The sharing rule as SQL: every read path of shared records — lists, search, counts, facets,
 * exports, attachments — puts this in its WHERE clause. It calls `liaison_visible`
 * (migrations/0018_sharing_rule.sql), the rule's one SQL definition, which PostgreSQL inlines; its
 * TypeScript twin is `isVisibleTo` (src/shared/visibility.ts). A table holding shared records
 * carries these columns (see docs/ARCHITECTURE.md):
 *   handling_code, originator_unit_id, originator_organisation_id,
 *   recipient_units uuid[], recipient_organisations uuid[], recipient_sharing_groups uuid[],
 *   to_all_partners boolean
 */
export function visibleTo(viewer: Viewer | null, table: string): RawBuilder<boolean> {
  const column = (name: string) => sql.ref(`${table}.${name}`);
  // The public: no organisation, no units, no groups (TLP:CLEAR only).
  return sql<boolean>`liaison_visible(${column('handling_code')}, ${column('originator_unit_id')},
    ${column('originator_organisation_id')}, ${column('recipient_units')}, ${column('recipient_organisations')},
    ${column('recipient_sharing_groups')}, ${column('to_all_partners')},
    ${viewer?.organisationId ?? null}::uuid, ${viewer?.unitIds ?? []}::uuid[], ${viewer?.sharingGroupIds ?? []}::uuid[])`;
}

/** The actor as the sharing rule sees it; built once per request, into its context (authenticate.ts). */
export const viewerOf = (actor: Actor | null): Viewer | null =>
  actor ? { organisationId: actor.organisationId, unitIds: actor.unitIds, sharingGroupIds: actor.sharingGroupIds } : null;

export interface ResolvedDistribution {
  recipientUnits: string[];
  recipientOrganisations: string[];
  recipientSharingGroups: string[];
  toAllPartners: boolean;
}

/**
 * Turns the targets a sender chose into the stored recipient columns. The organisations of named
 * units are resolved now, so an AMBER record reaches them even if a unit is later deactivated.
 * Unknown or inactive targets are refused rather than silently dropped.
 */
export async function resolveDistribution(db: Db, targets: DistributionTarget[]): Promise<ResolvedDistribution> {
  const ids = (kind: DistributionTarget['kind']) =>
    targets.flatMap((target) => (target.kind === kind && 'id' in target ? [target.id] : []));
  const unitIds = [...new Set(ids('unit'))];
  const organisationIds = [...new Set(ids('organisation'))];
  const groupIds = [...new Set(ids('sharing_group'))];
  const active = await findActiveTargets(db, { unitIds, organisationIds, sharingGroupIds: groupIds });
  if (
    active.units.length !== unitIds.length ||
    active.organisationIds.length !== organisationIds.length ||
    active.sharingGroupIds.length !== groupIds.length
  ) {
    throw invalid('The distribution names a unit, organisation or sharing group that does not exist or is inactive.');
  }
  return {
    recipientUnits: unitIds,
    recipientOrganisations: [...new Set([...organisationIds, ...active.units.map((u) => u.organisationId)])],
    recipientSharingGroups: groupIds,
    toAllPartners: targets.some((target) => target.kind === 'all_partners'),
  };
}

/** The visibility columns of a shared record's row, as SQL returns them. */
export interface SharedRecordColumns {
  handling_code: string;
  originator_unit_id: string;
  originator_organisation_id: string;
  recipient_units: string[];
  recipient_organisations: string[];
  recipient_sharing_groups: string[];
  to_all_partners: boolean;
}

/** A row's visibility columns as the rule's record (events carry it; `isVisibleTo` reads it). */
export const accessOfRow = (row: SharedRecordColumns): SharedRecordAccess => ({
  handlingCode: row.handling_code as HandlingCode,
  originatorUnitId: row.originator_unit_id,
  originatorOrganisationId: row.originator_organisation_id,
  recipientUnits: row.recipient_units,
  recipientOrganisations: row.recipient_organisations,
  recipientSharingGroups: row.recipient_sharing_groups,
  toAllPartners: row.to_all_partners,
});

/** Just the rule's fields of a record that carries more (events store exactly these). */
export const sharedAccess = (record: SharedRecordAccess): SharedRecordAccess => ({
  handlingCode: record.handlingCode,
  originatorUnitId: record.originatorUnitId,
  originatorOrganisationId: record.originatorOrganisationId,
  recipientUnits: record.recipientUnits,
  recipientOrganisations: record.recipientOrganisations,
  recipientSharingGroups: record.recipientSharingGroups,
  toAllPartners: record.toAllPartners,
});
