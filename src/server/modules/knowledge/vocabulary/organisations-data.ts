/**
 * The maintained list of organisations: canonical id, acronyms and names in English and French.
 * Acronyms match only as whole words written in capitals; names match in any case.
 */

export interface Organisation {
  id: string;
  label: { en: string; fr: string };
  acronyms: readonly string[];
  names: readonly string[];
}

export const ORGANISATIONS: readonly Organisation[] = [
  {
    id: 'IOM',
    label: { en: 'International Organization for Migration', fr: 'Organisation internationale pour les migrations' },
    acronyms: ['IOM', 'OIM'],
    names: [
      'International Organization for Migration',
      'International Organisation for Migration',
      'UN Migration Agency',
      'Organisation internationale pour les migrations',
      'Organisation internationale des migrations',
    ],
  },
  {
    id: 'UNHCR',
    label: { en: 'UN Refugee Agency (UNHCR)', fr: 'Haut-Commissariat des Nations unies pour les réfugiés (HCR)' },
    acronyms: ['UNHCR', 'HCR'],
    names: [
      'UN Refugee Agency',
      'United Nations Refugee Agency',
      'High Commissioner for Refugees',
      'United Nations High Commissioner for Refugees',
      'Office of the United Nations High Commissioner for Refugees',
      'UN High Commissioner for Refugees',
      'Haut-Commissariat des Nations unies pour les réfugiés',
      'Haut-Commissariat aux réfugiés',
      'Haut-Commissariat pour les réfugiés',
      'Agence des Nations unies pour les réfugiés',
    ],
  },
  {
    id: 'UNODC',
    label: { en: 'United Nations Office on Drugs and Crime', fr: 'Office des Nations unies contre la drogue et le crime' },
    acronyms: ['UNODC', 'ONUDC'],
    names: [
      'United Nations Office on Drugs and Crime',
      'United Nations Office against Drugs and Crime',
      'UN Office on Drugs and Crime',
      'Office des Nations unies contre la drogue et le crime',
    ],
  },
  {
    id: 'ECOWAS',
    label: {
      en: 'Economic Community of West African States',
      fr: "Communauté économique des États de l'Afrique de l'Ouest",
    },
    acronyms: ['ECOWAS', 'CEDEAO'],
    names: [
      'Economic Community of West African States',
      "Communauté économique des États de l'Afrique de l'Ouest",
      'ECOWAS Commission',
      'Commission de la CEDEAO',
    ],
  },
  {
    id: 'FRONTEX',
    label: {
      en: 'Frontex, European Border and Coast Guard Agency',
      fr: 'Frontex, Agence européenne de garde-frontières et de garde-côtes',
    },
    acronyms: [],
    names: ['Frontex', 'European Border and Coast Guard Agency', 'Agence européenne de garde-frontières et de garde-côtes'],
  },
  {
    id: 'EUROPOL',
    label: { en: 'Europol', fr: 'Europol' },
    acronyms: [],
    names: [
      'Europol',
      'European Police Office',
      'European Union Agency for Law Enforcement Cooperation',
      'Office européen de police',
      "Agence de l'Union européenne pour la coopération des services répressifs",
    ],
  },
  {
    id: 'INTERPOL',
    label: { en: 'INTERPOL', fr: 'INTERPOL' },
    acronyms: ['OIPC'],
    names: [
      'Interpol',
      'International Criminal Police Organization',
      'International Criminal Police Organisation',
      'Organisation internationale de police criminelle',
    ],
  },
  {
    id: 'ICMPD',
    label: {
      en: 'International Centre for Migration Policy Development',
      fr: 'Centre international pour le développement des politiques migratoires',
    },
    acronyms: ['ICMPD', 'CIDPM'],
    names: [
      'International Centre for Migration Policy Development',
      'International Center for Migration Policy Development',
      'Centre international pour le développement des politiques migratoires',
    ],
  },
  {
    id: 'AU',
    label: { en: 'African Union', fr: 'Union africaine' },
    acronyms: ['AU', 'UA', 'AUC'],
    names: ['African Union', 'African Union Commission', 'Union africaine', "Commission de l'Union africaine"],
  },
  {
    id: 'EU',
    label: { en: 'European Union', fr: 'Union européenne' },
    acronyms: ['EU', 'UE'],
    names: ['European Union', 'Union européenne'],
  },
  {
    id: 'EC',
    label: { en: 'European Commission', fr: 'Commission européenne' },
    acronyms: ['EC'],
    names: [
      'European Commission',
      'Commission européenne',
      'Commission of the European Union',
      'DG HOME',
      'DG Home',
      'DG INTPA',
      'DG DEVCO',
      'DG NEAR',
      'DG ECHO',
      'Directorate-General for Migration and Home Affairs',
      'Direction générale de la migration et des affaires intérieures',
    ],
  },
  {
    id: 'OHCHR',
    label: {
      en: 'Office of the United Nations High Commissioner for Human Rights',
      fr: "Haut-Commissariat des Nations unies aux droits de l'homme",
    },
    acronyms: ['OHCHR', 'HCDH'],
    names: [
      'Office of the High Commissioner for Human Rights',
      'Office of the United Nations High Commissioner for Human Rights',
      'UN Human Rights Office',
      'United Nations High Commissioner for Human Rights',
      'UN High Commissioner for Human Rights',
      'High Commissioner for Human Rights',
      "Haut-Commissariat des Nations unies aux droits de l'homme",
      "Haut-Commissariat aux droits de l'homme",
    ],
  },
  {
    id: 'UNICEF',
    label: { en: "UNICEF, United Nations Children's Fund", fr: "UNICEF, Fonds des Nations unies pour l'enfance" },
    acronyms: [],
    names: ['UNICEF', 'Unicef', "United Nations Children's Fund", "UN Children's Fund", "Fonds des Nations unies pour l'enfance"],
  },
  {
    id: 'ILO',
    label: { en: 'International Labour Organization', fr: 'Organisation internationale du travail' },
    acronyms: ['ILO', 'OIT', 'BIT'],
    names: [
      'International Labour Organization',
      'International Labour Organisation',
      'International Labor Organization',
      'International Labour Office',
      'Organisation internationale du travail',
      'Bureau international du travail',
    ],
  },
  {
    id: 'AFRIPOL',
    label: { en: 'AFRIPOL', fr: 'AFRIPOL' },
    acronyms: [],
    names: [
      'Afripol',
      'African Union Mechanism for Police Cooperation',
      "Mécanisme de l'Union africaine pour la coopération policière",
      'Mécanisme de coopération policière de l’Union africaine',
    ],
  },
  {
    id: 'G5_SAHEL',
    label: { en: 'G5 Sahel', fr: 'G5 Sahel' },
    acronyms: [],
    names: ['G5 Sahel', 'G5 du Sahel', 'Group of Five for the Sahel', 'Groupe des cinq pour le Sahel', 'G5S'],
  },
  {
    id: 'WACAP',
    label: {
      en: 'West African Network of Central Authorities and Prosecutors against Organized Crime',
      fr: "Réseau des autorités centrales et des procureurs de l'Afrique de l'Ouest contre le crime organisé",
    },
    acronyms: ['WACAP'],
    names: [
      'West African Network of Central Authorities and Prosecutors',
      "Réseau des autorités centrales et des procureurs de l'Afrique de l'Ouest",
    ],
  },
  {
    id: 'ECCAS',
    label: {
      en: 'Economic Community of Central African States',
      fr: "Communauté économique des États de l'Afrique centrale",
    },
    acronyms: ['ECCAS', 'CEEAC'],
    names: ['Economic Community of Central African States', "Communauté économique des États de l'Afrique centrale"],
  },
  {
    id: 'IGAD',
    label: { en: 'Intergovernmental Authority on Development', fr: 'Autorité intergouvernementale pour le développement' },
    acronyms: ['IGAD'],
    names: ['Intergovernmental Authority on Development', 'Autorité intergouvernementale pour le développement'],
  },
  {
    id: 'UN',
    label: { en: 'United Nations', fr: 'Nations unies' },
    acronyms: ['UN', 'ONU'],
    names: ['United Nations', 'Nations unies', 'Organisation des Nations unies', 'Organization of the United Nations'],
  },
  {
    id: 'ICRC',
    label: { en: 'International Committee of the Red Cross', fr: 'Comité international de la Croix-Rouge' },
    acronyms: ['ICRC', 'CICR'],
    names: ['International Committee of the Red Cross', 'Comité international de la Croix-Rouge'],
  },
  {
    id: 'IFRC',
    label: {
      en: 'International Federation of Red Cross and Red Crescent Societies',
      fr: 'Fédération internationale des Sociétés de la Croix-Rouge et du Croissant-Rouge',
    },
    acronyms: ['IFRC', 'FICR'],
    names: [
      'International Federation of Red Cross and Red Crescent Societies',
      'Fédération internationale des Sociétés de la Croix-Rouge et du Croissant-Rouge',
    ],
  },
  {
    id: 'UNDP',
    label: { en: 'United Nations Development Programme', fr: 'Programme des Nations unies pour le développement' },
    acronyms: ['UNDP', 'PNUD'],
    names: [
      'United Nations Development Programme',
      'UN Development Programme',
      'Programme des Nations unies pour le développement',
    ],
  },
  {
    id: 'OSCE',
    label: {
      en: 'Organization for Security and Co-operation in Europe',
      fr: 'Organisation pour la sécurité et la coopération en Europe',
    },
    acronyms: ['OSCE'],
    names: [
      'Organization for Security and Co-operation in Europe',
      'Organization for Security and Cooperation in Europe',
      'Organisation for Security and Co-operation in Europe',
      'Organisation pour la sécurité et la coopération en Europe',
    ],
  },
  {
    id: 'ICAO',
    label: { en: 'International Civil Aviation Organization', fr: "Organisation de l'aviation civile internationale" },
    acronyms: ['ICAO', 'OACI'],
    names: ['International Civil Aviation Organization', "Organisation de l'aviation civile internationale"],
  },
  {
    id: 'WCO',
    label: { en: 'World Customs Organization', fr: 'Organisation mondiale des douanes' },
    // Not "OMD": in French it is just as often the Millennium Development Goals.
    acronyms: ['WCO'],
    names: ['World Customs Organization', 'World Customs Organisation', 'Organisation mondiale des douanes'],
  },
  {
    id: 'EUCAP',
    label: {
      en: 'EUCAP Sahel (EU capacity-building missions)',
      fr: 'EUCAP Sahel (missions de renforcement des capacités de l’UE)',
    },
    acronyms: ['EUCAP'],
    names: ['EUCAP Sahel', 'EUCAP Sahel Mali', 'EUCAP Sahel Niger'],
  },
  {
    id: 'EEAS',
    label: { en: 'European External Action Service', fr: "Service européen pour l'action extérieure" },
    acronyms: ['EEAS', 'SEAE'],
    names: ['European External Action Service', "Service européen pour l'action extérieure"],
  },
];

