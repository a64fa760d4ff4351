import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** A random secret readable in a URL or header, with a prefix telling what it is. */
export const randomToken = (prefix: string, bytes = 32) => `${prefix}_${randomBytes(bytes).toString('base64url')}`;

/** Field encryption (AES-256-GCM) for secrets and personal data stored in the database. */
export class FieldCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('field encryption key must be 32 bytes');
  }

  /** A separate key for another use (CSRF tokens, …), so one key never serves two purposes. */
  keyForPurpose(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.key, Buffer.alloc(0), `liaison:${purpose}`, 32));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
  }

  decrypt(stored: string): string {
    const [version, iv, tag, body] = stored.split(':');
    if (version !== 'v1') throw new Error('unknown field encryption version');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }
}

/**
 * The key comes from LIAISON_ENCRYPTION_KEY; without it, a key file is created once in the data
 * directory (readable by the owner only) so an embedded installation needs no setup.
 */
export function loadFieldCipher(configuredKey: string | undefined, dataDir: string): FieldCipher {
  if (configuredKey) return new FieldCipher(Buffer.from(configuredKey, 'base64'));
  const file = path.join(dataDir, 'field-encryption.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return new FieldCipher(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64'));
}
