import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openSession, signIn, switchLanguage, unique, visible } from './browser.js';
import { apiCall, unitId } from './exchange-helpers.js';

/** No dead ends in the exchange: finding recipients, writing from the directory, reading threads, places on the map. */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SPANISH_UNIT = 'Unit against illegal immigration networks';
const ATLANTIC_LIAISON = 'Liaison officer for the Atlantic route';

const recipients = (page: Page) =>
  page.getByRole('textbox', { name: 'Recipients' }).or(page.getByRole('combobox', { name: 'Recipients' }));

async function search(page: Page, text: string) {
  await recipients(page).first().click();
  await recipients(page).first().fill(text);
}

/** The unread count the navigation's badge shows, 0 when it shows none. */
async function unreadInNavigation(page: Page): Promise<number> {
  const badge = page.getByTestId('unread-badge');
  if ((await badge.count()) === 0) return 0;
  return Number(await badge.locator('[aria-hidden="true"]').textContent());
}

describe('the exchange without dead ends', () => {
  it('finds Spanish units by the country’s name in any language, and by the organisation’s acronym', async () => {
    const morocco = await openSession(browser);
    try {
      const page = morocco.page;
      await signIn(page, 'focal.ma@liaison.demo');
      await page.goto('/messages/new');
      await visible(page.getByRole('heading', { level: 1, name: 'New message' }));
      for (const text of ['Spain', 'Espagne', 'España', 'إسبانيا', 'CGEF']) {
        await search(page, text);
        await visible(page.getByRole('option', { name: `${SPANISH_UNIT} (CGEF)`, exact: true }));
        await visible(page.getByRole('option', { name: 'Border analysis centre (CGEF)', exact: true }));
        // Senegal's units are not what was asked for.
        expect(await page.getByRole('option', { name: 'Dakar airport border post (DPAF)', exact: true }).count()).toBe(0);
      }
      await page.getByRole('option', { name: `${SPANISH_UNIT} (CGEF)`, exact: true }).click();
      await page.keyboard.press('Escape');
      await expectAccessible(page, 'compose with a recipient found by country');
      expect(morocco.errors).toEqual([]);
    } finally {
      await morocco.context.close();
    }
  });

  it('writes to a function from its page, shows its phone left to right in Arabic, and sends to it', async () => {
    const morocco = await openSession(browser);
    try {
      const page = morocco.page;
      await signIn(page, 'focal.ma@liaison.demo');
      await page.goto(`/directory?q=${encodeURIComponent('Atlantic route')}`);
      await page.getByRole('link', { name: ATLANTIC_LIAISON }).first().click();
      await visible(page.getByRole('heading', { level: 1, name: ATLANTIC_LIAISON }));
      const phone = page.getByRole('link', { name: '+34 910 00 02 02' });
      await visible(phone);
      expect(await phone.getAttribute('href')).toBe('tel:+34910000202');
      await expectAccessible(page, 'function page');

      await page.getByRole('link', { name: 'Write to this function' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'New message' }));
      expect(new URL(page.url()).searchParams.get('to')).toMatch(/^function:[0-9a-f-]{36}$/);
      await visible(page.locator('.mantine-MultiSelect-pill').filter({ hasText: ATLANTIC_LIAISON }));
      const subject = unique('Written from the directory');
      await page.getByRole('textbox', { name: 'Subject' }).fill(subject);
      await page.getByRole('textbox', { name: 'Message' }).fill('Who covers the Atlantic route this month?');
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.waitForURL((url) => /^\/messages\/[0-9a-f-]{36}$/.test(url.pathname));
      const id = new URL(page.url()).pathname.split('/').pop() as string;
      const sent = await apiCall<{ distribution: { functions: string[] } }>(page, 'GET', `/api/v1/messages/${id}`);
      expect(sent.distribution.functions).toHaveLength(1);

      // In Arabic the number keeps its left-to-right order.
      await page.goBack();
      await page.goBack();
      await switchLanguage(page, 'ar');
      const arabicPhone = page.locator('a[href="tel:+34910000202"]');
      await visible(arabicPhone);
      expect(await arabicPhone.getAttribute('dir')).toBe('ltr');
      expect(await arabicPhone.evaluate((link) => getComputedStyle(link).direction)).toBe('ltr');
      expect(morocco.errors).toEqual([]);
    } finally {
      await morocco.context.close();
    }
  });

  it('answers a received request for information in its thread, and reads the whole thread on opening it', async () => {
    const morocco = await openSession(browser);
    const spain = await openSession(browser);
    try {
      await signIn(morocco.page, 'focal.ma@liaison.demo');
      const to = [{ kind: 'unit', id: await unitId(morocco.page, SPANISH_UNIT) }];
      const subject = unique('Crossings this week');
      const rfi = await apiCall<{ id: string }>(morocco.page, 'POST', '/api/v1/messages', {
        kind: 'rfi',
        subject,
        body: 'How many crossings this week?',
        handlingCode: 'TLP:AMBER',
        distribution: to,
        deadline: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      });
      const followUp = await apiCall<{ id: string }>(morocco.page, 'POST', '/api/v1/messages', {
        subject: `Re: ${subject}`,
        body: 'Also by departure point, please.',
        handlingCode: 'TLP:AMBER',
        distribution: to,
        inReplyTo: rfi.id,
      });

      const page = spain.page;
      await signIn(page, 'focal.es@liaison.demo');
      await visible(page.getByTestId('unread-badge'));
      const before = await unreadInNavigation(page);
      expect(before).toBeGreaterThanOrEqual(2);
      // Opening the follow-up shows the whole thread: both messages leave the count.
      await page.goto(`/messages/${followUp.id}`);
      await visible(page.getByRole('heading', { level: 2, name: 'Thread (2 messages)' }));
      await expect.poll(() => unreadInNavigation(page)).toBe(before - 2);

      await page.goto(`/messages/${rfi.id}`);
      await page.getByRole('link', { name: 'Answer', exact: true }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Answer the request for information' }));
      await visible(page.getByRole('link', { name: subject }));
      // Back to the asking unit, in Morocco.
      await visible(page.locator('.mantine-MultiSelect-pill').filter({ hasText: 'DMSF' }));
      expect(await page.getByRole('radio', { name: 'TLP:AMBER', exact: true }).isChecked()).toBe(true);
      await expectAccessible(page, 'answering an RFI');
      await page.getByRole('textbox', { name: 'Message' }).fill('Twelve crossings, mostly from Tarfaya.');
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.waitForURL((url) => /^\/messages\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(rfi.id));
      await visible(page.getByRole('heading', { level: 2, name: 'Thread (3 messages)' }));
      const answered = await apiCall<{ status: string }>(morocco.page, 'GET', `/api/v1/messages/${rfi.id}`);
      expect(answered.status).toBe('answered');
      for (const session of [morocco, spain]) expect(session.errors).toEqual([]);
    } finally {
      await Promise.all([morocco.context.close(), spain.context.close()]);
    }
  });

  it('frames the map on the alerts shown and says where they are as places, coordinates on demand', async () => {
    const morocco = await openSession(browser);
    try {
      const page = morocco.page;
      await signIn(page, 'focal.ma@liaison.demo');
      const title = unique('Pirogues off Nouadhibou');
      const alert = await apiCall<{ id: string }>(page, 'POST', '/api/v1/alerts', {
        title,
        category: 'new_route',
        severity: 'high',
        validUntil: new Date(Date.now() + 5 * 86_400_000).toISOString(),
        area: { countries: ['MR'], geometry: { type: 'Point', coordinates: [-17.3, 20.9] } },
        description: 'Departures at night.',
        observables: [],
        handlingCode: 'TLP:GREEN',
        distribution: [{ kind: 'all_partners' }],
      });
      await page.goto(`/alerts?view=map&q=${encodeURIComponent(title)}`);
      const table = page.getByRole('table', { name: 'Alerts with a point or area' });
      const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
      await visible(row.filter({ hasText: 'near Nouadhibou, Mauritania' }));
      expect(await row.getByText('20.9000, -17.3000').isVisible()).toBe(false);
      await row.getByText('Show coordinates').click();
      await visible(row.getByText('20.9000, -17.3000'));
      // The map is framed on the alert: its point sits inside the visible map.
      const point = page.locator(`path[data-alert="${alert.id}"]`);
      await visible(point);
      const map = (await page.getByTestId('country-map').boundingBox())!;
      const at = (await point.boundingBox())!;
      expect(at.x).toBeGreaterThan(map.x);
      expect(at.x + at.width).toBeLessThan(map.x + map.width);
      expect(at.y).toBeGreaterThan(map.y);
      expect(at.y + at.height).toBeLessThan(map.y + map.height);
      await expectAccessible(page, 'alerts map with places');

      await page.goto(`/alerts/${alert.id}`);
      await visible(page.getByText('near Nouadhibou, Mauritania'));
      // In Arabic, the place and its country in Arabic.
      await switchLanguage(page, 'ar');
      await visible(page.getByText('قرب نواذيبو، موريتانيا'));
      expect(morocco.errors).toEqual([]);
    } finally {
      await morocco.context.close();
    }
  });
});
