import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openSession, signIn, switchLanguage, unique, visible } from './browser.js';
import { pick } from './exchange-helpers.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SPANISH_UNIT = 'Unit against illegal immigration networks';

/** A PDF of about `megabytes` MB: a real header and trailer around padding comments, unique per run. */
function pdf(megabytes: number): Buffer {
  const line = `% ${unique('padding')} ${'x'.repeat(60)}\n`;
  const padding = line.repeat(Math.ceil((megabytes * 1024 * 1024) / line.length));
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n${padding}trailer << >>\n%%EOF\n`);
}

/** Chooses files through the "Add files" button's file chooser, as a person would. */
async function chooseFiles(page: Page, buttonName: string, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: buttonName }).click()]);
  await chooser.setFiles(files);
}

describe('attachments of messages', () => {
  it('carries a PDF from Morocco to Spain: upload with progress, send, download the same bytes', async () => {
    const morocco = await openSession(browser);
    const spain = await openSession(browser);
    try {
      const subject = unique('Boarding records');
      const bytes = pdf(3);
      const name = 'boarding-records.pdf';
      let page = morocco.page;
      await signIn(page, 'focal.ma@liaison.demo');
      await page.goto('/messages/new');
      await visible(page.getByRole('heading', { level: 1, name: 'New message' }));
      await pick(page, 'Recipients', 'illegal immigration', `${SPANISH_UNIT} (CGEF)`);
      await page.getByRole('textbox', { name: 'Subject' }).fill(subject);
      await page.getByRole('textbox', { name: 'Message' }).fill('The records are attached.');

      // A slow uplink, so the progress bar is seen moving before it completes.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 20,
        downloadThroughput: -1,
        uploadThroughput: 1024 * 1024,
      });
      await chooseFiles(page, 'Add files', [{ name, mimeType: 'application/pdf', buffer: bytes }]);
      const progress = page.getByRole('progressbar', { name: `Upload of ${name}` });
      await visible(progress);
      const seen = new Set<number>();
      const entry = page.getByTestId('attachment-entry');
      await expect
        .poll(
          async () => {
            seen.add(Number(await progress.getAttribute('aria-valuenow')));
            return entry.getAttribute('data-status');
          },
          { timeout: 30_000, interval: 50 },
        )
        .toBe('done');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      expect(
        [...seen].some((value) => value > 0 && value < 100),
        `progress values ${[...seen]}`,
      ).toBe(true);
      expect(await progress.getAttribute('aria-valuenow')).toBe('100');
      expect(await entry.textContent()).toContain('PDF');
      expect(await entry.textContent()).toContain('uploaded');
      await expectAccessible(page, 'compose with an attachment (en)');

      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.waitForURL((url) => /^\/messages\/[0-9a-f-]{36}$/.test(url.pathname));
      const messagePath = new URL(page.url()).pathname;
      await visible(page.getByRole('article', { name: subject }).getByRole('link', { name }));

      // Spain opens the message and downloads the file.
      page = spain.page;
      await signIn(page, 'focal.es@liaison.demo');
      await page.goto(messagePath);
      const article = page.getByRole('article', { name: subject });
      await visible(article.getByRole('heading', { name: '1 attachment' }));
      const link = article.getByRole('link', { name });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe(name);
      const saved = await download.path();
      expect(fs.readFileSync(saved).equals(bytes)).toBe(true);
      expect(new URL(page.url()).pathname).toBe(messagePath);

      for (const language of ['en', 'fr', 'ar'] as const) {
        if (language !== 'en') await switchLanguage(page, language);
        await visible(article.getByRole('link', { name }));
        await expectAccessible(page, `message with an attachment (${language})`);
      }
      for (const session of [morocco, spain]) {
        expect(session.dialogs).toEqual([]);
        expect(session.errors).toEqual([]);
      }
    } finally {
      await Promise.all([morocco.context.close(), spain.context.close()]);
    }
  });

  it('shows refusals next to each file and keeps the form usable, in English, French and Arabic', async () => {
    const session = await openSession(browser);
    try {
      const page = session.page;
      await signIn(page, 'focal.ma@liaison.demo');
      await page.goto('/messages/new');
      const labels = {
        en: { button: 'Add files', refused: 'is a program or script and cannot be attached' },
        fr: { button: 'Ajouter des fichiers', refused: 'est un programme ou un script' },
        ar: { button: 'إضافة ملفات', refused: 'برنامج أو نص برمجي' },
      } as const;
      for (const language of ['en', 'fr', 'ar'] as const) {
        if (language !== 'en') await switchLanguage(page, language);
        await chooseFiles(page, labels[language].button, [
          { name: `tool-${language}.exe`, mimeType: 'application/octet-stream', buffer: Buffer.from('MZ fake program') },
          { name: `note-${language}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`Note ${language}\n`) },
        ]);
        const refused = page.getByTestId('attachment-entry').filter({ hasText: `tool-${language}.exe` });
        await visible(refused.getByRole('alert').filter({ hasText: labels[language].refused }));
        await expect
          .poll(() =>
            page
              .getByTestId('attachment-entry')
              .filter({ hasText: `note-${language}.txt` })
              .getAttribute('data-status'),
          )
          .toBe('done');
        await expectAccessible(page, `compose with a refused file (${language})`);
      }
      // Removing a file takes it off the list.
      await page.getByRole('button', { name: 'إزالة tool-ar.exe' }).click();
      await expect.poll(() => page.getByTestId('attachment-entry').filter({ hasText: 'tool-ar.exe' }).count()).toBe(0);
      expect(session.errors).toEqual([]);
    } finally {
      await session.context.close();
    }
  });
});
