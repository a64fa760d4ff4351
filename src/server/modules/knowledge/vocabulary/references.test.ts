import { describe, expect, it } from 'vitest';
import { THEME_IDS } from '../../../../shared/knowledge/vocabulary/themes-data.js';
import { explicitReferences, parseNumbers, REFERENCES, tagReferences } from './references.js';
import { GCM_OBJECTIVES, PLAN_PARTS, THEME_REFERENCES } from './references-data.js';

const explicit: [string, string, string[]][] = [
  // Real sentences from the corpus.
  ['corpus: workshop, Action 17', '*With reference to the Marrakesh Action Plan - Action 17*', ['MAP:action:17']],
  [
    'corpus: workshop, Actions 16 and 17',
    '*With reference to the Marrakesh Action Plan – Actions 16 and 17*',
    ['MAP:action:16', 'MAP:action:17'],
  ],
  [
    'corpus: Madrid, Area 4 of the Marrakech Action Plan',
    'Echoing the priorities of [Area 4 of the Marrakech Action Plan 2018-2020 on Irregular Migration, Migrant Smuggling and Human Trafficking](#);',
    ['MAP:domain:4'],
  ],
  [
    'corpus: Marrakesh, GCM objective and Cadiz domain/objective in one sentence',
    'Echoing the priorities of the Global Compact for Safe, Orderly, and Regular Migration, and specifically its objective 11, as well as of Domain 4, objective 7 of the Cadiz Action Plan which reiterates the need to “strengthen the capacities of relevant public institutions” while highlighting at the same time the need expressed in action 20 to do so in full respect for the human rights of migrants.',
    ['CAP:domain:4', 'CAP:objective:7', 'GCM:11'],
  ],
  [
    'corpus: Marrakesh, Objective 7 of the Cadiz Action Plan',
    'M. Dangou also reminded the importance of Objective 7 of the Cadiz Action Plan and called for an efficient coordination.',
    ['CAP:objective:7'],
  ],
  [
    'corpus: Marrakesh, Domain 4 and Objective 7',
    'is a priority linked with Domain 4 and Objective 7 of the Cadiz Action Plan.',
    ['CAP:domain:4', 'CAP:objective:7'],
  ],
  [
    'corpus: Marrakesh, Domain 2 of the Cadiz Action Plan',
    'the National Visa Policy issued in 2020 reflects Domain 2 of the Cadiz Action Plan relating to the promotion of regular migration and mobility.',
    ['CAP:domain:2'],
  ],
  ['corpus: Oporto, Valletta Action Plan without a number', 'consistent with the Valletta Action Plan and Rome Programme.', []],
  [
    'corpus: Oporto, another plan’s objectives',
    'Mr Olayemi then presented the strategic objectives of the new draft Action Plan 2016-2020:',
    [],
  ],
  // Forms from the brief and French.
  ['Objective 9 of the GCM', 'in line with Objective 9 of the GCM', ['GCM:9']],
  ['GCM Objective 10', 'GCM Objective 10 calls for it', ['GCM:10']],
  ['objectives 9 and 10 of the Global Compact', 'objectives 9 and 10 of the Global Compact for Migration', ['GCM:9', 'GCM:10']],
  [
    'Global Compact … objectives 9 and 10',
    'The Global Compact for Migration, in particular objectives 9 and 10, guides us.',
    ['GCM:9', 'GCM:10'],
  ],
  [
    'GCM objectives list and range',
    'GCM objectives 9, 10 and 11; GCM objectives 21-23',
    ['GCM:9', 'GCM:10', 'GCM:11', 'GCM:21', 'GCM:22', 'GCM:23'],
  ],
  ['Domain 4 of the Marrakesh Action Plan', 'Domain 4 of the Marrakesh Action Plan', ['MAP:domain:4']],
  ['objectif 23 du Pacte mondial', "conformément à l'objectif 23 du Pacte mondial", ['GCM:23']],
  ["Plan d'action de Marrakech – Action 15", "*En référence au Plan d'action de Marrakech – Action 15*", ['MAP:action:15']],
  [
    'MAP action and GCM objective in one French line',
    "*En référence au Plan d'action de Marrakech – Action 11 et à l'objectif 10 du Pacte mondial*",
    ['GCM:10', 'MAP:action:11'],
  ],
  [
    'Cadix domain and GCM objective',
    "Faisant écho aux priorités du Domaine 3 du Plan d'action de Cadix et de l'objectif 7 du Pacte mondial pour des migrations sûres, ordonnées et régulières ;",
    ['CAP:domain:3', 'GCM:7'],
  ],
  ['JVAP domain', 'under Domain 5 of the Joint Valletta Action Plan (JVAP)', ['JVAP:domain:5']],
  ['Plan d’action conjoint de La Valette', "le domaine 2 du Plan d'action conjoint de La Valette", ['JVAP:domain:2']],
  // Traps.
  ['Global Compact on Refugees is not the GCM', 'objective 2 of the Global Compact on Refugees', []],
  ['no plan, no reference', 'Objective 1: inform participants; Action 3 of the national plan', []],
  ['number out of range', 'Objective 24 of the GCM and Action 30 of the Marrakesh Action Plan and Domain 6 of the JVAP', []],
  ['part a plan lacks', 'Domain 2 of the GCM and action 20 of the Cadiz Action Plan', []],
  ['a year is not a number', 'the Marrakesh Action Plan 2018-2020 and actions 2018', []],
  [
    'a sentence boundary separates plan and part',
    'We recall the Marrakesh Action Plan. Action 5 was discussed by the group.',
    [],
  ],
];

