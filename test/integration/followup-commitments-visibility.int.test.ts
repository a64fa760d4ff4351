import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommitmentList, EvidenceUpload, RecommendationFollowUp } from '../../src/shared/followup/contract.js';
import { HANDLING_CODES } from '../../src/shared/handling-codes.js';
import { expectProblem } from '../support/fixtures.js';
import {
  type DistributionName,
  distributionTargets,
  EXPECTED,
  signInViewers,
  VIEWER_NAMES,
  type ViewerName,
} from '../support/sharing-table.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import { multipartForm } from '../support/uploads.js';
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
 * The sharing rule as a table (test/support/sharing-table.ts) through every read path of
 * commitments: the commitment, its history, the list (rows and total), a recommendation's
 * follow-up, the exports (commitments and measurements) and the evidence files. focal.ma creates
 * every commitment from Morocco's anti-smuggling unit, with no contributor (contributors always
 * receive a commitment, which would blur the table). TLP:RED is refused for commitments: it would
 * hide one from its own lead organisation.
 */
const DISTRIBUTIONS = Object.keys(EXPECTED) as DistributionName[];
const CODES = HANDLING_CODES.filter((code) => code !== 'TLP:RED');
const TOKEN = 'plumvortex';

let t: TestApp;
let ids: FollowupIds;
const clients = {} as Record<ViewerName, Client>;
interface Cell {
  id: string;
  measurementId: string;
  distribution: DistributionName;
  code: string;
}
const cells: Cell[] = [];

/** The API's distribution object from the table's targets. */
function distributionOf(targets: unknown[]) {
  const of = (kind: string) =>
    (targets as { kind: string; id?: string }[]).filter((x) => x.kind === kind).map((x) => x.id as string);
  return {
    units: of('unit'),
    organisations: of('organisation'),
    sharingGroups: of('sharing_group'),
    allPartners: of('all_partners').length > 0,
  };
}

async function uploadEvidence(client: Client, name: string): Promise<EvidenceUpload> {
  const form = await multipartForm([{ name, data: `%PDF-1.4\n% evidence ${name}\n` }], [], 'file');
  const response = await client.request({
    method: 'POST',
    url: `${BASE}/evidence`,
    payload: form.payload,
    headers: { 'content-type': form.contentType },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

beforeAll(async () => {
  t = await startTestApp();
  ids = await followupIds(t);
  Object.assign(clients, await signInViewers(t));
  const targets = await distributionTargets(t);
  const lead = clients['originating unit'];
  for (const distribution of DISTRIBUTIONS) {
    for (const code of CODES) {
      const c = await createCommitment(
        lead,
        commitmentPayload(ids, {
          title: `${TOKEN} ${distribution} ${code}`,
          contributors: [],
          recommendationIds: [ids.recommendations[1]],
          handlingCode: code,
          distribution: distributionOf(targets[distribution]),
        }),
      );
      await addAction(lead, c.id, { title: 'Step', ownerUnitId: ids.unit.ma, dueOn: isoDay(20) });
      const indicator = await addIndicator(lead, c.id, indicatorPayload());
      const evidence = await uploadEvidence(lead, `${cells.length}.pdf`);
      const measured = await addMeasurement(lead, indicator.id, {
        value: 10,
        measuredOn: isoDay(-2),
        source: 'Register',
        evidence: { attachmentId: evidence.id },
      });
      cells.push({ id: c.id, measurementId: measured.measurements[0].id, distribution, code });
    }
  }
});
afterAll(() => t.close());

const sorted = (values: Iterable<string>) => [...values].sort();

describe('commitments follow the handling code and the distribution on every read path', () => {
  it('refuses TLP:RED, which would hide a commitment from its own lead organisation', async () => {
    const response = await clients['originating unit'].post(
      `${BASE}/commitments`,
      commitmentPayload(ids, { title: `${TOKEN} red`, handlingCode: 'TLP:RED', contributors: [] }),
    );
    expectProblem(response, 422, 'invalid');
  });

  for (const viewer of VIEWER_NAMES) {
    it(viewer, async () => {
      const client = clients[viewer];
      const visible: Cell[] = [];
      const seen: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const distribution of DISTRIBUTIONS) {
        let row = '';
        for (const cell of cells.filter((c) => c.distribution === distribution)) {
          const response = await client.get(`${BASE}/commitments/${cell.id}`);
          if (response.statusCode === 200) visible.push(cell);
          else expectProblem(response, 404, 'not-found');
          row += response.statusCode === 200 ? 'Y' : '.';
          // History and evidence agree with the commitment itself.
          const history = await client.get(`${BASE}/commitments/${cell.id}/history`);
          expect(history.statusCode).toBe(response.statusCode);
          const evidence = await client.get(`${BASE}/measurements/${cell.measurementId}/evidence`);
          expect(evidence.statusCode).toBe(response.statusCode);
          if (evidence.statusCode === 200) {
            expect(evidence.headers['content-disposition']).toMatch(/^attachment;/);
            expect(evidence.headers['x-content-type-options']).toBe('nosniff');
          }
        }
        seen[distribution] = row;
        // The table's first letter is TLP:RED, which commitments do not take.
        expected[distribution] = EXPECTED[distribution][viewer].slice(1);
      }
      expect(seen).toEqual(expected);
      const visibleIds = sorted(visible.map((c) => c.id));

      const list = (await client.get(`${BASE}/commitments?q=${TOKEN}&limit=200`)).json() as CommitmentList;
      expect(sorted(list.items.map((c) => c.id))).toEqual(visibleIds);
      expect(list.total).toBe(visibleIds.length);

      const followUp = (await client.get(`${BASE}/recommendations/${ids.recommendations[1]}`)).json() as RecommendationFollowUp;
      expect(sorted(followUp.commitments.map((c) => c.id).filter((id) => cells.some((cell) => cell.id === id)))).toEqual(
        visibleIds,
      );

      const exported = (await client.get(`${BASE}/export?q=${TOKEN}&format=json`)).json() as { commitments: { id: string }[] };
      expect(sorted(exported.commitments.map((c) => c.id))).toEqual(visibleIds);
      const measurements = (await client.get(`${BASE}/export?q=${TOKEN}&format=json&kind=measurements`)).json() as {
        measurements: { commitmentId: string }[];
      };
      expect(sorted(measurements.measurements.map((m) => m.commitmentId))).toEqual(visibleIds);
      const csv = (await client.get(`${BASE}/export?q=${TOKEN}&format=csv`)).body;
      for (const cell of cells) expect(csv.includes(cell.id)).toBe(visible.includes(cell));
    });
  }
});
