import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { type Alert, issue, listAlerts } from './alerts-fixtures.js';

/**
 * The sharing rules of product.md as a table, through every read path of alerts: the alert itself,
 * the list (rows and total), facets, observable search, correlations (links and counts), the map
 * (features and country counts) and the export. Cast as in messages-visibility.int.test.ts:
 * focal.ma issues from Morocco's anti-smuggling unit; Senegal is in the "Atlantic route" group with
 * Morocco and Spain, Niger is not; the platform admin belongs to the secretariat and no unit.
 */
const DISTRIBUTIONS = Object.keys(EXPECTED) as DistributionName[];
// Each code gets its own category and each distribution its own severity, so facets can be checked exactly.
const CATEGORY = ['new_route', 'modus_operandi', 'document_fraud', 'facilitator_network', 'other'];
const SEVERITY: Record<DistributionName, string> = {
  'named units': 'low',
  organisation: 'medium',
  'sharing group': 'high',
  'all partners': 'critical',
};

let t: TestApp;
const clients = {} as Record<ViewerName, Client>;
interface Cell {
  id: string;
  distribution: DistributionName;
  code: string;
  email: string;
}
const cells: Cell[] = [];
/** A TLP:CLEAR alert everyone sees, sharing a phone number with every cell's alert. */
let probe: Alert;
const TOKEN = 'vortexplum';
const SHARED_PHONE = '+221 77 123 45 67';

beforeAll(async () => {
  t = await startTestApp();
  Object.assign(clients, await signInViewers(t));
  const targets = await distributionTargets(t);
  const sender = clients['originating unit'];
  for (const distribution of DISTRIBUTIONS) {
    for (const [index, code] of HANDLING_CODES.entries()) {
      const email = `cell-${cells.length}@${TOKEN}.example`;
      const alert = await issue(sender, {
        title: `${TOKEN} ${distribution} ${code}`,
        category: CATEGORY[index],
        severity: SEVERITY[distribution],
        area: { countries: ['MA', 'ES'], geometry: { type: 'Point', coordinates: [-13 + cells.length / 10, 28] } },
        observables: [
          { kind: 'phone', value: SHARED_PHONE },
          { kind: 'email', value: email },
        ],
        handlingCode: code,
        distribution: targets[distribution],
      });
      cells.push({ id: alert.id, distribution, code, email });
    }
  }
  probe = await issue(sender, {
    title: `${TOKEN} probe`,
    category: 'persons_at_risk',
    severity: 'low',
    area: { countries: ['SN'] },
    observables: [{ kind: 'phone', value: SHARED_PHONE }],
    handlingCode: 'TLP:CLEAR',
    distribution: [{ kind: 'all_partners' }],
  });
});
afterAll(() => t.close());

const sorted = (values: Iterable<string>) => [...values].sort();
const countBy = (values: string[]) => {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
};

