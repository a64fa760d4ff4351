/** Administration API: malformed and hostile requests (bad JSON, wrong types, bad ids, media types, limits) are refused and change nothing. */
import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { API, administrationSuite, expectProblem, platformReads, STRONG_PASSWORD } from '../support/fixtures.js';

const { as, ids } = administrationSuite();

const { everything, readAsPlatform } = platformReads(as);

// ---------------------------------------------------------------------------------------------
// Malformed and hostile input
// ---------------------------------------------------------------------------------------------

describe('malformed and hostile input is refused and changes nothing', () => {
  let target: string;
  let targetUser: string;
  const units = `${API}/units`;
  const newUser = (extra: Record<string, unknown>) => ({
    email: 'break.it@example.org',
    displayName: 'Break It',
    password: STRONG_PASSWORD,
    organisationId: ids.org.ma,
    unitIds: [],
    roles: ['reader'],
    ...extra,
  });
  const json =
    (method: 'POST' | 'PATCH', url: () => string, payload: () => unknown, headers: Record<string, string> = {}) =>
    () =>
      ({ method, url: url(), payload: payload() as InjectOptions['payload'], headers }) as InjectOptions;
  const raw = (method: 'POST' | 'PATCH', url: () => string, body: string, contentType = 'application/json') =>
    json(method, url, () => body, { 'content-type': contentType });
  const targetUrl = () => `${units}/${target}`;

  beforeAll(async () => {
    const response = await as.orgAdmin.post(units, {
      organisationId: ids.org.ma,
      name: 'Break-it target unit',
      description: 'Original',
    });
    target = response.json().id;
    const user = await as.orgAdmin.post(`${API}/users`, {
      email: 'break.target@example.org',
      displayName: 'Break-it target user',
      password: STRONG_PASSWORD,
      organisationId: ids.org.ma,
      unitIds: [ids.units.ma[0]],
      roles: ['analyst'],
    });
    targetUser = user.json().id;
    expect(target && targetUser).toBeTruthy();
  });

  const cases: [string, () => InjectOptions, number, string][] = [
    ['malformed JSON on create', raw('POST', () => units, '{"organisationId": "x", "name": '), 400, 'malformed-body'],
    ['malformed JSON on update', raw('PATCH', targetUrl, "{name: 'single quotes'}"), 400, 'malformed-body'],
    ['an empty JSON body', raw('POST', () => units, ''), 400, 'malformed-body'],
    [
      'an unknown field on create',
      json(
        'POST',
        () => units,
        () => ({ organisationId: ids.org.ma, name: 'Extra field', colour: 'red' }),
      ),
      400,
      'validation',
    ],
    [
      'moving a unit to another organisation',
      json('PATCH', targetUrl, () => ({ organisationId: ids.org.es })),
      400,
      'validation',
    ],
    [
      'an unknown field on a new user',
      json(
        'POST',
        () => `${API}/users`,
        () => newUser({ isAdmin: true }),
      ),
      400,
      'validation',
    ],
    [
      '__proto__ in the body',
      raw('PATCH', targetUrl, '{"__proto__": {"active": false}, "name": "Prototype"}'),
      400,
      'malformed-body',
    ],
    [
      'a number for a name',
      json(
        'POST',
        () => units,
        () => ({ organisationId: ids.org.ma, name: 123 }),
      ),
      400,
      'validation',
    ],
    [
      'a boolean for a name',
      json(
        'POST',
        () => units,
        () => ({ organisationId: ids.org.ma, name: true }),
      ),
      400,
      'validation',
    ],
    [
      'an array for a name',
      json(
        'POST',
        () => units,
        () => ({ organisationId: ids.org.ma, name: ['Array name'] }),
      ),
      400,
      'validation',
    ],
    [
      'an object for a name',
      json(
        'POST',
        () => units,
        () => ({ organisationId: ids.org.ma, name: { first: 'x' } }),
      ),
      400,
      'validation',
    ],
    ['null for a name', json('PATCH', targetUrl, () => ({ name: null })), 400, 'validation'],
    [
      'a number for an organisation id',
      json(
        'POST',
        () => units,
        () => ({ organisationId: 42, name: 'Numeric id' }),
      ),
      400,
      'validation',
    ],
    ['a string for a boolean', json('PATCH', targetUrl, () => ({ active: 'false' })), 400, 'validation'],
    ['a number for a boolean', json('PATCH', targetUrl, () => ({ active: 0 })), 400, 'validation'],
    ['null for a boolean', json('PATCH', targetUrl, () => ({ active: null })), 400, 'validation'],
    [
      'a string for a list of unit ids',
      json(
        'PATCH',
        () => `${API}/users/${targetUser}`,
        () => ({ unitIds: ids.units.ma[1] }),
      ),
      400,
      'validation',
    ],
    [
      'a string for a list of roles',
      json(
        'PATCH',
        () => `${API}/users/${targetUser}`,
        () => ({ roles: 'reader' }),
      ),
      400,
      'validation',
    ],
    [
      'an unknown role',
      json(
        'PATCH',
        () => `${API}/users/${targetUser}`,
        () => ({ roles: ['superuser'] }),
      ),
      400,
      'validation',
    ],
    [
      'an unknown organisation kind',
      json(
        'POST',
        () => `${API}/organisations`,
        () => ({ name: 'Kindless', kind: 'space_agency' }),
      ),
      400,
      'validation',
    ],
    [
      'a lower-case country code',
      json(
        'POST',
        () => `${API}/organisations`,
        () => ({ name: 'Lower country', kind: 'ngo', country: 'ma' }),
      ),
      400,
      'validation',
    ],
    [
      'a malformed e-mail',
      json(
        'POST',
        () => `${API}/users`,
        () => newUser({ email: "x' or 1=1 --" }),
      ),
      400,
      'validation',
    ],
    [
      'a missing name',
      json(
        'POST',
        () => units,
        () => ({ organisationId: ids.org.ma }),
      ),
      400,
      'validation',
    ],
    [
      'a missing organisation',
      json(
        'POST',
        () => units,
        () => ({ name: 'Orphan unit' }),
      ),
      400,
      'validation',
    ],
    [
      'a missing password',
      json(
        'POST',
        () => `${API}/users`,
        () => newUser({ password: undefined }),
      ),
      400,
      'validation',
    ],
    [
      'missing member organisations',
      json(
        'POST',
        () => `${API}/sharing-groups`,
        () => ({ name: 'Memberless' }),
      ),
      400,
      'validation',
    ],
    ['an empty name', json('PATCH', targetUrl, () => ({ name: '' })), 400, 'validation'],
    ['a name over 200 characters', json('PATCH', targetUrl, () => ({ name: 'x'.repeat(201) })), 400, 'validation'],
    ['a control character in a name', json('PATCH', targetUrl, () => ({ name: 'Bell\u0007unit' })), 400, 'control-character'],
    ['a NUL character in a name', json('PATCH', targetUrl, () => ({ name: 'Nul\u0000unit' })), 400, 'control-character'],
    ['a body over 256 KiB', json('PATCH', targetUrl, () => ({ description: 'x'.repeat(300 * 1024) })), 413, 'body-too-large'],
    ['text/plain', raw('POST', () => units, 'name=Plain text unit', 'text/plain'), 415, 'unsupported-media-type'],
    ['text/plain carrying JSON', raw('PATCH', targetUrl, '{"name":"Plain JSON"}', 'text/plain'), 415, 'unsupported-media-type'],
    [
      'a form body',
      raw('POST', () => units, `organisationId=x&name=Form+unit`, 'application/x-www-form-urlencoded'),
      415,
      'unsupported-media-type',
    ],
    ['a non-uuid id in the path (GET)', () => ({ method: 'GET', url: `${units}/not-a-uuid` }), 400, 'validation'],
    [
      'a non-uuid id in the path (PATCH)',
      json(
        'PATCH',
        () => `${units}/12345`,
        () => ({ name: 'x' }),
      ),
      400,
      'validation',
    ],
    ['SQL in the path', () => ({ method: 'GET', url: `${API}/users/${encodeURIComponent("' or 1=1 --")}` }), 400, 'validation'],
    ['a non-uuid organisation id', () => ({ method: 'GET', url: `${API}/organisations/1` }), 400, 'validation'],
    [
      'a non-uuid sharing group id',
      json(
        'PATCH',
        () => `${API}/sharing-groups/abc`,
        () => ({ name: 'x' }),
      ),
      400,
      'validation',
    ],
    ['an unknown unit id (GET)', () => ({ method: 'GET', url: `${units}/${randomUUID()}` }), 404, 'not-found'],
    [
      'an unknown unit id (PATCH)',
      json(
        'PATCH',
        () => `${units}/${randomUUID()}`,
        () => ({ name: 'Ghost' }),
      ),
      404,
      'not-found',
    ],
    [
      'an unknown user id',
      json(
        'PATCH',
        () => `${API}/users/${randomUUID()}`,
        () => ({ displayName: 'Ghost' }),
      ),
      404,
      'not-found',
    ],
    [
      'an unknown organisation id',
      json(
        'PATCH',
        () => `${API}/organisations/${randomUUID()}`,
        () => ({ name: 'Ghost' }),
      ),
      404,
      'not-found',
    ],
    [
      'an unknown sharing group id',
      json(
        'PATCH',
        () => `${API}/sharing-groups/${randomUUID()}`,
        () => ({ name: 'Ghost' }),
      ),
      404,
      'not-found',
    ],
    [
      'an unknown member organisation',
      json(
        'POST',
        () => `${API}/sharing-groups`,
        () => ({ name: 'Ghost members', organisationIds: [randomUUID()] }),
      ),
      422,
      'unknown-member',
    ],
    ['limit=0', () => ({ method: 'GET', url: `${units}?limit=0` }), 400, 'validation'],
    ['limit=201', () => ({ method: 'GET', url: `${units}?limit=201` }), 400, 'validation'],
    ['offset=-1', () => ({ method: 'GET', url: `${units}?offset=-1` }), 400, 'validation'],
    ['limit=abc', () => ({ method: 'GET', url: `${units}?limit=abc` }), 400, 'validation'],
    ['includeInactive=maybe', () => ({ method: 'GET', url: `${units}?includeInactive=maybe` }), 400, 'validation'],
    ['an unknown query parameter', () => ({ method: 'GET', url: `${units}?sort=name` }), 400, 'validation'],
    [
      'a non-uuid organisation filter',
      () => ({ method: 'GET', url: `${API}/users?organisationId=1%20or%201=1` }),
      400,
      'validation',
    ],
    ['a search over 200 characters', () => ({ method: 'GET', url: `${units}?q=${'x'.repeat(201)}` }), 400, 'validation'],
  ];

  it.each(cases)('refuses %s', async (_label, build, status, slug) => {
    // Organisation and sharing-group writes need the platform admin; units and users the org admin.
    const request = build();
    const client = /organisations|sharing-groups/.test(request.url as string) ? as.platform : as.orgAdmin;
    const before = await everything();
    const targets = async () => [await readAsPlatform(`${units}/${target}`), await readAsPlatform(`${API}/users/${targetUser}`)];
    const targetsBefore = await targets();
    const response = await client.request(request);
    expectProblem(response, status, slug);
    expect(await targets()).toEqual(targetsBefore);
    expect(await everything()).toEqual(before);
  });
});
