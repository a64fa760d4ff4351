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

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Picks an option of a searchable select by typing, as a person would. */
async function choose(page: Page, label: string, text: string, option = text) {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.click();
  await box.fill(text);
  await page.getByRole('option', { name: option, exact: true }).click();
}

const card = (page: Page, title: string) => page.getByRole('article', { name: title });

async function openDirectory(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Directory', exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Directory' }));
}

describe('directory', () => {
  it('lets a partner filter by country and language and open a function with its holder history', async () => {
    const partner = await openSession(browser);
    try {
      const { page } = partner;
      await signIn(page, 'focal.es@liaison.demo');
      await openDirectory(page);
      await visible(card(page, 'Protection contact'));
      await choose(page, 'Country', 'Morocco');
      await visible(page.getByRole('status').filter({ hasText: '2 functions' }));
      await choose(page, 'Language spoken by a holder', 'Spanish');
      await visible(page.getByRole('status').filter({ hasText: '1 function' }));
      expect(await page.getByRole('article').count()).toBe(1);
      const result = card(page, 'National anti-smuggling focal point');
      expect(await result.textContent()).toContain('Youssef Fictif');
      expect(await result.textContent()).toContain('Speaks Arabic, French, Spanish');

      await result.getByRole('link', { name: 'National anti-smuggling focal point' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'National anti-smuggling focal point' }));
      const history = page.getByRole('list', { name: 'Holder history' });
      await visible(history);
      const entries = history.getByRole('listitem');
      expect(await entries.count()).toBe(2);
      expect(await entries.nth(0).textContent()).toMatch(/Youssef Fictif.*Current.*Since/);
      expect(await entries.nth(1).textContent()).toMatch(/Nadia Démo.*Past.*From .* to /);
      // The past holder's address is not published; a partner does not manage another organisation's function.
      expect(await entries.nth(1).getByRole('link').count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'Manage this function' }).count()).toBe(0);
      expect(partner.errors).toEqual([]);
    } finally {
      await partner.context.close();
    }
  });

  it('lets the Moroccan org admin assign a new holder', async () => {
    const admin = await openSession(browser);
    try {
      const { page } = admin;
      await signIn(page, 'orgadmin.ma@liaison.demo');
      await openDirectory(page);
      await page.getByRole('searchbox', { name: 'Search titles, units and organisations' }).fill('risk analysis');
      await visible(page.getByRole('status').filter({ hasText: '1 function' }));
      await card(page, 'Risk analysis contact').getByRole('link', { name: 'Risk analysis contact' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Risk analysis contact' }));

      await visible(page.getByRole('heading', { name: 'Manage this function' }));
      await choose(page, 'Person', 'Leila', 'Leila Modèle (reader.ma@liaison.demo)');
      await page.getByRole('textbox', { name: 'Note (optional)' }).fill('Deputy during the summer');
      await page.getByRole('button', { name: 'Assign', exact: true }).click();
      await visible(page.getByRole('status').filter({ hasText: 'The holder has been assigned.' }));
      const history = page.getByRole('list', { name: 'Holder history' });
      await visible(history.getByRole('listitem').filter({ hasText: 'Leila Modèle' }));
      expect(await history.getByRole('listitem').filter({ hasText: 'Leila Modèle' }).textContent()).toContain(
        'Note: Deputy during the summer',
      );
      expect(await history.getByRole('listitem').count()).toBe(2);
      await visible(page.getByRole('button', { name: 'End the period of Leila Modèle today' }));
      expect(admin.errors).toEqual([]);
    } finally {
      await admin.context.close();
    }
  });
});

describe('directory accessibility (axe: no serious or critical violation)', () => {
  let admin: Session;
  beforeAll(async () => {
    admin = await openSession(browser);
    await signIn(admin.page, 'orgadmin.ma@liaison.demo');
  });
  afterAll(async () => {
    await admin?.context.close();
  });

  it.each(['en', 'fr', 'ar'] as Language[])('directory and function pages in %s', async (language) => {
    const { page } = admin;
    await page.goto('/directory');
    await switchLanguage(page, language);
    await visible(page.getByRole('article').first());
    expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
    await expectAccessible(page, `/directory [${language}]`);
    await page.getByRole('article').filter({ hasText: 'DMSF' }).first().getByRole('link').first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/directory/functions/'));
    await visible(page.locator('ol.directory-timeline'));
    await visible(page.locator('#manage-function'));
    await expectAccessible(page, `/directory/functions [${language}]`);
  });
});
