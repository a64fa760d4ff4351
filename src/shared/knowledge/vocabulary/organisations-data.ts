/**
 * The maintained list of organisations: canonical id, labels and names in English, French and Arabic,
 * and acronyms. Acronyms match only as whole words written in capitals; names match in any case, and
 * Arabic names also with a joined conjunction or preposition (see `arabicForms`).
 *
 * Arabic labels are the names the bodies use in Arabic (UN system, AU, Arab League usage); for bodies
 * without an established Arabic name, a translation with the Latin acronym in parentheses.
 * Pure data, kept free of the tagging code so the web app can load the labels; the African and
 * European bodies are in organisations-regional-data.ts.
 */

import { type Organisation, REGIONAL_ORGANISATIONS } from './organisations-regional-data.js';

export type { Organisation };

/** The UN system and other international bodies; then the African and European ones. */
const INTERNATIONAL_ORGANISATIONS: readonly Organisation[] = [
  {
    id: 'IOM',
    label: {
      en: 'International Organization for Migration',
      fr: 'Organisation internationale pour les migrations',
      ar: 'المنظمة الدولية للهجرة',
    },
    acronyms: ['IOM', 'OIM'],
    names: [
      'International Organization for Migration',
      'International Organisation for Migration',
      'UN Migration Agency',
      'Organisation internationale pour les migrations',
      'Organisation internationale des migrations',
      'المنظمة الدولية للهجرة',
      'منظمة الهجرة الدولية',
      'وكالة الأمم المتحدة للهجرة',
    ],
  },
  {
    id: 'UNHCR',
    label: {
      en: 'UN Refugee Agency (UNHCR)',
      fr: 'Haut-Commissariat des Nations unies pour les réfugiés (HCR)',
      ar: 'المفوضية السامية للأمم المتحدة لشؤون اللاجئين',
    },
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
      'المفوضية السامية للأمم المتحدة لشؤون اللاجئين',
      'مفوضية الأمم المتحدة السامية لشؤون اللاجئين',
      'مفوضية الأمم المتحدة لشؤون اللاجئين',
      'المفوضية السامية لشؤون اللاجئين',
      'مفوضية اللاجئين',
      'المفوض السامي للأمم المتحدة لشؤون اللاجئين',
      'المفوض السامي لشؤون اللاجئين',
      'وكالة الأمم المتحدة للاجئين',
    ],
  },
  {
    id: 'UNODC',
    label: {
      en: 'United Nations Office on Drugs and Crime',
      fr: 'Office des Nations unies contre la drogue et le crime',
      ar: 'مكتب الأمم المتحدة المعني بالمخدرات والجريمة',
    },
    acronyms: ['UNODC', 'ONUDC'],
    names: [
      'United Nations Office on Drugs and Crime',
      'United Nations Office against Drugs and Crime',
      'UN Office on Drugs and Crime',
      'Office des Nations unies contre la drogue et le crime',
      'مكتب الأمم المتحدة المعني بالمخدرات والجريمة',
      'مكتب الأمم المتحدة لمكافحة المخدرات والجريمة',
    ],
  },
  {
    id: 'INTERPOL',
    label: { en: 'INTERPOL', fr: 'INTERPOL', ar: 'الإنتربول' },
    acronyms: ['OIPC'],
    names: [
      'Interpol',
      'International Criminal Police Organization',
      'International Criminal Police Organisation',
      'Organisation internationale de police criminelle',
      'الإنتربول',
      'إنتربول',
      'المنظمة الدولية للشرطة الجنائية',
    ],
  },
  {
    id: 'ICMPD',
    label: {
      en: 'International Centre for Migration Policy Development',
      fr: 'Centre international pour le développement des politiques migratoires',
      ar: 'المركز الدولي لتطوير سياسات الهجرة (ICMPD)',
    },
    acronyms: ['ICMPD', 'CIDPM'],
    names: [
      'International Centre for Migration Policy Development',
      'International Center for Migration Policy Development',
      'Centre international pour le développement des politiques migratoires',
      'المركز الدولي لتطوير سياسات الهجرة',
    ],
  },
  {
    id: 'OHCHR',
    label: {
      en: 'Office of the United Nations High Commissioner for Human Rights',
      fr: "Haut-Commissariat des Nations unies aux droits de l'homme",
      ar: 'مفوضية الأمم المتحدة السامية لحقوق الإنسان',
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
      'مفوضية الأمم المتحدة السامية لحقوق الإنسان',
      'المفوضية السامية للأمم المتحدة لحقوق الإنسان',
      'المفوضية السامية لحقوق الإنسان',
      'مكتب المفوض السامي لحقوق الإنسان',
      'المفوض السامي للأمم المتحدة لحقوق الإنسان',
      'المفوض السامي لحقوق الإنسان',
    ],
  },
  {
    id: 'UNICEF',
    label: {
      en: "UNICEF, United Nations Children's Fund",
      fr: "UNICEF, Fonds des Nations unies pour l'enfance",
      ar: 'اليونيسف، منظمة الأمم المتحدة للطفولة',
    },
    acronyms: [],
    names: [
      'UNICEF',
      'Unicef',
      "United Nations Children's Fund",
      "UN Children's Fund",
      "Fonds des Nations unies pour l'enfance",
      'اليونيسف',
      'يونيسف',
      'منظمة الأمم المتحدة للطفولة',
      'صندوق الأمم المتحدة للطفولة',
    ],
  },
  {
    id: 'ILO',
    label: { en: 'International Labour Organization', fr: 'Organisation internationale du travail', ar: 'منظمة العمل الدولية' },
    acronyms: ['ILO', 'OIT', 'BIT'],
    names: [
      'International Labour Organization',
      'International Labour Organisation',
      'International Labor Organization',
      'International Labour Office',
      'Organisation internationale du travail',
      'Bureau international du travail',
      'منظمة العمل الدولية',
      'مكتب العمل الدولي',
    ],
  },
  {
    id: 'UN',
    label: { en: 'United Nations', fr: 'Nations unies', ar: 'الأمم المتحدة' },
    acronyms: ['UN', 'ONU'],
    names: [
      'United Nations',
      'Nations unies',
      'Organisation des Nations unies',
      'Organization of the United Nations',
      'الأمم المتحدة',
      'منظمة الأمم المتحدة',
      'هيئة الأمم المتحدة',
    ],
  },
  {
    id: 'ICRC',
    label: {
      en: 'International Committee of the Red Cross',
      fr: 'Comité international de la Croix-Rouge',
      ar: 'اللجنة الدولية للصليب الأحمر',
    },
    acronyms: ['ICRC', 'CICR'],
    names: ['International Committee of the Red Cross', 'Comité international de la Croix-Rouge', 'اللجنة الدولية للصليب الأحمر'],
  },
  {
    id: 'IFRC',
    label: {
      en: 'International Federation of Red Cross and Red Crescent Societies',
      fr: 'Fédération internationale des Sociétés de la Croix-Rouge et du Croissant-Rouge',
      ar: 'الاتحاد الدولي لجمعيات الصليب الأحمر والهلال الأحمر',
    },
    acronyms: ['IFRC', 'FICR'],
    names: [
      'International Federation of Red Cross and Red Crescent Societies',
      'Fédération internationale des Sociétés de la Croix-Rouge et du Croissant-Rouge',
      'الاتحاد الدولي لجمعيات الصليب الأحمر والهلال الأحمر',
    ],
  },
  {
    id: 'UNDP',
    label: {
      en: 'United Nations Development Programme',
      fr: 'Programme des Nations unies pour le développement',
      ar: 'برنامج الأمم المتحدة الإنمائي',
    },
    acronyms: ['UNDP', 'PNUD'],
    names: [
      'United Nations Development Programme',
      'UN Development Programme',
      'Programme des Nations unies pour le développement',
      'برنامج الأمم المتحدة الإنمائي',
    ],
  },
  {
    id: 'OSCE',
    label: {
      en: 'Organization for Security and Co-operation in Europe',
      fr: 'Organisation pour la sécurité et la coopération en Europe',
      ar: 'منظمة الأمن والتعاون في أوروبا',
    },
    acronyms: ['OSCE'],
    names: [
      'Organization for Security and Co-operation in Europe',
      'Organization for Security and Cooperation in Europe',
      'Organisation for Security and Co-operation in Europe',
      'Organisation pour la sécurité et la coopération en Europe',
      'منظمة الأمن والتعاون في أوروبا',
    ],
  },
  {
    id: 'ICAO',
    label: {
      en: 'International Civil Aviation Organization',
      fr: "Organisation de l'aviation civile internationale",
      ar: 'منظمة الطيران المدني الدولي',
    },
    acronyms: ['ICAO', 'OACI'],
    names: [
      'International Civil Aviation Organization',
      "Organisation de l'aviation civile internationale",
      'منظمة الطيران المدني الدولي',
    ],
  },
  {
    id: 'WCO',
    label: { en: 'World Customs Organization', fr: 'Organisation mondiale des douanes', ar: 'منظمة الجمارك العالمية' },
    // Not "OMD": in French it is just as often the Millennium Development Goals.
    acronyms: ['WCO'],
    names: [
      'World Customs Organization',
      'World Customs Organisation',
      'Organisation mondiale des douanes',
      'منظمة الجمارك العالمية',
    ],
  },
];

