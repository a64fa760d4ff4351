import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, expectAccessible, launchBrowser, openSession, signIn, switchLanguage, visible } from './browser.js';
import { askSpain, SPANISH_UNIT, token } from './exchange-helpers.js';

/**
 * Home as a work queue: what waits for the signed-in person (open RFIs, unread messages, new alerts),
 * what their roles let them do (no "New message" for a reader, no administration for a focal point),
 * in English and Arabic, with the navigation beside the content, never over it.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * The navigation never covers the page: in LTR the page's content begins where the navigation ends,
 * in RTL it ends where the navigation begins. Measured on the content (the main region itself spans
 * the window, its padding making room for the navigation).
 */
async function expectBesideNavigation(page: Page, direction: 'ltr' | 'rtl') {
  const navigation = await page.getByRole('navigation').first().boundingBox();
  const content = await page.locator('#main-content > *').first().boundingBox();
  expect(navigation).not.toBeNull();
  expect(content).not.toBeNull();
  if (!navigation || !content) return;
  if (direction === 'ltr') expect(content.x).toBeGreaterThanOrEqual(navigation.x + navigation.width - 1);
  else expect(content.x + content.width).toBeLessThanOrEqual(navigation.x + 1);
}

/**
 * Signs in from /login while watching every frame: how far the page's content ever came under the
 * navigation (in pixels, LTR) from the moment the navigation appeared until the page settled.
 */
