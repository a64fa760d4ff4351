import { sql } from 'kysely';
import type { ActionStatus } from '../../../../shared/followup/vocabulary.js';
import type { Db } from '../../../platform/db/database.js';

/**
 * SQL of a commitment's actions and their history. Callers reach an action only through its
 * commitment, read first through the visibility rule (repository.ts), or through `findAction`,
 * which applies the rule itself.
 */

export interface Action {
  id: string;
  commitmentId: string;
  title: string;
  description: string;
  ownerUnit: { id: string; name: string; organisationId: string };
  dueOn: string;
  status: ActionStatus;
  revision: number;
  overdue: boolean;
}

interface Row {
  id: string;
  commitment_id: string;
  title: string;
  description: string;
  owner_unit_id: string;
  owner_unit_name: string;
  owner_organisation_id: string;
  due_on: string;
  status: ActionStatus;
  revision: number;
  overdue: boolean;
}

const toAction = (row: Row): Action => ({
  id: row.id,
  commitmentId: row.commitment_id,
  title: row.title,
  description: row.description,
  ownerUnit: { id: row.owner_unit_id, name: row.owner_unit_name, organisationId: row.owner_organisation_id },
  dueOn: row.due_on,
  status: row.status,
  revision: row.revision,
  overdue: row.overdue,
});

const COLUMNS = sql`a.id, a.commitment_id, a.title, a.description, a.owner_unit_id, un.name as owner_unit_name,
  un.organisation_id as owner_organisation_id, a.due_on::text as due_on, a.status, a.revision,
  (a.status not in ('done', 'cancelled') and a.due_on < current_date) as overdue`;

export async function insertAction(
  db: Db,
  a: { commitmentId: string; title: string; description: string; ownerUnitId: string; dueOn: string; createdBy: string },
): Promise<string> {
  const row = await db
    .insertInto('followup_actions')
    .values({
      commitment_id: a.commitmentId,
      title: a.title,
      description: a.description,
      owner_unit_id: a.ownerUnitId,
      due_on: a.dueOn,
      created_by: a.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface HistoryEntry {
  actionId: string;
  actorUserId: string;
  fromStatus: string | null;
  toStatus: string;
  fromDueOn: string | null;
  toDueOn: string;
  reason: string | null;
}

export async function insertHistory(db: Db, h: HistoryEntry) {
  await db
    .insertInto('followup_action_history')
    .values({
      action_id: h.actionId,
      actor_user_id: h.actorUserId,
      from_status: h.fromStatus,
      to_status: h.toStatus,
      from_due_on: h.fromDueOn,
      to_due_on: h.toDueOn,
      reason: h.reason,
    })
    .execute();
}

/** One action, without a visibility check: the caller has read its commitment through the rule. */
export async function findAction(db: Db, id: string): Promise<Action | undefined> {
  const result = await sql<Row>`select ${COLUMNS} from followup_actions a join units un on un.id = a.owner_unit_id
    where a.id = ${id}`.execute(db);
  return result.rows[0] && toAction(result.rows[0]);
}

/** Actions of commitments already read through the visibility rule, by due date. */
export async function actionsOf(db: Db, commitmentIds: string[]): Promise<Action[]> {
  if (commitmentIds.length === 0) return [];
  const result = await sql<Row>`select ${COLUMNS} from followup_actions a join units un on un.id = a.owner_unit_id
    where a.commitment_id = any(${commitmentIds}::uuid[]) order by a.commitment_id, a.due_on, a.created_at, a.id`.execute(db);
  return result.rows.map(toAction);
}

export interface HistoryRow {
  actionId: string;
  at: Date;
  by: { id: string; name: string } | null;
  fromStatus: ActionStatus | null;
  toStatus: ActionStatus;
  fromDueOn: string | null;
  toDueOn: string;
  reason: string | null;
}

export async function historyOf(db: Db, actionIds: string[]): Promise<HistoryRow[]> {
  if (actionIds.length === 0) return [];
  const result = await sql<{
    action_id: string;
    at: Date;
    actor_user_id: string | null;
    name: string | null;
    from_status: ActionStatus | null;
    to_status: ActionStatus;
    from_due_on: string | null;
    to_due_on: string;
    reason: string | null;
  }>`select h.action_id, h.at, h.actor_user_id, u.display_name as name, h.from_status, h.to_status,
      h.from_due_on::text as from_due_on, h.to_due_on::text as to_due_on, h.reason
    from followup_action_history h left join users u on u.id = h.actor_user_id
    where h.action_id = any(${actionIds}::uuid[]) order by h.id`.execute(db);
  return result.rows.map((row) => ({
    actionId: row.action_id,
    at: new Date(row.at),
    by: row.actor_user_id && row.name ? { id: row.actor_user_id, name: row.name } : null,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    fromDueOn: row.from_due_on,
    toDueOn: row.to_due_on,
    reason: row.reason,
  }));
}

export interface ActionChange {
  title?: string;
  description?: string;
  ownerUnitId?: string;
  dueOn?: string;
  status?: ActionStatus;
}

/** Applies a change made on `revision`; false when the action has moved on since (stale edit). */
export async function updateAction(db: Db, id: string, revision: number, change: ActionChange): Promise<boolean> {
  const result = await db
    .updateTable('followup_actions')
    .set({
      ...(change.title !== undefined && { title: change.title }),
      ...(change.description !== undefined && { description: change.description }),
      ...(change.ownerUnitId !== undefined && { owner_unit_id: change.ownerUnitId }),
      ...(change.dueOn !== undefined && { due_on: change.dueOn }),
      ...(change.status !== undefined && { status: change.status }),
      revision: sql`revision + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Whether a unit (active) belongs to one of these organisations. */
export async function isUnitOf(db: Db, unitId: string, organisationIds: string[]): Promise<boolean> {
  if (organisationIds.length === 0) return false;
  const row = await db
    .selectFrom('units')
    .select('id')
    .where('id', '=', unitId)
    .where('active', '=', true)
    .where('organisation_id', 'in', organisationIds)
    .executeTakeFirst();
  return row !== undefined;
}
