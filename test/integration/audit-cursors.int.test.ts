import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

/** Audit row ids are sealed per viewer: they page the trail but reveal no global count. */
let t: TestApp;
let admin: Client;
let orgAdmin: Client;

interface AuditPage {
  items: { id: string; action: string; requestId: string; at: string }[];
  nextCursor: string | null;
}
const page = async (client: Client, query: string): Promise<AuditPage> => {
  const response = await client.get(`/api/v1/admin/audit?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signIn('admin@liaison.demo');
  orgAdmin = await t.signIn('orgadmin.sn@liaison.demo');
  // A few rows of the Senegalese organisation to page through.
  for (const name of ['Cursor probe 1', 'Cursor probe 2', 'Cursor probe 3']) {
    const me = (await orgAdmin.get('/api/v1/me')).json();
    expect((await orgAdmin.post('/api/v1/admin/units', { organisationId: me.organisation.id, name })).statusCode).toBe(201);
  }
});
afterAll(() => t.close());

describe('audit trail cursors', () => {
  it('gives opaque ids, different for each viewer of the same row', async () => {
    const own = await page(orgAdmin, 'limit=50');
    const all = await page(admin, 'limit=200');
    expect(own.items.length).toBeGreaterThan(3);
    for (const item of own.items) expect(item.id).not.toMatch(/^\d+$/);
    const row = own.items[0];
    const seenByAdmin = all.items.find((item) => item.requestId === row.requestId && item.action === row.action);
    expect(seenByAdmin).toBeDefined();
    expect(seenByAdmin?.id).not.toBe(row.id);
  });

  it('pages with nextCursor, older rows after newer ones, without overlap', async () => {
    const first = await page(orgAdmin, 'limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const second = await page(orgAdmin, `limit=2&before=${encodeURIComponent(first.nextCursor as string)}`);
    expect(second.items.length).toBeGreaterThan(0);
    const ids = new Set(first.items.map((item) => item.requestId + item.action));
    for (const item of second.items) {
      expect(ids.has(item.requestId + item.action)).toBe(false);
      expect(item.at <= first.items[1].at).toBe(true);
    }
  });

  it("refuses another viewer's cursor, an altered one and garbage", async () => {
    const adminCursor = (await page(admin, 'limit=1')).nextCursor as string;
    const foreign = await orgAdmin.get(`/api/v1/admin/audit?before=${encodeURIComponent(adminCursor)}`);
    expect(foreign.statusCode).toBe(400);
    const own = (await page(orgAdmin, 'limit=1')).nextCursor as string;
    // A character in the middle: every one of its bits is data (the last one may be padding).
    const altered = `${own.slice(0, 20)}${own[20] === 'A' ? 'B' : 'A'}${own.slice(21)}`;
    expect((await orgAdmin.get(`/api/v1/admin/audit?before=${encodeURIComponent(altered)}`)).statusCode).toBe(400);
    for (const garbage of ['12', 'not-a-cursor', "1' or '1'='1"]) {
      const response = await orgAdmin.get(`/api/v1/admin/audit?before=${encodeURIComponent(garbage)}`);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });
});
