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

const RUN = unique('flow').replace(/[^a-z0-9]/g, '');
/** A file that reads well but holds nothing the library keeps. */
const NOTHING = (n: number) => `Note ${RUN} ${n}\n\nLunch was served at noon in the main hall of the hotel.\n`;
const OUTCOME = `Rabat Process thematic meeting on replaced drafts ${RUN}

Dakar, Senegal, 12-13 March 2032

Recommendations
The participants recommended the following:
1. Strengthen cooperation between the border agencies of Senegal and Morocco against migrant smuggling.
2. Develop joint training for border officers on the identification of victims of trafficking.
`;

let browser: Browser;
let curator: Session;

interface Upload {
  name: string;
  text: string;
  mimeType?: string;
}

/** Uploads a file through the import API (as the import page does) and waits until the import ends. */
async function importFile(page: Page, file: Upload): Promise<{ id: string; files: { documentId: string }[] }> {
  const { csrfToken } = await (await page.request.get('/api/v1/auth/csrf')).json();
  const upload = await page.request.post('/api/v1/knowledge/imports', {
    headers: { 'x-csrf-token': csrfToken },
    multipart: {
      files: { name: file.name, mimeType: file.mimeType ?? 'text/plain', buffer: Buffer.from(file.text) },
      handlingCode: 'TLP:CLEAR',
      distribution: 'all_partners',
    },
  });
  expect(upload.status(), await upload.text()).toBe(202);
  const { id } = await upload.json();
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const answer = await (await page.request.get(`/api/v1/knowledge/imports/${id}`)).json();
    if (answer.status === 'done' || answer.status === 'failed') return answer;
    await page.waitForTimeout(250);
  }
  throw new Error('the import did not end within 30 s');
}

beforeAll(async () => {
  browser = await launchBrowser();
  curator = await openSession(browser);
  await signIn(curator.page, 'focal.sec@liaison.demo');
});
afterAll(async () => {
  await browser?.close();
});

