import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';

describe('password rules', () => {
  it.each([
    ['short1', /at least 12/],
    ['password1234', /commonly used/],
    ['Qwertyuiop!!', /commonly used/],
    ['aaaaaaaaaaaaaa', /commonly used|repeat/],
    ['fatou.fictive-2026', /e-mail/],
  ])('refuses %s', (password, reason) => {
    expect(passwordProblem(password, { email: 'fatou.fictive@example.org' })).toMatch(reason);
  });

  it('accepts a long uncommon passphrase', () => {
    expect(passwordProblem('harmattan-over-agadez-17')).toBeNull();
  });

  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('harmattan-over-agadez-17');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'harmattan-over-agadez-17')).toBe(true);
    expect(await verifyPassword(hash, 'harmattan-over-agadez-18')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
