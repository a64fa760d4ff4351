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
  unique,
  visible,
} from './browser.js';

const LANGUAGES: Language[] = ['en', 'fr', 'ar'];
const RUN = unique('review').replace(/[^a-z0-9]/g, '');
/** A word found nowhere else, written into an item by the reviewer. */
const MARKER = `quillwort${RUN.slice(-6)}`;

const DRAFT = `Rabat Process thematic meeting on the review of shared practices ${RUN}

Dakar, Senegal, 12-13 March 2031

Recommendations
The participants recommended the following:
1. Strengthen cooperation between the border agencies of Senegal and Morocco against migrant smuggling. Improve the exchange of information on smuggling routes along the Atlantic coast.
2. Develop joint training for border officers on the identification of victims of trafficking in human beings.
3. Support awareness campaigns in countries of origin on the risks of irregular migration.
`;

let browser: Browser;
let curator: Session;
let documentId: string;

/** Imports the draft through the import API (as the import page does) and waits for its document. */
async function importDraft(page: Page): Promise<string> {
  const { csrfToken } = await (await page.request.get('/api/v1/auth/csrf')).json();
  const upload = await page.request.post('/api/v1/knowledge/imports', {
    headers: { 'x-csrf-token': csrfToken },
    multipart: {
      files: { name: `${RUN}.txt`, mimeType: 'text/plain', buffer: Buffer.from(DRAFT) },
      handlingCode: 'TLP:CLEAR',
      distribution: 'all_partners',
    },
  });
  expect(upload.status(), await upload.text()).toBe(202);
  const { id } = await upload.json();
  // Polled by hand: this runs before the tests, where expect.poll is not available.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const [file] = (await (await page.request.get(`/api/v1/knowledge/imports/${id}`)).json()).files;
    if (file?.status === 'done') return file.documentId;
    if (file?.status === 'failed') throw new Error(`the draft could not be imported: ${JSON.stringify(file.problem)}`);
    await page.waitForTimeout(250);
  }
  throw new Error('the draft was not imported within 30 s');
}

const items = (page: Page) => page.getByTestId('review-item');

beforeAll(async () => {
  browser = await launchBrowser();
  curator = await openSession(browser);
  await signIn(curator.page, 'focal.sec@liaison.demo');
  documentId = await importDraft(curator.page);
});
afterAll(async () => {
  await browser?.close();
});

describe('review and publication', () => {
  it('lets a curator edit an item, split one and publish the document, which the library then finds', async () => {
    const { page, errors, dialogs } = curator;
    await switchLanguage(page, 'en');
    await page.getByRole('navigation').getByRole('link', { name: 'Review', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Review of library documents' }));
    await visible(page.getByRole('link', { name: 'Import documents' }));
    await page.getByRole('combobox', { name: 'Show documents' }).selectOption('draft');
    await page.getByRole('link', { name: new RegExp(RUN) }).click();
    await page.waitForURL((url) => url.pathname === `/library/review/${documentId}`);
    await visible(items(page));
    expect(await items(page).count()).toBe(3);

    // Edit the first item: a new word in its text and a theme.
    const first = items(page).first();
    await first.getByRole('button', { name: 'Edit', exact: true }).click();
    const text = first.getByRole('textbox', { name: 'Text' });
    await text.fill(`${await text.inputValue()} ${MARKER} <script>alert(1)</script>`);
    await first.getByLabel('Themes').fill('Capacity');
    await page.getByRole('option', { name: 'Capacity building' }).click();
    await page.keyboard.press('Escape');
    await first.getByRole('button', { name: 'Save', exact: true }).click();
    await visible(first.getByTestId('review-item-text').filter({ hasText: MARKER }));

    // Its history says who changed what.
    await first.getByRole('button', { name: 'Show history' }).click();
    const history = first.getByTestId('item-history');
    await visible(history.getByText('Edited'));
    expect(await history.textContent()).toContain('Thomas Fictif');
    expect(await history.locator('ins').first().textContent()).toContain(MARKER);

    // Split the first item after its first sentence, the cursor placed with the keyboard.
    await first.getByRole('button', { name: 'Split', exact: true }).click();
    const splitText = first.getByRole('textbox', { name: 'Text to split' });
    const cut = (await splitText.inputValue()).indexOf('smuggling.') + 'smuggling.'.length;
    await splitText.evaluate((field: HTMLTextAreaElement, at) => {
      field.focus();
      field.setSelectionRange(at + 1, at + 1);
    }, cut);
    await page.keyboard.press('ArrowLeft');
    await visible(first.getByText(`Split at character ${cut} into:`));
    await first.getByRole('button', { name: 'Split here' }).click();
    await expect.poll(() => items(page).count()).toBe(4);
    expect(await items(page).nth(1).getByTestId('review-item-text').textContent()).toMatch(/^Improve the exchange/);

    // Publish, after confirming.
    await page.getByRole('button', { name: 'Publish', exact: true }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Publish this document?' });
    await visible(dialog);
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await visible(page.getByRole('link', { name: 'Open in the library' }));
    expect(await page.getByText('Published on').count()).toBeGreaterThan(0);

    await page.goto(`/library?q=${MARKER}`);
    const result = page.getByTestId('knowledge-result');
    await visible(result);
    expect(await result.count()).toBe(1);
    expect(await result.textContent()).toContain('<script>alert(1)</script>');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows a clear message when another reviewer changed the item first', async () => {
    const { page } = curator;
    await page.goto(`/library/review/${documentId}`);
    await visible(items(page));
    const last = items(page).last();
    await last.getByRole('button', { name: 'Edit', exact: true }).click();
    // Someone else edits the item behind this page's back.
    const item = (await (await page.request.get(`/api/v1/knowledge/review/documents/${documentId}`)).json()).items.at(-1);
    const { csrfToken } = await (await page.request.get('/api/v1/auth/csrf')).json();
    const behind = await page.request.patch(`/api/v1/knowledge/review/items/${item.id}`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { revision: item.revision, type: 'challenge' },
    });
    expect(behind.status()).toBe(200);
    await last.getByRole('button', { name: 'Save', exact: true }).click();
    await visible(last.getByRole('alert').filter({ hasText: 'Changed by someone else' }));
    await last.getByRole('button', { name: 'Reload' }).click();
    await last.getByRole('button', { name: 'Cancel' }).click();
    await visible(last.getByText('Challenge'));
  });

  it('keeps the review away from those who may not curate', async () => {
    const partner = await openSession(browser);
    await signIn(partner.page, 'focal.ma@liaison.demo');
    expect(await partner.page.getByRole('navigation').getByRole('link', { name: 'Review', exact: true }).count()).toBe(0);
    await partner.page.goto(`/library/review/${documentId}`);
    await visible(partner.page.getByRole('heading', { level: 1, name: 'Not allowed' }));
    await partner.context.close();
  });

  it('passes axe on the review pages in English, French and Arabic', async () => {
    const { page } = curator;
    for (const language of LANGUAGES) {
      await page.goto('/library/review');
      await switchLanguage(page, language);
      await visible(page.getByTestId('review-documents'));
      await expectAccessible(page, `review list (${language})`);
      await page.goto(`/library/review/${documentId}`);
      await visible(items(page));
      const first = items(page).first();
      await first
        .getByRole('button')
        .filter({ hasText: /history|historique|السجل/i })
        .click();
      await visible(first.getByTestId('item-history'));
      await first.getByRole('button', { name: /^(Edit|Modifier|تعديل)$/ }).click();
      await expectAccessible(page, `review document (${language})`);
      expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
    }
    await switchLanguage(page, 'en');
  });
});
