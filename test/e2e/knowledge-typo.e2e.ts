import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, type Language, launchBrowser, openSession, type Session, switchLanguage, visible } from './browser.js';

let browser: Browser;
let visitor: Session;

beforeAll(async () => {
  browser = await launchBrowser();
  visitor = await openSession(browser);
  await visitor.page.goto('/library');
  await visible(visitor.page.getByRole('heading', { level: 1 }));
});
afterAll(async () => {
  await browser?.close();
});

async function searchFor(page: Page, words: string) {
  await page
    .getByRole('searchbox', { name: /^(Search the library|Rechercher dans la bibliothèque|البحث في المكتبة)$/ })
    .fill(words);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === words);
  // The previous list stays on screen while the new search runs: wait for it to be replaced.
  await expect.poll(() => page.locator('section[aria-busy="true"]').count()).toBe(0);
  await visible(page.getByTestId('knowledge-result'));
}

const SHOWING: Record<Language, string> = { en: 'Showing results for', fr: 'Résultats pour', ar: 'عرض النتائج عن' };

describe.each(['en', 'ar'] as Language[])('a misspelt library search in %s', (language) => {
  it('shows the results of the corrected words, says so, and searches the words as typed on request', async () => {
    const { page, errors, dialogs } = visitor;
    await page.goto('/library');
    await switchLanguage(page, language);
    await searchFor(page, 'trafficing');

    const notice = await visible(page.getByRole('status').filter({ hasText: SHOWING[language] }));
    expect(await notice.getByTestId('knowledge-correction-query').textContent()).toBe('trafficking');
    expect(await page.getByTestId('knowledge-result').first().textContent()).toMatch(/traffick/i);
    await expectAccessible(page, `/library?q=trafficing [${language}]`);

    await notice.getByRole('link', { name: 'trafficing' }).click();
    await page.waitForURL((url) => url.searchParams.get('exact') === 'true' && url.searchParams.get('q') === 'trafficing');
    await expect.poll(() => page.getByTestId('knowledge-correction').count()).toBe(0);
    await visible(page.getByTestId('knowledge-total'));
    await expectAccessible(page, `/library?q=trafficing&exact=true [${language}]`);

    // A new search is corrected again.
    await searchFor(page, 'smugling');
    expect(new URL(page.url()).searchParams.get('exact')).toBeNull();
    await visible(page.getByTestId('knowledge-correction'));
    expect(await page.getByTestId('knowledge-correction-query').textContent()).toBe('smuggling');
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