export const ORGANISATIONS: readonly Organisation[] = [...INTERNATIONAL_ORGANISATIONS, ...REGIONAL_ORGANISATIONS];

/**
 * Names that contain an organisation's name but are something else: treaties and goals bearing the
 * United Nations' name are not a mention of the organisation; nor is a Spanish ministry (in Arabic,
 * where no capital letter tells it apart, by the words around "the European Union").
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
  'اتفاقية الأمم المتحدة',
  'اتفاقيات الأمم المتحدة',
  'بروتوكول الأمم المتحدة',
  'بروتوكولات الأمم المتحدة',
  'ميثاق الأمم المتحدة',
  'إعلان الأمم المتحدة',
  'أهداف الأمم المتحدة للتنمية المستدامة',
  'الاتفاق العالمي للأمم المتحدة',
  'الخارجية والاتحاد الأوروبي والتعاون',
];

/**
 * Spain's "Ministry of Foreign Affairs, European Union and Cooperation" (and its French rendering)
 * names a ministry, not the Union; recognised by the capital of "Cooperation"/"Coopération".
 */
export const MINISTRY_NAMES: readonly string[] = ['European Union and Cooperation', "l'Union européenne et de la Coopération"];

/** Acronyms that are also ordinary words in capitalised headings ("RETOUR AU PAYS", "UN PLAN", "A BIT"). */
export const HEADING_PRONE_ACRONYMS: ReadonlySet<string> = new Set(['AU', 'UA', 'UN', 'BIT']);
