import { Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ChangeOp } from '../../../../shared/watchlists/vocabulary.js';
import { Bidi, Ltr } from '../../../app/bidi.js';
import { formatDateTime, formatNumber } from '../../../app/format.js';
import { ProblemAlert } from '../../../app/page.js';
import type { WatchlistDetail } from '../lists/lists-api.js';
import { PurposeGate } from '../purpose.js';
import { changesQuery, type WatchlistChange } from './entries-api.js';
import { Names } from './entry-parts.js';

const OP_COLOURS: Record<ChangeOp, string> = { add: 'green', amend: 'blue', remove: 'red', renew: 'teal' };

function Row({ change }: { change: WatchlistChange }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.Tr data-testid="change-row" data-seq={change.seq}>
      <Table.Td>{formatNumber(change.seq, i18n.language)}</Table.Td>
      <Table.Td>
        <Badge color={OP_COLOURS[change.op]} variant="light">
          {t(`watchlistEntries.op.${change.op}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Ltr>{change.reference}</Ltr>
      </Table.Td>
      <Table.Td>
        <time dateTime={change.changedAt}>{formatDateTime(change.changedAt, i18n.language)}</time>
      </Table.Td>
      <Table.Td>{change.changedBy ? <Bidi>{change.changedBy.name}</Bidi> : t('watchlistEntries.changes.system')}</Table.Td>
      <Table.Td>
        {change.entry ? <Names names={change.entry.names} /> : <Text c="dimmed">{t('watchlistEntries.changes.removed')}</Text>}
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * The list's changes, oldest first, as a subscriber receives them: each page asks for the changes
 * after the last one received (`since`), and a `watchlist.changed` event refreshes the feed.
 */
function Feed({ detail, purpose }: { detail: WatchlistDetail; purpose: string }) {
  const { t, i18n } = useTranslation();
  const feed = useInfiniteQuery(changesQuery(detail.id, purpose));
  const changes = feed.data?.pages.flatMap((page) => page.changes) ?? [];
  const lastSeq = feed.data?.pages.at(-1)?.lastSeq ?? 0;
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" role="status" data-testid="changes-count">
          {feed.data
            ? t('watchlistEntries.changes.count', { count: changes.length, last: formatNumber(lastSeq, i18n.language) })
            : ''}
        </Text>
        {feed.isFetching ? <Loader size="xs" aria-label={t('watchlistEntries.loading')} /> : null}
      </Group>
      <ProblemAlert error={feed.error} />
      {feed.data && changes.length === 0 ? <Text c="dimmed">{t('watchlistEntries.changes.empty')}</Text> : null}
      {changes.length ? (
        <Table.ScrollContainer minWidth={820}>
          <Table striped aria-label={t('watchlistEntries.changes.title')} data-testid="changes-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('watchlistEntries.changes.seq')}</Table.Th>
                <Table.Th scope="col">{t('watchlistEntries.changes.op')}</Table.Th>
                <Table.Th scope="col">{t('watchlistEntries.fields.reference')}</Table.Th>
                <Table.Th scope="col">{t('watchlistEntries.changes.when')}</Table.Th>
                <Table.Th scope="col">{t('watchlistEntries.changes.who')}</Table.Th>
                <Table.Th scope="col">{t('watchlistEntries.changes.namesAfter')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.map((change) => (
                <Row key={change.seq} change={change} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <Group>
        <Button
          variant="default"
          onClick={() => (feed.hasNextPage ? feed.fetchNextPage() : feed.refetch())}
          loading={feed.isFetchingNextPage}
        >
          {t('watchlistEntries.changes.loadNewer')}
        </Button>
      </Group>
    </Stack>
  );
}

export function ChangesTab({ detail }: { detail: WatchlistDetail }) {
  return <PurposeGate>{(purpose) => <Feed detail={detail} purpose={purpose} />}</PurposeGate>;
}
