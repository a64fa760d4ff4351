/**
 * Action-plan references: the structure of the plans, human labels, and the theme → reference
 * suggestions.
 *
 * - GCM: Global Compact for Safe, Orderly and Regular Migration (2018), 23 objectives → `GCM:<n>`.
 * - MAP: the Rabat Process's Marrakesh Action Plan (2018-2020, extended to 2022), 5 domains and
 *   23 actions → `MAP:domain:<n>`, `MAP:action:<n>`.
 * - CAP: the Cadiz Action Plan (2023-2027), 5 domains and 10 objectives → `CAP:domain:<n>`,
 *   `CAP:objective:<n>`.
 * - JVAP: the Joint Valletta Action Plan (2015), 5 domains → `JVAP:domain:<n>`.
 * The three Euro-African plans share the five Valletta domains.
 *
 * Arabic: the GCM objectives are rendered after the Compact's Arabic text (A/RES/73/195), not
 * checked word for word against it; the Euro-African plans have no official Arabic version, so their
 * names and domains are translations.
 */
import type { ThemeId } from '../../../../shared/knowledge/vocabulary/themes-data.js';

export type Plan = 'GCM' | 'MAP' | 'CAP' | 'JVAP';
export type Part = 'objective' | 'domain' | 'action';

/** A label in the library's languages. */
export interface Translated {
  en: string;
  fr: string;
  ar: string;
}

/** How many of each part a plan has; a part it lacks is absent. */
export const PLAN_PARTS: Readonly<Record<Plan, Partial<Record<Part, number>>>> = {
  GCM: { objective: 23 },
  MAP: { domain: 5, action: 23 },
  CAP: { domain: 5, objective: 10 },
  JVAP: { domain: 5 },
};

export const PLAN_NAMES: Readonly<Record<Plan, Translated>> = {
  GCM: { en: 'Global Compact for Migration', fr: 'Pacte mondial sur les migrations', ar: 'الاتفاق العالمي من أجل الهجرة' },
  MAP: { en: 'Marrakesh Action Plan', fr: "Plan d'action de Marrakech", ar: 'خطة عمل مراكش' },
  CAP: { en: 'Cadiz Action Plan', fr: "Plan d'action de Cadix", ar: 'خطة عمل قادس' },
  JVAP: { en: 'Joint Valletta Action Plan', fr: "Plan d'action conjoint de La Valette", ar: 'خطة عمل فاليتا المشتركة' },
};

export const DOMAIN_NAMES: readonly Translated[] = [
  {
    en: 'Development benefits of migration and addressing root causes of irregular migration and forced displacement',
    fr: 'Avantages des migrations en termes de développement et lutte contre les causes profondes de la migration irrégulière et des déplacements forcés',
    ar: 'فوائد الهجرة للتنمية ومعالجة الأسباب الجذرية للهجرة غير النظامية والتهجير القسري',
  },
  { en: 'Legal migration and mobility', fr: 'Migration légale et mobilité', ar: 'الهجرة النظامية والتنقل' },
  { en: 'Protection and asylum', fr: 'Protection et asile', ar: 'الحماية واللجوء' },
  {
    en: 'Prevention of and fight against irregular migration, migrant smuggling and trafficking in human beings',
    fr: 'Prévention de la migration irrégulière, du trafic de migrants et de la traite des êtres humains et lutte contre ces phénomènes',
    ar: 'منع الهجرة غير النظامية وتهريب المهاجرين والاتجار بالبشر ومكافحتها',
  },
  {
    en: 'Return, readmission and reintegration',
    fr: 'Retour, réadmission et réintégration',
    ar: 'العودة وإعادة القبول وإعادة الإدماج',
  },
];

