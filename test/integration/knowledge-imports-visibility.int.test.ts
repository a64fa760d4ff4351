import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, STRONG_PASSWORD } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Imports follow the sharing rule of the documents they make: a curator sees an import (its files,
 * recipients, uploader and documents) only when the import's handling code and distribution let
 * them, or when they uploaded it. Platform administrators get no extra visibility.
 *
 * The secretariat (RPS) has its "Dialogue support team" (focal.sec, caseworker.sec) and, for this
 * test, a "Library desk" unit with its own curator; a second secretariat organisation has a curator
 * and a platform administrator of its own.
 */
const API = '/api/v1/knowledge/imports';

type Viewer = 'uploader' | 'team curator' | 'desk curator' | 'other-org curator' | 'other-org platform admin';
const VIEWERS: Viewer[] = ['uploader', 'team curator', 'desk curator', 'other-org curator', 'other-org platform admin'];

let t: TestApp;
const clients = {} as Record<Viewer | 'rps platform admin', Client>;
const ids = { team: '', desk: '', otherUnit: '', rps: '', other: '', rabatGroup: '', budapestGroup: '' };
const created = new Map<string, string>();

/** A multipart body as a browser's FormData sends it. */
async function upload(client: Client, name: string, fields: [string, string][]) {
  const data = new FormData();
  for (const [field, value] of fields) data.append(field, value);
  data.append(
    'files',
    new Blob([`Import visibility probe ${name}.\n\n- Participants agreed to share ${name}.\n`]),
    `${name}.txt`,
  );
  const request = new Request('http://localhost/', { method: 'POST', body: data });
  const response = await client.request({
    method: 'POST',
    url: API,
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type') as string },
  });
  expect(response.statusCode, response.body).toBe(202);
  return response.json().id as string;
}

async function ok(response: { statusCode: number; body: string; json(): unknown }, status = 201) {
  expect(response.statusCode, response.body).toBe(status);
  return response.json() as { id: string };
}

beforeAll(async () => {
  t = await startTestApp({ jobPollMs: 50 });
  const admin = await t.signIn('admin@liaison.demo');
  const organisations = (await admin.get('/api/v1/admin/organisations?limit=100')).json().items as {
    id: string;
    acronym: string;
  }[];
  ids.rps = organisations.find((o) => o.acronym === 'RPS')?.id as string;
  const units = (await admin.get(`/api/v1/admin/units?organisationId=${ids.rps}`)).json().items as { id: string; name: string }[];
  ids.team = units.find((u) => u.name === 'Dialogue support team')?.id as string;
  const groups = (await admin.get('/api/v1/admin/sharing-groups?limit=100')).json().items as { id: string; name: string }[];
  ids.rabatGroup = groups.find((g) => g.name === 'Rabat Process partners')?.id as string;
  ids.budapestGroup = groups.find((g) => g.name === 'Budapest Process partners')?.id as string;

  ids.desk = (await ok(await admin.post('/api/v1/admin/units', { organisationId: ids.rps, name: 'Library desk' }))).id;
  ids.other = (
    await ok(
      await admin.post('/api/v1/admin/organisations', {
        name: 'Khartoum Process Secretariat',
        acronym: 'KPS',
        kind: 'secretariat',
      }),
    )
  ).id;
  ids.otherUnit = (await ok(await admin.post('/api/v1/admin/units', { organisationId: ids.other, name: 'Khartoum desk' }))).id;
  const person = async (email: string, organisationId: string, unitIds: string[], roles: string[]) => {
    await ok(
      await admin.post('/api/v1/admin/users', {
        email,
        displayName: email.split('@')[0],
        password: STRONG_PASSWORD,
        organisationId,
        unitIds,
        roles,
      }),
    );
    return t.signIn(email, STRONG_PASSWORD);
  };
  clients.uploader = await t.signIn('focal.sec@liaison.demo');
  clients['team curator'] = await t.signIn('caseworker.sec@liaison.demo');
  clients['desk curator'] = await person('desk.curator@example.org', ids.rps, [ids.desk], ['analyst']);
  clients['other-org curator'] = await person('curator@kps.example.org', ids.other, [ids.otherUnit], ['analyst']);
  clients['other-org platform admin'] = await person('admin@kps.example.org', ids.other, [], ['platform_admin']);
  clients['rps platform admin'] = admin;

  const imports: [string, Client, string, string][] = [
    ['red to the team', clients.uploader, 'TLP:RED', `unit:${ids.team}`],
    ['red to the desk', clients.uploader, 'TLP:RED', `unit:${ids.desk}`],
    ['amber+strict to the team', clients.uploader, 'TLP:AMBER+STRICT', `unit:${ids.team}`],
    ['amber to the other secretariat', clients.uploader, 'TLP:AMBER', `organisation:${ids.other}`],
    ['green to the Budapest group', clients.uploader, 'TLP:GREEN', `sharing_group:${ids.budapestGroup}`],
    ['green to all partners', clients.uploader, 'TLP:GREEN', 'all_partners'],
    ['clear to the team', clients.uploader, 'TLP:CLEAR', `unit:${ids.team}`],
    // A platform administrator in no unit uploads: seen by the uploader, and by the unit addressed.
    ['red uploaded by an administrator', admin, 'TLP:RED', `unit:${ids.team}`],
  ];
  for (const [name, client, code, target] of imports) {
    created.set(
      name,
      await upload(client, name.replaceAll(' ', '-'), [
        ['handlingCode', code],
        ['distribution', target],
      ]),
    );
  }
});
afterAll(() => t?.close());

