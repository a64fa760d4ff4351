/**
 * Arabic writes the conjunctions و (and) and ف (so) and the prepositions ب (by, with), ل (for) and
 * ك (as) joined to the next word: "and the International Organization for Migration" is
 * والمنظمة الدولية للهجرة, one word that no whole-word look-up of المنظمة finds. A name's Arabic
 * forms are the name with each of these prefixes, alone or after و/ف, on its first word. Before the
 * article ال, ل drops the article's alif: ل + المنظمة → للمنظمة.
 */
const PREFIXES = ['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك'];
const ARTICLE = 'ال';
const STARTS_ARABIC = /^\p{Script=Arabic}/u;

/** The phrase and, when it is Arabic, its forms with a joined conjunction or preposition. */
export function arabicForms(phrase: string): string[] {
  if (!STARTS_ARABIC.test(phrase)) return [phrase];
  const forms = [phrase];
  for (const prefix of PREFIXES) {
    const dropsAlif = prefix.endsWith('ل') && phrase.startsWith(ARTICLE);
    forms.push(prefix + (dropsAlif ? phrase.slice(1) : phrase));
  }
  return forms;
}
