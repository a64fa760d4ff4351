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
import { apiCall, pick, SPANISH_UNIT, token } from './exchange-helpers.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a plain (not searchable) select by its label and picks an option. */
async function choose(page: Page, label: string, option: string) {
  await page
    .getByRole('textbox', { name: label, exact: true })
    .or(page.getByRole('combobox', { name: label, exact: true }))
    .first()
    .click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const HEADINGS: Record<Language, string> = { en: 'Services', fr: 'Services', ar: 'الخدمات' };

describe('the services directory', () => {
  it('lets a Spanish case worker add a provider through the form, find it by filters and on the map, edit and deactivate it', async () => {
    const spain = await openSession(browser);
    const morocco = await openSession(browser);
    try {
      const name = `Casa Abierta ${token('e2e')} (fictional)`;
      const page = spain.page;
      await signIn(page, 'caseworker.es@liaison.demo');
      await page.getByRole('navigation').getByRole('link', { name: 'Services', exact: true }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Services' }));
      await page.getByRole('link', { name: 'Add a provider' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Add a provider' }));
      await expectAccessible(page, 'new provider form (en)');

      // The form's own checks speak before anything is sent.
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await visible(page.getByText('Choose at least one need.'));
      expect(await page.getByText('Required').count()).toBeGreaterThan(0);

      await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
      await choose(page, 'Kind', 'A unit on the platform');
      await pick(page, 'Unit', 'illegal immigration', `${SPANISH_UNIT} — CGEF`);
      await pick(
        page,
        'Contact function',
        'Atlantic',
        'Liaison officer for the Atlantic route — Unit against illegal immigration networks (CGEF)',
      );
      await pick(page, 'Needs served', 'Shel', 'Shelter');
      await pick(page, 'Needs served', 'Legal', 'Legal aid');
      await pick(page, 'Languages spoken', 'Spani', 'Spanish');
      await page.getByRole('textbox', { name: 'Opening hours' }).fill('24/7');
      await page.getByRole('textbox', { name: 'Capacity (persons at once)' }).fill('14');
      await pick(page, 'Country', 'Spai', 'Spain');
      await page.getByRole('textbox', { name: 'City', exact: true }).fill('Almería');
      await page.getByRole('textbox', { name: 'Latitude', exact: true }).fill('36.84');
      await page.getByRole('textbox', { name: 'Longitude', exact: true }).fill('-2.46');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.waitForURL((url) => /^\/services\/[0-9a-f-]{36}$/.test(url.pathname));
      const providerPath = new URL(page.url()).pathname;
      await visible(page.getByRole('heading', { level: 1, name }));
      await visible(page.getByText('14 persons at once'));
      await visible(page.getByText('atlantic.liaison@cgef.demo'));
      await visible(page.getByText('Almería, Spain'));
      await expectAccessible(page, 'provider page (en)');

      // Found by words and need, in the list and on the map, in the three languages.
      await page.goto(`/services?q=${encodeURIComponent(name)}`);
      const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) });
      await visible(card);
      await choose(page, 'Need', 'Shelter');
      await visible(card);
      await choose(page, 'Need', 'Medical care');
      await visible(page.getByText('No provider matches these filters.'));
      await page.goto(`/services?q=${encodeURIComponent(name)}&view=map`);
      await visible(page.getByTestId('services-map'));
      await visible(page.getByRole('cell', { name, exact: true }));
      expect(await page.locator(`path[data-provider]`).count()).toBe(1);
      for (const language of ['en', 'fr', 'ar'] as const) {
        await switchLanguage(page, language);
        await visible(page.getByRole('heading', { level: 1, name: HEADINGS[language] }));
        await expectAccessible(page, `services map (${language})`);
        await page.getByRole('tab').first().click();
        await visible(page.getByRole('link', { name, exact: true }));
        await expectAccessible(page, `services list (${language})`);
        await page.getByRole('tab').nth(1).click();
      }
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await page.goto(providerPath);
      await expectAccessible(page, 'provider page (ar)');
      await switchLanguage(page, 'en');

      // Another organisation reads it but is offered no change.
      await signIn(morocco.page, 'caseworker.ma@liaison.demo');
      await morocco.page.goto(providerPath);
      await visible(morocco.page.getByRole('heading', { level: 1, name }));
      expect(await morocco.page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
      expect(await morocco.page.getByRole('button', { name: 'Deactivate' }).count()).toBe(0);

      // Its organisation edits it, then deactivates it.
      await page.goto(providerPath);
      await page.getByRole('link', { name: 'Edit', exact: true }).click();
      await visible(page.getByRole('heading', { level: 1, name: `Edit ${name}` }));
      await expectAccessible(page, 'edit provider form (en)');
      await page.getByRole('textbox', { name: 'Capacity (persons at once)' }).fill('20');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await reachedPath(page, providerPath);
      await visible(page.getByText('20 persons at once'));
      await page.getByRole('button', { name: 'Deactivate', exact: true }).click();
      await page.getByRole('dialog').getByRole('textbox', { name: 'Why (optional)' }).fill('Moved to another city');
      await page.getByRole('dialog').getByRole('button', { name: 'Deactivate', exact: true }).click();
      await visible(page.getByText('This entry is deactivated: it is kept, but no longer offered for referrals.'));
      const found = await apiCall<{ total: number }>(page, 'GET', `/api/v1/services?q=${encodeURIComponent(name)}`);
      expect(found.total).toBe(0);
      expect(spain.errors).toEqual([]);
      expect(spain.dialogs).toEqual([]);
    } finally {
      await spain.context.close();
      await morocco.context.close();
    }
  });

  it('shows the server’s refusal at the field it concerns', async () => {
    const spain = await openSession(browser);
    const admin = await openSession(browser);
    try {
      // A unit of the case worker's organisation that is closed while the form is being filled in.
      await signIn(admin.page, 'orgadmin.es@liaison.demo');
      const unitName = `Closing unit ${token('u')}`;
      const me = await apiCall<{ organisation: { id: string } }>(admin.page, 'GET', '/api/v1/me');
      const unit = await apiCall<{ id: string }>(admin.page, 'POST', '/api/v1/admin/units', {
        organisationId: me.organisation.id,
        name: unitName,
      });
      const page = spain.page;
      await signIn(page, 'caseworker.es@liaison.demo');
      await page.goto('/services/new');
      await page.getByRole('textbox', { name: 'Name', exact: true }).fill(`Refused ${token('r')}`);
      await choose(page, 'Kind', 'A unit on the platform');
      await pick(page, 'Unit', 'Closing unit', `${unitName} — CGEF`);
      await pick(page, 'Needs served', 'Shel', 'Shelter');
      await pick(page, 'Country', 'Spai', 'Spain');
      await apiCall(admin.page, 'PATCH', `/api/v1/admin/units/${unit.id}`, { active: false });
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      // English readers read the server's own sentence; the unit field carries it.
      await visible(page.getByText('The unit does not exist or does not belong to your organisation.'));
      await reachedPath(page, '/services/new');
    } finally {
      await spain.context.close();
      await admin.context.close();
    }
  });
});
