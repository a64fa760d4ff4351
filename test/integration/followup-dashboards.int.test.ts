import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommitmentList } from '../../src/shared/followup/contract.js';
import type {
  ActionList,
  FollowupWaiting,
  IndicatorList,
  PartnerDashboard,
  PlanCatalogue,
  PlanDashboard,
} from '../../src/shared/followup/dashboards-contract.js';
import { ACTION_STATUSES, INDICATOR_TRENDS } from '../../src/shared/followup/vocabulary.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import {
  addAction,
  addIndicator,
  addMeasurement,
  BASE,
  commitmentPayload,
  createCommitment,
  type FollowupIds,
  followupIds,
  indicatorPayload,
  isoDay,
} from './followup-fixtures.js';

/**
 * The dashboards on a small known data set made through the API (seen by Morocco):
 * - A: TLP:CLEAR, Morocco leads, Spain contributes; CAP domain 3 and objective 5; acts on
 *   recommendation 0. Actions: overdue (planned), due soon (in progress), later (planned), done.
 *   Indicators: off track (moved away), achieved, no data.
 * - B: TLP:GREEN to Spain, Morocco leads; CAP domain 3. A delayed overdue action, an on-track indicator.
 * - C: TLP:AMBER to Niger, Senegal leads; CAP domain 3; acts on recommendation 1. An overdue
 *   action and an off-track indicator. Morocco, Spain and the public never see any of it.
 */
let t: TestApp;
let ids: FollowupIds;
const as: Record<string, Client> = {};
let anonymous: Client;
const made = { a: '', b: '', c: '', a1: '', a2: '', b1: '', i1: '' };
const NAMES = ['Atlas commitment', 'Boreal commitment', 'Cobalt commitment'];

const get = async <T>(client: Client, url: string): Promise<T> => {
  const response = await client.get(url);
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json();
};
const setStatus = async (client: Client, actionId: string, status: string, reason?: string) => {
  const response = await client.post(`${BASE}/actions/${actionId}/status`, {
    revision: 1,
    status,
    ...(reason ? { reason } : {}),
  });
  expect(response.statusCode, response.body).toBe(200);
};
const part = (dashboard: PlanDashboard, reference: string) => {
  const found = dashboard.parts.find((p) => p.reference === reference);
  if (!found) throw new Error(`no part ${reference}`);
  return found;
};

beforeAll(async () => {
  t = await startTestApp();
  ids = await followupIds(t);
  for (const account of ['focal.ma', 'focal.es', 'focal.sn', 'focal.ne', 'focal.sec'])
    as[account] = await t.signIn(`${account}@liaison.demo`);
  anonymous = t.anonymous();
  // The two recommendations are tagged with CAP domain 3, as the library's tagger would.
  await sql`update knowledge_items set "references" = "references" || '[{"id": "CAP:domain:3", "kind": "explicit"}]'::jsonb
    where id = any(${ids.recommendations.slice(0, 2)}::uuid[])`.execute(t.database.db);

  const ma = as['focal.ma'];
  const a = await createCommitment(
    ma,
    commitmentPayload(ids, {
      title: NAMES[0],
      references: ['CAP:domain:3', 'CAP:objective:5'],
      contributors: [ids.organisation.es],
    }),
  );
  made.a = a.id;
  const action = (dueIn: number, title: string) => ({ title, description: '', ownerUnitId: ids.unit.ma, dueOn: isoDay(dueIn) });
  made.a1 = (await addAction(ma, a.id, action(-10, 'Overdue step'))).id;
  made.a2 = (await addAction(ma, a.id, action(10, 'Step due soon'))).id;
  await setStatus(ma, made.a2, 'in_progress');
  await addAction(ma, a.id, action(100, 'Later step'));
  await setStatus(ma, (await addAction(ma, a.id, action(-30, 'Finished step'))).id, 'done');
  const i1 = await addIndicator(ma, a.id, indicatorPayload({ name: 'Moving away' }));
  made.i1 = i1.id;
  await addMeasurement(ma, i1.id, { value: 100, measuredOn: isoDay(-80), source: 'Survey' });
  await addMeasurement(ma, i1.id, { value: 20, measuredOn: isoDay(-10), source: 'Survey' });
  const i2 = await addIndicator(ma, a.id, indicatorPayload({ name: 'Reached' }));
  await addMeasurement(ma, i2.id, { value: 250, measuredOn: isoDay(-5), source: 'Survey' });
  await addIndicator(ma, a.id, indicatorPayload({ name: 'Not measured yet' }));

  const b = await createCommitment(
    ma,
    commitmentPayload(ids, {
      title: NAMES[1],
      references: ['CAP:domain:3'],
      contributors: [],
      recommendationIds: [],
      handlingCode: 'TLP:GREEN',
      distribution: { units: [], organisations: [ids.organisation.es], sharingGroups: [], allPartners: false },
    }),
  );
  made.b = b.id;
  made.b1 = (await addAction(ma, b.id, action(-5, 'Delayed step'))).id;
  await setStatus(ma, made.b1, 'delayed', 'Waiting for the venue');
  const i4 = await addIndicator(ma, b.id, indicatorPayload({ name: 'On the line' }));
  await addMeasurement(ma, i4.id, { value: 60, measuredOn: isoDay(-10), source: 'Survey' });

  const sn = as['focal.sn'];
  const c = await createCommitment(
    sn,
    commitmentPayload(ids, {
      unitId: ids.unit.sn,
      title: NAMES[2],
      references: ['CAP:domain:3'],
      contributors: [],
      recommendationIds: [ids.recommendations[1]],
      handlingCode: 'TLP:AMBER',
      distribution: { units: [], organisations: [ids.organisation.ne], sharingGroups: [], allPartners: false },
    }),
  );
  made.c = c.id;
  await addAction(sn, c.id, { title: 'Hidden step', description: '', ownerUnitId: ids.unit.sn, dueOn: isoDay(-3) });
  const i5 = await addIndicator(sn, c.id, indicatorPayload({ name: 'Hidden indicator' }));
  await addMeasurement(sn, i5.id, { value: 5, measuredOn: isoDay(-10), source: 'Survey' });
});
afterAll(() => t.close());

