/**
 * A bilingual English/French glossary of the migration dialogues' vocabulary — themes, actors,
 * practices and instruments — with Arabic labels for every theme and many other terms. The library
 * search uses it to translate a query (`glossary.ts`): a French query also finds the English items
 * that say the same thing, and the reverse.
 *
 * Where the terms come from: written for Liaison from working knowledge of how the Rabat, Khartoum
 * and Budapest processes, the Global Compact and the partners' outcome documents word these things in
 * each language; no table was copied from another glossary. Countries are not listed here: their
 * names in English, French and Arabic come from `i18n-iso-countries` and `countries-data.ts`.
 *
 * Practices and concepts are in glossary-practices-data.ts and glossary-concepts-data.ts.
 *
 * Each row: English forms, French forms, Arabic forms, each separated by "|". The first form is the
 * usual one; the others are synonyms and spellings a query may use (accents, case, hyphens and a
 * final -s/-x do not matter when a query is read). Themes take their labels from the theme
 * vocabulary (`THEMES`) and add synonyms here.
 */
import type { ThemeId } from '../../../../shared/knowledge/vocabulary/themes-data.js';

export type GlossaryKind = 'theme' | 'actor' | 'institution' | 'practice' | 'concept';

/** [English forms, French forms, Arabic forms]: each a "|"-separated list; Arabic may be empty. */
export type GlossaryRow = readonly [en: string, fr: string, ar?: string];

/** Synonyms of each theme beyond its labels. */
export const THEME_SYNONYMS: Readonly<Record<ThemeId, GlossaryRow>> = {
  border_management: [
    'border control|border controls|border governance',
    'contrôle des frontières|contrôles frontaliers',
    'ضبط الحدود',
  ],
  migrant_smuggling: ['smuggling of migrants|smuggling', 'trafic de migrants|introduction clandestine de migrants', ''],
  trafficking_in_human_beings: [
    'human trafficking|trafficking in persons|trafficking of human beings|trafficking',
    "traite des personnes|traite d'êtres humains|traite",
    'الاتجار بالأشخاص',
  ],
  protection_of_vulnerable_migrants: [
    'vulnerable migrants|migrants in vulnerable situations',
    'migrants vulnérables|migrants en situation de vulnérabilité',
    '',
  ],
  international_protection: ['international protection', 'protection internationale', 'الحماية الدولية'],
  return_and_reintegration: ['return and sustainable reintegration', 'retour et réintégration durable', ''],
  legal_migration_and_mobility: [
    'legal migration|regular migration|legal pathways',
    'migration légale|migration régulière|voies légales',
    'الهجرة القانونية',
  ],
  document_security_and_fraud: [
    'document fraud|documentary fraud|document security',
    'fraude documentaire|fraude aux documents|sécurité des documents',
    'تزوير الوثائق',
  ],
  search_and_rescue: ['search and rescue operations', 'opérations de recherche et de sauvetage', ''],
  information_exchange: ['information sharing|exchange of information', "partage d'informations|échange d'information", ''],
  capacity_building: ['capacity development', 'développement des capacités', 'تنمية القدرات'],
  awareness_raising: [
    'awareness campaigns|information campaigns',
    "campagnes de sensibilisation|campagnes d'information",
    'حملات التوعية',
  ],
  root_causes: ['root causes|drivers of migration', 'causes profondes|facteurs de migration', 'الأسباب الجذرية'],
  diaspora: ['diaspora|diasporas', 'diaspora|diasporas', 'الجاليات|الشتات'],
  human_rights: ['human rights', 'droits humains', ''],
  judicial_cooperation: [
    'judicial cooperation|law enforcement cooperation|police cooperation',
    'coopération judiciaire|coopération policière',
    'التعاون القضائي',
  ],
  data_and_research: ['migration data', 'données migratoires|données sur les migrations', 'بيانات الهجرة'],
  missing_migrants: ['missing migrants|dead migrants', 'migrants disparus|migrants décédés', 'المهاجرون المفقودون'],
  regional_cooperation: ['regional dialogue', 'dialogue régional', 'الحوار الإقليمي'],
};

