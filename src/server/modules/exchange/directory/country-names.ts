import countryNames from 'i18n-iso-countries';

/**
 * Countries named by what someone types, in any language `i18n-iso-countries` ships (Spain,
 * Espagne, España, إسبانيا…): the recipient search finds a country's units however its name is
 * written. Names and the query are compared folded: no case, no accents or Arabic vowel marks,
 * Arabic letter variants made one.
 */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\u0640/g, '') // tatweel: stretches a word, is not a letter
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627') // alef with hamza or madda → alef
    .replace(/\u0629/g, '\u0647') // ta marbuta → ha
    .replace(/\u0649/g, '\u064a') // alef maqsura → ya
    .replace(/[’'`\-.,()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

let index: { code: string; names: string[] }[] | undefined;

/** Built on first use: about 250 countries × 80 languages of folded names. */
function countryIndex() {
  if (index) return index;
  const byCode = new Map<string, Set<string>>();
  for (const lang of countryNames.langs()) {
    for (const [code, names] of Object.entries(countryNames.getNames(lang, { select: 'all' }))) {
      const set = byCode.get(code) ?? new Set<string>();
      for (const name of names) set.add(foldName(name));
      byCode.set(code, set);
    }
  }
  index = [...byCode].map(([code, names]) => ({ code, names: [...names] }));
  return index;
}

/**
 * ISO 3166-1 alpha-2 codes of the countries whose name in some language contains the query (from
 * four letters on) or has a word beginning with it (three letters: "Mal" is Mali or Malta, not
 * Guatemala). Shorter queries name no country: two letters would match half the world.
 */
export function countriesNamed(query: string): string[] {
  const q = foldName(query);
  if ([...q].length < 3) return [];
  const contains = [...q].length >= 4;
  return countryIndex()
    .filter(({ names }) => names.some((name) => (contains ? name.includes(q) : name.startsWith(q) || name.includes(` ${q}`))))
    .map(({ code }) => code);
}
