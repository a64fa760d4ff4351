/**
 * Invented people for the screening benchmark: names of the region (West and North Africa, the Horn,
 * the Middle East, Central Asia) as lists hold them — a Latin-script name, often with aliases in
 * Arabic, Cyrillic or Ge'ez script — and the variants a screener types (another transliteration,
 * family name first, a middle name missing, a typo). Deterministic: person `n` is always the same,
 * so the benchmark can screen variants of what it loaded without reading it back.
 *
 * Common given names and family names come from short lists of real, widespread names (no person is
 * meant); a long tail of invented family names built from syllables makes the family-name
 * distribution as skewed as a real population's, so the screening index's blocks have realistic sizes.
 */
import type { EntrySex, NameScript } from '../../src/shared/watchlists/vocabulary.js';

/** A name with its forms in other scripts (index-aligned: the same name written otherwise). */
interface Part {
  latin: string;
  /** Other Latin transliterations a screener may type. */
  variants?: string[];
  arabic?: string;
  cyrillic?: string;
  ethiopic?: string;
}

interface Region {
  countries: string[];
  male: Part[];
  female: Part[];
  family: Part[];
  /** Syllables for the invented long tail of family names. */
  syllables: string[];
  /** Names are given-father-family (Horn of Africa: a chain of given names). */
  chain?: boolean;
}

const p = (latin: string, variants: string[] = [], scripts: Omit<Part, 'latin' | 'variants'> = {}): Part => ({
  latin,
  variants,
  ...scripts,
});

const WEST: Region = {
  countries: ['SN', 'ML', 'GN', 'NE', 'GM', 'MR', 'CI', 'BF', 'NG'],
  male: [
    p('Mamadou', ['Mamadu', 'Mahamadou']),
    p('Ousmane', ['Usman', 'Osman', 'Ousman']),
    p('Abdoulaye', ['Abdullahi', 'Abdulai', 'Abdoulay']),
    p('Moussa', ['Musa', 'Mousa']),
    p('Ibrahima', ['Ibrahim', 'Brahima']),
    p('Cheikh', ['Sheikh', 'Shaykh']),
    p('Aliou', ['Aliyu', 'Alioune']),
    p('Amadou', ['Ahmadou', 'Hamadou']),
    p('Boubacar', ['Bubakar', 'Aboubacar']),
    p('Souleymane', ['Sulaiman', 'Suleiman']),
    p('Modou', ['Modu']),
    p('Lamine', ['Lamin', 'Al Amin']),
    p('Seydou', ['Saidu', 'Seidou']),
    p('Yacouba', ['Yakubu', 'Yacuba']),
    p('Oumar', ['Umar', 'Omar']),
  ],
  female: [
    p('Fatou', ['Fatu', 'Fatoumata']),
    p('Aminata', ['Aminatou', 'Aminat']),
    p('Mariama', ['Mariam', 'Maryam']),
    p('Awa', ['Hawa', 'Aoua']),
    p('Khady', ['Khadija', 'Kadiatou']),
    p('Aissatou', ['Aisha', 'Aissata']),
    p('Ndeye', ['Ndèye']),
    p('Binta', ['Bintou']),
    p('Rokhaya', ['Rokia', 'Rokiatou']),
    p('Kadidia', ['Kadija']),
  ],
  family: [
    p('Diallo', ['Jallow', 'Djallo']),
    p('Ndiaye', ["N'Diaye", 'Njie']),
    p('Diop', ['Diope']),
    p('Traoré', ['Traore', 'Trawally']),
    p('Coulibaly', ['Kulibali', 'Koulibaly']),
    p('Sow', ['Sowe']),
    p('Ba', ['Bah']),
    p('Fall', ['Faal']),
    p('Camara', ['Kamara']),
    p('Keïta', ['Keita', 'Kaita']),
    p('Sarr', ['Sar']),
    p('Sall', ['Sal']),
    p('Touré', ['Toure', 'Turay']),
    p('Cissé', ['Cisse', 'Sisay']),
    p('Konaté', ['Konate']),
    p('Mbaye', ["M'Baye"]),
  ],
  syllables: ['ba', 'di', 'ko', 'ma', 'ne', 'sa', 'ta', 'ou', 'ga', 'lo', 'ye', 'fa', 'ke', 'ra', 'dou', 'mba', 'nda', 'tie'],
};

