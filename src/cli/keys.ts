import type { Config } from '../server/config.js';
import { loadFieldCipher } from '../server/platform/crypto.js';
import type { Db } from '../server/platform/db/database.js';
import { PersonalDataKeys } from '../server/platform/personal-data/keyring.js';
import { keyStatus, type RotateOptions, rotate } from '../server/platform/personal-data/rotation.js';
// Modules register their encrypted columns as their repository loads: a rotation must see them all.
import '../server/modules/watchlists/batches/repository.js';
import '../server/modules/watchlists/entries/repository.js';
import '../server/modules/watchlists/screening/repository.js';

const keyring = (db: Db, config: Config) => new PersonalDataKeys(db, loadFieldCipher(config.encryptionKey, config.dataDir));

/** `liaison keys rotate`: one line saying what was done, and whether to run it again. */
export async function rotateFromCli(db: Db, config: Config, options: RotateOptions): Promise<string> {
  const result = await rotate(db, keyring(db, config), options);
  const what = `${result.continued ? 'continued rotation to' : 'rotated to'} key ${result.keyId}: ${result.values} values re-encrypted in ${result.batches} batches`;
  if (!result.finished) return `${what}; not finished, run \`liaison keys rotate\` again to continue`;
  return `${what}; finished${result.retired.length > 0 ? `, retired ${result.retired.join(', ')}` : ''}`;
}

/** `liaison keys status`: each key, oldest first, its state and how many values it encrypts. */
export async function keyStatusFromCli(db: Db, json: boolean): Promise<string> {
  const keys = await keyStatus(db);
  if (json) return JSON.stringify(keys);
  if (keys.length === 0) return 'no personal data keys yet (the first is made when a first value is stored)';
  const active = keys.filter((key) => !key.retiredAt).at(-1)?.id;
  return keys
    .map((key) => {
      const state = key.retiredAt
        ? 'retired'
        : key.id === active
          ? key.rotationFinishedAt
            ? 'active'
            : 'active, rotation unfinished'
          : 'in use';
      return `${key.id}\t${state}\t${key.values} values\tcreated ${key.createdAt.toISOString()}`;
    })
    .join('\n');
}