describe('no dead end after an import', () => {
  it('shows an import that found no items as a warning, and leads to discarding the draft', async () => {
    const { page, errors } = curator;
    await switchLanguage(page, 'en');
    const done = await importFile(page, { name: `${RUN}-nothing.txt`, text: NOTHING(1) });
    await page.goto(`/library/import?import=${done.id}`);
    const progress = page.getByTestId('import-progress');
    const status = await visible(progress.getByTestId('import-status'));
    expect(await status.getAttribute('data-outcome')).toBe('empty');
    expect(await status.textContent()).toBe('Finished: no items found');
    await visible(progress.getByText('No items found — discard or replace this document.'));
    await expectAccessible(page, '/library/import with an empty file [en]');

    await progress.getByRole('link', { name: `Discard or replace the document from ${RUN}-nothing.txt` }).click();
    await reachedPath(page, `/library/review/${done.files[0].documentId}`);
    await page.getByRole('button', { name: 'Discard', exact: true }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Discard this draft?' }));
    await expectAccessible(page, 'discard dialog [en]');
    const confirm = dialog.getByRole('button', { name: 'Discard', exact: true });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Why is it discarded?').fill('Minutes, not an outcome document');
    await confirm.click();
    const notice = await visible(page.getByTestId('discarded-notice'));
    expect(await notice.textContent()).toContain('Reason: Minutes, not an outcome document');
    expect(await page.getByRole('button', { name: 'Discard', exact: true }).count()).toBe(0);
    await expectAccessible(page, 'discarded document [en]');
    expect(errors).toEqual([]);
  });

  it('replaces a draft by another file and opens its next version', async () => {
    const { page, errors } = curator;
    await switchLanguage(page, 'fr');
    const done = await importFile(page, { name: `${RUN}-wrong.txt`, text: NOTHING(2) });
    const oldId = done.files[0].documentId;
    await page.goto(`/library/review/${oldId}`);
    await page.getByRole('button', { name: 'Remplacer par un autre fichier' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Remplacer ce brouillon par un autre fichier ?' }));
    await expectAccessible(page, 'replace dialog [fr]');
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: `${RUN}-right.txt`, mimeType: 'text/plain', buffer: Buffer.from(OUTCOME) });
    await dialog.getByRole('button', { name: 'Remplacer par un autre fichier' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/library/review/') && !url.pathname.endsWith(oldId));
    await visible(page.getByTestId('review-item'));
    expect(await page.getByTestId('review-item').count()).toBeGreaterThanOrEqual(2);
    await page.goto(`/library/review/${oldId}`);
    await visible(page.getByTestId('discarded-notice'));
    await page.getByRole('link', { name: 'Ouvrir la version qui l’a remplacé' }).click();
    await visible(page.getByTestId('review-item'));
    expect(errors).toEqual([]);
  });

  it('says "finished with errors" and lists the failed file with its reason in the reader\'s language', async () => {
    const { page, errors } = curator;
    await switchLanguage(page, 'ar');
    await page.goto('/library/import');
    const input = page.locator('input[type="file"]').first();
    await input.setInputFiles([
      { name: `${RUN}-good.txt`, mimeType: 'text/plain', buffer: Buffer.from(OUTCOME.replace('2032', '2033')) },
      { name: `${RUN}-fake.pdf`, mimeType: 'application/pdf', buffer: Buffer.from('this is not a PDF file') },
      { name: `${RUN}-sheet.xlsx`, mimeType: 'application/octet-stream', buffer: Buffer.from('x') },
    ]);
    const chosen = await visible(page.getByTestId('chosen-files'));
    await visible(chosen.getByText(`${RUN}-sheet.xlsx`));
    // A file chosen by mistake is taken off the list, by keyboard as by mouse.
    const remove = chosen.getByRole('button', { name: `إزالة ${RUN}-sheet.xlsx من القائمة` });
    await remove.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => chosen.getByText(`${RUN}-sheet.xlsx`).count()).toBe(0);
    expect(await chosen.getByRole('listitem').count()).toBe(2);
    await expectAccessible(page, '/library/import with chosen files [ar]');
    await page.getByRole('button', { name: 'رفع' }).click();
    const progress = page.getByTestId('import-progress');
    const status = progress.getByTestId('import-status');
    await expect.poll(() => status.getAttribute('data-outcome'), { timeout: 45_000 }).toBe('partial');
    expect(await status.textContent()).toBe('انتهى مع أخطاء');
    const failed = await visible(progress.getByTestId('failed-files'));
    expect(await failed.textContent()).toContain(`${RUN}-fake.pdf`);
    expect(await failed.textContent()).toContain('الملف تالف');
    await expectAccessible(page, '/library/import finished with errors [ar]');
    expect(errors).toEqual([]);
  });

  it("shows the server's reason for a refused file beside that file", async () => {
    const { page } = curator;
    await switchLanguage(page, 'fr');
    await page.goto('/library/import');
    await page.route('**/api/v1/knowledge/imports', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 422,
            contentType: 'application/problem+json',
            body: JSON.stringify({
              type: 'urn:liaison:problem:no-text-layer',
              title: 'No text layer',
              status: 422,
              detail: 'scan.pdf has no text layer',
              fileName: `${RUN}-scan.pdf`,
            }),
          })
        : route.continue(),
    );
    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles([
        { name: `${RUN}-a.txt`, mimeType: 'text/plain', buffer: Buffer.from(OUTCOME) },
        { name: `${RUN}-scan.pdf`, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') },
      ]);
    await page.getByRole('button', { name: 'Téléverser' }).click();
    const reason = await visible(page.getByTestId('refused-reason'));
    expect(await reason.textContent()).toContain('couche de texte');
    const refused = page.getByTestId('chosen-files').locator('[data-refused]');
    expect(await refused.textContent()).toContain(`${RUN}-scan.pdf`);
    await page.unroute('**/api/v1/knowledge/imports');
  });
});

describe('readable library addresses and places in documents', () => {
  it('writes the filters of a search as words in the address bar, and still reads older links', async () => {
    const { page } = curator;
    await switchLanguage(page, 'en');
    await page.goto('/library?type=recommendation');
    await visible(page.getByTestId('knowledge-result'));
    const countries = page.getByTestId('facet-country').getByRole('checkbox');
    await countries.first().check();
    await page.waitForURL((url) => url.searchParams.has('country'));
    const url = new URL(page.url());
    expect(url.search).not.toMatch(/%5B|%22|\[/);
    expect(url.searchParams.get('type')).toBe('recommendation');
    expect(url.searchParams.get('country')).toMatch(/^[A-Z]{2}$/);
    await page.goto('/library?type=%5B%22recommendation%22%5D');
    await visible(page.getByTestId('knowledge-result'));
    expect(await page.getByTestId('facet-type').getByRole('checkbox', { checked: true }).count()).toBe(1);
  });

  it('opens the document at the line an item page cites, highlighted and focused', async () => {
    const { page, errors } = curator;
    await switchLanguage(page, 'en');
    const found = await (await page.request.get('/api/v1/knowledge/items?q=smuggling&limit=5')).json();
    const cited = found.items.find((item: { line: number | null }) => item.line !== null);
    await page.goto(`/library/items/${cited.id}`);
    const place = await visible(page.getByTestId('item-place'));
    const line = Number(/Line (\d+)/.exec((await place.textContent()) ?? '')?.[1]);
    expect(line).toBeGreaterThan(0);
    await place.click();
    await page.waitForURL((url) => url.pathname.startsWith('/library/documents/') && url.hash.startsWith('#item-'));
    const target = page.locator('.knowledge-text [data-target]');
    await visible(target);
    expect(await target.getAttribute('data-line')).toBe(String(line));
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-line'))).toBe(String(line));
    // A cited line number alone (#line-3) opens the same way.
    await page.goto(`${new URL(page.url()).pathname}#line-3`);
    await expect.poll(() => target.getAttribute('data-line')).toBe('3');
    await expectAccessible(page, 'document opened at a line [en]');
    expect(errors).toEqual([]);
  });
});
