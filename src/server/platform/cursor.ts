import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { FieldCipher } from './crypto.js';

/**
 * Opaque cursors for positions in global sequences (audit rows, events). A bare sequence number
 * tells a viewer how many rows they were not shown; a cursor is the number sealed (AES-256-GCM) for
 * one viewer, so it reveals no count, cannot be forged or altered, and one viewer's cursor is
 * refused for another.
 */
export class OpaqueCursors {
  readonly #key: Buffer;

  constructor(cipher: FieldCipher, purpose: string) {
    this.#key = cipher.keyForPurpose(`cursor:${purpose}`);
  }

  seal(viewerId: string, position: number): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(viewerId));
    // Fixed width: the length of a cursor must not tell the size of the number either.
    const body = Buffer.concat([cipher.update(String(position).padStart(15, '0'), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The position sealed in `cursor` for this viewer, or null for anything else (forged, foreign, garbage). */
  open(viewerId: string, cursor: string): number | null {
    const raw = Buffer.from(cursor, 'base64url');
    if (raw.length < 29 || raw.length > 64) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(viewerId));
      decipher.setAuthTag(raw.subarray(12, 28));
      const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      return /^\d{1,15}$/.test(text) ? Number(text) : null;
    } catch {
      return null;
    }
  }
}
