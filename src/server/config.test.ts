import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults: port 8080, embedded database in ./data, demo data on', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.demo).toBe(true);
  });

  it.each([
    [{ PORT: '99999' }, /PORT must be an integer/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with postgres/],
    [{ LIAISON_DEMO: 'maybe' }, /LIAISON_DEMO must be 0 or 1/],
    [{ LIAISON_DEMO_PASSWORD: 'short' }, /at least 12/],
    [{ LIAISON_ENCRYPTION_KEY: 'abc' }, /32 bytes/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ LIAISON_SMTP_URL: 'http://mail.example' }, /LIAISON_SMTP_URL must start with smtp/],
    [{ LIAISON_MAIL_FROM: 'Liaison <a@b.example>\r\nBcc: x@y.example' }, /LIAISON_MAIL_FROM must be an e-mail address/],
    [{ LIAISON_PUBLIC_URL: 'javascript:alert(1)' }, /LIAISON_PUBLIC_URL must be an http/],
    [{ LIAISON_RFI_REMINDER_HOURS: '0' }, /LIAISON_RFI_REMINDER_HOURS/],
  ])('refuses %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads the mail settings, without mail by default', () => {
    expect(loadConfig({}).smtpUrl).toBeUndefined();
    const config = loadConfig({
      LIAISON_SMTP_URL: 'smtp://mail.example:25',
      LIAISON_PUBLIC_URL: 'https://liaison.example/',
      LIAISON_RFI_REMINDER_HOURS: '48',
    });
    expect(config).toMatchObject({
      smtpUrl: 'smtp://mail.example:25',
      publicUrl: 'https://liaison.example',
      rfiReminderHours: 48,
    });
  });

  it('reads PORT, DATABASE_URL and LIAISON_DEMO=0', () => {
    const config = loadConfig({ PORT: '9000', DATABASE_URL: 'postgres://u@h/db', LIAISON_DEMO: '0' });
    expect(config).toMatchObject({ port: 9000, databaseUrl: 'postgres://u@h/db', demo: false });
  });
});
