import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import { type Alert, type DemoIds, demoIds, issue } from './alerts-fixtures.js';

let t: TestApp;
let ids: DemoIds;
const as: Record<string, Client> = {};
const TOKEN = 'lanternfig';

beforeAll(async () => {
  t = await startTestApp();
  ids = await demoIds(t);
  for (const account of ['focal.ma', 'focal.es', 'focal.ne']) as[account] = await t.signIn(`${account}@liaison.demo`);
});
afterAll(() => t.close());

/**
 * Parses the export's CSV strictly (BOM, RFC 4180 quoting, CRLF after every record); a stray quote
 * or line break fails the test. (knowledge-export.int.test.ts has the same reader; a shared one in
 * test/support would serve both.)
 */
function parseCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const body = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else if (c === '"' || c === '\n' || c === '\r') throw new Error(`stray ${JSON.stringify(c)} at ${i}`);
    else cell += c;
  }
  if (quoted || cell !== '' || row.length) throw new Error('the last record does not end with CRLF');
  return rows;
}

describe('exporting alerts', () => {
  let formula: Alert;
  let hidden: Alert;
  beforeAll(async () => {
    formula = await issue(as['focal.ma'], {
      title: `=HYPERLINK("http://evil.example","${TOKEN}")`,
      description: `${TOKEN}\n+SUM(1,2) "quoted", comma`,
      observables: [{ kind: 'phone', value: '+212 661 98 76 54' }],
      handlingCode: 'TLP:AMBER',
    });
    hidden = await issue(as['focal.ma'], {
      title: `${TOKEN} for Spain only`,
      handlingCode: 'TLP:AMBER',
      distribution: [{ kind: 'unit', id: ids.unit.es }],
    });
  });

  it('sends CSV as a download, formula cells neutralised, only what the viewer may see, and audits it', async () => {
    const response = await as['focal.ne'].get(`/api/v1/alerts/export?format=csv&q=${TOKEN}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="liaison-alerts-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers['x-liaison-export-limit']).toBe('5000');
    expect(response.headers['x-liaison-export-total']).toBe('1');
    expect(response.headers['x-liaison-export-capped']).toBe('false');
    const [header, ...rows] = parseCsv(response.body);
    expect(header.slice(0, 4)).toEqual(['ID', 'Title', 'Category', 'Severity']);
    expect(rows.length).toBe(1);
    const cell = (name: string) => rows[0][header.indexOf(name)];
    expect(cell('ID')).toBe(formula.id);
    expect(cell('Title')).toBe(`'=HYPERLINK("http://evil.example","${TOKEN}")`);
    expect(cell('Description')).toBe(`${TOKEN}\n+SUM(1,2) "quoted", comma`);
    expect(cell('Observables')).toBe('Phone number: +212 6 61 98 76 54');
    expect(cell('observable_codes')).toBe('phone: +212661987654');
    expect(cell('handling_code')).toBe('TLP:AMBER');
    expect(cell('Handling code')).toBe('TLP:AMBER (recipient organisations)');
    expect(response.body).not.toContain(hidden.id);

    const audit = await sql<{
      details: { format: string; total: number; exported: number; filters: unknown; sensitiveAlerts: string[] };
    }>`
      select details from audit_log where action = 'alert.export'
      and actor_user_id = (select id from users where email = 'focal.ne@liaison.demo')`.execute(t.database.db);
    expect(audit.rows.map((r) => r.details)).toEqual([
      { format: 'csv', filters: { q: TOKEN }, total: 1, exported: 1, sensitiveAlerts: [formula.id] },
    ]);
  });

  it('writes headers and labels in the chosen language, with the codes in columns of their own', async () => {
    const exported = async (query: string, headers: Record<string, string> = {}) => {
      const response = await as['focal.ne'].get(`/api/v1/alerts/export?format=csv&q=${TOKEN}${query}`, headers);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.body.startsWith('\uFEFF')).toBe(true);
      const [header, ...rows] = parseCsv(response.body);
      return { language: response.headers['content-language'], cell: (name: string) => rows[0][header.indexOf(name)], header };
    };
    const fr = await exported('&lang=fr');
    expect(fr.language).toBe('fr');
    expect(fr.header.slice(0, 5)).toEqual(['Identifiant', 'Titre', 'Catégorie', 'Gravité', 'Statut']);
    expect(fr.cell('Gravité')).toBe('Élevée');
    expect(fr.cell('Catégorie')).toBe('Nouvelle route');
    expect(fr.cell('Statut')).toBe('Active');
    expect(fr.cell('Pays')).toBe('Maroc; Espagne');
    expect(fr.cell('Code de diffusion')).toBe('TLP:AMBER (organisations destinataires)');
    expect([fr.cell('severity_code'), fr.cell('status_code'), fr.cell('handling_code'), fr.cell('country_codes')]).toEqual([
      'high',
      'active',
      'TLP:AMBER',
      'MA; ES',
    ]);
    // Arabic asked for by the browser's Accept-Language (no lang parameter).
    const ar = await exported('', { 'accept-language': 'ar-MA,ar;q=0.9,fr;q=0.5' });
    expect(ar.language).toBe('ar');
    expect(ar.header.slice(0, 4)).toEqual(['المعرّف', 'العنوان', 'الفئة', 'درجة الخطورة']);
    expect(ar.cell('درجة الخطورة')).toBe('مرتفعة');
    expect(ar.cell('الحالة')).toBe('نشط');
    expect(ar.cell('البلدان')).toBe('المغرب; إسبانيا');
    expect(ar.cell('severity_code')).toBe('high');
    // The parameter wins over the header; an unknown language is refused.
    expect((await exported('&lang=fr', { 'accept-language': 'ar' })).language).toBe('fr');
    const unknown = await as['focal.ne'].get(`/api/v1/alerts/export?format=csv&lang=de`);
    expect(unknown.statusCode).toBe(400);
  });
  it('sends JSON with the same alerts and their observables', async () => {
    const response = await as['focal.es'].get(`/api/v1/alerts/export?format=json&q=${TOKEN}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/\.json"$/);
    const body = response.json();
    expect(body).toMatchObject({ total: 2, exported: 2, capped: false, limit: 5000, filters: { q: TOKEN } });
    expect(body.alerts.map((a: Alert) => a.id).sort()).toEqual([formula.id, hidden.id].sort());
    expect(body.alerts.find((a: Alert) => a.id === formula.id).observables).toEqual([
      { kind: 'phone', value: '+212661987654', display: '+212 6 61 98 76 54', country: 'MA', platform: null },
    ]);
    expectProblem(await as['focal.es'].get('/api/v1/alerts/export?format=xlsx'), 400, 'validation');
    expectProblem(await t.anonymous().get('/api/v1/alerts/export'), 401, 'unauthenticated');
  });

  it('stops at 5,000 alerts and says so', async () => {
    const cap = 'capybaraquince';
    const sender = await sql<{ id: string }>`select id from users where email = 'focal.ma@liaison.demo'`.execute(t.database.db);
    await sql`insert into alerts (title, category, severity, valid_from, valid_until, area_countries, description,
        sender_user_id, handling_code, originator_unit_id, originator_organisation_id, to_all_partners)
      select ${cap} || ' ' || n, 'other', 'low', now(), now() + interval '1 day', '{MA}', 'Bulk.', ${sender.rows[0].id},
        'TLP:GREEN', ${ids.unit.ma}, ${ids.organisation.ma}, true
      from generate_series(1, 5001) as n`.execute(t.database.db);
    const response = await as['focal.ne'].get(`/api/v1/alerts/export?format=csv&q=${cap}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-liaison-export-total']).toBe('5001');
    expect(response.headers['x-liaison-export-count']).toBe('5000');
    expect(response.headers['x-liaison-export-capped']).toBe('true');
    expect(parseCsv(response.body).length).toBe(5001);
  });
});

describe('the alert map', () => {
  it('draws visible alerts with a geometry and counts them per area country', async () => {
    const M = 'walrusplume';
    const polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [-6, 35.8],
          [-5.3, 35.8],
          [-5.3, 36.1],
          [-6, 36.1],
          [-6, 35.8],
        ],
      ],
    };
    const strait = await issue(as['focal.ma'], {
      title: `${M} strait`,
      area: { countries: ['MA', 'ES'], label: 'Strait of Gibraltar', geometry: polygon },
      handlingCode: 'TLP:GREEN',
    });
    await issue(as['focal.ma'], { title: `${M} no geometry`, area: { countries: ['MA'] }, handlingCode: 'TLP:GREEN' });
    await issue(as['focal.ma'], {
      title: `${M} red`,
      handlingCode: 'TLP:RED',
      distribution: [{ kind: 'unit', id: ids.unit.es }],
    });
    const response = await as['focal.ne'].get(`/api/v1/alerts/map?q=${M}`);
    expect(response.statusCode, response.body).toBe(200);
    const map = response.json();
    expect(map.type).toBe('FeatureCollection');
    expect(map.features).toEqual([
      {
        type: 'Feature',
        id: strait.id,
        geometry: polygon,
        properties: {
          id: strait.id,
          title: `${M} strait`,
          category: 'new_route',
          severity: 'high',
          handlingCode: 'TLP:GREEN',
          countries: ['MA', 'ES'],
          label: 'Strait of Gibraltar',
        },
      },
    ]);
    expect(map.countries).toEqual({ ES: 1, MA: 2 });
    const spanish = (await (await as['focal.es'].get(`/api/v1/alerts/map?q=${M}`)).json()) as typeof map;
    expect(spanish.features.length).toBe(2);
    expect(spanish.countries).toEqual({ ES: 2, MA: 3 });
    expect((await (await as['focal.es'].get(`/api/v1/alerts/map?q=${M}&severity=low`)).json()).features).toEqual([]);
  });
});
