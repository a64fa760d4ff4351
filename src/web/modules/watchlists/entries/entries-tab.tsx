import { Button, Card, Group, Loader, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTRY_STATUSES, type EntryStatus, REVIEW_STATES, type ReviewState } from '../../../../shared/watchlists/vocabulary.js';
import { Ltr } from '../../../app/bidi.js';
import { formatDate } from '../../../app/format.js';
import { ProblemAlert } from '../../../app/page.js';
import type { WatchlistDetail } from '../lists/lists-api.js';
import { PurposeGate } from '../purpose.js';
import { type EntryFilters, entriesQuery, type WatchlistEntry } from './entries-api.js';
import { EntryActions } from './entry-actions.js';
import { EntryDialog, typedDirection } from './entry-form.js';
import { birthDateText, EntryStatusBadge, Names, nationalitiesText, ReviewStateBadge } from './entry-parts.js';

/** Filters by review state and status, and a name search (through the screening index; never in the address). */
function Filters({ filters, onChange }: { filters: EntryFilters; onChange: (next: EntryFilters) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...filters, q: q.trim() || undefined });
  };
  return (
    <search aria-label={t('watchlistEntries.filters.label')}>
      <form onSubmit={submit}>
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('watchlistEntries.fields.review')}
            data={REVIEW_STATES.map((state) => ({ value: state, label: t(`watchlistEntries.review.${state}`) }))}
            value={filters.review ?? null}
            onChange={(review) => onChange({ ...filters, review: (review as ReviewState | null) ?? undefined })}
            placeholder={t('common.all')}
            clearable
            miw={160}
          />
          <Select
            label={t('watchlistEntries.fields.status')}
            data={ENTRY_STATUSES.map((status) => ({ value: status, label: t(`watchlistEntries.status.${status}`) }))}
            value={filters.status ?? null}
            onChange={(status) => onChange({ ...filters, status: (status as EntryStatus | null) ?? undefined })}
            placeholder={t('common.all')}
            clearable
            miw={160}
          />
          <TextInput
            label={t('watchlistEntries.filters.name')}
            description={t('watchlistEntries.filters.nameHint')}
            value={q}
            ref={typedDirection}
            onChange={(event) => setQ(event.currentTarget.value)}
            maxLength={200}
            autoComplete="off"
            miw={240}
          />
          <Button type="submit">{t('watchlistEntries.filters.find')}</Button>
        </Group>
      </form>
    </search>
  );
}

function Row({ entry, detail }: { entry: WatchlistEntry; detail: WatchlistDetail }) {
  const { i18n } = useTranslation();
  const editable = detail.permissions.edit && detail.status === 'active' && entry.status === 'active';
  return (
    <Table.Tr data-testid="entry-row">
      <Table.Td>
        <Ltr>{entry.reference}</Ltr>
      </Table.Td>
      <Table.Td>
        <Names names={entry.names} />
      </Table.Td>
      <Table.Td>{birthDateText(entry.birthDate, i18n.language)}</Table.Td>
      <Table.Td>{nationalitiesText(entry.nationalities, i18n.language)}</Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <ReviewStateBadge state={entry.reviewState} />
          <Text size="xs" c="dimmed">
            <time dateTime={entry.reviewDate}>{formatDate(entry.reviewDate, i18n.language)}</time>
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <EntryStatusBadge status={entry.status} />
      </Table.Td>
      <Table.Td>{editable ? <EntryActions listId={detail.id} entry={entry} /> : null}</Table.Td>
    </Table.Tr>
  );
}

function EntriesTable({ detail, purpose }: { detail: WatchlistDetail; purpose: string }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<EntryFilters>({ status: 'active' });
  const [adding, setAdding] = useState(false);
  const list = useInfiniteQuery({ ...entriesQuery(detail.id, purpose, filters), placeholderData: keepPreviousData });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total;
  const mayAdd = detail.permissions.edit && detail.status === 'active';
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Card withBorder padding="md" style={{ flex: 1 }}>
          <Filters filters={filters} onChange={setFilters} />
        </Card>
        {mayAdd ? <Button onClick={() => setAdding(true)}>{t('watchlistEntries.actions.add')}</Button> : null}
      </Group>
      <Group justify="space-between">
        <Text size="sm" role="status" data-testid="entries-count">
          {total === undefined ? '' : t('watchlistEntries.list.count', { count: total })}
        </Text>
        {list.isFetching ? <Loader size="xs" aria-label={t('watchlistEntries.loading')} /> : null}
      </Group>
      <ProblemAlert error={list.error} />
      {list.data && items.length === 0 ? <Text c="dimmed">{t('watchlistEntries.list.empty')}</Text> : null}
      {items.length ? (
        <Table.ScrollContainer minWidth={900}>
          <Table striped aria-label={t('watchlistEntries.list.title')} data-testid="entries-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('watchlistEntries.fields.reference')}</Table.Th>
                <Table.Th scope="col">{t('watchlistEntries.fields.names')}</Table.Th>
                <Table.Th scope="col">{t('watchlistEntries.fields.birthDate')}</Table.Th>
                <Table.Th scope="col">{t('watchlistEntries.fields.nationalities')}</Table.Th>
                <Table.Th scope="col">{t('watchlistEntries.fields.review')}</Table.Th>
                <Table.Th scope="col">{t('watchlistEntries.fields.status')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((entry) => (
                <Row key={entry.id} entry={entry} detail={detail} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {list.hasNextPage ? (
        <Group>
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('watchlistEntries.list.more')}
          </Button>
        </Group>
      ) : null}
      {adding ? <EntryDialog listId={detail.id} opened onClose={() => setAdding(false)} /> : null}
    </Stack>
  );
}

/** The entries of a list, once the reader has stated why they read them. */
export function EntriesTab({ detail }: { detail: WatchlistDetail }) {
  return <PurposeGate>{(purpose) => <EntriesTable detail={detail} purpose={purpose} />}</PurposeGate>;
}
