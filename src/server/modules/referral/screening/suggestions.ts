import { type Answers, questionnaireOf, type Suggestions, suggest } from '../../../../shared/referral/questionnaire.js';
import type { SuggestedService } from '../../../../shared/referral/screening-contract.js';
import type { ServiceType } from '../../../../shared/referral/vocabulary.js';
import type { Db } from '../../../platform/db/database.js';
import { providersServing } from './repository.js';

/** At most this many services are suggested for one screening. */
export const MAX_SUGGESTED_SERVICES = 12;
/** Providers read before ranking (the repository puts those serving the case's country first). */
const CANDIDATES = 200;

/**
 * What a screening's answers suggest, by the rules of the version it was made with (the same
 * function the web form runs live, so the stored suggestion is what the screener saw).
 */
export function suggestionsFor(version: string, answers: Answers): Suggestions {
  const questionnaire = questionnaireOf(version);
  if (!questionnaire) throw new Error(`questionnaire ${version} is not published`);
  return suggest(questionnaire, answers);
}

/**
 * Active providers serving at least one of the decided needs: those with a place in the country of
 * the organisation that owns the case first, then those covering more of the needs, then by name.
 */
export async function suggestedServices(
  db: Db,
  needs: readonly ServiceType[],
  caseCountry: string | null,
): Promise<SuggestedService[]> {
  const providers = await providersServing(db, needs, caseCountry, CANDIDATES);
  return providers
    .map((provider) => {
      const countries = [...new Set(provider.places.map((p) => p.country))].sort();
      const cities = [...new Set(provider.places.filter((p) => p.city !== '').map((p) => p.city))].sort();
      return {
        providerId: provider.id,
        name: provider.name,
        needs: needs.filter((need) => provider.services.includes(need)),
        countries,
        cities,
        inCaseCountry: caseCountry !== null && countries.includes(caseCountry),
      };
    })
    .sort(
      (a, b) =>
        Number(b.inCaseCountry) - Number(a.inCaseCountry) ||
        b.needs.length - a.needs.length ||
        a.name.localeCompare(b.name, 'en') ||
        (a.providerId < b.providerId ? -1 : 1),
    )
    .slice(0, MAX_SUGGESTED_SERVICES);
}
