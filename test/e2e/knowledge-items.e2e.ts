import { readFileSync } from 'node:fs';
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

const LANGUAGES: Language[] = ['en', 'fr', 'ar'];
const OPEN_ITEM = /^(Citation and similar items|Citation et éléments similaires|الاستشهاد والعناصر المماثلة)$/;

let browser: Browser;
let visitor: Session;
let focal: Session;

beforeAll(async () => {
  browser = await launchBrowser();
  visitor = await openSession(browser);
  focal = await openSession(browser);
  await focal.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(focal.page, 'focal.ma@liaison.demo');
});
afterAll(async () => {
  await browser?.close();
});

/** Searches the library and opens the first result's item page. */
async function openFirstItem(page: Page, words: string) {
  await page.goto(`/library?q=${encodeURIComponent(words)}`);
  const result = page.getByTestId('knowledge-result').first();
  await visible(result);
  await result.getByRole('link', { name: OPEN_ITEM }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/library/items/'));
  await visible(page.getByTestId('item-text'));
}

describe('item page', () => {
  it('opens from a search result with its citation and similar items, which open in turn', async () => {
    const { page, errors } = focal;
    await switchLanguage(page, 'en');
    await openFirstItem(page, 'border management');
    const heading = await page.getByRole('heading', { level: 1 }).textContent();
    expect(heading).toMatch(/^(Good practice|Challenge|Recommendation|Conclusion) \d+$/);

    const citation = page.getByTestId('item-citation');
    expect(await citation.textContent()).toMatch(
      /^(Rabat|Budapest) Process, .+, (good practice|challenge|recommendation|conclusion) \d+/,
    );
    await page.getByRole('button', { name: 'Copy the citation' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Citation copied.' }));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await citation.textContent());

    const similarSection = page.getByRole('region', { name: 'Similar items from other documents' });
    const similar = similarSection.getByTestId('similar-item');
    await visible(similar);
    expect(await similar.count()).toBeLessThanOrEqual(5);
    const firstUrl = page.url();
    await similar.first().getByRole('link').click();
    await page.waitForURL((url) => url.href !== firstUrl && url.pathname.startsWith('/library/items/'));
    await visible(page.getByTestId('item-citation'));

    // From the item to its place in the document.
    await page.getByRole('link', { name: 'Show this item in the document' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/library/documents/') && url.hash.startsWith('#item-'));
    await visible(page.getByTestId('document-items'));
    expect(errors).toEqual([]);
  });

  it('opens from a document page, and says when an item is unknown', async () => {
    const { page } = visitor;
    await page.goto('/library/documents');
    await visible(page.getByRole('row').nth(1));
    await page.getByRole('row').nth(1).getByRole('link').first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/library/documents/'));
    await page.getByTestId('document-items').getByRole('link', { name: OPEN_ITEM }).first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/library/items/'));
    await visible(page.getByTestId('item-citation'));
    for (const id of ['00000000-0000-4000-8000-000000000000', 'no-such-item']) {
      await page.goto(`/library/items/${id}`);
      await visible(page.getByRole('heading', { level: 1, name: 'Page not found' }));
    }
  });
});

describe('export links', () => {
  it("carry the search's words and filters and download what the search finds", async () => {
    const { page } = focal;
    await switchLanguage(page, 'en');
    await page.goto('/library?q=smuggling&type=recommendation');
    await visible(page.getByTestId('knowledge-result'));
    const exports = page.getByTestId('library-export');
    for (const [format, name] of [
      ['csv', 'Export all results as CSV'],
      ['json', 'Export all results as JSON'],
      ['pdf', 'Export all results as a PDF digest by theme'],
    ]) {
      const link = exports.getByRole('link', { name });
      const href = new URL((await link.getAttribute('href')) ?? '', page.url());
      expect(href.pathname).toBe(`/api/v1/knowledge/export.${format}`);
      expect(href.searchParams.get('q')).toBe('smuggling');
      expect(href.searchParams.getAll('type')).toEqual(['recommendation']);
    }
    const download = page.waitForEvent('download');
    await exports.getByRole('link', { name: 'Export all results as CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^liaison-library-\d{4}-\d{2}-\d{2}\.csv$/);
    // Words for people in the interface language, codes for programs in columns of their own.
    const english = readFileSync((await file.path()) ?? '', 'utf8');
    expect(english.split('\n')[0]).toContain('type_code');
    expect(english).toContain('Recommendation');

    await switchLanguage(page, 'fr');
    const frenchLink = page.getByTestId('library-export').getByRole('link').first();
    const frenchHref = new URL((await frenchLink.getAttribute('href')) ?? '', page.url());
    expect(frenchHref.searchParams.get('lang')).toBe('fr');
    const french = await (await page.request.get(frenchHref.toString().replace(/export\.[a-z]+/, 'export.csv'))).text();
    expect(french).toContain('Recommandation');
    expect(french).toContain(',recommendation,');
    await switchLanguage(page, 'en');
  });
});

describe.each(LANGUAGES)('item page accessibility in %s (axe: no serious or critical violation)', (language) => {
  it('item page, and the search page with its export links', async () => {
    const { page } = focal;
    await switchLanguage(page, language);
    await openFirstItem(page, 'smuggling');
    await visible(page.getByTestId('similar-item'));
    await expectAccessible(page, `${new URL(page.url()).pathname} [${language}]`);
    expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');

    await page.goto('/library?q=smuggling');
    await visible(page.getByTestId('library-export'));
    await expectAccessible(page, `/library?q=smuggling with export links [${language}]`);
  });
});