/** Who sees each import (Y) and who does not (N), in the order of VIEWERS. */
const EXPECTED: Record<string, string> = {
  // uploader, team curator, desk curator, other-org curator, other-org platform admin
  'red to the team': 'Y Y N N N',
  // The uploader's unit (the team) is the originating unit: it sees what it sent.
  'red to the desk': 'Y Y Y N N',
  'amber+strict to the team': 'Y Y Y N N',
  'amber to the other secretariat': 'Y Y Y Y Y',
  'green to the Budapest group': 'Y Y Y N N',
  'green to all partners': 'Y Y Y Y Y',
  'clear to the team': 'Y Y Y Y Y',
  'red uploaded by an administrator': 'Y Y N N N',
};
const sees = (name: string, viewer: Viewer) => EXPECTED[name].split(' ')[VIEWERS.indexOf(viewer)] === 'Y';

describe('imports follow the sharing rule of their documents', () => {
  for (const viewer of VIEWERS) {
    it(`one import at a time: ${viewer}`, async () => {
      const answers: Record<string, number> = {};
      for (const [name, id] of created) {
        const response = await clients[viewer].get(`${API}/${id}`);
        answers[name] = response.statusCode;
        if (response.statusCode === 404) {
          const body = expectProblem(response, 404, 'not-found');
          expect(JSON.stringify(body)).not.toContain('.txt');
        }
      }
      const expected = Object.fromEntries([...created.keys()].map((name) => [name, sees(name, viewer) ? 200 : 404]));
      expect(answers).toEqual(expected);
    });

    it(`the list and its total: ${viewer}`, async () => {
      const response = await clients[viewer].get(`${API}?limit=100`);
      expect(response.statusCode, response.body).toBe(200);
      const { items, total } = response.json() as { items: { id: string }[]; total: number };
      const listed = new Set(items.map((item) => item.id));
      const shown = [...created].filter(([, id]) => listed.has(id)).map(([name]) => name);
      expect(shown.sort()).toEqual([...created.keys()].filter((name) => sees(name, viewer)).sort());
      // Nothing else counts either: the total is the visible imports, not every import.
      expect(total).toBe(items.length);
    });
  }

  it('the uploader and the rule, not the administration role, open an import', async () => {
    const admin = clients['rps platform admin'];
    expect((await admin.get(`${API}/${created.get('red uploaded by an administrator')}`)).statusCode).toBe(200);
    expect((await admin.get(`${API}/${created.get('red to the team')}`)).statusCode).toBe(404);
    // Same organisation as the secretariat: AMBER+STRICT to its unit reaches the administrator by the rule.
    expect((await admin.get(`${API}/${created.get('amber+strict to the team')}`)).statusCode).toBe(200);
  });

  it('a hidden import answers exactly like one that does not exist', async () => {
    const hidden = await clients['other-org curator'].get(`${API}/${created.get('red to the team')}`);
    const missing = await clients['other-org curator'].get(`${API}/00000000-0000-4000-8000-000000000000`);
    expect(hidden.statusCode).toBe(404);
    const shape = (response: typeof hidden) => {
      const { type, title, status, detail } = response.json();
      return { type, title, status, detail };
    };
    expect(shape(hidden)).toEqual(shape(missing));
  });
});
