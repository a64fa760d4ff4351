import { describe, expect, it } from 'vitest';
import { encryptedColumns, registerEncryptedColumns } from './rotation.js';

describe('the registry of encrypted columns', () => {
  it('holds the cases, screening and best-interests columns, and takes more without duplicates', () => {
    expect(encryptedColumns().get('cases')).toContain('given_names_enc');
    expect(encryptedColumns().get('case_screenings')).toEqual(['notes_enc']);
    registerEncryptedColumns('case_best_interests_steps', ['notes_enc']);
    expect(encryptedColumns().get('case_best_interests_steps')).toEqual(['notes_enc']);
  });

  it('refuses a name that is not a plain identifier (it is written into SQL as one)', () => {
    expect(() => registerEncryptedColumns('cases; drop table cases', ['x'])).toThrow(/plain identifier/);
    expect(() => registerEncryptedColumns('cases', ['notes_enc"'])).toThrow(/plain identifier/);
  });
});
