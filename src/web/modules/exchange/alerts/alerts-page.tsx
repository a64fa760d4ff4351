import { Anchor, Button, Card, Group, Loader, Select, Stack, Tabs, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../../api/session.js';
import { ListPagination } from '../../../app/list-pagination.js';
import { PageTitle, ProblemAlert } from '../../../app/page.js';
import { countryName } from '../../../i18n/index.js';
import { AlertCard } from './alert-parts.js';
import {
  type AlertSearch,
  alertsQuery,
  CATEGORIES,
  exportLink,
  type Facets,
  mayIssue,
  PAGE_SIZE,
  SEVERITIES_MOST_FIRST,
  STATUS_FILTERS,
} from './alerts-api.js';

// Leaflet and the boundaries load only when the map is first opened.
const AlertsMap = lazy(() => import('./alerts-map.js').then((module) => ({ default: module.AlertsMap })));

/** A text filter typed freely, written to the address once the typing pauses. */
function useTypedFilter(value: string | undefined, apply: (value: string | undefined) => void) {
  const [text, setText] = useState(value ?? '');
  const [debounced] = useDebouncedValue(text, 300);
  useEffect(() => {
    if ((debounced.trim() || undefined) !== value) apply(debounced.trim() || undefined);
    // Only a change of the typed text moves the address.
  }, [debounced]);
  return [text, setText] as const;
}

/** Select options of a vocabulary, each with its count among the visible alerts when the API gave one. */
function useOptions(facets: Facets | undefined) {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const counted = (facet: keyof Facets, value: string, label: string) => {
      const count = facets?.[facet][value];
      return { value, label: count === undefined ? label : `${label} (${count})` };
    };
    const collator = new Intl.Collator(i18n.language);
    return {
      category: CATEGORIES.map((value) => counted('category', value, t(`alerts.category.${value}`))),
      severity: SEVERITIES_MOST_FIRST.map((value) => counted('severity', value, t(`alerts.severity.${value}`))),
      country: Object.keys(facets?.country ?? {})
        .map((code) => counted('country', code, countryName(code, i18n.language)))
        .sort((a, b) => collator.compare(a.label, b.label)),
      status: STATUS_FILTERS.map((value) => ({ value, label: t(`alerts.statusFilter.${value}`) })),
    };
  }, [facets, t, i18n.language]);
}

function Filters({
  search,
  facets,
  update,
}: {
  search: AlertSearch;
  facets?: Facets;
  update: (next: Partial<AlertSearch>) => void;
}) {
  const { t } = useTranslation();
  const options = useOptions(facets);
  const [text, setText] = useTypedFilter(search.q, (q) => update({ q }));
  const [observable, setObservable] = useTypedFilter(search.observable, (value) => update({ observable: value }));
  // The chosen country stays offered even when no visible alert names it any more.
  const countries =
    search.country && !options.country.some((option) => option.value === search.country)
      ? [...options.country, { value: search.country, label: search.country }]
      : options.country;
  const select = (key: 'category' | 'severity' | 'country', data: { value: string; label: string }[]) => (
    <Select
      label={t(`alerts.filters.${key}`)}
      data={data}
      value={search[key] ?? null}
      onChange={(value) => update({ [key]: value ?? undefined })}
      placeholder={t('common.all')}
      clearable
      searchable={key === 'country'}
      nothingFoundMessage={t('common.nothingFound')}
      miw={180}
    />
  );
  return (
    <Card withBorder padding="md" component="section" aria-label={t('alerts.filters.label')}>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          type="search"
          label={t('alerts.filters.text')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          maxLength={200}
          miw={220}
        />
        <TextInput
          type="search"
          label={t('alerts.filters.observable')}
          description={t('alerts.filters.observableHint')}
          value={observable}
          onChange={(event) => setObservable(event.currentTarget.value)}
          maxLength={200}
          miw={220}
          dir="ltr"
        />
        {select('category', options.category)}
        {select('severity', options.severity)}
        {select('country', countries)}
        <Select
          label={t('alerts.filters.status')}
          data={options.status}
          value={search.status ?? 'active'}
          onChange={(value) => update({ status: value === 'active' || !value ? undefined : (value as AlertSearch['status']) })}
          allowDeselect={false}
          miw={160}
        />
      </Group>
    </Card>
  );
}

function ExportLinks({ search }: { search: AlertSearch }) {
  const { t, i18n } = useTranslation();
  // Only the languages the export speaks; any other reads the English one.
  const lang = ['en', 'fr', 'ar'].includes(i18n.language) ? i18n.language : undefined;
  return (
    <Group gap="sm" role="group" aria-labelledby="alerts-export-label">
      <Text component="span" size="sm" fw={600} id="alerts-export-label">
        {t('alerts.export.label')}
      </Text>
      {(['csv', 'json'] as const).map((format) => (
        <Anchor
          key={format}
          href={exportLink(search, format, lang)}
          download
          size="sm"
          fw={600}
          aria-label={t(`alerts.export.${format}`)}
        >
          {format.toUpperCase()}
        </Anchor>
      ))}
    </Group>
  );
}

/** The board: filters with counts, the visible alerts as cards or on a map, exports and issuing. */
export function AlertsPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/signed-in/alerts' });
  const navigate = useNavigate({ from: '/alerts' });
  const { data: me } = useQuery(meQuery);
  const update = (next: Partial<AlertSearch>) =>
    navigate({ search: (current: AlertSearch) => ({ ...current, page: undefined, ...next }), replace: true });
  const list = useQuery({ ...alertsQuery(search), placeholderData: keepPreviousData });
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));
  const view = search.view ?? 'list';

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageTitle description={t('alerts.list.description')}>{t('alerts.list.title')}</PageTitle>
        {mayIssue(me) ? (
          <Button component={Link} to="/alerts/new">
            {t('alerts.list.issue')}
          </Button>
        ) : null}
      </Group>
      <Filters search={search} facets={list.data?.facets} update={update} />
      <Group justify="space-between">
        <Text size="sm" role="status">
          {list.data ? t('alerts.list.count', { count: list.data.total }) : ''}
        </Text>
        {list.isFetching ? <Loader size="xs" aria-label={t('alerts.loading')} /> : null}
        <ExportLinks search={search} />
      </Group>
      <ProblemAlert error={list.error} />
      <Tabs value={view} onChange={(value) => update({ view: value === 'map' ? 'map' : undefined, page: search.page })}>
        <Tabs.List aria-label={t('alerts.list.views')}>
          <Tabs.Tab value="list">{t('alerts.list.listView')}</Tabs.Tab>
          <Tabs.Tab value="map">{t('alerts.list.mapView')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list" pt="md">
          <VisuallyHidden component="h2" id="alert-list-heading">
            {t('alerts.list.listView')}
          </VisuallyHidden>
          {list.data?.alerts.length === 0 ? <Text c="dimmed">{t('alerts.list.empty')}</Text> : null}
          <ul className="alert-list" aria-labelledby="alert-list-heading">
            {list.data?.alerts.map((alert) => (
              <AlertCard key={alert.id} alert={alert} />
            ))}
          </ul>
          <ListPagination
            pages={pages}
            page={search.page ?? 1}
            onChange={(page) =>
              navigate({ search: (current: AlertSearch) => ({ ...current, page: page > 1 ? page : undefined }) })
            }
          />
        </Tabs.Panel>
        <Tabs.Panel value="map" pt="md">
          {view === 'map' ? (
            <Suspense fallback={<Loader aria-label={t('alerts.loading')} />}>
              <AlertsMap search={search} onCountry={(country) => update({ country, view: undefined })} />
            </Suspense>
          ) : null}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
