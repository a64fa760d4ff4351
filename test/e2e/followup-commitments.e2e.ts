import type { Browser, Page } from 'playwright-core';
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
import { apiCall } from './exchange-helpers.js';

let browser: Browser;
let focal: Session;

beforeAll(async () => {
  browser = await launchBrowser();
  focal = await openSession(browser);
  await signIn(focal.page, 'focal.ma@liaison.demo');
});
afterAll(async () => {
  await browser?.close();
});

/** `YYYY-MM-DD`, `days` from today (UTC): what a date input holds. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A published recommendation of the demo library that no commitment acts on yet. */
async function freshRecommendation(page: Page): Promise<string> {
  const found = await apiCall<{ items: { id: string }[] }>(
    page,
    'GET',
    '/api/v1/knowledge/items?type=recommendation&followUp=not_followed_up&sort=date&limit=5',
  );
  expect(found.items.length).toBeGreaterThan(0);
  return found.items[0].id;
}

/** Picks an option of a Mantine select (a combobox or a read-only textbox), as a person would. */
async function choose(page: Page, scope: Page | ReturnType<Page['getByRole']>, label: string, option: string) {
  const box = scope
    .getByRole('textbox', { name: label, exact: true })
    .or(scope.getByRole('combobox', { name: label, exact: true }));
  await box.first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('follow-up commitments', () => {
  it('commits to act on a library recommendation, then follows its action and indicator to the item page', async () => {
    const { page, errors } = focal;
    await switchLanguage(page, 'en');
    const itemId = await freshRecommendation(page);
    const title = unique('Train border officers on document fraud');

    // The item's page offers to commit to act on it.
    await page.goto(`/library/items/${itemId}`);
    const followUp = page.getByRole('region', { name: 'Follow-up' });
    await visible(followUp.getByText('No commitment acts on this item yet.'));
    await followUp.getByRole('link', { name: 'Commit to act on this' }).click();
    await reachedPath(page, '/followup/commitments/new');
    await visible(page.getByRole('heading', { level: 1, name: 'New commitment' }));
    // The recommendation comes preselected (a pill beside the distribution's "All partners").
    await expect.poll(() => page.locator('.mantine-MultiSelect-pill').count()).toBeGreaterThanOrEqual(2);

    // The form's own checks speak before anything is sent.
    await page.getByRole('button', { name: 'Create the commitment' }).click();
    await visible(page.getByText('Give a title.'));
    expect(await page.getByText('Link at least one recommendation or one action-plan reference.').count()).toBe(0);
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
    await page.getByLabel('Starts on').fill(day(0));
    await page.getByLabel('Ends on').fill(day(365));
    await page.getByRole('textbox', { name: 'Description' }).fill('Two **national** workshops a year.');
    // A contributor found on the server by its acronym, and an action-plan reference.
    const field = (name: string) =>
      page
        .getByRole('textbox', { name, exact: true })
        .or(page.getByRole('combobox', { name, exact: true }))
        .first();
    const contributors = field('Contributing organisations');
    await contributors.click();
    await contributors.fill('CGEF');
    await page.getByRole('option', { name: /\(CGEF\)$/ }).click();
    await page.keyboard.press('Escape');
    const references = field('Action-plan references');
    await references.click();
    await references.fill('CAP:objective');
    await page
      .getByRole('option', { name: /^CAP:objective:/ })
      .first()
      .click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Create the commitment' }).click();
    await page.waitForURL((url) => /^\/followup\/commitments\/[0-9a-f-]{36}$/.test(url.pathname));
    await visible(page.getByRole('heading', { level: 1, name: title }));
    await visible(page.getByTestId('linked-recommendation'));
    await visible(page.locator('.markdown-body strong').filter({ hasText: 'national' }));
    await visible(page.getByText(/\(CGEF\)/));
    await visible(page.getByRole('heading', { name: '1 action-plan reference' }));

    // An action, then a delay with its reason.
    await page.getByText('Add an action').click();
    const actionForm = page.getByRole('form', { name: 'Add an action' });
    await actionForm.getByRole('textbox', { name: 'Action', exact: true }).fill('First workshop in Rabat');
    await actionForm.getByLabel('Due on').fill(day(30));
    await actionForm.getByRole('button', { name: 'Add the action' }).click();
    const row = page.getByTestId('action-row').filter({ hasText: 'First workshop in Rabat' });
    await visible(row.getByTestId('action-status').filter({ hasText: 'Planned' }));
    await row.getByRole('button', { name: 'Change the status of First workshop in Rabat' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, dialog, 'New status', 'Delayed');
    const confirm = dialog.getByRole('button', { name: 'Change status', exact: true });
    // A delay needs a reason: the button waits for one.
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('The trainers are on mission until next month.');
    await confirm.click();
    await visible(row.getByTestId('action-status').filter({ hasText: 'Delayed' }));
    await row.getByText(/^History \(/).click();
    await visible(row.getByText('The trainers are on mission until next month.'));

    // An indicator (a percentage) and its measurements: a wrong value is refused in words.
    await page.getByText('Add an indicator').click();
    const indicatorForm = page.getByRole('form', { name: 'Add an indicator' });
    await indicatorForm.getByRole('textbox', { name: 'Indicator', exact: true }).fill('Officers trained');
    await choose(page, indicatorForm, 'Type of value', 'Percentage');
    await indicatorForm.getByRole('textbox', { name: 'Baseline', exact: true }).fill('10');
    await indicatorForm.getByLabel('Baseline date').fill(day(-30));
    await indicatorForm.getByRole('textbox', { name: 'Target', exact: true }).fill('80');
    await indicatorForm.getByLabel('Target date').fill(day(300));
    await indicatorForm.getByRole('button', { name: 'Add the indicator' }).click();
    const indicator = page.getByTestId('indicator').filter({ hasText: 'Officers trained' });
    await visible(indicator.getByTestId('indicator-trend').filter({ hasText: 'No data yet' }));

    await indicator.getByText('Report a measurement').click();
    const measurementForm = page.getByRole('form', { name: 'Report a measurement of Officers trained' });
    await measurementForm.getByRole('textbox', { name: 'Value', exact: true }).fill('150');
    await measurementForm.getByRole('textbox', { name: 'Source' }).fill('Training register');
    await measurementForm.getByRole('button', { name: 'Report the measurement' }).click();
    await visible(measurementForm.getByText(/^This value does not fit the indicator/));
    // The same refusal in the reader's language.
    await switchLanguage(page, 'fr');
    await visible(page.getByText(/^Cette valeur ne convient pas à l’indicateur/));
    await switchLanguage(page, 'en');
    await measurementForm.getByRole('textbox', { name: 'Value', exact: true }).fill('45');
    await measurementForm.getByRole('button', { name: 'Report the measurement' }).click();
    await visible(indicator.getByTestId('measurement-row').filter({ hasText: '45%' }));
    await visible(indicator.getByTestId('indicator-chart'));
    expect(await indicator.getByTestId('indicator-trend').textContent()).not.toBe('No data yet');

    // A second measurement, a day earlier, with its evidence file uploaded on the way (the form stays open).
    await measurementForm.getByRole('textbox', { name: 'Value', exact: true }).fill('30');
    await measurementForm.getByLabel('Measured on').fill(day(-1));
    await measurementForm.getByRole('textbox', { name: 'Source' }).fill('Attendance sheets');
    await measurementForm.getByText('A file', { exact: true }).click();
    const evidence = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      measurementForm.getByRole('button', { name: 'Evidence file' }).click(),
    ]);
    await chooser.setFiles({ name: 'attendance.pdf', mimeType: 'application/pdf', buffer: evidence });
    await measurementForm.getByRole('button', { name: 'Report the measurement' }).click();
    const withFile = indicator.getByTestId('measurement-row').filter({ hasText: '30%' });
    const download = withFile.getByRole('link', { name: 'attendance.pdf' });
    await visible(download);
    const href = await download.getAttribute('href');
    const fetched = await page.evaluate(async (url) => {
      const response = await fetch(url ?? '');
      return { status: response.status, size: (await response.arrayBuffer()).byteLength };
    }, href);
    expect(fetched).toEqual({ status: 200, size: evidence.length });

    // The list exports what it shows: the new commitment is in the CSV of "my organisation's" commitments.
    await page.goto('/followup/commitments?mine=true');
    const csv = page.getByRole('link', { name: 'Export Commitments as CSV' });
    await visible(csv);
    const exported = await page.evaluate(async (url) => (await fetch(url ?? '')).text(), await csv.getAttribute('href'));
    expect(exported).toContain(title);

    // The item's page now lists the commitment, with its state.
    await page.goto(`/library/items/${itemId}`);
    const listed = page.getByTestId('item-commitment').filter({ hasText: title });
    await visible(listed);
    await visible(listed.getByTestId('commitment-status').filter({ hasText: 'Active' }));
    expect(errors).toEqual([]);
  });

  it('says when an edit comes too late, and shows the latest version', async () => {
    const { page } = focal;
    await switchLanguage(page, 'en');
    const session = await apiCall<{ me: { units: { id: string }[] } }>(page, 'GET', '/api/v1/auth/session');
    const created = await apiCall<{ id: string; revision: number }>(page, 'POST', '/api/v1/followup/commitments', {
      unitId: session.me.units[0].id,
      title: unique('Shared training calendar'),
      description: 'First version.',
      startsOn: day(0),
      endsOn: day(200),
      references: ['CAP:domain:2'],
    });
    await page.goto(`/followup/commitments/${created.id}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('textbox', { name: 'Description' }).fill('My version.');
    // Someone else saves first.
    await apiCall(page, 'PATCH', `/api/v1/followup/commitments/${created.id}`, {
      revision: created.revision,
      description: 'Their version.',
    });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await visible(page.getByTestId('stale-edit'));
    await visible(page.locator('.markdown-body').filter({ hasText: 'Their version.' }));
  });

  it('shows what waits on Home, and the library search filters by follow-up', async () => {
    const { page } = focal;
    await switchLanguage(page, 'en');
    await page.goto('/');
    const card = page.getByRole('region', { name: 'Follow-up' });
    await visible(card.getByTestId('home-followup-summary'));
    expect(await card.getByTestId('home-followup-summary').textContent()).toMatch(/overdue.*due soon.*to submit/);
    await visible(card.getByRole('link', { name: "My organisation's commitments" }));

    await page.goto('/library?type=recommendation');
    const facet = page.getByTestId('facet-followUp');
    await visible(facet.getByText('Follow-up', { exact: true }));
    await facet.getByRole('checkbox', { name: /^Followed up/ }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('followUp')).toBe('followed_up');
    await visible(page.getByRole('button', { name: /Followed up/ }));
    await page.goto('/');
    await visible(card.getByTestId('home-followup-summary'));
  });

  const headings: Record<Language, { list: string; form: string }> = {
    en: { list: 'Commitments', form: 'New commitment' },
    fr: { list: 'Engagements', form: 'Nouvel engagement' },
    ar: { list: 'الالتزامات', form: 'التزام جديد' },
  };
  for (const language of ['en', 'fr', 'ar'] as const) {
    it(`is accessible in ${language}: the list, a commitment and the new-commitment form`, async () => {
      const { page } = focal;
      await switchLanguage(page, 'en');
      const list = await apiCall<{ items: { id: string; indicators: { total: number } }[] }>(
        page,
        'GET',
        '/api/v1/followup/commitments?limit=50',
      );
      // One with an indicator, so that its chart and table are checked too.
      const shown = list.items.find((item) => item.indicators.total > 0);
      expect(shown).toBeDefined();
      await switchLanguage(page, language);
      await page.goto('/followup/commitments');
      await visible(page.getByRole('heading', { level: 1, name: headings[language].list }));
      await visible(page.getByTestId('commitments-table'));
      expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
      await expectAccessible(page, `commitments list (${language})`);

      await page.goto(`/followup/commitments/${shown?.id}`);
      await visible(page.getByTestId('commitment-status'));
      await visible(page.getByTestId('indicator-chart'));
      await expectAccessible(page, `commitment page (${language})`);

      await page.goto('/followup/commitments/new');
      await visible(page.getByRole('heading', { level: 1, name: headings[language].form }));
      await expectAccessible(page, `new commitment (${language})`);
      await switchLanguage(page, 'en');
    });
  }
});
