import { Alert, Anchor, Card, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.js';
import { queryClient } from '../../../api/session.js';
import { Bidi, isolate, Ltr } from '../../../app/bidi.js';
import { useCan } from '../../../app/capabilities.js';
import { formatDateTime, formatNumber } from '../../../app/format.js';
import { ListPagination } from '../../../app/list-pagination.js';
import { NotAllowedPage, NotFoundPage, PageTitle, ProblemAlert } from '../../../app/page.js';
import { hitKeys } from '../review/review-api.js';
import { ScreeningNav } from '../screening/screening-nav.js';
import { BatchProgress, BatchStatusBadge } from './batch-parts.js';
import { type BatchLineError, batchQuery, batchResultsQuery, RESULTS_PER_PAGE, type ScreeningBatch } from './batches-api.js';

/** The lines the server could not screen: line number, field and the problem in a sentence. */
function LineErrors({ errors }: { errors: BatchLineError[] }) {
  const { t, i18n } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="line-errors">
      <Stack>
        <Title order={2} size="h4" id="line-errors">
          {t('watchlistBatches.errors.title', { count: errors.length })}
        </Title>
        <Table.ScrollContainer minWidth={480}>
          <Table striped data-testid="line-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('watchlistBatches.errors.line')}</Table.Th>
                <Table.Th>{t('watchlistBatches.errors.field')}</Table.Th>
                <Table.Th>{t('watchlistBatches.errors.problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {errors.map((error) => (
                <Table.Tr key={`${error.line}:${error.field ?? ''}:${error.slug}`} data-testid="line-error">
                  <Table.Td>{formatNumber(error.line, i18n.language)}</Table.Td>
                  <Table.Td>{error.field ? <Ltr>{error.field}</Ltr> : '—'}</Table.Td>
                  <Table.Td>{t(`problems.${error.slug}`, { defaultValue: error.slug })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}

/** Per screened line: its reference, candidates, hits and top score (no name: the file is gone). */
function Results({ batch }: { batch: ScreeningBatch }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const results = useQuery({ ...batchResultsQuery(batch.id, page), placeholderData: keepPreviousData });
  const n = (count: number) => formatNumber(count, i18n.language);
  const items = results.data?.items ?? [];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="batch-results">
      <Stack>
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h4" id="batch-results">
            {t('watchlistBatches.results.title')}
          </Title>
          {batch.hits > 0 ? (
            <Anchor component={Link} to="/screening/review" size="sm" fw={600}>
              {t('watchlistBatches.results.review', { count: batch.hits })}
            </Anchor>
          ) : null}
        </Group>
        <ProblemAlert error={results.error} />
        {results.isPending ? <Skeleton h={60} aria-hidden="true" /> : null}
        {results.data && items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('watchlistBatches.results.none')}
          </Text>
        ) : null}
        {items.length ? (
          <Table.ScrollContainer minWidth={560}>
            <Table striped data-testid="batch-results-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('watchlistBatches.results.line')}</Table.Th>
                  <Table.Th>{t('watchlistBatches.results.reference')}</Table.Th>
                  <Table.Th>{t('watchlistBatches.results.candidates')}</Table.Th>
                  <Table.Th>{t('watchlistBatches.results.hits')}</Table.Th>
                  <Table.Th>{t('watchlistBatches.results.topScore')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.line} data-testid="batch-result" data-hits={item.hits}>
                    <Table.Td>{n(item.line)}</Table.Td>
                    <Table.Td>{item.clientReference ? <Bidi>{item.clientReference}</Bidi> : '—'}</Table.Td>
                    <Table.Td>{n(item.candidates)}</Table.Td>
                    <Table.Td>{item.hits > 0 ? <strong>{n(item.hits)}</strong> : n(item.hits)}</Table.Td>
                    <Table.Td>
                      {item.topScore === null
                        ? '—'
                        : formatNumber(item.topScore, i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        <ListPagination pages={Math.ceil((results.data?.total ?? 0) / RESULTS_PER_PAGE)} page={page} onChange={setPage} />
      </Stack>
    </Card>
  );
}

/** `/screening/batches/$batchId`: a batch's progress (polled), its line errors, then its results. */
export function BatchPage() {
  const { t, i18n } = useTranslation();
  const mayScreen = useCan('screening.run');
  const { batchId } = useParams({ from: '/signed-in/screening/batches/$batchId' });
  const batch = useQuery({ ...batchQuery(batchId), enabled: mayScreen });
  const finishedWithHits = batch.data?.status === 'done' && batch.data.hits > 0;
  // The batch's hits joined the review queue: its count (tab, Home) is asked again.
  useEffect(() => {
    if (finishedWithHits) void queryClient.invalidateQueries({ queryKey: hitKeys.all });
  }, [finishedWithHits]);
  if (!mayScreen) return <NotAllowedPage />;
  if (isApiError(batch.error, 404)) return <NotFoundPage />;
  const data = batch.data;
  return (
    <Stack>
      <PageTitle>{t('watchlistBatches.batchTitle')}</PageTitle>
      <ScreeningNav current="batch" />
      <ProblemAlert error={batch.error} />
      {batch.isPending ? <Skeleton h={80} aria-hidden="true" /> : null}
      {data ? (
        <>
          <Card withBorder padding="lg" component="section" aria-labelledby="batch-heading" data-testid="batch">
            <Stack>
              <Group justify="space-between" align="baseline" wrap="wrap">
                <Title order={2} size="h4" id="batch-heading">
                  <Bidi>{data.fileName}</Bidi>
                </Title>
                <BatchStatusBadge batch={data} />
              </Group>
              <Text size="sm" c="dimmed">
                {t('watchlistBatches.batch.meta', {
                  when: formatDateTime(data.createdAt, i18n.language),
                  unit: isolate(data.unit.name),
                })}
              </Text>
              <Text size="sm">
                {t('watchlistBatches.batch.purpose')} <Bidi>{data.purpose}</Bidi>
              </Text>
              <BatchProgress batch={data} />
              {data.status === 'failed' ? (
                <Alert color="red" variant="light" role="alert">
                  {t('watchlistBatches.batch.failed')}
                </Alert>
              ) : null}
            </Stack>
          </Card>
          <LineErrors errors={data.errors} />
          {data.status === 'done' ? <Results batch={data} /> : null}
        </>
      ) : null}
    </Stack>
  );
}
