import type { EntryIdentifier, EntryName } from '../../shared/watchlists/contract.js';
import type { EntrySex } from '../../shared/watchlists/vocabulary.js';

/**
 * The watch-lists demo: three fictional lists kept by units of the demo organisations and the
 * invented people on them. Every family name carries a marker that says so in its script (Exemple,
 * Sample, Demo, Fictif; مثال, Пример, ምሳሌ), as the referral demo's people do; the given names are
 * common ones, so screening shows how the matcher treats their spellings.
 */
export interface DemoEntry {
  /** Key within the demo, for the screenings and review dates below. */
  key: string;
  names: EntryName[];
  birthDate?: string;
  nationalities?: string[];
  sex?: EntrySex;
  identifiers?: EntryIdentifier[];
  reason: string;
}

export interface DemoWatchlist {
  key: string;
  /** Who keeps it: a demo account (focal point or analyst) of the owner unit. */
  by: string;
  organisation: string;
  unit: string;
  name: string;
  purpose: string;
  legalBasis: string;
  reviewPeriodDays: number;
  graceDays: number;
  handlingCode: 'TLP:RED' | 'TLP:AMBER+STRICT' | 'TLP:AMBER' | 'TLP:GREEN';
  /** Organisation keys, or units as `key:unit name`. */
  distribution: { organisations?: string[]; units?: string[]; allPartners?: boolean };
  entries: DemoEntry[];
}

const latin = (name: string): EntryName => ({ name, script: 'latin' });
const arabic = (name: string): EntryName => ({ name, script: 'arabic' });
const cyrillic = (name: string): EntryName => ({ name, script: 'cyrillic' });
const ethiopic = (name: string): EntryName => ({ name, script: 'ethiopic' });
const passport = (number: string, country: string): EntryIdentifier => ({ kind: 'passport', number, country });

const FACILITATOR = 'Fictional demo entry: suspected of organising irregular departures for payment.';
const FRAUD = 'Fictional demo entry: sought for the use of forged travel documents.';
const ORGANISER = 'Fictional demo entry: named by several partners as an organiser of crossings.';