/** People, groups and places of the work. */
export const ACTORS: readonly GlossaryRow[] = [
  ['focal point|focal points', 'point focal|points focaux', 'نقطة الاتصال|نقاط الاتصال'],
  ['national focal point', 'point focal national', 'نقطة الاتصال الوطنية'],
  ['liaison officer|liaison officers', 'officier de liaison|officiers de liaison', 'ضابط الاتصال'],
  ['immigration liaison officer', 'officier de liaison immigration', ''],
  ['border guard|border guards', 'garde-frontière|gardes-frontières|garde-frontières', 'حرس الحدود'],
  ['border police', 'police des frontières|police aux frontières', 'شرطة الحدود'],
  ['coast guard|coastguard', 'garde-côtes', 'خفر السواحل'],
  ['customs', 'douanes|douane', 'الجمارك'],
  ['prosecutor|prosecutors', 'procureur|procureurs', 'المدعي العام|النيابة العامة'],
  ['liaison prosecutor|liaison prosecutors', 'procureur de liaison|procureurs de liaison', ''],
  ['liaison magistrate|liaison magistrates', 'magistrat de liaison|magistrats de liaison', ''],
  ['judge|judges', 'juge|juges', 'القضاة'],
  ['investigator|investigators', 'enquêteur|enquêteurs', 'المحققون'],
  ['labour inspector|labour inspectors', 'inspecteur du travail|inspecteurs du travail', 'مفتشو العمل'],
  ['law enforcement|law enforcement agencies', "services répressifs|forces de l'ordre|services de police", 'أجهزة إنفاذ القانون'],
  ['security forces', 'forces de sécurité', 'قوات الأمن'],
  ['civil society', 'société civile', 'المجتمع المدني'],
  ['civil society organisations|civil society organizations', 'organisations de la société civile', 'منظمات المجتمع المدني'],
  ['non-governmental organisations|NGOs|NGO', 'organisations non gouvernementales|ONG', 'المنظمات غير الحكومية'],
  ['local authorities', 'autorités locales|collectivités locales|collectivités territoriales', 'السلطات المحلية'],
  ['national authorities', 'autorités nationales', 'السلطات الوطنية'],
  ['central authorities', 'autorités centrales', ''],
  ['consular authorities', 'autorités consulaires', 'السلطات القنصلية'],
  ['consulate|consulates', 'consulat|consulats', 'القنصلية'],
  ['embassy|embassies', 'ambassade|ambassades', 'السفارة'],
  ['host communities', "communautés d'accueil|collectivités d'accueil", 'المجتمعات المضيفة'],
  ['host countries|host country', "pays d'accueil", 'البلدان المضيفة'],
  ['countries of origin|country of origin', "pays d'origine", 'بلدان المنشأ|بلد المنشأ'],
  ['transit countries|countries of transit', 'pays de transit', 'بلدان العبور'],
  ['destination countries|countries of destination', 'pays de destination', 'بلدان المقصد'],
  ['neighbouring countries|neighboring countries', 'pays voisins', 'البلدان المجاورة'],
  ['Member States', 'États membres', 'الدول الأعضاء'],
  ['partner countries', 'pays partenaires', 'البلدان الشريكة'],
  ['co-chairs|co-chair', 'co-présidents|co-présidence', 'الرئاسة المشتركة'],
  ["Senior Officials' Meeting|senior officials meeting", 'réunion des hauts fonctionnaires', 'اجتماع كبار المسؤولين'],
  ['steering committee', 'comité de pilotage', 'اللجنة التوجيهية'],
  ['secretariat', 'secrétariat', 'الأمانة'],
  ['working group', 'groupe de travail', 'فريق العمل'],
  ['employers|employer', 'employeurs|employeur', 'أصحاب العمل'],
  ['workers', 'travailleurs', 'العمال'],
  ['migrant workers', 'travailleurs migrants', 'العمال المهاجرون'],
  ['seasonal workers', 'travailleurs saisonniers|saisonniers', 'العمال الموسميون'],
  ['skilled workers', 'travailleurs qualifiés', 'العمال المهرة'],
  ['domestic workers', 'travailleurs domestiques', 'عمال المنازل'],
  ['recruitment agencies', 'agences de recrutement', 'وكالات التوظيف'],
  ['intermediaries|brokers|recruiters', 'intermédiaires|recruteurs', 'الوسطاء'],
  ['public employment services', "services publics de l'emploi|agences publiques pour l'emploi", 'مصالح التشغيل العمومية'],
  ['smugglers|people smugglers|smuggler', 'passeurs|passeur', 'المهربون'],
  ['traffickers|human traffickers|trafficker', "trafiquants|trafiquants d'êtres humains", 'المتاجرون بالبشر'],
  ['victims|victim', 'victimes|victime', 'الضحايا'],
  ['victims of trafficking|trafficking victims', 'victimes de la traite|victimes de traite', 'ضحايا الاتجار بالبشر'],
  ['witnesses|witness', 'témoins|témoin', 'الشهود'],
  ['refugees|refugee', 'réfugiés|réfugié', 'اللاجئون|اللاجئين'],
  ['asylum seekers|asylum seeker', "demandeurs d'asile|demandeur d'asile", 'طالبو اللجوء'],
  ['returnees|returnee|returning migrants', 'migrants de retour|personnes de retour|rapatriés', 'العائدون'],
  [
    'unaccompanied minors|unaccompanied children',
    'mineurs non accompagnés|enfants non accompagnés',
    'القاصرون غير المصحوبين|الأطفال غير المصحوبين',
  ],
  ['separated children', 'enfants séparés', 'الأطفال المنفصلون عن ذويهم'],
  ['women and girls', 'femmes et filles', 'النساء والفتيات'],
  ['young people|youth', 'jeunes', 'الشباب'],
  ['stranded migrants', 'migrants bloqués|migrants en détresse', 'المهاجرون العالقون'],
  ['irregular migrants', 'migrants en situation irrégulière|migrants irréguliers', 'المهاجرون غير النظاميين'],
  ['internally displaced persons|IDPs', 'personnes déplacées internes|déplacés internes', 'النازحون داخليا'],
  ['stateless persons', 'apatrides', 'عديمو الجنسية'],
  ['diaspora organisations|diaspora organizations', 'organisations de la diaspora', 'منظمات الجاليات'],
  ['diaspora associations', 'associations de la diaspora', 'جمعيات الجاليات'],
  ['diaspora investors', 'investisseurs de la diaspora', 'مستثمرو الجاليات'],
  ['emigrants', 'émigrés|émigrants', 'المهاجرون في الخارج'],
  ['nationals', 'ressortissants', 'المواطنون'],
  ['carriers|airlines', 'transporteurs|compagnies aériennes', 'شركات النقل'],
  [
    'financial intelligence units|financial intelligence unit',
    'cellules de renseignement financier|cellule de renseignement financier',
    'وحدات الاستخبارات المالية',
  ],
  ['banks', 'banques', 'البنوك'],
  ['money transfer operators', "opérateurs de transfert d'argent|sociétés de transfert d'argent", 'شركات تحويل الأموال'],
  ['development partners', 'partenaires de développement', 'شركاء التنمية'],
  ['humanitarian partners|humanitarian actors', 'partenaires humanitaires|acteurs humanitaires', 'الشركاء الإنسانيون'],
  ['donors', 'bailleurs de fonds|donateurs', 'المانحون'],
  ['development banks', 'banques de développement', 'بنوك التنمية'],
  ['chambers of commerce', 'chambres de commerce', 'غرف التجارة'],
  ['vocational training institutions', 'établissements de formation professionnelle', 'مؤسسات التدريب المهني'],
  ['universities', 'universités', 'الجامعات'],
  ['researchers', 'chercheurs', 'الباحثون'],
  ['trainers', 'formateurs', 'المدربون'],
  ['national trainers', 'formateurs nationaux', ''],
  ['front-line staff|frontline officers', 'personnel de première ligne|agents de première ligne', 'موظفو الخطوط الأمامية'],
  ['document experts|document officers', 'experts en documents|spécialistes des documents', 'خبراء الوثائق'],
  ['interpreters', 'interprètes', 'المترجمون الفوريون'],
  ['social workers', 'travailleurs sociaux', 'الأخصائيون الاجتماعيون'],
  ['health professionals', 'professionnels de santé|professionnels de la santé', 'المهنيون الصحيون'],
  ['women', 'femmes', 'النساء'],
  ['children', 'enfants', 'الأطفال'],
  ['minors', 'mineurs', 'القاصرون'],
  ['families|family members', 'familles|membres de la famille', 'الأسر'],
  ['community|communities', 'communauté|communautés', 'المجتمعات المحلية'],
];

