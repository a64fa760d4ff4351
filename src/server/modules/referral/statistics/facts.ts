import { AGE_BANDS, type AgeBand, SEXES, type Sex } from '../../../../shared/referral/vocabulary.js';
import type { Db } from '../../../platform/db/database.js';
import type { PersonalDataKeys } from '../../../platform/personal-data/keyring.js';
import { findCaseFactSource, upsertCaseFacts } from './facts-repository.js';

/** The statistics key of a case: a keyed hash of its id, so `case_statistics` cannot be joined back to `cases`. */
export const factKeyOf = (keys: PersonalDataKeys, caseId: string) => keys.blindToken('case-fact', caseId);

/** Age in whole years on `on` of a person born on `dateOfBirth` (YYYY-MM-DD); null when not a date. */
export function ageOn(dateOfBirth: string | null, on: Date): number | null {
  const match = dateOfBirth ? /^(\d{4})-(\d{2})-(\d{2})/.exec(dateOfBirth) : null;
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  let age = on.getUTCFullYear() - year;
  if (on.getUTCMonth() + 1 < month || (on.getUTCMonth() + 1 === month && on.getUTCDate() < day)) age -= 1;
  return age >= 0 && age < 130 ? age : null;
}

export function ageBandOf(age: number | null): AgeBand {
  if (age === null) return 'unknown';
  if (age <= 11) return '0-11';
  if (age <= 17) return '12-17';
  if (age <= 25) return '18-25';
  if (age <= 35) return '26-35';
  if (age <= 45) return '36-45';
  return '46+';
}

const sexOf = (value: string | null): Sex => (SEXES.includes(value as Sex) ? (value as Sex) : 'unknown');
const nationalityOf = (value: string | null) => {
  const code = value?.trim().toUpperCase() ?? '';
  return /^[A-Z]{2}$/.test(code) ? code : null;
};
const monthOf = (at: Date) => `${at.toISOString().slice(0, 7)}-01`;

/**
 * Keeps a case's row of `case_statistics` (coarse facts keyed by an HMAC of the case id) equal to
 * the case, its latest screening and its referrals. Every change of a case, a screening or a
 * referral calls it inside its transaction. The personal fields are decrypted here only to derive
 * the age band at opening, the sex and the nationality; nothing finer is kept. A pseudonymised case
 * keeps the facts recorded before its fields were erased.
 */
export async function refreshCaseFacts(trx: Db, keys: PersonalDataKeys, caseId: string): Promise<void> {
  const source = await findCaseFactSource(trx, caseId);
  if (!source) return;
  const [dateOfBirth, sex, nationality] = await Promise.all([
    keys.decrypt(source.dateOfBirthEnc),
    keys.decrypt(source.sexEnc),
    keys.decrypt(source.nationalityEnc),
  ]);
  const ageBand = ageBandOf(ageOn(dateOfBirth, source.createdAt));
  await upsertCaseFacts(
    trx,
    factKeyOf(keys, caseId),
    {
      caseType: source.caseType,
      isChild: source.isChild,
      openedMonth: monthOf(source.createdAt),
      nationality: nationalityOf(nationality),
      ageBand: AGE_BANDS.includes(ageBand) ? ageBand : 'unknown',
      sex: sexOf(sex),
      indicatorFamilies: source.indicatorFamilies,
      assessment: source.assessment,
      ownerCountry: source.ownerCountry,
      servicesReferred: source.servicesReferred,
      referralOutcomes: source.referralOutcomes,
      transnational: source.transnational,
    },
    source.pseudonymised,
  );
}
