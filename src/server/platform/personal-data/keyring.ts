import { createHmac, randomBytes } from 'node:crypto';
import { FieldCipher } from '../crypto.js';
import type { Db } from '../db/database.js';

/** How long a process trusts its view of the keys before reading them again (a rotation runs elsewhere). */
const RELOAD_AFTER_MS = 30_000;

/** A new key id: `k` and base-36 time and randomness, so ids sort roughly by age and never collide. */
export const newKeyId = () => `k${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;

/**
 * Personal data keys. Every value is encrypted with AES-256-GCM under a data key and stored as
 * `<key id>:<ciphertext>`, so keys can rotate while old values stay readable. The data keys live in
 * `data_keys`, wrapped (encrypted) by the platform key; the newest key not retired encrypts.
 * The blind index uses a separate HMAC key derived from the platform key: it does not rotate with
 * the data keys, so a rotation never has to rebuild it.
 *
 * Values are often encrypted or read inside a transaction, and PGlite has one session: a read of the
 * ring there would wait for that transaction, forever. So the app reads the ring once when it starts
 * (`reload()` on ready), later refreshes run in the background while the known keys serve, and only
 * a value under a key never seen (a rotation by another process: PostgreSQL) waits for a read.
 */
export class PersonalDataKeys {
  /** Wrapped keys by id, unwrapped on first use (one wrapped under another platform key fails only when used). */
  private wrapped = new Map<string, string>();
  private keys = new Map<string, FieldCipher>();
  private activeId: string | null = null;
  private loadedAt = 0;
  private loading: Promise<void> | null = null;
  private readonly indexKey: Buffer;

  constructor(
    private readonly db: Db,
    private readonly platformKey: FieldCipher,
  ) {
    this.indexKey = platformKey.keyForPurpose('personal-data-blind-index');
  }

  /** Encrypts one value under the active key (made on first use). Null and '' stay as they are. */
  async encrypt(plain: string): Promise<string>;
  async encrypt(plain: string | null): Promise<string | null>;
  async encrypt(plain: string | null): Promise<string | null> {
    if (plain === null || plain === '') return plain;
    const id = await this.activeKeyId();
    return `${id}:${(this.cipherOf(id) as FieldCipher).encrypt(plain)}`;
  }

  /** Decrypts a stored value; a value under a key this process has not seen makes it read the keys again. */
  async decrypt(stored: string): Promise<string>;
  async decrypt(stored: string | null): Promise<string | null>;
  async decrypt(stored: string | null): Promise<string | null> {
    if (stored === null || stored === '') return stored;
    const separator = stored.indexOf(':');
    if (separator < 0) throw new Error('personal data value without a key id');
    const id = stored.slice(0, separator);
    let key = this.cipherOf(id);
    if (!key) {
      await this.reload();
      key = this.cipherOf(id);
    }
    if (!key) throw new Error(`personal data key ${id} is not in the key ring`);
    return key.decrypt(stored.slice(separator + 1));
  }

  /** The key id a stored value was encrypted under. */
  static keyIdOf(stored: string): string {
    return stored.slice(0, stored.indexOf(':'));
  }

  /** The keyed hash of one normalised token for the blind index (`field` keeps names and dates apart). */
  blindToken(field: string, normalisedToken: string): string {
    return createHmac('sha256', this.indexKey).update(`${field}\u0000${normalisedToken}`).digest('base64url');
  }

  async activeKeyId(): Promise<string> {
    if (!this.activeId) await this.reload();
    else if (Date.now() - this.loadedAt > RELOAD_AFTER_MS)
      // In the background: the known active key serves meanwhile; a failed read is tried again next time.
      this.reload().catch(() => {});
    if (!this.activeId) await this.addKey();
    return this.activeId as string;
  }

  /** Makes a new data key the active one (what a rotation starts with); returns its id. */
  async addKey(): Promise<string> {
    const id = newKeyId();
    await this.db
      .insertInto('data_keys')
      .values({ id, wrapped_key: this.platformKey.encrypt(randomBytes(32).toString('base64')) })
      .execute();
    await this.reload();
    return id;
  }

  /** Reads the key ring again (one read at a time). */
  reload(): Promise<void> {
    this.loading ??= this.readKeys().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private cipherOf(id: string): FieldCipher | undefined {
    let key = this.keys.get(id);
    const wrapped = this.wrapped.get(id);
    if (!key && wrapped) {
      key = new FieldCipher(Buffer.from(this.platformKey.decrypt(wrapped), 'base64'));
      this.keys.set(id, key);
    }
    return key;
  }

  private async readKeys() {
    const rows = await this.db
      .selectFrom('data_keys')
      .select(['id', 'wrapped_key', 'retired_at'])
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    const wrapped = new Map<string, string>();
    let active: string | null = null;
    for (const row of rows) {
      wrapped.set(row.id, row.wrapped_key);
      if (!row.retired_at) active = row.id;
    }
    this.wrapped = wrapped;
    this.activeId = active;
    this.loadedAt = Date.now();
  }
}