/** Organisations, processes and instruments whose names differ between the languages. */
export const INSTITUTIONS: readonly GlossaryRow[] = [
  [
    'IOM|International Organization for Migration',
    'OIM|Organisation internationale pour les migrations',
    'المنظمة الدولية للهجرة',
  ],
  [
    'UNHCR|UN Refugee Agency',
    'HCR|Haut-Commissariat des Nations unies pour les réfugiés',
    'المفوضية السامية للأمم المتحدة لشؤون اللاجئين',
  ],
  [
    'UNODC|United Nations Office on Drugs and Crime',
    'ONUDC|Office des Nations unies contre la drogue et le crime',
    'مكتب الأمم المتحدة المعني بالمخدرات والجريمة',
  ],
  ['ILO|International Labour Organization', 'OIT|Organisation internationale du travail', 'منظمة العمل الدولية'],
  ['UNDP', 'PNUD', 'برنامج الأمم المتحدة الإنمائي'],
  [
    'ECOWAS|Economic Community of West African States',
    "CEDEAO|Communauté économique des États de l'Afrique de l'Ouest",
    'إيكواس|الجماعة الاقتصادية لدول غرب أفريقيا',
  ],
  ['African Union', 'Union africaine', 'الاتحاد الأفريقي'],
  ['European Union', 'Union européenne|UE', 'الاتحاد الأوروبي'],
  ['European Commission', 'Commission européenne', 'المفوضية الأوروبية'],
  [
    'ICAO|International Civil Aviation Organization',
    "OACI|Organisation de l'aviation civile internationale",
    'منظمة الطيران المدني الدولي',
  ],
  ['League of Arab States|Arab League', 'Ligue des États arabes|Ligue arabe', 'جامعة الدول العربية'],
  ['United Nations', 'Nations unies|ONU', 'الأمم المتحدة'],
  ['Rabat Process', 'Processus de Rabat', 'عملية الرباط'],
  ['Khartoum Process', 'Processus de Khartoum', 'عملية الخرطوم'],
  ['Budapest Process', 'Processus de Budapest', 'عملية بودابست'],
  [
    'Global Compact for Migration|Global Compact for Safe, Orderly and Regular Migration',
    'Pacte mondial sur les migrations|Pacte mondial pour des migrations sûres, ordonnées et régulières',
    'الاتفاق العالمي من أجل الهجرة',
  ],
  ['Global Compact on Refugees', 'Pacte mondial sur les réfugiés', 'الاتفاق العالمي بشأن اللاجئين'],
  [
    'Joint Valletta Action Plan|Valletta Action Plan',
    "Plan d'action conjoint de La Valette|Plan d'action de La Valette",
    'خطة عمل فاليتا المشتركة',
  ],
  ['Marrakesh Action Plan', "Plan d'action de Marrakech", 'خطة عمل مراكش'],
  ['Cadiz Action Plan', "Plan d'action de Cadix", 'خطة عمل قادس'],
  ['Palermo Protocol', 'Protocole de Palerme', 'بروتوكول باليرمو'],
  ['Sustainable Development Goals|SDGs', 'Objectifs de développement durable', 'أهداف التنمية المستدامة'],
  ['Refugee Convention|1951 Convention', 'Convention relative au statut des réfugiés|Convention de 1951', 'اتفاقية اللاجئين'],
  ['Entry/Exit System', "système d'entrée/de sortie|système d'entrée et de sortie", 'نظام الدخول والخروج'],
  [
    'EU Emergency Trust Fund for Africa',
    "Fonds fiduciaire d'urgence de l'UE pour l'Afrique",
    'صندوق الاتحاد الأوروبي الاستئماني للطوارئ من أجل أفريقيا',
  ],
  ['Public Key Directory', 'répertoire de clés publiques', 'دليل المفاتيح العامة'],
];
