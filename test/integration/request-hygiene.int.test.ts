/** Request hygiene: control characters and nesting depth are refused in one place, before any handler runs. */
import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, type Response } from '../support/fixtures.js';
import { type Client, startTestApp, TEST_DEMO_PASSWORD, type TestApp } from '../support/test-app.js';
import { type DemoIds, demoIds, issue } from './alerts-fixtures.js';

let t: TestApp;
let ids: DemoIds;
const as: Record<string, Client> = {};

beforeAll(async () => {
  t = await startTestApp();
  ids = await demoIds(t);
  for (const account of ['admin', 'focal.ma', 'focal.es', 'caseworker.ma']) {
    as[account] = await t.signIn(`${account}@liaison.demo`);
  }
});
afterAll(() => t?.close());

const count = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(t.database.db)).rows[0].n);
const messageCount = () => count(sql<{ n: number }>`select count(*)::int as n from messages`);

/** A 400 naming the offending field; HEAD answers carry no body to read. */
function expectControlCharacter(response: Response, method: string, field?: string) {
  if (method === 'HEAD') {
    expect(response.statusCode).toBe(400);
    return;
  }
  const body = expectProblem(response, 400, 'control-character');
  if (field) expect(body.field).toBe(field);
}

/** A string property of the route's JSON body, read from the OpenAPI document, to carry the NUL. */
function bodyFieldOf(spec: { paths: Record<string, Record<string, unknown>> }, method: string, url: string): string {
  const path = url.replace(/:(\w+)/g, '{$1}');
  const operation = spec.paths[path]?.[method.toLowerCase()] as
    | { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, { type?: string }> } }> } }
    | undefined;
  const properties = operation?.requestBody?.content?.['application/json']?.schema?.properties ?? {};
  return Object.entries(properties).find(([, schema]) => schema.type === 'string')?.[0] ?? 'note';
}

