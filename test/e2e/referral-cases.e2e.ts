import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  type Language,
  launchBrowser,
  openSession,
  reachedPath,
  type Session,
  signIn,
  switchLanguage,
  unique,
  visible,
} from './browser.js';
import { apiCall, pick, token } from './exchange-helpers.js';

let browser: Browser;
let worker: Session;

/** The case the case worker opens through the form: later tests look for it. */
const familyName = `Zerhouni${token('q')}`;
const created = { id: '', reference: '' };

beforeAll(async () => {
  browser = await launchBrowser();
  worker = await openSession(browser);
  await signIn(worker.page, 'caseworker.ma@liaison.demo');
});
afterAll(async () => {
  await browser?.close();
});

/** Picks an option of a Mantine select (a combobox or a read-only textbox), as a person would. */
async function choose(page: Page, scope: Page | Locator, label: string, option: string) {
  const box = scope
    .getByRole('textbox', { name: label, exact: true })
    .or(scope.getByRole('combobox', { name: label, exact: true }));
  await box.first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const nav = (page: Page) => page.getByRole('navigation');

describe('cases', () => {
  it('a case worker opens a case through the form, finds it by name and date of birth, changes and reads its history', async () => {
    const { page, errors } = worker;
    await switchLanguage(page, 'en');
    await nav(page).getByRole('link', { name: 'Cases', exact: true }).click();
    await reachedPath(page, '/cases');
    await visible(page.getByRole('heading', { level: 1, name: 'Cases' }));
    await page.getByRole('link', { name: 'New case' }).click();
    await reachedPath(page, '/cases/new');
    await visible(page.getByRole('heading', { level: 1, name: 'New case' }));

    // The form's own checks speak before anything is sent.
    await page.getByRole('button', { name: 'Create the case' }).click();
    await visible(page.getByText('Give the given names (as the person says them).'));
    await visible(page.getByText('Give the family name.'));

    await choose(page, page, 'Type of case', 'Trafficking in persons');
    await page.getByRole('textbox', { name: 'Given names', exact: true }).fill('Amina Zahra');
    await page.getByRole('textbox', { name: 'Family name', exact: true }).fill(familyName);
    // Born twelve years ago: a child, ticked by itself.
    const born = `${new Date().getUTCFullYear() - 12}-03-04`;
    await page.getByLabel('Date of birth').fill(born);
    expect(await page.getByRole('checkbox', { name: "This is a child's case" }).isChecked()).toBe(true);
    await choose(page, page, 'Sex', 'Female');
    await pick(page, 'Nationality', 'Moroc', 'Morocco');
    await pick(page, 'Languages spoken', 'Arab', 'Arabic');
    await page.getByRole('textbox', { name: 'Contact' }).fill('+212 600 000 001');
    await page.getByRole('textbox', { name: 'Place found' }).fill('Port of Tangier');
    await page.getByRole('textbox', { name: 'Notes' }).fill('Met at the port with two other children.');
    await expectAccessible(page, '/cases/new (filled)');
    await page.getByRole('button', { name: 'Create the case' }).click();
    await page.waitForURL((url) => /^\/cases\/[0-9a-f-]{36}$/.test(url.pathname));
    created.id = new URL(page.url()).pathname.split('/')[2];
    const heading = await visible(page.getByRole('heading', { level: 1, name: /^Case / }));
    created.reference = ((await heading.first().textContent()) ?? '').replace(/^Case\s*/, '').replace(/[\u2068\u2069]/g, '');
    expect(created.reference).toMatch(/^[A-Z0-9-]{6,40}$/);

    // The person, as the owner unit reads them: every field, codes in words.
    const person = page.getByRole('region', { name: 'Person' });
    await visible(person.getByText(familyName));
    await visible(person.getByText('Amina Zahra'));
    await visible(person.getByText('Morocco'));
    await visible(person.getByText('Arabic'));
    await visible(person.getByText('Port of Tangier'));
    await visible(person.getByText('Met at the port with two other children.'));
    await visible(page.getByTestId('case-child'));
    await visible(page.getByTestId('case-status').filter({ hasText: 'Open' }));
    await expectAccessible(page, '/cases/$id');

    // A change names the fields it touched in the history, never their values.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit the case' });
    await dialog.getByRole('textbox', { name: 'Place found' }).fill('Tangier Med bus station');
    await expectAccessible(page, '/cases/$id edit dialog');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await visible(person.getByText('Tangier Med bus station'));
    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByTestId('case-history');
    await visible(history.getByText(/Case changed/));
    await visible(history.getByText('Fields: Place found'));
    await visible(history.getByText(/Case opened/));
    expect(await history.getByText('Tangier Med bus station').count()).toBe(0);

    // The list shows the case without any name; a search finds it by whole name part, any case.
    await page.getByRole('link', { name: 'All cases' }).click();
    await reachedPath(page, '/cases');
    const row = page.getByTestId('case-row').filter({ hasText: created.reference });
    await visible(row);
    expect(await page.getByTestId('cases-table').getByText(familyName).count()).toBe(0);
    const search = page.getByRole('search', { name: 'Find a person' });
    await search.getByRole('textbox', { name: 'Name' }).fill(familyName.toUpperCase());
    await search.getByRole('button', { name: 'Find' }).click();
    await visible(page.getByTestId('cases-count').filter({ hasText: '1 case found' }));
    await visible(row);
    // What was typed never reaches the address bar.
    expect(page.url()).not.toContain(familyName.slice(0, 8));
    // A part of a name is not a name part: nothing.
    await search.getByRole('textbox', { name: 'Name' }).fill(familyName.slice(0, 6));
    await search.getByRole('button', { name: 'Find' }).click();
    await visible(page.getByText(/^No case matches/));
    // By date of birth alone.
    await search.getByRole('button', { name: 'Clear' }).click();
    await search.getByLabel('Date of birth').fill(born);
    await search.getByRole('button', { name: 'Find' }).click();
    await visible(row);
    await expectAccessible(page, '/cases (found)');
    await row.getByRole('link', { name: created.reference }).click();
    await reachedPath(page, `/cases/${created.id}`);
    await visible(page.getByRole('region', { name: 'Person' }).getByText(familyName));
    expect(errors).toEqual([]);
  });

  it('a case worker closes a case with a reason; it is then read-only', async () => {
    const { page } = worker;
    await switchLanguage(page, 'en');
    const other = await apiCall<{ id: string; reference: string }>(page, 'POST', '/api/v1/cases', {
      person: { givenNames: 'Moussa', familyName: `Close${token('c')}` },
    });
    await page.goto(`/cases/${other.id}`);
    await page.getByRole('button', { name: 'Close the case' }).click();
    const dialog = page.getByRole('dialog', { name: 'Close the case' });
    const confirm = dialog.getByRole('button', { name: 'Close the case' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Reason for closing' }).fill('Returned home with the family.');
    await confirm.click();
    await visible(page.getByTestId('case-status').filter({ hasText: 'Closed' }));
    await visible(page.getByText('Returned home with the family.'));
    expect(await page.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Close the case' }).count()).toBe(0);
  });

  it('a supervisor sees the list and the case without any personal field', async () => {
    expect(created.reference).not.toBe('');
    const admin = await openSession(browser);
    await signIn(admin.page, 'orgadmin.ma@liaison.demo');
    const me = await apiCall<{ organisation: { id: string } }>(admin.page, 'GET', '/api/v1/me');
    const email = `${unique('supervisor')}@liaison.demo`.toLowerCase();
    const password = 'Case-Supervision-Rabat-2026';
    await apiCall(admin.page, 'POST', '/api/v1/admin/users', {
      email,
      displayName: 'Case Supervisor',
      password,
      organisationId: me.organisation.id,
      unitIds: [],
      roles: ['case_supervisor'],
    });
    await admin.context.close();

    const supervisor = await openSession(browser);
    const { page } = supervisor;
    await signIn(page, email, password);
    await switchLanguage(page, 'en');
    await nav(page).getByRole('link', { name: 'Cases', exact: true }).click();
    await reachedPath(page, '/cases');
    const row = page.getByTestId('case-row').filter({ hasText: created.reference });
    await visible(row);
    expect(await page.getByRole('link', { name: 'New case' }).count()).toBe(0);
    await row.getByRole('link', { name: created.reference }).click();
    await reachedPath(page, `/cases/${created.id}`);
    await visible(page.getByTestId('person-hidden').filter({ hasText: 'Personal data hidden' }));
    await visible(page.getByTestId('case-child'));
    expect(await page.getByText(familyName).count()).toBe(0);
    expect(await page.getByText('Amina Zahra').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);
    await expectAccessible(page, '/cases/$id (supervisor)');
    expect(supervisor.errors).toEqual([]);
    await supervisor.context.close();
  });

  it('a unit the case is referred to sees it on Home, gives a reason, then reads only the shared fields', async () => {
    // Spain's case worker keeps a shelter in the directory; Morocco's refers a case to it.
    const spain = await openSession(browser);
    const { page } = spain;
    await signIn(page, 'caseworker.es@liaison.demo');
    await switchLanguage(page, 'en');
    const me = await apiCall<{ units: { id: string }[] }>(page, 'GET', '/api/v1/me');
    const provider = await apiCall<{ id: string }>(page, 'POST', '/api/v1/services', {
      name: unique('Shelter of the test unit'),
      kind: 'unit',
      unitId: me.units[0].id,
      services: ['shelter'],
      places: [{ country: 'ES', city: 'Algeciras' }],
    });
    const morocco = worker.page;
    const hiddenName = `Shared${token('r')}`;
    const referred = await apiCall<{ id: string; reference: string }>(morocco, 'POST', '/api/v1/cases', {
      person: { givenNames: 'Fatou', familyName: hiddenName, languages: ['wo', 'fr'], contact: '+212 611 111 111' },
    });
    const fields = ['givenNames', 'languages'];
    const consent = await apiCall<{ id: string }>(morocco, 'POST', `/api/v1/cases/${referred.id}/consents`, {
      scope: 'share_with_service',
      providerId: provider.id,
      fields,
      recordedHow: 'written',
      givenAt: new Date().toISOString(),
    });
    await apiCall(morocco, 'POST', `/api/v1/cases/${referred.id}/referrals`, {
      kind: 'service',
      providerId: provider.id,
      needs: ['shelter'],
      urgency: 'high',
      consentId: consent.id,
      fields,
    });

    await page.goto('/');
    const card = page.getByRole('region', { name: 'Cases and referrals' });
    // The reference sits in an isolate inside the sentence.
    await visible(card.getByRole('link', { name: new RegExp(`^Referral for case \\W?${referred.reference}\\W?$`) }));
    await expectAccessible(page, '/ (cases card)');

    // Another unit's case: a reason first, nothing personal before it.
    await page.goto(`/cases/${referred.id}`);
    const dialog = page.getByRole('dialog', { name: 'A reason is needed' });
    const open = dialog.getByRole('button', { name: 'Open the case' });
    expect(await open.isDisabled()).toBe(true);
    await expectAccessible(page, '/cases/$id reason dialog');
    await dialog.getByRole('textbox', { name: 'Reason for opening the case' }).fill('Preparing the shelter admission.');
    await open.click();
    const person = page.getByRole('region', { name: 'Person' });
    await visible(person.getByText('Fatou'));
    await visible(person.getByText(/Wolof/));
    await visible(person.getByText('Your unit sees only the details the person agreed to share with it.'));
    expect(await page.getByText(hiddenName).count()).toBe(0);
    expect(await person.getByText('+212 611 111 111').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);
    await expectAccessible(page, '/cases/$id (referred unit)');
    expect(spain.errors).toEqual([]);
    await spain.context.close();
  });

  it('a reader has no Cases link', async () => {
    const reader = await openSession(browser);
    await signIn(reader.page, 'reader.ma@liaison.demo');
    await switchLanguage(reader.page, 'en');
    await visible(nav(reader.page).getByRole('link', { name: 'Home', exact: true }));
    expect(await nav(reader.page).getByRole('link', { name: 'Cases', exact: true }).count()).toBe(0);
    await reader.context.close();
  });

  it.each(['en', 'fr', 'ar'] as Language[])('list, form and case pages are accessible in %s', async (language) => {
    expect(created.id).not.toBe('');
    const { page } = worker;
    await page.goto('/cases');
    await switchLanguage(page, language);
    expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
    await visible(page.getByTestId('case-row').first());
    await expectAccessible(page, `/cases [${language}]`);

    await page.goto('/cases/new');
    await visible(page.locator('form button[type="submit"]'));
    await page.locator('form button[type="submit"]').click();
    await visible(page.locator('form [aria-invalid="true"]').first());
    await expectAccessible(page, `/cases/new [${language}]`);

    await page.goto(`/cases/${created.id}`);
    await visible(page.getByTestId('person-panel').getByText(familyName));
    await expectAccessible(page, `/cases/$id [${language}]`);
    await page.getByRole('tab').nth(1).click();
    await visible(page.getByTestId('case-history').locator('li').first());
    await expectAccessible(page, `/cases/$id history [${language}]`);
    expect(worker.errors).toEqual([]);
  });
});