describe('the action-plan dashboard', () => {
  it('counts what Morocco may see per part, and nothing of the AMBER commitment of another community', async () => {
    const dashboard = await get<PlanDashboard>(as['focal.ma'], `${BASE}/plans/CAP`);
    expect(dashboard.label.en).toBe('Cadiz Action Plan');
    expect(dashboard.parts.map((p) => p.reference)).toContain('CAP:objective:10');
    const domain3 = part(dashboard, 'CAP:domain:3');
    expect(domain3).toMatchObject({
      part: 'domain',
      number: 3,
      commitments: 2,
      actions: { planned: 2, in_progress: 1, done: 1, delayed: 1, cancelled: 0 },
      indicators: { total: 4, achieved: 1, onTrack: 1, offTrack: 1, noData: 1 },
      followedUp: 1,
    });
    // (0.1 + 1 capped + 0.3) / 3 indicators with data.
    expect(domain3.attainment).toBeCloseTo(1.4 / 3, 6);
    expect(part(dashboard, 'CAP:objective:5')).toMatchObject({
      commitments: 1,
      indicators: { total: 3, achieved: 1, onTrack: 0, offTrack: 1, noData: 1 },
    });
    expect(part(dashboard, 'CAP:domain:1')).toMatchObject({ commitments: 0, attainment: null });
    // Each record once in the totals, though A names two parts.
    expect(dashboard.totals).toMatchObject({ commitments: 2, indicators: { total: 4 }, actions: { planned: 2, delayed: 1 } });
    expect(dashboard.partnersByCountry).toEqual({ MA: 1, ES: 1 });
    expect(dashboard.partners.map((p) => [p.organisation.id, p.commitments])).toEqual([
      [ids.organisation.ma, 2],
      [ids.organisation.es, 1],
    ]);
    expect(dashboard.indicators.map((i) => i.name)).toEqual(['Moving away', 'On the line', 'Not measured yet', 'Reached']);
    expect(dashboard.indicators[0]).toMatchObject({
      trend: 'off_track',
      latest: { value: 20 },
      series: [{ value: 100 }, { value: 20 }],
    });
    expect(JSON.stringify(dashboard)).not.toContain('Hidden');
  });

  it('shows Senegal its own AMBER commitment, and not the GREEN one distributed to Spain', async () => {
    const dashboard = await get<PlanDashboard>(as['focal.sn'], `${BASE}/plans/CAP`);
    expect(part(dashboard, 'CAP:domain:3')).toMatchObject({
      commitments: 2,
      followedUp: 2,
      indicators: { total: 4, offTrack: 2 },
    });
    expect(dashboard.partnersByCountry).toEqual({ MA: 1, ES: 1, SN: 1 });
  });

  it('gives every figure the length of its drill-down list, for each viewer', async () => {
    for (const viewer of ['focal.ma', 'focal.sn', 'focal.ne']) {
      const client = as[viewer];
      const dashboard = await get<PlanDashboard>(client, `${BASE}/plans/CAP`);
      const scopes = [
        ...dashboard.parts.filter((p) => p.commitments > 0).map((p) => ({ query: `reference=${p.reference}`, figures: p })),
        { query: 'plan=CAP', figures: dashboard.totals },
      ];
      for (const { query, figures } of scopes) {
        const commitments = await get<CommitmentList>(client, `${BASE}/commitments?${query}`);
        expect(commitments.total, `${viewer} ${query} commitments`).toBe(figures.commitments);
        for (const status of ACTION_STATUSES) {
          const list = await get<ActionList>(client, `${BASE}/actions?${query}&status=${status}&limit=200`);
          expect(list.total, `${viewer} ${query} ${status}`).toBe(figures.actions[status]);
          expect(list.items).toHaveLength(list.total);
        }
        const key = { achieved: 'achieved', on_track: 'onTrack', off_track: 'offTrack', no_data: 'noData' } as const;
        for (const trend of INDICATOR_TRENDS) {
          const list = await get<IndicatorList>(client, `${BASE}/indicators?${query}&trend=${trend}&limit=200`);
          expect(list.total, `${viewer} ${query} ${trend}`).toBe(figures.indicators[key[trend]]);
          expect(list.items.every((item) => item.trend === trend)).toBe(true);
        }
      }
    }
  });

  it('lists the plans and their parts with labels in three languages', async () => {
    const catalogue = await get<PlanCatalogue>(as['focal.ma'], `${BASE}/plans`);
    expect(catalogue.plans.map((p) => p.plan)).toEqual(['CAP', 'MAP', 'GCM', 'JVAP']);
    const gcm = catalogue.plans.find((p) => p.plan === 'GCM');
    expect(gcm?.parts).toHaveLength(23);
    expect(gcm?.parts[8]).toMatchObject({ reference: 'GCM:9', part: 'objective', number: 9 });
    expect(gcm?.parts[8].label.ar.length).toBeGreaterThan(0);
  });
});

