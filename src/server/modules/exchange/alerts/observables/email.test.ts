import { describe, expect, it } from 'vitest';
import { normaliseObservable } from './index.js';

const email = (raw: unknown) => normaliseObservable('email', raw);

describe('e-mail addresses', () => {
  it.each([
    [' Passeur.Nador@GMAIL.com ', 'passeur.nador@gmail.com'],
    ['mailto:contact@Example.ORG', 'contact@example.org'],
    ['first+tag@sub.example.co.uk', 'first+tag@sub.example.co.uk'],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ['user@example.com.', 'user@example.com'],
  ])('"%s" matches as %s', (raw, value) => {
    expect(email(raw)).toMatchObject({ ok: true, kind: 'email', value });
  });

  it('keeps the local part as written for display and lower-cases the domain', () => {
    expect(email('Passeur@GMAIL.Com')).toEqual({
      ok: true,
      kind: 'email',
      value: 'passeur@gmail.com',
      display: 'Passeur@gmail.com',
    });
  });

  it('matches internationalised domains in punycode and shows them in Unicode', () => {
    expect(email('info@Exämple.com')).toMatchObject({ value: 'info@xn--exmple-cua.com', display: 'info@exämple.com' });
    expect(email('info@xn--exmple-cua.com')).toMatchObject({ value: 'info@xn--exmple-cua.com' });
    expect(email('contact@الجزيرة.نت')).toMatchObject({ ok: true, value: 'contact@xn--mgbeiue0iwb.xn--pgb9c' });
  });

  it("does not apply one provider's quirks to all (dots in Gmail addresses are kept)", () => {
    expect(email('pa.sseur@gmail.com')).toMatchObject({ value: 'pa.sseur@gmail.com' });
  });

  it.each([
    ['plain', 'email_invalid'],
    ['@example.com', 'email_invalid'],
    ['user@', 'email_invalid'],
    ['user@@example.com', 'email_invalid'],
    ['us er@example.com', 'email_invalid'],
    ['.user@example.com', 'email_invalid'],
    ['user..name@example.com', 'email_invalid'],
    ['"quoted"@example.com', 'email_invalid'],
    ['user@localhost', 'email_invalid_domain'],
    ['user@example.c', 'email_invalid_domain'],
    ['user@-example.com', 'email_invalid_domain'],
    ['user@exa_mple.com', 'email_invalid_domain'],
    ['user@127.0.0.1', 'email_invalid_domain'],
    ["x'; DROP TABLE alerts;--@example.com", 'email_invalid'],
    [`${'a'.repeat(65)}@example.com`, 'email_invalid'],
  ])('refuses %s', (raw, code) => {
    expect(email(raw)).toMatchObject({ ok: false, code });
  });

  it('refuses an address longer than 254 characters', () => {
    const long = `user@${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example.com`;
    expect(long.length).toBeGreaterThan(254);
    expect(email(long)).toMatchObject({ ok: false, code: 'too_long' });
  });
});
