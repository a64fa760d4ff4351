import { sql } from 'kysely';
import { valueProblem } from '../../shared/followup/indicators.js';
import { ACTION_TRANSITIONS, type ActionStatus, statusChangeNeedsReason } from '../../shared/followup/vocabulary.js';
import type { Db } from '../platform/db/database.js';
import { resolveDistribution } from '../platform/policy/visibility-filter.js';
import { targets } from './demo-recipients.js';
import { BORDER_COMMITMENTS } from './followup-commitments-borders.js';
import { SMUGGLING_COMMITMENTS } from './followup-commitments-smuggling.js';
import { DEMO_CYCLE } from './followup-cycle-data.js';
import type { DemoAction, DemoCommitment, DemoIndicator } from './followup-data.js';
import { type FollowupSeedKit, seedKit } from './followup-seed-kit.js';
import { seedReviewCycle } from './seed-followup-cycle.js';

/**
 * Demo follow-up of the demo library: commitments of the demo partners on recommendations of the
 * Côte d'Ivoire, Sofia and Marrakesh documents, their actions, indicators and measurements, and an
 * open review cycle. Rows are written as the API writes them (revisions, action and report history,
 * who and when), dated relative to `today`, in one transaction.
 */

/** As the API asks: delaying or cancelling an action says why. */

export const DEMO_COMMITMENTS: readonly DemoCommitment[] = [...SMUGGLING_COMMITMENTS, ...BORDER_COMMITMENTS];

export interface FollowupSeedResult {
  commitments: number;
  actions: number;
  measurements: number;
  /** Library recommendations linked; fewer than listed when the corpus documents are not in the library. */
  recommendations: number;
  reports: number;
}

/**
 * Seeds once, after the demo library is in place: returns null when the demo follow-up is already
 * there (a restart) or when the database holds no demo accounts (not a demo database).
 */
export async function seedDemoFollowUp(
  db: Db,
  options: { today?: Date; publicUrl?: string } = {},
): Promise<FollowupSeedResult | null> {
  const { today = new Date(), publicUrl = 'http://localhost:8080' } = options;
  const already = await db
    .selectFrom('commitments')
    .select('id')
    .where(
      'title',
      'in',
      DEMO_COMMITMENTS.map((demo) => demo.title),
    )
    .limit(1)
    .executeTakeFirst();
  const secretariat = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', `${DEMO_CYCLE.by}@liaison.demo`)
    .executeTakeFirst();
  if (already || !secretariat) return null;
  return db.transaction().execute(async (trx) => {
    const kit = seedKit(trx, today);
    const result: FollowupSeedResult = { commitments: 0, actions: 0, measurements: 0, recommendations: 0, reports: 0 };
    const ids = new Map<string, string>();
    for (const demo of DEMO_COMMITMENTS) {
      const seeded = await seedCommitment(trx, kit, demo);
      ids.set(demo.title, seeded.id);
      result.commitments++;
      result.actions += seeded.actions;
      result.measurements += seeded.measurements;
      result.recommendations += seeded.recommendations;
    }
    result.reports = await seedReviewCycle(trx, kit, DEMO_CYCLE, ids, publicUrl);
    return result;
  });
}

/** The published recommendation whose document title and text hold the fragments (latest version). */
async function findRecommendation(db: Db, document: string, text: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('knowledge_items as i')
    .innerJoin('knowledge_documents as d', 'd.id', 'i.document_id')
    .select('i.id')
    .where('i.type', '=', 'recommendation')
    .where('i.status', '=', 'published')
    .where('d.status', '=', 'published')
    .where('d.title', 'ilike', `%${document}%`)
    .where('i.text', 'ilike', `%${text}%`)
    .orderBy('d.version', 'desc')
    .orderBy('i.position')
    .executeTakeFirst();
  return row?.id;
}

/**
 * Without the corpus documents (a clone without the shared folder), a commitment still acts on a
 * recommendation: one of the shipped demo library tagged with one of its action-plan references,
 * not yet linked to another demo commitment.
 */
async function recommendationByReference(db: Db, references: string[]): Promise<string | undefined> {
  const row = await sql<{ id: string }>`
    select i.id from knowledge_items i join knowledge_documents d on d.id = i.document_id
    where i.type = 'recommendation' and i.status = 'published' and d.status = 'published'
      and exists (select 1 from jsonb_array_elements(i."references") r where r->>'id' = any(${references}::text[]))
      and not exists (select 1 from commitment_recommendations cr where cr.item_id = i.id)
    order by d.created_at, i.position limit 1`.execute(db);
  return row.rows[0]?.id;
}

