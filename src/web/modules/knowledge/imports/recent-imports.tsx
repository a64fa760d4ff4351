import { Anchor, Card, Group, Pagination, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../app/page.js';
import { formatWhen, OutcomeBadge } from './import-progress.js';
import { RECENT_PER_PAGE, recentImportsQuery } from './imports-api.js';

/** The secretariat's recent imports, newest first; each opens its progress above. */
export function RecentImports({ selectedId }: { selectedId?: string }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useQuery(recentImportsQuery(page));
  const items = list.data?.items ?? [];
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / RECENT_PER_PAGE));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="recent-heading">
      <Stack>
        <Title order={2} size="h4" id="recent-heading">
          {t('imports.recent.title')}
        </Title>
        <ProblemAlert error={list.error} />
        {list.isPending ? <Skeleton h={64} aria-hidden="true" /> : null}
        {list.isSuccess && items.length === 0 ? <Text c="dimmed">{t('imports.recent.none')}</Text> : null}
        {items.length ? (
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Caption>{t('imports.recent.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('imports.recent.when')}</Table.Th>
                  <Table.Th scope="col">{t('imports.recent.by')}</Table.Th>
                  <Table.Th scope="col">{t('imports.recent.handling')}</Table.Th>
                  <Table.Th scope="col">{t('imports.recent.files')}</Table.Th>
                  <Table.Th scope="col">{t('common.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.id} data-testid="recent-import">
                    <Table.Td>
                      <Anchor
                        renderRoot={(props) => <Link {...props} to="/library/import" search={{ import: item.id }} />}
                        aria-current={item.id === selectedId ? 'true' : undefined}
                      >
                        {formatWhen(item.createdAt, i18n.language)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td dir="auto">{item.createdBy.displayName}</Table.Td>
                    <Table.Td>{item.handlingCode}</Table.Td>
                    <Table.Td>
                      {t('imports.recent.counts', {
                        total: item.fileCounts.total,
                        done: item.fileCounts.done,
                        duplicate: item.fileCounts.duplicate,
                        failed: item.fileCounts.failed,
                      })}
                    </Table.Td>
                    <Table.Td>
                      <OutcomeBadge summary={item} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        {pages > 1 ? (
          <Group justify="center">
            <Pagination
              total={pages}
              value={page}
              onChange={setPage}
              getControlProps={(control) => ({ 'aria-label': t(`common.paging.${control}`) })}
              getItemProps={(item) => ({ 'aria-label': t('common.paging.page', { page: item }) })}
            />
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