const NORTH: Region = {
  countries: ['MA', 'DZ', 'TN', 'LY', 'EG', 'SD'],
  male: [
    p('Mohamed', ['Muhammad', 'Mohammed', 'Mouhamed', 'Mohd', 'Md.'], { arabic: 'محمد' }),
    p('Ahmed', ['Ahmad', 'Ahmet'], { arabic: 'أحمد' }),
    p('Youssef', ['Yusuf', 'Youcef', 'Yousef'], { arabic: 'يوسف' }),
    p('Abdelkader', ['Abd al-Qadir', 'Abdulkadir'], { arabic: 'عبد القادر' }),
    p('Abderrahmane', ['Abdel Rahman', 'Abdelrahman', 'Abd al-Rahman'], { arabic: 'عبد الرحمن' }),
    p('Hassan', ['Hasan'], { arabic: 'حسن' }),
    p('Hussein', ['Hussain', 'Houcine', 'Xuseen'], { arabic: 'حسين' }),
    p('Khalid', ['Khaled'], { arabic: 'خالد' }),
    p('Said', ['Saeed', 'Saïd'], { arabic: 'سعيد' }),
    p('Mustapha', ['Mustafa', 'Moustafa'], { arabic: 'مصطفى' }),
    p('Karim', ['Kareem'], { arabic: 'كريم' }),
    p('Rachid', ['Rashid', 'Rasheed'], { arabic: 'رشيد' }),
  ],
  female: [
    p('Fatima', ['Fatma', 'Fatimah'], { arabic: 'فاطمة' }),
    p('Khadija', ['Khadidja', 'Kadija'], { arabic: 'خديجة' }),
    p('Zineb', ['Zaynab', 'Zeinab'], { arabic: 'زينب' }),
    p('Saida', ['Saeeda'], { arabic: 'سعيدة' }),
    p('Nadia', ['Nadiya'], { arabic: 'نادية' }),
    p('Samira', ['Sameera'], { arabic: 'سميرة' }),
    p('Leila', ['Layla', 'Laila'], { arabic: 'ليلى' }),
  ],
  family: [
    p('El Amrani', ['Amrani', 'al-Amrani'], { arabic: 'العمراني' }),
    p('Benali', ['Ben Ali', 'Bin Ali', 'Ibn Ali'], { arabic: 'بن علي' }),
    p('El Idrissi', ['Idrissi', 'Drissi'], { arabic: 'الإدريسي' }),
    p('Bouzid', ['Bou Zid'], { arabic: 'بوزيد' }),
    p('Haddad', ['Hadad'], { arabic: 'حداد' }),
    p('Mansour', ['Mansur'], { arabic: 'منصور' }),
    p('Ould Ahmed', ['Ould Ahmad'], { arabic: 'ولد أحمد' }),
    p('Ben Youssef', ['Benyoussef', 'Bin Yusuf'], { arabic: 'بن يوسف' }),
    p('Chraibi', ['Cheraibi'], { arabic: 'الشرايبي' }),
    p('El Fassi', ['Fassi', 'al-Fasi'], { arabic: 'الفاسي' }),
    p('Tazi', ['Tazy'], { arabic: 'التازي' }),
    p('Saleh', ['Salih', 'Salah'], { arabic: 'صالح' }),
  ],
  syllables: ['ka', 'ri', 'mi', 'za', 'ha', 'bou', 'ben', 'del', 'sa', 'lah', 'nou', 'ra', 'fi', 'ja', 'ta', 'ou', 'al', 'ma'],
};

