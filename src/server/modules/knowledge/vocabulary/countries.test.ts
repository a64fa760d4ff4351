import { describe, expect, it } from 'vitest';
import { frenchForms, tagCountries } from './countries.js';

const cases: [string, string, string[]][] = [
  // Real sentences from the corpus.
  [
    'corpus: Madrid, list of partners',
    'Spain cooperates with Gambia, Ghana, Mali, Mauritania, Guinea and Senegal through the provision of operational material',
    ['ES', 'GH', 'GM', 'GN', 'ML', 'MR', 'SN'],
  ],
  ['corpus: Madrid, Moroccan customs', 'Moroccan customs is a highly computerized administration.', ['MA']],
  ['corpus: Madrid, Senegalese officer', 'Senegalese liaison officer in the Canary Islands', ['SN']],
  ['corpus: Madrid, Spain-Senegal', 'Promote legal migration (Spain-Senegal agreement on circular migration)', ['ES', 'SN']],
  ['corpus: Madrid, The Gambia', 'The Gambia has identified several gaps and challenges', ['GM']],
  ['corpus: Madrid, European El Dorado', 'Deconstruct the myth of the European El Dorado by engaging communities', []],
  ['corpus: Madrid, African countries', 'it is necessary for African countries to have technical and financial support', []],
  ['corpus: Marrakesh, Nigerien', 'France collaborates with Niger on issues related to the Nigerien asylum system', ['FR', 'NE']],
  ['corpus: Marrakesh, Nigeria', 'In this regard, Nigeria developed a National Border Strategy in 2019', ['NG']],
  ['corpus: Marrakesh, Malian', 'In Mali, the EUCAP Sahel Mali supports the Malian government', ['ML']],
  ['corpus: Marrakesh, Kingdom of Morocco', 'In the **Kingdom of Morocco**, a training framework has been created', ['MA']],
  [
    'corpus: Oporto, a person named Palau',
    "Mrs Carolina Lluich Palau, Prosecutor for Human Trafficking Affairs, from the Spanish Prosecutor's Office, took the floor.",
    ['ES'],
  ],
  [
    'corpus: Côte d’Ivoire workshop, participants',
    "Benin, Burkina Faso, Cameroon, Chad, Cape Verde, Congo, Côte d'Ivoire, France, Equatorial Guinea, Gabon, Gambia, Guinea Conakry, Niger, Nigeria, Switzerland and the United Kingdom, as well as the EU",
    ['BF', 'BJ', 'CG', 'CH', 'CI', 'CM', 'CV', 'FR', 'GA', 'GB', 'GM', 'GN', 'GQ', 'NE', 'NG', 'TD'],
  ],
  [
    'corpus: Sofia, participants',
    'Armenia, Bangladesh, Bosnia and Herzegovina, Czech Republic, Kyrgyzstan, Netherlands, North Macedonia, Pakistan, United Kingdom',
    ['AM', 'BA', 'BD', 'CZ', 'GB', 'KG', 'MK', 'NL', 'PK'],
  ],
  [
    'corpus: Sofia, South and West Asia',
    'While regional cooperation is ongoing (e.g. within Europe and within South and West Asia)',
    [],
  ],
  ['corpus: Sofia, EUAM-Iraq', 'FRONTEX and EUAM-Iraq enlightened their peers', ['IQ']],
  // Niger is not Nigeria.
  ['Niger alone', 'Border control issues in Niger are central.', ['NE']],
  ['Nigeria alone', 'Nigeria and its neighbours.', ['NG']],
  ['Nigerian vs Nigerien', 'Nigerian and Nigerien officers met.', ['NE', 'NG']],
  ['nigérien(ne)s', 'Les autorités nigériennes et la police nigériane', ['NE', 'NG']],
  ['Niger Delta is Nigeria', 'Communities of the Niger Delta', ['NG']],
  ['River Niger is no country', 'along the River Niger and the fleuve Niger', []],
  // Guinea is not Guinea-Bissau, Equatorial Guinea or Papua New Guinea.
  ['Guinea-Bissau only', 'Guinea-Bissau adopted a procedure.', ['GW']],
  ['Guinea Bissau without hyphen', 'Guinea Bissau adopted a procedure.', ['GW']],
  ['Equatorial Guinea only', 'Equatorial Guinea chaired the meeting.', ['GQ']],
  ['Papua New Guinea only', 'Papua New Guinea is far away.', ['PG']],
  ['Guinea and Guinea-Bissau', 'entre la Guinée et la Guinée-Bissau, ainsi que la Guinée équatoriale', ['GN', 'GQ', 'GW']],
  ['Guinean demonyms', 'Guinean, Bissau-Guinean and Equatorial Guinean delegates; les équato-guinéens', ['GN', 'GQ', 'GW']],
  ['Guinea Conakry', 'Guinea Conakry and Guinée-Conakry', ['GN']],
  ['Gulf of Guinea', 'piracy in the Gulf of Guinea and the golfe de Guinée', []],
  // Congo.
  ['Congo alone is the Republic of the Congo', 'Congo and Gabon', ['CG', 'GA']],
  ['Democratic Republic of the Congo', 'the Democratic Republic of the Congo', ['CD']],
  ['DRC and RDC', 'the DRC (RDC in French)', ['CD']],
  ['République démocratique du Congo', 'la République démocratique du Congo', ['CD']],
  ['Republic of the Congo', 'the Republic of the Congo and Congo-Brazzaville', ['CG']],
  ['both Congos', 'the Democratic Republic of the Congo and the Republic of the Congo', ['CD', 'CG']],
  ['Congolese', 'Congolese authorities and les autorités congolaises', ['CG']],
  // People, not countries.
  ['Mrs Palau', 'Mrs Palau opened the meeting.', []],
  ['Mr Jordan', 'Mr Jordan presented the results.', []],
  ['Ms Chad', 'Ms Chad recalled the commitments.', []],
  ['Mr. Jordan with a dot', 'Mr. Jordan presented.', []],
  ['M. Niger in French', 'M. Niger a présenté le projet.', []],
  ['Mme Palau with Spain and Senegal', "Mme Palau a rappelé que la coopération entre l'Espagne et le Sénégal", ['ES', 'SN']],
  ['Mme Maria Palau', 'Mme Maria Palau a ouvert la séance.', []],
  ['Chad Smith (given name)', 'The report by Chad Smith was presented.', []],
  ['Chad Government (country)', 'The Chad Government and Chad itself', ['TD']],
  ['title followed by a comma', 'Mrs Smith, Morocco, and Mr Diallo, Senegal', ['MA', 'SN']],
  // Chad, Turkey, Jordan are countries; lower-case common words are not.
  ['Chad as a country', 'Chad hosts many refugees.', ['TD']],
  ['Turkey and Türkiye', 'Turkey (Türkiye) and la Turquie', ['TR']],
  ['turkish', 'Turkish coast guard', ['TR']],
  ['lower-case common words', 'a turkey, a chad, china plates, a guinea pig, a jersey', []],
  ['Jordan and Lebanon', 'Jordan and Lebanon host refugees.', ['JO', 'LB']],
  // Words inside other words.
  ['Mali in Somalia', 'Somalia', ['SO']],
  ['Oman in woman and Romania', 'a woman from Romania', ['RO']],
  ['Iran in Tirana', 'the meeting in Tirana', []],
  ['Peru in Perugia', 'the university of Perugia', []],
  ['Niger in Nigeria', 'Nigeria', ['NG']],
  // Regions and the EU are not countries.
  ['regional words', 'European and African partners in the Sahel, West Africa, North Africa and Central Africa', []],
  ['French regional words', "les pays d'Afrique de l'Ouest, l'Union européenne et le Sahel", []],
  ['EU is not a country', 'the EU and its Member States', []],
  ['Central African States', 'the Economic Community of Central African States', []],
  ['Central African Republic', 'the Central African Republic and la Centrafrique', ['CF']],
  ['South Africa vs Africa', 'South Africa and Africa', ['ZA']],
  // Alternative and former names.
  ["Côte d'Ivoire spellings", 'Côte d’Ivoire, Cote d’Ivoire, Ivory Coast, Ivorian and ivoiriens', ['CI']],
  ['Cape Verde and Cabo Verde', 'Cape Verde, Cabo Verde, le Cap-Vert and Cape Verdean', ['CV']],
  ['Czech Republic and Czechia', 'the Czech Republic (Czechia) and la Tchéquie', ['CZ']],
  ['Swaziland and Eswatini', 'Swaziland, now Eswatini', ['SZ']],
  ['UK and United Kingdom', 'the UK and the United Kingdom, also Great Britain', ['GB']],
  ['US vs us', 'the US told us', ['US']],
  ['US inside a capitalised heading', 'LET US KNOW', []],
  ['the Netherlands and Holland', 'the Netherlands (Holland) and les Pays-Bas', ['NL']],
  // French names, with and without articles.
  [
    'European Union members in French',
    "l'Espagne, l'Allemagne, les Pays-Bas, le Royaume-Uni, la Belgique, la Suède et l'Italie",
    ['BE', 'DE', 'ES', 'GB', 'IT', 'NL', 'SE'],
  ],
  ['French articles', 'en provenance de la Mauritanie, du Sénégal et au Maroc', ['MA', 'MR', 'SN']],
  ['aux États-Unis', 'aux États-Unis et aux Émirats arabes unis', ['AE', 'US']],
  ['French adjectives', 'la police marocaine, les côtes sénégalaises, gambiennes et mauritaniennes', ['GM', 'MA', 'MR', 'SN']],
  ['French nouns of people', 'les Marocains et les Sénégalais de l’extérieur', ['MA', 'SN']],
  ['accents omitted', 'Senegal, Senegalais, Algerie, Cote d Ivoire', ['CI', 'DZ', 'SN']],
  ['réunion is a meeting (and Dakar a city)', 'La réunion thématique a eu lieu à Dakar. LA RÉUNION DE DAKAR', []],
  ['La Réunion is the island', "Les arrivées à La Réunion et sur l'île de la Réunion", ['RE']],
  ['Maurice the person, Maurice the island', "M. Maurice Dupont s'est rendu à l'île Maurice", ['MU']],
  // Languages are not countries.
  ['in French', 'The report is available in French and English.', []],
  ['en français', 'Le rapport est disponible en français.', []],
  ['French-speaking', 'French-speaking countries', []],
  ['French authorities', 'The French authorities and the Spanish policy', ['ES', 'FR']],
  ['in Spanish waters', 'migrants rescued in Spanish waters', ['ES']],
  ['all capitals', 'MOROCCO AND SPAIN', ['ES', 'MA']],
  ['empty text', '', []],
];

