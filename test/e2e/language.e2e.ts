import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languageSwitcher, launchBrowser, openSession, signIn, switchLanguage, visible } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const htmlAttributes = (page: Page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

describe('interface language', () => {
  it('switches the sign-in page between English, French and Arabic (right to left)', async () => {
    const { page, context } = await openSession(browser);
    try {
      await page.goto('/login');
      await visible(page.getByRole('heading', { level: 1, name: 'Sign in to Liaison' }));
      expect(await htmlAttributes(page)).toEqual({ lang: 'en', dir: 'ltr' });

      await switchLanguage(page, 'fr');
      await visible(page.getByRole('heading', { level: 1, name: 'Connexion à Liaison' }));
      await visible(page.getByRole('textbox', { name: 'Mot de passe' }));
      expect(await htmlAttributes(page)).toEqual({ lang: 'fr', dir: 'ltr' });
      expect(await page.title()).toContain('Connexion à Liaison');

      await switchLanguage(page, 'ar');
      await visible(page.getByRole('heading', { level: 1, name: 'تسجيل الدخول إلى ليايزون' }));
      await visible(page.getByRole('button', { name: 'تسجيل الدخول' }));
      expect(await htmlAttributes(page)).toEqual({ lang: 'ar', dir: 'rtl' });
      // Mantine follows the direction: the page is laid out from the right.
      const box = await page.getByRole('textbox', { name: 'البريد الإلكتروني' }).boundingBox();
      const label = await page.locator('label', { hasText: 'البريد الإلكتروني' }).boundingBox();
      expect(box && label && label.x + label.width).toBeGreaterThan((box?.x ?? 0) + (box?.width ?? 0) / 2);

      // The choice is remembered on this device.
      await page.reload();
      await visible(page.getByRole('heading', { level: 1, name: 'تسجيل الدخول إلى ليايزون' }));
      expect(await htmlAttributes(page)).toEqual({ lang: 'ar', dir: 'rtl' });

      await switchLanguage(page, 'en');
      await visible(page.getByRole('heading', { level: 1, name: 'Sign in to Liaison' }));
      expect(await htmlAttributes(page)).toEqual({ lang: 'en', dir: 'ltr' });
    } finally {
      await context.close();
    }
  });

  it('translates the signed-in pages, role names and country names', async () => {
    const { page, context } = await openSession(browser);
    try {
      await signIn(page, 'reader.ma@liaison.demo');
      await visible(page.getByRole('main').getByText('Morocco', { exact: true }));

      await switchLanguage(page, 'fr');
      await visible(page.getByRole('navigation').getByRole('link', { name: 'Accueil' }));
      await visible(page.getByRole('main').getByText('Maroc', { exact: true }));
      await visible(page.getByRole('main').getByText('Lecteur', { exact: true }));
      expect(await htmlAttributes(page)).toEqual({ lang: 'fr', dir: 'ltr' });

      await switchLanguage(page, 'ar');
      await visible(page.getByRole('navigation').getByRole('link', { name: 'الرئيسية' }));
      await visible(page.getByRole('main').getByText('المغرب', { exact: true }));
      await visible(page.getByRole('main').getByText('قارئ', { exact: true }));
      expect(await htmlAttributes(page)).toEqual({ lang: 'ar', dir: 'rtl' });
      // In right-to-left the navigation sits on the right of the page's content.
      expect(await navigationSide(page)).toBe('right');

      await switchLanguage(page, 'en');
      await visible(page.getByRole('navigation').getByRole('link', { name: 'Home' }));
      expect(await navigationSide(page)).toBe('left');
      expect(await htmlAttributes(page)).toEqual({ lang: 'en', dir: 'ltr' });
      expect(await languageSwitcher(page).inputValue()).toBe('en');
    } finally {
      await context.close();
    }
  });
});

/** Which side of the main content the navigation stands on, comparing the centres of their boxes. */
async function navigationSide(page: Page): Promise<'left' | 'right'> {
  const nav = await page.getByRole('navigation').boundingBox();
  const main = await page.getByRole('main').boundingBox();
  if (!nav || !main) throw new Error('navigation or main landmark not laid out');
  return nav.x + nav.width / 2 > main.x + main.width / 2 ? 'right' : 'left';
}
