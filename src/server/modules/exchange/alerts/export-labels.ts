import countryNames from 'i18n-iso-countries';
import type { ObservableKind } from '../../../../shared/exchange/alerts/observables.js';
import type { AlertStatus, Category, Severity } from '../../../../shared/exchange/alerts/vocabulary.js';
import type { HandlingCode } from '../../../../shared/handling-codes.js';
import type { Locale } from '../../../../shared/locales.js';

/**
 * The words of the alerts' CSV export in each interface language: headers and the values of the
 * controlled lists. The codes themselves go in columns of their own, for machines. (The web app
 * has its own strings; these are the few a spreadsheet reader sees.)
 */
export interface ExportWords {
  headers: Record<
    | 'id'
    | 'title'
    | 'category'
    | 'severity'
    | 'status'
    | 'validFrom'
    | 'validUntil'
    | 'countries'
    | 'area'
    | 'handlingCode'
    | 'fromUnit'
    | 'fromOrganisation'
    | 'createdAt'
    | 'observables'
    | 'correlations'
    | 'description',
    string
  >;
  category: Record<Category, string>;
  severity: Record<Severity, string>;
  status: Record<AlertStatus, string>;
  handlingCode: Record<HandlingCode, string>;
  observable: Record<ObservableKind, string>;
}

export const EXPORT_WORDS: Record<Locale, ExportWords> = {
  en: {
    headers: {
      id: 'ID',
      title: 'Title',
      category: 'Category',
      severity: 'Severity',
      status: 'Status',
      validFrom: 'Valid from',
      validUntil: 'Valid until',
      countries: 'Countries',
      area: 'Area',
      handlingCode: 'Handling code',
      fromUnit: 'From unit',
      fromOrganisation: 'From organisation',
      createdAt: 'Issued at',
      observables: 'Observables',
      correlations: 'Related alerts',
      description: 'Description',
    },
    category: {
      new_route: 'New route',
      modus_operandi: 'Modus operandi',
      document_fraud: 'Document fraud',
      facilitator_network: 'Facilitator network',
      vessel_of_interest: 'Vessel of interest',
      vehicle_of_interest: 'Vehicle of interest',
      persons_at_risk: 'Persons at risk',
      other: 'Other',
    },
    severity: { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },
    status: { active: 'Active', expired: 'Expired', withdrawn: 'Withdrawn' },
    handlingCode: {
      'TLP:RED': 'TLP:RED (named recipients only)',
      'TLP:AMBER+STRICT': 'TLP:AMBER+STRICT (recipient organisations, not shared further)',
      'TLP:AMBER': 'TLP:AMBER (recipient organisations)',
      'TLP:GREEN': 'TLP:GREEN (the community)',
      'TLP:CLEAR': 'TLP:CLEAR (public)',
    },
    observable: {
      phone: 'Phone number',
      email: 'E-mail address',
      vessel_imo: 'Vessel IMO number',
      vessel_name: 'Vessel name',
      vehicle_plate: 'Vehicle plate',
      document_pattern: 'Document number pattern',
      url: 'Web address',
      handle: 'Social media handle',
      name: 'Name',
    },
  },
  fr: {
    headers: {
      id: 'Identifiant',
      title: 'Titre',
      category: 'Catégorie',
      severity: 'Gravité',
      status: 'Statut',
      validFrom: 'Valide du',
      validUntil: 'Valide jusqu’au',
      countries: 'Pays',
      area: 'Zone',
      handlingCode: 'Code de diffusion',
      fromUnit: 'Unité émettrice',
      fromOrganisation: 'Organisation émettrice',
      createdAt: 'Émise le',
      observables: 'Observables',
      correlations: 'Alertes liées',
      description: 'Description',
    },
    category: {
      new_route: 'Nouvelle route',
      modus_operandi: 'Mode opératoire',
      document_fraud: 'Fraude documentaire',
      facilitator_network: 'Réseau de passeurs',
      vessel_of_interest: 'Navire d’intérêt',
      vehicle_of_interest: 'Véhicule d’intérêt',
      persons_at_risk: 'Personnes en danger',
      other: 'Autre',
    },
    severity: { low: 'Faible', medium: 'Moyenne', high: 'Élevée', critical: 'Critique' },
    status: { active: 'Active', expired: 'Expirée', withdrawn: 'Retirée' },
    handlingCode: {
      'TLP:RED': 'TLP:RED (destinataires nommés uniquement)',
      'TLP:AMBER+STRICT': 'TLP:AMBER+STRICT (organisations destinataires, sans diffusion au-delà)',
      'TLP:AMBER': 'TLP:AMBER (organisations destinataires)',
      'TLP:GREEN': 'TLP:GREEN (la communauté)',
      'TLP:CLEAR': 'TLP:CLEAR (public)',
    },
    observable: {
      phone: 'Numéro de téléphone',
      email: 'Adresse électronique',
      vessel_imo: 'Numéro OMI du navire',
      vessel_name: 'Nom du navire',
      vehicle_plate: 'Plaque d’immatriculation',
      document_pattern: 'Modèle de numéro de document',
      url: 'Adresse web',
      handle: 'Compte de réseau social',
      name: 'Nom',
    },
  },
  ar: {
    headers: {
      id: 'المعرّف',
      title: 'العنوان',
      category: 'الفئة',
      severity: 'درجة الخطورة',
      status: 'الحالة',
      validFrom: 'صالح من',
      validUntil: 'صالح حتى',
      countries: 'البلدان',
      area: 'المنطقة',
      handlingCode: 'رمز التداول',
      fromUnit: 'الوحدة المُصدِرة',
      fromOrganisation: 'المنظمة المُصدِرة',
      createdAt: 'تاريخ الإصدار',
      observables: 'المؤشرات',
      correlations: 'تنبيهات مرتبطة',
      description: 'الوصف',
    },
    category: {
      new_route: 'طريق جديد',
      modus_operandi: 'أسلوب العمل',
      document_fraud: 'تزوير الوثائق',
      facilitator_network: 'شبكة مهربين',
      vessel_of_interest: 'سفينة محل اهتمام',
      vehicle_of_interest: 'مركبة محل اهتمام',
      persons_at_risk: 'أشخاص في خطر',
      other: 'أخرى',
    },
    severity: { low: 'منخفضة', medium: 'متوسطة', high: 'مرتفعة', critical: 'حرجة' },
    status: { active: 'نشط', expired: 'منتهي الصلاحية', withdrawn: 'مسحوب' },
    handlingCode: {
      'TLP:RED': 'TLP:RED (المستلمون المسمَّون فقط)',
      'TLP:AMBER+STRICT': 'TLP:AMBER+STRICT (المنظمات المستلمة، دون تداول أبعد)',
      'TLP:AMBER': 'TLP:AMBER (المنظمات المستلمة)',
      'TLP:GREEN': 'TLP:GREEN (المجتمع)',
      'TLP:CLEAR': 'TLP:CLEAR (عام)',
    },
    observable: {
      phone: 'رقم الهاتف',
      email: 'البريد الإلكتروني',
      vessel_imo: 'رقم المنظمة البحرية الدولية للسفينة',
      vessel_name: 'اسم السفينة',
      vehicle_plate: 'لوحة المركبة',
      document_pattern: 'نمط رقم الوثيقة',
      url: 'عنوان الموقع',
      handle: 'حساب على وسائل التواصل',
      name: 'الاسم',
    },
  },
};

/** A country's name in the export's language, or its code when the library has none. */
export const countryLabel = (code: string, locale: Locale) => countryNames.getName(code, locale) ?? code;
