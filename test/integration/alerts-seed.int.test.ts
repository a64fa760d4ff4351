import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ALERTS, seedAlerts } from '../../src/server/demo/seed-alerts.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import { type Alert, listAlerts } from './alerts-fixtures.js';

let t: TestApp;
const as: Record<string, Client> = {};

beforeAll(async () => {
  t = await startTestApp();
  for (const account of ['focal.ma', 'focal.es', 'focal.sn']) as[account] = await t.signIn(`${account}@liaison.demo`);
});
afterAll(() => t.close());

const byTitle = async (client: Client, title: string) => {
  const found = await listAlerts(client, `status=all&q=${encodeURIComponent(title)}`);
  expect(found.alerts.length, title).toBe(1);
  return (await (await client.get(`/api/v1/alerts/${found.alerts[0].id}`)).json()) as Alert;
};

describe('demo alerts', () => {
  it('load once, whether or not the demo seed already loaded them', async () => {
    await seedAlerts(t.database.db);
    expect(await seedAlerts(t.database.db)).toBe(0);
    const all = await listAlerts(as['focal.es'], 'status=all&limit=200');
    // Spain is named or included in the distribution of every demo alert.
    expect(all.alerts.map((a) => a.title)).toEqual(expect.arrayContaining(DEMO_ALERTS.map((demo) => demo.title)));
    expect((await listAlerts(as['focal.es'], 'status=expired&q=Forged')).total).toBe(1);
  });

  it('correlate through a shared phone and a shared IMO number, as far as each viewer may see', async () => {
    const tarfaya = await byTitle(as['focal.es'], 'south of Tarfaya');
    expect(tarfaya.correlations.map((c) => c.title)).toEqual(['Pirogue departures from Saint-Louis and Mbour']);
    expect(tarfaya.correlations[0].shared).toEqual([{ kind: 'phone', display: '+212 6 61 00 11 22', weak: false }]);
    const cargo = await byTitle(as['focal.es'], 'Cargo vessel suspected');
    expect(cargo.correlations.map((c) => c.title)).toEqual(['Facilitator network recruiting on social media in Nouadhibou']);
    // The Nouadhibou alert is TLP:RED to a Spanish unit: Senegal sees the cargo vessel unlinked.
    expect((await byTitle(as['focal.sn'], 'Cargo vessel suspected')).correlations).toEqual([]);
  });

  it('carry feedback the issuing unit sees in full', async () => {
    const tarfaya = await byTitle(as['focal.ma'], 'south of Tarfaya');
    expect(tarfaya.feedback.summary).toEqual({ useful: 1, acted_on: 1, false_alarm: 0 });
    expect((await byTitle(as['focal.sn'], 'south of Tarfaya')).feedback.entries.map((f) => f.verdict)).toEqual(['useful']);
  });
});
