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
  unique,
  visible,
} from './browser.js';
import { apiCall, localDateTime, pick, unitId } from './exchange-helpers.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SPANISH_UNIT = 'Unit against illegal immigration networks';
const SPANISH_ORGANISATION = 'General Commissariat for Foreigners and Borders, National Police';

/**
 * Sends a message through the API from the signed-in page, to the Spanish unit: for the tests whose
 * subject is what a recipient can do with a message, not how it is composed.
 */
async function sendToSpain(page: Page, subject: string, handlingCode: string): Promise<string> {
  const distribution = [{ kind: 'unit', id: await unitId(page, SPANISH_UNIT) }];
  return (
    await apiCall<{ id: string }>(page, 'POST', '/api/v1/messages', {
      subject,
      body: 'Details follow.',
      handlingCode,
      distribution,
    })
  ).id;
}

const messagesLink = (page: Page) => page.getByRole('navigation').getByRole('link', { name: /^Messages/ });

/** The unread count the navigation's badge shows, 0 when it shows none; it is also in the link's name. */
async function unreadInNavigation(page: Page): Promise<number> {
  const badge = page.getByTestId('unread-badge');
  if ((await badge.count()) === 0) return 0;
  const count = Number(await badge.locator('[aria-hidden="true"]').textContent());
  await visible(page.getByRole('navigation').getByRole('link', { name: `Messages ${count} unread`, exact: true }));
  return count;
}

