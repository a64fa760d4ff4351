import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FieldCipher } from './crypto.js';
import { OpaqueCursors } from './cursor.js';

describe('opaque cursors', () => {
  const cursors = new OpaqueCursors(new FieldCipher(randomBytes(32)), 'test');
  const viewer = randomUUID();

  it('are as long for position 1 as for a billion: the length tells nothing of the number', () => {
    const lengths = new Set([0, 1, 9, 10, 12_345, 1_000_000_000, 999_999_999_999_999].map((n) => cursors.seal(viewer, n).length));
    expect(lengths.size).toBe(1);
  });

  it('open only for their viewer, unaltered', () => {
    const cursor = cursors.seal(viewer, 42);
    expect(cursors.open(viewer, cursor)).toBe(42);
    expect(cursors.open(randomUUID(), cursor)).toBeNull();
    // A character in the middle: every one of its bits is data (the last one may be padding).
    expect(cursors.open(viewer, `${cursor.slice(0, 20)}${cursor[20] === 'A' ? 'B' : 'A'}${cursor.slice(21)}`)).toBeNull();
    expect(cursors.open(viewer, '42')).toBeNull();
  });
});
