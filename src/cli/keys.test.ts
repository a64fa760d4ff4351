import { describe, expect, it } from 'vitest';
import { encryptedColumns } from '../server/platform/personal-data/rotation.js';
import './keys.js';

describe('liaison keys rotate', () => {
  it('re-encrypts the screened names, match reasons and decision reasons of screenings, not only cases', () => {
    const registry = encryptedColumns();
    expect(registry.get('screenings')).toEqual(['query_enc']);
    expect(registry.get('screening_hits')).toEqual(['reasons_enc', 'decision_reason_enc']);
  });

  it('re-encrypts a batch file still waiting to be screened', () => {
    expect(encryptedColumns().get('screening_batches')).toEqual(['input_enc']);
  });
});
