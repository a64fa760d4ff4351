import { type Static, Type } from '@sinclair/typebox';
import { Strict } from '../../../platform/http/schemas.js';

const Kinds = Strict({
  newMessages: Type.Boolean({ description: 'New messages and requests for information to my units' }),
  rfiChanges: Type.Boolean({ description: 'Requests for information answered, and deadline reminders' }),
  alerts: Type.Boolean({ description: 'New and changed alerts, feedback on my alerts' }),
});

export const NoticePreferencesBody = Strict({ emailEnabled: Type.Boolean(), kinds: Kinds });
export type NoticePreferencesBody = Static<typeof NoticePreferencesBody>;

export const NoticePreferencesResponse = Strict({
  /** Where the mails go: the account's own address. */
  email: Type.String(),
  emailEnabled: Type.Boolean(),
  kinds: Kinds,
  /** Whether this platform sends mail at all (an SMTP server is configured). */
  mailConfigured: Type.Boolean(),
});
