import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CYCLE } from '../../src/server/demo/followup-cycle-data.js';
import { DEMO_COMMITMENTS, seedDemoFollowUp } from '../../src/server/demo/seed-followup.js';
import type { CommitmentDetail, CommitmentHistory, CommitmentList } from '../../src/shared/followup/contract.js';
import type { CycleDetail, CycleList, ReportDetail } from '../../src/shared/followup/cycles-contract.js';
import { ACTION_STATUSES, VALUE_TYPES } from '../../src/shared/followup/vocabulary.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The demo follow-up on the test database (the demo accounts and the corpus library of the
 * template, which holds the Côte d'Ivoire, Sofia and Marrakesh documents), read through the API as
 * the demo's people read it.
 */
let t: TestApp;
const as: Record<string, Client> = {};
const BASE = '/api/v1/followup';
const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestApp();
  expect(await seedDemoFollowUp(t.database.db)).toMatchObject({ commitments: DEMO_COMMITMENTS.length });
  for (const account of ['focal.es', 'focal.sec', 'focal.ngo', 'analyst.es'])
    as[account] = await t.signIn(`${account}@liaison.demo`);
});
afterAll(() => t.close());

async function get<T>(client: Client, url: string): Promise<T> {
  const response = await client.get(`${BASE}${url}`);
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json() as T;
}

/** Every demo commitment in detail, as Spain sees them (named or in the group of each restricted one). */
async function details(): Promise<CommitmentDetail[]> {
  const list = await get<CommitmentList>(as['focal.es'], '/commitments?limit=200');
  return Promise.all(list.items.map((item) => get<CommitmentDetail>(as['focal.es'], `/commitments/${item.id}`)));
}

