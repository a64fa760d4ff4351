/** The directory: functions of units, their holders over time, filters, management and its limits. */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

const API = '/api/v1/directory';

interface Holder {
  id: string;
  userId: string;
  name: string;
  email?: string;
  languages: string[];
  startsOn: string;
  endsOn: string | null;
  current: boolean;
}
interface DirectoryFunction {
  id: string;
  title: string;
  kind: string;
  themes: string[];
  phone: string | null;
  active: boolean;
  unit: { id: string; name: string };
  organisation: { id: string; country: string | null; acronym: string };
  currentHolders: { holderId: string; userId: string; name: string; email: string; languages: string[] }[];
  holders?: Holder[];
}

let t: TestApp;
const as = {} as Record<'focalEs' | 'orgAdminMa' | 'orgAdminEs' | 'focalMa' | 'platform' | 'anonymous', Client>;
const users = {} as Record<string, string>;
const units = {} as Record<'ma' | 'es', string>;

/** ISO date `days` from today (UTC, as the test database's current_date). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const dayBefore = (date: string) => new Date(Date.parse(date) - 86_400_000).toISOString().slice(0, 10);

async function find(query: string, client = as.focalEs): Promise<DirectoryFunction[]> {
  const response = await client.get(`${API}/functions?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}
const titles = (items: DirectoryFunction[]) => items.map((item) => item.title).sort();

async function userIdOf(email: string) {
  const result = await sql<{ id: string }>`select id from users where email = ${email}`.execute(t.database.db);
  return result.rows[0].id;
}

async function auditRows(targetId: string) {
  const result = await sql<{ action: string; details: Record<string, unknown>; actor_user_id: string }>`
    select action, details, actor_user_id from audit_log where target_id = ${targetId} order by id`.execute(t.database.db);
  return result.rows;
}

beforeAll(async () => {
  t = await startTestApp();
  as.focalEs = await t.signIn('focal.es@liaison.demo');
  as.focalMa = await t.signIn('focal.ma@liaison.demo');
  as.orgAdminMa = await t.signIn('orgadmin.ma@liaison.demo');
  as.orgAdminEs = await t.signIn('orgadmin.es@liaison.demo');
  as.platform = await t.signIn('admin@liaison.demo');
  as.anonymous = t.anonymous();
  for (const email of ['focal.ma', 'analyst.ma', 'reader.ma', 'caseworker.ma', 'focal.es']) {
    users[email] = await userIdOf(`${email}@liaison.demo`);
  }
  // The first unit of each country in the directory's order (by organisation, then unit name).
  units.ma = (await as.focalEs.get(`${API}/units?country=MA`)).json().items[0].id;
  units.es = (await as.focalEs.get(`${API}/units?country=ES`)).json().items[0].id;
});
afterAll(() => t.close());

describe('finding functions in the demo directory', () => {
  it('filters by country, kind, theme, language and text, exactly', async () => {
    expect(titles(await find('country=MA'))).toEqual(['National anti-smuggling focal point', 'Risk analysis contact']);
    expect(titles(await find('country=SN'))).toEqual(['National anti-trafficking focal point', 'Protection contact']);
    expect(titles(await find('kind=protection_contact'))).toEqual(['Protection contact']);
    expect(titles(await find('theme=migrant_smuggling'))).toEqual([
      'Border management contact Agadez',
      'Liaison officer for the Atlantic route',
      'National anti-smuggling focal point',
    ]);
    expect(titles(await find('language=ha'))).toEqual(['Border management contact Agadez']);
    expect(titles(await find('language=es'))).toEqual([
      'Liaison officer for the Atlantic route',
      'National anti-smuggling focal point',
    ]);
    expect(titles(await find('language=ar'))).toEqual([
      'National anti-smuggling focal point',
      'Rabat Process secretariat contact',
      'Risk analysis contact',
    ]);
    expect(titles(await find('country=SN&language=wo&kind=protection_contact'))).toEqual(['Protection contact']);
    expect(titles(await find('organisationKind=ngo'))).toEqual(['Protection contact']);
    expect(await find('country=MA&theme=trafficking_in_human_beings')).toEqual([]);
  });

  it('searches titles, units and organisation names without regard to accents or case', async () => {
    expect(titles(await find('q=agadez'))).toEqual(['Border management contact Agadez']);
    expect(titles(await find(`q=${encodeURIComponent('PROTÉCTION')}`))).toEqual(['Protection contact']);
    expect(titles(await find('q=Red%20Cross'))).toEqual(['Protection contact']);
    expect(titles(await find('q=DMSF'))).toEqual(['National anti-smuggling focal point', 'Risk analysis contact']);
    // % and _ are literal text, not wildcards.
    expect(await find('q=%25')).toEqual([]);
    expect(await find('q=_')).toEqual([]);
  });

  it('shows organisation, unit, themes and current holders with their languages and e-mail', async () => {
    const [smuggling] = await find('kind=anti_smuggling_focal_point');
    expect(smuggling.organisation).toMatchObject({ country: 'MA', acronym: 'DMSF' });
    expect(smuggling.unit.name).toBe('National anti-smuggling unit');
    expect(smuggling.themes).toContain('migrant_smuggling');
    expect(smuggling.phone).toBe('+212537000101');
    expect(smuggling.currentHolders).toEqual([
      expect.objectContaining({ userId: users['focal.ma'], email: 'focal.ma@liaison.demo', languages: ['ar', 'fr', 'es'] }),
    ]);
    const [liaison] = await find('kind=liaison_officer');
    expect(liaison.currentHolders.map((holder) => holder.email).sort()).toEqual([
      'caseworker.es@liaison.demo',
      'focal.es@liaison.demo',
    ]);
  });

  it('pages with a total', async () => {
    const first = (await as.focalEs.get(`${API}/functions?limit=3`)).json();
    const rest = (await as.focalEs.get(`${API}/functions?limit=3&offset=3`)).json();
    expect(first.total).toBe(7);
    expect(first.items).toHaveLength(3);
    expect(rest.total).toBe(7);
    expect([...first.items, ...rest.items].map((item: DirectoryFunction) => item.id)).toHaveLength(
      new Set([...first.items, ...rest.items].map((item: DirectoryFunction) => item.id)).size,
    );
  });

  it('gives the holder history: the past holder without e-mail, the current one with it', async () => {
    const [smuggling] = await find('kind=anti_smuggling_focal_point');
    const detail = (await as.focalEs.get(`${API}/functions/${smuggling.id}`)).json() as DirectoryFunction;
    expect(detail.holders).toHaveLength(2);
    const [current, past] = detail.holders as Holder[];
    expect(current).toMatchObject({ userId: users['focal.ma'], current: true, endsOn: null, email: 'focal.ma@liaison.demo' });
    // The demo dates periods from the day it was seeded (which may be yesterday, past midnight):
    // the past period ends the day before the current one starts.
    expect(past).toMatchObject({ userId: users['analyst.ma'], current: false, endsOn: dayBefore(current.startsOn) });
    expect(past).not.toHaveProperty('email');
  });

  it('lists units with their functions, by country and organisation kind', async () => {
    const ma = (await as.focalEs.get(`${API}/units?country=MA`)).json().items as {
      name: string;
      functions: { title: string }[];
    }[];
    expect(ma.map((unit) => unit.name).sort()).toEqual(['National anti-smuggling unit', 'National coordination centre']);
    expect(ma.find((unit) => unit.name === 'National coordination centre')?.functions.map((f) => f.title)).toEqual([
      'Risk analysis contact',
    ]);
    const ngo = (await as.focalEs.get(`${API}/units?kind=ngo`)).json().items as { organisation: { kind: string } }[];
    expect(ngo.length).toBe(2);
    expect(ngo.every((unit) => unit.organisation.kind === 'ngo')).toBe(true);
  });

  it('refuses the anonymous (401) and malformed filters (400)', async () => {
    for (const path of ['/functions', '/units', `/functions/${randomUUID()}`, '/me/languages']) {
      expectProblem(await as.anonymous.get(`${API}${path}`), 401, 'unauthenticated');
    }
    for (const query of [
      'country=Morocco',
      'kind=spy',
      'theme=weather',
      'language=english',
      'organisation=nope',
      'limit=0',
      'limit=5000',
      'x=1',
    ]) {
      expectProblem(await as.focalEs.get(`${API}/functions?${query}`), 400, 'validation');
    }
    expectProblem(await as.focalEs.get(`${API}/units?kind=army`), 400, 'validation');
    expectProblem(await as.focalEs.get(`${API}/functions/not-a-uuid`), 400, 'validation');
    expectProblem(await as.focalEs.get(`${API}/functions/${randomUUID()}`), 404, 'not-found');
  });
});

describe('languages I speak', () => {
  it('lets anyone signed in set their own ISO 639-1 languages, and audits it', async () => {
    const reader = await t.signIn('reader.sn@liaison.demo');
    const put = (languages: unknown) => reader.request({ method: 'PUT', url: `${API}/me/languages`, payload: { languages } });
    const saved = await put(['pt', 'fr']);
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await reader.get(`${API}/me/languages`)).json()).toEqual({ languages: ['pt', 'fr'] });
    expectProblem(await put(['xx']), 400, 'unknown-language');
    expectProblem(await put(['EN']), 400, 'validation');
    expectProblem(await put(['fr', 'fr']), 400, 'validation');
    expectProblem(await put('fr'), 400, 'validation');
    expectProblem(
      await put(
        Array.from({ length: 13 }, (_, i) => ['aa', 'ab', 'af', 'ak', 'am', 'ar', 'as', 'ay', 'az', 'be', 'bg', 'bn', 'bs'][i]),
      ),
      400,
      'validation',
    );
    expectProblem(
      await t.anonymous().request({ method: 'PUT', url: `${API}/me/languages`, payload: { languages: [] } }),
      401,
      'unauthenticated',
    );
    expect((await reader.get(`${API}/me/languages`)).json()).toEqual({ languages: ['pt', 'fr'] });
    const rows = await auditRows(await userIdOf('reader.sn@liaison.demo'));
    expect(rows.filter((row) => row.action === 'user.languages')).toHaveLength(1);
  });
});

describe('managing functions', () => {
  it('lets the Moroccan org admin create and edit a function of a Moroccan unit, audited', async () => {
    const created = await as.orgAdminMa.post(`${API}/functions`, {
      unitId: units.ma,
      title: 'Coordination générale',
      kind: 'national_focal_point',
      themes: ['regional_cooperation'],
      email: 'coordination@dmsf.demo',
      phone: '0537 00 02 02',
    });
    expect(created.statusCode, created.body).toBe(201);
    const fn = created.json() as DirectoryFunction;
    expect(fn).toMatchObject({ title: 'Coordination générale', phone: '+212537000202', active: true, holders: [] });
    expect(titles(await find('q=generale'))).toEqual(['Coordination générale']);

    const edited = await as.orgAdminMa.patch(`${API}/functions/${fn.id}`, { themes: ['border_management'], active: false });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ themes: ['border_management'], active: false });
    expect(await find('q=generale')).toEqual([]);
    expect(titles(await find('q=generale&includeInactive=true'))).toEqual(['Coordination générale']);
    expectProblem(
      await as.orgAdminMa.post(`${API}/functions/${fn.id}/holders`, { userId: users['reader.ma'], startsOn: day(0) }),
      409,
      'function-inactive',
    );
    expect((await as.orgAdminMa.patch(`${API}/functions/${fn.id}`, { active: true })).statusCode).toBe(200);

    const rows = await auditRows(fn.id);
    expect(rows.map((row) => row.action)).toEqual([
      'directoryFunction.create',
      'directoryFunction.deactivate',
      'directoryFunction.reactivate',
    ]);
    expect(rows[1].details).toEqual({ fields: ['themes', 'active'] });
    expect(rows.every((row) => row.actor_user_id)).toBe(true);
  });

  it('stores script and SQL metacharacters in titles as plain text', async () => {
    const title = `<script>alert("x")</script>'; drop table unit_functions; --`;
    const created = await as.orgAdminMa.post(`${API}/functions`, { unitId: units.ma, title, kind: 'liaison_officer' });
    expect(created.statusCode, created.body).toBe(201);
    const detail = (await as.focalEs.get(`${API}/functions/${created.json().id}`)).json();
    expect(detail.title).toBe(title);
    expect(titles(await find(`q=${encodeURIComponent("'; drop")}`))).toEqual([title]);
    expect((await find('kind=protection_contact')).length).toBe(1);
  });

  it('refuses duplicates (409) and bad input (400)', async () => {
    expectProblem(
      await as.orgAdminMa.post(`${API}/functions`, { unitId: units.ma, title: 'coordination GÉNÉRALE', kind: 'liaison_officer' }),
      409,
      'title-taken',
    );
    const bad: Record<string, unknown>[] = [
      { unitId: units.ma, title: 'X', kind: 'spymaster' },
      { unitId: units.ma, title: '', kind: 'liaison_officer' },
      { unitId: units.ma, title: 'x'.repeat(201), kind: 'liaison_officer' },
      { unitId: units.ma, title: 'X', kind: 'liaison_officer', themes: ['weather'] },
      { unitId: units.ma, title: 'X', kind: 'liaison_officer', email: 'not-an-address' },
      { unitId: units.ma, title: 'X', kind: 'liaison_officer', phone: 'call me' },
      { unitId: 'not-a-uuid', title: 'X', kind: 'liaison_officer' },
      { unitId: units.ma, title: 'X', kind: 'liaison_officer', secret: true },
    ];
    for (const body of bad) expectProblem(await as.orgAdminMa.post(`${API}/functions`, body), 400, 'validation');
    expectProblem(
      await as.orgAdminMa.post(`${API}/functions`, { unitId: units.ma, title: 'X', kind: 'liaison_officer', phone: '+1 2' }),
      400,
      'invalid-phone',
    );
    expectProblem(
      await as.orgAdminMa.post(`${API}/functions`, { unitId: randomUUID(), title: 'X', kind: 'liaison_officer' }),
      404,
      'not-found',
    );
  });

  it("hides Spain's units and functions from the Moroccan org admin (404), as if missing", async () => {
    const [liaison] = await find('kind=liaison_officer&country=ES');
    const missing = await as.orgAdminMa.post(`${API}/functions`, {
      unitId: randomUUID(),
      title: 'Probe',
      kind: 'liaison_officer',
    });
    const foreign = await as.orgAdminMa.post(`${API}/functions`, { unitId: units.es, title: 'Probe', kind: 'liaison_officer' });
    expectProblem(foreign, 404, 'not-found');
    expect(foreign.json().detail).toBe(missing.json().detail);
    expectProblem(await as.orgAdminMa.patch(`${API}/functions/${liaison.id}`, { title: 'Taken over' }), 404, 'not-found');
    expectProblem(
      await as.orgAdminMa.post(`${API}/functions/${liaison.id}/holders`, { userId: users['focal.ma'], startsOn: day(0) }),
      404,
      'not-found',
    );
    const holderId = liaison.currentHolders[0].holderId;
    expectProblem(
      await as.orgAdminMa.patch(`${API}/functions/${liaison.id}/holders/${holderId}`, { endsOn: day(0) }),
      404,
      'not-found',
    );
    expect((await as.focalEs.get(`${API}/functions/${liaison.id}`)).json().title).toBe('Liaison officer for the Atlantic route');
  });

  it('refuses focal points (403) and the anonymous (401); the platform admin manages everywhere', async () => {
    const [liaison] = await find('kind=liaison_officer&country=ES');
    expectProblem(
      await as.focalMa.post(`${API}/functions`, { unitId: units.ma, title: 'Mine', kind: 'liaison_officer' }),
      403,
      'forbidden',
    );
    expectProblem(await as.focalEs.patch(`${API}/functions/${liaison.id}`, { title: 'Mine' }), 403, 'forbidden');
    expectProblem(
      await as.anonymous.post(`${API}/functions`, { unitId: units.ma, title: 'Mine', kind: 'liaison_officer' }),
      401,
      'unauthenticated',
    );
    const edited = await as.platform.patch(`${API}/functions/${liaison.id}`, { description: 'Covers the Canary Islands' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().description).toBe('Covers the Canary Islands');
  });
});

describe('holders and rotation', () => {
  it('rotates a function: end holder A, add holder B; same id, history shows both', async () => {
    const [risk] = await find('kind=risk_analysis_contact');
    const holderA = risk.currentHolders[0];
    expect(holderA.userId).toBe(users['analyst.ma']);

    const ended = await as.orgAdminMa.patch(`${API}/functions/${risk.id}/holders/${holderA.holderId}`, { endsOn: day(-1) });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().currentHolders).toEqual([]);
    const added = await as.orgAdminMa.post(`${API}/functions/${risk.id}/holders`, {
      userId: users['reader.ma'],
      startsOn: day(0),
      note: 'Successor',
    });
    expect(added.statusCode, added.body).toBe(201);

    const detail = (await as.focalEs.get(`${API}/functions/${risk.id}`)).json() as DirectoryFunction;
    expect(detail.id).toBe(risk.id);
    expect(detail.currentHolders.map((holder) => holder.userId)).toEqual([users['reader.ma']]);
    expect(detail.holders?.map((holder) => [holder.userId, holder.current, holder.endsOn])).toEqual([
      [users['reader.ma'], true, null],
      [users['analyst.ma'], false, day(-1)],
    ]);
    expect(detail.holders?.[1]).not.toHaveProperty('email');
    // The successor is found by language now, the predecessor's no longer counts.
    expect(titles(await find('language=ar&country=MA'))).toContain('Risk analysis contact');

    const rows = await auditRows(risk.id);
    expect(rows.map((row) => row.action)).toEqual(['functionHolder.end', 'functionHolder.create']);
    expect(rows[0].details).toMatchObject({ holderId: holderA.holderId, endsOnBefore: null, endsOn: day(-1) });
  });

  it('allows deputies at once, but not overlapping periods of one person (409)', async () => {
    const [smuggling] = await find('kind=anti_smuggling_focal_point');
    const url = `${API}/functions/${smuggling.id}/holders`;
    const deputy = await as.orgAdminMa.post(url, { userId: users['caseworker.ma'], startsOn: day(-5), endsOn: day(30) });
    expect(deputy.statusCode, deputy.body).toBe(201);
    expect(deputy.json().currentHolders).toHaveLength(2);
    // focal.ma holds it from day -30, open-ended; analyst.ma held it from -400 to -31 (days of the seed).
    expectProblem(await as.orgAdminMa.post(url, { userId: users['focal.ma'], startsOn: day(100) }), 409, 'holder-overlap');
    const pastEnd = (deputy.json() as DirectoryFunction).holders?.find((holder) => holder.userId === users['analyst.ma'])?.endsOn;
    expectProblem(
      await as.orgAdminMa.post(url, { userId: users['analyst.ma'], startsOn: pastEnd as string, endsOn: pastEnd as string }),
      409,
      'holder-overlap',
    );
    expectProblem(await as.orgAdminMa.post(url, { userId: users['caseworker.ma'], startsOn: day(30) }), 409, 'holder-overlap');
    // The day after a period ends is free; a future period is upcoming, not current.
    const later = await as.orgAdminMa.post(url, { userId: users['caseworker.ma'], startsOn: day(31), endsOn: day(60) });
    expect(later.statusCode, later.body).toBe(201);
    const future = (later.json() as DirectoryFunction).holders?.find((holder) => holder.startsOn === day(31));
    expect(future).toMatchObject({ current: false });
    expect(future).not.toHaveProperty('email');
    const firstCaseworker = (later.json() as DirectoryFunction).holders?.find((holder) => holder.startsOn === day(-5)) as Holder;
    // Extending the first period into the second overlaps.
    expectProblem(await as.orgAdminMa.patch(`${url}/${firstCaseworker.id}`, { endsOn: day(40) }), 409, 'holder-overlap');
    expectProblem(await as.orgAdminMa.patch(`${url}/${firstCaseworker.id}`, { endsOn: null }), 409, 'holder-overlap');
  });

  it('refuses bad dates, strangers and unknown periods', async () => {
    const [smuggling] = await find('kind=anti_smuggling_focal_point');
    const url = `${API}/functions/${smuggling.id}/holders`;
    for (const body of [
      { userId: users['reader.ma'], startsOn: '2026-02-30' },
      { userId: users['reader.ma'], startsOn: 'yesterday' },
      { userId: users['reader.ma'], startsOn: day(0), endsOn: '2026-13-01' },
      { userId: 'me', startsOn: day(0) },
      { userId: users['reader.ma'] },
    ]) {
      expectProblem(await as.orgAdminMa.post(url, body), 400, 'validation');
    }
    expectProblem(
      await as.orgAdminMa.post(url, { userId: users['reader.ma'], startsOn: day(10), endsOn: day(5) }),
      422,
      'invalid-period',
    );
    // Someone of another organisation cannot hold a Moroccan function, nor someone unknown.
    for (const userId of [users['focal.es'], randomUUID()]) {
      expectProblem(await as.orgAdminMa.post(url, { userId, startsOn: day(0) }), 422, 'holder-not-member');
    }
    const [current] = smuggling.currentHolders;
    expectProblem(await as.orgAdminMa.patch(`${url}/${current.holderId}`, { endsOn: day(-400) }), 422, 'invalid-period');
    expectProblem(await as.orgAdminMa.patch(`${url}/${randomUUID()}`, { endsOn: day(0) }), 404, 'not-found');
    expectProblem(await as.orgAdminMa.patch(`${url}/${current.holderId}`, { userId: users['reader.ma'] }), 400, 'validation');
    const rows =
      await sql`select 1 from function_holders where function_id = ${smuggling.id} and user_id = ${users['focal.es']}`.execute(
        t.database.db,
      );
    expect(rows.rows).toEqual([]);
  });

  it('keeps the overlap rule in the database for any other writer', async () => {
    const [smuggling] = await find('kind=anti_smuggling_focal_point');
    await expect(
      sql`insert into function_holders (function_id, user_id, starts_on) values (${smuggling.id}, ${users['focal.ma']}, current_date)`.execute(
        t.database.db,
      ),
    ).rejects.toThrow(/overlap/);
  });
});
