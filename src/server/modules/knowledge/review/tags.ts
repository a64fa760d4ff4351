import countryNames from 'i18n-iso-countries';
import { KNOWLEDGE_PROBLEMS, type KnowledgeProblem } from '../../../../shared/knowledge/problems.js';
import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import { type Problem, problem } from '../../../platform/errors.js';
import { ORGANISATION_IDS, ORGANISATIONS, REFERENCES, THEME_IDS, THEMES } from '../vocabulary/index.js';

export type ReferenceKind = 'explicit' | 'suggested';
export interface ItemReference {
  id: string;
  kind: ReferenceKind;
}

export interface ItemTags {
  countries: string[];
  organisations: string[];
  themes: string[];
  references: ItemReference[];
}

const KNOWN: Record<keyof ItemTags, (id: string) => boolean> = {
  countries: (code) => countryNames.isValid(code),
  organisations: (id) => ORGANISATION_IDS.includes(id),
  themes: (id) => (THEME_IDS as readonly string[]).includes(id),
  references: (id) => Object.hasOwn(REFERENCES, id),
};

const NOUNS: Record<keyof ItemTags, string> = {
  countries: 'country code',
  organisations: 'organisation id',
  themes: 'theme id',
  references: 'action-plan reference id',
};

/**
 * A problem naming the field, in the shape of the schema validation errors (`errors[].path`): a
 * value the schema could not check (400 `validation`), or one a rule of the library refuses (`slug`).
 */
export function fieldProblem(field: string, detail: string, options: { slug?: KnowledgeProblem; index?: number } = {}): Problem {
  const path = options.index === undefined ? `/${field}` : `/${field}/${options.index}`;
  const extra = { field, errors: [{ path, message: detail }] };
  return options.slug
    ? problem(KNOWLEDGE_PROBLEMS, options.slug, detail, extra)
    : problem(PLATFORM_PROBLEMS, 'validation', detail, extra);
}

function checkIds(field: keyof ItemTags, ids: string[]): string[] {
  const unique = [...new Set(ids)];
  const unknown = unique.findIndex((id) => !KNOWN[field](id));
  if (unknown >= 0) {
    const index = ids.indexOf(unique[unknown]);
    throw fieldProblem(field, `Unknown ${NOUNS[field]} in ${field}: "${unique[unknown]}".`, { index });
  }
  return unique;
}

/**
 * The tags of an edit, checked against the vocabularies the tagger uses: an unknown id would never
 * match a facet or a label, so it is refused rather than stored. References keep the kind they had
 * (a reference the tagger only suggested stays "suggested" until the reviewer says otherwise); one
 * the reviewer adds is explicit, as a person asserted it.
 */
export function checkTags(
  input: Partial<Omit<ItemTags, 'references'> & { references: { id: string; kind?: ReferenceKind }[] }>,
  current: ItemReference[],
): Partial<ItemTags> {
  const tags: Partial<ItemTags> = {};
  if (input.countries) tags.countries = checkIds('countries', input.countries);
  if (input.organisations) tags.organisations = checkIds('organisations', input.organisations);
  if (input.themes) tags.themes = checkIds('themes', input.themes);
  if (input.references) {
    const ids = checkIds(
      'references',
      input.references.map((reference) => reference.id),
    );
    const previous = new Map(current.map((reference) => [reference.id, reference.kind]));
    const asked = new Map(input.references.map((reference) => [reference.id, reference.kind]));
    tags.references = ids.map((id) => ({ id, kind: asked.get(id) ?? previous.get(id) ?? 'explicit' }));
  }
  return tags;
}

type Labels = Record<string, string | undefined>;
const labelled = (entries: { id: string; label: Labels }[]) => entries.map(({ id, label }) => ({ id, label }));

/** What a reviewer may choose from, with labels (English and French, and Arabic where the vocabulary has it). */
export function vocabularyOptions() {
  return {
    countries: Object.keys(countryNames.getAlpha2Codes()).sort(),
    themes: labelled(THEMES.map((theme) => ({ id: theme.id, label: theme.label as Labels }))),
    organisations: labelled(ORGANISATIONS.map((organisation) => ({ id: organisation.id, label: organisation.label as Labels }))),
    references: labelled(Object.entries(REFERENCES).map(([id, label]) => ({ id, label: label as unknown as Labels }))),
  };
}