export const GCM_OBJECTIVES: readonly Translated[] = [
  {
    en: 'Collect and utilize accurate and disaggregated data as a basis for evidence-based policies',
    fr: 'Collecter et utiliser des données précises et ventilées pour élaborer des politiques fondées sur la connaissance des faits',
    ar: 'جمع بيانات دقيقة ومصنفة واستخدامها كأساس لوضع سياسات قائمة على الأدلة',
  },
  {
    en: 'Minimize the adverse drivers and structural factors that compel people to leave their country of origin',
    fr: "Lutter contre les facteurs négatifs et les problèmes structurels qui poussent des personnes à quitter leur pays d'origine",
    ar: 'التقليل إلى أدنى حد من العوامل الضارة والعوامل الهيكلية التي تضطر الناس إلى مغادرة بلدهم الأصلي',
  },
  {
    en: 'Provide accurate and timely information at all stages of migration',
    fr: 'Fournir dans les meilleurs délais des informations exactes à toutes les étapes de la migration',
    ar: 'توفير معلومات دقيقة وفي الوقت المناسب في جميع مراحل الهجرة',
  },
  {
    en: 'Ensure that all migrants have proof of legal identity and adequate documentation',
    fr: "Munir tous les migrants d'une preuve d'identité légale et de papiers adéquats",
    ar: 'ضمان حصول جميع المهاجرين على ما يثبت هويتهم القانونية وعلى وثائق ملائمة',
  },
  {
    en: 'Enhance availability and flexibility of pathways for regular migration',
    fr: 'Faire en sorte que les filières de migration régulière soient accessibles et plus souples',
    ar: 'تعزيز توافر مسارات الهجرة النظامية ومرونتها',
  },
  {
    en: 'Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work',
    fr: "Favoriser des pratiques de recrutement justes et éthiques et assurer les conditions d'un travail décent",
    ar: 'تيسير التوظيف المنصف والأخلاقي وصون الظروف التي تكفل العمل اللائق',
  },
  {
    en: 'Address and reduce vulnerabilities in migration',
    fr: "S'attaquer aux facteurs de vulnérabilité liés aux migrations et les réduire",
    ar: 'معالجة مواطن الضعف في الهجرة والحد منها',
  },
  {
    en: 'Save lives and establish coordinated international efforts on missing migrants',
    fr: 'Sauver des vies et mettre en place une action internationale coordonnée en faveur des migrants disparus',
    ar: 'إنقاذ الأرواح وتنسيق الجهود الدولية بشأن المهاجرين المفقودين',
  },
  {
    en: 'Strengthen the transnational response to smuggling of migrants',
    fr: "Renforcer l'action transnationale face au trafic de migrants",
    ar: 'تعزيز التصدي على الصعيد عبر الوطني لتهريب المهاجرين',
  },
  {
    en: 'Prevent, combat and eradicate trafficking in persons in the context of international migration',
    fr: 'Prévenir, combattre et éliminer la traite de personnes dans le cadre des migrations internationales',
    ar: 'منع الاتجار بالأشخاص ومكافحته والقضاء عليه في سياق الهجرة الدولية',
  },
  {
    en: 'Manage borders in an integrated, secure and coordinated manner',
    fr: 'Gérer les frontières de manière intégrée, sûre et coordonnée',
    ar: 'إدارة الحدود بطريقة متكاملة وآمنة ومنسقة',
  },
  {
    en: 'Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral',
    fr: 'Renforcer la prévisibilité et la sûreté des procédures migratoires pour pouvoir procéder aux contrôles, évaluations et orientations voulus',
    ar: 'تعزيز اليقين وإمكانية التنبؤ في إجراءات الهجرة من أجل الفرز والتقييم والإحالة على النحو المناسب',
  },
  {
    en: 'Use migration detention only as a measure of last resort and work towards alternatives',
    fr: "Ne recourir à la rétention administrative des migrants qu'en dernier ressort et chercher des solutions de rechange",
    ar: 'عدم اللجوء إلى احتجاز المهاجرين إلا كملاذ أخير والعمل على إيجاد بدائل له',
  },
  {
    en: 'Enhance consular protection, assistance and cooperation throughout the migration cycle',
    fr: "Améliorer la protection, l'assistance et la coopération consulaires tout au long du cycle migratoire",
    ar: 'تعزيز الحماية والمساعدة والتعاون في المجال القنصلي طوال دورة الهجرة',
  },
  {
    en: 'Provide access to basic services for migrants',
    fr: "Assurer l'accès des migrants aux services de base",
    ar: 'توفير إمكانية حصول المهاجرين على الخدمات الأساسية',
  },
  {
    en: 'Empower migrants and societies to realize full inclusion and social cohesion',
    fr: 'Donner aux migrants et aux sociétés les moyens de réaliser la pleine intégration et la cohésion sociale',
    ar: 'تمكين المهاجرين والمجتمعات من تحقيق الإدماج الكامل والتماسك الاجتماعي',
  },
  {
    en: 'Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration',
    fr: "Éliminer toutes les formes de discrimination et encourager un débat public fondé sur l'analyse des faits afin de faire évoluer la manière dont les migrations sont perçues",
    ar: 'القضاء على جميع أشكال التمييز وتشجيع الخطاب العام المستند إلى الأدلة من أجل تشكيل تصورات الهجرة',
  },
  {
    en: 'Invest in skills development and facilitate mutual recognition of skills, qualifications and competences',
    fr: 'Investir dans le perfectionnement des compétences et faciliter la reconnaissance mutuelle des aptitudes, qualifications et compétences',
    ar: 'الاستثمار في تنمية المهارات وتيسير الاعتراف المتبادل بالمهارات والمؤهلات والكفاءات',
  },
  {
    en: 'Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries',
    fr: 'Créer les conditions permettant aux migrants et aux diasporas de contribuer pleinement au développement durable dans tous les pays',
    ar: 'تهيئة الظروف التي تمكن المهاجرين والمغتربين من الإسهام الكامل في التنمية المستدامة في جميع البلدان',
  },
  {
    en: 'Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants',
    fr: "Promouvoir des transferts de fonds plus rapides, plus sûrs et moins coûteux et favoriser l'inclusion financière des migrants",
    ar: 'تعزيز التحويلات المالية بطرق أسرع وأكثر أمانا وأقل تكلفة وتيسير الشمول المالي للمهاجرين',
  },
  {
    en: 'Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration',
    fr: 'Coopérer en vue de faciliter le retour et la réadmission des migrants en toute sécurité et dans la dignité, ainsi que leur réintégration durable',
    ar: 'التعاون في تيسير العودة وإعادة القبول بصورة آمنة وكريمة، وكذلك إعادة الإدماج المستدام',
  },
  {
    en: 'Establish mechanisms for the portability of social security entitlements and earned benefits',
    fr: 'Mettre en place des mécanismes de portabilité des droits de sécurité sociale et des avantages acquis',
    ar: 'إنشاء آليات لإمكانية نقل استحقاقات الضمان الاجتماعي والاستحقاقات المكتسبة',
  },
  {
    en: 'Strengthen international cooperation and global partnerships for safe, orderly and regular migration',
    fr: 'Renforcer la coopération internationale et les partenariats mondiaux pour des migrations sûres, ordonnées et régulières',
    ar: 'تعزيز التعاون الدولي والشراكات العالمية من أجل الهجرة الآمنة والمنظمة والنظامية',
  },
];

