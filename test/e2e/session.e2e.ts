import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession, signInWithForm, signOut, visible } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Me {
  displayName: string;
  email: string;
  organisation: { name: string; acronym: string | null; country: string | null };
  units: { name: string }[];
  roles: string[];
}

describe('signing in and out', () => {
  it('shows a focal point their organisation, units and roles, then signs them out', async () => {
    const { page, context, errors } = await openSession(browser);
    try {
      await signInWithForm(page, 'focal.ma@liaison.demo');
      expect(new URL(page.url()).pathname).toBe('/');

      // The server's own answer is the truth the page must show.
      const me = (await (await page.request.get('/api/v1/me')).json()) as Me;
      expect(me.roles).toContain('focal_point');
      expect(me.units.length).toBeGreaterThan(0);

      await visible(page.getByRole('heading', { level: 1, name: `Welcome, ${me.displayName}` }));
      const main = page.getByRole('main');
      await visible(main.getByText(me.email, { exact: true }));
      await visible(main.getByText(me.organisation.name, { exact: true }));
      if (me.organisation.country === 'MA') await visible(main.getByText('Morocco', { exact: true }));
      for (const unit of me.units) await visible(main.getByRole('listitem').filter({ hasText: unit.name }));
      await visible(main.getByText('Focal point', { exact: true }));
      expect(await page.title()).toContain(me.displayName);
      // A focal point is no administrator.
      expect(await page.getByRole('navigation').getByRole('link', { name: 'Users' }).count()).toBe(0);

      await signOut(page);
      await visible(page.getByRole('heading', { level: 1, name: 'Sign in to Liaison' }));
      expect((await page.request.get('/api/v1/me')).status()).toBe(401);

      // The home page now sends the visitor back to the sign-in form.
      await page.goto('/');
      await page.waitForURL((url) => url.pathname === '/login');
      await visible(page.getByRole('textbox', { name: 'E-mail address' }));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('offers keyboard users a skip link to the main content', async () => {
    const { page, context } = await openSession(browser);
    try {
      await page.goto('/login');
      await visible(page.getByRole('heading', { level: 1, name: 'Sign in to Liaison' }));
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Skip to main content' });
      expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
      const box = await skip.boundingBox();
      expect(box && box.y >= 0).toBe(true); // shown on screen once focused
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
      await page.keyboard.press('Tab');
      expect(
        await page.getByRole('textbox', { name: 'E-mail address' }).evaluate((element) => element === document.activeElement),
      ).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('shows the server’s reason when the password is wrong', async () => {
    const { page, context } = await openSession(browser);
    try {
      await page.goto('/login');
      await page.getByRole('textbox', { name: 'E-mail address' }).fill('analyst.sn@liaison.demo');
      await page.getByRole('textbox', { name: 'Password' }).fill('not-the-right-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      const alert = await visible(page.getByRole('alert'));
      expect(await alert.textContent()).toContain('The e-mail address or the password is wrong.');
      expect(new URL(page.url()).pathname).toBe('/login');
    } finally {
      await context.close();
    }
  });

  it('sends a visitor who is not signed in from a deep link to the sign-in form, and back after', async () => {
    const { page, context } = await openSession(browser);
    try {
      await page.goto('/account');
      await page.waitForURL((url) => url.pathname === '/login');
      await page.getByRole('textbox', { name: 'E-mail address' }).fill('analyst.sn@liaison.demo');
      await page.getByRole('textbox', { name: 'Password' }).fill('liaison-demo-2026');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/account');
      await visible(page.getByRole('heading', { level: 1, name: 'My account' }));
    } finally {
      await context.close();
    }
  });
});
