import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommitmentDetail, CommitmentList } from '../../src/shared/followup/contract.js';
import { expectProblem } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import {
  addAction,
  addIndicator,
  addMeasurement,
  BASE,
  commitmentPayload,
  count,
  createCommitment,
  type FollowupIds,
  followupIds,
  indicatorPayload,
  isoDay,
} from './followup-fixtures.js';

let t: TestApp;
let ids: FollowupIds;
const as: Record<string, Client> = {};

beforeAll(async () => {
  t = await startTestApp();
  ids = await followupIds(t);
  for (const account of ['focal.ma', 'analyst.ma', 'focal.es', 'reader.es', 'focal.sn', 'focal.sec']) {
    as[account] = await t.signIn(`${account}@liaison.demo`);
  }
});
afterAll(() => t.close());

describe('creating a commitment', () => {
  it('stores it with its lead, contributors, recommendations and references, its revision and its audit row', async () => {
    const created = await createCommitment(as['focal.ma'], commitmentPayload(ids));
    expect(created).toMatchObject({
      title: 'Train border officers in victim identification',
      status: 'active',
      handlingCode: 'TLP:CLEAR',
      lead: { id: ids.organisation.ma },
      references: ['CAP:domain:3'],
      revision: 1,
      originatorUnit: { id: ids.unit.ma, organisationId: ids.organisation.ma },
      permissions: { edit: true },
      actions: { planned: 0, in_progress: 0, done: 0, delayed: 0, cancelled: 0 },
      indicators: { total: 0, achieved: 0, onTrack: 0, offTrack: 0 },
    });
    expect(created.descriptionHtml).toContain('<strong>regional</strong>');
    expect(created.partners.map((p) => [p.organisation.id, p.role])).toEqual([
      [ids.organisation.ma, 'lead'],
      [ids.organisation.es, 'contributor'],
    ]);
    expect(created.recommendations.map((r) => r.itemId)).toEqual([ids.recommendations[0]]);
    // The contributors always receive it, whatever the distribution chosen.
    expect(created.distribution.organisations).toContain(ids.organisation.es);
    expect(await count(t, sql`select count(*)::int as n from commitment_revisions where commitment_id = ${created.id}`)).toBe(1);
    expect(
      await count(
        t,
        sql`select count(*)::int as n from audit_log where action = 'commitment.create' and target_id = ${created.id}`,
      ),
    ).toBe(1);

    const read = await as['focal.es'].get(`${BASE}/commitments/${created.id}`);
    expect(read.statusCode).toBe(200);
    expect((read.json() as CommitmentDetail).permissions).toEqual({ edit: false });
  });

  it('lists it newest first, with totals and filters', async () => {
    const a = await createCommitment(
      as['focal.ma'],
      commitmentPayload(ids, { title: 'qzlist first', references: ['MAP:domain:2'] }),
    );
    const b = await createCommitment(
      as['focal.es'],
      commitmentPayload(ids, { unitId: ids.unit.es, title: 'qzlist second', contributors: [] }),
    );
    const list = async (query: string) => {
      const response = await as['focal.sn'].get(`${BASE}/commitments?q=qzlist${query}`);
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json() as CommitmentList;
      return { ids: body.items.map((c) => c.id), total: body.total };
    };
    expect(await list('')).toEqual({ ids: [b.id, a.id], total: 2 });
    expect(await list('&plan=MAP')).toEqual({ ids: [a.id], total: 1 });
    expect(await list('&reference=MAP:domain')).toEqual({ ids: [a.id], total: 1 });
    expect(await list('&reference=MAP:domain:2')).toEqual({ ids: [a.id], total: 1 });
    expect(await list('&reference=MAP:domain:20')).toEqual({ ids: [], total: 0 });
    expect(await list(`&organisation=${ids.organisation.ma}`)).toEqual({ ids: [a.id], total: 1 });
    expect(await list(`&organisation=${ids.organisation.es}`)).toEqual({ ids: [b.id, a.id], total: 2 });
    expect(await list('&limit=1&offset=1')).toEqual({ ids: [a.id], total: 2 });
    const mine = await as['focal.ma'].get(`${BASE}/commitments?q=qzlist&mine=true`);
    expect((mine.json() as CommitmentList).items.map((c) => c.id)).toEqual([a.id]);
  });
});

describe('actions, indicators and measurements', () => {
  it('adds an action owned by a contributor unit, an indicator and a measurement, and shows them on the commitment', async () => {
    const c = await createCommitment(as['focal.ma'], commitmentPayload(ids));
    const action = await addAction(as['focal.ma'], c.id, {
      title: 'First regional session',
      ownerUnitId: ids.unit.es,
      dueOn: isoDay(30),
    });
    expect(action).toMatchObject({ status: 'planned', overdue: false, revision: 1, ownerUnit: { id: ids.unit.es } });
    expect(action.history).toHaveLength(1);
    const indicator = await addIndicator(as['focal.ma'], c.id, indicatorPayload());
    expect(indicator).toMatchObject({ trend: 'no_data', latest: null, attainment: null });
    const measured = await addMeasurement(as['focal.ma'], indicator.id, {
      value: 120,
      measuredOn: isoDay(-1),
      source: 'Training register',
      evidence: { url: 'https://example.org/register' },
    });
    expect(measured.latest).toEqual({ value: 120, on: isoDay(-1) });
    expect(measured.trend).toBe('on_track');
    expect(measured.measurements[0]).toMatchObject({
      value: 120,
      evidence: { kind: 'link', url: 'https://example.org/register' },
    });

    const detail = (await as['focal.es'].get(`${BASE}/commitments/${c.id}`)).json() as CommitmentDetail;
    expect(detail.actions.planned).toBe(1);
    expect(detail.indicators).toEqual({ total: 1, achieved: 0, onTrack: 1, offTrack: 0 });
    expect(detail.actionItems.map((a) => a.id)).toEqual([action.id]);
    expect(detail.indicatorItems.map((i) => i.id)).toEqual([indicator.id]);
  });

  it('refuses an owner unit outside the partners', async () => {
    const c = await createCommitment(as['focal.ma'], commitmentPayload(ids, { contributors: [] }));
    const response = await as['focal.ma'].post(`${BASE}/commitments/${c.id}/actions`, {
      title: 'Not ours',
      ownerUnitId: ids.unit.sn,
      dueOn: isoDay(30),
    });
    expectProblem(response, 422, 'owner-unit-not-partner');
    expect(await count(t, sql`select count(*)::int as n from followup_actions where commitment_id = ${c.id}`)).toBe(0);
  });
});
