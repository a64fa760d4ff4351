import { Anchor, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatList } from '../../../app/format.js';
import { RfiStatusTag, useFormatTime, useRelativeTime } from './message-parts.js';
import { type Message, type MessageListSearch, messagePath } from './messages-api.js';
import { useRecipientNames } from './recipients.js';

type Order = 'ascending' | 'descending';

/** Requests without a deadline go last whichever way the column is sorted. */
function byDeadline(order: Order) {
  const sign = order === 'ascending' ? 1 : -1;
  return (a: Message, b: Message) => {
    if (!a.deadline || !b.deadline) return a.deadline ? -1 : b.deadline ? 1 : 0;
    return sign * (new Date(a.deadline).getTime() - new Date(b.deadline).getTime());
  };
}

function Deadline({ message }: { message: Message }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const relative = useRelativeTime();
  if (!message.deadline) return <Text c="dimmed">{t('messages.tracker.noDeadline')}</Text>;
  const overdue = message.status === 'overdue';
  return (
    <span className="rfi-deadline" data-overdue={overdue || undefined}>
      {/* Said in words as well as in colour. */}
      {overdue ? <strong>{t('messages.tracker.overdue')} </strong> : null}
      <time dateTime={message.deadline}>{formatTime(message.deadline)}</time>
      <span className="rfi-deadline-relative"> ({relative(message.deadline)})</span>
    </span>
  );
}

/**
 * Requests for information of the current page as a table: who asked whom, by when, and where
 * each stands. Sorting by deadline happens here, within the page.
 */
interface RfiTrackerProps {
  messages: Message[];
  labelledBy: string;
  /** The list's box and unit, carried to the message page. */
  context: MessageListSearch;
}

export function RfiTracker({ messages, labelledBy, context }: RfiTrackerProps) {
  const { t } = useTranslation();
  const names = useRecipientNames();
  const [order, setOrder] = useState<Order | null>(null);
  const rows = useMemo(() => (order ? [...messages].sort(byDeadline(order)) : messages), [messages, order]);
  const nextOrder: Order = order === 'ascending' ? 'descending' : 'ascending';
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table className="rfi-tracker" aria-labelledby={labelledBy} striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('messages.tracker.subject')}</Table.Th>
            <Table.Th scope="col">{t('messages.tracker.fromTo')}</Table.Th>
            <Table.Th scope="col">{t('messages.tracker.priority')}</Table.Th>
            <Table.Th scope="col" aria-sort={order ?? 'none'}>
              <UnstyledButton className="rfi-sort" onClick={() => setOrder(nextOrder)}>
                {t('messages.tracker.deadline')}
                <span aria-hidden="true">{order === 'ascending' ? ' ▲' : order === 'descending' ? ' ▼' : ' ↕'}</span>
                <VisuallyHidden>
                  {t(nextOrder === 'ascending' ? 'messages.tracker.sortAscending' : 'messages.tracker.sortDescending')}
                </VisuallyHidden>
              </UnstyledButton>
            </Table.Th>
            <Table.Th scope="col">{t('messages.tracker.status')}</Table.Th>
            <Table.Th scope="col">{t('messages.tracker.acknowledged')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((message) => {
            const to = names(message.distribution).all;
            return (
              <Table.Tr key={message.id} data-rfi-id={message.id}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={messagePath(message.id)}
                    search={context as never}
                    fw={message.read ? 500 : 700}
                    dir="auto"
                  >
                    <bdi>{message.subject}</bdi>
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t('messages.tracker.from', { unit: message.fromUnit.name })}</Text>
                  <Text size="sm">{t('messages.tracker.to', { recipients: to.length ? formatList(to) : '—' })}</Text>
                </Table.Td>
                <Table.Td>{t(`messages.priority.${message.priority}`)}</Table.Td>
                <Table.Td>
                  <Deadline message={message} />
                </Table.Td>
                <Table.Td>{message.status ? <RfiStatusTag status={message.status} /> : null}</Table.Td>
                <Table.Td>{t('messages.tracker.units', { count: message.acknowledgementCount })}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
