import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * The `id:` of a stream event: its sequence number in the event log, encrypted for one user
 * (AES-256-GCM, the user id as associated data, a random nonce each time). A viewer learns neither
 * how many events they were not shown nor anything to compare with another user's ids, and a cursor
 * only resumes the stream of the user it was made for.
 */
export class StreamCursors {
  static readonly PURPOSE = 'event-stream-cursor';
  /** base64url of nonce (12) ‖ encrypted sequence number (8) ‖ tag (16). */
  static readonly LENGTH = 48;

  constructor(private readonly key: Buffer) {}

  make(userId: string, seq: number): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    cipher.setAAD(this.#context(userId));
    const plain = Buffer.alloc(8);
    plain.writeBigUInt64BE(BigInt(seq));
    return Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]).toString('base64url');
  }

  /** The sequence number, or null for a cursor of another user, another key, or no cursor at all. */
  read(userId: string, cursor: string): number | null {
    if (cursor.length !== StreamCursors.LENGTH) return null;
    const bytes = Buffer.from(cursor, 'base64url');
    if (bytes.length !== 36) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12));
      decipher.setAAD(this.#context(userId));
      decipher.setAuthTag(bytes.subarray(20));
      const plain = Buffer.concat([decipher.update(bytes.subarray(12, 20)), decipher.final()]);
      const seq = plain.readBigUInt64BE();
      return seq <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(seq) : null;
    } catch {
      return null;
    }
  }

  #context(userId: string): Buffer {
    return Buffer.from(`liaison:${StreamCursors.PURPOSE}:v1:${userId}`, 'utf8');
  }
}
