import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  type Language,
  launchBrowser,
  openSession,
  signIn,
  signInWithForm,
  switchLanguage,
  visible,
} from './browser.js';

/**
 * Languages done properly: plural forms by CLDR rules, dates and lists as each language writes them,
 * mixed-direction text isolated, the sign-in page's language carried into the session, errors
 * entirely in the reader's language, and public pages that log no error in the console.
 */

const LANGUAGES: Language[] = ['en', 'fr', 'ar'];
// The machine is shared: give pages time to load before a check gives up.
const POLL = { timeout: 20_000 };
const SLOW = 240_000;
const MIXED_TITLE = 'Rabat Process 2026 — مسار الرباط';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const TOTALS: Record<Language, Record<number, string>> = {
  en: { 1: '1 item', 2: '2 items', 11: '11 items' },
  fr: { 1: '1 élément', 2: '2 éléments', 11: '11 éléments' },
  ar: { 1: 'عنصر واحد', 2: 'عنصران', 11: `${new Intl.NumberFormat('ar').format(11)} عنصرًا` },
};
const DATES: Record<Language, string> = { en: 'Dec 7, 2026', fr: '7 déc. 2026', ar: '7 ديسمبر 2026' };

/**
 * Answers the library's searches with the real server's reply, changed to say `total` results and
 * to give the first one a mixed Arabic/Latin title, a date and a place: counts and titles the demo
 * data cannot be made to hold otherwise.
 */
async function shapeSearchReplies(page: Page, total: () => number) {
  await page.route(
    (url) => url.pathname === '/api/v1/knowledge/items',
    async (route: Route) => {
      const response = await route.fetch();
      const body = await response.json();
      body.total = total();
      if (body.items?.[0]) {
        body.items[0].document = {
          ...body.items[0].document,
          title: MIXED_TITLE,
          dates: ['2026-12-07'],
          city: 'Rabat',
          country: 'MA',
        };
      }
      await route.fulfill({ response, json: body });
    },
  );
}

function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

async function searchLibrary(page: Page, words: string) {
  await page.goto(`/library?q=${encodeURIComponent(words)}`);
  await visible(page.getByTestId('knowledge-result'));
}

async function csrf(page: Page): Promise<string> {
  return page.evaluate(async () => ((await (await fetch('/api/v1/auth/csrf')).json()) as { csrfToken: string }).csrfToken);
}

async function profileLocale(page: Page): Promise<string> {
  return page.evaluate(async () => ((await (await fetch('/api/v1/me')).json()) as { locale: string }).locale);
}

