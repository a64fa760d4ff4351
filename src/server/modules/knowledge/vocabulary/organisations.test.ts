import { describe, expect, it } from 'vitest';
import { ORGANISATIONS } from '../../../../shared/knowledge/vocabulary/organisations-data.js';
import { ORGANISATION_IDS, tagOrganisations } from './organisations.js';

const cases: [string, string, string[]][] = [
  // Real sentences from the corpus.
  ['corpus: Madrid, Frontex', 'Mauritania has created a risk analysis cell with Frontex with a liaison officer;', ['FRONTEX']],
  [
    'corpus: Madrid, regional entities',
    'Use existing entities and resources in the area of security and in other areas to strengthen regional cooperation: WAPCC, ECOWAS, CEMAC, WAPIS, etc.',
    ['ECOWAS'],
  ],
  ['corpus: Madrid, EU strategy', 'The EU Integrated Border Management Strategy (EUIBM) is in constant evolution.', ['EU']],
  [
    'corpus: Madrid, a Spanish ministry is not the EU',
    'Ms. Angeles Moreno Bau, at the Ministry of Foreign Affairs, European Union and Cooperation, and Ms. Monique Pariat at the European Commission.',
    ['EC'],
  ],
  [
    'corpus: Oporto, ILO spelled out',
    'The project is implemented by IOM, ICMPD and ILO (International Labour Organization).',
    ['ICMPD', 'ILO', 'IOM'],
  ],
  ['corpus: Oporto, UNODC with "against"', 'for the United Nations Office against Drugs and Crime (UNODC).', ['UNODC']],
  [
    'corpus: Oporto, DG HOME',
    'Directorate General of Interior and Migratory Affairs (DG HOME), European Commission, EU, opened this session',
    ['EC', 'EU'],
  ],
  [
    'corpus: Oporto, Europol/Interpol',
    'European cooperation is quite strong with Europol/Interpol, the European Judicial Network',
    ['EUROPOL', 'INTERPOL'],
  ],
  [
    'corpus: Oporto, Italian Red Cross is neither ICRC nor IFRC',
    'implemented by UNHCR, IOM, the Italian Red Cross',
    ['IOM', 'UNHCR'],
  ],
  [
    'corpus: workshop, a UN convention is a treaty',
    'Enable the use of the special investigative tools which are provided for in the United Nations Convention against Transnational Organized Crime;',
    [],
  ],
  [
    'corpus: workshop, WACAP',
    'by using the West African Network of Central Authorities and Prosecutors against Organized Crime (WACAP) focal points',
    ['WACAP'],
  ],
  [
    'corpus: workshop, participants',
    'as well as the EU, ICMPD, UNODC, G5 Sahel and Frontex.',
    ['EU', 'FRONTEX', 'G5_SAHEL', 'ICMPD', 'UNODC'],
  ],
  [
    'corpus: Oporto, ECOWAS and ECCAS spelled out',
    'the Economic Community of West African States (ECOWAS) and the Economic Community of Central African States (ECCAS)',
    ['ECCAS', 'ECOWAS'],
  ],
  ['corpus: Marrakesh, EUCAP', 'In Mali, the EUCAP Sahel Mali supports the Malian government', ['EUCAP']],
  [
    'corpus: Marrakesh, OHCHR and UNHCR',
    'How can border management strategies guarantee the protection of human rights? – OHCHR and UNHCR.',
    ['OHCHR', 'UNHCR'],
  ],
  ['corpus: Marrakesh, FRONTEX and EUROPOL', 'with actors such as FRONTEX and EUROPOL.', ['EUROPOL', 'FRONTEX']],
  [
    'corpus: Sofia, Immigration Liaison Officers are not the ILO',
    'Immigration Liaison Officers (ILOs) in other countries are considered a good practice',
    [],
  ],
  ['an ILO in a text about liaison officers', 'The ILO (immigration liaison officer) in Dakar reported.', []],
  [
    'corpus: Sofia, OSCE and Frontex',
    'the European Border and Coast Guard Agency (FRONTEX), International Centre for Migration Policy Development (ICMPD), Organization for Security and Cooperation in Europe (OSCE)',
    ['FRONTEX', 'ICMPD', 'OSCE'],
  ],
  // French names and acronyms.
  [
    'French acronyms',
    "l'OIM, le HCR, l'ONUDC, la CEDEAO, l'UA, l'UE, le CICR, le HCDH, l'OIT, le PNUD, l'OACI, le SEAE, la CEEAC et l'ONU",
    ['AU', 'ECCAS', 'ECOWAS', 'EEAS', 'EU', 'ICAO', 'ICRC', 'ILO', 'IOM', 'OHCHR', 'UN', 'UNDP', 'UNHCR', 'UNODC'],
  ],
  [
    'French names',
    "l'Organisation internationale pour les migrations, le Haut-Commissariat des Nations unies pour les réfugiés et la Commission européenne",
    ['EC', 'IOM', 'UNHCR'],
  ],
  [
    'French regional bodies',
    "la Communauté économique des États de l'Afrique de l'Ouest, l'Union africaine et l'Union européenne",
    ['AU', 'ECOWAS', 'EU'],
  ],
  ['French UN convention', 'la Convention des Nations unies contre la criminalité transnationale organisée', []],
  ['Nations unies alone', 'avec le soutien des Nations unies', ['UN']],
  ['Bureau international du Travail', 'le Bureau international du Travail (BIT)', ['ILO']],
  ['sociétés nationales de la Croix-Rouge are not IFRC', 'avec le CICR et les sociétés nationales de la Croix-Rouge', ['ICRC']],
  // Acronym traps.
  ['French "au" is not the AU', 'au Niger et au Mali, au sein de la région', []],
  ['"Au" at the start of a sentence', 'Au Nigeria, l’agence nationale a conclu des protocoles.', []],
  ['"AU" and "UA" as acronyms', 'the AU and the UA (Union africaine)', ['AU']],
  ['"AU" inside a capitalised heading', 'RETOUR AU PAYS', []],
  ['"UN" inside a capitalised heading', 'UN PLAN POUR LA RÉGION', []],
  ['"un" is French for "a"', 'un plan, une stratégie', []],
  ['"UN" as an acronym', 'UN agencies and the EU', ['EU', 'UN']],
  ['acronyms in a list of acronyms', 'EU, AU, UN', ['AU', 'EU', 'UN']],
  ['"EU" inside a word is not the EU', 'EUCAP, EUROPOL, Eurostat, EUAM', ['EUCAP', 'EUROPOL']],
  ['lower-case acronyms are words', 'iom eu ue au ilo', []],
  [
    'a longer UN body is not also the UN',
    'the United Nations Office on Drugs and Crime and the UN Refugee Agency',
    ['UNHCR', 'UNODC'],
  ],
  ['UN Security Council is the UN', 'the United Nations Security Council', ['UN']],
  ['AFRIPOL spelled out is not also the AU', 'the African Union Mechanism for Police Cooperation', ['AFRIPOL']],
  [
    'others',
    'UNICEF, Unicef, IGAD, ICRC, IFRC, UNDP, WCO, EEAS, Interpol, Afripol',
    ['AFRIPOL', 'EEAS', 'ICRC', 'IFRC', 'IGAD', 'INTERPOL', 'UNDP', 'UNICEF', 'WCO'],
  ],
  ['possessive', "the EU's vision and IOM’s programme", ['EU', 'IOM']],
  ['empty text', '', []],
  // Arabic names, with the conjunctions and prepositions Arabic joins to the next word.
  ['Arabic: IOM', 'أعلنت المنظمة الدولية للهجرة عن برنامج جديد للعودة الطوعية', ['IOM']],
  ['Arabic: IOM after "and for the"', 'وللمنظمة الدولية للهجرة مكتب في نيامي', ['IOM']],
  ['Arabic: IOM with diacritics', 'المنظَّمة الدّوليّة للهجرة', ['IOM']],
  [
    'Arabic: UNHCR and UNODC after "and"',
    'بالتعاون مع المفوضية السامية للأمم المتحدة لشؤون اللاجئين ومكتب الأمم المتحدة المعني بالمخدرات والجريمة',
    ['UNHCR', 'UNODC'],
  ],
  ['Arabic: regional bodies', 'الاتحاد الإفريقي والاتحاد الأوروبي والجماعة الاقتصادية لدول غرب أفريقيا', ['AU', 'ECOWAS', 'EU']],
  ['Arabic: hamza written or not', 'الاتحاد الافريقي والانتربول', ['AU', 'INTERPOL']],
  ['Arabic: short names', 'فرونتكس واليوروبول واليونيسف والإيكواس', ['ECOWAS', 'EUROPOL', 'FRONTEX', 'UNICEF']],
  [
    'Arabic: UN bodies are not also the UN',
    'مفوضية الأمم المتحدة السامية لحقوق الإنسان وبرنامج الأمم المتحدة الإنمائي',
    ['OHCHR', 'UNDP'],
  ],
  ['Arabic: the UN itself', 'بدعم من الأمم المتحدة والمفوضية الأوروبية', ['EC', 'UN']],
  ['Arabic: a UN convention is a treaty', 'واتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية', []],
  ['Arabic: AFRIPOL is not also the AU', 'آلية الاتحاد الأفريقي للتعاون الشرطي', ['AFRIPOL']],
  ['Arabic: the Spanish ministry is not the EU', 'وزارة الشؤون الخارجية والاتحاد الأوروبي والتعاون', []],
  ['Arabic: the Kingdom of Morocco is not an organisation', 'المملكة المغربية، وزارة الداخلية', []],
  ['Arabic: a Latin acronym in Arabic text', 'بتمويل من الاتحاد الأوروبي وتنفيذ ICMPD', ['EU', 'ICMPD']],
];

