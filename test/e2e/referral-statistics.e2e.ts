import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  type Language,
  launchBrowser,
  openSession,
  reachedPath,
  signIn,
  switchLanguage,
  visible,
} from './browser.js';
import { apiCall } from './exchange-helpers.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Six cases of Senegalese women in their twenties, opened through the API by Senegal's case worker. */
async function openCases(page: Page) {
  for (let i = 0; i < 6; i += 1) {
    await apiCall(page, 'POST', '/api/v1/cases', {
      caseType: 'trafficking',
      person: { givenNames: 'Awa', familyName: `Diop ${i}`, dateOfBirth: '2000-06-01', sex: 'female', nationality: 'SN' },
    });
  }
}

async function choose(page: Page, label: string, option: string) {
  await page
    .getByRole('textbox', { name: label, exact: true })
    .or(page.getByRole('combobox', { name: label, exact: true }))
    .first()
    .click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('referral statistics', () => {
  it('counts cases by the dimensions picked, hides small counts, and reads well in three languages', async () => {
    const { page, context } = await openSession(browser);
    try {
      await signIn(page, 'caseworker.sn@liaison.demo');
      await openCases(page);
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Referral statistics', exact: true })
        .click();
      await reachedPath(page, '/referral-statistics');
      await visible(page.getByRole('heading', { level: 1, name: 'Referral statistics' }));
      const table = page.getByTestId('statistics-table');
      await visible(table);

      await choose(page, 'Count cases by', 'Sex');
      await visible(table.getByRole('columnheader', { name: 'Sex' }));
      const female = table.getByRole('row', { name: /^Female/ });
      await visible(female);
      // At least the six women: a published count, a multiple of 5.
      await expect.poll(async () => (await female.getByRole('cell').last().textContent())?.trim()).toMatch(/^[1-9][0-9]*$/);
      expect(Number((await female.getByRole('cell').last().textContent())?.replace(/\D/g, '')) % 5).toBe(0);
      // "Other" sex: no case, shown as <5 like every small count.
      await visible(table.getByRole('row', { name: /^Other/ }).getByText('<5'));

      await choose(page, 'And by', 'Age band');
      await visible(table.getByRole('columnheader', { name: '18-25' }));
      await visible(page.getByTestId('statistics-bars'));
      await visible(page.getByTestId('statistics-months'));
      await visible(page.getByRole('link', { name: 'Download the anonymised cases (CSV)' }));

      for (const language of ['en', 'fr', 'ar'] as Language[]) {
        await switchLanguage(page, language);
        await visible(page.getByTestId('statistics-table'));
        expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
        await expectAccessible(page, `referral statistics (${language})`);
      }
      await switchLanguage(page, 'en');
    } finally {
      await context.close();
    }
  });
});