describe('languages done properly', () => {
  it(
    'shows the public library signed out without an error in the console, in every language',
    async () => {
      const { page, context } = await openSession(browser);
      const consoleErrors = collectConsoleErrors(page);
      try {
        await searchLibrary(page, 'migration');
        for (const language of LANGUAGES) {
          await switchLanguage(page, language);
          await page.reload();
          await visible(page.getByTestId('knowledge-result'));
          await expectAccessible(page, `library signed out (${language})`);
        }
        expect(consoleErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    SLOW,
  );

  it(
    'counts with the plural forms of each language, writes dates its way and isolates a mixed-direction title',
    async () => {
      const { page, context } = await openSession(browser);
      let total = 1;
      await shapeSearchReplies(page, () => total);
      try {
        for (const language of LANGUAGES) {
          await page.goto('/library');
          await switchLanguage(page, language);
          for (const count of [1, 2, 11]) {
            total = count;
            await searchLibrary(page, `migration ${language} ${count}`);
            await expect.poll(() => page.getByTestId('knowledge-total').textContent(), POLL).toBe(TOTALS[language][count]);
          }
          const first = page.getByTestId('knowledge-result').first();
          expect(await first.textContent()).toContain(DATES[language]);
          // The title sits in its own isolate, so the Arabic half does not drag the Latin words around.
          const title = first.locator('bdi', { hasText: MIXED_TITLE });
          expect(await title.count()).toBe(1);
          if (language === 'ar') expect(await first.textContent()).toContain('Rabat، المغرب');
          await expectAccessible(page, `library results (${language})`);
        }
      } finally {
        await context.close();
      }
    },
    SLOW,
  );

  it(
    'writes a list with the Arabic comma in Arabic',
    async () => {
      const { page, context } = await openSession(browser);
      // An item whose meeting had three co-chairs: a list, "أ، وب، وج" in Arabic.
      await page.route(
        (url) => /^\/api\/v1\/knowledge\/items\/[^/]+$/.test(url.pathname),
        async (route: Route) => {
          const response = await route.fetch();
          const body = await response.json();
          body.document = { ...body.document, coChairs: ['MA', 'SN', 'ES'] };
          await route.fulfill({ response, json: body });
        },
      );
      try {
        await searchLibrary(page, 'migration');
        await page.getByTestId('knowledge-result').first().getByRole('link').last().click();
        await page.waitForURL((url) => /^\/library\/items\//.test(url.pathname));
        await switchLanguage(page, 'ar');
        const main = page.getByRole('main');
        await expect.poll(async () => (await main.textContent()) ?? '', POLL).toMatch(/المغرب، والسنغال، وإسبانيا/);
        await switchLanguage(page, 'fr');
        await expect.poll(async () => (await main.textContent()) ?? '', POLL).toMatch(/Maroc, Sénégal et Espagne/);
        await expectAccessible(page, 'item page (fr)');
      } finally {
        await context.close();
      }
    },
    SLOW,
  );

  it('keeps the language chosen on the sign-in page, and saves it in the profile when the person agrees', async () => {
    const email = 'caseworker.sn@liaison.demo';
    const chooser = await openSession(browser);
    const other = await openSession(browser);
    try {
      const { page } = chooser;
      await page.goto('/login');
      await switchLanguage(page, 'ar');
      await signInWithForm(page, email);
      expect(await page.locator('html').getAttribute('lang')).toBe('ar');
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      const offer = page.getByTestId('language-offer');
      await visible(offer);
      expect(await offer.getAttribute('role')).toBe('status');
      expect(await offer.textContent()).toContain('الإنجليزية');
      await expectAccessible(page, 'home with the language offer (ar)');
      await offer.getByRole('button', { name: /اعتماد/ }).click();
      await visible(page.getByRole('status').filter({ hasText: 'أصبحت لغة ملفك الشخصي' }));
      expect(await profileLocale(page)).toBe('ar');

      // On a device where nobody chose a language, the profile's applies after sign-in.
      await signIn(other.page, email);
      await expect.poll(() => other.page.locator('html').getAttribute('lang'), POLL).toBe('ar');
      expect(await other.page.getByTestId('language-offer').count()).toBe(0);
    } finally {
      // Leave the demo account as it was for the other browser tests.
      const token = await csrf(chooser.page);
      await chooser.page.evaluate(
        async (csrfToken) =>
          fetch('/api/v1/me', {
            method: 'PATCH',
            headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
            body: JSON.stringify({ locale: 'en' }),
          }),
        token,
      );
      expect(await profileLocale(chooser.page)).toBe('en');
      await chooser.context.close();
      await other.context.close();
    }
  });

  it('shows an error in Arabic entirely in Arabic', async () => {
    const { page, context } = await openSession(browser);
    try {
      await page.goto('/login');
      await switchLanguage(page, 'ar');
      await page.getByRole('textbox', { name: 'البريد الإلكتروني' }).fill('nobody.here@liaison.demo');
      await page.getByRole('textbox', { name: 'كلمة المرور' }).fill('not-the-password');
      await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
      const alert = page.getByRole('alert');
      await visible(alert);
      const text = (await alert.textContent()) ?? '';
      expect(text).toContain('البريد الإلكتروني أو كلمة المرور غير صحيحة');
      expect(text).not.toMatch(/[A-Za-z]/);
      await expectAccessible(page, 'sign-in error (ar)');
    } finally {
      await context.close();
    }
  });
});
