/**
 * `tagOrganisations`: canonical ids of the organisations a text names, by name or acronym, in
 * English, French or Arabic.
 *
 * A mention of a longer named body consumes its words, so "United Nations Office on Drugs and Crime"
 * is UNODC only, and "United Nations Convention against Transnational Organized Crime" is a treaty:
 * nothing (decision: a UN convention, protocol, charter or goal is not a mention of the UN).
 */

import {
  HEADING_PRONE_ACRONYMS,
  MINISTRY_NAMES,
  NOT_ORGANISATIONS,
  ORGANISATIONS,
} from '../../../../shared/knowledge/vocabulary/organisations-data.js';
import { arabicForms } from './arabic.js';
import { foldedTokens, isCapitalised, type Tokens } from './normalize.js';
import { inCapitalsHeading, type PhraseDefinition, PhraseMatcher, sortedUnique } from './phrase-matcher.js';

/** "Immigration Liaison Officers (ILOs)": in a text about liaison officers, "ILO" is one of them. */
const LIAISON_OFFICERS = /\bliaison officers?\b|\bofficiers? de liaison\b/i;

function acronymDefinition(id: string, acronym: string): PhraseDefinition<string> {
  const headingProne = HEADING_PRONE_ACRONYMS.has(acronym);
  const liaison = acronym === 'ILO';
  return {
    phrase: acronym,
    value: id,
    caseRule: 'free',
    accept: (tokens, start, end) =>
      !(headingProne && inCapitalsHeading(tokens, start, end, matcher.acronyms)) &&
      !(liaison && LIAISON_OFFICERS.test(tokens.text)),
  };
}

/** The last word of the ministry's name is capitalised ("… European Union and Cooperation"). */
const ministryAccept = (tokens: Tokens, _start: number, end: number): boolean => isCapitalised(tokens.words[end - 1]);

function* definitions(): Generator<PhraseDefinition<string>> {
  for (const phrase of NOT_ORGANISATIONS.flatMap(arabicForms)) yield { phrase, value: null, caseRule: 'free' };
  for (const phrase of MINISTRY_NAMES) yield { phrase, value: null, caseRule: 'free', accept: ministryAccept };
  for (const organisation of ORGANISATIONS) {
    for (const acronym of organisation.acronyms) yield acronymDefinition(organisation.id, acronym);
    for (const phrase of organisation.names.flatMap(arabicForms)) yield { phrase, value: organisation.id, caseRule: 'free' };
  }
}

const matcher: PhraseMatcher<string> = new PhraseMatcher(definitions());

export const ORGANISATION_IDS: readonly string[] = ORGANISATIONS.map((o) => o.id);

export function tagOrganisations(text: string): string[] {
  return sortedUnique(matcher.match(foldedTokens(text)));
}
