import { sql } from 'kysely';
import { expect } from 'vitest';
import { DEMO_ORGANISATIONS } from '../../src/server/demo/demo-data.js';
import type { Client, TestApp } from '../support/test-app.js';

/** Shared by the alerts tests: demo ids and a valid alert to vary. */

export interface Alert {
  id: string;
  title: string;
  status: string;
  handlingCode: string;
  observableCount: number;
  correlationCount: number;
  description: string;
  descriptionHtml: string | null;
  area: { countries: string[]; label: string | null; geometry: unknown };
  observables: { kind: string; value: string; display: string; country: string | null; platform: string | null }[];
  correlations: { alertId: string; title: string; shared: { kind: string; display: string; weak: boolean }[] }[];
  feedback: {
    scope: 'all' | 'own';
    entries: { unitId: string; verdict: string; comment: string | null }[];
    summary: Record<string, number> | null;
  };
  permissions: { withdraw: boolean; feedback: boolean };
  withdrawal: { reason: string } | null;
}

export interface DemoIds {
  /** First unit of each demo organisation (focal points, caseworkers, readers), by key (ma, es…). */
  unit: Record<string, string>;
  /** Last unit (analysts), by key. */
  lastUnit: Record<string, string>;
  organisation: Record<string, string>;
  group: Record<string, string>;
}

export async function demoIds(t: TestApp): Promise<DemoIds> {
  const ids: DemoIds = { unit: {}, lastUnit: {}, organisation: {}, group: {} };
  for (const org of DEMO_ORGANISATIONS) {
    const units = await sql<{ id: string; name: string; organisation_id: string }>`select u.id, u.name, u.organisation_id
      from units u join organisations o on o.id = u.organisation_id where o.acronym = ${org.acronym}`.execute(t.database.db);
    const byName = new Map(units.rows.map((row) => [row.name, row]));
    ids.unit[org.key] = byName.get(org.units[0])?.id as string;
    ids.lastUnit[org.key] = byName.get(org.units[org.units.length - 1])?.id as string;
    ids.organisation[org.key] = units.rows[0].organisation_id;
  }
  const groups = await sql<{ id: string; name: string }>`select id, name from sharing_groups`.execute(t.database.db);
  for (const row of groups.rows) ids.group[row.name] = row.id;
  return ids;
}

export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** A valid alert: TLP:AMBER to one unit, with a point and a phone number. */
export function alertPayload(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Fast boats leaving at night',
    category: 'new_route',
    severity: 'high',
    validUntil: inDays(7),
    area: { countries: ['MA', 'ES'], label: 'Atlantic route', geometry: { type: 'Point', coordinates: [-12.9, 27.9] } },
    description: 'Boats **leave** at night.',
    observables: [] as unknown[],
    handlingCode: 'TLP:AMBER',
    distribution: [{ kind: 'all_partners' }] as unknown[],
    ...overrides,
  };
}

export async function issue(client: Client, overrides: Record<string, unknown> = {}): Promise<Alert> {
  const response = await client.post('/api/v1/alerts', alertPayload(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export async function listAlerts(client: Client, query: string) {
  const response = await client.get(`/api/v1/alerts?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as {
    alerts: (Omit<Alert, 'observables' | 'correlations' | 'feedback'> & { category: string; severity: string })[];
    total: number;
    facets: { category: Record<string, number>; severity: Record<string, number>; country: Record<string, number> };
  };
}

export async function countRows(t: TestApp, query: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
  return (await query.execute(t.database.db)).rows[0].n;
}