describe('drill-down lists', () => {
  it('lists overdue actions soonest first, by partner organisation', async () => {
    const overdue = await get<ActionList>(as['focal.es'], `${BASE}/actions?overdue=true&organisation=${ids.organisation.es}`);
    expect(overdue.items.map((a) => a.title)).toEqual(['Overdue step']);
    expect(overdue.items[0]).toMatchObject({ overdue: true, commitment: { id: made.a, title: NAMES[0] } });
    const mine = await get<ActionList>(as['focal.ma'], `${BASE}/actions?overdue=true&limit=1&offset=1`);
    expect(mine).toMatchObject({ total: 2, items: [{ title: 'Delayed step' }] });
  });

  it('pages indicators of a commitment, most off track first, with their series', async () => {
    const list = await get<IndicatorList>(as['focal.ma'], `${BASE}/indicators?commitment=${made.a}`);
    expect(list.items.map((i) => i.trend)).toEqual(['off_track', 'no_data', 'achieved']);
    const hidden = await get<IndicatorList>(as['focal.ma'], `${BASE}/indicators?commitment=${made.c}`);
    expect(hidden).toEqual({ items: [], total: 0 });
  });

  it('refuses unknown plans, references and filter values (400)', async () => {
    const client = as['focal.ma'];
    for (const url of [
      `${BASE}/plans/XYZ`,
      `${BASE}/plans/cap`,
      '/api/v1/public/followup/plans/XYZ',
      `${BASE}/actions?status=finished`,
      `${BASE}/actions?reference=CAP:domain:99`,
      `${BASE}/actions?reference=${encodeURIComponent("CAP'; drop table commitments; --")}`,
      `${BASE}/actions?overdue=maybe`,
      `${BASE}/actions?organisation=not-an-id`,
      `${BASE}/actions?limit=0`,
      `${BASE}/indicators?trend=sideways`,
      `${BASE}/indicators?reference=GCM:24`,
      `${BASE}/indicators?colour=red`,
      '/api/v1/knowledge/items?followUp=maybe',
    ]) {
      const response = await client.get(url);
      expect(response.statusCode, `${url}: ${response.body}`).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('needs a session', async () => {
    for (const url of [`${BASE}/dashboard`, `${BASE}/plans/CAP`, `${BASE}/actions`, `${BASE}/indicators`]) {
      expect((await anonymous.get(url)).statusCode, url).toBe(401);
    }
  });
});

describe('the partner dashboard', () => {
  it('shows Morocco its commitments, actions due soon and overdue, indicators off track', async () => {
    const dashboard = await get<PartnerDashboard>(as['focal.ma'], `${BASE}/dashboard`);
    expect(dashboard.organisation.id).toBe(ids.organisation.ma);
    expect(dashboard.commitments.map((c) => c.title)).toEqual([NAMES[1], NAMES[0]]);
    expect(dashboard.commitments[1]).toMatchObject({
      overdueActions: 1,
      actions: { planned: 2, in_progress: 1, done: 1 },
      indicators: { total: 3, achieved: 1, onTrack: 0, offTrack: 1 },
      lead: { id: ids.organisation.ma },
    });
    expect(dashboard.actionsByStatus).toEqual({ planned: 2, in_progress: 1, done: 1, delayed: 1, cancelled: 0 });
    expect(dashboard.dueSoon.map((a) => a.id)).toEqual([made.a2]);
    expect(dashboard.overdue.map((a) => a.id)).toEqual([made.a1, made.b1]);
    expect(dashboard.offTrack.map((i) => i.id)).toEqual([made.i1]);
    expect(dashboard.reportsToSubmit).toEqual([]);
  });

  it('gives Home what waits: the same overdue and soon-due actions and reports, with their totals', async () => {
    for (const account of ['focal.ma', 'focal.es', 'focal.sn']) {
      const [dashboard, waiting] = await Promise.all([
        get<PartnerDashboard>(as[account], `${BASE}/dashboard`),
        get<FollowupWaiting>(as[account], `${BASE}/waiting`),
      ]);
      expect(waiting.overdue.items, account).toEqual(dashboard.overdue);
      expect(waiting.overdue.total, account).toBe(dashboard.overdue.length);
      expect(waiting.dueSoon.items, account).toEqual(dashboard.dueSoon);
      expect(waiting.dueSoon.total, account).toBe(dashboard.dueSoon.length);
      expect(waiting.reportsToSubmit, account).toEqual(dashboard.reportsToSubmit);
    }
    const ma = await get<FollowupWaiting>(as['focal.ma'], `${BASE}/waiting`);
    expect(ma.overdue.items.map((a) => a.id)).toEqual([made.a1, made.b1]);
  });

  it('shows a contributor the commitments it is partner of only, and Senegal its own', async () => {
    const es = await get<PartnerDashboard>(as['focal.es'], `${BASE}/dashboard`);
    expect(es.commitments.map((c) => c.id)).toEqual([made.a]);
    const sn = await get<PartnerDashboard>(as['focal.sn'], `${BASE}/dashboard`);
    expect(sn.commitments.map((c) => c.id)).toEqual([made.c]);
    expect(sn.overdue.map((a) => a.title)).toEqual(['Hidden step']);
  });

  it('audits the reads of a TLP:AMBER commitment a page names, never of TLP:CLEAR or GREEN ones', async () => {
    const reads = async (id: string) =>
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from audit_log where action = 'commitment.read' and target_id = ${id}`.execute(t.database.db)
      ).rows[0].n;
    const before = await reads(made.c);
    await get(as['focal.sn'], `${BASE}/dashboard`);
    await get(as['focal.sn'], `${BASE}/actions?commitment=${made.c}`);
    await get(as['focal.sn'], `${BASE}/indicators?commitment=${made.c}`);
    expect(await reads(made.c)).toBe(before + 3);
    expect(await reads(made.a)).toBe(0);
    expect(await reads(made.b)).toBe(0);
  });
});

describe('reports to submit', () => {
  it('lists the reports of open cycles my organisation has not submitted, late past the deadline', async () => {
    const me = (await as['focal.sec'].get('/api/v1/me')).json();
    const opened = await as['focal.sec'].post(`${BASE}/cycles`, {
      unitId: me.units[0].id,
      title: 'Cadiz mid-term review',
      description: '',
      plan: 'CAP',
      deadline: isoDay(20),
      commitmentIds: [made.a],
      reviewerOrganisations: [],
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const cycleId = opened.json().id;
    const tasks = async (account: string) => (await get<PartnerDashboard>(as[account], `${BASE}/dashboard`)).reportsToSubmit;
    const [task] = await tasks('focal.ma');
    expect(task).toMatchObject({ cycleId, cycleTitle: 'Cadiz mid-term review', deadline: isoDay(20), status: 'not_started' });
    expect(task.progress).toBe('not_started');
    expect(await tasks('focal.sn')).toEqual([]);
    // Time passes: the deadline is behind us and nothing was submitted.
    await sql`update review_cycles set deadline = ${isoDay(-1)}::date where id = ${cycleId}`.execute(t.database.db);
    expect((await tasks('focal.ma'))[0]).toMatchObject({ reportId: task.reportId, status: 'not_started', progress: 'late' });
  });
});

describe('the public progress page', () => {
  it('shows TLP:CLEAR commitments only, whoever asks, and names no person', async () => {
    const names = (
      await sql<{
        display_name: string;
      }>`select display_name from users where email in ('focal.ma@liaison.demo', 'focal.sn@liaison.demo')`.execute(t.database.db)
    ).rows.map((row) => row.display_name);
    expect(names).toHaveLength(2);
    for (const client of [anonymous, as['focal.ma'], as['focal.sn']]) {
      const page = await get<PlanDashboard>(client, '/api/v1/public/followup/plans/CAP');
      expect(part(page, 'CAP:domain:3')).toMatchObject({ commitments: 1, followedUp: 1, indicators: { total: 3 } });
      expect(page.partnersByCountry).toEqual({ MA: 1, ES: 1 });
      const list = await get<CommitmentList>(client, '/api/v1/public/followup/plans/CAP/commitments');
      expect(list.items.map((c) => c.title)).toEqual([NAMES[0]]);
      expect(list.total).toBe(1);
      const text = JSON.stringify(page) + JSON.stringify(list);
      for (const hidden of [NAMES[1], NAMES[2], 'Hidden', ...names]) expect(text).not.toContain(hidden);
    }
  });
});

describe('the library facet', () => {
  const search = async (client: Client, query: string) => {
    const answer = await get<{
      total: number;
      items: { id: string }[];
      facets: { followUp: { value: string; count: number }[] };
    }>(client, `/api/v1/knowledge/items?type=recommendation&reference=CAP:domain:3&limit=100&${query}`);
    const count = (value: string) => answer.facets.followUp.find((f) => f.value === value)?.count ?? 0;
    return { ...answer, followed: count('followed_up'), notFollowed: count('not_followed_up') };
  };

  it('counts recommendations a commitment the viewer may see acts on, as the dashboard does', async () => {
    for (const [client, followed] of [
      [as['focal.ma'], 1],
      [as['focal.sn'], 2],
      [anonymous, 1],
    ] as const) {
      const all = await search(client, '');
      expect(all.followed).toBe(followed);
      expect(all.followed + all.notFollowed).toBe(all.total);
      const dashboard =
        client === anonymous
          ? await get<PlanDashboard>(client, '/api/v1/public/followup/plans/CAP')
          : await get<PlanDashboard>(client, `${BASE}/plans/CAP`);
      expect(part(dashboard, 'CAP:domain:3')).toMatchObject({ recommendations: all.total, followedUp: followed });
    }
  });

  it('filters by follow-up, its own facet ignoring its filter', async () => {
    const followed = await search(as['focal.ma'], 'followUp=followed_up');
    expect(followed.items.map((item) => item.id)).toEqual([ids.recommendations[0]]);
    const all = await search(as['focal.ma'], '');
    expect(followed.notFollowed).toBe(all.total - 1);
    const notYet = await search(as['focal.ma'], 'followUp=not_followed_up');
    expect(notYet.total).toBe(all.total - 1);
    expect(notYet.items.map((item) => item.id)).not.toContain(ids.recommendations[0]);
    // Senegal's AMBER commitment acts on recommendation 1: Morocco still sees it as not followed up.
    expect(notYet.items.map((item) => item.id)).toContain(ids.recommendations[1]);
  });
});