describe('messages and requests for information', () => {
  it('carries an RFI from Morocco to Spain and its answer back, and keeps an outsider out', async () => {
    const morocco = await openSession(browser);
    const spain = await openSession(browser);
    const senegal = await openSession(browser);
    try {
      const subject = unique('Departures from the northern coast');
      // Morocco asks.
      let page = morocco.page;
      await signIn(page, 'focal.ma@liaison.demo');
      await messagesLink(page).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Messages' }));
      await page.getByRole('link', { name: 'New message' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'New message' }));
      await page.getByRole('radio', { name: 'Request for information (RFI)' }).check();
      await pick(page, 'Recipients', 'illegal immigration', `${SPANISH_UNIT} (CGEF)`);
      await page.getByRole('radio', { name: 'TLP:AMBER', exact: true }).check();
      await page.getByRole('checkbox', { name: 'Law enforcement use only' }).check();
      await page.getByRole('textbox', { name: 'Deadline' }).fill(localDateTime(3));
      await page.getByRole('textbox', { name: 'Subject' }).fill(subject);
      await page
        .getByRole('textbox', { name: 'Message' })
        .fill("<script>alert('x')</script>\nSecond line; DROP TABLE messages;--");
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.waitForURL((url) => /^\/messages\/[0-9a-f-]{36}$/.test(url.pathname));
      const rfiPath = new URL(page.url()).pathname;
      await visible(page.getByRole('heading', { level: 1, name: subject }));
      const sent = page.getByRole('article', { name: subject });
      expect(await sent.textContent()).toContain('Open');
      expect(await sent.textContent()).toContain('Law enforcement use only');
      // The body is Markdown rendered by the server: the script is shown as text, neither run nor turned into markup.
      expect((await sent.locator('.message-body').textContent())?.trim()).toBe(
        "<script>alert('x')</script>\nSecond line; DROP TABLE messages;--",
      );
      expect(await sent.locator('.message-body script').count()).toBe(0);
      expect(await page.getByText('No unit has acknowledged this message yet.').count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);

      // Spain sees it unread, opens it, acknowledges and answers.
      page = spain.page;
      await signIn(page, 'focal.es@liaison.demo');
      await visible(page.getByTestId('unread-badge'));
      const unreadBefore = await unreadInNavigation(page);
      expect(unreadBefore).toBeGreaterThan(0);
      await messagesLink(page).click();
      const row = page.getByRole('link', { name: `Unread: ${subject}` });
      await visible(row);
      expect(await row.evaluate((link) => getComputedStyle(link).fontWeight)).toBe('700');
      await row.click();
      await visible(page.getByRole('heading', { level: 1, name: subject }));
      await page.getByRole('button', { name: 'Acknowledge' }).click();
      const readBy = page.getByRole('list', { name: 'Read by' });
      await visible(readBy.getByRole('listitem').filter({ hasText: `${SPANISH_UNIT}, ${SPANISH_ORGANISATION}` }));
      await visible(page.getByText('Your unit has acknowledged this message.'));
      expect(await page.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
      await expect.poll(() => unreadInNavigation(page)).toBe(unreadBefore - 1);

      // A received request for information is answered, not merely replied to: the form says so and links it.
      await page.getByRole('link', { name: 'Answer', exact: true }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Answer the request for information' }));
      await visible(page.getByRole('link', { name: subject, exact: true }));
      expect(await page.getByRole('textbox', { name: 'Subject' }).inputValue()).toBe(`Re: ${subject}`);
      // The reply keeps the thread's TLP:AMBER or tightens it: looser codes are not offered.
      expect(await page.getByRole('radio', { name: 'TLP:AMBER', exact: true }).isChecked()).toBe(true);
      await visible(page.getByRole('radio', { name: 'TLP:RED', exact: true }));
      for (const looser of ['TLP:GREEN', 'TLP:CLEAR']) {
        expect(await page.getByRole('radio', { name: looser, exact: true }).count()).toBe(0);
      }
      await page.getByRole('textbox', { name: 'Message' }).fill('Three departures expected on Friday night.');
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.waitForURL((url) => /^\/messages\/[0-9a-f-]{36}$/.test(url.pathname) && url.pathname !== rfiPath);
      await visible(page.getByRole('heading', { level: 2, name: 'Thread (2 messages)' }));

      // Morocco sees the RFI answered and who read it.
      page = morocco.page;
      await page.goto('/messages?box=sent&kind=rfi');
      // With kind=rfi the sent box is the RFI tracker: one table row per request.
      const sentRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: subject, exact: true }) });
      await visible(sentRow.filter({ hasText: 'Answered' }));
      await page.goto(rfiPath);
      await visible(page.getByRole('article', { name: subject }).filter({ hasText: 'Answered' }));
      await visible(page.getByRole('list', { name: 'Read by' }).getByRole('listitem').filter({ hasText: SPANISH_UNIT }));
      await visible(page.getByRole('article', { name: `Re: ${subject}` }).filter({ hasText: 'Three departures expected' }));

      // Senegal was not among the recipients: the address leads nowhere.
      page = senegal.page;
      await signIn(page, 'focal.sn@liaison.demo');
      await page.goto(rfiPath);
      await visible(page.getByRole('heading', { level: 1, name: 'Page not found' }));
      expect(await page.getByText(subject).count()).toBe(0);

      for (const session of [morocco, spain, senegal]) {
        expect(session.dialogs).toEqual([]);
        expect(session.errors).toEqual([]);
      }
    } finally {
      await Promise.all([morocco.context.close(), spain.context.close(), senegal.context.close()]);
    }
  });

  it('refuses forwards the handling code forbids, saying why', async () => {
    const morocco = await openSession(browser);
    const spain = await openSession(browser);
    try {
      await signIn(morocco.page, 'focal.ma@liaison.demo');
      const red = await sendToSpain(morocco.page, unique('Red informant report'), 'TLP:RED');
      const strict = await sendToSpain(morocco.page, unique('Strict vessel report'), 'TLP:AMBER+STRICT');

      const page = spain.page;
      await signIn(page, 'focal.es@liaison.demo');
      await page.goto(`/messages/${red}`);
      await page.getByRole('button', { name: 'Forward' }).click();
      const redDialog = page.getByRole('dialog', { name: 'Forward the message' });
      await visible(redDialog.getByRole('alert').filter({ hasText: 'TLP:RED information may not be forwarded.' }));
      expect(await redDialog.getByRole('button', { name: 'Forward' }).count()).toBe(0);
      await redDialog.getByRole('button', { name: 'Cancel' }).click();

      // Beyond Spain's own organisation: the server refuses and the dialog shows its reason.
      await page.goto(`/messages/${strict}`);
      await page.getByRole('button', { name: 'Forward' }).click();
      const dialog = page.getByRole('dialog', { name: 'Forward the message' });
      await pick(page, 'Recipients', 'All partners', 'All partners');
      await dialog.getByRole('textbox', { name: 'Note (optional)' }).fill('For your information');
      await dialog.getByRole('button', { name: 'Forward' }).click();
      await visible(
        dialog.getByRole('alert').filter({ hasText: 'TLP:AMBER+STRICT information stays inside your own organisation.' }),
      );
      expect(new URL(page.url()).pathname).toBe(`/messages/${strict}`);
      expect(spain.errors).toEqual([]);
    } finally {
      await Promise.all([morocco.context.close(), spain.context.close()]);
    }
  });
});

describe('messages accessibility (axe: no serious or critical violation)', () => {
  let morocco: Session;
  let messageId: string;
  beforeAll(async () => {
    morocco = await openSession(browser);
    await signIn(morocco.page, 'focal.ma@liaison.demo');
    messageId = await sendToSpain(morocco.page, unique('Accessibility check'), 'TLP:CLEAR');
  });
  afterAll(async () => {
    await morocco?.context.close();
  });

  it.each(['en', 'fr', 'ar'] as Language[])('inbox, compose and thread pages in %s', async (language) => {
    const { page } = morocco;
    await page.goto('/messages?box=sent');
    await switchLanguage(page, language);
    await visible(page.locator('.message-row').first());
    expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
    await expectAccessible(page, `/messages [${language}]`);

    await page.goto('/messages/new');
    await visible(page.locator('form input[type="radio"]').first());
    await page.locator('input[type="radio"][value="rfi"]').check();
    await visible(page.locator('input[type="datetime-local"]'));
    await expectAccessible(page, `/messages/new [${language}]`);

    await page.goto(`/messages/${messageId}`);
    await visible(page.locator('.thread-entry').first());
    await expectAccessible(page, `/messages/$id [${language}]`);
    expect(morocco.errors).toEqual([]);
  });
});
