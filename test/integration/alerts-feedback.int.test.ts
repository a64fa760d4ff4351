import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import { type Alert, countRows, type DemoIds, demoIds, issue, listAlerts } from './alerts-fixtures.js';

/**
 * Feedback and withdrawal. The alert is TLP:AMBER to Spain's first unit: Morocco (the issuer's
 * organisation) and Spain see it; Senegal and Niger do not.
 */
let t: TestApp;
let ids: DemoIds;
const as: Record<string, Client> = {};
const TOKEN = 'marzipanowl';

beforeAll(async () => {
  t = await startTestApp();
  ids = await demoIds(t);
  for (const account of [
    'focal.ma',
    'analyst.ma',
    'focal.es',
    'caseworker.es',
    'analyst.es',
    'reader.es',
    'orgadmin.es',
    'focal.sn',
  ]) {
    as[account] = await t.signIn(`${account}@liaison.demo`);
  }
});
afterAll(() => t.close());

const amber = (title: string) =>
  issue(as['focal.ma'], { title: `${TOKEN} ${title}`, distribution: [{ kind: 'unit', id: ids.unit.es }] });
const read = async (client: Client, id: string) => {
  const response = await client.get(`/api/v1/alerts/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Alert;
};
const feedback = (client: Client, id: string, body: Record<string, unknown>) =>
  client.post(`/api/v1/alerts/${id}/feedback`, body);

describe('feedback from receiving units', () => {
  let alert: Alert;
  beforeAll(async () => {
    alert = await amber('feedback');
  });

  it('records a unit verdict, shows every unit to the issuer and only their own to others', async () => {
    const given = await feedback(as['focal.es'], alert.id, { verdict: 'useful', comment: 'Matches our case <b>42</b>.' });
    expect(given.statusCode, given.body).toBe(200);
    expect((given.json() as Alert).feedback).toMatchObject({
      scope: 'own',
      entries: [{ unitId: ids.unit.es, verdict: 'useful', comment: 'Matches our case <b>42</b>.' }],
      summary: null,
    });
    expect((await feedback(as['analyst.es'], alert.id, { verdict: 'false_alarm' })).statusCode).toBe(200);

    const issuer = await read(as['focal.ma'], alert.id);
    expect(issuer.feedback.scope).toBe('all');
    expect(issuer.feedback.entries.map((f) => [f.unitId, f.verdict]).sort()).toEqual(
      [
        [ids.unit.es, 'useful'],
        [ids.lastUnit.es, 'false_alarm'],
      ].sort(),
    );
    expect(issuer.feedback.summary).toEqual({ useful: 1, acted_on: 0, false_alarm: 1 });
    // Another unit of the issuing organisation is not the issuer: it sees its own feedback only.
    expect((await read(as['analyst.ma'], alert.id)).feedback).toEqual({ scope: 'own', entries: [], summary: null });
    const spanish = await read(as['caseworker.es'], alert.id);
    expect(spanish.feedback.entries.map((f) => f.verdict)).toEqual(['useful']);
    expect(spanish.permissions).toEqual({ withdraw: false, feedback: true });
  });

  it('keeps the earlier verdict as history when a unit changes it', async () => {
    expect((await feedback(as['caseworker.es'], alert.id, { verdict: 'acted_on', unitId: ids.unit.es })).statusCode).toBe(200);
    const rows = await sql<{ verdict: string; current: boolean }>`select verdict, superseded_at is null as current
      from alert_feedback where alert_id = ${alert.id} and unit_id = ${ids.unit.es} order by at, current`.execute(t.database.db);
    expect(rows.rows).toEqual([
      { verdict: 'useful', current: false },
      { verdict: 'acted_on', current: true },
    ]);
    expect((await read(as['focal.ma'], alert.id)).feedback.summary).toEqual({ useful: 0, acted_on: 1, false_alarm: 1 });
    await expect(sql`delete from alert_feedback where alert_id = ${alert.id}`.execute(t.database.db)).rejects.toThrow(
      /never deleted/,
    );
  });

  it('tells only the issuing unit, audits it, and refuses the wrong people', async () => {
    const events = await sql<{
      handling_code: string;
      originator_unit_id: string;
      recipient_units: string[];
      to_all_partners: boolean;
    }>`
      select handling_code, originator_unit_id, recipient_units, to_all_partners from exchange_events
      where type = 'alert.feedback' and record_id = ${alert.id}`.execute(t.database.db);
    expect(events.rows.length).toBe(3);
    for (const event of events.rows) {
      expect(event).toEqual({
        handling_code: 'TLP:RED',
        originator_unit_id: ids.unit.ma,
        recipient_units: [],
        to_all_partners: false,
      });
    }
    expect(
      await countRows(
        t,
        sql`select count(*)::int as n from audit_log where action = 'alert.feedback' and target_id = ${alert.id}`,
      ),
    ).toBe(3);

    const before = await countRows(t, sql`select count(*)::int as n from alert_feedback`);
    expectProblem(await feedback(as['focal.ma'], alert.id, { verdict: 'useful' }), 403, 'own-alert');
    expectProblem(await feedback(as['focal.sn'], alert.id, { verdict: 'useful' }), 404, 'not-found');
    expectProblem(
      await feedback(as['focal.sn'], '00000000-0000-4000-8000-000000000000', { verdict: 'useful' }),
      404,
      'not-found',
    );
    expectProblem(await feedback(as['reader.es'], alert.id, { verdict: 'useful' }), 403, 'forbidden');
    // A reader reads the alert and the unit's feedback, and is offered no action.
    const asReader = await read(as['reader.es'], alert.id);
    expect(asReader.permissions).toEqual({ withdraw: false, feedback: false });
    expect(asReader.feedback.entries.map((f) => f.verdict)).toEqual(['acted_on']);
    expectProblem(await feedback(as['orgadmin.es'], alert.id, { verdict: 'useful' }), 422, 'no-unit');
    expectProblem(await feedback(as['focal.es'], alert.id, { verdict: 'useful', unitId: ids.lastUnit.es }), 403, 'not-your-unit');
    expectProblem(await feedback(as['focal.es'], alert.id, { verdict: 'great' }), 400, 'validation');
    expectProblem(await feedback(as['focal.es'], alert.id, { verdict: 'useful', comment: 'x'.repeat(2001) }), 400, 'validation');
    expectProblem(await t.anonymous().post(`/api/v1/alerts/${alert.id}/feedback`, { verdict: 'useful' }), 401, 'unauthenticated');
    expect(await countRows(t, sql`select count(*)::int as n from alert_feedback`)).toBe(before);
  });
});

describe('withdrawing an alert', () => {
  it('is for the issuing unit only: 404 to those who cannot see it, 403 to those who can', async () => {
    const alert = await amber('withdraw');
    expectProblem(await as['focal.sn'].post(`/api/v1/alerts/${alert.id}/withdraw`, { reason: 'x' }), 404, 'not-found');
    expectProblem(await as['focal.es'].post(`/api/v1/alerts/${alert.id}/withdraw`, { reason: 'x' }), 403, 'forbidden');
    expectProblem(await as['analyst.ma'].post(`/api/v1/alerts/${alert.id}/withdraw`, { reason: 'x' }), 403, 'forbidden');
    expectProblem(await as['focal.ma'].post(`/api/v1/alerts/${alert.id}/withdraw`, {}), 400, 'validation');

    const withdrawn = await as['focal.ma'].post(`/api/v1/alerts/${alert.id}/withdraw`, { reason: 'Route closed since Monday.' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({
      status: 'withdrawn',
      withdrawal: { reason: 'Route closed since Monday.' },
      permissions: { withdraw: false, feedback: false },
    });
    expectProblem(
      await as['focal.ma'].post(`/api/v1/alerts/${alert.id}/withdraw`, { reason: 'again' }),
      409,
      'already-withdrawn',
    );
    expectProblem(await feedback(as['focal.es'], alert.id, { verdict: 'useful' }), 409, 'alert-withdrawn');

    // Still readable by its recipients, out of the default list, in the withdrawn one.
    expect((await read(as['focal.es'], alert.id)).status).toBe('withdrawn');
    expect((await listAlerts(as['focal.es'], `q=${TOKEN} withdraw`)).total).toBe(0);
    expect((await listAlerts(as['focal.es'], `q=${TOKEN} withdraw&status=withdrawn`)).total).toBe(1);

    const events = await sql<{
      type: string;
    }>`select type from exchange_events where record_id = ${alert.id} order by seq`.execute(t.database.db);
    expect(events.rows.map((e) => e.type)).toEqual(['alert.new', 'alert.updated']);
    expect(
      await countRows(
        t,
        sql`select count(*)::int as n from audit_log where action = 'alert.withdraw' and target_id = ${alert.id}`,
      ),
    ).toBe(1);
  });
});