export const DEMO_WATCHLISTS: DemoWatchlist[] = [
  {
    key: 'facilitators',
    by: 'focal.ma@liaison.demo',
    organisation: 'ma',
    unit: 'National anti-smuggling unit',
    name: 'Smuggling network facilitators',
    purpose: 'Identify facilitators of migrant smuggling networks at border crossings and ports.',
    legalBasis: 'Demo: national law on migrant smuggling, article on the exchange of information with partner services.',
    reviewPeriodDays: 180,
    graceDays: 30,
    handlingCode: 'TLP:AMBER',
    distribution: { organisations: ['es', 'sn'] },
    entries: [
      {
        key: 'mohamed',
        names: [latin('Mohamed Exemple-El Idrissi'), arabic('محمد مثال الإدريسي')],
        birthDate: '1981-04-12',
        nationalities: ['MA'],
        sex: 'male',
        identifiers: [passport('DEMO00421', 'MA')],
        reason: FACILITATOR,
      },
      {
        key: 'abdelrahman',
        names: [latin('Abdelrahman Fictif-Benali'), arabic('عبد الرحمن فكتيف بن علي')],
        birthDate: '1976',
        nationalities: ['DZ'],
        sex: 'male',
        reason: FACILITATOR,
      },
      {
        key: 'youssef',
        names: [latin('Youssef Demo Ould Ahmed'), arabic('يوسف ديمو ولد أحمد')],
        birthDate: '1988',
        nationalities: ['MR'],
        sex: 'male',
        reason: FACILITATOR,
      },
      {
        key: 'mamadou',
        names: [latin('Mamadou Sample-Diallo')],
        birthDate: '1990-09-01',
        nationalities: ['GN'],
        sex: 'male',
        identifiers: [passport('DEMO77310', 'GN')],
        reason: FACILITATOR,
      },
      {
        key: 'ousmane',
        names: [latin('Ousmane Fictif-Ndiaye')],
        birthDate: '1985',
        nationalities: ['SN'],
        sex: 'male',
        reason: FACILITATOR,
      },
      {
        key: 'khadija',
        names: [latin('Khadija Exemple-Tazi'), arabic('خديجة مثال التازي')],
        birthDate: '1979',
        nationalities: ['MA'],
        sex: 'female',
        reason: FACILITATOR,
      },
      {
        key: 'rustam',
        names: [latin('Rustam Primer-Karimov'), cyrillic('Рустам Пример-Каримов')],
        birthDate: '1983-02-20',
        nationalities: ['UZ'],
        sex: 'male',
        reason: FACILITATOR,
      },
      {
        key: 'jamshid',
        names: [latin('Jamshid Demo-Rakhimov'), cyrillic('Джамшид Демо-Рахимов')],
        birthDate: '1991',
        nationalities: ['TJ'],
        sex: 'male',
        reason: FACILITATOR,
      },
      {
        key: 'hussein',
        names: [latin('Hussein Sample Warsame'), latin('Xuseen Sample Warsame')],
        birthDate: '1987',
        nationalities: ['SO'],
        sex: 'male',
        reason: FACILITATOR,
      },
      {
        key: 'ibrahima',
        names: [latin('Ibrahima Exemple-Sarr')],
        birthDate: '1984',
        nationalities: ['SN'],
        sex: 'male',
        reason: FACILITATOR,
      },
      {
        key: 'lamine',
        names: [latin('Lamine Fictif-Camara')],
        birthDate: '1993',
        nationalities: ['GN'],
        sex: 'male',
        reason: FACILITATOR,
      },
      {
        key: 'said',
        names: [latin('Said Demo-Mansour'), arabic('سعيد ديمو منصور')],
        birthDate: '1975',
        nationalities: ['DZ'],
        sex: 'male',
        reason: FACILITATOR,
      },
    ],
  },
  {
    key: 'document-fraud',
    by: 'analyst.sn@liaison.demo',
    organisation: 'sn',
    unit: 'Dakar airport border post',
    name: 'Wanted — document fraud',
    purpose: 'Stop persons sought for forged or falsified travel documents at the airport and land borders.',
    legalBasis: 'Demo: code of criminal procedure, wanted-person notices of the air and border police.',
    reviewPeriodDays: 365,
    graceDays: 30,
    handlingCode: 'TLP:GREEN',
    distribution: { allPartners: true },
    entries: [
      {
        key: 'tesfaye',
        names: [latin('Tesfaye Haile Misale-Gebremariam'), ethiopic('ተስፋዬ ኃይሌ ምሳሌ ገብረማርያም')],
        birthDate: '1989',
        nationalities: ['ER'],
        sex: 'male',
        identifiers: [passport('DEMO55102', 'ER')],
        reason: FRAUD,
      },
      {
        key: 'yohannes',
        names: [latin('Yohannes Example-Tekle'), ethiopic('ዮሐንስ ምሳሌ ተክለ')],
        birthDate: '1986',
        nationalities: ['ET'],
        sex: 'male',
        reason: FRAUD,
      },
      {
        key: 'selam',
        names: [latin('Selam Demo-Kidane'), ethiopic('ሰላም ዴሞ ኪዳነ')],
        birthDate: '1995',
        nationalities: ['ER'],
        sex: 'female',
        reason: FRAUD,
      },
      {
        key: 'abdoulaye',
        names: [latin('Abdoulaye Sample-Traoré')],
        birthDate: '1982-11-30',
        nationalities: ['ML'],
        sex: 'male',
        identifiers: [passport('DEMO31877', 'ML')],
        reason: FRAUD,
      },
      {
        key: 'aminata',
        names: [latin('Aminata Fictive-Coulibaly')],
        birthDate: '1994',
        nationalities: ['ML'],
        sex: 'female',
        reason: FRAUD,
      },
      {
        key: 'cheikh',
        names: [latin('Cheikh Exemple-Fall')],
        birthDate: '1980',
        nationalities: ['SN'],
        sex: 'male',
        reason: FRAUD,
      },
      { key: 'fatou', names: [latin('Fatou Demo-Sow')], birthDate: '1992', nationalities: ['SN'], sex: 'female', reason: FRAUD },
      {
        key: 'boubacar',
        names: [latin('Boubacar Fictif-Keïta')],
        birthDate: '1987',
        nationalities: ['ML'],
        sex: 'male',
        reason: FRAUD,
      },
      {
        key: 'nurlan',
        names: [latin('Nurlan Primer-Nazarov'), cyrillic('Нурлан Пример-Назаров')],
        birthDate: '1985',
        nationalities: ['KZ'],
        sex: 'male',
        reason: FRAUD,
      },
      {
        key: 'mustapha',
        names: [latin('Mustapha Exemple-Haddad'), arabic('مصطفى مثال حداد')],
        birthDate: '1978',
        nationalities: ['TN'],
        sex: 'male',
        reason: FRAUD,
      },
    ],
  },
  {
    key: 'atlantic',
    by: 'focal.es@liaison.demo',
    organisation: 'es',
    unit: 'Unit against illegal immigration networks',
    name: 'Atlantic route organisers',
    purpose: 'Follow the organisers of departures on the Atlantic route named in joint investigations.',
    legalBasis: 'Demo: joint investigation agreement between the police services concerned.',
    reviewPeriodDays: 90,
    graceDays: 14,
    handlingCode: 'TLP:RED',
    distribution: { units: ['ma:National anti-smuggling unit'] },
    entries: [
      {
        key: 'amadou',
        names: [latin('Amadou Ejemplo-Ba')],
        birthDate: '1983',
        nationalities: ['SN'],
        sex: 'male',
        reason: ORGANISER,
      },
      {
        key: 'modou',
        names: [latin('Modou Ficticio-Mbaye')],
        birthDate: '1990',
        nationalities: ['GM'],
        sex: 'male',
        reason: ORGANISER,
      },
      {
        key: 'seydou',
        names: [latin('Seydou Muestra-Touré')],
        birthDate: '1979',
        nationalities: ['ML'],
        sex: 'male',
        reason: ORGANISER,
      },
      {
        key: 'farrukh',
        names: [latin('Farrukh Primer-Saidov'), cyrillic('Фаррух Пример-Саидов')],
        birthDate: '1986',
        nationalities: ['TJ'],
        sex: 'male',
        reason: ORGANISER,
      },
      {
        key: 'filmon',
        names: [latin('Filmon Misale-Weldemichael'), ethiopic('ፊልሞን ምሳሌ ወልደሚካኤል')],
        birthDate: '1992',
        nationalities: ['ER'],
        sex: 'male',
        reason: ORGANISER,
      },
      {
        key: 'hassan',
        names: [latin('Hassan Ejemplo-Chraibi'), arabic('حسن مثال الشرايبي')],
        birthDate: '1981',
        nationalities: ['MA'],
        sex: 'male',
        reason: ORGANISER,
      },
    ],
  },
];

