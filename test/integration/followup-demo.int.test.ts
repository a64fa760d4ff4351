import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CYCLE } from '../../src/server/demo/followup-cycle-data.js';
import { DEMO_COMMITMENTS } from '../../src/server/demo/followup-data.js';
import { seedDemoFollowUp } from '../../src/server/demo/seed-followup.js';
import { standingOf } from '../../src/shared/followup/indicators.js';
import { ACTION_STATUSES, VALUE_TYPES } from '../../src/shared/followup/vocabulary.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The demo follow-up on the test database (the demo accounts and the corpus library of the
 * template, which holds the Côte d'Ivoire, Sofia and Marrakesh documents).
 */
let t: TestApp;
const today = new Date();
const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const date = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const db = () => t.database.db;

describe('demo follow-up', () => {
  it('is seeded once: a second run (a restart) adds nothing', async () => {
    const first = await seedDemoFollowUp(db(), today);
    expect(first).toMatchObject({ commitments: DEMO_COMMITMENTS.length, reports: DEMO_CYCLE.reports.length });
    expect(first?.recommendations).toBe(DEMO_COMMITMENTS.reduce((sum, demo) => sum + demo.recommendations.length, 0));
    expect(await seedDemoFollowUp(db(), today)).toBeNull();
    const rows = await db().selectFrom('commitments').select('id').execute();
    expect(rows).toHaveLength(DEMO_COMMITMENTS.length);
  });

  it('has commitments led by demo partners on recommendations of the three documents', async () => {
    const commitments = await db()
      .selectFrom('commitments')
      .select(['id', 'status', 'status_reason', 'handling_code', 'originator_organisation_id', 'plan_references', 'revision'])
      .execute();
    expect(new Set(commitments.map((c) => c.status))).toEqual(new Set(['active', 'completed', 'cancelled']));
    expect(commitments.filter((c) => c.status === 'cancelled').every((c) => c.status_reason)).toBe(true);
    const codes = commitments.map((c) => c.handling_code);
    expect(codes.filter((code) => code === 'TLP:CLEAR').length).toBeGreaterThanOrEqual(10);
    expect(codes).toEqual(expect.arrayContaining(['TLP:GREEN', 'TLP:AMBER']));
    expect(commitments.flatMap((c) => c.plan_references)).toEqual(
      expect.arrayContaining(['CAP:objective:7', 'MAP:domain:4', 'GCM:9']),
    );

    const leads = await db().selectFrom('commitment_partners').selectAll().where('role', '=', 'lead').execute();
    for (const c of commitments) {
      expect(leads.filter((lead) => lead.commitment_id === c.id).map((lead) => lead.organisation_id)).toEqual([
        c.originator_organisation_id,
      ]);
    }
    const contributors = await db()
      .selectFrom('commitment_partners')
      .select('commitment_id')
      .where('role', '=', 'contributor')
      .execute();
    expect(new Set(contributors.map((row) => row.commitment_id)).size).toBeGreaterThanOrEqual(8);

    const linked = await db()
      .selectFrom('commitment_recommendations as cr')
      .innerJoin('knowledge_items as i', 'i.id', 'cr.item_id')
      .innerJoin('knowledge_documents as d', 'd.id', 'i.document_id')
      .select(['cr.commitment_id', 'i.type', 'i.status', 'd.city', 'd.title'])
      .execute();
    expect(new Set(linked.map((row) => row.commitment_id)).size).toBe(commitments.length);
    expect(linked.every((row) => row.type === 'recommendation' && row.status === 'published')).toBe(true);
    const documents = new Set(linked.map((row) => row.city ?? row.title));
    expect(documents).toEqual(new Set(['Sofia', 'Marrakesh', expect.stringContaining('migrant smuggling')]));

    // Every commitment has its creation revision, and one more per change (end date moved, closed).
    const revisions = await db()
      .selectFrom('commitment_revisions')
      .select(['commitment_id', 'revision', 'action', 'reason'])
      .execute();
    for (const c of commitments) {
      const own = revisions.filter((r) => r.commitment_id === c.id).sort((a, b) => a.revision - b.revision);
      expect(own.map((r) => r.revision)).toEqual(own.map((_, i) => i + 1));
      expect(own[0].action).toBe('create');
      expect(own.length).toBe(c.revision);
    }
    expect(revisions.filter((r) => r.action !== 'create').every((r) => r.reason)).toBe(true);
  });

  it('has actions in every status, some overdue, some due within 30 days, each with its history', async () => {
    const actions = await db().selectFrom('followup_actions').select(['id', 'status', 'due_on', 'revision']).execute();
    expect(new Set(actions.map((a) => a.status))).toEqual(new Set(ACTION_STATUSES));
    const open = actions.filter((a) => a.status !== 'done' && a.status !== 'cancelled');
    expect(open.filter((a) => date(a.due_on) < isoDay(0)).length).toBeGreaterThanOrEqual(3);
    expect(open.filter((a) => date(a.due_on) >= isoDay(0) && date(a.due_on) <= isoDay(30)).length).toBeGreaterThanOrEqual(3);

    const history = await db().selectFrom('followup_action_history').selectAll().orderBy('id').execute();
    for (const action of actions) {
      const own = history.filter((h) => h.action_id === action.id);
      expect(own[0].from_status).toBeNull();
      expect(own[0].to_status).toBe('planned');
      expect(own.at(-1)?.to_status).toBe(action.status);
      expect(date(own.at(-1)?.to_due_on)).toBe(date(action.due_on));
      expect(own.length).toBe(action.revision);
    }
    for (const status of ['delayed', 'cancelled']) {
      const changes = history.filter((h) => h.to_status === status);
      expect(changes.length, status).toBeGreaterThan(0);
      expect(changes.every((h) => h.reason && h.actor_user_id)).toBe(true);
    }
    // A delay moved a due date, and the history keeps the old one.
    expect(history.some((h) => h.to_status === 'delayed' && h.from_due_on !== null)).toBe(true);
  });

  it('has indicators of every value type, measured over time, on and off track and achieved', async () => {
    const indicators = await db().selectFrom('indicators').selectAll().execute();
    const measurements = await db().selectFrom('indicator_measurements').selectAll().execute();
    expect(new Set(indicators.map((i) => i.value_type))).toEqual(new Set(VALUE_TYPES));
    const trends = indicators.map((indicator) => {
      const own = measurements.filter((m) => m.indicator_id === indicator.id);
      return standingOf(
        {
          baseline: { value: Number(indicator.baseline_value), on: date(indicator.baseline_on) },
          target: { value: Number(indicator.target_value), on: date(indicator.target_on) },
        },
        own.map((m) => ({ value: Number(m.value), on: date(m.measured_on) })),
      ).trend;
    });
    expect(trends.filter((trend) => trend === 'off_track').length).toBeGreaterThanOrEqual(2);
    expect(trends.filter((trend) => trend === 'on_track').length).toBeGreaterThanOrEqual(5);
    expect(trends).toContain('achieved');
    expect(
      indicators.filter((i) => measurements.filter((m) => m.indicator_id === i.id).length >= 2).length,
    ).toBeGreaterThanOrEqual(10);
    expect(measurements.filter((m) => m.evidence_url?.startsWith('https://')).length).toBeGreaterThanOrEqual(5);
    expect(measurements.every((m) => m.reported_by && m.source)).toBe(true);
  });

  it('has an open review cycle past its deadline with submitted, accepted, returned and late reports', async () => {
    const cycle = await db()
      .selectFrom('review_cycles')
      .selectAll()
      .where('title', '=', DEMO_CYCLE.title)
      .executeTakeFirstOrThrow();
    expect(cycle.status).toBe('open');
    expect(date(cycle.deadline) < isoDay(0)).toBe(true);
    expect(date(cycle.deadline) >= isoDay(-7)).toBe(true);
    const covered = await db()
      .selectFrom('review_cycle_commitments')
      .select('commitment_id')
      .where('cycle_id', '=', cycle.id)
      .execute();
    expect(covered.length).toBeGreaterThanOrEqual(5);

    const reports = await db().selectFrom('review_reports').selectAll().where('cycle_id', '=', cycle.id).execute();
    const progress = reports.map((r) => (['not_started', 'draft'].includes(r.status) ? 'late' : r.status));
    expect(progress).toEqual(expect.arrayContaining(['submitted', 'accepted', 'returned', 'late']));
    const returned = reports.find((r) => r.status === 'returned');
    expect(returned?.returned_reason).toBeTruthy();
    const history = await db().selectFrom('review_report_history').selectAll().orderBy('id').execute();
    const returnedHistory = history.filter((h) => h.report_id === returned?.id).map((h) => [h.from_status, h.to_status]);
    expect(returnedHistory).toEqual([
      [null, 'not_started'],
      ['not_started', 'draft'],
      ['draft', 'submitted'],
      ['submitted', 'returned'],
    ]);
    expect(history.find((h) => h.to_status === 'returned')?.reason).toBe(returned?.returned_reason);

    // Peer comments come from the secretariat or the cycle's reviewers, never from the reporting partner.
    const comments = await db()
      .selectFrom('review_comments as c')
      .innerJoin('review_reports as r', 'r.id', 'c.report_id')
      .select(['c.author_organisation_id', 'r.organisation_id'])
      .execute();
    expect(comments.length).toBeGreaterThanOrEqual(3);
    for (const comment of comments) {
      expect(comment.author_organisation_id).not.toBe(comment.organisation_id);
      expect([...cycle.reviewer_organisations, (await organisationOf('RPS')) as string]).toContain(
        comment.author_organisation_id,
      );
    }
  });
});

async function organisationOf(acronym: string) {
  return (await db().selectFrom('organisations').select('id').where('acronym', '=', acronym).executeTakeFirst())?.id;
}
