/** Administration API: which role may do what, on its own and on another organisation (role × action table). */
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import {
  API,
  administrationSuite,
  EVERYONE,
  expectProblem,
  platformReads,
  STRONG_PASSWORD,
  type Who,
} from '../support/fixtures.js';

const { as, ids } = administrationSuite();

const { readAsPlatform, countMatching } = platformReads(as);

const SLUG: Record<number, string> = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not-found' };

// ---------------------------------------------------------------------------------------------
// Role × action × own/other organisation
// ---------------------------------------------------------------------------------------------

interface Row {
  action: string;
  request: (who: Who) => { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: unknown };
  expected: Record<Who, number>;
  /** Read back as the platform admin; a refused request must leave it unchanged. */
  state?: (who: Who) => Promise<unknown>;
}

/** Expected statuses: platform admin, organisation admin, the other signed-in roles; anonymous always 401. */
const statuses = (platform: number, orgAdmin: number, others: number): Record<Who, number> => ({
  platform,
  orgAdmin,
  focal: others,
  analyst: others,
  reader: others,
  anonymous: 401,
});

const matrix: Row[] = [
  {
    action: 'list organisations',
    request: () => ({ method: 'GET', url: `${API}/organisations` }),
    expected: statuses(200, 200, 403),
  },
  {
    action: 'read own organisation',
    request: () => ({ method: 'GET', url: `${API}/organisations/${ids.org.ma}` }),
    expected: statuses(200, 200, 403),
  },
  {
    action: 'read another organisation',
    request: () => ({ method: 'GET', url: `${API}/organisations/${ids.org.es}` }),
    expected: statuses(200, 404, 403),
  },
  {
    action: 'create an organisation',
    request: (who) => ({
      method: 'POST',
      url: `${API}/organisations`,
      payload: { name: `Matrix organisation ${who}`, kind: 'ngo', country: 'FR' },
    }),
    expected: statuses(201, 403, 403),
    state: (who) => countMatching('organisations', `Matrix organisation ${who}`),
  },
  ...(['ma', 'es'] as const).map(
    (org): Row => ({
      action: `update ${org === 'ma' ? 'own' : 'another'} organisation`,
      request: (who) => ({
        method: 'PATCH',
        url: `${API}/organisations/${ids.org[org]}`,
        payload: { acronym: who === 'platform' ? (org === 'ma' ? 'DMSF' : 'CGEF') : 'HIJACKED', active: true },
      }),
      expected: statuses(200, 403, 403),
      state: () => readAsPlatform(`${API}/organisations/${ids.org[org]}`),
    }),
  ),
  { action: 'list units', request: () => ({ method: 'GET', url: `${API}/units` }), expected: statuses(200, 200, 403) },
  {
    action: 'read own unit',
    request: () => ({ method: 'GET', url: `${API}/units/${ids.units.ma[0]}` }),
    expected: statuses(200, 200, 403),
  },
  {
    action: 'read another unit',
    request: () => ({ method: 'GET', url: `${API}/units/${ids.units.es[0]}` }),
    expected: statuses(200, 404, 403),
  },
  ...(['ma', 'es'] as const).map(
    (org): Row => ({
      action: `create a unit in ${org === 'ma' ? 'own' : 'another'} organisation`,
      request: (who) => ({
        method: 'POST',
        url: `${API}/units`,
        payload: { organisationId: ids.org[org], name: `Matrix unit ${org} ${who}` },
      }),
      expected: statuses(201, org === 'ma' ? 201 : 404, 403),
      state: (who) => countMatching('units', `Matrix unit ${org} ${who}`),
    }),
  ),
  ...(['ma', 'es'] as const).map(
    (org): Row => ({
      action: `update ${org === 'ma' ? 'own' : 'another'} unit`,
      request: (who) => ({
        method: 'PATCH',
        url: `${API}/units/${ids.units[org][1]}`,
        payload: { description: `Set by ${who}` },
      }),
      expected: statuses(200, org === 'ma' ? 200 : 404, 403),
      state: () => readAsPlatform(`${API}/units/${ids.units[org][1]}`),
    }),
  ),
  { action: 'list users', request: () => ({ method: 'GET', url: `${API}/users` }), expected: statuses(200, 200, 403) },
  {
    action: 'read own user',
    request: () => ({ method: 'GET', url: `${API}/users/${ids.user['caseworker.ma']}` }),
    expected: statuses(200, 200, 403),
  },
  {
    action: 'read another user',
    request: () => ({ method: 'GET', url: `${API}/users/${ids.user['caseworker.es']}` }),
    expected: statuses(200, 404, 403),
  },
  ...(['ma', 'es'] as const).map(
    (org): Row => ({
      action: `create a user in ${org === 'ma' ? 'own' : 'another'} organisation`,
      request: (who) => ({
        method: 'POST',
        url: `${API}/users`,
        payload: {
          email: `matrix.${who}.${org}@example.org`,
          displayName: `Matrix user ${who} ${org}`,
          password: STRONG_PASSWORD,
          organisationId: ids.org[org],
          unitIds: [],
          roles: ['reader'],
        },
      }),
      expected: statuses(201, org === 'ma' ? 201 : 404, 403),
      state: (who) => countMatching('users', `matrix.${who}.${org}@example.org`),
    }),
  ),
  ...(['ma', 'es'] as const).map(
    (org): Row => ({
      action: `update ${org === 'ma' ? 'own' : 'another'} user`,
      request: (who) => ({
        method: 'PATCH',
        url: `${API}/users/${ids.user[`caseworker.${org}`]}`,
        payload: { locale: 'fr', displayName: `Case worker (${who})` },
      }),
      expected: statuses(200, org === 'ma' ? 200 : 404, 403),
      state: () => readAsPlatform(`${API}/users/${ids.user[`caseworker.${org}`]}`),
    }),
  ),
  {
    action: 'list sharing groups',
    request: () => ({ method: 'GET', url: `${API}/sharing-groups` }),
    expected: statuses(200, 200, 200),
  },
  {
    action: 'read a sharing group',
    request: () => ({ method: 'GET', url: `${API}/sharing-groups/${ids.atlanticGroup}` }),
    expected: statuses(200, 200, 200),
  },
  {
    action: 'create a sharing group',
    request: (who) => ({
      method: 'POST',
      url: `${API}/sharing-groups`,
      payload: { name: `Matrix group ${who}`, organisationIds: [ids.org.ma] },
    }),
    expected: statuses(201, 403, 403),
    state: (who) => countMatching('sharing-groups', `Matrix group ${who}`),
  },
  {
    action: 'update a sharing group',
    request: (who) => ({
      method: 'PATCH',
      url: `${API}/sharing-groups/${ids.atlanticGroup}`,
      payload:
        who === 'platform' ? { description: 'Set by platform' } : { description: `Set by ${who}`, organisationIds: [ids.org.ma] },
    }),
    expected: statuses(200, 403, 403),
    state: () => readAsPlatform(`${API}/sharing-groups/${ids.atlanticGroup}`),
  },
  { action: 'read the audit trail', request: () => ({ method: 'GET', url: `${API}/audit` }), expected: statuses(200, 200, 403) },
];

describe.each(matrix)('$action', (row) => {
  it.each(EVERYONE)('as %s', async (who) => {
    const request = row.request(who);
    const before = await row.state?.(who);
    const response = await as[who].request(request as InjectOptions);
    const expected = row.expected[who];
    if (expected >= 400) {
      expectProblem(response, expected, SLUG[expected]);
      if (row.state) expect(await row.state(who)).toEqual(before);
    } else {
      expect(response.statusCode, response.body).toBe(expected);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
    }
  });
});
