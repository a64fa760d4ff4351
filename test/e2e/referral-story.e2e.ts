import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NG_UNITS } from '../../src/server/demo/referral-organisations-data.js';
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

/**
 * The demo's story in the browser: the Spanish NGO's case worker finds the survivor's case and sees
 * it referred home to NAPTIP; NAPTIP's case worker finds the referral in the unit's incoming box and
 * accepts it. Every page of the story passes axe in English, French and Arabic.
 */
let browser: Browser;
const LANGUAGES: Language[] = ['en', 'fr', 'ar'];
/** Amaka's case, as the Spanish case worker found it. */
const story = { caseId: '', reference: '' };

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function accessibleIn(page: Page, label: string, ready: () => Promise<unknown>) {
  for (const language of LANGUAGES) {
    await switchLanguage(page, language);
    await ready();
    if (language === 'ar') expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expectAccessible(page, `${label} (${language})`);
  }
  await switchLanguage(page, 'en');
}

describe('the referral story', () => {
  let spain: Session;
  let nigeria: Session;

  beforeAll(async () => {
    spain = await openSession(browser);
    nigeria = await openSession(browser);
  });

  it('the Spanish NGO case worker finds the survivor by name and sees her case referred home to NAPTIP', async () => {
    const { page, errors } = spain;
    await signIn(page, 'caseworker.ngo-es@liaison.demo');
    await switchLanguage(page, 'en');
    await page.getByRole('navigation').getByRole('link', { name: 'Cases', exact: true }).click();
    await reachedPath(page, '/cases');
    const search = page.getByRole('search', { name: 'Find a person' });
    await search.getByRole('textbox', { name: 'Name' }).fill('Fictional-Okafor');
    await search.getByRole('button', { name: 'Find' }).click();
    await visible(page.getByTestId('cases-count').filter({ hasText: '1 case found' }));
    const row = page.getByTestId('case-row');
    expect(await row.count()).toBe(1);
    await row.getByRole('link').first().click();
    await page.waitForURL((url) => /^\/cases\/[0-9a-f-]{36}$/.test(url.pathname));
    story.caseId = new URL(page.url()).pathname.split('/')[2] as string;
    const heading = await visible(page.getByRole('heading', { level: 1, name: /^Case / }));
    story.reference = ((await heading.first().textContent()) ?? '').replace(/^Case\s*/, '').replace(/[\u2068\u2069]/g, '');

    await visible(page.getByRole('region', { name: 'Person' }).getByText('Fictional-Okafor'));
    const referrals = page.getByRole('region', { name: 'Referrals' });
    const home = referrals.getByRole('row').filter({ hasText: NG_UNITS.reintegration });
    await visible(home);
    await visible(home.getByText('Sent', { exact: true }));
    // Names are data: the same in every language.
    await accessibleIn(page, '/cases/$id (the story)', () => visible(page.getByText('Fictional-Okafor')));
    expect(errors).toEqual([]);
  });

  it("NAPTIP's case worker finds the referral in the incoming box, with only the consented fields, and accepts it", async () => {
    const { page, errors } = nigeria;
    await signIn(page, 'caseworker.ng@liaison.demo');
    await switchLanguage(page, 'en');
    await page.getByRole('navigation').getByRole('link', { name: 'Referrals', exact: true }).click();
    await reachedPath(page, '/referrals');
    const incoming = page.getByRole('row').filter({ hasText: 'Camino de Esperanza' }).filter({ hasText: 'Sent' });
    await visible(incoming);
    await accessibleIn(page, '/referrals (incoming)', () =>
      visible(page.getByRole('row').filter({ hasText: 'Camino de Esperanza' })),
    );

    await incoming.first().getByRole('link').first().click();
    await page.waitForURL((url) => /^\/referrals\/[0-9a-f-]{36}$/.test(url.pathname));
    const title = await visible(page.getByRole('heading', { level: 1, name: /^Referral of case / }));
    // NAPTIP works on its own copy of the case, under its own reference.
    expect(await title.first().textContent()).not.toContain(story.reference);
    await visible(page.getByText('Personal fields shared'));
    expect(await page.getByText('Place found', { exact: true }).count()).toBe(0);
    await accessibleIn(page, '/referrals/$id', () => visible(page.getByRole('button', { name: /^(Accept|Accepter|قبول)$/ })));

    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Accept' });
    await visible(dialog);
    await dialog.getByRole('button', { name: 'Accept', exact: true }).click();
    await visible(page.getByText('Accepted', { exact: true }));
    expect(await page.getByRole('button', { name: 'Accept', exact: true }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('the Spanish case worker then sees the referral accepted', async () => {
    const { page } = spain;
    await page.goto(`/cases/${story.caseId}`);
    const home = page.getByRole('region', { name: 'Referrals' }).getByRole('row').filter({ hasText: NG_UNITS.reintegration });
    await visible(home.getByText('Accepted', { exact: true }));
  });
});
