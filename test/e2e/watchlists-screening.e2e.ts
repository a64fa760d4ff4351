import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntryChanged, WatchlistDetail } from '../../src/shared/watchlists/contract.js';
import {
  expectAccessible,
  type Language,
  launchBrowser,
  openSession,
  reachedPath,
  type Session,
  signIn,
  switchLanguage,
  visible,
} from './browser.js';
import { apiCall } from './exchange-helpers.js';

/**
 * Name screening in the browser: a Moroccan focal point keeps a watch-list shared with a Spanish
 * unit; the Spanish focal point screens a listed name, reads the reasons, confirms the hit (the
 * Moroccan unit is told), then screens a CSV file with a bad line and follows it to the end.
 */

let browser: Browser;
let owner: Session;
let screener: Session;
let folder: string;
let entry: EntryChanged;
let list: WatchlistDetail;

/** Letters only, so the name folds the same way in every matcher. */
const letters = () => Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const family = `Kourouma${letters()}`;
const listedName = `Mamadou Oumar ${family}`;
/** A name on no list: letters drawn at random. */
const other = `Sowbere${letters()}`;
const PURPOSE = 'Border check at the Rosso crossing';

const TITLES: Record<Language, { screening: string; batch: string; review: string }> = {
  en: { screening: 'Name screening', batch: 'Screening batch', review: 'Review queue' },
  fr: { screening: 'Criblage de noms', batch: 'Lot de criblage', review: "File d'examen" },
  ar: { screening: 'فحص الأسماء', batch: 'دفعة فحص', review: 'قائمة المراجعة' },
};

/** The shared purpose field (an autocomplete: a combobox to assistive technology). */
const purposeBox = (page: Page) =>
  page
    .getByRole('combobox', { name: 'Purpose' })
    .or(page.getByRole('textbox', { name: 'Purpose' }))
    .first();

const heading = (page: Page, name: string) => visible(page.getByRole('heading', { level: 1, name, exact: true }));

