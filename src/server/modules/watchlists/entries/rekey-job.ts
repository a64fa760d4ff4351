import { createHash } from 'node:crypto';
import type { EntryName } from '../../../../shared/watchlists/contract.js';
import type { Db } from '../../../platform/db/database.js';
import { enqueueJob, hasWaitingJob } from '../../../platform/jobs/queue.js';
import type { JobHandler } from '../../../platform/jobs/worker.js';
import type { PersonalDataKeys } from '../../../platform/personal-data/keyring.js';
import { matchKeysOf } from './match-keys.js';
import { entriesAfter, indexedFingerprint, recordFingerprint, storeMatchKeys } from './rekey-repository.js';

export const REKEY_JOB = 'watchlists.rekey';
const CHUNK = 500;

/**
 * Raise when a blocking rule changes in a way the probe names below may not show. The fingerprint
 * also changes by itself when a rule changes the keys of any probe name, or the blind-index key changes.
 */
const KEYS_REVISION = 1;
/** Names of every script and form the blocking rules treat apart; invented, no real person. */
const PROBE_NAMES = [
  'Mamadou Saliou Diallo',
  "Ndeye Khady N'Diaye",
  'Mohamed Ould Sidi Brahim',
  'Abd al-Rahman Ben Youssef',
  'El Hadji Ousmane Ba',
  'Xuseen Cabdi Warsame',
  'Cherno Jatta Ceesay',
  'Habib Ullah Noorzai',
  'Shams ul Haq Karimzoda',
  'Baxtiyor qizi Dilnoza',
  'Md. Abdul Kader',
  'Ismall Ndlaye',
  'محمد عبد الرحمن العمراني',
  'Рахимов Икром Алишерович',
  'ዳዊት ተስፋዬ ገብረማርያም',
  'Dawit Tesfaye Gebremariam',
];

/** What the stored keys would be computed with now: the matcher's blocking rules and the blind-index key. */
export function keysFingerprint(keys: PersonalDataKeys): string {
  const probe = PROBE_NAMES.map((name) => matchKeysOf(keys, [name]).sort().join(',')).join(';');
  return createHash('sha256').update(`${KEYS_REVISION}|${probe}`).digest('hex');
}

/**
 * Computes every entry's screening keys again when the rules they were made with have changed
 * (after an upgrade of the matcher), chunk by chunk in the background; screening goes on meanwhile.
 * Entries written during the run already carry the new keys. The new fingerprint is recorded only
 * once every entry is done, so a run cut short starts again at the next start.
 */
export const rekeyJob = (personalData: PersonalDataKeys): JobHandler<Record<string, never>> => ({
  async run({ db, throwIfStopping }) {
    const fingerprint = keysFingerprint(personalData);
    if ((await indexedFingerprint(db)) === fingerprint) return { skipped: 'keys current' };
    let after: string | null = null;
    let entries = 0;
    for (;;) {
      throwIfStopping();
      const chunk = await entriesAfter(db, after, CHUNK);
      if (chunk.length === 0) break;
      const rekeyed = await Promise.all(
        chunk.map(async (entry) => {
          const names = JSON.parse(await personalData.decrypt(entry.namesEnc)) as EntryName[];
          return {
            id: entry.id,
            version: entry.version,
            matchKeys: matchKeysOf(
              personalData,
              names.map((n) => n.name),
            ),
          };
        }),
      );
      await storeMatchKeys(db, rekeyed);
      entries += chunk.length;
      after = chunk[chunk.length - 1].id;
    }
    await recordFingerprint(db, fingerprint);
    return { entries };
  },
});

/** Queues the check at start unless one already waits. */
export async function scheduleRekey(db: Db) {
  if (await hasWaitingJob(db, REKEY_JOB, null)) return;
  await enqueueJob(db, { kind: REKEY_JOB, payload: {} });
}
