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
  visible,
} from './browser.js';

const LANGUAGES: Language[] = ['en', 'fr', 'ar'];

let browser: Browser;
let visitor: Session;
let focal: Session;

beforeAll(async () => {
  browser = await launchBrowser();
  visitor = await openSession(browser);
  focal = await openSession(browser);
  await signIn(focal.page, 'focal.ma@liaison.demo');
});
afterAll(async () => {
  await browser?.close();
});

/** The number in "1,234 items" (any language's digits are Western in these locales' tests). */
function countIn(text: string | null): number {
  const digits = (text ?? '').replace(/[^\d]/g, '');
  return Number(digits);
}

async function searchFor(page: Page, words: string) {
  await page.goto('/library');
  await visible(page.getByRole('heading', { level: 1 }));
  await page
    .getByRole('searchbox', { name: /^(Search the library|Rechercher dans la bibliothèque|البحث في المكتبة)$/ })
    .fill(words);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === words);
  // The previous list stays on screen while the new search runs: wait for it to be replaced.
  await expect.poll(() => page.locator('section[aria-busy="true"]').count()).toBe(0);
  await visible(page.getByTestId('knowledge-result'));
}

async function total(page: Page): Promise<number> {
  return countIn(await page.getByTestId('knowledge-total').textContent());
}

