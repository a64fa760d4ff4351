import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepNotices } from '../../src/server/modules/exchange/notices/sweep.js';
import { expectProblem } from '../support/fixtures.js';
import { SmtpCapture } from '../support/smtp-capture.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

const PUBLIC_URL = 'https://liaison.example.org';
const smtp = new SmtpCapture();
let t: TestApp;
const as: Record<string, Client> = {};
let spanishUnit: string;
const allKinds = { newMessages: true, rfiChanges: true, alerts: true };

const putNotices = (client: Client, payload: unknown) =>
  client.request({ method: 'PUT', url: '/api/v1/account/notices', payload: payload as object });

async function send(client: Client, payload: Record<string, unknown>): Promise<{ id: string }> {
  const response = await client.post('/api/v1/messages', {
    body: 'Details follow.',
    distribution: [{ kind: 'unit', id: spanishUnit }],
    ...payload,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** Runs the sweep and waits until the mail jobs it queued are done (or failed for good). */
async function deliver(app: TestApp = t) {
  await sweepNotices(app.database.db, app.config);
  app.app.jobs.wake();
  await waitFor(async () => {
    const pending = await sql<{ n: number }>`select count(*)::int as n from jobs
      where kind = 'notice.mail' and status in ('queued', 'running')`.execute(app.database.db);
    return pending.rows[0].n === 0;
  }, 'the mail jobs to finish');
}

async function waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The mails a message produced, by recipient address. */
const mailsAbout = (id: string) => smtp.mails.filter((mail) => mail.text.includes(`/messages/${id}`));
const everything = (mail: { raw: string; subject: string; text: string; html: string }) =>
  [mail.raw, mail.subject, mail.text, mail.html].join('\n');

beforeAll(async () => {
  await smtp.start();
  t = await startTestApp({ smtpUrl: smtp.url, publicUrl: PUBLIC_URL, noticeSweepMs: 0, jobPollMs: 50 });
  const units = await sql<{ id: string }>`select id from units where name = 'Unit against illegal immigration networks'`.execute(
    t.database.db,
  );
  spanishUnit = units.rows[0].id;
  for (const account of ['focal.ma', 'focal.es', 'analyst.es', 'reader.es', 'reader.sn', 'focal.sn']) {
    as[account] = await t.signIn(`${account}@liaison.demo`);
  }
  // Opted in: the sender, the Spanish recipient and someone who may not see Spanish mail.
  for (const account of ['focal.ma', 'focal.es', 'reader.sn']) {
    expect((await putNotices(as[account], { emailEnabled: true, kinds: allKinds })).statusCode).toBe(200);
  }
  // Kinds chosen but e-mail off, and e-mail on without new messages: neither is mailed.
  await putNotices(as['analyst.es'], { emailEnabled: false, kinds: allKinds });
  await putNotices(as['reader.es'], { emailEnabled: true, kinds: { ...allKinds, newMessages: false } });
});
afterAll(async () => {
  await t?.close();
  await smtp.stop();
});

describe('notice preferences', () => {
  it('are off by default and name the account’s own address', async () => {
    const response = await as['focal.sn'].get('/api/v1/account/notices');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      email: 'focal.sn@liaison.demo',
      emailEnabled: false,
      kinds: { newMessages: false, rfiChanges: false, alerts: false },
      mailConfigured: true,
    });
  });

  it('are saved and read back, and audited', async () => {
    const kinds = { newMessages: false, rfiChanges: true, alerts: true };
    const saved = await putNotices(as['focal.sn'], { emailEnabled: true, kinds });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await as['focal.sn'].get('/api/v1/account/notices')).json()).toMatchObject({ emailEnabled: true, kinds });
    const audit = await sql`select 1 from audit_log where action = 'account.notices'`.execute(t.database.db);
    expect(audit.rows.length).toBeGreaterThan(0);
    await putNotices(as['focal.sn'], { emailEnabled: false, kinds });
  });

  it('refuse malformed bodies, another user’s id, and anonymous callers', async () => {
    const focalMa = await sql<{ id: string }>`select id from users where email = 'focal.ma@liaison.demo'`.execute(t.database.db);
    for (const payload of [
      {},
      { emailEnabled: 'yes', kinds: allKinds },
      { emailEnabled: true },
      { emailEnabled: true, kinds: { ...allKinds, everything: true } },
      { emailEnabled: true, kinds: allKinds, userId: focalMa.rows[0].id },
      { emailEnabled: true, kinds: allKinds, email: "attacker@example.org'; drop table users; --" },
      [true],
    ]) {
      const response = await putNotices(as['focal.sn'], payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    // focal.ma's own settings are untouched by anyone else's request.
    expect((await as['focal.ma'].get('/api/v1/account/notices')).json()).toMatchObject({ emailEnabled: true, kinds: allKinds });
    expectProblem(await t.anonymous().get('/api/v1/account/notices'), 401, 'unauthenticated');
    expectProblem(await putNotices(t.anonymous(), { emailEnabled: true, kinds: allKinds }), 401, 'unauthenticated');
    // Without the CSRF token, a cookie-authenticated change is refused.
    const response = await as['focal.sn'].request({
      method: 'PUT',
      url: '/api/v1/account/notices',
      payload: { emailEnabled: true, kinds: allKinds },
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('e-mail notices', () => {
  it('mails a TLP:GREEN message to the opted-in recipient with subject, unit and link, and to no one else', async () => {
    const sent = await send(as['focal.ma'], { subject: 'Green notice about Tarfaya landings', handlingCode: 'TLP:GREEN' });
    await deliver();
    const mails = mailsAbout(sent.id);
    expect(mails.map((mail) => mail.to)).toEqual([['focal.es@liaison.demo']]);
    const [mail] = mails;
    expect(mail.subject).toBe('[TLP:GREEN] New message: Green notice about Tarfaya landings');
    expect(mail.text).toContain(`${PUBLIC_URL}/messages/${sent.id}`);
    expect(mail.html).toContain(`href="${PUBLIC_URL}/messages/${sent.id}"`);
    expect(mail.text).toContain('National anti-smuggling unit');
    expect(mail.headers.get('from')).toContain('@');
    // The sender is not mailed, and not named: the unit speaks, not the person.
    const sender = await sql<{
      display_name: string;
    }>`select display_name from users where email = 'focal.ma@liaison.demo'`.execute(t.database.db);
    expect(everything(mail)).not.toContain(sender.rows[0].display_name);
    expect(smtp.to('focal.ma@liaison.demo').filter((m) => m.text.includes(sent.id))).toEqual([]);
  });

  it('mails only the kind, the code and the link for anything above TLP:GREEN', async () => {
    for (const handlingCode of ['TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED']) {
      const sent = await send(as['focal.ma'], {
        subject: 'Zanzibarite lantern convoy',
        body: 'Quetzalcoatl ferry leaves at dawn',
        handlingCode,
      });
      await deliver();
      const mails = mailsAbout(sent.id);
      expect(
        mails.map((mail) => mail.to),
        handlingCode,
      ).toEqual([['focal.es@liaison.demo']]);
      const [mail] = mails;
      expect(mail.subject).toBe(`[${handlingCode}] New message`);
      expect(mail.text).toContain(`${PUBLIC_URL}/messages/${sent.id}`);
      for (const word of ['Zanzibarite', 'lantern', 'Quetzalcoatl', 'ferry', 'anti-smuggling', 'DMSF', 'Morocco']) {
        expect(everything(mail).toLowerCase(), `${handlingCode}: ${word}`).not.toContain(word.toLowerCase());
      }
    }
  });

  it('escapes script and markup of a TLP:GREEN subject in the HTML part', async () => {
    const sent = await send(as['focal.ma'], {
      subject: '<script>alert(1)</script><img src=x onerror=alert(2)>',
      handlingCode: 'TLP:GREEN',
    });
    await deliver();
    const [mail] = mailsAbout(sent.id);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(mail.html).not.toMatch(/<script|<img/i);
  });

  it('writes in the recipient’s language', async () => {
    expect((await as['focal.es'].patch('/api/v1/me', { locale: 'fr' })).statusCode).toBe(200);
    try {
      const sent = await send(as['focal.ma'], { subject: 'Avis en français', handlingCode: 'TLP:AMBER' });
      await deliver();
      const [mail] = mailsAbout(sent.id);
      expect(mail.subject).toBe('[TLP:AMBER] Nouveau message');
      expect(mail.text).toContain('n’est jamais envoyé par courriel');
    } finally {
      await as['focal.es'].patch('/api/v1/me', { locale: 'en' });
    }
  });

  it('mails alerts by the same rule: title and unit for TLP:GREEN, only code and link above', async () => {
    const issue = async (title: string, handlingCode: string) => {
      const response = await as['focal.ma'].post('/api/v1/alerts', {
        title,
        category: 'new_route',
        severity: 'high',
        validUntil: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        area: { countries: ['MA', 'ES'] },
        description: 'Boats leave from the Ocelot cove at night.',
        observables: [],
        handlingCode,
        distribution: [{ kind: 'unit', id: spanishUnit }],
      });
      expect(response.statusCode, response.body).toBe(201);
      return (response.json() as { id: string }).id;
    };
    const green = await issue('Green alert on the Atlantic route', 'TLP:GREEN');
    const amber = await issue('Amber alert about Ocelot cove', 'TLP:AMBER');
    await deliver();
    const about = (id: string) => smtp.mails.filter((mail) => mail.text.includes(`${PUBLIC_URL}/alerts/${id}`));
    // reader.es turned off new messages, not alerts.
    const spain = ['focal.es@liaison.demo', 'reader.es@liaison.demo'];
    const mailedAbout = (id: string) => about(id).flatMap((mail) => mail.to);
    expect(mailedAbout(green).sort()).toEqual(spain);
    expect(about(green)[0].subject).toBe('[TLP:GREEN] New alert: Green alert on the Atlantic route');
    expect(mailedAbout(amber).sort()).toEqual(spain);
    expect(about(amber)[0].subject).toBe('[TLP:AMBER] New alert');
    expect(everything(about(amber)[0]).toLowerCase()).not.toContain('ocelot');
  });

  it('enqueues each event once when two sweeps run at the same time', async () => {
    const sent = await send(as['focal.ma'], { subject: 'Two sweeps, one mail', handlingCode: 'TLP:GREEN' });
    const counts = await Promise.all([sweepNotices(t.database.db, t.config), sweepNotices(t.database.db, t.config)]);
    expect(counts.reduce((a, b) => a + b)).toBe(1);
    await deliver();
    expect(mailsAbout(sent.id)).toHaveLength(1);
  });

  it('retries when the mail server is down and delivers when it is back, without blocking the sender', async () => {
    await smtp.stop();
    const sent = await send(as['focal.ma'], { subject: 'Sent while the mail server was down', handlingCode: 'TLP:GREEN' });
    await sweepNotices(t.database.db, t.config);
    t.app.jobs.wake();
    await waitFor(async () => {
      const job = await sql<{ attempts: number; status: string }>`select attempts, status from jobs
        where kind = 'notice.mail' order by created_at desc limit 1`.execute(t.database.db);
      return job.rows[0]?.attempts >= 1 && job.rows[0]?.status === 'queued';
    }, 'a failed first attempt');
    expect(mailsAbout(sent.id)).toEqual([]);
    await smtp.start();
    // The first retry comes 5 s after the failure.
    await waitFor(() => mailsAbout(sent.id).length === 1, 'the retried mail', 30_000);
    const job = await sql<{ status: string; attempts: number }>`select status, attempts from jobs
      where kind = 'notice.mail' order by created_at desc limit 1`.execute(t.database.db);
    await waitFor(async () => {
      const done = await sql<{
        status: string;
      }>`select status from jobs where kind = 'notice.mail' order by created_at desc limit 1`.execute(t.database.db);
      return done.rows[0].status === 'done';
    }, 'the job to be done');
    expect(job.rows[0].attempts).toBeGreaterThanOrEqual(2);
  }, 60_000);
});

describe('without an SMTP server', () => {
  it('mails nothing, fails nothing, and still moves past the events', async () => {
    // This app runs its own sweep, as a server does.
    const bare = await startTestApp({ smtpUrl: undefined, noticeSweepMs: 100 });
    try {
      const focalEs = await bare.signIn('focal.es@liaison.demo');
      const focalMa = await bare.signIn('focal.ma@liaison.demo');
      expect((await putNotices(focalEs, { emailEnabled: true, kinds: allKinds })).json()).toMatchObject({
        mailConfigured: false,
      });
      const unit = await sql<{
        id: string;
      }>`select id from units where name = 'Unit against illegal immigration networks'`.execute(bare.database.db);
      const response = await focalMa.post('/api/v1/messages', {
        subject: 'No mail server here',
        body: 'Nothing to mail.',
        handlingCode: 'TLP:GREEN',
        distribution: [{ kind: 'unit', id: unit.rows[0].id }],
      });
      expect(response.statusCode, response.body).toBe(201);
      const state = async () =>
        (
          await sql<{ cursor: number; last: number; jobs: number }>`select
            (select last_seq from notice_cursor)::int as cursor, (select max(seq) from exchange_events)::int as last,
            (select count(*) from jobs where kind = 'notice.mail')::int as jobs`.execute(bare.database.db)
        ).rows[0];
      await waitFor(async () => (await state()).cursor === (await state()).last, 'the app’s sweep to pass the event');
      expect(await sweepNotices(bare.database.db, bare.config)).toBe(0);
      expect((await state()).jobs).toBe(0);
    } finally {
      await bare.close();
    }
  });
});