/**
 * Theme → references suggested for an item with that theme (`kind: 'suggested'`). GCM objectives
 * by their subject; MAP domains by the Valletta domain that covers the theme. Themes that cut across
 * all domains (capacity building, information exchange, human rights, judicial cooperation) suggest
 * nothing: any choice would be noise.
 */
export const THEME_REFERENCES: Readonly<Record<ThemeId, readonly string[]>> = {
  border_management: ['GCM:11', 'MAP:domain:4'],
  migrant_smuggling: ['GCM:9', 'MAP:domain:4'],
  trafficking_in_human_beings: ['GCM:10', 'MAP:domain:4'],
  protection_of_vulnerable_migrants: ['GCM:7', 'MAP:domain:3'],
  international_protection: ['MAP:domain:3'],
  return_and_reintegration: ['GCM:21', 'MAP:domain:5'],
  legal_migration_and_mobility: ['GCM:5', 'MAP:domain:2'],
  document_security_and_fraud: ['GCM:4', 'MAP:domain:4'],
  search_and_rescue: ['GCM:8'],
  information_exchange: [],
  capacity_building: [],
  awareness_raising: ['GCM:3'],
  root_causes: ['GCM:2', 'MAP:domain:1'],
  diaspora: ['GCM:19', 'GCM:20', 'MAP:domain:1'],
  human_rights: [],
  judicial_cooperation: [],
  data_and_research: ['GCM:1'],
  missing_migrants: ['GCM:8'],
  regional_cooperation: ['GCM:23'],
};