describe('demo follow-up', () => {
  it('is seeded once: a second run (a restart) adds nothing', async () => {
    expect(await seedDemoFollowUp(t.database.db)).toBeNull();
    expect((await get<CommitmentList>(as['focal.es'], '/commitments?limit=200')).total).toBe(DEMO_COMMITMENTS.length);
  });

  it('has commitments of several partners on recommendations of the three documents, shared by their codes', async () => {
    const all = await details();
    expect(new Set(all.map((c) => c.status))).toEqual(new Set(['active', 'completed', 'cancelled']));
    expect(all.filter((c) => c.status !== 'active').every((c) => c.statusReason)).toBe(true);
    expect(new Set(all.map((c) => c.lead.acronym)).size).toBeGreaterThanOrEqual(5);
    expect(all.filter((c) => c.partners.some((p) => p.role === 'contributor')).length).toBeGreaterThanOrEqual(8);
    for (const c of all) {
      expect(c.partners.filter((p) => p.role === 'lead').map((p) => p.organisation.id)).toEqual([c.lead.id]);
      expect(c.recommendations.length, c.title).toBeGreaterThanOrEqual(1);
      expect(c.references.length, c.title).toBeGreaterThanOrEqual(2);
    }
    const documents = new Set(all.flatMap((c) => c.recommendations.map((r) => r.document.title)));
    expect([...documents].sort()).toEqual([
      'Guide on good practices and recommendations: Conclusions of the Workshop on the fight against migrant smuggling',
      'Thematic Meeting on Integrated Border Management (with a focus on the Silk Routes Countries)',
      'Thematic Meeting: Humanised Border Management',
    ]);
    const codes = all.map((c) => c.handlingCode);
    expect(codes.filter((code) => code === 'TLP:CLEAR')).toHaveLength(DEMO_COMMITMENTS.length - 2);
    expect(codes).toEqual(expect.arrayContaining(['TLP:GREEN', 'TLP:AMBER']));
    // The Red Cross is neither in the Atlantic route group nor named: it sees the TLP:CLEAR ones only.
    const ngo = await get<CommitmentList>(as['focal.ngo'], '/commitments?limit=200');
    expect(ngo.items.map((c) => c.handlingCode)).toEqual(Array(DEMO_COMMITMENTS.length - 2).fill('TLP:CLEAR'));
  });

  it('keeps each commitment’s revisions: its creation, then every change with its reason', async () => {
    for (const c of await details()) {
      const { revisions } = await get<CommitmentHistory>(as['focal.es'], `/commitments/${c.id}/history`);
      expect(revisions.map((r) => r.revision)).toEqual(revisions.map((_, i) => i + 1));
      expect(revisions[0]).toMatchObject({ action: 'create', before: null, by: { name: expect.any(String) } });
      expect(revisions.length).toBe(c.revision);
      expect(revisions.slice(1).every((r) => r.reason)).toBe(true);
    }
  });

  it('has actions in every status, some overdue, some due within 30 days, each with its history', async () => {
    const actions = (await details()).flatMap((c) => c.actionItems);
    expect(new Set(actions.map((a) => a.status))).toEqual(new Set(ACTION_STATUSES));
    expect(actions.filter((a) => a.overdue).length).toBeGreaterThanOrEqual(3);
    const dueSoon = actions.filter((a) => !a.overdue && a.dueOn >= isoDay(0) && a.dueOn <= isoDay(30));
    expect(dueSoon.filter((a) => a.status !== 'done' && a.status !== 'cancelled').length).toBeGreaterThanOrEqual(3);
    for (const action of actions) {
      expect(action.history[0]).toMatchObject({ fromStatus: null, toStatus: 'planned' });
      expect(action.history.at(-1)).toMatchObject({ toStatus: action.status, toDueOn: action.dueOn });
    }
    const changes = actions.flatMap((a) => a.history);
    for (const status of ['delayed', 'cancelled']) {
      const into = changes.filter((h) => h.toStatus === status && h.fromStatus !== status);
      expect(into.length, status).toBeGreaterThan(0);
      expect(into.every((h) => h.reason && h.by)).toBe(true);
    }
    // Delays moved due dates: the history keeps the old date and the reason.
    const moved = changes.filter((h) => h.fromDueOn !== null && h.fromDueOn !== h.toDueOn);
    expect(moved.length).toBeGreaterThanOrEqual(2);
    expect(moved.every((h) => h.toStatus === 'delayed' && h.reason)).toBe(true);
  });

  it('has indicators of every value type, measured over time, on and off track and achieved', async () => {
    const indicators = (await details()).flatMap((c) => c.indicatorItems);
    expect(new Set(indicators.map((i) => i.valueType))).toEqual(new Set(VALUE_TYPES));
    const trends = indicators.map((i) => i.trend);
    expect(trends.filter((trend) => trend === 'off_track').length).toBeGreaterThanOrEqual(2);
    expect(trends.filter((trend) => trend === 'on_track').length).toBeGreaterThanOrEqual(5);
    expect(trends).toContain('achieved');
    expect(indicators.filter((i) => i.measurements.length >= 2).length).toBeGreaterThanOrEqual(10);
    const measurements = indicators.flatMap((i) => i.measurements);
    expect(measurements.filter((m) => m.evidence?.kind === 'link').length).toBeGreaterThanOrEqual(5);
    expect(measurements.every((m) => m.reportedBy && m.source && m.withdrawn === null)).toBe(true);
  });

  it('has an open review cycle past its deadline with submitted, accepted, returned and late reports', async () => {
    const cycles = await get<CycleList>(as['focal.sec'], '/cycles');
    const summary = cycles.items.find((c) => c.title === DEMO_CYCLE.title);
    expect(summary).toMatchObject({ status: 'open', plan: 'CAP' });
    const cycle = await get<CycleDetail>(as['focal.sec'], `/cycles/${summary?.id}`);
    expect(cycle.deadline < isoDay(0) && cycle.deadline >= isoDay(-7)).toBe(true);
    // The secretariat sees every commitment it reviews, the TLP:GREEN one included (it is named on it).
    expect(cycle.commitments.map((c) => c.title).sort()).toEqual([...DEMO_CYCLE.commitments].sort());
    expect(cycle.progress).toMatchObject({ submitted: 1, accepted: 1, returned: 1, late: 2 });
    const partner = (acronym: string) => cycle.partners.find((p) => p.organisation.acronym === acronym);

    const returned = await get<ReportDetail>(as['focal.sec'], `/reports/${partner('DPAF')?.reportId}`);
    expect(returned.returnedReason).toBeTruthy();
    expect(returned.history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, 'not_started'],
      ['not_started', 'draft'],
      ['draft', 'submitted'],
      ['submitted', 'returned'],
    ]);
    expect(returned.history.at(-1)?.reason).toBe(returned.returnedReason);

    // A peer reviewer from Spain commented on Morocco's submitted report.
    const submitted = await get<ReportDetail>(as['analyst.es'], `/reports/${partner('DMSF')?.reportId}`);
    expect(submitted.progress).toBe('submitted');
    expect(submitted.comments.map((c) => c.organisation.acronym)).toContain('CGEF');
    expect(submitted.entries.every((e) => e.progress && e.assessment)).toBe(true);

    // The Red Cross has not started its report: late, its commitment waiting for its words.
    const late = await get<ReportDetail>(as['focal.ngo'], `/reports/${partner('CRS')?.reportId}`);
    expect(late).toMatchObject({ status: 'not_started', progress: 'late', permissions: { edit: true } });
    expect(late.entries.map((e) => e.progress)).toEqual(['']);

    // Its task waits in its inbox, unread, dated when the cycle opened and linking to the report.
    const inbox = await as['focal.ngo'].get(`/api/v1/messages?box=inbox&q=${encodeURIComponent('Review cycle')}`);
    expect(inbox.statusCode, inbox.body).toBe(200);
    const tasks = (inbox.json() as { messages: { id: string; subject: string; createdAt: string }[] }).messages;
    expect(tasks.map((m) => m.subject)).toEqual([`Review cycle: report on "${DEMO_CYCLE.title}" due ${cycle.deadline}`]);
    expect(tasks[0].createdAt < `${isoDay(-30)}`).toBe(true);
    const task = await as['focal.ngo'].get(`/api/v1/messages/${tasks[0].id}`);
    expect(task.statusCode, task.body).toBe(200);
    expect(task.body).toContain(`/followup/reports/${late.id}`);
  });
});
