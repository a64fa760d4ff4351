import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  type Language,
  launchBrowser,
  openSession,
  type Session,
  signIn,
  switchLanguage,
  visible,
} from './browser.js';
import { apiCall, askSpain, DAY_MS, pick, SPANISH_UNIT, token, unitId } from './exchange-helpers.js';

/**
 * Unit inboxes, archive, the RFI tracker, messages to functions of the directory and Markdown
 * bodies, as partners use them in the browser.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SPANISH_ANALYSIS_UNIT = 'Border analysis centre';
const ATLANTIC_LIAISON = 'Liaison officer for the Atlantic route';

/** An urgent RFI with a Markdown body from the signed-in (Moroccan) page to the Spanish unit, answer wanted in `days`. */
function askSpainUrgently(page: Page, subject: string, days: number): Promise<string> {
  return askSpain(page, subject, days * DAY_MS, { body: 'Please confirm the *departure* times.', priority: 'urgent' });
}

const subjectLink = (page: Page, subject: string) => page.getByRole('link', { name: new RegExp(`${subject}$`) });

/** Waits until the list under the tabs has answered, so "not listed" means not listed. */
async function listed(page: Page): Promise<void> {
  await visible(page.getByRole('status').filter({ hasText: /^\d+ messages?$/ }));
}

