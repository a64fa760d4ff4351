import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, problemShape } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import { type Alert, alertPayload, countRows, type DemoIds, demoIds, inDays, issue, listAlerts } from './alerts-fixtures.js';

let t: TestApp;
let ids: DemoIds;
const as: Record<string, Client> = {};
const TOKEN = 'zephyrquill';
const alertCount = () => countRows(t, sql<{ n: number }>`select count(*)::int as n from alerts`);

beforeAll(async () => {
  t = await startTestApp();
  ids = await demoIds(t);
  for (const account of [
    'focal.ma',
    'analyst.ma',
    'focal.es',
    'analyst.es',
    'reader.es',
    'orgadmin.ma',
    'focal.sn',
    'focal.ne',
  ]) {
    as[account] = await t.signIn(`${account}@liaison.demo`);
  }
});
afterAll(() => t.close());

describe('issuing an alert', () => {
  it('stores it with normalised observables, renders its Markdown, records its event and audits it', async () => {
    const alert = await issue(as['focal.ma'], {
      title: `${TOKEN} Fast boats from Tarfaya`,
      observables: [
        { kind: 'phone', value: '+212 661-23-45-67' },
        { kind: 'vessel_imo', value: 'IMO 9300001' },
        { kind: 'handle', value: '@Passeur_Atlantic', platform: 'telegram' },
        { kind: 'phone', value: '+212661234567' },
      ],
      distribution: [{ kind: 'unit', id: ids.unit.es }],
    });
    expect(alert).toMatchObject({ status: 'active', handlingCode: 'TLP:AMBER', observableCount: 3, correlationCount: 0 });
    expect(alert.observables.map((o) => `${o.kind}:${o.value}`)).toEqual([
      'phone:+212661234567',
      'vessel_imo:9300001',
      'handle:telegram:passeur_atlantic',
    ]);
    expect(alert.descriptionHtml).toContain('<strong>leave</strong>');
    expect(alert.area).toEqual({
      countries: ['MA', 'ES'],
      label: 'Atlantic route',
      geometry: { type: 'Point', coordinates: [-12.9, 27.9] },
    });
    expect(alert.permissions).toEqual({ withdraw: true, feedback: false });
    const events = await sql<{ type: string; handling_code: string; recipient_units: string[] }>`select type, handling_code,
      recipient_units from exchange_events where record_id = ${alert.id}`.execute(t.database.db);
    expect(events.rows).toEqual([{ type: 'alert.new', handling_code: 'TLP:AMBER', recipient_units: [ids.unit.es] }]);
    expect(
      await countRows(t, sql`select count(*)::int as n from audit_log where action = 'alert.issue' and target_id = ${alert.id}`),
    ).toBe(1);
    // The recipient organisation reads it, audited because it is TLP:AMBER; another organisation gets 404.
    expect((await as['analyst.es'].get(`/api/v1/alerts/${alert.id}`)).statusCode).toBe(200);
    expect(
      await countRows(
        t,
        sql`select count(*)::int as n from audit_log where action = 'alert.read' and target_id = ${alert.id}
        and actor_user_id = (select id from users where email = 'analyst.es@liaison.demo')`,
      ),
    ).toBe(1);
    const hidden = await as['focal.sn'].get(`/api/v1/alerts/${alert.id}`);
    const unknown = await as['focal.sn'].get('/api/v1/alerts/00000000-0000-4000-8000-000000000000');
    expect(problemShape(hidden)).toEqual(problemShape(unknown));
    expectProblem(hidden, 404, 'not-found');
  });

  it('refuses bad input with problem details, storing nothing', async () => {
    const before = await alertCount();
    const post = (overrides: Record<string, unknown>, client = as['focal.ma']) =>
      client.post('/api/v1/alerts', alertPayload(overrides));
    const area = (extra: Record<string, unknown>) => ({ area: { countries: ['MA'], ...extra } });
    const polygon = (ring: number[][]) => area({ geometry: { type: 'Polygon', coordinates: [ring] } });
    const square = [
      [-6, 35],
      [-5, 35],
      [-5, 36],
      [-6, 36],
      [-6, 35],
    ];

    expectProblem(await post(area({ countries: ['ZZ'] })), 400, 'unknown-country');
    expectProblem(await post(area({ countries: ['ma'] })), 400, 'validation');
    expectProblem(await post(area({ countries: [] })), 400, 'validation');
    expectProblem(await post(area({ geometry: { type: 'Point', coordinates: [-6, 95] } })), 400, 'validation');
    expectProblem(await post(area({ geometry: { type: 'Point', coordinates: [-186, 35] } })), 400, 'validation');
    expectProblem(
      await post(
        area({
          geometry: {
            type: 'LineString',
            coordinates: [
              [-6, 35],
              [-5, 35],
            ],
          },
        }),
      ),
      400,
      'validation',
    );
    expectProblem(await post(polygon(square.slice(0, 4))), 400, 'invalid-geometry');
    expectProblem(
      await post(
        polygon([
          [-6, 35],
          [-6, 35],
          [-5, 35],
          [-6, 35],
        ]),
      ),
      400,
      'invalid-geometry',
    );
    const circle = Array.from({ length: 300 }, (_, i) => [Math.cos(i / 50), Math.sin(i / 50)]);
    const ring = [...circle, circle[0]];
    expectProblem(await post(area({ geometry: { type: 'Polygon', coordinates: [ring, ring] } })), 400, 'invalid-geometry');
    expectProblem(await post({ validFrom: inDays(3), validUntil: inDays(2) }), 422, 'invalid-validity');
    expectProblem(await post({ validFrom: inDays(-3), validUntil: inDays(-1) }), 422, 'validity-ended');
    const refused = expectProblem(
      await post({
        observables: [
          { kind: 'phone', value: '+212661234567' },
          { kind: 'vessel_imo', value: 'IMO 9300002' },
        ],
      }),
      422,
      'observable-refused',
    );
    expect(refused).toMatchObject({ index: 1, code: expect.any(String), reason: expect.any(String) });
    expectProblem(await post({ observables: [{ kind: 'email', value: '<b>x@example.org</b>' }] }), 422, 'observable-refused');
    expectProblem(await post({ observables: [{ kind: 'fingerprint', value: 'x' }] }), 400, 'validation');
    expectProblem(await post({ title: 'x'.repeat(201) }), 400, 'validation');
    expectProblem(await post({ title: 'Bell\u0007' }), 400, 'control-character');
    expectProblem(await post({ title: '   ' }), 400, 'validation');
    expectProblem(await post({ description: 'x'.repeat(20_001) }), 400, 'validation');
    const many = Array.from({ length: 201 }, (_, i) => ({ kind: 'name', value: `Person ${i}` }));
    expectProblem(await post({ observables: many }), 400, 'validation');
    expectProblem(await post({ category: 'rumour' }), 400, 'validation');
    expectProblem(await post({ handlingCode: 'TLP:PURPLE' }), 400, 'validation');
    expectProblem(await post({ surprise: true }), 400, 'validation');
    expectProblem(await post({ distribution: [] }), 400, 'validation');
    expectProblem(await post({ distribution: [{ kind: 'unit', id: '00000000-0000-4000-8000-000000000000' }] }), 422, 'invalid');
    expectProblem(await post({ fromUnitId: ids.unit.es }), 403, 'not-your-unit');
    expectProblem(await post({}, as['orgadmin.ma']), 422, 'no-unit');
    expectProblem(await post({}, as['reader.es']), 403, 'forbidden');
    expectProblem(await t.anonymous().post('/api/v1/alerts', alertPayload()), 401, 'unauthenticated');
    expectProblem(await t.anonymous().get('/api/v1/alerts'), 401, 'unauthenticated');
    expectProblem(await as['focal.ma'].get("/api/v1/alerts/' or 1=1 --"), 400, 'validation');
    expect(await alertCount()).toBe(before);
  });

  it('keeps script in the title and description inert', async () => {
    const alert = await issue(as['focal.ma'], {
      title: `${TOKEN} <script>alert(1)</script>`,
      description:
        '<script>alert(2)</script> <img src=x onerror=alert(3)> [click](javascript:alert(4)) ' +
        '<a href="x" onclick="alert(5)">y</a> ![pixel](https://tracker.example/p.png)',
    });
    expect(alert.title).toBe(`${TOKEN} <script>alert(1)</script>`);
    const html = alert.descriptionHtml ?? '';
    // Markup in the source comes out as text: no element, event handler or script link survives.
    expect(html).not.toMatch(/<script|<img|<a href="x"/i);
    expect(html).not.toMatch(/<[^>]*\son\w+=/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('href="https://tracker.example/p.png" rel="noopener noreferrer nofollow"');
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('finding alerts', () => {
  const T = 'quokkabrim';
  let boat: Alert;
  let car: Alert;
  let old: Alert;
  let gone: Alert;

  beforeAll(async () => {
    boat = await issue(as['focal.ma'], {
      title: `${T} boat 100%_sure`,
      category: 'vessel_of_interest',
      severity: 'critical',
      area: { countries: ['MA', 'ES'] },
      observables: [
        { kind: 'vessel_imo', value: '9400007' },
        { kind: 'vessel_name', value: 'Sea Breeze' },
      ],
      handlingCode: 'TLP:GREEN',
    });
    car = await issue(as['focal.es'], {
      title: `${T} car`,
      category: 'vehicle_of_interest',
      severity: 'low',
      area: { countries: ['ES'] },
      observables: [
        { kind: 'vehicle_plate', value: '1234 BCD', country: 'ES' },
        { kind: 'vessel_name', value: 'SEA-BREEZE' },
      ],
      handlingCode: 'TLP:GREEN',
    });
    old = await issue(as['focal.ma'], {
      title: `${T} old`,
      category: 'other',
      area: { countries: ['SN'] },
      handlingCode: 'TLP:GREEN',
    });
    gone = await issue(as['focal.ma'], {
      title: `${T} gone`,
      category: 'other',
      area: { countries: ['NE'] },
      handlingCode: 'TLP:GREEN',
    });
    await sql`update alerts set valid_from = now() - interval '10 days', valid_until = now() - interval '1 day'
      where id = ${old.id}`.execute(t.database.db);
    expect((await as['focal.ma'].post(`/api/v1/alerts/${gone.id}/withdraw`, { reason: 'Duplicate' })).statusCode).toBe(200);
  });

  const titles = async (client: Client, query: string) =>
    (await listAlerts(client, `q=${T}&${query}`)).alerts.map((a) => a.title.replace(`${T} `, '')).sort();

  it('lists active alerts by default and filters by status, category, severity and country', async () => {
    expect(await titles(as['focal.sn'], '')).toEqual(['boat 100%_sure', 'car']);
    expect(await titles(as['focal.sn'], 'status=expired')).toEqual(['old']);
    expect(await titles(as['focal.sn'], 'status=withdrawn')).toEqual(['gone']);
    expect(await titles(as['focal.sn'], 'status=all')).toEqual(['boat 100%_sure', 'car', 'gone', 'old']);
    expect(await titles(as['focal.sn'], 'category=vehicle_of_interest')).toEqual(['car']);
    expect(await titles(as['focal.sn'], 'severity=critical')).toEqual(['boat 100%_sure']);
    expect(await titles(as['focal.sn'], 'country=MA')).toEqual(['boat 100%_sure']);
    expect(await titles(as['focal.sn'], 'status=all&country=NE')).toEqual(['gone']);
    const listed = await listAlerts(as['focal.sn'], `q=${T}&status=expired`);
    expect(listed.alerts[0]).toMatchObject({ status: 'expired' });
    expect(listed.total).toBe(1);
    expectProblem(await as['focal.sn'].get('/api/v1/alerts?status=gone'), 400, 'validation');
    expectProblem(await as['focal.sn'].get('/api/v1/alerts?country=Morocco'), 400, 'validation');
    expectProblem(await as['focal.sn'].get('/api/v1/alerts?limit=201'), 400, 'validation');
  });

  it('counts facets over the other filters', async () => {
    const { facets, total } = await listAlerts(as['focal.sn'], `q=${T}&status=all&category=other`);
    expect(total).toBe(2);
    // The category facet ignores the category filter; the others apply it.
    expect(facets.category).toEqual({ other: 2, vehicle_of_interest: 1, vessel_of_interest: 1 });
    expect(facets.severity).toEqual({ high: 2 });
    expect(facets.country).toEqual({ NE: 1, SN: 1 });
  });

  it('finds alerts by an observable written any way, and treats SQL metacharacters as text', async () => {
    expect(await titles(as['focal.sn'], 'observable=IMO%209400007')).toEqual(['boat 100%_sure']);
    expect(await titles(as['focal.sn'], `observable=${encodeURIComponent('sea breeze')}`)).toEqual(['boat 100%_sure', 'car']);
    expect(await titles(as['focal.sn'], `observable=${encodeURIComponent("' or 1=1 --")}`)).toEqual([]);
    expect(await titles(as['focal.sn'], 'observable=%25')).toEqual([]);
    const q = async (text: string) =>
      (await listAlerts(as['focal.sn'], `status=all&q=${encodeURIComponent(text)}`)).alerts.map((a) => a.id);
    expect(await q('100%_sure')).toEqual([boat.id]);
    expect(await q('%_')).toEqual([boat.id]);
    expect(await q("' or 1=1 --")).toEqual([]);
    expect(await q('\\')).toEqual([]);
  });

  it('links alerts sharing an observable, both ways, marking weak links', async () => {
    const fromBoat = (await (await as['focal.sn'].get(`/api/v1/alerts/${boat.id}`)).json()) as Alert;
    const fromCar = (await (await as['focal.sn'].get(`/api/v1/alerts/${car.id}`)).json()) as Alert;
    expect(fromBoat.correlations).toEqual([
      expect.objectContaining({ alertId: car.id, shared: [{ kind: 'vessel_name', display: expect.any(String), weak: true }] }),
    ]);
    expect(fromCar.correlations.map((c) => c.alertId)).toEqual([boat.id]);
    expect(fromBoat.correlationCount).toBe(1);
    const listed = await listAlerts(as['focal.sn'], `q=${T}`);
    expect(listed.alerts.map((a) => a.correlationCount)).toEqual([1, 1]);
  });

  it('audits the AMBER alerts a correlation names, as reads of them', async () => {
    const phone = { kind: 'phone', value: '+212 662 11 22 33' };
    const first = await issue(as['focal.ma'], { title: `${T} amber one`, observables: [phone] });
    const second = await issue(as['focal.ma'], { title: `${T} amber two`, observables: [phone] });
    const seen = (await (await as['focal.ne'].get(`/api/v1/alerts/${second.id}`)).json()) as Alert;
    expect(seen.correlations.map((c) => c.alertId)).toEqual([first.id]);
    const audit = await sql<{ details: { via?: string; from?: string } }>`select details from audit_log
      where action = 'alert.read' and target_id = ${first.id}
      and actor_user_id = (select id from users where email = 'focal.ne@liaison.demo')`.execute(t.database.db);
    expect(audit.rows.map((row) => row.details)).toEqual([{ handlingCode: 'TLP:AMBER', via: 'correlation', from: second.id }]);
  });

  it('suggests observables found in a text, for working roles only', async () => {
    const text = 'Call +212 661 23 45 67 or see https://t.me/passeur_atlantic; vessel IMO 9300001.';
    const response = await as['focal.ma'].post('/api/v1/alerts/extract-observables', { text });
    expect(response.statusCode, response.body).toBe(200);
    const kinds = (response.json().candidates as { kind: string; value: string }[]).map((c) => `${c.kind}:${c.value}`);
    expect(kinds).toEqual(expect.arrayContaining(['phone:+212661234567', 'vessel_imo:9300001']));
    expectProblem(await as['reader.es'].post('/api/v1/alerts/extract-observables', { text }), 403, 'forbidden');
    expectProblem(
      await as['focal.ma'].post('/api/v1/alerts/extract-observables', { text: 'x'.repeat(20_001) }),
      400,
      'validation',
    );
  });
});
