import { describe, expect, it } from 'vitest';
import { THEME_IDS, THEME_KEYWORDS, THEMES } from '../../../../shared/knowledge/vocabulary/themes-data.js';
import { keywordPattern, tagThemes } from './themes.js';

/** Each row: a sentence and themes it must have (other themes may be present too). */
const includes: [string, string, string[]][] = [
  // Real sentences from the corpus.
  [
    'corpus: workshop, legislative frameworks',
    'Develop and strengthen specific legislative and institutional frameworks for prevention, detection, investigation, prosecution and protection in the fight against migrant smuggling and trafficking in persons;',
    ['judicial_cooperation', 'migrant_smuggling', 'trafficking_in_human_beings'],
  ],
  [
    'corpus: workshop, secure documents',
    "Encourage the introduction of secure documents to combat identity and nationality fraud (such as the ECOWAS - Economic Community of West African States' biometric identity card);",
    ['document_security_and_fraud'],
  ],
  [
    'corpus: workshop, awareness raising',
    'Strengthen awareness raising on the risks of irregular migration and illicit migrant smuggling (including at community level) and establish a coherent evaluation system to measure the impact of awareness campaigns.',
    ['awareness_raising', 'migrant_smuggling'],
  ],
  [
    'corpus: workshop, judicial cooperation',
    'Strengthen judicial cooperation: (i) by using the West African Network of Central Authorities and Prosecutors against Organized Crime (WACAP) focal points (ii) by seconding liaison magistrates;',
    ['judicial_cooperation'],
  ],
  [
    'corpus: workshop, research',
    'Develop research, information and analysis on how smuggling networks operate and how they are organised at sub-regional level.',
    ['data_and_research', 'migrant_smuggling'],
  ],
  [
    'corpus: workshop, regional cooperation',
    'Develop inter-regional cooperation between West Africa - East Africa and West Africa - North Africa ;',
    ['regional_cooperation'],
  ],
  [
    'corpus: Madrid, information exchange',
    'Include border communities in information exchange mechanisms on irregular migration;',
    ['information_exchange'],
  ],
  [
    'corpus: Madrid, document fraud',
    'The modernization of cross-border controls, using biometrics and automated integration of traveler data, has made it possible to improve the detection of document fraud',
    ['border_management', 'document_security_and_fraud'],
  ],
  ['corpus: Madrid, voluntary return', 'Promote a policy of voluntary return', ['return_and_reintegration']],
  [
    'corpus: Madrid, legal migration',
    'Promote legal migration (Spain-Senegal agreement on circular migration)',
    ['legal_migration_and_mobility'],
  ],
  [
    'corpus: Madrid, root causes',
    'Deconstruct the myth of the European El Dorado by engaging communities and offering sustainable alternatives to fix young people in their homeland',
    ['root_causes'],
  ],
  [
    'corpus: Marrakesh, search and rescue',
    'These initiatives notably focus on strengthening prevention, search and rescue, and migrant and refugee protection mechanisms.',
    ['international_protection', 'search_and_rescue'],
  ],
  [
    'corpus: Sofia, capacity building',
    'Common Core Curriculums have been seen as effective tools to standardise the training of border management officers',
    ['border_management', 'capacity_building'],
  ],
  [
    'corpus: Oporto, human rights',
    'an approach focused on the victims and on Human Rights based on European legislation',
    ['human_rights'],
  ],
  // French sentences.
  [
    'FR: gestion des frontières',
    'Renforcer la gestion intégrée des frontières et les contrôles aux frontières terrestres.',
    ['border_management'],
  ],
  ['FR: trafic de migrants', 'La lutte contre le trafic illicite de migrants et les réseaux de passeurs.', ['migrant_smuggling']],
  ['FR: traite', "La traite des êtres humains et l'identification des victimes de la traite.", ['trafficking_in_human_beings']],
  [
    'FR: mineurs',
    'la prise en charge des enfants non accompagnés et des personnes vulnérables',
    ['protection_of_vulnerable_migrants'],
  ],
  ['FR: asile', "les demandeurs d'asile et les réfugiés", ['international_protection']],
  ['FR: retour', 'le retour volontaire et la réintégration durable', ['return_and_reintegration']],
  ['FR: mobilité', 'promouvoir la migration légale, la mobilité et la libre circulation', ['legal_migration_and_mobility']],
  ['FR: fraude', 'la fraude documentaire et les faux documents de voyage', ['document_security_and_fraud']],
  ['FR: sauvetage', 'les opérations de recherche et de sauvetage en mer', ['search_and_rescue']],
  ["FR: échange d'informations", "l'échange d'informations et le partage de données entre services", ['information_exchange']],
  ['FR: renforcement des capacités', 'le renforcement des capacités et la formation des garde-frontières', ['capacity_building']],
  ['FR: sensibilisation', 'des campagnes de sensibilisation', ['awareness_raising']],
  ['FR: causes profondes', 'les causes profondes de la migration irrégulière et la création d’emplois', ['root_causes']],
  ['FR: diaspora', 'la diaspora et les transferts de fonds', ['diaspora']],
  ["FR: droits de l'homme", 'le respect des droits de l’homme et des droits fondamentaux', ['human_rights']],
  ['FR: coopération judiciaire', "l'entraide judiciaire et les équipes communes d'enquête", ['judicial_cooperation']],
  ['FR: données', 'la collecte des données et les statistiques', ['data_and_research']],
  ['FR: disparus', 'les migrants disparus et les décès en mer', ['missing_migrants']],
  ['FR: coopération régionale', 'la coopération régionale et transfrontalière', ['regional_cooperation']],
];

/** Each row: a sentence and themes it must not have. */
const excludes: [string, string, string[]][] = [
  ['irregular is not regular migration', 'the fight against irregular migration', ['legal_migration_and_mobility']],
  ['drug trafficking is not THB', 'drug trafficking and arms trafficking', ['trafficking_in_human_beings']],
  ['situational awareness is not awareness raising', 'situational awareness at the borders', ['awareness_raising']],
  ['recherche et sauvetage is not research', 'recherche et sauvetage', ['data_and_research']],
  ['visage is not visa', 'un visage connu', ['legal_migration_and_mobility']],
  ['in return for', 'support in return for cooperation', ['return_and_reintegration']],
  ['sous forme de', 'sous forme de rapport', ['capacity_building']],
];

describe('tagThemes', () => {
  it.each(includes)('%s', (_name, text, expected) => {
    expect(tagThemes(text)).toEqual(expect.arrayContaining(expected));
  });

  it.each(excludes)('%s', (_name, text, absent) => {
    for (const theme of absent) expect(tagThemes(text)).not.toContain(theme);
  });

  it('returns sorted ids from the vocabulary', () => {
    const themes = tagThemes(includes.map(([, t]) => t).join(' '));
    expect(themes).toEqual([...themes].sort());
    expect(new Set(themes)).toEqual(new Set(THEME_IDS));
  });

  it('finds nothing in an empty or unrelated text', () => {
    expect(tagThemes('')).toEqual([]);
    expect(tagThemes('The weather was fine.')).toEqual([]);
  });

  it('has every keyword compiling and labels in three languages', () => {
    for (const id of THEME_IDS) expect(() => keywordPattern(THEME_KEYWORDS[id])).not.toThrow();
    expect(THEMES.map((t) => t.id)).toEqual([...THEME_IDS]);
    for (const theme of THEMES) {
      expect(theme.label.en && theme.label.fr && theme.label.ar).toBeTruthy();
      expect(theme.label.ar).toMatch(/\p{Script=Arabic}/u);
    }
  });
});
