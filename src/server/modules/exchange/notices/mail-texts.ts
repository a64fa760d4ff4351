import type { EventType } from '../../../platform/events/record.js';

/** What a notice says, in the three languages of the web app. */
export interface MailTexts {
  headline: Record<EventType, string>;
  /** message.new of an RFI, when the mail may say so (TLP:GREEN and TLP:CLEAR). */
  newRfi: string;
  subjectLabel: string;
  titleLabel: string;
  fromLabel: string;
  open: string;
  /** Why a restricted notice says nothing more; `{code}` is the handling code. */
  restricted: string;
  why: string;
  settings: string;
}

export const MAIL_TEXTS: Record<'en' | 'fr' | 'ar', MailTexts> = {
  en: {
    headline: {
      'message.new': 'New message',
      'rfi.updated': 'Request for information updated',
      'rfi.reminder': 'Reminder: request for information awaiting an answer',
      'alert.new': 'New alert',
      'alert.updated': 'Alert updated',
      'alert.feedback': 'New feedback on an alert',
      'watchlist.changed': 'Watch-list changed',
    },
    newRfi: 'New request for information',
    subjectLabel: 'Subject',
    titleLabel: 'Title',
    fromLabel: 'From',
    open: 'Open it in Liaison',
    restricted: 'The content of a {code} record is never sent by e-mail. Sign in to Liaison to read it.',
    why: 'You receive this notice because you turned on e-mail notices in your Liaison account.',
    settings: 'Change your notices',
  },
  fr: {
    headline: {
      'message.new': 'Nouveau message',
      'rfi.updated': 'Demande d’information mise à jour',
      'rfi.reminder': 'Rappel : demande d’information en attente de réponse',
      'alert.new': 'Nouvelle alerte',
      'alert.updated': 'Alerte mise à jour',
      'alert.feedback': 'Nouveau retour sur une alerte',
      'watchlist.changed': 'Liste de surveillance modifiée',
    },
    newRfi: 'Nouvelle demande d’information',
    subjectLabel: 'Objet',
    titleLabel: 'Titre',
    fromLabel: 'De',
    open: 'Ouvrir dans Liaison',
    restricted: 'Le contenu d’un élément {code} n’est jamais envoyé par courriel. Connectez-vous à Liaison pour le lire.',
    why: 'Vous recevez cet avis parce que vous avez activé les avis par courriel dans votre compte Liaison.',
    settings: 'Modifier vos avis',
  },
  ar: {
    headline: {
      'message.new': 'رسالة جديدة',
      'rfi.updated': 'تحديث طلب معلومات',
      'rfi.reminder': 'تذكير: طلب معلومات في انتظار الرد',
      'alert.new': 'تنبيه جديد',
      'alert.updated': 'تحديث تنبيه',
      'alert.feedback': 'ملاحظات جديدة على تنبيه',
      'watchlist.changed': 'تعديل قائمة مراقبة',
    },
    newRfi: 'طلب معلومات جديد',
    subjectLabel: 'الموضوع',
    titleLabel: 'العنوان',
    fromLabel: 'من',
    open: 'افتحه في ليازون',
    restricted: 'لا يُرسَل محتوى عنصر مصنَّف {code} بالبريد الإلكتروني أبدًا. سجّل الدخول إلى ليازون لقراءته.',
    why: 'تتلقى هذا الإشعار لأنك فعّلت إشعارات البريد الإلكتروني في حسابك على ليازون.',
    settings: 'تعديل إشعاراتك',
  },
};

export const mailTexts = (locale: string): MailTexts => MAIL_TEXTS[locale as 'en'] ?? MAIL_TEXTS.en;