beforeAll(async () => {
  browser = await launchBrowser();
  owner = await openSession(browser);
  screener = await openSession(browser);
  await signIn(owner.page, 'focal.ma@liaison.demo');
  await signIn(screener.page, 'focal.es@liaison.demo');
  const me = await apiCall<{ units: { id: string }[] }>(screener.page, 'GET', '/api/v1/me');
  list = await apiCall<WatchlistDetail>(owner.page, 'POST', '/api/v1/watchlists', {
    name: `Facilitators of the Atlantic route ${family}`,
    purpose: 'Persons sought for migrant smuggling',
    legalBasis: 'Law 02-03, article 52',
    reviewPeriodDays: 180,
    handlingCode: 'TLP:AMBER',
    distribution: [{ kind: 'unit', id: me.units[0].id }],
  });
  entry = await apiCall<EntryChanged>(owner.page, 'POST', `/api/v1/watchlists/${list.id}/entries`, {
    names: [{ name: listedName }, { name: 'مامادو ديالو', script: 'arabic' }],
    birthDate: '1984',
    nationalities: ['SN'],
    sex: 'male',
    reason: 'Organises crossings from Nouadhibou',
  });
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-e2e-screening-'));
});
afterAll(async () => {
  await browser?.close();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

describe('name screening', () => {
  it('a focal point screens a listed name, sees the match with its reasons, and confirms the hit with a reason', async () => {
    const { page, errors, dialogs } = screener;
    await switchLanguage(page, 'en');
    await page.getByRole('navigation').getByRole('link', { name: 'Name screening', exact: true }).click();
    await reachedPath(page, '/screening');
    await heading(page, TITLES.en.screening);
    await expectAccessible(page, '/screening [en]');

    // The form's own checks speak before anything is sent.
    await page.getByRole('button', { name: 'Screen', exact: true }).click();
    await visible(page.getByText('Give the name to screen.'));

    // A name on no list: the page says so plainly.
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(`Qazvex ${other}`);
    await purposeBox(page).fill(PURPOSE);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Screen', exact: true }).click();
    await visible(page.getByTestId('no-candidates'));
    expect(await page.getByTestId('results-summary').textContent()).toContain('No candidates');

    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(listedName.toUpperCase());
    await page.getByRole('textbox', { name: 'Year of birth' }).fill('1984');
    await purposeBox(page).fill(PURPOSE);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Screen', exact: true }).click();

    const results = page.getByTestId('screening-results');
    const candidate = results.locator('[data-testid="candidate"][data-match="true"]').filter({ hasText: entry.reference });
    await visible(candidate);
    await visible(candidate.getByTestId('match-badge'));
    expect(await results.getByTestId('threshold').textContent()).toMatch(
      /^Scores run from 0 to 1\. From \d\.\d\d, a candidate is a match/,
    );
    expect(Number(await candidate.getByTestId('score').getAttribute('data-score'))).toBeGreaterThanOrEqual(0.5);
    expect(await candidate.getByTestId('reasons').locator('li').count()).toBeGreaterThan(0);
    expect(await candidate.getByTestId('factors').locator('li').count()).toBe(3);
    await visible(candidate.getByText(list.name, { exact: false }));
    // The name never reaches the address bar.
    expect(page.url()).not.toContain(family);
    await expectAccessible(page, '/screening with candidates [en]');

    await candidate.getByRole('link', { name: /^Review the hit of candidate/ }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/screening\/hits\/[0-9a-f-]{36}$/);
    await heading(page, 'Screening hit');
    const hit = page.getByTestId('hit');
    await visible(hit.getByTestId('screened-side').getByText(listedName.toUpperCase()));
    await visible(hit.getByTestId('listed-side').getByText(listedName));
    await expectAccessible(page, '/screening/hits/… [en]');

    await hit.getByRole('button', { name: /^Confirm the hit on/ }).click();
    const dialog = page.getByRole('dialog');
    await visible(dialog.getByRole('textbox', { name: 'Reason' }));
    await dialog.getByRole('button', { name: 'Confirm the hit', exact: true }).click();
    await visible(dialog.getByText('Give the reason in at least 3 characters.'));
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Passport and birth date agree with the listed entry.');
    await expectAccessible(page, 'decision dialog [en]');
    await dialog.getByRole('button', { name: 'Confirm the hit', exact: true }).click();

    const notice = await visible(page.getByTestId('decided-notice'));
    expect(await notice.textContent()).toContain('was notified');
    expect(await hit.getByTestId('hit-status').getAttribute('data-status')).toBe('confirmed');
    await visible(hit.getByTestId('owner-notified'));
    expect(await hit.getByRole('button', { name: /^Confirm the hit on/ }).count()).toBe(0);
    await expectAccessible(page, '/screening/hits/… confirmed [en]');
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('screens a CSV file with a bad line: the progress reaches the end, the bad line is reported and the good one hits', async () => {
    const { page, errors } = screener;
    const file = path.join(folder, 'names.csv');
    fs.writeFileSync(
      file,
      `\uFEFFname,birth_year,reference\r\n${listedName},1984,REF-A\r\n,1990,REF-B\r\nFatou ${other},,REF-C\r\n`,
    );

    await page.getByTestId('screening-nav-batch').click();
    await reachedPath(page, '/screening/batches');
    await heading(page, 'Batch screening');
    await expectAccessible(page, '/screening/batches [en]');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'CSV file' }).click(),
    ]);
    await chooser.setFiles(file);
    await purposeBox(page).fill(PURPOSE);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Screen the file' }).click();

    await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).toMatch(/^\/screening\/batches\/[0-9a-f-]{36}$/);
    await heading(page, TITLES.en.batch);
    const batch = page.getByTestId('batch');
    await visible(batch.locator('[data-testid="batch-status"][data-status="done"]'), 45_000);
    const bar = page.getByRole('progressbar', { name: /^Progress of \W?names\.csv\W?$/ });
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    const progressText = page.getByTestId('batch-progress-text');
    expect(await progressText.getAttribute('aria-live')).toBe('polite');
    expect(await progressText.textContent()).toMatch(
      /^(\d+) of \1 lines read\. 2 names screened, 1 hit, 1 line with an error\.$/,
    );

    const lineErrors = page.getByTestId('line-error');
    expect(await lineErrors.count()).toBe(1);
    const cells = await lineErrors.first().locator('td').allTextContents();
    expect(cells[0]).toBe('3');
    expect(cells[2]).toBe('The line has no name.');

    const hitRow = page.locator('[data-testid="batch-result"][data-hits="1"]');
    await visible(hitRow);
    expect(await hitRow.locator('td').nth(1).textContent()).toBe('REF-A');
    expect(await page.getByTestId('batch-result').count()).toBe(2);
    // The new hit waits in the review queue, and its tab says so.
    await expect.poll(() => page.getByTestId('screening-nav-review').textContent()).toMatch(/^Review queue \([1-9]\d*\)$/);
    await expectAccessible(page, '/screening/batches/… [en]');

    for (const language of ['fr', 'ar'] as const) {
      await switchLanguage(page, language);
      await heading(page, TITLES[language].batch);
      expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
      await visible(page.getByTestId('line-error'));
      await expectAccessible(page, `/screening/batches/… [${language}]`);
    }
    await switchLanguage(page, 'en');
    expect(errors).toEqual([]);
  });

  it('lists the open hit of the batch in the review queue and on Home, readable and accessible in the three languages', async () => {
    const { page, errors } = screener;
    await page.goto('/screening/review');
    await heading(page, TITLES.en.review);
    const open = page.getByTestId('hit').filter({ hasText: entry.reference });
    await visible(open);
    await visible(open.getByRole('button', { name: /^Discard the hit on/ }));
    await expectAccessible(page, '/screening/review [en]');

    // The filter's choices are labelled radio buttons, as a person clicks them.
    await page
      .locator('label')
      .filter({ hasText: /^Confirmed$/ })
      .click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('confirmed');
    const confirmed = page.getByTestId('hit').filter({ hasText: entry.reference });
    await visible(confirmed.getByTestId('owner-notified'));

    for (const language of ['fr', 'ar'] as const) {
      await switchLanguage(page, language);
      await heading(page, TITLES[language].review);
      await visible(page.getByTestId('hit').first());
      await expectAccessible(page, `/screening/review?status=confirmed [${language}]`);
      await page
        .getByTestId('hit')
        .first()
        .getByRole('link', { name: /^(Ouvrir la correspondance sur|فتح التطابق على)/ })
        .click();
      await visible(page.getByTestId('hit').getByTestId('hit-status'));
      await expectAccessible(page, `/screening/hits/… [${language}]`);
      await page.goto('/screening');
      await heading(page, TITLES[language].screening);
      await expectAccessible(page, `/screening [${language}]`);
      await page.goto('/screening/batches');
      await visible(page.getByTestId('batch-row').first());
      await expectAccessible(page, `/screening/batches [${language}]`);
      await page.goto('/screening/review?status=confirmed');
    }
    await switchLanguage(page, 'en');

    await page.goto('/');
    const card = await visible(page.getByTestId('home-screening-hits'));
    await visible(card.getByRole('link', { name: new RegExp(entry.reference) }));
    await card.getByRole('link', { name: 'Open the review queue' }).click();
    await reachedPath(page, '/screening/review');
    expect(errors).toEqual([]);
  });

  it('shows "not allowed" to a reader, who may not screen', async () => {
    const reader = await openSession(browser);
    await signIn(reader.page, 'reader.es@liaison.demo');
    for (const address of ['/screening', '/screening/batches', '/screening/review']) {
      await reader.page.goto(address);
      await heading(reader.page, 'Not allowed');
    }
    expect(await reader.page.getByRole('navigation').getByRole('link', { name: 'Name screening' }).count()).toBe(0);
    await reader.context.close();
  });

  it('tells the owner unit of a confirmed hit by a message that carries no screened name', async () => {
    const inbox = await apiCall<{ messages: { id: string; subject: string; handlingCode: string }[] }>(
      owner.page,
      'GET',
      '/api/v1/messages?box=inbox',
    );
    const notice = inbox.messages.find((message) => message.subject.includes(entry.reference));
    expect(notice?.handlingCode).toBe(list.handlingCode);
    const message = await apiCall<Record<string, unknown>>(owner.page, 'GET', `/api/v1/messages/${notice?.id}`);
    expect(JSON.stringify(message)).not.toContain(listedName.toUpperCase());
  });
});
