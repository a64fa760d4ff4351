import { Badge, Button, Group, Pagination, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, withQuery } from '../../api/client.js';
import { queryClient } from '../../api/session.js';
import type { Page } from '../../api/types.js';
import { ConfirmDialog } from '../../app/confirm-dialog.js';
import { NotAllowedPage, PageTitle, ProblemAlert } from '../../app/page.js';

export const PAGE_SIZE = 20;

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

interface Row {
  id: string;
  active: boolean;
}

interface AdminListProps<T extends Row> {
  title: string;
  /** The collection, e.g. `/api/v1/admin/units`; rows are patched at `<endpoint>/<id>`. */
  endpoint: string;
  /** Extra filters sent with the list request (e.g. `organisationId`). */
  filters?: Record<string, string | undefined>;
  columns: Column<T>[];
  /** The accessible name of a row, used in its buttons ("Edit <name>"). */
  rowName: (row: T) => string;
  createLabel: string;
  onCreate: () => void;
  onEdit: (row: T) => void;
  /** Controls shown beside the search box (e.g. an organisation filter). */
  toolbar?: ReactNode;
  caption: string;
}

/** Every administration page: search, include-inactive, table, paging, edit and (de)activate. */
export function AdminList<T extends Row>(props: AdminListProps<T>) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [includeInactive, setIncludeInactive] = useState(false);
  const [page, setPage] = useState(1);
  const [toDeactivate, setToDeactivate] = useState<T | null>(null);
  const filterKey = JSON.stringify(props.filters ?? {});

  // A new search or filter starts again at page 1.
  useEffect(() => setPage(1), [q, includeInactive, filterKey]);

  const list = useQuery({
    queryKey: [props.endpoint, 'list', { q, includeInactive, page, filters: props.filters ?? {} }],
    queryFn: () =>
      api.get<Page<T>>(
        withQuery(props.endpoint, {
          q,
          includeInactive,
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
          ...props.filters,
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const setActive = useMutation({
    mutationFn: ({ row, active }: { row: T; active: boolean }) =>
      api.patch<T>(`${props.endpoint}/${encodeURIComponent(row.id)}`, { active }),
    onSuccess: () => {
      setToDeactivate(null);
      void queryClient.invalidateQueries({ queryKey: [props.endpoint] });
    },
  });

  if (isApiError(list.error, 403)) return <NotAllowedPage />;

  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <Stack>
      <PageTitle>{props.title}</PageTitle>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <TextInput
            label={t('admin.search')}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={260}
          />
          {props.toolbar}
          <Switch
            label={t('admin.includeInactive')}
            checked={includeInactive}
            onChange={(event) => setIncludeInactive(event.currentTarget.checked)}
            mb={8}
          />
        </Group>
        <Button onClick={props.onCreate}>{props.createLabel}</Button>
      </Group>
      <ProblemAlert error={list.error ?? setActive.error} />
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover aria-busy={list.isFetching}>
          <Table.Caption>{props.caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {props.columns.map((column) => (
                <Table.Th scope="col" key={column.header}>
                  {column.header}
                </Table.Th>
              ))}
              <Table.Th scope="col">{t('common.status')}</Table.Th>
              <Table.Th scope="col">{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((row) => (
              <Table.Tr key={row.id}>
                {props.columns.map((column) => (
                  <Table.Td key={column.header}>{column.cell(row)}</Table.Td>
                ))}
                <Table.Td>
                  <Badge variant="light" tt="none" color={row.active ? 'green' : 'gray'}>
                    {row.active ? t('common.active') : t('common.inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="outline"
                      aria-label={t('admin.editNamed', { name: props.rowName(row) })}
                      onClick={() => props.onEdit(row)}
                    >
                      {t('common.edit')}
                    </Button>
                    {row.active ? (
                      <Button
                        size="xs"
                        variant="outline"
                        color="red"
                        aria-label={t('admin.deactivateNamed', { name: props.rowName(row) })}
                        onClick={() => setToDeactivate(row)}
                      >
                        {t('admin.deactivate')}
                      </Button>
                    ) : (
                      <Button
                        size="xs"
                        variant="outline"
                        color="green"
                        aria-label={t('admin.reactivateNamed', { name: props.rowName(row) })}
                        loading={setActive.isPending && setActive.variables?.row.id === row.id}
                        onClick={() => setActive.mutate({ row, active: true })}
                      >
                        {t('admin.reactivate')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.isSuccess && items.length === 0 ? <Text c="dimmed">{t('admin.empty')}</Text> : null}
      <Group justify="space-between">
        <Text size="sm" aria-live="polite">
          {t('admin.total', { count: total })}
        </Text>
        {pages > 1 ? (
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            getControlProps={(control) => ({
              'aria-label': t(`common.paging.${control}`),
            })}
            getItemProps={(item) => ({ 'aria-label': t('common.paging.page', { page: item }) })}
          />
        ) : null}
      </Group>
      <ConfirmDialog
        opened={toDeactivate !== null}
        title={t('admin.deactivateTitle')}
        message={t('admin.deactivateConfirm', { name: toDeactivate ? props.rowName(toDeactivate) : '' })}
        confirmLabel={t('admin.deactivate')}
        busy={setActive.isPending}
        onConfirm={() => toDeactivate && setActive.mutate({ row: toDeactivate, active: false })}
        onClose={() => setToDeactivate(null)}
      />
    </Stack>
  );
}

/** Fetches every page of a list (for select options: organisations, units). */
export async function fetchAll<T>(endpoint: string, params: Record<string, string | undefined> = {}): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await api.get<Page<T>>(withQuery(endpoint, { ...params, limit: 100, offset }));
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}