const HORN: Region = {
  countries: ['ER', 'ET', 'SO', 'SD', 'DJ'],
  chain: true,
  male: [
    p('Tesfaye', ['Tesfay', 'Tesfai'], { ethiopic: 'ተስፋዬ' }),
    p('Yohannes', ['Yohanes', 'Johannes'], { ethiopic: 'ዮሐንስ' }),
    p('Haile', ['Hayle'], { ethiopic: 'ኃይሌ' }),
    p('Mehari', ['Mehary'], { ethiopic: 'መሓሪ' }),
    p('Berhane', ['Berhane', 'Birhane'], { ethiopic: 'ብርሃነ' }),
    p('Abdirahman', ['Abdurahman', 'Cabdiraxmaan'], { arabic: 'عبد الرحمن' }),
    p('Mohamud', ['Maxamuud', 'Mahmoud'], { arabic: 'محمود' }),
    p('Xuseen', ['Hussein', 'Husein'], { arabic: 'حسين' }),
    p('Goitom', ['Goytom'], { ethiopic: 'ጎይትኦም' }),
    p('Filmon', ['Philemon'], { ethiopic: 'ፊልሞን' }),
  ],
  female: [
    p('Selam', ['Salam'], { ethiopic: 'ሰላም' }),
    p('Hiwet', ['Hiwot'], { ethiopic: 'ሕይወት' }),
    p('Saba', ['Sabaa'], { ethiopic: 'ሳባ' }),
    p('Hodan', ['Hoodan']),
    p('Faduma', ['Fadumo', 'Fatuma']),
    p('Luwam', ['Luam'], { ethiopic: 'ሉዋም' }),
  ],
  family: [
    p('Gebremariam', ['Gebre Mariam', 'Ghebremariam'], { ethiopic: 'ገብረማርያም' }),
    p('Tekle', ['Teklay'], { ethiopic: 'ተክለ' }),
    p('Kidane', ['Kidan'], { ethiopic: 'ኪዳነ' }),
    p('Weldemichael', ['Wolde Michael', 'Woldemichael'], { ethiopic: 'ወልደሚካኤል' }),
    p('Warsame', ['Warsama']),
    p('Farah', ['Faarax']),
    p('Abdi', ['Cabdi']),
    p('Gebreyesus', ['Gebre Yesus'], { ethiopic: 'ገብረየሱስ' }),
  ],
  syllables: ['ge', 'bre', 'te', 'kle', 'ha', 'go', 'mi', 'yo', 'se', 'wa', 'da', 'ne', 'aw', 'ka', 'ri', 'fi', 'lo', 'ma'],
};

const CENTRAL: Region = {
  countries: ['UZ', 'TJ', 'KG', 'KZ', 'AF'],
  male: [
    p('Rustam', ['Rustem'], { cyrillic: 'Рустам' }),
    p('Farrukh', ['Farukh'], { cyrillic: 'Фаррух' }),
    p('Alisher', ['Alisher'], { cyrillic: 'Алишер' }),
    p('Jamshid', ['Djamshid', 'Dzhamshid'], { cyrillic: 'Джамшид' }),
    p('Timur', ['Temur'], { cyrillic: 'Тимур' }),
    p('Nurlan', ['Nourlan'], { cyrillic: 'Нурлан' }),
    p('Bakhtiyor', ['Bakhtiyar', 'Baxtiyor'], { cyrillic: 'Бахтиёр' }),
    p('Sherzod', ['Sherzot'], { cyrillic: 'Шерзод' }),
  ],
  female: [
    p('Dilnoza', ['Dilnaza'], { cyrillic: 'Дилноза' }),
    p('Gulnara', ['Gulnora'], { cyrillic: 'Гульнара' }),
    p('Malika', ['Malica'], { cyrillic: 'Малика' }),
    p('Zarina', ['Zareena'], { cyrillic: 'Зарина' }),
    p('Aigerim', ['Aygerim'], { cyrillic: 'Айгерим' }),
  ],
  family: [
    p('Karimov', ['Karimow', 'Qarimov'], { cyrillic: 'Каримов' }),
    p('Rakhimov', ['Rahimov', 'Raximov'], { cyrillic: 'Рахимов' }),
    p('Yusupov', ['Yusupow', 'Iusupov'], { cyrillic: 'Юсупов' }),
    p('Nazarov', ['Nazarow'], { cyrillic: 'Назаров' }),
    p('Tashkentov', ['Toshkentov'], { cyrillic: 'Ташкентов' }),
    p('Abdullaev', ['Abdullayev', 'Abdulloev'], { cyrillic: 'Абдуллаев' }),
    p('Saidov', ['Saydov'], { cyrillic: 'Саидов' }),
    p('Ergashev', ['Ergashov'], { cyrillic: 'Эргашев' }),
  ],
  syllables: [
    'ka',
    'ri',
    'mov',
    'tash',
    'nur',
    'bek',
    'sa',
    'ul',
    'ra',
    'him',
    'zar',
    'gul',
    'to',
    'er',
    'ga',
    'dil',
    'jon',
    'ov',
  ],
};

const REGIONS = [WEST, WEST, NORTH, NORTH, HORN, CENTRAL];

/** Small deterministic generator (mulberry32) seeded by the person's number. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** An invented family name: 2 or 3 syllables of the region, 1 in 40,000 or so per combination. */
function inventedFamily(random: () => number, region: Region): Part {
  const count = 2 + Math.floor(random() * 2);
  let name = '';
  for (let i = 0; i < count; i++) name += pick(random, region.syllables);
  return { latin: capitalise(name) };
}

