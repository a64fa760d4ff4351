/**
 * Short forms and abbreviations of given names: `Md.`, `Mohd` for Mohamed; Abdou for Abdoulaye;
 * Modou for Mamadou; Baba for Babacar. A part written this way meets its full name with a
 * `nickname` reason (a little below a transliteration: the short form is also used on its own).
 */
const SHORT_FORMS: Record<string, string> = {
  md: 'mohamed',
  mhd: 'mohamed',
  muhd: 'mohamed',
  moh: 'mohamed',
  moha: 'mohamed',
  mhmd: 'mohamed',
  abdou: 'abdullah',
  abdu: 'abdullah',
  ablaye: 'abdullah',
  laye: 'abdullah',
  modou: 'mamadou',
  moudou: 'mamadou',
  madou: 'mamadou',
  baba: 'abubakar',
  bouba: 'abubakar',
  bubu: 'abubakar',
  hama: 'amadou',
  fatou: 'fatima',
  fatu: 'fatima',
  ahmd: 'ahmed',
  abd: 'abdullah',
  // Maghreb short forms: Med for Mohamed; the stem of an Abd-name said alone (Kader for
  // Abdelkader, Rahmane for Abderrahmane) is how the person is called, rarely a name of its own.
  med: 'mohamed',
  mohd: 'mohamed',
  kader: 'abd:qadir',
  kadour: 'abd:qadir',
  rahmane: 'abd:rahman',
  // West African short forms: Fanta for Fatoumata, Iba and Ibou for Ibrahima.
  fanta: 'fatima',
  fantah: 'fatima',
  iba: 'ibrahim',
  ibou: 'ibrahim',
};

/** The family a short form stands for, if the part is one. */
export function shortFormOf(part: string): string | undefined {
  return SHORT_FORMS[part];
}
