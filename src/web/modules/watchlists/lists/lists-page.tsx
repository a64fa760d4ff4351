import { Anchor, Button, Card, Checkbox, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bidi } from '../../../app/bidi.js';
import { useCan } from '../../../app/capabilities.js';
import { formatDate, formatNumber } from '../../../app/format.js';
import { ListPagination } from '../../../app/list-pagination.js';
import { NotAllowedPage, PageTitle, ProblemAlert } from '../../../app/page.js';
import { HandlingCodeBadge } from '../../exchange/messages/message-parts.js';
import '../../exchange/messages/messages.css';
import { DueBadge, ListStatusBadge } from './list-parts.js';
import { PAGE_SIZE, type WatchlistSummary, watchlistPath, watchlistsQuery } from './lists-api.js';
import type { WatchlistSearch } from './lists-search.js';

function Row({ item }: { item: WatchlistSummary }) {
  const { i18n } = useTranslation();
  return (
    <Table.Tr data-testid="watchlist-row">
      <Table.Td>
        <Anchor component={Link} to={watchlistPath(item.id)} fw={600}>
          <Bidi>{item.name}</Bidi>
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Bidi>{item.ownerUnit.name}</Bidi>
        <Text size="xs" c="dimmed">
          <Bidi>{item.ownerUnit.organisationName}</Bidi>
        </Text>
      </Table.Td>
      <Table.Td>
        <HandlingCodeBadge code={item.handlingCode} />
      </Table.Td>
      <Table.Td>
        <Group gap={6}>
          {formatNumber(item.activeEntries, i18n.language)}
          <DueBadge count={item.dueForReview} />
        </Group>
      </Table.Td>
      <Table.Td>
        <ListStatusBadge status={item.status} />
      </Table.Td>
      <Table.Td>
        <time dateTime={item.updatedAt}>{formatDate(item.updatedAt, i18n.language)}</time>
      </Table.Td>
    </Table.Tr>
  );
}

function Filters({ search, update }: { search: WatchlistSearch; update: (next: Partial<WatchlistSearch>) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(search.q ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ q: q.trim() || undefined, page: undefined });
  };
  return (
    <search aria-label={t('watchlistLists.list.filters')}>
      <form onSubmit={submit}>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('watchlistLists.list.search')}
            value={q}
            onChange={(event) => setQ(event.currentTarget.value)}
            maxLength={200}
            dir="auto"
            miw={260}
          />
          <Button type="submit">{t('watchlistLists.list.find')}</Button>
          <Checkbox
            label={t('watchlistLists.list.mine')}
            checked={!!search.mine}
            onChange={(event) => update({ mine: event.currentTarget.checked || undefined, page: undefined })}
            mb={8}
          />
        </Group>
      </form>
    </search>
  );
}

/** The watch-lists the reader may see: who keeps them, under which code, and how many entries wait for review. */
export function WatchlistsPage() {
  const { t } = useTranslation();
  const mayRead = useCan('watchlist.read');
  const mayCreate = useCan('watchlist.create');
  const search = useSearch({ from: '/signed-in/watchlists' });
  const navigate = useNavigate({ from: '/watchlists' });
  const update = (next: Partial<WatchlistSearch>) =>
    navigate({ search: (current: WatchlistSearch) => ({ ...current, ...next }), replace: true });
  const list = useQuery({ ...watchlistsQuery(search), placeholderData: keepPreviousData, enabled: mayRead });
  if (!mayRead) return <NotAllowedPage />;
  const items = list.data?.items ?? [];
  const pages = Math.ceil((list.data?.total ?? 0) / PAGE_SIZE);

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageTitle description={t('watchlistLists.list.description')}>{t('watchlistLists.list.title')}</PageTitle>
        {mayCreate ? (
          <Button component={Link} to="/watchlists/new">
            {t('watchlistLists.list.create')}
          </Button>
        ) : null}
      </Group>
      <Card withBorder padding="md">
        <Filters search={search} update={update} />
      </Card>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" role="status" data-testid="watchlists-count">
          {list.data ? t('watchlistLists.list.count', { count: list.data.total }) : ''}
        </Text>
        {list.isFetching ? <Loader size="xs" aria-label={t('watchlistLists.loading')} /> : null}
      </Group>
      <ProblemAlert error={list.error} />
      {list.data && items.length === 0 ? <Text c="dimmed">{t('watchlistLists.list.empty')}</Text> : null}
      {items.length ? (
        <Table.ScrollContainer minWidth={820}>
          <Table striped aria-label={t('watchlistLists.list.title')} data-testid="watchlists-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('watchlistLists.fields.name')}</Table.Th>
                <Table.Th scope="col">{t('watchlistLists.fields.ownerUnit')}</Table.Th>
                <Table.Th scope="col">{t('watchlistLists.fields.handlingCode')}</Table.Th>
                <Table.Th scope="col">{t('watchlistLists.fields.activeEntries')}</Table.Th>
                <Table.Th scope="col">{t('watchlistLists.fields.status')}</Table.Th>
                <Table.Th scope="col">{t('watchlistLists.fields.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Row key={item.id} item={item} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <ListPagination pages={pages} page={search.page ?? 1} onChange={(page) => update({ page: page > 1 ? page : undefined })} />
    </Stack>
  );
}
