import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factKeyOf } from '../../src/server/modules/referral/statistics/facts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  API,
  openCase,
  recordConsent,
  referOk,
  setStatus,
  signInWorker,
  unitProvider,
  type Worker,
} from './referral-referrals-fixtures.js';
import { screeningBody } from './referral-screening-fixtures.js';

let t: TestApp;
const as: Record<string, Worker> = {};

beforeAll(async () => {
  t = await startTestApp();
  as.sn = await signInWorker(t, 'caseworker.sn@liaison.demo');
  as.ngo = await signInWorker(t, 'caseworker.ngo@liaison.demo');
});
afterAll(() => t.close());

const factsOf = async (caseId: string) =>
  (
    await sql<
      Record<string, unknown>
    >`select * from case_statistics where fact_key = ${factKeyOf(t.app.platform.personalData, caseId)}`.execute(t.database.db)
  ).rows[0];

describe('statistics facts follow the case, its screening and its referrals', () => {
  it('records the person coarsely at opening, then the assessment, the services referred and their outcome', async () => {
    const { id } = await openCase(as.sn);
    const opened = await factsOf(id);
    expect(opened).toMatchObject({
      case_type: 'trafficking',
      is_child: false,
      age_band: '26-35',
      sex: 'female',
      nationality: 'NG',
      owner_country: 'SN',
      services_referred: [],
      referral_outcomes: [],
      transnational: false,
    });
    expect(JSON.stringify(opened)).not.toMatch(/Zainabou|1998|Agadez/);

    const screening = await as.sn.client.post(`${API}/cases/${id}/screenings`, screeningBody({ assessment: 'presumed_victim' }));
    expect(screening.statusCode, screening.body).toBe(201);
    expect((await factsOf(id)).assessment).toBe('presumed_victim');

    const providerId = await unitProvider(as.ngo, ['shelter'], 'SN');
    const consentId = await recordConsent(as.sn, id, { scope: 'share_with_service', providerId, fields: ['givenNames'] });
    const referral = await referOk(as.sn, id, { kind: 'service', providerId, consentId, needs: ['shelter'] });
    expect((await factsOf(id)).services_referred).toEqual(['shelter']);

    expect((await setStatus(as.ngo, referral.id, { status: 'accepted' })).statusCode).toBe(200);
    const done = await setStatus(as.ngo, referral.id, { status: 'completed', outcome: 'service_provided' });
    expect(done.statusCode, done.body).toBe(200);
    expect((await factsOf(id)).referral_outcomes).toEqual(['service_provided']);

    const table = (await as.sn.client.get(`${API}/referral-statistics?by=service&by2=outcome`)).json();
    expect(table.columns).toContain('service_provided');
    expect(table.rows.map((row: { key: string }) => row.key)).toContain('shelter');
  });
});
