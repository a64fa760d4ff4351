import { Type } from '@sinclair/typebox';
import { type Static, Strict, type TSchema } from '../../contract/kit.js';
import type { NoticeKind } from './kinds.js';

export const NoticeKinds = Strict({
  newMessages: Type.Boolean({ description: 'New messages and requests for information to my units' }),
  rfiChanges: Type.Boolean({ description: 'Requests for information answered, and deadline reminders' }),
  alerts: Type.Boolean({ description: 'New and changed alerts, feedback on my alerts' }),
} satisfies Record<NoticeKind, TSchema>);

/** My e-mail notice settings. */
export const NoticePreferences = Strict({
  /** Where the mails go: the account's own address. */
  email: Type.String(),
  emailEnabled: Type.Boolean(),
  kinds: NoticeKinds,
  /** Whether this platform sends mail at all (an SMTP server is configured). */
  mailConfigured: Type.Boolean(),
});
export type NoticePreferences = Static<typeof NoticePreferences>;

/** What the settings form sends. */
export const NoticePreferencesBody = Strict({ emailEnabled: Type.Boolean(), kinds: NoticeKinds });
export type NoticePreferencesBody = Static<typeof NoticePreferencesBody>;
