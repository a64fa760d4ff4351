import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, type Language, launchBrowser, openSession, signIn, switchLanguage, visible } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const TEXTS: Record<Language, { title: string; enable: string; alerts: RegExp; save: string }> = {
  en: { title: 'E-mail notices', enable: 'Send me e-mail notices', alerts: /^New and changed alerts/, save: 'Save' },
  fr: { title: 'Avis par courriel', enable: 'M’envoyer des avis par courriel', alerts: /^Les alertes/, save: 'Enregistrer' },
  ar: { title: 'الإشعارات بالبريد الإلكتروني', enable: 'أرسل لي إشعارات بالبريد الإلكتروني', alerts: /^التنبيهات/, save: 'حفظ' },
};

describe('e-mail notices on the account page', () => {
  it('turns notices on with the keyboard, names the address, keeps the choice, in EN/FR/AR', async () => {
    const { page, context, errors } = await openSession(browser);
    await signIn(page, 'caseworker.es@liaison.demo');
    await page.goto('/account#notices');
    for (const language of ['en', 'fr', 'ar'] as const) {
      await switchLanguage(page, language);
      const text = TEXTS[language];
      const section = page.getByRole('region', { name: text.title });
      await visible(section);
      await visible(section.getByText('caseworker.es@liaison.demo'));
      await expectAccessible(page, `account notices (${language})`);
    }
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await switchLanguage(page, 'en');
    const section = page.getByRole('region', { name: TEXTS.en.title });
    const toggle = section.getByRole('switch', { name: TEXTS.en.enable });
    await toggle.focus();
    await page.keyboard.press('Space');
    expect(await toggle.isChecked()).toBe(true);
    const alerts = section.getByRole('checkbox', { name: TEXTS.en.alerts });
    await alerts.focus();
    await page.keyboard.press('Space');
    await section.getByRole('button', { name: TEXTS.en.save }).click();
    await visible(section.getByRole('status'));
    await page.reload();
    const reloaded = page.getByRole('region', { name: TEXTS.en.title });
    await expect.poll(() => reloaded.getByRole('switch', { name: TEXTS.en.enable }).isChecked()).toBe(true);
    expect(await reloaded.getByRole('checkbox', { name: TEXTS.en.alerts }).isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
