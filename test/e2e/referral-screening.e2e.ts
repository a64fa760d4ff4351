import type { Browser, Locator, Page } from 'playwright-core';
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
import { apiCall, token } from './exchange-helpers.js';

/**
 * The case page's screening and consent sections in Chromium: a case worker screens a case (the
 * suggestions follow the answers, the worker decides), records the person's consent to a suggested
 * service and withdraws it; a child's case records best-interests steps instead; EN, FR and AR pass axe.
 */
let browser: Browser;
let worker: Session;
const cases = { adult: '', child: '' };
/** A shelter of the directory in Morocco, so the screening has a service to suggest whatever the demo holds. */
const shelter = `Maison Amal ${token('s')}`;

beforeAll(async () => {
  browser = await launchBrowser();
  worker = await openSession(browser);
  await signIn(worker.page, 'caseworker.ma@liaison.demo');
  await apiCall(worker.page, 'POST', '/api/v1/services', {
    name: shelter,
    kind: 'independent',
    services: ['shelter', 'legal_aid', 'psychosocial_support'],
    places: [{ country: 'MA', city: 'Tanger' }],
  });
  for (const kind of ['adult', 'child'] as const) {
    const opened = await apiCall<{ id: string }>(worker.page, 'POST', '/api/v1/cases', {
      caseType: kind === 'child' ? 'unaccompanied_child' : 'trafficking',
      isChild: kind === 'child',
      person: { givenNames: 'Awa', familyName: `Screen${token(kind)}` },
    });
    cases[kind] = opened.id;
  }
});
afterAll(async () => {
  await browser?.close();
});

/** Picks an option of a Mantine select, as a person would. */
async function choose(page: Page, scope: Page | Locator, label: string, option: string) {
  const box = scope
    .getByRole('textbox', { name: label, exact: true })
    .or(scope.getByRole('combobox', { name: label, exact: true }));
  await box.first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const answer = (scope: Locator, question: string, value: string) =>
  scope.getByRole('radiogroup', { name: question }).getByRole('radio', { name: value, exact: true }).check();

describe('screening and consent on the case page', () => {
  it('a case worker screens a case: suggestions follow the answers, the worker decides', async () => {
    const { page, errors } = worker;
    await switchLanguage(page, 'en');
    await page.goto(`/cases/${cases.adult}`);
    const section = page.getByTestId('screening-section');
    await visible(section.getByText('No screening recorded yet.'));
    await section.getByRole('button', { name: 'New screening' }).click();
    const form = section.getByRole('form', { name: 'New screening' });
    await visible(form.getByRole('heading', { name: 'Deception' }));
    const live = form.getByRole('region', { name: 'What the answers suggest' });
    await visible(live.getByText('No trafficking indicator'));

    await answer(form, 'Did the person work without pay?', 'Yes');
    await answer(form, 'Were the person’s identity or travel documents taken away?', 'Yes');
    await answer(form, 'Does the person say they are under 18?', 'No');
    await visible(live.getByText('Presumed victim'));
    await visible(live.getByText('Coercion, Exploitation'));
    await expectAccessible(page, '/cases/$id new screening');

    // Nothing chosen yet: the form says so before sending anything.
    await form.getByRole('button', { name: 'Record the screening' }).click();
    await visible(form.getByText('Choose one').first());
    await form.getByRole('button', { name: 'Use the suggestions' }).click();
    expect(await form.getByRole('checkbox', { name: 'Shelter' }).isChecked()).toBe(true);
    // The worker decides otherwise on the urgency.
    await choose(page, form, 'Urgency', 'Normal');
    await form.getByRole('textbox', { name: 'Notes' }).fill('Met at the bus station, tired.');
    await form.getByRole('button', { name: 'Record the screening' }).click();

    const latest = section.getByTestId('latest-screening');
    await visible(latest.getByText('Met at the bus station, tired.'));
    await visible(latest.getByText('Presumed victim').first());
    await visible(latest.getByText('Normal'));
    await visible(latest.getByTestId('suggested-services').getByText(shelter));
    await expectAccessible(page, '/cases/$id screened');
    expect(errors).toEqual([]);
  });

  it('records the person’s consent to a suggested service, then withdraws it with a reason', async () => {
    const { page, errors } = worker;
    const section = page.getByTestId('consent-section');
    await visible(section.getByText('No consent recorded yet.'));
    await section.getByRole('button', { name: 'Record consent' }).click();
    const form = section.getByRole('form', { name: 'Record consent' });
    await choose(page, form, 'Service', shelter);
    await form.getByRole('checkbox', { name: 'Given names' }).check();
    await form.getByRole('checkbox', { name: 'Contact' }).check();
    await expectAccessible(page, '/cases/$id consent form');
    await form.getByRole('button', { name: 'Record the consent' }).click();

    const row = section.getByTestId('consent-table').getByRole('row').filter({ hasText: shelter });
    await visible(row.getByText('Active'));
    await visible(row.getByText('Given names, Contact'));

    await row.getByRole('button', { name: /^Withdraw/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw this consent?' });
    const confirm = dialog.getByRole('button', { name: 'Withdraw', exact: true });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('The person changed their mind.');
    await expectAccessible(page, '/cases/$id withdraw dialog');
    await confirm.click();
    await visible(row.getByText('Withdrawn', { exact: true }));
    await visible(row.getByText(/The person changed their mind\./));
    expect(await row.getByRole('button', { name: /^Withdraw/ }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('a child’s case records best-interests steps instead of consent', async () => {
    const { page, errors } = worker;
    await page.goto(`/cases/${cases.child}`);
    const section = page.getByTestId('best-interests-section');
    await visible(section.getByText('No step has yet found a referral to be in the child’s best interests.'));
    expect(await page.getByTestId('consent-section').count()).toBe(0);
    await section.getByRole('button', { name: 'Record a step' }).click();
    const form = section.getByRole('form', { name: 'Record a step' });
    await choose(page, form, 'Step', 'Best-interests determination');
    await choose(page, form, 'Decision', 'Referral in the child’s best interests');
    await form.getByRole('textbox', { name: 'Authority' }).fill('Tribunal de Tanger, juge des mineurs');
    await expectAccessible(page, '/cases/$id step form');
    await form.getByRole('button', { name: 'Record the step' }).click();
    await visible(section.getByText('A step found that a referral is in the child’s best interests.'));
    await visible(section.getByTestId('best-interests-table').getByText('Tribunal de Tanger, juge des mineurs'));
    expect(errors).toEqual([]);
  });

  it.each(['en', 'fr', 'ar'] as Language[])('the sections are accessible in %s', async (language) => {
    const { page } = worker;
    await page.goto(`/cases/${cases.adult}`);
    await switchLanguage(page, language);
    expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
    await visible(page.getByTestId('latest-screening'));
    await visible(page.getByTestId('consent-table'));
    await page.getByTestId('screening-section').getByRole('button').first().click();
    await visible(page.getByTestId('screening-section').locator('form input[type="radio"]').first());
    await expectAccessible(page, `/cases/$id sections [${language}]`);
    await page.goto(`/cases/${cases.child}`);
    await visible(page.getByTestId('best-interests-table'));
    await expectAccessible(page, `/cases/$id child [${language}]`);
    expect(worker.errors).toEqual([]);
  });
});
