import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openSession, signIn, switchLanguage, unique, visible } from './browser.js';
import { apiCall, unitId } from './exchange-helpers.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SPANISH_UNIT = 'Unit against illegal immigration networks';

/** Sends a message to the Spanish unit through the API from the signed-in page; returns its id. */
async function sendToSpain(page: Page, subject: string): Promise<string> {
  const distribution = [{ kind: 'unit', id: await unitId(page, SPANISH_UNIT) }];
  const body = { subject, body: 'Details follow.', handlingCode: 'TLP:AMBER', distribution };
  return (await apiCall<{ id: string }>(page, 'POST', '/api/v1/messages', body)).id;
}

async function unread(page: Page): Promise<number> {
  const badge = page.getByTestId('unread-badge');
  return (await badge.count()) === 0 ? 0 : Number(await badge.locator('[aria-hidden="true"]').textContent());
}

const status = (page: Page) => page.getByRole('status').filter({ has: page.getByText(/^(Live|En direct|مباشر)$/) });

describe('live updates', () => {
  it('shows a message sent to Spain in its open inbox within seconds, without a reload', async () => {
    const spain = await openSession(browser);
    const morocco = await openSession(browser);
    try {
      await signIn(spain.page, 'focal.es@liaison.demo');
      await spain.page.goto('/messages');
      await visible(spain.page.getByRole('heading', { level: 1, name: 'Messages' }));
      await visible(status(spain.page));
      expect(await spain.page.getByTestId('live-status').getAttribute('aria-live')).toBe('polite');
      const before = await unread(spain.page);
      // A mark that a reload would wipe out.
      await spain.page.evaluate(() => Object.assign(window, { liveTestMark: true }));

      await signIn(morocco.page, 'focal.ma@liaison.demo');
      const subject = unique('Live departure notice');
      const sentAt = Date.now();
      await sendToSpain(morocco.page, subject);
      await visible(spain.page.getByRole('link', { name: `Unread: ${subject}` }), 5000);
      await expect.poll(() => unread(spain.page), { timeout: Math.max(500, 5000 - (Date.now() - sentAt)) }).toBe(before + 1);
      expect(Date.now() - sentAt).toBeLessThan(5000);
      expect(await spain.page.evaluate(() => (window as unknown as { liveTestMark?: boolean }).liveTestMark)).toBe(true);
      await visible(status(spain.page));
      for (const session of [spain, morocco]) {
        expect(session.dialogs).toEqual([]);
        expect(session.errors).toEqual([]);
      }
    } finally {
      await Promise.all([spain.context.close(), morocco.context.close()]);
    }
  });

  it('says so in the header, accessibly, in English, French and Arabic', async () => {
    const session = await openSession(browser);
    try {
      const page = session.page;
      await signIn(page, 'reader.es@liaison.demo');
      for (const [language, label] of [
        ['en', 'Live'],
        ['fr', 'En direct'],
        ['ar', 'مباشر'],
      ] as const) {
        await switchLanguage(page, language);
        await visible(page.getByRole('banner').getByRole('status').filter({ hasText: label }));
        await expectAccessible(page, `header with live status (${language})`);
      }
      await switchLanguage(page, 'en');
    } finally {
      await session.context.close();
    }
  });
});
