/**
 * African and European bodies of the maintained organisation list (see organisations-data.ts for
 * the conventions of labels and names). Pure data.
 */

export interface Organisation {
  id: string;
  label: { en: string; fr: string; ar: string };
  acronyms: readonly string[];
  names: readonly string[];
}

export const REGIONAL_ORGANISATIONS: readonly Organisation[] = [
  {
    id: 'ECOWAS',
    label: {
      en: 'Economic Community of West African States',
      fr: "Communauté économique des États de l'Afrique de l'Ouest",
      ar: 'الجماعة الاقتصادية لدول غرب أفريقيا',
    },
    acronyms: ['ECOWAS', 'CEDEAO'],
    names: [
      'Economic Community of West African States',
      "Communauté économique des États de l'Afrique de l'Ouest",
      'ECOWAS Commission',
      'Commission de la CEDEAO',
      'الجماعة الاقتصادية لدول غرب أفريقيا',
      'المجموعة الاقتصادية لدول غرب أفريقيا',
      'مفوضية الجماعة الاقتصادية لدول غرب أفريقيا',
      'إيكواس',
      'الإيكواس',
    ],
  },
  {
    id: 'FRONTEX',
    label: {
      en: 'Frontex, European Border and Coast Guard Agency',
      fr: 'Frontex, Agence européenne de garde-frontières et de garde-côtes',
      ar: 'فرونتكس، الوكالة الأوروبية لحرس الحدود والسواحل',
    },
    acronyms: [],
    names: [
      'Frontex',
      'European Border and Coast Guard Agency',
      'Agence européenne de garde-frontières et de garde-côtes',
      'فرونتكس',
      'الوكالة الأوروبية لحرس الحدود والسواحل',
    ],
  },
  {
    id: 'EUROPOL',
    label: { en: 'Europol', fr: 'Europol', ar: 'يوروبول' },
    acronyms: [],
    names: [
      'Europol',
      'European Police Office',
      'European Union Agency for Law Enforcement Cooperation',
      'Office européen de police',
      "Agence de l'Union européenne pour la coopération des services répressifs",
      'يوروبول',
      'اليوروبول',
      'وكالة الاتحاد الأوروبي للتعاون في مجال إنفاذ القانون',
      'مكتب الشرطة الأوروبي',
    ],
  },
  {
    id: 'AU',
    label: { en: 'African Union', fr: 'Union africaine', ar: 'الاتحاد الأفريقي' },
    acronyms: ['AU', 'UA', 'AUC'],
    names: [
      'African Union',
      'African Union Commission',
      'Union africaine',
      "Commission de l'Union africaine",
      'الاتحاد الأفريقي',
      'مفوضية الاتحاد الأفريقي',
    ],
  },
  {
    id: 'EU',
    label: { en: 'European Union', fr: 'Union européenne', ar: 'الاتحاد الأوروبي' },
    acronyms: ['EU', 'UE'],
    names: ['European Union', 'Union européenne', 'الاتحاد الأوروبي', 'الاتحاد الأوربي'],
  },
  {
    id: 'EC',
    label: { en: 'European Commission', fr: 'Commission européenne', ar: 'المفوضية الأوروبية' },
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
      'المفوضية الأوروبية',
      'المفوضية الأوربية',
      'مفوضية الاتحاد الأوروبي',
      'المديرية العامة للهجرة والشؤون الداخلية',
    ],
  },
  {
    id: 'AFRIPOL',
    label: { en: 'AFRIPOL', fr: 'AFRIPOL', ar: 'أفريبول، آلية الاتحاد الأفريقي للتعاون الشرطي' },
    acronyms: [],
    names: [
      'Afripol',
      'African Union Mechanism for Police Cooperation',
      "Mécanisme de l'Union africaine pour la coopération policière",
      'Mécanisme de coopération policière de l’Union africaine',
      'أفريبول',
      'الأفريبول',
      'آلية الاتحاد الأفريقي للتعاون الشرطي',
    ],
  },
  {
    id: 'G5_SAHEL',
    label: { en: 'G5 Sahel', fr: 'G5 Sahel', ar: 'مجموعة دول الساحل الخمس' },
    acronyms: [],
    names: [
      'G5 Sahel',
      'G5 du Sahel',
      'Group of Five for the Sahel',
      'Groupe des cinq pour le Sahel',
      'G5S',
      'مجموعة دول الساحل الخمس',
      'مجموعة الساحل الخمس',
      'مجموعة الخمس لمنطقة الساحل',
    ],
  },
  {
    id: 'WACAP',
    label: {
      en: 'West African Network of Central Authorities and Prosecutors against Organized Crime',
      fr: "Réseau des autorités centrales et des procureurs de l'Afrique de l'Ouest contre le crime organisé",
      ar: 'شبكة السلطات المركزية والمدعين العامين في غرب أفريقيا لمكافحة الجريمة المنظمة (WACAP)',
    },
    acronyms: ['WACAP'],
    names: [
      'West African Network of Central Authorities and Prosecutors',
      "Réseau des autorités centrales et des procureurs de l'Afrique de l'Ouest",
      'شبكة السلطات المركزية والمدعين العامين في غرب أفريقيا',
    ],
  },
  {
    id: 'ECCAS',
    label: {
      en: 'Economic Community of Central African States',
      fr: "Communauté économique des États de l'Afrique centrale",
      ar: 'الجماعة الاقتصادية لدول وسط أفريقيا',
    },
    acronyms: ['ECCAS', 'CEEAC'],
    names: [
      'Economic Community of Central African States',
      "Communauté économique des États de l'Afrique centrale",
      'الجماعة الاقتصادية لدول وسط أفريقيا',
      'المجموعة الاقتصادية لدول وسط أفريقيا',
    ],
  },
  {
    id: 'IGAD',
    label: {
      en: 'Intergovernmental Authority on Development',
      fr: 'Autorité intergouvernementale pour le développement',
      ar: 'الهيئة الحكومية الدولية المعنية بالتنمية (إيغاد)',
    },
    acronyms: ['IGAD'],
    names: [
      'Intergovernmental Authority on Development',
      'Autorité intergouvernementale pour le développement',
      'الهيئة الحكومية الدولية المعنية بالتنمية',
      'الهيئة الحكومية الدولية للتنمية',
      'إيغاد',
      'الإيغاد',
      'إيقاد',
      'الإيقاد',
    ],
  },
  {
    id: 'EUCAP',
    label: {
      en: 'EUCAP Sahel (EU capacity-building missions)',
      fr: 'EUCAP Sahel (missions de renforcement des capacités de l’UE)',
      ar: 'EUCAP Sahel (بعثات الاتحاد الأوروبي لبناء القدرات)',
    },
    acronyms: ['EUCAP'],
    names: ['EUCAP Sahel', 'EUCAP Sahel Mali', 'EUCAP Sahel Niger', 'بعثة الاتحاد الأوروبي لبناء القدرات'],
  },
  {
    id: 'EEAS',
    label: {
      en: 'European External Action Service',
      fr: "Service européen pour l'action extérieure",
      ar: 'دائرة العمل الخارجي الأوروبي',
    },
    acronyms: ['EEAS', 'SEAE'],
    names: [
      'European External Action Service',
      "Service européen pour l'action extérieure",
      'دائرة العمل الخارجي الأوروبي',
      'جهاز العمل الخارجي الأوروبي',
      'الدائرة الأوروبية للعمل الخارجي',
    ],
  },
];
