/**
 * Translations kept beside the pages that use them (`modules/<capability>/<area>/i18n/<lang>.json`),
 * so each area can grow its own strings. Each file holds one top-level namespace; they are merged
 * over the shared files (en.json, fr.json, ar.json) when i18next starts.
 */
import noticesAr from '../modules/account/notices/i18n/ar.json' with { type: 'json' };
import noticesEn from '../modules/account/notices/i18n/en.json' with { type: 'json' };
import noticesFr from '../modules/account/notices/i18n/fr.json' with { type: 'json' };
import alertsAr from '../modules/exchange/alerts/i18n/ar.json' with { type: 'json' };
import alertsEn from '../modules/exchange/alerts/i18n/en.json' with { type: 'json' };
import alertsFr from '../modules/exchange/alerts/i18n/fr.json' with { type: 'json' };
import attachmentsAr from '../modules/exchange/attachments/i18n/ar.json' with { type: 'json' };
import attachmentsEn from '../modules/exchange/attachments/i18n/en.json' with { type: 'json' };
import attachmentsFr from '../modules/exchange/attachments/i18n/fr.json' with { type: 'json' };
import directoryAr from '../modules/exchange/directory/i18n/ar.json' with { type: 'json' };
import directoryEn from '../modules/exchange/directory/i18n/en.json' with { type: 'json' };
import directoryFr from '../modules/exchange/directory/i18n/fr.json' with { type: 'json' };
import liveAr from '../modules/exchange/live/i18n/ar.json' with { type: 'json' };
import liveEn from '../modules/exchange/live/i18n/en.json' with { type: 'json' };
import liveFr from '../modules/exchange/live/i18n/fr.json' with { type: 'json' };
import messagesAr from '../modules/exchange/messages/i18n/ar.json' with { type: 'json' };
import messagesEn from '../modules/exchange/messages/i18n/en.json' with { type: 'json' };
import messagesFr from '../modules/exchange/messages/i18n/fr.json' with { type: 'json' };
import countriesAr from '../modules/knowledge/countries/i18n/ar.json' with { type: 'json' };
import countriesEn from '../modules/knowledge/countries/i18n/en.json' with { type: 'json' };
import countriesFr from '../modules/knowledge/countries/i18n/fr.json' with { type: 'json' };
import importsAr from '../modules/knowledge/imports/i18n/ar.json' with { type: 'json' };
import importsEn from '../modules/knowledge/imports/i18n/en.json' with { type: 'json' };
import importsFr from '../modules/knowledge/imports/i18n/fr.json' with { type: 'json' };
import itemsAr from '../modules/knowledge/items/i18n/ar.json' with { type: 'json' };
import itemsEn from '../modules/knowledge/items/i18n/en.json' with { type: 'json' };
import itemsFr from '../modules/knowledge/items/i18n/fr.json' with { type: 'json' };
import reviewAr from '../modules/knowledge/review/i18n/ar.json' with { type: 'json' };
import reviewEn from '../modules/knowledge/review/i18n/en.json' with { type: 'json' };
import reviewFr from '../modules/knowledge/review/i18n/fr.json' with { type: 'json' };

export const AREA_TRANSLATIONS = {
  en: [noticesEn, alertsEn, attachmentsEn, liveEn, directoryEn, messagesEn, countriesEn, importsEn, itemsEn, reviewEn],
  fr: [noticesFr, alertsFr, attachmentsFr, liveFr, directoryFr, messagesFr, countriesFr, importsFr, itemsFr, reviewFr],
  ar: [noticesAr, alertsAr, attachmentsAr, liveAr, directoryAr, messagesAr, countriesAr, importsAr, itemsAr, reviewAr],
} as const;