describe('knowledge library', () => {
  it('finds items with highlighted terms, narrows by country and opens the source document', async () => {
    const { page, errors } = focal;
    await switchLanguage(page, 'en');
    await page.getByRole('navigation').getByRole('link', { name: 'Library', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Library' }));

    await searchFor(page, 'smuggling');
    const all = await total(page);
    expect(all).toBeGreaterThan(0);
    // The highlights are real <mark> elements, built from the snippet without injecting its HTML.
    const mark = page.getByTestId('knowledge-snippet').locator('mark').first();
    await visible(mark);
    expect((await mark.textContent())?.toLowerCase()).toContain('smuggl');
    expect(await page.getByTestId('knowledge-snippet').first().innerHTML()).not.toMatch(/&lt;mark/);

    // A country facet shows its count; ticking it narrows the results to that count, and the URL keeps it.
    const country = page.getByTestId('facet-country').getByRole('checkbox').first();
    const label = (await page.getByTestId('facet-country').locator('label').first().textContent()) ?? '';
    const expected = countIn(label.match(/\(([\d\s,.\u202f\u00a0]+)\)\s*$/)?.[1] ?? '');
    expect(expected).toBeGreaterThan(0);
    await country.check();
    await page.waitForURL((url) => url.searchParams.has('country'));
    await expect.poll(() => total(page)).toBe(expected);
    expect(expected).toBeLessThanOrEqual(all);
    expect(await country.isChecked()).toBe(true);

    // The shared link gives the same search.
    const shared = page.url();
    await page.goto(shared);
    await visible(page.getByTestId('knowledge-result'));
    await expect.poll(() => total(page)).toBe(expected);

    // The citation opens the document page, with its items.
    const citation = page.getByTestId('knowledge-result').first().locator('a[href^="/library/documents/"]');
    const title = ((await citation.textContent()) ?? '').trim();
    await citation.click();
    await page.waitForURL((url) => url.pathname.startsWith('/library/documents/'));
    await visible(page.getByRole('heading', { level: 1, name: title }));
    const items = page.getByTestId('document-items').getByRole('listitem');
    await visible(items);
    expect(await items.count()).toBeGreaterThan(0);
    await visible(page.getByRole('region', { name: 'Original text' }));
    expect(errors).toEqual([]);
  });

  it("links an item's country tags to the country's profile", async () => {
    const { page, errors } = focal;
    await switchLanguage(page, 'en');
    await searchFor(page, 'smuggling');
    const tag = page.getByTestId('knowledge-result').getByRole('list', { name: 'Tags' }).getByRole('link').first();
    await visible(tag);
    const href = (await tag.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/library\/countries\/[A-Z]{2}$/);
    const country = ((await tag.textContent()) ?? '').trim();
    expect(country.length).toBeGreaterThan(1);
    // Click the link that was read, even if the list re-renders in between.
    await page.getByTestId('knowledge-result').locator(`a[href="${href}"]`).first().click();
    await reachedPath(page, href);
    await visible(page.getByRole('heading', { level: 1, name: country }));

    // The same tags on a document's page lead to the profiles too.
    await searchFor(page, 'smuggling');
    await page.getByTestId('knowledge-result').first().locator('a[href^="/library/documents/"]').click();
    await page.waitForURL((url) => url.pathname.startsWith('/library/documents/'));
    const documentTag = page.getByTestId('document-items').getByRole('list', { name: 'Tags' }).getByRole('link').first();
    await visible(documentTag);
    expect(await documentTag.getAttribute('href')).toMatch(/^\/library\/countries\/[A-Z]{2}$/);
    expect(errors).toEqual([]);
  });

  it('says when it corrected a misspelt word or matched only some of the words', async () => {
    const { page } = focal;
    await switchLanguage(page, 'en');
    // A misspelt word is corrected before the search, and the page says so (with the words as typed one click away).
    await searchFor(page, 'smugling');
    await visible(page.getByTestId('knowledge-correction'));
    expect(await page.getByTestId('knowledge-correction-query').textContent()).toBe('smuggling');
    await searchFor(page, 'smuggling zzqqxxword');
    expect(await page.getByTestId('knowledge-match-notice').textContent()).toMatch(/the most of them/);
    await searchFor(page, 'smuggling');
    expect(await page.getByTestId('knowledge-match-notice').count()).toBe(0);
  });

  it('finds items in the other language and marks them as translated matches', async () => {
    const { page } = visitor;
    await page.goto('/library');
    await switchLanguage(page, 'en');
    // "passeurs" is French for smugglers: English items are found through the glossary.
    await searchFor(page, 'passeurs');
    const badge = page.getByTestId('knowledge-translated').first();
    await visible(badge);
    expect(await badge.textContent()).toBe('Translated match');
    const card = page
      .getByTestId('knowledge-result')
      .filter({ has: page.getByTestId('knowledge-translated') })
      .first();
    expect((await card.getByTestId('knowledge-snippet').textContent())?.toLowerCase()).toMatch(/smuggler/);
    await switchLanguage(page, 'fr');
    await expect.poll(() => page.getByTestId('knowledge-translated').first().textContent()).toBe('Correspondance traduite');
    await switchLanguage(page, 'en');
  });

  it('is open to signed-out visitors, lists the documents and says when a document is unknown', async () => {
    const { page } = visitor;
    await page.goto('/login');
    await switchLanguage(page, 'en');
    await page.getByRole('link', { name: 'Library', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Library' }));
    await page.getByRole('link', { name: 'All documents' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Library documents' }));
    await visible(page.getByRole('row').nth(1));
    for (const id of ['00000000-0000-4000-8000-000000000000', 'no-such-document']) {
      await page.goto(`/library/documents/${id}`);
      await visible(page.getByRole('heading', { level: 1, name: 'Page not found' }));
    }
  });

  it('turns right-to-left in Arabic', async () => {
    const { page } = visitor;
    await page.goto('/library?q=smuggling');
    await switchLanguage(page, 'ar');
    await visible(page.getByRole('heading', { level: 1, name: 'المكتبة' }));
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await switchLanguage(page, 'en');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
  });
});

describe.each(LANGUAGES)('knowledge library accessibility in %s (axe: no serious or critical violation)', (language) => {
  it('search page and document page', async () => {
    const { page } = focal;
    await switchLanguage(page, language);
    await page.goto('/library?q=smuggling');
    await visible(page.getByTestId('knowledge-result'));
    await expectAccessible(page, `/library?q=smuggling [${language}]`);

    await page.getByTestId('knowledge-result').first().locator('a[href^="/library/documents/"]').click();
    await page.waitForURL((url) => url.pathname.startsWith('/library/documents/'));
    await visible(page.getByTestId('document-items').getByRole('listitem'));
    await expectAccessible(page, `${new URL(page.url()).pathname} [${language}]`);

    await page.goto('/library/documents');
    await visible(page.getByRole('row').nth(1));
    await expectAccessible(page, `/library/documents [${language}]`);
  });
});
