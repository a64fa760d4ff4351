import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptLogin } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import { alertPayload, type DemoIds, demoIds } from './alerts-fixtures.js';

/**
 * A change and its audit row are written in one transaction. Here the database refuses the audit
 * row of one action at a time (a trigger stands for a full disk or a broken chain lock): the request
 * must fail, and nothing of the change may remain. Then, with the audit allowed again, the same
 * request succeeds — so the failure came from the audit write alone.
 */
let t: TestApp;
let ids: DemoIds;
const as: Record<string, Client> = {};

const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(t.database.db)).rows[0].n;
const refuseAudit = (action: string | null) =>
  action === null
    ? sql`delete from refused_audit_actions`.execute(t.database.db)
    : sql`insert into refused_audit_actions values (${action})`.execute(t.database.db);

beforeAll(async () => {
  t = await startTestApp();
  ids = await demoIds(t);
  for (const account of ['focal.ma', 'focal.es', 'orgadmin.sn']) as[account] = await t.signIn(`${account}@liaison.demo`);
  await sql`create table refused_audit_actions (action text primary key)`.execute(t.database.db);
  await sql`create function refuse_listed_audit() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from refused_audit_actions where action = new.action) then
        raise exception 'audit_log refused % (test)', new.action;
      end if;
      return new;
    end $$`.execute(t.database.db);
  await sql`create trigger refuse_listed_audit before insert on audit_log
    for each row execute function refuse_listed_audit()`.execute(t.database.db);
});
afterAll(() => t.close());

interface Case {
  action: string;
  /** The request whose audit row is refused. */
  act(): Promise<{ statusCode: number }>;
  /** What the change would leave behind, read before and after the refused attempt. */
  state(): Promise<unknown>;
  /** The status of the same request once the audit is allowed. */
  success: number;
}

const cases: Case[] = [
  {
    action: 'message.send',
    act: () =>
      as['focal.ma'].post('/api/v1/messages', {
        subject: 'Audit probe message',
        body: 'Crossing expected tonight.',
        handlingCode: 'TLP:AMBER',
        distribution: [{ kind: 'unit', id: ids.unit.es }],
      }),
    state: async () => ({
      messages: await count(sql`select count(*)::int as n from messages where subject = 'Audit probe message'`),
      deliveries: await count(sql`select count(*)::int as n from message_deliveries`),
      events: await count(sql`select count(*)::int as n from exchange_events`),
      sent: (await as['focal.ma'].get('/api/v1/messages?box=sent')).json().total,
      inbox: (await as['focal.es'].get('/api/v1/messages?box=inbox')).json().total,
    }),
    success: 201,
  },
  {
    action: 'alert.issue',
    act: () => as['focal.ma'].post('/api/v1/alerts', alertPayload({ title: 'Audit probe alert' })),
    state: async () => ({
      alerts: await count(sql`select count(*)::int as n from alerts where title = 'Audit probe alert'`),
      observables: await count(sql`select count(*)::int as n from alert_observables`),
      board: (await as['focal.es'].get('/api/v1/alerts')).json().total,
    }),
    success: 201,
  },
  {
    action: 'unit.create',
    act: () => as['orgadmin.sn'].post('/api/v1/admin/units', { organisationId: ids.organisation.sn, name: 'Audit probe unit' }),
    state: async () => (await as['orgadmin.sn'].get('/api/v1/admin/units?q=Audit%20probe')).json().total,
    success: 201,
  },
  {
    action: 'account.update',
    act: () => as['focal.es'].patch('/api/v1/me', { displayName: 'Renamed by the probe' }),
    state: async () => (await (await t.signIn('focal.es@liaison.demo')).get('/api/v1/me')).json().displayName,
    success: 200,
  },
  {
    action: 'account.token.create',
    act: () => as['focal.ma'].post('/api/v1/me/tokens', { name: 'audit probe', roles: ['focal_point'], expiresInDays: 1 }),
    state: async () => (await as['focal.ma'].get('/api/v1/me/tokens')).json().items.length,
    success: 201,
  },
  {
    action: 'auth.login',
    act: async () => (await attemptLogin(t, { email: 'focal.ne@liaison.demo' })).response,
    state: () =>
      count(sql`select count(*)::int as n from sessions s join users u on u.id = s.user_id
      where u.email = 'focal.ne@liaison.demo'`),
    success: 200,
  },
];

describe('audit inside the write', () => {
  for (const c of cases) {
    it(`${c.action}: a refused audit row leaves nothing changed, and the same request succeeds once allowed`, async () => {
      const before = await c.state();
      await refuseAudit(c.action);
      try {
        const refused = await c.act();
        expect(refused.statusCode).toBe(500);
      } finally {
        await refuseAudit(null);
      }
      expect(await c.state()).toEqual(before);
      const allowed = await c.act();
      expect(allowed.statusCode).toBe(c.success);
      expect(await c.state()).not.toEqual(before);
      const audited = await count(sql`select count(*)::int as n from audit_log where action = ${c.action}
        and at > now() - interval '1 minute'`);
      expect(audited).toBeGreaterThan(0);
    });
  }
});