describe('explicitReferences', () => {
  it.each(explicit)('%s', (_name, text, expected) => {
    expect(explicitReferences(text)).toEqual(expected);
  });
});

describe('parseNumbers', () => {
  it.each([
    ['9', [9]],
    ['9 and 10', [9, 10]],
    ['9, 10 and 11', [9, 10, 11]],
    ['15-17', [15, 16, 17]],
    ['15 to 17', [15, 16, 17]],
    ['15 a 17', [15, 16, 17]],
    ['17-15', [17, 15]],
  ])('%s', (list, numbers) => {
    expect(parseNumbers(list)).toEqual(numbers);
  });
});

describe('tagReferences', () => {
  it('marks explicit mentions and theme suggestions, never both for one id', () => {
    const text = 'Objective 9 of the GCM: fight migrant smuggling.';
    expect(tagReferences(text, ['migrant_smuggling'])).toEqual([
      { id: 'GCM:9', kind: 'explicit' },
      { id: 'MAP:domain:4', kind: 'suggested' },
    ]);
  });

  it.each([
    ['migrant_smuggling', ['GCM:9', 'MAP:domain:4']],
    ['trafficking_in_human_beings', ['GCM:10', 'MAP:domain:4']],
    ['border_management', ['GCM:11', 'MAP:domain:4']],
    ['document_security_and_fraud', ['GCM:4', 'MAP:domain:4']],
    ['missing_migrants', ['GCM:8']],
    ['search_and_rescue', ['GCM:8']],
    ['return_and_reintegration', ['GCM:21', 'MAP:domain:5']],
    ['data_and_research', ['GCM:1']],
    ['root_causes', ['GCM:2', 'MAP:domain:1']],
    ['legal_migration_and_mobility', ['GCM:5', 'MAP:domain:2']],
    ['diaspora', ['GCM:19', 'GCM:20', 'MAP:domain:1']],
    ['capacity_building', []],
  ])('suggests for %s', (theme, ids) => {
    expect(tagReferences('', [theme])).toEqual(ids.map((id) => ({ id, kind: 'suggested' })));
  });

  it('merges suggestions of several themes once, in natural order', () => {
    expect(tagReferences('', ['search_and_rescue', 'missing_migrants', 'border_management']).map((r) => r.id)).toEqual([
      'GCM:8',
      'GCM:11',
      'MAP:domain:4',
    ]);
  });

  it('ignores unknown themes', () => {
    expect(tagReferences('', ['not_a_theme'])).toEqual([]);
  });
});

describe('REFERENCES', () => {
  it('follows the real structure of the plans', () => {
    expect(GCM_OBJECTIVES).toHaveLength(23);
    expect(PLAN_PARTS).toEqual({
      GCM: { objective: 23 },
      MAP: { domain: 5, action: 23 },
      CAP: { domain: 5, objective: 10 },
      JVAP: { domain: 5 },
    });
    const ids = Object.keys(REFERENCES);
    expect(ids.filter((id) => id.startsWith('GCM:'))).toHaveLength(23);
    expect(ids.filter((id) => id.startsWith('MAP:domain:'))).toHaveLength(5);
    expect(ids.filter((id) => id.startsWith('MAP:action:'))).toHaveLength(23);
    expect(ids.filter((id) => id.startsWith('CAP:domain:'))).toHaveLength(5);
    expect(ids.filter((id) => id.startsWith('CAP:objective:'))).toHaveLength(10);
    expect(ids.filter((id) => id.startsWith('JVAP:domain:'))).toHaveLength(5);
  });

  it('labels every id the tagger can produce, in English, French and Arabic', () => {
    const produced = [...explicit.flatMap(([, , ids]) => ids), ...THEME_IDS.flatMap((t) => THEME_REFERENCES[t])];
    for (const id of produced) {
      expect(REFERENCES[id]?.en).toBeTruthy();
      expect(REFERENCES[id]?.fr).toBeTruthy();
    }
    for (const [id, label] of Object.entries(REFERENCES)) {
      expect(label.ar, id).toMatch(/^\p{Script=Arabic}/u);
      expect(label.ar, id).not.toMatch(/undefined/);
    }
    expect(REFERENCES['GCM:11'].ar).toBe('الهدف 11 من الاتفاق العالمي من أجل الهجرة: إدارة الحدود بطريقة متكاملة وآمنة ومنسقة');
    expect(REFERENCES['CAP:domain:4'].ar).toMatch(/^خطة عمل قادس، المجال 4: منع الهجرة غير النظامية/);
    expect(REFERENCES['MAP:action:17'].ar).toBe('خطة عمل مراكش، الإجراء 17');
    expect(REFERENCES['GCM:9'].en).toBe('GCM Objective 9: Strengthen the transnational response to smuggling of migrants');
    expect(REFERENCES['MAP:domain:4'].fr).toMatch(/^Plan d'action de Marrakech, domaine 4 : Prévention/);
  });
});
