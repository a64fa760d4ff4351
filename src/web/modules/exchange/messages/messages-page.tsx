import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  SegmentedControl,
  Select,
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
import { meQuery } from '../../../api/session.js';
import { isolate } from '../../../app/bidi.js';
import { useCan } from '../../../app/capabilities.js';
import { ListPagination } from '../../../app/list-pagination.js';
import { PageTitle, ProblemAlert } from '../../../app/page.js';
import { HandlingCodeBadge, RfiFacts, useFormatTime } from './message-parts.js';
import {
  BOXES,
  type Box,
  type Message,
  type MessageListSearch,
  messagePath,
  messagesQuery,
  PAGE_SIZE,
  unreadByUnitQuery,
} from './messages-api.js';
import { RfiTracker } from './rfi-tracker.js';
import './messages.css';

const BOX_LABELS: Record<Box, string> = {
  inbox: 'messages.list.inbox',
  archive: 'messages.list.archive',
  sent: 'messages.list.sent',
  all: 'messages.list.all',
};

function MessageRow({ message, box, context }: { message: Message; box: Box; context: MessageListSearch }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  // Only an inbox knows "unread": it means the unit has not acknowledged the message yet.
  const unread = box === 'inbox' && !message.read;
  return (
    <li className="message-row" data-unread={unread || undefined}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Anchor component={Link} to={messagePath(message.id)} search={context as never} fw={unread ? 700 : 500} dir="auto">
          {unread ? <VisuallyHidden>{t('messages.list.unread')} </VisuallyHidden> : null}
          <bdi>{message.subject}</bdi>
        </Anchor>
        <HandlingCodeBadge code={message.handlingCode} />
      </Group>
      <Text size="sm" c="dimmed" component="p">
        {t('messages.list.from', { unit: isolate(message.fromUnit.name), organisation: isolate(message.fromOrganisation.name) })}
        {' · '}
        <time dateTime={message.createdAt}>{formatTime(message.createdAt)}</time>
      </Text>
      <RfiFacts message={message} />
    </li>
  );
}

/** Which unit's boxes are shown: the one in the address if it is the reader's, else the first. */
function useCurrentUnit(search: MessageListSearch) {
  const { data: me } = useQuery(meQuery);
  const units = me?.units ?? [];
  const unit = units.find((candidate) => candidate.id === search.unit) ?? units[0];
  return { units, unit };
}

function UnitSelect({ search, onChange }: { search: MessageListSearch; onChange: (unit: string) => void }) {
  const { t } = useTranslation();
  const { units, unit } = useCurrentUnit(search);
  const counts = useQuery(unreadByUnitQuery).data;
  if (units.length < 2 || !unit) return null;
  const unreadOf = (id: string) => counts?.units.find((entry) => entry.unitId === id)?.unread ?? 0;
  return (
    <Select
      label={t('messages.list.unit')}
      data={units.map((candidate) => ({
        value: candidate.id,
        label: unreadOf(candidate.id)
          ? t('messages.list.unitWithUnread', { unit: candidate.name, count: unreadOf(candidate.id) })
          : candidate.name,
      }))}
      value={unit.id}
      onChange={(value) => value && onChange(value)}
      allowDeselect={false}
      miw={260}
    />
  );
}

/**
 * A unit's inbox, archive and sent box, or every message the reader may see (search across boxes);
 * filtered by kind and text, a page at a time. Requests for information show as a tracker table.
 */
export function MessagesPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/signed-in/messages' });
  const navigate = useNavigate({ from: '/messages' });
  const { units, unit } = useCurrentUnit(search);
  const unitLess = units.length === 0;
  const maySend = useCan('message.send');
  // Without a unit there is no inbox: everything visible is the only box.
  const box: Box = unitLess ? 'all' : (search.box ?? 'inbox');
  const [text, setText] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(text, 300);
  const update = (next: Partial<MessageListSearch>) =>
    navigate({ search: (current: MessageListSearch) => ({ ...current, page: undefined, ...next }), replace: true });

  useEffect(() => {
    if ((debounced.trim() || undefined) !== search.q) update({ q: debounced.trim() || undefined });
    // Only a change of the typed text moves the address.
  }, [debounced]);

  const query = { ...search, box, unit: box === 'all' ? undefined : unit?.id };
  const list = useQuery({ ...messagesQuery(query), placeholderData: keepPreviousData });
  const unreadCounts = useQuery({ ...unreadByUnitQuery, enabled: !unitLess }).data;
  const unread = unreadCounts?.units.find((entry) => entry.unitId === unit?.id)?.unread ?? 0;
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));
  const boxes = unitLess ? (['all'] as const) : BOXES;
  const tracker = search.kind === 'rfi';
  // The message page learns from its address which box it was opened from (for Archive / Back to inbox).
  const context: MessageListSearch = { box: search.box, unit: search.unit };
  // (`as never` below: Mantine's polymorphic Anchor hides the router's types of `search`.)

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageTitle description={t('messages.list.description')}>{t('messages.list.title')}</PageTitle>
        {maySend ? (
          <Button component={Link} to="/messages/new">
            {t('messages.list.compose')}
          </Button>
        ) : null}
      </Group>
      {unitLess ? (
        <Alert variant="light" color="liaison" title={t('messages.list.noUnitTitle')}>
          {t('messages.list.noUnit')}
        </Alert>
      ) : null}
      <Group align="flex-end" justify="space-between" wrap="wrap">
        <Tabs value={box} onChange={(value) => update({ box: value === 'inbox' ? undefined : (value as Box) })}>
          <Tabs.List aria-label={t('messages.list.boxes')}>
            {boxes.map((value) => (
              <Tabs.Tab key={value} value={value}>
                {t(BOX_LABELS[value])}
                {value === 'inbox' && unread > 0 ? ` (${t('messages.list.unreadCount', { count: unread })})` : ''}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <UnitSelect search={search} onChange={(id) => update({ unit: id })} />
      </Group>
      <Card withBorder padding="md" component="section" aria-label={t('messages.list.filters')}>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            type="search"
            label={box === 'all' ? t('messages.list.searchAll') : t('messages.list.search')}
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
            {tracker ? t('messages.tracker.title', { box: t(BOX_LABELS[box]) }) : t(BOX_LABELS[box])}
          </VisuallyHidden>
          <Text size="sm" role="status">
            {list.data ? t('messages.list.count', { count: list.data.total }) : ''}
          </Text>
          {list.isFetching ? <Loader size="xs" aria-label={t('messages.list.loading')} /> : null}
        </Group>
        {list.data?.messages.length === 0 ? <Text c="dimmed">{t('messages.list.empty')}</Text> : null}
        {tracker && list.data?.messages.length ? (
          <RfiTracker messages={list.data.messages} labelledBy="message-list-heading" context={context} />
        ) : (
          <ul className="message-list" aria-labelledby="message-list-heading">
            {list.data?.messages.map((message) => (
              <MessageRow key={message.id} message={message} box={box} context={context} />
            ))}
          </ul>
        )}
        <ListPagination
          pages={pages}
          page={search.page ?? 1}
          onChange={(page) =>
            navigate({ search: (current: MessageListSearch) => ({ ...current, page: page > 1 ? page : undefined }) })
          }
        />
      </section>
    </Stack>
  );
}