async function seedCommitment(db: Db, kit: FollowupSeedKit, demo: DemoCommitment) {
  const author = await kit.person(demo.by);
  const handlingCode = demo.handlingCode ?? 'TLP:CLEAR';
  const contributorIds = await Promise.all(demo.contributors.map((key) => kit.organisation(key)));
  const chosen = demo.to
    ? await resolveDistribution(db, await targets(db, demo.to))
    : { recipientUnits: [], recipientOrganisations: [], recipientSharingGroups: [], toAllPartners: true };
  // As the API does: contributors are always among the recipients, whatever the code.
  const distribution = { ...chosen, recipientOrganisations: [...new Set([...chosen.recipientOrganisations, ...contributorIds])] };
  const created = kit.at(demo.starts - 20);
  const endsOn = kit.on(demo.extended?.from ?? demo.ends);
  const recommendationIds: string[] = [];
  for (const wanted of demo.recommendations) {
    const id = await findRecommendation(db, wanted.document, wanted.text);
    if (id && !recommendationIds.includes(id)) recommendationIds.push(id);
  }
  if (recommendationIds.length === 0 && demo.recommendations.length > 0) {
    const id = await recommendationByReference(db, demo.references);
    if (id) recommendationIds.push(id);
  }
  const { id } = await db
    .insertInto('commitments')
    .values({
      title: demo.title,
      description: demo.description,
      starts_on: kit.on(demo.starts),
      ends_on: endsOn,
      plan_references: demo.references,
      created_by: author.id,
      created_at: created,
      updated_at: created,
      handling_code: handlingCode,
      originator_unit_id: author.unitId,
      originator_organisation_id: author.organisationId,
      recipient_units: distribution.recipientUnits,
      recipient_organisations: distribution.recipientOrganisations,
      recipient_sharing_groups: distribution.recipientSharingGroups,
      to_all_partners: distribution.toAllPartners,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('commitment_partners')
    .values([
      { commitment_id: id, organisation_id: author.organisationId, role: 'lead' },
      ...contributorIds.map((organisationId) => ({ commitment_id: id, organisation_id: organisationId, role: 'contributor' })),
    ])
    .execute();
  if (recommendationIds.length > 0) {
    await db
      .insertInto('commitment_recommendations')
      .values(recommendationIds.map((itemId) => ({ commitment_id: id, item_id: itemId })))
      .execute();
  }
  // The revisions as the API writes them: the creation with every field, then each change.
  const revisions = [
    {
      action: 'create',
      at: created,
      before: null,
      after: {
        title: demo.title,
        startsOn: kit.on(demo.starts),
        endsOn,
        references: demo.references,
        contributors: contributorIds,
        recommendationIds,
        handlingCode,
      },
      reason: null as string | null,
    },
  ];
  if (demo.extended) {
    revisions.push({
      action: 'update',
      at: kit.at(demo.extended.day),
      before: { endsOn } as never,
      after: { endsOn: kit.on(demo.ends) } as never,
      reason: demo.extended.reason,
    });
  }
  if (demo.closed) {
    revisions.push({
      action: 'status',
      at: kit.at(demo.closed.day),
      before: { status: 'active' } as never,
      after: { status: demo.closed.status } as never,
      reason: demo.closed.reason,
    });
  }
  await db
    .insertInto('commitment_revisions')
    .values(
      revisions.map((revision, index) => ({
        commitment_id: id,
        revision: index + 1,
        actor_user_id: author.id,
        at: revision.at,
        action: revision.action,
        before: revision.before === null ? null : JSON.stringify(revision.before),
        after: JSON.stringify(revision.after),
        reason: revision.reason,
      })),
    )
    .execute();
  // Its last change is the latest of its own revisions, its actions' and its measurements' (as the API touches it).
  const changes = [revisions[revisions.length - 1].at.getTime()];
  for (const action of demo.actions) changes.push((await seedAction(db, kit, id, demo.by, created, action)).getTime());
  let measurements = 0;
  for (const indicator of demo.indicators) {
    const seeded = await seedIndicator(db, kit, id, demo, indicator, created);
    measurements += seeded.count;
    if (seeded.last) changes.push(seeded.last.getTime());
  }
  await db
    .updateTable('commitments')
    .set({
      revision: revisions.length,
      ends_on: kit.on(demo.ends),
      status: demo.closed?.status ?? 'active',
      status_reason: demo.closed?.reason ?? null,
      updated_at: new Date(Math.max(...changes)),
    })
    .where('id', '=', id)
    .execute();
  return { id, actions: demo.actions.length, measurements, recommendations: recommendationIds.length };
}

/**
 * An action and its history: the creation (by the commitment's author), then each status or
 * due-date change with its reason, by the author when the lead owns the action, else by a member
 * of the contributor's owner unit (focal points sit in the first unit, analysts in the last).
 */
async function seedAction(
  db: Db,
  kit: FollowupSeedKit,
  commitmentId: string,
  /** The commitment's author (demo account). */
  by: string,
  created: Date,
  demo: DemoAction,
): Promise<Date> {
  const [ownerKey, ownerIndex] = demo.owner;
  const author = await kit.person(by);
  const creator = author.id;
  const owner = await kit.person(`${ownerIndex === 0 ? 'focal' : 'analyst'}.${ownerKey}`);
  const changedBy = owner.organisationId === author.organisationId ? creator : owner.id;
  let status: ActionStatus = 'planned';
  let due = kit.on(demo.due);
  type Row = {
    at: Date;
    from_status: string | null;
    to_status: string;
    from_due_on: string | null;
    to_due_on: string;
    reason: string | null;
  };
  const history: Row[] = [{ at: created, from_status: null, to_status: status, from_due_on: null, to_due_on: due, reason: null }];
  for (const step of demo.steps) {
    const reason = step.reason ?? null;
    // As the API keeps them: a status change names the due date unchanged, a new due date is a row of its own.
    if (step.status !== status) {
      const allowed =
        ACTION_TRANSITIONS[status].includes(step.status) && (step.reason || !statusChangeNeedsReason(status, step.status));
      if (!allowed) throw new Error(`demo action "${demo.title}": ${status} cannot become ${step.status} so`);
      history.push({
        at: kit.at(step.day),
        from_status: status,
        to_status: step.status,
        from_due_on: due,
        to_due_on: due,
        reason,
      });
      status = step.status;
    }
    if (step.due !== undefined && kit.on(step.due) !== due) {
      const next = kit.on(step.due);
      history.push({
        at: kit.at(step.day, 5),
        from_status: status,
        to_status: status,
        from_due_on: due,
        to_due_on: next,
        reason,
      });
      due = next;
    }
  }
  const last = history[history.length - 1].at;
  const { id } = await db
    .insertInto('followup_actions')
    .values({
      commitment_id: commitmentId,
      title: demo.title,
      description: demo.description,
      owner_unit_id: await kit.unit(...demo.owner),
      due_on: due,
      status,
      revision: history.length,
      created_by: creator,
      created_at: created,
      updated_at: last,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('followup_action_history')
    .values(history.map((row, index) => ({ ...row, action_id: id, actor_user_id: index === 0 ? creator : changedBy })))
    .execute();
  return last;
}

/** An indicator and its measurements, each reported by the lead's focal point two days after it was measured. */
async function seedIndicator(
  db: Db,
  kit: FollowupSeedKit,
  commitmentId: string,
  commitment: DemoCommitment,
  demo: DemoIndicator,
  created: Date,
): Promise<{ count: number; last: Date | null }> {
  const reporter = await kit.person(commitment.by);
  const reportedAt = (day: number) => kit.at(Math.min(day + 2, -1));
  // The demo keeps the rules the API enforces on measurements, so an edit of the data cannot slip past them.
  for (const [value, day] of demo.measurements) {
    const wrong = valueProblem(demo.valueType, value, demo.milestones?.length ?? 0);
    if (wrong || day < demo.baseline[1] || day > 0)
      throw new Error(`demo indicator "${demo.name}": ${wrong ?? 'measured out of range'}`);
  }
  const { id } = await db
    .insertInto('indicators')
    .values({
      commitment_id: commitmentId,
      name: demo.name,
      measure_unit: demo.measureUnit,
      direction: demo.direction,
      value_type: demo.valueType,
      milestones: demo.milestones ?? [],
      baseline_value: String(demo.baseline[0]),
      baseline_on: kit.on(demo.baseline[1]),
      target_value: String(demo.target[0]),
      target_on: kit.on(demo.target[1]),
      created_by: reporter.id,
      created_at: created,
      updated_at: created,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (demo.measurements.length === 0) return { count: 0, last: null };
  await db
    .insertInto('indicator_measurements')
    .values(
      demo.measurements.map(([value, day, source, url]) => ({
        indicator_id: id,
        value: String(value),
        measured_on: kit.on(day),
        source,
        evidence_url: url ?? null,
        reported_by: reporter.id,
        reported_unit_id: reporter.unitId,
        reported_at: reportedAt(day),
      })),
    )
    .execute();
  return {
    count: demo.measurements.length,
    last: new Date(Math.max(...demo.measurements.map(([, day]) => reportedAt(day).getTime()))),
  };
}
