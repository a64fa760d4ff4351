import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  launchBrowser,
  openSession,
  reachedPath,
  type Session,
  signIn,
  switchLanguage,
  unique,
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

/** Opens a Mantine select by its label and picks an option, as a person would with the mouse. */
async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  const box = page.getByRole('textbox', { name: label }).or(page.getByRole('combobox', { name: label }));
  await box.first().click();
  await page.getByRole('option', { name: option }).first().click();
}

/**
 * A Senegalese police case worker refers a case to the Red Cross's shelter from the case page; the
 * Red Cross case worker finds it in the unit's incoming referrals, accepts, works and completes it;
 * the referring unit sees the outcome. The pages are checked with axe in English, French and Arabic.
 */
describe('referrals', () => {
  it('carries a referral from the case page to the receiving unit and back', async () => {
    const police: Session = await openSession(browser);
    const redCross: Session = await openSession(browser);
    try {
      // The Red Cross lists its shelter in the directory (through the API: the directory has its own tests).
      let page = redCross.page;
      await signIn(page, 'caseworker.ngo@liaison.demo');
      const ngoMe = await apiCall<{ units: { id: string }[] }>(page, 'GET', '/api/v1/me');
      const providerName = unique('Refuge Espoir (fictional)');
      const provider = await apiCall<{ id: string }>(page, 'POST', '/api/v1/services', {
        name: providerName,
        kind: 'unit',
        unitId: ngoMe.units[0]?.id,
        services: ['shelter', 'psychosocial_support'],
        places: [{ country: 'SN', city: 'Dakar' }],
      });

      // The police open a case and record the person's consent to share with the shelter.
      page = police.page;
      await signIn(page, 'caseworker.sn@liaison.demo');
      const opened = await apiCall<{ id: string; reference: string }>(page, 'POST', '/api/v1/cases', {
        caseType: 'trafficking',
        person: { givenNames: 'Awa Test', familyName: 'Diallo-Exemple', dateOfBirth: '1999-09-09', nationality: 'NG' },
      });
      await apiCall(page, 'POST', `/api/v1/cases/${opened.id}/consents`, {
        scope: 'share_with_service',
        providerId: provider.id,
        fields: ['givenNames', 'familyName'],
        recordedHow: 'written',
        givenAt: new Date(Date.now() - 60_000).toISOString(),
      });

      await page.goto(`/cases/${opened.id}`);
      await visible(page.getByRole('heading', { level: 2, name: 'Referrals' }));
      await visible(page.getByText('This case has not been referred.'));
      await page.getByRole('button', { name: 'Refer', exact: true }).click();
      const form = page
        .getByRole('form', { name: 'Refer the case' })
        .or(page.locator('form[aria-labelledby="refer-form-heading"]'));
      await visible(form);
      // The form's own checks speak first.
      await page.getByRole('button', { name: 'Send the referral' }).click();
      await visible(page.getByText('Choose a provider'));

      await choose(page, 'Need served', 'Shelter');
      await choose(page, 'Service provider', providerName);
      expect(await page.getByRole('checkbox', { name: 'Shelter' }).isChecked()).toBe(true);
      await page.getByRole('radio', { name: 'High' }).check();
      await choose(page, 'Consent', `Share with a service · ${providerName}`);
      await visible(page.getByRole('checkbox', { name: 'Family name' }));
      expect(await page.getByRole('checkbox', { name: 'Date of birth' }).count()).toBe(0);
      await expectAccessible(page, 'referral form (EN)');
      await page.getByRole('button', { name: 'Send the referral' }).click();
      const row = page.getByRole('row').filter({ hasText: providerName });
      await visible(row);
      await visible(row.getByText('Sent'));

      // The Red Cross finds it in its unit's incoming referrals and answers it.
      page = redCross.page;
      await page.getByRole('navigation').getByRole('link', { name: 'Referrals', exact: true }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Referrals' }));
      const link = page.getByRole('link', { name: opened.reference });
      await visible(link);
      await expectAccessible(page, 'incoming referrals (EN)');
      await link.click();
      await visible(page.getByRole('heading', { level: 1, name: `Referral of case ${opened.reference}` }));
      await expectAccessible(page, 'referral page (EN)');

      await page.getByRole('button', { name: 'Accept', exact: true }).click();
      let dialog = page.getByRole('dialog');
      await visible(dialog);
      await dialog.getByRole('button', { name: 'Accept', exact: true }).click();
      await visible(page.getByText('Accepted', { exact: true }));
      await page.getByRole('button', { name: 'Start work' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Start work' }).click();
      await visible(page.getByText('In progress', { exact: true }));

      await page.getByRole('button', { name: 'Complete', exact: true }).click();
      dialog = page.getByRole('dialog');
      await visible(dialog);
      await choose(page, 'Outcome', 'Service provided');
      await dialog.getByRole('textbox', { name: 'Note' }).fill('Stayed ten days, then family found.');
      await expectAccessible(page, 'complete dialog (EN)');
      await dialog.getByRole('button', { name: 'Complete', exact: true }).click();
      await visible(page.getByText('Completed', { exact: true }));
      await visible(page.getByText('Service provided'));

      // The same pages in French and Arabic (right to left).
      await switchLanguage(page, 'fr');
      await visible(page.getByRole('heading', { level: 1, name: `Orientation du dossier ${opened.reference}` }));
      await expectAccessible(page, 'referral page (FR)');
      await page.goto('/referrals');
      await visible(page.getByRole('heading', { level: 1, name: 'Orientations' }));
      await expectAccessible(page, 'incoming referrals (FR)');
      await switchLanguage(page, 'ar');
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await visible(page.getByRole('heading', { level: 1, name: 'الإحالات' }));
      await expectAccessible(page, 'incoming referrals (AR)');
      await page.getByRole('link', { name: opened.reference }).click();
      await visible(page.getByRole('heading', { level: 1, name: `إحالة الملف ${opened.reference}` }));
      await expectAccessible(page, 'referral page (AR)');
      await switchLanguage(page, 'en');

      // The police see the outcome among their outgoing referrals.
      page = police.page;
      await page.goto('/referrals?box=outgoing');
      await reachedPath(page, '/referrals');
      const outgoing = page.getByRole('row').filter({ hasText: opened.reference });
      await visible(outgoing);
      await visible(outgoing.getByText('Completed'));
      await expectAccessible(page, 'outgoing referrals (EN)');
      expect([...police.errors, ...redCross.errors]).toEqual([]);
      expect([...police.dialogs, ...redCross.dialogs]).toEqual([]);
    } finally {
      await police.context.close();
      await redCross.context.close();
    }
  });

  it('hands a case to a partner unit abroad, which works on its own copy', async () => {
    const spain: Session = await openSession(browser);
    const senegal: Session = await openSession(browser);
    try {
      let page = senegal.page;
      await signIn(page, 'caseworker.sn@liaison.demo');
      const snMe = await apiCall<{ organisation: { id: string } }>(page, 'GET', '/api/v1/me');

      page = spain.page;
      await signIn(page, 'caseworker.es@liaison.demo');
      const opened = await apiCall<{ id: string; reference: string }>(page, 'POST', '/api/v1/cases', {
        caseType: 'trafficking',
        person: { givenNames: 'Grace Test', familyName: 'Okafor-Exemple', dateOfBirth: '2000-01-02', nationality: 'NG' },
      });
      await apiCall(page, 'POST', `/api/v1/cases/${opened.id}/consents`, {
        scope: 'transnational_referral',
        organisationId: snMe.organisation.id,
        fields: ['givenNames', 'nationality'],
        recordedHow: 'written',
        givenAt: new Date(Date.now() - 60_000).toISOString(),
      });
      await page.goto(`/cases/${opened.id}`);
      await page.getByRole('button', { name: 'Refer', exact: true }).click();
      await page.getByRole('radio', { name: 'To a partner abroad' }).check();
      await page.getByRole('textbox', { name: 'Find a partner unit' }).fill('Anti-trafficking');
      await choose(page, 'Partner unit abroad', 'Anti-trafficking division');
      await page.getByRole('checkbox', { name: 'Return and reintegration' }).check();
      await choose(page, 'Consent', 'Referral abroad');
      expect(await page.getByRole('checkbox', { name: 'Nationality' }).isChecked()).toBe(true);
      await expectAccessible(page, 'transnational referral form (EN)');
      await page.getByRole('button', { name: 'Send the referral' }).click();
      const row = page.getByRole('row').filter({ hasText: 'Anti-trafficking division' });
      await visible(row);
      await visible(row.getByText('Sent'));

      // Senegal sees the referral under the reference of its own copy, never Spain's.
      page = senegal.page;
      await page.goto('/referrals');
      const incoming = page.getByRole('row').filter({ hasText: 'Unit against illegal immigration networks' }).first();
      await visible(incoming);
      expect(await incoming.textContent()).not.toContain(opened.reference);
      await incoming.getByRole('link').first().click();
      await visible(page.getByRole('heading', { level: 1, name: /^Referral of case / }));
      await page.getByRole('button', { name: 'Accept', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Accept', exact: true }).click();
      await visible(page.getByText('Accepted', { exact: true }));
      await page.getByRole('link', { name: /^Open case / }).click();
      await visible(page.getByRole('heading', { level: 1, name: /^Case / }));
      await visible(page.getByText('Grace Test'));
      expect(await page.getByText('Okafor-Exemple').count()).toBe(0);

      // Spain sees the answer.
      page = spain.page;
      await page.goto('/referrals?box=outgoing');
      await visible(page.getByRole('row').filter({ hasText: opened.reference }).getByText('Accepted'));
      expect([...spain.errors, ...senegal.errors]).toEqual([]);
    } finally {
      await spain.context.close();
      await senegal.context.close();
    }
  });
});