describe('every read path of alerts follows the handling code and the distribution', () => {
  for (const viewer of VIEWER_NAMES) {
    it(viewer, async () => {
      const client = clients[viewer];
      // The alert itself decides what is visible; every other path must agree with it exactly.
      const visible: Cell[] = [];
      const seen: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const distribution of DISTRIBUTIONS) {
        let row = '';
        for (const cell of cells.filter((c) => c.distribution === distribution)) {
          const response = await client.get(`/api/v1/alerts/${cell.id}`);
          if (response.statusCode === 200) visible.push(cell);
          else expectProblem(response, 404, 'not-found');
          row += response.statusCode === 200 ? 'Y' : '.';
        }
        seen[distribution] = row;
        expected[distribution] = EXPECTED[distribution][viewer];
      }
      expect(seen).toEqual(expected);
      const visibleIds = sorted([...visible.map((c) => c.id), probe.id]);

      // List rows, total and facets.
      const list = await listAlerts(client, `q=${TOKEN}&limit=200`);
      expect(sorted(list.alerts.map((a) => a.id))).toEqual(visibleIds);
      expect(list.total).toBe(visibleIds.length);
      expect(list.facets.category).toEqual(
        countBy([...visible.map((c) => CATEGORY[HANDLING_CODES.indexOf(c.code as never)]), 'persons_at_risk']),
      );
      expect(list.facets.severity).toEqual(countBy([...visible.map((c) => SEVERITY[c.distribution]), 'low']));
      expect(list.facets.country).toEqual({ ...(visible.length ? { MA: visible.length, ES: visible.length } : {}), SN: 1 });

      // Observable search: the shared phone finds exactly the visible alerts; each cell's e-mail its own alert, if visible.
      const byPhone = await listAlerts(client, `observable=${encodeURIComponent(SHARED_PHONE)}&limit=200`);
      expect(sorted(byPhone.alerts.map((a) => a.id))).toEqual(visibleIds);
      for (const cell of cells) {
        const found = await listAlerts(client, `observable=${encodeURIComponent(cell.email.toUpperCase())}`);
        expect(found.alerts.map((a) => a.id)).toEqual(visible.includes(cell) ? [cell.id] : []);
        expect(found.total).toBe(visible.includes(cell) ? 1 : 0);
      }

      // Correlation: the probe links to the visible cells only, and each visible cell links back.
      const fromProbe = (await (await client.get(`/api/v1/alerts/${probe.id}`)).json()) as Alert;
      expect(sorted(fromProbe.correlations.map((c) => c.alertId))).toEqual(sorted(visible.map((c) => c.id)));
      expect(fromProbe.correlationCount).toBe(visible.length);
      expect(list.alerts.find((a) => a.id === probe.id)?.correlationCount).toBe(visible.length);
      for (const cell of visible) {
        const linked = (await (await client.get(`/api/v1/alerts/${cell.id}`)).json()) as Alert;
        const others = visibleIds.filter((id) => id !== cell.id);
        expect(sorted(linked.correlations.map((c) => c.alertId))).toEqual(others);
        expect(linked.correlationCount).toBe(others.length);
        expect(list.alerts.find((a) => a.id === cell.id)?.correlationCount).toBe(others.length);
      }

      // Map features and country counts.
      const map = (await client.get(`/api/v1/alerts/map?q=${TOKEN}`)).json();
      expect(sorted(map.features.map((f: { id: string }) => f.id))).toEqual(sorted(visible.map((c) => c.id)));
      expect(map.countries).toEqual(list.facets.country);

      // Exports, JSON and CSV.
      const json = (await client.get(`/api/v1/alerts/export?format=json&q=${TOKEN}`)).json();
      expect(sorted(json.alerts.map((a: { id: string }) => a.id))).toEqual(visibleIds);
      expect(json.total).toBe(visibleIds.length);
      const csv = (await client.get(`/api/v1/alerts/export?format=csv&q=${TOKEN}`)).body;
      expect(sorted(cells.filter((c) => csv.includes(c.id)).map((c) => c.id))).toEqual(sorted(visible.map((c) => c.id)));

      // Writing to an alert one may not see is a 404 too, never a hint that it exists.
      for (const cell of cells.filter((c) => !visible.includes(c))) {
        expectProblem(await client.post(`/api/v1/alerts/${cell.id}/feedback`, { verdict: 'useful' }), 404, 'not-found');
        expectProblem(await client.post(`/api/v1/alerts/${cell.id}/withdraw`, { reason: 'x' }), 404, 'not-found');
      }
    });
  }

  it('answers 401 to a caller without a session, on every path', async () => {
    const anonymous = t.anonymous();
    const id = probe.id;
    for (const path of ['/api/v1/alerts', `/api/v1/alerts/${id}`, '/api/v1/alerts/map', '/api/v1/alerts/export']) {
      expectProblem(await anonymous.get(path), 401, 'unauthenticated');
    }
    for (const [path, body] of [
      [`/api/v1/alerts/${id}/feedback`, { verdict: 'useful' }],
      [`/api/v1/alerts/${id}/withdraw`, { reason: 'x' }],
      ['/api/v1/alerts/extract-observables', { text: 'x' }],
    ] as const) {
      expectProblem(await anonymous.post(path, body), 401, 'unauthenticated');
    }
  });
});
