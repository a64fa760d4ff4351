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

describe('changing a commitment', () => {
  it('edits, completes and cancels with history, a revision per change and audit rows', async () => {
    const c = await createCommitment(as['focal.ma'], commitmentPayload(ids, { title: 'To be edited' }));
    const edited = await as['focal.ma'].patch(`${BASE}/commitments/${c.id}`, {
      revision: 1,
      title: 'Edited',
      references: ['CAP:objective:4', 'GCM:10'],
      reason: 'Scope agreed with partners',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Edited', references: ['CAP:objective:4', 'GCM:10'], revision: 2 });
    expectProblem(
      await as['focal.ma'].post(`${BASE}/commitments/${c.id}/status`, { revision: 2, status: 'cancelled' }),
      422,
      'reason-required',
    );
    const cancelled = await as['focal.ma'].post(`${BASE}/commitments/${c.id}/status`, {
      revision: 2,
      status: 'cancelled',
      reason: 'Funding withdrawn',
    });
    expect(cancelled.json()).toMatchObject({
      status: 'cancelled',
      statusReason: 'Funding withdrawn',
      revision: 3,
      permissions: { edit: false },
    });
    // A cancelled commitment stays visible with its reason and takes no more changes.
    expectProblem(
      await as['focal.ma'].post(`${BASE}/commitments/${c.id}/actions`, {
        title: 'x',
        ownerUnitId: ids.unit.ma,
        dueOn: isoDay(3),
      }),
      409,
      'commitment-cancelled',
    );
    const history = (await as['focal.es'].get(`${BASE}/commitments/${c.id}/history`)).json();
    expect(history.revisions.map((r: { action: string; revision: number }) => [r.action, r.revision])).toEqual([
      ['create', 1],
      ['update', 2],
      ['status', 3],
    ]);
    expect(history.revisions[1]).toMatchObject({
      before: { title: 'To be edited', references: ['CAP:domain:3'] },
      after: { title: 'Edited', references: ['CAP:objective:4', 'GCM:10'] },
      reason: 'Scope agreed with partners',
      by: { name: 'Youssef Fictif' },
    });
    const audited = await sql<{ action: string }>`select action from audit_log where target_id = ${c.id} order by id`.execute(
      t.database.db,
    );
    expect(audited.rows.map((r) => r.action)).toEqual(['commitment.create', 'commitment.update', 'commitment.status']);
  });
  it('adds partners and recommendations, never removes them; a new contributor then receives the commitment', async () => {
    const c = await createCommitment(
      as['focal.ma'],
      commitmentPayload(ids, {
        title: 'Growing partnership',
        contributors: [],
        handlingCode: 'TLP:AMBER',
        distribution: { units: [], organisations: [], sharingGroups: [], allPartners: false },
      }),
    );
    expectProblem(await as['focal.sn'].get(`${BASE}/commitments/${c.id}`), 404, 'not-found');
    const grown = await as['focal.ma'].patch(`${BASE}/commitments/${c.id}`, {
      revision: 1,
      contributors: [ids.organisation.sn],
      recommendationIds: [ids.recommendations[0], ids.recommendations[3]],
    });
    expect(grown.statusCode, grown.body).toBe(200);
    const body = grown.json() as CommitmentDetail;
    expect(body.partners.map((p) => p.organisation.id)).toEqual([ids.organisation.ma, ids.organisation.sn]);
    expect(body.recommendations.map((r) => r.itemId).sort()).toEqual([ids.recommendations[0], ids.recommendations[3]].sort());
    expect((await as['focal.sn'].get(`${BASE}/commitments/${c.id}`)).statusCode).toBe(200);
    const shrink = await as['focal.ma'].patch(`${BASE}/commitments/${c.id}`, { revision: 2, contributors: [] });
    expectProblem(shrink, 422, 'invalid');
    const unlink = await as['focal.ma'].patch(`${BASE}/commitments/${c.id}`, {
      revision: 2,
      recommendationIds: [ids.recommendations[3]],
    });
    expectProblem(unlink, 422, 'invalid');
    expect(await count(t, sql`select count(*)::int as n from commitment_partners where commitment_id = ${c.id}`)).toBe(2);
  });
});

describe('actions', () => {
  it('follows the transitions, asks reasons, keeps due-date changes, and lets the owner unit update its action', async () => {
    const c = await createCommitment(as['focal.ma'], commitmentPayload(ids));
    const action = await addAction(as['focal.ma'], c.id, { title: 'Spanish step', ownerUnitId: ids.unit.es, dueOn: isoDay(10) });
    const es = as['focal.es'];
    // The owner unit (a contributor's) updates its action; another contributor's unit would not.
    const started = await es.post(`${BASE}/actions/${action.id}/status`, { revision: 1, status: 'in_progress' });
    expect(started.statusCode, started.body).toBe(200);
    expectProblem(
      await es.post(`${BASE}/actions/${action.id}/status`, { revision: 2, status: 'delayed' }),
      422,
      'reason-required',
    );
    expectProblem(
      await es.post(`${BASE}/actions/${action.id}/status`, { revision: 2, status: 'planned' }),
      409,
      'invalid-transition',
    );
    expectProblem(await es.patch(`${BASE}/actions/${action.id}`, { revision: 2, dueOn: isoDay(40) }), 422, 'reason-required');
    const moved = await es.patch(`${BASE}/actions/${action.id}`, { revision: 2, dueOn: isoDay(40), reason: 'Venue changed' });
    expect(moved.json()).toMatchObject({ dueOn: isoDay(40), revision: 3 });
    const done = await es.post(`${BASE}/actions/${action.id}/status`, { revision: 3, status: 'done' });
    expect(done.json()).toMatchObject({ status: 'done' });
    expectProblem(
      await es.post(`${BASE}/actions/${action.id}/status`, { revision: 4, status: 'in_progress' }),
      422,
      'reason-required',
    );
    const reopened = await es.post(`${BASE}/actions/${action.id}/status`, {
      revision: 4,
      status: 'in_progress',
      reason: 'Report incomplete',
    });
    expect(reopened.statusCode).toBe(200);
    const cancelled = await as['focal.ma'].post(`${BASE}/actions/${action.id}/status`, {
      revision: 5,
      status: 'cancelled',
      reason: 'Merged',
    });
    expect(
      cancelled
        .json()
        .history.map(
          (h: {
            fromStatus: string | null;
            toStatus: string;
            fromDueOn: string | null;
            toDueOn: string;
            reason: string | null;
          }) => [h.fromStatus, h.toStatus, h.fromDueOn, h.toDueOn, h.reason],
        ),
    ).toEqual([
      [null, 'planned', null, isoDay(10), null],
      ['planned', 'in_progress', isoDay(10), isoDay(10), null],
      ['in_progress', 'in_progress', isoDay(10), isoDay(40), 'Venue changed'],
      ['in_progress', 'done', isoDay(40), isoDay(40), null],
      ['done', 'in_progress', isoDay(40), isoDay(40), 'Report incomplete'],
      ['in_progress', 'cancelled', isoDay(40), isoDay(40), 'Merged'],
    ]);
    // A cancelled action stays cancelled.
    expectProblem(
      await as['focal.ma'].post(`${BASE}/actions/${action.id}/status`, { revision: 6, status: 'in_progress', reason: 'x' }),
      409,
      'invalid-transition',
    );
    // A partner's unit that does not own the action may not update it.
    const other = await addAction(as['focal.ma'], c.id, { title: 'Moroccan step', ownerUnitId: ids.unit.ma, dueOn: isoDay(10) });
    expectProblem(
      await es.post(`${BASE}/actions/${other.id}/status`, { revision: 1, status: 'in_progress' }),
      403,
      'not-owner-organisation',
    );
    expect(
      await count(t, sql`select count(*)::int as n from audit_log where target_id = ${action.id} and action like 'action.%'`),
    ).toBe(6);
  });

  it('counts an action past its due date as overdue', async () => {
    const c = await createCommitment(as['focal.ma'], commitmentPayload(ids));
    const late = await addAction(as['focal.ma'], c.id, { title: 'Late', ownerUnitId: ids.unit.ma, dueOn: isoDay(-3) });
    expect(late.overdue).toBe(true);
    const detail = (await as['focal.ma'].get(`${BASE}/commitments/${c.id}`)).json() as CommitmentDetail;
    expect(detail.overdueActions).toBe(1);
  });
});

describe('indicators and measurements', () => {
  it('measures a milestone indicator, withdraws a wrong value with a reason, once', async () => {
    const c = await createCommitment(as['focal.ma'], commitmentPayload(ids));
    const indicator = await addIndicator(
      as['focal.ma'],
      c.id,
      indicatorPayload({
        name: 'Referral mechanism',
        valueType: 'milestone',
        milestones: ['Drafted', 'Adopted', 'Operational'],
        baseline: { value: 0, on: isoDay(-100) },
        target: { value: 2, on: isoDay(100) },
      }),
    );
    expect(indicator.milestones).toEqual(['Drafted', 'Adopted', 'Operational']);
    expectProblem(
      await as['focal.ma'].post(`${BASE}/indicators/${indicator.id}/measurements`, {
        value: 3,
        measuredOn: isoDay(-1),
        source: 'x',
      }),
      422,
      'wrong-value-type',
    );
    await addMeasurement(as['focal.ma'], indicator.id, { value: 1, measuredOn: isoDay(-20), source: 'Decree' });
    const wrong = await addMeasurement(as['focal.ma'], indicator.id, { value: 2, measuredOn: isoDay(-1), source: 'Rumour' });
    expect(wrong.trend).toBe('achieved');
    const measurementId = wrong.measurements[1].id;
    const withdrawn = await as['focal.ma'].post(`${BASE}/measurements/${measurementId}/withdraw`, {
      reason: 'Not yet operational',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ latest: { value: 1, on: isoDay(-20) }, attainment: 0.5 });
    expect(withdrawn.json().measurements[1].withdrawn).toMatchObject({ reason: 'Not yet operational' });
    expectProblem(
      await as['focal.ma'].post(`${BASE}/measurements/${measurementId}/withdraw`, { reason: 'Again' }),
      409,
      'already-withdrawn',
    );
    expectProblem(
      await as['focal.es'].post(`${BASE}/measurements/${measurementId}/withdraw`, { reason: 'Mine' }),
      403,
      'not-owner-organisation',
    );
    const actions = await sql<{
      action: string;
    }>`select action from commitment_revisions where commitment_id = ${c.id} order by id`.execute(t.database.db);
    expect(actions.rows.map((r) => r.action)).toEqual([
      'create',
      'indicator.create',
      'measurement.add',
      'measurement.add',
      'measurement.withdraw',
    ]);
  });
});

describe('a recommendation’s follow-up and partner choices', () => {
  it('lists the commitments acting on a recommendation, and active organisations to pick', async () => {
    const c = await createCommitment(as['focal.ma'], commitmentPayload(ids, { recommendationIds: [ids.recommendations[2]] }));
    const response = await as['focal.sn'].get(`${BASE}/recommendations/${ids.recommendations[2]}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().commitments.map((x: { id: string }) => x.id)).toContain(c.id);
    const filtered = (
      await as['focal.sn'].get(`${BASE}/commitments?recommendation=${ids.recommendations[2]}`)
    ).json() as CommitmentList;
    expect(filtered.items.map((x) => x.id)).toContain(c.id);
    const orgs = (await as['focal.ma'].get(`${BASE}/organisations?q=CGEF`)).json();
    expect(orgs.items).toEqual([expect.objectContaining({ id: ids.organisation.es, acronym: 'CGEF' })]);
  });
});
