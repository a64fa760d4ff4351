/** Kinds of e-mail notices a user may choose (plain data: the web app imports it as a value). */
export const NOTICE_KINDS = ['newMessages', 'rfiChanges', 'alerts'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
