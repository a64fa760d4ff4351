import { generateSync } from 'otplib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession, signIn, signOut, visible } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('my account', () => {
  it('enrols a second factor, keeps the recovery codes, and asks for the code at the next sign-in', async () => {
    const email = 'caseworker.ne@liaison.demo';
    const { page, context } = await openSession(browser);
    try {
      await signIn(page, email);
      await page.goto('/account#second-factor');
      const section = page.getByRole('region', { name: 'Second factor (authenticator app)' });
      await section.getByRole('button', { name: 'Set up' }).click();
      await visible(section.getByRole('img', { name: 'QR code to scan with your authenticator app' }));
      const secret = ((await section.getByTestId('totp-secret').textContent()) ?? '').trim();
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

      await section.getByRole('textbox', { name: 'Code from the app' }).fill('000000');
      await section.getByRole('button', { name: 'Turn on' }).click();
      await visible(section.getByRole('alert').filter({ hasText: 'wrong' }));

      await section.getByRole('textbox', { name: 'Code from the app' }).fill(generateSync({ secret }));
      await section.getByRole('button', { name: 'Turn on' }).click();
      const codes = await (await visible(section.getByTestId('recovery-codes').getByRole('listitem'))).allTextContents();
      expect(codes).toHaveLength(10);
      await visible(section.getByText('They will not be shown again', { exact: false }));
      await section.getByRole('button', { name: 'I have saved these codes' }).click();
      await visible(section.getByText('On', { exact: true }));
      await signOut(page);

      // Next sign-in: password, then the second step; a recovery code works in place of the app.
      await page.getByRole('textbox', { name: 'E-mail address' }).fill(email);
      await page.getByRole('textbox', { name: 'Password' }).fill('liaison-demo-2026');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await visible(page.getByRole('textbox', { name: 'Authentication code' }));
      await page.getByRole('textbox', { name: 'Authentication code' }).fill('123456');
      await page.getByRole('button', { name: 'Verify and sign in' }).click();
      await visible(page.getByRole('alert').filter({ hasText: 'The code is wrong or expired.' }));
      await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
      await page.getByRole('textbox', { name: 'Recovery code' }).fill(codes[0]);
      await page.getByRole('button', { name: 'Verify and sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await visible(page.getByRole('heading', { level: 1, name: /^Welcome, / }));
    } finally {
      await context.close();
    }
  });

  it('creates an API token shown once, lists it, and revokes it', async () => {
    const { page, context } = await openSession(browser);
    try {
      await signIn(page, 'analyst.ne@liaison.demo');
      await page.getByRole('navigation').getByRole('link', { name: 'My account' }).click();
      const section = page.getByRole('region', { name: 'API tokens' });
      await section.getByRole('textbox', { name: 'Token name' }).fill('weekly export');
      await section.getByRole('checkbox', { name: 'Risk analyst' }).check();
      await section.getByRole('textbox', { name: 'Valid for (days, 1 to 365)' }).fill('30');
      await section.getByRole('button', { name: 'Create token' }).click();
      const token = ((await (await visible(section.getByTestId('new-token'))).textContent()) ?? '').trim();
      expect(token.length).toBeGreaterThan(20);

      // The token works as a bearer credential, with the chosen role only.
      const me = await page.request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}`, cookie: '' } });
      expect(me.status()).toBe(200);
      expect(((await me.json()) as { roles: string[]; via: string }).via).toBe('token');

      await section.getByRole('button', { name: 'Done' }).click();
      const row = section.getByRole('row').filter({ hasText: 'weekly export' });
      await visible(row.getByText('Active', { exact: true }));
      await row.getByRole('button', { name: 'Revoke the token weekly export' }).click();
      await page.getByRole('dialog', { name: 'Revoke token' }).getByRole('button', { name: 'Revoke' }).click();
      await visible(row.getByText(/^Revoked on /));
      const after = await page.request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}`, cookie: '' } });
      expect(after.status()).toBe(401);
    } finally {
      await context.close();
    }
  });

  it('shows the server’s reason for refusing a weak new password', async () => {
    const { page, context } = await openSession(browser);
    try {
      await signIn(page, 'reader.ne@liaison.demo');
      await page.goto('/account');
      const section = page.getByRole('region', { name: 'Password' });
      await section.getByRole('textbox', { name: 'Current password' }).fill('liaison-demo-2026');
      await section.getByRole('textbox', { name: 'New password', exact: true }).fill('short');
      await section.getByRole('textbox', { name: 'Repeat the new password' }).fill('short');
      await section.getByRole('button', { name: 'Change password' }).click();
      // The detail comes from the server (the page itself only checks that the two entries match).
      const alert = await visible(section.getByRole('alert'));
      expect(await alert.textContent()).toMatch(/12 characters/);
      expect(new URL(page.url()).pathname).toBe('/account');
    } finally {
      await context.close();
    }
  });
});
