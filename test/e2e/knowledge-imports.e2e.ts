import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
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

const REPO = path.resolve(import.meta.dirname, '../..');
const DAKAR = fs.readFileSync(path.join(REPO, 'test/fixtures/knowledge/2024-03-dakar-rabat-protection-fr.txt'), 'utf8');
const SOFIA = fs.readFileSync(
  path.join(REPO, '../shared/corpus/2023-10-sofia-budapest-integrated-border-management.txt'),
  'utf8',
);
const TITLES: Record<Language, RegExp> = {
  en: /^Import documents$/,
  fr: /^Importer des documents$/,
  ar: /^استيراد الوثائق$/,
};

let browser: Browser;
let curator: Session;
let folder: string;
let files: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  curator = await openSession(browser);
  await signIn(curator.page, 'focal.sec@liaison.demo');
  // A new document (Dakar, another year) and a changed corpus document (a new version of Sofia).
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-e2e-import-'));
  files = [
    ['dakar-2036.txt', DAKAR.replaceAll('2024', '2036')],
    ['sofia-revised.txt', `${SOFIA}\n- Participants agreed to meet again in 2026.\n`],
  ].map(([name, text]) => {
    const file = path.join(folder, name);
    fs.writeFileSync(file, text);
    return file;
  });
});
afterAll(async () => {
  await browser?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('importing documents', () => {
  it('uploads two files, shows each file reaching done, and links to the review of each document', async () => {
    const { page, errors, dialogs } = curator;
    await switchLanguage(page, 'en');
    await page.goto('/library/import');
    await visible(page.getByRole('heading', { level: 1, name: TITLES.en }));
    await expectAccessible(page, '/library/import [en]');

    // As a person would: the labelled button opens the file chooser.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByLabel('Files to import').click()]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles(files);
    await visible(page.getByTestId('chosen-files').getByText('dakar-2036.txt'));
    await page.getByRole('radio', { name: 'TLP:AMBER', exact: true }).check();
    await page.getByRole('button', { name: 'Upload' }).click();

    await page.waitForURL((url) => url.searchParams.has('import'));
    const progress = page.getByTestId('import-progress');
    await visible(progress.getByTestId('import-status').getByText('Finished'), 45_000);
    const rows = progress.getByTestId('import-file');
    expect(await rows.count()).toBe(2);
    for (const name of ['dakar-2036.txt', 'sofia-revised.txt']) {
      const bar = progress.getByRole('progressbar', { name: `Progress of ${name}` });
      expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    }
    expect(await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-status')))).toEqual(['done', 'done']);
    await visible(progress.getByText('Stored as version 2', { exact: false }));
    await visible(page.getByTestId('recent-import').first());
    await expectAccessible(page, '/library/import?import=… [en]');

    const review = progress.getByRole('link', { name: 'Review the document from dakar-2036.txt' });
    const href = await review.getAttribute('href');
    expect(href).toMatch(/^\/library\/review\/[0-9a-f-]{36}$/);
    await review.click();
    await page.waitForURL((url) => url.pathname === href);
    await visible(page.getByRole('heading', { level: 1 }));
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('is readable and accessible in French and Arabic (right to left)', async () => {
    const { page } = curator;
    await page.goto('/library/import');
    const recent = page.getByTestId('recent-import').first().getByRole('link');
    await recent.click();
    await page.waitForURL((url) => url.searchParams.has('import'));
    for (const language of ['fr', 'ar'] as const) {
      await switchLanguage(page, language);
      await visible(page.getByRole('heading', { level: 1, name: TITLES[language] }));
      await visible(page.getByTestId('import-file').first());
      expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
      await expectAccessible(page, `/library/import?import=… [${language}]`);
    }
    await switchLanguage(page, 'en');
  });

  it('shows the not-allowed page to someone who does not curate the library', async () => {
    const other = await openSession(browser);
    await signIn(other.page, 'focal.ma@liaison.demo');
    await other.page.goto('/library/import');
    await visible(other.page.getByRole('heading', { level: 1, name: 'Not allowed' }));
    expect(await other.page.getByLabel('Files to import').count()).toBe(0);
    await other.context.close();
  });
});
