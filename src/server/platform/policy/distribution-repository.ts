import type { Db } from '../db/database.js';

/** The active units, organisations and sharing groups among the ids a sender named. */
export interface ActiveTargets {
  units: { id: string; organisationId: string }[];
  organisationIds: string[];
  sharingGroupIds: string[];
}

export async function findActiveTargets(
  db: Db,
  ids: { unitIds: string[]; organisationIds: string[]; sharingGroupIds: string[] },
): Promise<ActiveTargets> {
  const units =
    ids.unitIds.length === 0
      ? []
      : await db
          .selectFrom('units')
          .select(['id', 'organisation_id'])
          .where('id', 'in', ids.unitIds)
          .where('active', '=', true)
          .execute();
  const organisations =
    ids.organisationIds.length === 0
      ? []
      : await db
          .selectFrom('organisations')
          .select('id')
          .where('id', 'in', ids.organisationIds)
          .where('active', '=', true)
          .execute();
  const groups =
    ids.sharingGroupIds.length === 0
      ? []
      : await db
          .selectFrom('sharing_groups')
          .select('id')
          .where('id', 'in', ids.sharingGroupIds)
          .where('active', '=', true)
          .execute();
  return {
    units: units.map((unit) => ({ id: unit.id, organisationId: unit.organisation_id })),
    organisationIds: organisations.map((organisation) => organisation.id),
    sharingGroupIds: groups.map((group) => group.id),
  };
}
