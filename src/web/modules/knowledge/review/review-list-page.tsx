import { Anchor, Button, Group, NativeSelect, Pagination, Skeleton, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.js';
import { meQuery } from '../../../api/session.js';
import { formatNumber } from '../../../app/format.js';
import { NotAllowedPage, PageTitle, ProblemAlert } from '../../../app/page.js';
import { formatDates, htmlLang } from '../knowledge.js';
import { HandlingBadge } from '../parts.js';
import { documentsQuery, isCurator, REVIEW_PAGE_SIZE, reviewPath } from './review-api.js';
import { StatusBadge } from './status-badge.js';

const FILTERS = ['all', 'draft', 'published', 'discarded'] as const;

/** The documents the secretariat reviews: newest first, with how many items wait in each status. */
export function ReviewListPage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const [status, setStatus] = useState<(typeof FILTERS)[number]>('all');
  const [page, setPage] = useState(1);
  const list = useQuery({ ...documentsQuery(status, page), enabled: isCurator(me), placeholderData: keepPreviousData });
  if (!isCurator(me) || isApiError(list.error, 403)) return <NotAllowedPage />;

  const documents = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const pages = Math.ceil(total / REVIEW_PAGE_SIZE);
  const number = (value: number) => formatNumber(value, i18n.language);
  return (
    <Stack>
      <PageTitle description={t('review.listIntro')}>{t('review.listTitle')}</PageTitle>
      <Group justify="space-between" align="flex-end">
        <NativeSelect
          label={t('review.statusFilter')}
          value={status}
          onChange={(event) => {
            setStatus(event.currentTarget.value as (typeof FILTERS)[number]);
            setPage(1);
          }}
          data={FILTERS.map((value) => ({ value, label: t(`review.filters.${value}`) }))}
        />
        <Button component={Link} to="/library/import">
          {t('review.importDocuments')}
        </Button>
      </Group>
      <ProblemAlert error={list.error} />
      {list.isPending ? (
        <Stack aria-hidden="true">
          <Skeleton h={24} />
          <Skeleton h={24} />
        </Stack>
      ) : null}
      {list.isSuccess ? (
        <Table.ScrollContainer minWidth={820}>
          <Table striped data-testid="review-documents">
            <Table.Caption>{t('review.listCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('review.document')}</Table.Th>
                <Table.Th scope="col">{t('common.status')}</Table.Th>
                <Table.Th scope="col">{t('knowledge.handling')}</Table.Th>
                <Table.Th scope="col">{t('review.itemsColumn')}</Table.Th>
                <Table.Th scope="col">{t('review.imported')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {documents.map((doc) => (
                <Table.Tr key={doc.id}>
                  <Table.Td>
                    <Stack gap={2}>
                      <Anchor component={Link} to={reviewPath(doc.id)} lang={htmlLang(doc.language)} dir="auto">
                        <bdi>{doc.title}</bdi>
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {[
                          t(`knowledge.processes.${doc.process}`, { defaultValue: doc.process }),
                          formatDates(doc.dates, i18n.language),
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                        {doc.version > 1 ? ` · ${t('review.version', { version: doc.version })}` : ''}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={doc.status} />
                  </Table.Td>
                  <Table.Td>
                    <HandlingBadge code={doc.handlingCode} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {t('review.counts', {
                        draft: number(doc.counts.draft),
                        published: number(doc.counts.published),
                        withdrawn: number(doc.counts.withdrawn),
                      })}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatDates([doc.createdAt], i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {list.isSuccess && documents.length === 0 ? <Text c="dimmed">{t('review.noDocuments')}</Text> : null}
      <Group justify="space-between">
        <Text size="sm" aria-live="polite">
          {t('review.total', { count: total, formatted: number(total) })}
        </Text>
        {pages > 1 ? (
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            getControlProps={(control) => ({ 'aria-label': t(`common.paging.${control}`) })}
            getItemProps={(item) => ({ 'aria-label': t('common.paging.page', { page: item }) })}
          />
        ) : null}
      </Group>
    </Stack>
  );
}