/**
 * Names that contain an organisation's name but are something else: treaties and goals bearing the
 * United Nations' name are not a mention of the organisation; nor is a Spanish ministry.
 */
export const NOT_ORGANISATIONS: readonly string[] = [
  'United Nations Convention',
  'UN Convention',
  'United Nations Protocol',
  'UN Protocol',
  'United Nations Protocols',
  'UN Protocols',
  'United Nations Declaration',
  'UN Declaration',
  'United Nations Charter',
  'UN Charter',
  'Charter of the United Nations',
  'United Nations Sustainable Development Goals',
  'UN Sustainable Development Goals',
  'United Nations Global Compact',
  'UN Global Compact',
  'Convention des Nations unies',
  'Conventions des Nations unies',
  'Protocole des Nations unies',
  'Protocoles des Nations unies',
  'Charte des Nations unies',
  'Déclaration des Nations unies',
];

/**
 * Spain's "Ministry of Foreign Affairs, European Union and Cooperation" (and its French rendering)
 * names a ministry, not the Union; recognised by the capital of "Cooperation"/"Coopération".
 */
export const MINISTRY_NAMES: readonly string[] = ['European Union and Cooperation', "l'Union européenne et de la Coopération"];

/** Acronyms that are also ordinary words in capitalised headings ("RETOUR AU PAYS", "UN PLAN", "A BIT"). */
export const HEADING_PRONE_ACRONYMS: ReadonlySet<string> = new Set(['AU', 'UA', 'UN', 'BIT']);
