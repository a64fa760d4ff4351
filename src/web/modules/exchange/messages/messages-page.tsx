import {
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  Pagination,
  SegmentedControl,
  Stack,
  Tabs,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle, ProblemAlert } from '../../../app/page.js';
import { HandlingCodeBadge, RfiFacts, useFormatTime } from './message-parts.js';
import { type Box, type Message, type MessageListSearch, messagePath, messagesQuery, PAGE_SIZE } from './messages-api.js';
import './messages.css';

function MessageRow({ message, box }: { message: Message; box: Box }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  // Only an inbox knows "unread": it means no unit of the reader has acknowledged the message yet.
  const unread = box === 'inbox' && !message.read;
  return (
    <li className="message-row" data-unread={unread || undefined}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Anchor component={Link} to={messagePath(message.id)} fw={unread ? 700 : 500} dir="auto">
          {unread ? <VisuallyHidden>{t('messages.list.unread')} </VisuallyHidden> : null}
          {message.subject}
        </Anchor>
        <HandlingCodeBadge code={message.handlingCode} />
      </Group>
      <Text size="sm" c="dimmed" component="p">
        {t('messages.list.from', { unit: message.fromUnit.name, organisation: message.fromOrganisation.name })}
        {' · '}
        <time dateTime={message.createdAt}>{formatTime(message.createdAt)}</time>
      </Text>
      <RfiFacts message={message} />
    </li>
  );
}

/** Inbox and sent box of the reader's units, filtered by kind and text, a page at a time. */
export function MessagesPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/signed-in/messages' });
  const navigate = useNavigate({ from: '/messages' });
  const box = search.box ?? 'inbox';
  const [text, setText] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(text, 300);
  const update = (next: Partial<MessageListSearch>) =>
    navigate({ search: (current: MessageListSearch) => ({ ...current, page: undefined, ...next }), replace: true });

  useEffect(() => {
    if ((debounced.trim() || undefined) !== search.q) update({ q: debounced.trim() || undefined });
    // Only a change of the typed text moves the address.
  }, [debounced]);

  const list = useQuery({ ...messagesQuery(search), placeholderData: keepPreviousData });
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageTitle description={t('messages.list.description')}>{t('messages.list.title')}</PageTitle>
        <Button component={Link} to="/messages/new">
          {t('messages.list.compose')}
        </Button>
      </Group>
      <Tabs value={box} onChange={(value) => update({ box: value === 'sent' ? 'sent' : undefined })}>
        <Tabs.List aria-label={t('messages.list.boxes')}>
          <Tabs.Tab value="inbox">
            {t('messages.list.inbox')}
            {list.data && box === 'inbox' && list.data.unread > 0
              ? ` (${t('messages.list.unreadCount', { count: list.data.unread })})`
              : ''}
          </Tabs.Tab>
          <Tabs.Tab value="sent">{t('messages.list.sent')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Card withBorder padding="md" component="section" aria-label={t('messages.list.filters')}>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            type="search"
            label={t('messages.list.search')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            maxLength={200}
            miw={260}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="message-kind-label">
              {t('messages.list.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="message-kind-label"
              value={search.kind ?? 'all'}
              onChange={(value) => update({ kind: value === 'message' || value === 'rfi' ? value : undefined })}
              data={[
                { value: 'all', label: t('common.all') },
                { value: 'message', label: t('messages.kind.messages') },
                { value: 'rfi', label: t('messages.kind.rfis') },
              ]}
            />
          </Stack>
        </Group>
      </Card>
      <ProblemAlert error={list.error} />
      <section aria-labelledby="message-list-heading">
        <Group justify="space-between" mb="xs">
          <VisuallyHidden component="h2" id="message-list-heading">
            {box === 'sent' ? t('messages.list.sent') : t('messages.list.inbox')}
          </VisuallyHidden>
          <Text size="sm" role="status">
            {list.data ? t('messages.list.count', { count: list.data.total }) : ''}
          </Text>
          {list.isFetching ? <Loader size="xs" aria-label={t('messages.list.loading')} /> : null}
        </Group>
        {list.data?.messages.length === 0 ? <Text c="dimmed">{t('messages.list.empty')}</Text> : null}
        <ul className="message-list" aria-labelledby="message-list-heading">
          {list.data?.messages.map((message) => (
            <MessageRow key={message.id} message={message} box={box} />
          ))}
        </ul>
        {pages > 1 ? (
          <Pagination
            mt="md"
            total={pages}
            value={search.page ?? 1}
            onChange={(page) =>
              navigate({ search: (current: MessageListSearch) => ({ ...current, page: page > 1 ? page : undefined }) })
            }
            getControlProps={(control) => ({ 'aria-label': t(`admin.paging.${control}`) })}
            getItemProps={(page) => ({ 'aria-label': t('admin.paging.page', { page }) })}
          />
        ) : null}
      </section>
    </Stack>
  );
}
