import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandlingCode } from '../../../../shared/handling-codes.js';
import { formatDateTime, formatRelative } from '../../../app/format.js';
import { HandlingCodePicker } from '../../../app/handling-code-picker.js';
import type { Message, RfiStatus } from './messages-api.js';

// The picker lives with the other recipient helpers; alerts import it from here.
export { RecipientPicker } from './recipients.js';

/** Translation keys of the handling codes (i18n keys cannot hold `:` or `+`). */
const CODE_KEYS: Record<HandlingCode, string> = {
  'TLP:RED': 'red',
  'TLP:AMBER+STRICT': 'amberStrict',
  'TLP:AMBER': 'amber',
  'TLP:GREEN': 'green',
  'TLP:CLEAR': 'clear',
};

/** The code in its traffic-light colour, with text colours chosen for contrast (see messages.css). */
export function HandlingCodeBadge({ code }: { code: HandlingCode }) {
  return (
    <span className={`tlp-badge tlp-${CODE_KEYS[code]}`} dir="ltr">
      {code}
    </span>
  );
}

export function RfiStatusTag({ status }: { status: RfiStatus }) {
  const { t } = useTranslation();
  return <span className={`message-tag message-status-${status}`}>{t(`messages.status.${status}`)}</span>;
}

/** When an instant was, in the reader's language and time zone. */
export function useFormatTime() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    return (iso: string) => formatDateTime(iso, i18n.language);
  }, [i18n.language]);
}

/** What an RFI asks of its recipients: deadline, status and priority; nothing for a plain message. */
export function RfiFacts({ message }: { message: Message }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  if (message.kind !== 'rfi') return null;
  return (
    <span className="message-facts">
      <span className="message-tag">{t('messages.kind.rfi')}</span>
      {message.status ? <RfiStatusTag status={message.status} /> : null}
      {message.deadline ? <span>{t('messages.deadlineOn', { time: formatTime(message.deadline) })}</span> : null}
      <span>{t('messages.priorityIs', { priority: t(`messages.priority.${message.priority}`) })}</span>
    </span>
  );
}

/**
 * The body as the server rendered its Markdown: the server escapes raw HTML and keeps only safe
 * links, so this HTML is trusted as it comes. Without it (an older answer) the text is shown as is.
 */
export function MessageBody({ body, html }: { body: string; html?: string }) {
  if (html === undefined) {
    return (
      <div className="message-body message-body-plain" dir="auto">
        {body}
      </div>
    );
  }
  return <div className="message-body markdown-body" dir="auto" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** "in 3 days", "2 hours ago": how far an instant is from now, in the reader's language. */
export function useRelativeTime() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    return (iso: string, now = Date.now()) => formatRelative(iso, now, i18n.language);
  }, [i18n.language]);
}

/** The shared picker, each code explained for a message; a reply offers only its thread's code or stricter ones. */
export function MessageHandlingCodePicker({
  value,
  onChange,
  loosest,
}: {
  value: HandlingCode;
  onChange: (code: HandlingCode) => void;
  loosest?: HandlingCode;
}) {
  const { t } = useTranslation();
  return (
    <HandlingCodePicker
      label={t('messages.compose.handlingCode')}
      description={loosest ? t('messages.compose.replyCodeHint', { code: loosest }) : t('messages.compose.handlingCodeHint')}
      explain={(code) => t(`messages.codes.${CODE_KEYS[code]}`)}
      value={value}
      onChange={onChange}
      loosest={loosest}
    />
  );
}