export interface BenchName {
  name: string;
  script: NameScript;
}

export interface BenchPerson {
  names: BenchName[];
  birthYear: number;
  nationality: string;
  sex: EntrySex;
  /** The Latin name's parts, for variants: given, middle (father's name or second given name), family. */
  parts: { given: Part; middle: Part | null; family: Part };
}

/**
 * Person `n`: about half carry a common family name (the rest an invented one, a long tail), a
 * middle name one time in two, and an alias in the region's other script when the names have one.
 */
export function benchPerson(n: number): BenchPerson {
  const random = rng(n * 2_654_435_761);
  const region = pick(random, REGIONS);
  const sex: EntrySex = random() < 0.8 ? 'male' : 'female';
  const given = pick(random, sex === 'male' ? region.male : region.female);
  const middle = region.chain || random() < 0.5 ? pick(random, region.male) : null;
  const family = random() < 0.5 ? pick(random, region.family) : inventedFamily(random, region);
  const latin = [given.latin, middle?.latin, family.latin].filter(Boolean).join(' ');
  const names: BenchName[] = [{ name: latin, script: 'latin' }];
  for (const script of ['arabic', 'cyrillic', 'ethiopic'] as const) {
    const forms = [given[script], middle ? middle[script] : '', family[script]];
    if (forms.every((form) => form !== undefined) && random() < 0.7)
      names.push({ name: forms.filter(Boolean).join(' '), script });
  }
  // An alias in another transliteration, one entry in four.
  if (given.variants?.length && random() < 0.25)
    names.push({ name: [pick(random, given.variants), family.latin].join(' '), script: 'latin' });
  return {
    names,
    birthYear: 1955 + Math.floor(random() * 50),
    nationality: pick(random, region.countries),
    sex,
    parts: { given, middle, family },
  };
}

export interface BenchQuery {
  name: string;
  birthYear?: number;
  nationality?: string;
  /** The listed person this query is a variant of (null: an unrelated name). */
  of: number | null;
  variant: string;
}

const VARIANTS = ['as-listed', 'transliteration', 'family-first', 'no-middle', 'typo', 'other-script'] as const;

function typo(random: () => number, name: string): string {
  const at = 1 + Math.floor(random() * (name.length - 2));
  const letters = 'aeioubdkmnrst';
  return name.slice(0, at) + pick(random, [...letters]) + name.slice(at + 1);
}

/** A screener's rendering of listed person `n`: another spelling, order or script of the same name. */
export function variantOf(n: number, k: number): BenchQuery {
  const person = benchPerson(n);
  const random = rng(n * 31 + k * 7919);
  const variant = VARIANTS[k % VARIANTS.length] as (typeof VARIANTS)[number];
  const { given, middle, family } = person.parts;
  const latin = person.names[0]?.name as string;
  let name = latin;
  if (variant === 'transliteration')
    name = [
      given.variants?.length ? pick(random, given.variants) : given.latin,
      middle?.latin,
      family.variants?.[0] ?? family.latin,
    ]
      .filter(Boolean)
      .join(' ');
  else if (variant === 'family-first') name = `${family.latin.toUpperCase()} ${given.latin}${middle ? ` ${middle.latin}` : ''}`;
  else if (variant === 'no-middle') name = `${given.latin} ${family.latin}`;
  else if (variant === 'typo') name = typo(random, latin);
  else if (variant === 'other-script') name = person.names.find((alias) => alias.script !== 'latin')?.name ?? latin;
  return {
    name,
    birthYear: random() < 0.5 ? person.birthYear : undefined,
    nationality: random() < 0.3 ? person.nationality : undefined,
    of: n,
    variant,
  };
}

/** A name that belongs to nobody listed: common given names with a family name of invented syllables. */
export function unrelatedName(k: number): BenchQuery {
  const random = rng(987_654_321 + k * 104_729);
  const region = pick(random, REGIONS);
  const given = pick(random, random() < 0.8 ? region.male : region.female);
  let family = '';
  for (let i = 0; i < 4; i++) family += pick(random, ['zu', 'qe', 'vo', 'pi', 'xa', 'ly', 'ru', 'wen']);
  return { name: `${given.latin} ${capitalise(family)}`, of: null, variant: 'unrelated' };
}
