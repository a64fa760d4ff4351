import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { launchChromium } from '../support/chromium.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page itself. It is injected once per document (a client-side navigation
 * keeps it), and run where the page is: @axe-core/playwright opens a blank page and injects axe
 * again to finish every run, which made each check about a second longer.
 */
async function runAxe(page: Page): Promise<AxeResults> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(() =>
    (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { resultTypes: ['violations'] }),
  );
}

export const DEMO_PASSWORD = 'liaison-demo-2026';
export type Language = 'en' | 'fr' | 'ar';

export function baseUrl(): string {
  return inject('baseUrl');
}

export const launchBrowser = launchChromium;

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Messages of every alert/confirm/prompt the page opened: an injected script would show here. */
  dialogs: string[];
  /** Uncaught errors in the page. */
  errors: string[];
}

/** A fresh context (own cookies and storage) with one page, in English unless told otherwise. */
export async function openSession(browser: Browser): Promise<Session> {
  const context = await browser.newContext({ baseURL: baseUrl(), locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, dialogs, errors };
}

/** Signs in through the form, as a person would, in whatever language the page shows. */
export async function signInWithForm(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByRole('textbox', { name: /^(E-mail address|Adresse électronique|البريد الإلكتروني)$/ }).fill(email);
  await page.getByRole('textbox', { name: /^(Password|Mot de passe|كلمة المرور)$/ }).fill(password);
  await page.getByRole('button', { name: /^(Sign in|Se connecter|تسجيل الدخول)$/ }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  await visible(page.getByRole('heading', { level: 1 }));
}

/**
 * Signs in through the API (the page's context keeps the session cookie) and opens the home page.
 * For tests of what comes after signing in: it saves loading the sign-in page each time. The form
 * itself is tested with `signInWithForm`.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  const response = await page.request.post('/api/v1/auth/login', { data: { email, password } });
  expect(response.status(), `signing in ${email}: ${await response.text()}`).toBe(200);
  await page.goto('/');
  await visible(page.getByRole('heading', { level: 1 }));
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: /^(Account menu for|Menu du compte de|قائمة حساب)/ }).click();
  await page.getByRole('menuitem', { name: /^(Sign out|Se déconnecter|تسجيل الخروج)$/ }).click();
  await page.waitForURL((url) => url.pathname === '/login');
}

export function languageSwitcher(page: Page) {
  return page.getByRole('combobox', { name: /^(Language|Langue|اللغة)$/ });
}

export async function switchLanguage(page: Page, language: Language) {
  await languageSwitcher(page).selectOption(language);
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);
}

/**
 * Waits until the address shows `pathname`. For client-side navigations to lazily loaded pages:
 * `page.waitForURL` also waits for a load event, which such a navigation may never give.
 */
export async function reachedPath(page: Page, pathname: string, timeout = 15_000) {
  await expect.poll(() => new URL(page.url()).pathname, { timeout }).toBe(pathname);
}

/** Waits until the locator shows (playwright-core has no `expect`; this is its `toBeVisible`). */
export async function visible(locator: Locator, timeout = 10_000): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator;
}

/** Runs axe on the page as it is and fails on any serious or critical violation, listing them. */
export async function expectAccessible(page: Page, label: string) {
  // Colours measured mid-fade (a dialog opening) are neither the page's before nor after: let
  // transitions end first. Endless animations (a loader) are left alone, and an animation that
  // never finishes (paused, or its element gone from view) is waited for three seconds at most:
  // a wait with no end once hung a run until the test's own timeout.
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((animation) => animation.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY)
          .map((animation) => animation.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 3_000)),
    ]),
  );
  const results = await runAxe(page);
  const severe = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const report = severe.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.slice(0, 5).map((node) => ({ target: node.target.join(' '), summary: node.failureSummary })),
  }));
  if (report.length) console.error(`axe violations on ${label}:\n${JSON.stringify(report, null, 2)}`);
  expect(report, `axe on ${label}`).toEqual([]);
}

/** A value unique to this run, for e-mails and names. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}