describe('tagOrganisations', () => {
  it.each(cases)('%s', (_name, text, expected) => {
    expect(tagOrganisations(text)).toEqual(expected);
  });

  it('has a label in English, French and Arabic for every organisation', () => {
    for (const { id, label } of ORGANISATIONS) {
      expect(label.en && label.fr, id).toBeTruthy();
      expect(label.ar, id).toMatch(/\p{Script=Arabic}/u);
    }
  });

  it('tags every organisation by its Arabic label and by each Arabic name', () => {
    for (const { id, label, names } of ORGANISATIONS) {
      const arabicNames = names.filter((name) => /^\p{Script=Arabic}/u.test(name));
      expect(arabicNames.length, id).toBeGreaterThan(0);
      for (const name of arabicNames) expect(tagOrganisations(`وأكد ممثل ${name} على أهمية التعاون`), name).toEqual([id]);
      const labelName =
        label.ar
          .replace(/ \([^)]*\)$/, '')
          .split('، ')
          .at(-1) ?? '';
      expect(tagOrganisations(labelName), label.ar).toEqual([id]);
    }
  });

  it('uses exactly the agreed ids', () => {
    expect([...ORGANISATION_IDS].sort()).toEqual(
      [
        'IOM',
        'UNHCR',
        'UNODC',
        'ECOWAS',
        'FRONTEX',
        'EUROPOL',
        'INTERPOL',
        'ICMPD',
        'AU',
        'EU',
        'EC',
        'OHCHR',
        'UNICEF',
        'ILO',
        'AFRIPOL',
        'G5_SAHEL',
        'WACAP',
        'ECCAS',
        'IGAD',
        'UN',
        'ICRC',
        'IFRC',
        'UNDP',
        'OSCE',
        'ICAO',
        'WCO',
        'EUCAP',
        'EEAS',
      ].sort(),
    );
  });
});