/** Entries whose review date passed this many days ago (within their list's grace: due, still screened). */
export const DEMO_DUE_ENTRIES: Record<string, number> = { rustam: 5, lamine: 12, cheikh: 20, modou: 3 };

/** An entry taken off its list, with the owner's note. */
export const DEMO_REMOVED_ENTRY = {
  key: 'said',
  note: 'Fictional demo: the partner service confirmed the person was wrongly listed; entry withdrawn.',
};

/**
 * Names the demo's focal points screened (a few each, the hits left for them to review), as they
 * would be typed at a desk: a short form, family name first, another transliteration or script.
 * `hits`: whether the name is meant to match an entry the screener may see (the last one matches none).
 */
export const DEMO_SCREENINGS: {
  by: string;
  purpose: string;
  name: string;
  birthYear?: number;
  nationality?: string;
  hits: boolean;
}[] = [
  {
    by: 'focal.es@liaison.demo',
    purpose: 'Demo: check of a boat crew at the port of Arguineguín',
    name: 'Mohd Exemple El Idrissi',
    birthYear: 1981,
    nationality: 'MA',
    hits: true,
  },
  {
    by: 'focal.es@liaison.demo',
    purpose: 'Demo: check of a boat crew at the port of Arguineguín',
    name: 'SAMPLE DIALLO Mamadou',
    hits: true,
  },
  {
    by: 'focal.es@liaison.demo',
    purpose: 'Demo: check of a boat crew at the port of Arguineguín',
    name: 'Рустам Пример Каримов',
    hits: true,
  },
  {
    by: 'focal.sn@liaison.demo',
    purpose: 'Demo: border check at the Rosso crossing',
    name: 'Usman Fictif Ndiaye',
    nationality: 'SN',
    hits: true,
  },
  { by: 'focal.sn@liaison.demo', purpose: 'Demo: border check at the Rosso crossing', name: 'Khadidja Exemple Tazi', hits: true },
  { by: 'focal.ma@liaison.demo', purpose: 'Demo: passenger check at Tanger Med', name: 'ተስፋዬ ኃይሌ ምሳሌ ገብረማርያም', hits: true },
  {
    by: 'focal.ma@liaison.demo',
    purpose: 'Demo: passenger check at Tanger Med',
    name: 'Hasan Ejemplo Shraibi',
    birthYear: 1981,
    hits: true,
  },
  {
    by: 'focal.ne@liaison.demo',
    purpose: 'Demo: control of a convoy leaving Agadez',
    name: 'Abdoulaye Sample Traore',
    hits: true,
  },
  {
    by: 'focal.ne@liaison.demo',
    purpose: 'Demo: control of a convoy leaving Agadez',
    name: 'Fatima Inventada Zahra',
    hits: false,
  },
];
