import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../../src/server/platform/http/authenticate.js';
import { type Client, startTestApp, TEST_DEMO_PASSWORD, type TestApp } from '../support/test-app.js';

let t: TestApp;
const people = {
  reader: 'reader.es@liaison.demo',
  focal: 'focal.es@liaison.demo',
  orgAdmin: 'orgadmin.es@liaison.demo',
  platformAdmin: 'admin@liaison.demo',
} as const;
type Person = keyof typeof people;
const as = {} as Record<Person, Client>;
const capabilities = {} as Record<Person, string[]>;
const SOME_ID = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await startTestApp();
  for (const [person, email] of Object.entries(people) as [Person, string][]) {
    as[person] = await t.signIn(email);
    const me = await as[person].get('/api/v1/me');
    expect(me.statusCode, me.body).toBe(200);
    capabilities[person] = me.json().capabilities;
  }
});
afterAll(() => t.close());

/**
 * A request that passes the route's policy check without doing anything: ids that do not exist, and
 * for writes a body that is not JSON (refused with 400 after the policy check, before any handler).
 */
function probe(client: Client, method: string, url: string) {
  const path = url.replace(/:[A-Za-z]+/g, SOME_ID).replace(/\*$/, 'x');
  if (method === 'GET') return client.get(path);
  return client.request({ method: method as 'POST', url: path, payload: '{', headers: { 'content-type': 'application/json' } });
}

describe('what the signed-in person may do (GET /api/v1/me capabilities)', () => {
  it('sends the sign-in answer the same capabilities as /me', async () => {
    const signedIn = await t.anonymous().post('/api/v1/auth/login', { email: people.focal, password: TEST_DEMO_PASSWORD });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    expect(signedIn.json().me.capabilities).toEqual(capabilities.focal);
  });

  it('gives each role its own set', () => {
    expect(capabilities.reader).toEqual(
      expect.arrayContaining(['message.read', 'alert.read', 'knowledge.read', 'directory.read']),
    );
    for (const action of ['message.send', 'alert.issue', 'attachment.upload', 'user.list', 'knowledge.curate']) {
      expect(capabilities.reader).not.toContain(action);
    }
    expect(capabilities.focal).toEqual(expect.arrayContaining(['message.send', 'alert.issue', 'alert.feedback']));
    for (const action of [
      'user.list',
      'unit.create',
      'organisation.list',
      'audit.read',
      'directory.manage',
      'knowledge.curate',
    ]) {
      expect(capabilities.focal).not.toContain(action);
    }
    expect(capabilities.orgAdmin).toEqual(expect.arrayContaining(['user.list', 'unit.create', 'audit.read', 'directory.manage']));
    expect(capabilities.orgAdmin).not.toContain('organisation.create');
    expect(capabilities.orgAdmin).not.toContain('user.grantPlatformAdmin');
    expect(capabilities.platformAdmin).toEqual(
      expect.arrayContaining(['organisation.create', 'sharingGroup.create', 'user.grantPlatformAdmin', 'knowledge.curate']),
    );
  });

  it('never lists an action decided on a record only', () => {
    for (const person of Object.keys(people) as Person[]) {
      for (const action of ['rfi.close', 'unit.actFor', 'alert.withdraw', 'function.manage', 'document.share']) {
        expect(capabilities[person], `${person} ${action}`).not.toContain(action);
      }
    }
  });

  it('lists exactly the actions whose routes the server lets the person through', async () => {
    // One route per action, a read where there is one; the live stream never ends, so it is left out.
    const byAction = new Map<string, RouteEntry>();
    for (const route of t.app.routeTable) {
      if (route.policy === 'public' || !route.url.startsWith('/api/') || route.url.endsWith('/stream')) continue;
      const chosen = byAction.get(route.policy);
      if (!chosen || (chosen.method !== 'GET' && route.method === 'GET')) byAction.set(route.policy, route);
    }
    // Sign-out would end the session the other probes use: it is probed last.
    const routes = [...byAction.values()].sort((a, b) => Number(a.policy === 'session.end') - Number(b.policy === 'session.end'));
    const disagreements: string[] = [];
    for (const person of Object.keys(people) as Person[]) {
      for (const route of routes) {
        const response = await probe(as[person], route.method, route.url);
        const refused = response.statusCode === 401 || response.statusCode === 403;
        const listed = capabilities[person].includes(route.policy);
        if (refused === listed) {
          disagreements.push(`${person} ${route.method} ${route.url} (${route.policy}): ${response.statusCode} ${response.body}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(routes.length).toBeGreaterThan(30);
  });
});