describe('tagCountries', () => {
  it.each(cases)('%s', (_name, text, expected) => {
    expect(tagCountries(text)).toEqual(expected);
  });

  it('returns sorted unique codes', () => {
    expect(tagCountries('Senegal, Morocco, Senegal, Sénégal, marocain')).toEqual(['MA', 'SN']);
  });

  it('tags a 500-character item in well under a millisecond', () => {
    const text = cases
      .map(([, t]) => t)
      .join(' ')
      .slice(0, 500);
    tagCountries(`${text} warm-up`);
    const rounds = 2000;
    const start = performance.now();
    for (let i = 0; i < rounds; i++) tagCountries(`${text} ${i}`);
    expect((performance.now() - start) / rounds).toBeLessThan(1);
  });
});

describe('frenchForms', () => {
  it.each([
    ['marocain', ['marocain', 'marocaine', 'marocains', 'marocaines']],
    ['sénégalais', ['sénégalais', 'sénégalaise', 'sénégalaises']],
    ['nigérien', ['nigérien', 'nigérienne', 'nigériens', 'nigériennes']],
    ['letton', ['letton', 'lettonne', 'lettons', 'lettonnes']],
    ['belge', ['belge', 'belges']],
    ['turc', ['turc', 'turcs', 'turque', 'turques']],
  ])('%s', (masculine, forms) => {
    expect(frenchForms(masculine)).toEqual(forms);
  });
});
