import type { ItemType } from '../../../../shared/knowledge/kinds.js';

export { ITEM_TYPES, type ItemType } from '../../../../shared/knowledge/kinds.js';

// Words in a heading or lead-in ("the following good practices were shared:") that type the list
// below it, in English and French. Checked in this order: "recommendations on challenges" recommends.
const HEADING_CUES: [ItemType, RegExp][] = [
  [
    'recommendation',
    /\b(recommend\w*|recommandation\w*|way forward|next steps|prochaines? étapes?|opportunit\w*|pistes?|perspectives|action points?|suggest\w*|propos\w*)\b/i,
  ],
  [
    'good_practice',
    /\b(good|best|promising|bonnes?|meilleures?) (practices?|pratiques?)\b|\bpratiques? (prometteuses?|exemplaires?)\b|\blessons? learn\w*|\benseignements?\b|\bsuccess(es| stories)?\b/i,
  ],
  [
    'challenge',
    /\b(challenges?|défis?|difficult(y|ies)|difficultés?|obstacles?|gaps?|lacunes?|constraints?|contraintes?|risques? identifiés|problems?|problèmes?)\b/i,
  ],
  [
    'conclusion',
    /\b(conclu\w*|key messages?|messages? clés?|closing remarks|remarques de clôture|mot de clôture|outcomes?|agreed|convenu\w*)\b/i,
  ],
];

/** Sections whose paragraphs are narrative (speeches, logistics), not statements to keep. */
const NARRATIVE_SECTION =
  /^(\d+[.)]\s*)?(introduction|opening|ouverture|statement|déclaration|allocution|agenda|ordre du jour|background|contexte|objecti\w*|expected results?|résultats attendus|participants?|closing|clôture|session \d+|panel|annex\w*|programme|welcome|bienvenue|logisti\w*|practical information|informations pratiques|acknowledg\w*|remerciements|media|médias|communication|visibility|visibilité)\b|\b(ceremony|cérémonie|participation|attendance|evaluation|évaluation)\b/i;

/** A heading is typed by a cue among its first words ("Good practices in…", "Next steps and…"). */
export function typeFromHeading(text: string): ItemType | null {
  const opening = text
    .replace(/^\d{1,2}[.)]\s*/, '')
    .split(' ')
    .slice(0, 5)
    .join(' ');
  for (const [type, cue] of HEADING_CUES) if (cue.test(opening)) return type;
  return null;
}

// "During this session, speakers emphasised the following points:" introduces conclusions.
const LEAD_IN_CONCLUSION =
  /\b(emphasi[sz]ed|highlighted|underlined|stressed|noted|ont souligné|ont relevé)\b.{0,30}\b(following|suivants?)\b/i;

/** A lead-in is typed by the last cue: "Despite these challenges, … shared some good practices:". */
export function typeFromLeadIn(text: string): ItemType | null {
  let best: { type: ItemType; at: number } | null = null;
  for (const [type, cue] of HEADING_CUES) {
    const global = new RegExp(cue.source, 'gi');
    for (const match of text.matchAll(global)) if (!best || match.index > best.at) best = { type, at: match.index };
  }
  return best?.type ?? (LEAD_IN_CONCLUSION.test(text) ? 'conclusion' : null);
}

export const isNarrativeHeading = (text: string) => NARRATIVE_SECTION.test(text);

// The wording of a paragraph outside any typed section, for the clear cases only.
// Accented verbs ("ont salué") end in a letter \b does not see: end words with a look-ahead instead.
const END = '(?![\\p{L}])';
// "Mr Ndiaye", "Mrs Barbara Sidoti, a migration expert,", "The co-presidency": a speaker who
// recalls or underlines a general point gives a conclusion.
const SPEAKER =
  "((m\\.|mme|mr\\.?|mrs\\.?|ms\\.?|dr\\.?) (\\p{Lu}[\\p{L}'-]+ ){1,3}(, [^,]{3,80}, )?|the co-presidency |la co-présidence )";
const SENTENCE_CUES: [ItemType, RegExp][] = [
  [
    'recommendation',
    new RegExp(
      `^(it is recommended|il est recommandé|(the )?(participants|delegates|les participants|les délégations) (recommended|recommandent|ont recommandé|(have )?(invited|called (up)?on|urged|encouraged)|ont invité|ont appelé|ont encouragé|highlighted (a few |several |some )?recommendations))${END}`,
      'iu',
    ),
  ],
  [
    'conclusion',
    new RegExp(
      `^((during [^,]{3,60}, )?(the )?(participants|delegates|speakers|the meeting|this session|the session|the co-chairs|les participants|les délégations|les intervenants|la réunion|cette session|les co-présidents)${END}.{0,60}(agreed|concluded|noted|underlined|stressed|acknowledged|welcomed|highlighted|ont convenu|ont conclu|ont souligné|ont noté|ont reconnu|ont salué)${END}|it was (recalled|noted|agreed|underlined|stressed)${END}|il a été (rappelé|souligné|convenu|noté)${END}|${SPEAKER}(a rappelé|a souligné|a insisté sur|recalled|stressed|underlined|noted|emphasi[sz]ed|reaffirmed)${END})`,
      'iu',
    ),
  ],
];

export function typeFromWording(text: string): ItemType | null {
  for (const [type, cue] of SENTENCE_CUES) if (cue.test(text)) return type;
  return null;
}
