import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession, signIn, signOut, unique, visible } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openAdminPage(page: Page, linkName: string, heading: string) {
  await page.getByRole('navigation').getByRole('link', { name: linkName, exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: heading }));
}

/** The row of the table whose cells include `text`. */
function row(page: Page, text: string) {
  return page.getByRole('row').filter({ has: page.getByRole('cell', { name: text, exact: true }) });
}

describe('administration', () => {
  it('lets an organisation administrator create a user who can then sign in', async () => {
    const email = `${unique('new.analyst')}@liaison.demo`.toLowerCase();
    const password = 'Sahel-Corridor-Watch-2026';
    const admin = await openSession(browser);
    let organisationName = '';
    let unitName = '';
    try {
      await signIn(admin.page, 'orgadmin.ma@liaison.demo');
      const me = (await (await admin.page.request.get('/api/v1/me')).json()) as { organisation: { name: string } };
      organisationName = me.organisation.name;

      await openAdminPage(admin.page, 'Users', 'Users');
      await admin.page.getByRole('button', { name: 'New user' }).click();
      const dialog = admin.page.getByRole('dialog', { name: 'New user' });
      await visible(dialog);
      await dialog.getByRole('textbox', { name: 'E-mail address' }).fill(email);
      await dialog.getByRole('textbox', { name: 'Name' }).fill('Nadia Testeuse');
      await dialog.getByRole('textbox', { name: 'Initial password' }).fill(password);
      // An organisation administrator cannot choose another organisation, nor make a platform administrator.
      await visible(dialog.getByText(organisationName));
      expect(await dialog.getByRole('checkbox', { name: 'Platform administrator' }).count()).toBe(0);

      await dialog.getByRole('combobox', { name: 'Units' }).click();
      const option = admin.page.getByRole('listbox').getByRole('option').first();
      await visible(option);
      unitName = (await option.textContent())?.trim() ?? '';
      expect(unitName).not.toBe('');
      await option.click();
      // Close the options list by clicking elsewhere in the dialog, as a person would.
      await dialog.getByRole('heading', { name: 'New user' }).click();
      await dialog.getByRole('checkbox', { name: 'Risk analyst' }).check();
      await dialog.getByRole('button', { name: 'Create' }).click();
      await dialog.waitFor({ state: 'hidden' });

      await admin.page.getByRole('searchbox', { name: 'Search' }).fill(email);
      await visible(row(admin.page, email));
      expect(await row(admin.page, email).textContent()).toContain('Risk analyst');
      await signOut(admin.page);
    } finally {
      await admin.context.close();
    }

    const user = await openSession(browser);
    try {
      await signIn(user.page, email, password);
      await visible(user.page.getByRole('heading', { level: 1, name: 'Welcome, Nadia Testeuse' }));
      const main = user.page.getByRole('main');
      await visible(main.getByText(organisationName, { exact: true }));
      await visible(main.getByText(unitName, { exact: true }));
      await visible(main.getByText('Risk analyst', { exact: true }));
    } finally {
      await user.context.close();
    }
  });

  it('shows a reader no administration and refuses them the users page', async () => {
    const { page, context } = await openSession(browser);
    try {
      await signIn(page, 'reader.ma@liaison.demo');
      const nav = page.getByRole('navigation');
      await visible(nav.getByRole('link', { name: 'Home' }));
      expect(await nav.getByText('Administration').count()).toBe(0);
      expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);

      await page.goto('/admin/users');
      await visible(page.getByRole('heading', { level: 1, name: 'Not allowed' }));
      await visible(page.getByText('Access denied'));
      expect(await page.getByRole('table').count()).toBe(0);
      const text = (await page.getByRole('main').textContent()) ?? '';
      expect(text).not.toContain('@liaison.demo');
      expect(await page.title()).toContain('Not allowed');
    } finally {
      await context.close();
    }
  });

  it('shows a unit name with markup as plain text, running nothing', async () => {
    const { page, context, dialogs, errors } = await openSession(browser);
    const suffix = unique('Unit');
    const name = `<script>alert(1)</script><img src=x onerror=alert(2)> ${suffix}`;
    try {
      await signIn(page, 'orgadmin.ma@liaison.demo');
      await openAdminPage(page, 'Units', 'Units');
      await page.getByRole('button', { name: 'New unit' }).click();
      const dialog = page.getByRole('dialog', { name: 'New unit' });
      await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
      await dialog.getByRole('textbox', { name: 'Description' }).fill('<b>bold?</b>');
      await dialog.getByRole('button', { name: 'Create' }).click();
      await dialog.waitFor({ state: 'hidden' });

      await page.getByRole('searchbox', { name: 'Search' }).fill(suffix);
      const cell = page.getByRole('cell', { name, exact: true });
      await visible(cell);
      expect(await cell.textContent()).toBe(name);
      await visible(page.getByRole('cell', { name: '<b>bold?</b>', exact: true }));

      // The same name in a user's unit picker is text too.
      await openAdminPage(page, 'Users', 'Users');
      await page.getByRole('button', { name: 'New user' }).click();
      await page.getByRole('dialog', { name: 'New user' }).getByRole('combobox', { name: 'Units' }).click();
      await visible(page.getByRole('listbox').getByRole('option', { name, exact: true }));

      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      const injected = await page.evaluate(() => ({
        scripts: [...document.scripts].filter((script) => (script.textContent ?? '').includes('alert(')).length,
        images: document.querySelectorAll('img[src="x"]').length,
      }));
      expect(injected).toEqual({ scripts: 0, images: 0 });
    } finally {
      await context.close();
    }
  });
});
