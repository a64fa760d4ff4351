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
const NEW_USER: Record<Language, string> = { en: 'New user', fr: 'Nouvel utilisateur', ar: 'مستخدم جديد' };
const SIGNED_IN_PAGES = [
  '/',
  '/account',
  '/admin/organisations',
  '/admin/units',
  '/admin/users',
  '/admin/sharing-groups',
  '/no-such-page',
];

let browser: Browser;
let admin: Session;
let reader: Session;
let visitor: Session;

beforeAll(async () => {
  browser = await launchBrowser();
  visitor = await openSession(browser);
  admin = await openSession(browser);
  await signIn(admin.page, 'admin@liaison.demo');
  reader = await openSession(browser);
  await signIn(reader.page, 'reader.sn@liaison.demo');
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a path and waits until its heading and (for lists) its table rows are drawn. */
async function show(page: Page, path: string) {
  await page.goto(path);
  await visible(page.getByRole('heading', { level: 1 }));
  if (path.startsWith('/admin/')) await visible(page.getByRole('row').nth(1));
}

describe.each(LANGUAGES)('accessibility in %s (axe: no serious or critical violation)', (language) => {
  it('sign-in page', async () => {
    const { page } = visitor;
    await page.goto('/login');
    await switchLanguage(page, language);
    await visible(page.getByRole('heading', { level: 1 }));
    await expectAccessible(page, `/login [${language}]`);
  });

  it('every signed-in page, and a form dialog', async () => {
    const { page, errors } = admin;
    await switchLanguage(page, language);
    for (const path of SIGNED_IN_PAGES) {
      await show(page, path);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      await expectAccessible(page, `${path} [${language}]`);
    }
    await show(page, '/admin/users');
    await page.getByRole('button', { name: NEW_USER[language], exact: true }).click();
    await visible(page.getByRole('dialog', { name: NEW_USER[language] }));
    await expectAccessible(page, `/admin/users create dialog [${language}]`);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });

  it('the not-allowed page', async () => {
    const { page } = reader;
    await switchLanguage(page, language);
    await page.goto('/admin/users');
    await visible(page.getByRole('heading', { level: 1 }));
    await visible(page.locator('.mantine-Alert-root'));
    await expectAccessible(page, `/admin/users as a reader [${language}]`);
  });
});