async function signInWatchingOverlap(page: Page, email: string): Promise<number> {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'E-mail address' }).fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(DEMO_PASSWORD);
  await page.evaluate(() => {
    const state = { overlap: 0, frames: 0 };
    (window as unknown as { overlapWatch: typeof state }).overlapWatch = state;
    const frame = () => {
      const navigation = document.querySelector('nav');
      const content = document.querySelector('#main-content > *');
      if (navigation && content) {
        state.frames += 1;
        const overlap = navigation.getBoundingClientRect().right - content.getBoundingClientRect().left;
        state.overlap = Math.max(state.overlap, overlap);
      }
      if (state.frames < 60) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.waitForFunction(() => (window as unknown as { overlapWatch: { frames: number } }).overlapWatch.frames >= 60);
  return page.evaluate(() => (window as unknown as { overlapWatch: { overlap: number } }).overlapWatch.overlap);
}

/** The links of a Home card's list, in order. */
const cardLinks = (page: Page, heading: string | RegExp) =>
  page.getByRole('region', { name: heading }).getByRole('listitem').getByRole('link');

describe('Home, the work queue', () => {
  it('shows a focal point the RFIs waiting for their unit, overdue first, beside the navigation, in English and Arabic', async () => {
    const morocco = await openSession(browser);
    const spain = await openSession(browser);
    try {
      await signIn(morocco.page, 'focal.ma@liaison.demo');
      const later = `Crossings next week ${token('w')}`;
      const soon = `Boat registrations ${token('r')}`;
      await askSpain(morocco.page, later, 3 * 86_400_000);
      // Its deadline passes while the focal point signs in: it is overdue when Home asks.
      await askSpain(morocco.page, soon, 3_000);
      await new Promise((resolve) => setTimeout(resolve, 3_500));

      const page = spain.page;
      // The navigation appears with the session: the content must never pass under it, not even for a frame.
      expect(await signInWatchingOverlap(page, 'focal.es@liaison.demo')).toBeLessThanOrEqual(1);
      await visible(page.getByRole('heading', { level: 1 }));
      expect(new URL(page.url()).pathname).toBe('/');
      const rfis = page.getByRole('region', { name: 'Open requests for information' });
      await visible(rfis.getByRole('link', { name: later }));
      const subjects = await cardLinks(page, 'Open requests for information').allTextContents();
      expect(subjects.indexOf(soon)).toBeGreaterThanOrEqual(0);
      expect(subjects.indexOf(soon)).toBeLessThan(subjects.indexOf(later));
      expect(subjects[0]).toBe(soon);
      const overdueRow = rfis.getByRole('listitem').filter({ hasText: soon });
      await visible(overdueRow.getByText('Overdue', { exact: true }));
      await visible(
        rfis
          .getByRole('listitem')
          .filter({ hasText: later })
          .getByText(/^Answer by /),
      );
      await visible(rfis.getByText(/^\d+ open · \d+ overdue$/));
      await visible(page.getByRole('region', { name: 'Unread messages' }).getByRole('link', { name: SPANISH_UNIT }));
      await visible(page.getByRole('region', { name: 'New alerts for your area' }).getByRole('link', { name: 'All alerts' }));
      // A focal point curates nothing and administers nothing.
      expect(await page.getByRole('region', { name: 'Documents waiting for review' }).count()).toBe(0);
      expect(await page.getByTestId('admin-nav').count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0);
      await expectBesideNavigation(page, 'ltr');
      await expectAccessible(page, 'home (en)');

      await rfis.getByRole('link', { name: soon }).click();
      await page.waitForURL((url) => /^\/messages\/[0-9a-f-]{36}$/.test(url.pathname));
      await visible(page.getByRole('heading', { level: 1, name: soon }));

      await page.goto('/');
      await switchLanguage(page, 'ar');
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      const arabic = page.getByRole('region', { name: 'طلبات المعلومات المفتوحة' });
      await visible(arabic.getByRole('link', { name: later }));
      await visible(arabic.getByText('متأخر', { exact: true }));
      await visible(page.getByRole('region', { name: 'الرسائل غير المقروءة' }));
      await visible(page.getByRole('region', { name: 'تنبيهات جديدة لمنطقتك' }));
      await expectBesideNavigation(page, 'rtl');
      await expectAccessible(page, 'home (ar)');
      await switchLanguage(page, 'en');
      expect(spain.errors).toEqual([]);
    } finally {
      await morocco.context.close();
      await spain.context.close();
    }
  });

  it('offers a reader nothing to send, where the buttons used to be', async () => {
    const morocco = await openSession(browser);
    const reader = await openSession(browser);
    try {
      await signIn(morocco.page, 'focal.ma@liaison.demo');
      const subject = `Ferry schedules ${token('f')}`;
      const id = await askSpain(morocco.page, subject, 2 * 86_400_000);

      const page = reader.page;
      await signIn(page, 'reader.es@liaison.demo');
      await visible(page.getByRole('region', { name: 'Open requests for information' }).getByRole('link', { name: subject }));
      await expectBesideNavigation(page, 'ltr');

      await page.goto('/messages');
      await visible(page.getByRole('heading', { level: 1, name: 'Messages' }));
      await visible(page.getByRole('link', { name: new RegExp(`${subject}$`) }));
      expect(await page.getByRole('link', { name: 'New message' }).count()).toBe(0);

      await page.goto(`/messages/${id}`);
      await visible(page.getByRole('heading', { level: 1, name: subject }));
      expect(await page.getByRole('link', { name: 'Reply' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Forward' }).count()).toBe(0);

      await page.goto('/alerts');
      await visible(page.getByRole('heading', { level: 1, name: 'Early-warning alerts' }));
      expect(await page.getByRole('link', { name: 'Issue an alert' }).count()).toBe(0);
      expect(await page.getByTestId('admin-nav').count()).toBe(0);
    } finally {
      await morocco.context.close();
      await reader.context.close();
    }
  });

  it('shows curators the drafts waiting for review, and administrators their navigation', async () => {
    const admin = await openSession(browser);
    try {
      const page = admin.page;
      await signIn(page, 'admin@liaison.demo');
      await visible(
        page.getByRole('region', { name: 'Documents waiting for review' }).getByRole('link', { name: 'All documents in review' }),
      );
      await visible(page.getByRole('region', { name: 'Library imports' }));
      await visible(page.getByTestId('admin-nav').getByRole('link', { name: 'Organisations' }));
      await expectBesideNavigation(page, 'ltr');
    } finally {
      await admin.context.close();
    }
  });
});