describe('control characters', () => {
  it('are refused with 400 on every route, in the query string, path parameters and JSON bodies, never a 500', async () => {
    const admin = as.admin;
    const spec = t.app.swagger() as unknown as { paths: Record<string, Record<string, unknown>> };
    const routes = t.app.routeTable
      .flatMap((route) => route.method.split(',').map((method) => ({ ...route, method })))
      // Sign-out last: if it ran, it would end the session the other requests use.
      .sort((a, b) => Number(a.url === '/api/v1/auth/logout') - Number(b.url === '/api/v1/auth/logout'));
    expect(routes.length).toBeGreaterThan(100);
    const failures: string[] = [];
    const check = async (label: string, method: string, options: InjectOptions, field: string) => {
      let response = await admin.request({ ...options, method: method as InjectOptions['method'] });
      // Case routes admit case workers only (a platform administrator is no party to a case), watch-list
      // and screening routes focal points and analysts only: their turn.
      for (const account of ['caseworker.ma', 'focal.ma']) {
        if (response.statusCode === 403 && (method === 'HEAD' || response.json().type === 'urn:liaison:problem:forbidden'))
          response = await as[account].request({ ...options, method: method as InjectOptions['method'] });
      }
      const ok =
        response.statusCode === 400 &&
        (method === 'HEAD' ||
          (response.json().type === 'urn:liaison:problem:control-character' && response.json().field === field));
      if (!ok) failures.push(`${label} → ${response.statusCode} ${response.body.slice(0, 160)}`);
    };
    for (const { method, url } of routes) {
      const withIds = url.replace(/\*$/, 'x').replace(/:(\w+)/g, (_, name) => (name === 'code' ? 'MA' : randomUUID()));
      await check(`${method} ${url}?q=NUL`, method, { url: `${withIds}?q=a%00b` }, 'query/q');
      const param = /:(\w+)/.exec(url)?.[1];
      if (param) {
        await check(
          `${method} ${url} with NUL in :${param}`,
          method,
          { url: url.replace(/:(\w+)/g, 'a%00b') },
          `params/${param}`,
        );
      }
      if (['POST', 'PUT', 'PATCH'].includes(method)) {
        const name = bodyFieldOf(spec, method, url);
        await check(
          `${method} ${url} with NUL in body.${name}`,
          method,
          { url: withIds, payload: { [name]: 'a\u0000b' } },
          `body/${name}`,
        );
      }
    }
    expect(failures).toEqual([]);
    // None of the requests ran: the session is still open.
    expect((await admin.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('refuses a NUL in the sign-in e-mail, without a session', async () => {
    const response = await t
      .anonymous()
      .post('/api/v1/auth/login', { email: 'focal.ma\u0000@liaison.demo', password: TEST_DEMO_PASSWORD });
    expectControlCharacter(response, 'POST', 'body/email');
  });

  it('refuses a NUL in a message body or a forward note, storing nothing', async () => {
    const before = await messageCount();
    const payload = { subject: 'Control check', handlingCode: 'TLP:GREEN', distribution: [{ kind: 'unit', id: ids.unit.es }] };
    expectControlCharacter(await as['focal.ma'].post('/api/v1/messages', { ...payload, body: 'a\u0000b' }), 'POST', 'body/body');
    expect(await messageCount()).toBe(before);
    // Tab, line feed and carriage return are text.
    const sent = await as['focal.ma'].post('/api/v1/messages', { ...payload, body: 'Line one\r\n\tLine two' });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().body).toBe('Line one\r\n\tLine two');
    expect(await messageCount()).toBe(before + 1);

    const forward = await as['focal.es'].post(`/api/v1/messages/${sent.json().id}/forward`, {
      distribution: [{ kind: 'unit', id: ids.lastUnit.es }],
      note: 'see\u0000below',
    });
    expectControlCharacter(forward, 'POST', 'body/note');
    expect(await messageCount()).toBe(before + 1);
  });

  it('refuses every control character but tab, line feed and carriage return, also in keys and nested fields', async () => {
    const alert = await issue(as['focal.ma']);
    const before = await count(sql<{ n: number }>`select count(*)::int as n from alert_feedback`);
    for (const code of [0x01, 0x08, 0x0b, 0x0c, 0x0e, 0x1f, 0x7f]) {
      const char = String.fromCharCode(code);
      const response = await as['focal.es'].post(`/api/v1/alerts/${alert.id}/feedback`, {
        verdict: 'confirmed',
        comment: `x${char}y`,
      });
      expectControlCharacter(response, 'POST', 'body/comment');
    }
    expect(await count(sql<{ n: number }>`select count(*)::int as n from alert_feedback`)).toBe(before);
    const nested = await as['focal.ma'].post('/api/v1/alerts', {
      title: 'Nested',
      area: { countries: ['MA'], label: 'bad\u0007label' },
    });
    expectControlCharacter(nested, 'POST', 'body/area/label');
    expectControlCharacter(await as['focal.ma'].post('/api/v1/alerts', { 'ti\u0000tle': 'x' }), 'POST', 'body/ti\u0000tle');
  });

  it('refuses a NUL in the search text of messages, alerts, the library, the directory and users', async () => {
    for (const url of [
      '/api/v1/messages?q=%00',
      '/api/v1/messages?box=all&q=boat%00',
      '/api/v1/alerts?q=%00',
      '/api/v1/knowledge/items?q=%00',
      '/api/v1/knowledge/documents?q=%00',
      '/api/v1/directory/functions?q=%00',
      '/api/v1/directory/units?q=%00',
      '/api/v1/admin/users?q=%00',
      '/api/v1/admin/organisations?q=%7F',
    ]) {
      expectControlCharacter(await as.admin.get(url), 'GET', 'query/q');
    }
    // The public library search too, without a session.
    expectControlCharacter(await t.anonymous().get('/api/v1/knowledge/items?q=%00'), 'GET', 'query/q');
    // A control character in the name of a query parameter.
    expectControlCharacter(await as.admin.get('/api/v1/messages?%00=1'), 'GET');
  });

  it('refuses control characters in the file names and text fields of multipart uploads, storing nothing', async () => {
    const boundary = 'liaison-hygiene-boundary';
    const form = (disposition: string, content: string) =>
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\n\r\n${content}\r\n--${boundary}--\r\n`);
    const post = (client: Client, url: string, payload: Buffer) =>
      client.request({ method: 'POST', url, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    const attachments = () => count(sql<{ n: number }>`select count(*)::int as n from attachments`);
    const imports = () => count(sql<{ n: number }>`select count(*)::int as n from knowledge_imports`);
    const [attachmentsBefore, importsBefore] = [await attachments(), await imports()];

    const named = await post(as['focal.ma'], '/api/v1/attachments', form('name="file"; filename="bell\x07.txt"', 'hello'));
    expectControlCharacter(named, 'POST', 'form/file/filename');
    const field = await post(as.admin, '/api/v1/knowledge/imports', form('name="handlingCode"', 'TLP:\x00RED'));
    expectControlCharacter(field, 'POST', 'form/handlingCode');
    const importName = await post(as.admin, '/api/v1/knowledge/imports', form('name="files"; filename="a\x00.txt"', 'text'));
    expectControlCharacter(importName, 'POST', 'form/files/filename');
    expect([await attachments(), await imports()]).toEqual([attachmentsBefore, importsBefore]);
  });
});

describe('nesting depth', () => {
  it('refuses 100,000 levels of arrays or objects with 400, never a 500', async () => {
    const arrays = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const objects = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const post = (client: Client, url: string, payload: string) =>
      client.request({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload });
    expectProblem(await post(as['focal.ma'], '/api/v1/messages', arrays), 400, 'nesting-too-deep');
    expectProblem(await post(t.anonymous(), '/api/v1/auth/login', arrays), 400, 'nesting-too-deep');
    // The upload routes take bodies of 25 MB: room for 100,000 levels of objects.
    expectProblem(await post(as['focal.ma'], '/api/v1/attachments', objects), 400, 'nesting-too-deep');
    expectProblem(await post(as.admin, '/api/v1/knowledge/imports', arrays), 400, 'nesting-too-deep');
    // Just over the limit is refused; the limit itself is not.
    expectProblem(await post(as['focal.ma'], '/api/v1/messages', `${'['.repeat(65)}${']'.repeat(65)}`), 400, 'nesting-too-deep');
    expectProblem(await post(as['focal.ma'], '/api/v1/messages', `${'['.repeat(64)}${']'.repeat(64)}`), 400, 'validation');
  });

  it('accepts a sanely nested body: an alert with a polygon', async () => {
    const ring = [
      [-13, 27],
      [-12, 27],
      [-12, 28],
      [-13, 27],
    ];
    const alert = await issue(as['focal.ma'], {
      area: { countries: ['MA'], label: 'Polygon', geometry: { type: 'Polygon', coordinates: [ring] } },
    });
    expect(alert.area.geometry).toEqual({ type: 'Polygon', coordinates: [ring] });
  });
});
