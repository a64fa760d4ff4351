import { MultiSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandlingCode } from '../../../../shared/handling-codes.js';
import { HandlingCodePicker } from '../../../app/handling-code-picker.js';
import { ProblemAlert } from '../../../app/page.js';
import { type Message, type RfiStatus, sharingGroupsQuery, unitsQuery } from './messages-api.js';

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
    const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
    return (iso: string) => format.format(new Date(iso));
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

/** The Markdown body shown as plain text with its line breaks: never injected as HTML. */
export function MessageBody({ body }: { body: string }) {
  return (
    <div className="message-body" dir="auto">
      {body}
    </div>
  );
}

/** The shared picker, each code explained for a message. */
export function MessageHandlingCodePicker({ value, onChange }: { value: HandlingCode; onChange: (code: HandlingCode) => void }) {
  const { t } = useTranslation();
  return (
    <HandlingCodePicker
      label={t('messages.compose.handlingCode')}
      description={t('messages.compose.handlingCodeHint')}
      explain={(code) => t(`messages.codes.${CODE_KEYS[code]}`)}
      value={value}
      onChange={onChange}
    />
  );
}

/** Units grouped by organisation (and each whole organisation), sharing groups, and all partners. */
function useRecipientOptions() {
  const { t, i18n } = useTranslation();
  const units = useQuery(unitsQuery);
  const groups = useQuery(sharingGroupsQuery);
  const data = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    const byOrganisation = new Map<string, { name: string; id: string; items: { value: string; label: string }[] }>();
    for (const unit of units.data?.items ?? []) {
      const organisation = unit.organisation;
      const entry = byOrganisation.get(organisation.id) ?? { name: organisation.name, id: organisation.id, items: [] };
      entry.items.push({
        value: `unit:${unit.id}`,
        label: t('messages.recipients.unit', { unit: unit.name, organisation: organisation.acronym ?? organisation.name }),
      });
      byOrganisation.set(organisation.id, entry);
    }
    const organisations = [...byOrganisation.values()].sort((a, b) => collator.compare(a.name, b.name));
    return [
      {
        group: t('messages.recipients.everyone'),
        items: [{ value: 'all_partners', label: t('messages.recipients.allPartners') }],
      },
      {
        group: t('messages.recipients.sharingGroups'),
        items: (groups.data?.items ?? []).map((group) => ({ value: `sharing_group:${group.id}`, label: group.name })),
      },
      ...organisations.map((organisation) => ({
        group: organisation.name,
        items: [
          {
            value: `organisation:${organisation.id}`,
            label: t('messages.recipients.wholeOrganisation', { organisation: organisation.name }),
          },
          ...organisation.items,
        ],
      })),
    ].filter((group) => group.items.length > 0);
  }, [units.data, groups.data, t, i18n.language]);
  return { data, error: units.error ?? groups.error, loading: units.isPending || groups.isPending };
}

interface RecipientPickerProps {
  value: string[];
  onChange: (value: string[]) => void;
  error?: string | null;
}

export function RecipientPicker({ value, onChange, error }: RecipientPickerProps) {
  const { t } = useTranslation();
  const options = useRecipientOptions();
  return (
    <>
      <MultiSelect
        label={t('messages.compose.recipients')}
        description={t('messages.compose.recipientsHint')}
        data={options.data}
        value={value}
        onChange={onChange}
        searchable
        clearable
        required
        disabled={options.loading}
        nothingFoundMessage={t('common.nothingFound')}
        error={error}
      />
      <ProblemAlert error={options.error} />
    </>
  );
}
