import { Anchor, Card, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bidi } from '../../../app/bidi.js';
import { useCan } from '../../../app/capabilities.js';
import { formatDateTime, formatNumber } from '../../../app/format.js';
import { ListPagination } from '../../../app/list-pagination.js';
import { NotAllowedPage, PageTitle, ProblemAlert } from '../../../app/page.js';
import { ScreeningNav } from '../screening/screening-nav.js';
import { BatchStatusBadge } from './batch-parts.js';
import { BatchUpload } from './batch-upload.js';
import { BATCHES_PER_PAGE, batchesQuery, batchPath } from './batches-api.js';

/** Earlier batches of my units: when, which file, how far, how many hits. */
function EarlierBatches() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const batches = useQuery({ ...batchesQuery(page), placeholderData: keepPreviousData });
  const items = batches.data?.items ?? [];
  const n = (count: number) => formatNumber(count, i18n.language);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="earlier-batches">
      <Stack>
        <Title order={2} size="h4" id="earlier-batches">
          {t('watchlistBatches.list.title')}
        </Title>
        <ProblemAlert error={batches.error} />
        {batches.isPending ? <Skeleton h={60} aria-hidden="true" /> : null}
        {batches.data && items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('watchlistBatches.list.none')}
          </Text>
        ) : null}
        {items.length ? (
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('watchlistBatches.list.file')}</Table.Th>
                  <Table.Th>{t('watchlistBatches.list.when')}</Table.Th>
                  <Table.Th>{t('watchlistBatches.list.status')}</Table.Th>
                  <Table.Th>{t('watchlistBatches.list.lines')}</Table.Th>
                  <Table.Th>{t('watchlistBatches.list.hits')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((batch) => (
                  <Table.Tr key={batch.id} data-testid="batch-row">
                    <Table.Td>
                      <Anchor component={Link} to={batchPath(batch.id)} fw={600}>
                        <Bidi>{batch.fileName}</Bidi>
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <time dateTime={batch.createdAt}>{formatDateTime(batch.createdAt, i18n.language)}</time>
                    </Table.Td>
                    <Table.Td>
                      <BatchStatusBadge batch={batch} />
                    </Table.Td>
                    <Table.Td>
                      {t('watchlistBatches.list.progress', { processed: n(batch.processedLines), total: n(batch.totalLines) })}
                    </Table.Td>
                    <Table.Td>{n(batch.hits)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        <ListPagination pages={Math.ceil((batches.data?.total ?? 0) / BATCHES_PER_PAGE)} page={page} onChange={setPage} />
      </Stack>
    </Card>
  );
}

/** `/screening/batches`: screen a CSV file of names, and the batches screened before. */
export function BatchesPage() {
  const { t } = useTranslation();
  const mayScreen = useCan('screening.run');
  const navigate = useNavigate();
  if (!mayScreen) return <NotAllowedPage />;
  return (
    <Stack>
      <PageTitle description={t('watchlistBatches.intro')}>{t('watchlistBatches.title')}</PageTitle>
      <ScreeningNav current="batch" />
      <BatchUpload onStarted={(batch) => void navigate({ to: batchPath(batch.id) })} />
      <EarlierBatches />
    </Stack>
  );
}