describe('unit inboxes, functions and Markdown', () => {
  it('carries a Markdown message to a function; the recipient reads it safely, archives it and brings it back', async () => {
    const morocco = await openSession(browser);
    const spain = await openSession(browser);
    try {
      const word = token('atlantic');
      const subject = `Sightings near the cape ${word}`;
      let page = morocco.page;
      await signIn(page, 'focal.ma@liaison.demo');
      await page.goto('/messages/new');
      await visible(page.getByText('Markdown: **bold**, *italic*, lists (- item), links. HTML is shown as text.'));
      await pick(page, 'Recipients', 'Atlantic', `${ATLANTIC_LIAISON} — ${SPANISH_UNIT}, CGEF`);
      await page.getByRole('radio', { name: 'TLP:GREEN', exact: true }).check();
      await page.getByRole('textbox', { name: 'Subject' }).fill(subject);
      await page
        .getByRole('textbox', { name: 'Message' })
        .fill("Two boats seen **near the cape**.\n<script>alert('x')</script>\n\n- first point\n- second point");
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.waitForURL((url) => /^\/messages\/[0-9a-f-]{36}$/.test(url.pathname));
      const messagePath = new URL(page.url()).pathname;
      const sent = page.getByRole('article', { name: subject });
      await visible(sent.getByText(`To: ${ATLANTIC_LIAISON} — ${SPANISH_UNIT}`, { exact: true }));
      // The sender's own message is in its sent box, not an inbox: nothing to archive.
      expect(await page.getByRole('button', { name: 'Archive' }).count()).toBe(0);

      page = spain.page;
      await signIn(page, 'focal.es@liaison.demo');
      await page.goto(`/messages?q=${word}`);
      await subjectLink(page, subject).click();
      await page.waitForURL((url) => url.pathname === messagePath);
      const article = page.getByRole('article', { name: subject });
      const body = article.locator('.markdown-body');
      await visible(body);
      expect(await body.getAttribute('dir')).toBe('auto');
      expect(await body.locator('strong').textContent()).toBe('near the cape');
      expect(await body.locator('li').allTextContents()).toEqual(['first point', 'second point']);
      // The script line is text on the page, not an element, and nothing ran.
      expect(await body.locator('script').count()).toBe(0);
      expect(await body.textContent()).toContain("<script>alert('x')</script>");

      await page.getByRole('button', { name: 'Archive', exact: true }).click();
      await visible(page.getByRole('status').filter({ hasText: `Filed in the archive of ${SPANISH_UNIT}.` }));
      await visible(page.getByRole('button', { name: 'Back to inbox' }));
      await page.goto(`/messages?q=${word}`);
      await listed(page);
      expect(await subjectLink(page, subject).count()).toBe(0);
      await page.getByRole('tab', { name: 'Archive' }).click();
      await page.waitForURL((url) => url.searchParams.get('box') === 'archive');
      await subjectLink(page, subject).click();
      await page.getByRole('button', { name: 'Back to inbox' }).click();
      await visible(page.getByRole('status').filter({ hasText: `Back in the inbox of ${SPANISH_UNIT}.` }));
      await page.goto(`/messages?box=archive&q=${word}`);
      await listed(page);
      expect(await subjectLink(page, subject).count()).toBe(0);
      await page.getByRole('tab', { name: /^Inbox/ }).click();
      await visible(subjectLink(page, subject));

      for (const session of [morocco, spain]) {
        expect(session.dialogs).toEqual([]);
        expect(session.errors).toEqual([]);
      }
    } finally {
      await Promise.all([morocco.context.close(), spain.context.close()]);
    }
  });

  it('tracks RFIs with their deadlines, and the asking unit closes one for everyone', async () => {
    const morocco = await openSession(browser);
    const spain = await openSession(browser);
    try {
      const word = token('tracker');
      await signIn(morocco.page, 'focal.ma@liaison.demo');
      const soon = `Crew lists ${word} soon`;
      const later = `Crew lists ${word} later`;
      const laterId = await askSpainUrgently(morocco.page, later, 6);
      const soonId = await askSpainUrgently(morocco.page, soon, 2);

      let page = morocco.page;
      await page.goto(`/messages?box=sent&kind=rfi&q=${word}`);
      const table = page.getByRole('table', { name: 'Requests for information: Sent' });
      await visible(table);
      const soonRow = table.getByRole('row').filter({ has: page.getByRole('link', { name: soon }) });
      expect(await soonRow.textContent()).toContain('in 2 days');
      expect(await soonRow.textContent()).toContain('Urgent');
      expect(await soonRow.textContent()).toContain('Open');
      expect(await soonRow.textContent()).toContain(`To: ${SPANISH_UNIT}`);
      expect(await soonRow.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
      // Newest first from the server; the deadline column sorts the page.
      const order = async () =>
        await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-rfi-id')));
      expect(await order()).toEqual([soonId, laterId]);
      await table.getByRole('button', { name: /^Deadline/ }).click();
      expect(await table.getByRole('columnheader', { name: /^Deadline/ }).getAttribute('aria-sort')).toBe('ascending');
      expect(await order()).toEqual([soonId, laterId]);
      await table.getByRole('button', { name: /^Deadline/ }).click();
      expect(await order()).toEqual([laterId, soonId]);

      await page.goto(`/messages/${soonId}`);
      await page.getByRole('button', { name: 'Close request' }).click();
      const dialog = page.getByRole('dialog', { name: 'Close this request for information?' });
      await visible(dialog);
      await expectAccessible(page, 'close request dialog');
      await dialog.getByRole('button', { name: 'Close request' }).click();
      await dialog.waitFor({ state: 'detached' });
      await visible(page.getByText('Request closed on'));
      await visible(page.getByRole('article', { name: soon }).filter({ hasText: 'Closed' }));
      expect(await page.getByRole('button', { name: 'Close request' }).count()).toBe(0);

      page = spain.page;
      await signIn(page, 'focal.es@liaison.demo');
      await page.goto(`/messages?kind=rfi&q=${word}`);
      const inbox = page.getByRole('table', { name: 'Requests for information: Inbox' });
      await visible(inbox.getByRole('row').filter({ hasText: soon }).filter({ hasText: 'Closed' }));
      await visible(inbox.getByRole('row').filter({ hasText: later }).filter({ hasText: 'Open' }));
      await page.goto(`/messages/${soonId}`);
      await visible(page.getByText('Request closed on'));
      // Only the asking unit may close a request.
      await page.goto(`/messages/${laterId}`);
      await visible(page.getByRole('article', { name: later }));
      expect(await page.getByRole('button', { name: 'Close request' }).count()).toBe(0);
      expect(morocco.errors).toEqual([]);
      expect(spain.errors).toEqual([]);
    } finally {
      await Promise.all([morocco.context.close(), spain.context.close()]);
    }
  });

  it('lets a member of two units choose the unit, and sends a user without a unit to "All messages"', async () => {
    const admin = await openSession(browser);
    const member = await openSession(browser);
    try {
      await signIn(admin.page, 'orgadmin.es@liaison.demo');
      await admin.page.goto('/messages');
      await visible(admin.page.getByText('Your account belongs to no unit'));
      expect(await admin.page.getByRole('tab').allTextContents()).toEqual(['All messages']);
      expect(await admin.page.getByRole('tab', { name: 'All messages' }).getAttribute('aria-selected')).toBe('true');
      await listed(admin.page);
      await expectAccessible(admin.page, '/messages without a unit');

      const me = await apiCall<{ organisation: { id: string } }>(admin.page, 'GET', '/api/v1/me');
      const email = `${token('twounits')}@liaison.demo`;
      const password = 'Atlantic-Two-Units-2026';
      const units = [await unitId(admin.page, SPANISH_UNIT), await unitId(admin.page, SPANISH_ANALYSIS_UNIT)];
      await apiCall(admin.page, 'POST', '/api/v1/admin/users', {
        email,
        displayName: 'Inés Ficticia',
        password,
        organisationId: me.organisation.id,
        unitIds: units,
        roles: ['focal_point'],
      });

      const page = member.page;
      await signIn(page, email, password);
      await page.goto('/messages');
      const select = page.getByRole('textbox', { name: 'Unit' }).or(page.getByRole('combobox', { name: 'Unit' }));
      await visible(select);
      // The first of the user's units is shown first; choose the other one.
      // (Each option also says how many messages of that unit are unread: "… (3 unread)".)
      const shown = await select.first().inputValue();
      const other = shown.startsWith(SPANISH_UNIT) ? SPANISH_ANALYSIS_UNIT : SPANISH_UNIT;
      expect(shown.startsWith(SPANISH_UNIT) || shown.startsWith(SPANISH_ANALYSIS_UNIT)).toBe(true);
      await select.first().click();
      await page.getByRole('option', { name: new RegExp(`^${other}`) }).click();
      await page.waitForURL((url) => url.searchParams.get('unit') === units[other === SPANISH_UNIT ? 0 : 1]);
      await listed(page);
      expect(await select.first().inputValue()).toMatch(new RegExp(`^${other}`));
      await expectAccessible(page, '/messages with the unit selector');
      // The choice is kept in the address: a reload shows the same unit's box.
      await page.reload();
      await listed(page);
      expect(await select.first().inputValue()).toMatch(new RegExp(`^${other}`));
      expect(member.errors).toEqual([]);
    } finally {
      await Promise.all([admin.context.close(), member.context.close()]);
    }
  });
});

describe('archiving what was not delivered', () => {
  it('tells another unit of the organisation that the message is not in its inbox', async () => {
    const morocco = await openSession(browser);
    const analyst = await openSession(browser);
    try {
      await signIn(morocco.page, 'focal.ma@liaison.demo');
      const subject = `Amber for the Spanish unit ${token('amber')}`;
      const sent = await apiCall<{ id: string }>(morocco.page, 'POST', '/api/v1/messages', {
        subject,
        body: 'Organisation-wide under the AMBER rule, delivered to one unit.',
        handlingCode: 'TLP:AMBER',
        distribution: [{ kind: 'unit', id: await unitId(morocco.page, SPANISH_UNIT) }],
      });
      // The analyst sits in the other Spanish unit: may read it (AMBER), but it is not in that unit's inbox.
      const page = analyst.page;
      await signIn(page, 'analyst.es@liaison.demo');
      await page.goto(`/messages/${sent.id}`);
      await visible(page.getByRole('article', { name: subject }));
      // Nothing to archive there: no button, a notice instead.
      expect(await page.getByRole('button', { name: 'Archive', exact: true }).count()).toBe(0);
      await visible(page.getByText(`This message was not delivered to the inbox of ${SPANISH_ANALYSIS_UNIT}`));
      await expectAccessible(page, '/messages/$id not delivered notice');
      expect(analyst.errors).toEqual([]);
    } finally {
      await Promise.all([morocco.context.close(), analyst.context.close()]);
    }
  });
});

describe('inboxes accessibility (axe: no serious or critical violation)', () => {
  let spain: Session;
  let rfiId: string;
  beforeAll(async () => {
    const morocco = await openSession(browser);
    await signIn(morocco.page, 'focal.ma@liaison.demo');
    rfiId = await askSpainUrgently(morocco.page, `Axe tracker check ${token('axe')}`, 3);
    await morocco.context.close();
    spain = await openSession(browser);
    await signIn(spain.page, 'focal.es@liaison.demo');
  });
  afterAll(async () => {
    await spain?.context.close();
  });

  it.each(['en', 'fr', 'ar'] as Language[])('every box, the RFI tracker and a Markdown message in %s', async (language) => {
    const { page } = spain;
    await page.goto('/messages');
    await switchLanguage(page, language);
    expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
    for (const box of ['inbox', 'archive', 'sent', 'all']) {
      await page.goto(`/messages?box=${box}`);
      await visible(page.getByRole('tab', { selected: true }));
      await visible(page.getByRole('status').filter({ hasText: /\S/ }));
      await expectAccessible(page, `/messages?box=${box} [${language}]`);
    }
    await page.goto('/messages?kind=rfi');
    await visible(page.locator('table.rfi-tracker tbody tr').first());
    await expectAccessible(page, `/messages?kind=rfi [${language}]`);

    await page.goto(`/messages/${rfiId}`);
    await visible(page.locator('.markdown-body em'));
    await expectAccessible(page, `/messages/$id [${language}]`);
    await page.getByRole('button', { name: /^(Archive|Archiver|أرشفة)$/ }).click();
    await visible(
      page.getByRole('button', { name: /^(Back to inbox|Remettre dans la boîte de réception|إعادة إلى صندوق الوارد)$/ }),
    );
    await page
      .getByRole('button', { name: /^(Back to inbox|Remettre dans la boîte de réception|إعادة إلى صندوق الوارد)$/ })
      .click();
    await visible(page.getByRole('button', { name: /^(Archive|Archiver|أرشفة)$/ }));
    expect(spain.errors).toEqual([]);
  });
});
