import { Anchor, Badge, Button, Card, Group, Loader, Select, Stack, Tabs, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/capabilities.js';
import { ListPagination } from '../../../app/list-pagination.js';
import { PageTitle, ProblemAlert } from '../../../app/page.js';
import { countryOptions } from '../../../i18n/index.js';
import { languageOptions } from '../../exchange/directory/directory-api.js';
import { languagesText, NeedTags, placeText } from './provider-parts.js';
import { PAGE_SIZE, providerPath, SERVICE_TYPES, type ServiceProvider, servicesQuery } from './services-api.js';
import type { ServiceSearch } from './services-search.js';

// Leaflet and the boundaries load only when the map is first opened.
const ServicesMap = lazy(() => import('./services-map.js').then((module) => ({ default: module.ServicesMap })));

function Filters({ search, update }: { search: ServiceSearch; update: (next: Partial<ServiceSearch>) => void }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(text, 300);
  useEffect(() => {
    if ((debounced.trim() || undefined) !== search.q) update({ q: debounced.trim() || undefined });
    // Only a change of the typed text moves the address.
  }, [debounced]);
  const needs = useMemo(() => SERVICE_TYPES.map((need) => ({ value: need, label: t(`referralServices.need.${need}`) })), [t]);
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const languages = useMemo(() => languageOptions(i18n.language), [i18n.language]);
  return (
    <Card withBorder padding="md" component="section" aria-label={t('referralServices.filters.label')}>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          type="search"
          label={t('referralServices.filters.text')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          maxLength={200}
          miw={220}
        />
        <Select
          label={t('referralServices.filters.need')}
          data={needs}
          value={search.need ?? null}
          onChange={(value) => update({ need: (value as ServiceSearch['need']) ?? undefined })}
          placeholder={t('common.all')}
          clearable
          miw={200}
        />
        <Select
          label={t('referralServices.filters.country')}
          data={countries}
          value={search.country ?? null}
          onChange={(value) => update({ country: value ?? undefined })}
          placeholder={t('common.all')}
          clearable
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          miw={200}
        />
        <Select
          label={t('referralServices.filters.language')}
          data={languages}
          value={search.language ?? null}
          onChange={(value) => update({ language: value ?? undefined })}
          placeholder={t('common.all')}
          clearable
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          miw={180}
        />
      </Group>
    </Card>
  );
}

function ProviderCard({ provider }: { provider: ServiceProvider }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="service-card">
      <Card withBorder padding="sm">
        <Stack gap={6}>
          <Group justify="space-between" gap="xs">
            <Anchor component={Link} to={providerPath(provider.id)} fw={600} dir="auto">
              <bdi>{provider.name}</bdi>
            </Anchor>
            {provider.active ? null : (
              <Badge color="gray" variant="outline">
                {t('referralServices.list.inactive')}
              </Badge>
            )}
          </Group>
          <NeedTags services={provider.services} />
          <Text size="sm">
            <Text span fw={600} size="sm">
              {t('referralServices.list.places')}:
            </Text>{' '}
            <bdi>{provider.places.map((place) => placeText(place, i18n.language)).join(' · ')}</bdi>
          </Text>
          {provider.languages.length > 0 ? (
            <Text size="sm">
              <Text span fw={600} size="sm">
                {t('referralServices.list.languages')}:
              </Text>{' '}
              {languagesText(provider.languages, i18n.language)}
            </Text>
          ) : null}
        </Stack>
      </Card>
    </li>
  );
}

/** The services directory: filters, the matching providers as a list or on a map, and adding one. */
export function ServicesPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/signed-in/services' });
  const navigate = useNavigate({ from: '/services' });
  const mayAdd = useCan('service.create');
  const update = (next: Partial<ServiceSearch>) =>
    navigate({ search: (current: ServiceSearch) => ({ ...current, page: undefined, ...next }), replace: true });
  const list = useQuery({ ...servicesQuery(search), placeholderData: keepPreviousData });
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));
  const view = search.view ?? 'list';

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageTitle description={t('referralServices.list.description')}>{t('referralServices.list.title')}</PageTitle>
        {mayAdd ? (
          <Button component={Link} to="/services/new">
            {t('referralServices.list.add')}
          </Button>
        ) : null}
      </Group>
      <Filters search={search} update={update} />
      <Group justify="space-between">
        <Text size="sm" role="status">
          {list.data ? t('referralServices.list.count', { count: list.data.total }) : ''}
        </Text>
        {list.isFetching ? <Loader size="xs" role="status" aria-label={t('referralServices.loading')} /> : null}
      </Group>
      <ProblemAlert error={list.error} />
      <Tabs value={view} onChange={(value) => update({ view: value === 'map' ? 'map' : undefined, page: search.page })}>
        <Tabs.List aria-label={t('referralServices.list.views')}>
          <Tabs.Tab value="list">{t('referralServices.list.listView')}</Tabs.Tab>
          <Tabs.Tab value="map">{t('referralServices.list.mapView')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list" pt="md">
          <VisuallyHidden component="h2" id="service-list-heading">
            {t('referralServices.list.listView')}
          </VisuallyHidden>
          {list.data?.items.length === 0 ? <Text c="dimmed">{t('referralServices.list.empty')}</Text> : null}
          <ul className="service-list" aria-labelledby="service-list-heading">
            {list.data?.items.map((provider) => (
              <ProviderCard key={provider.id} provider={provider} />
            ))}
          </ul>
          <ListPagination
            pages={pages}
            page={search.page ?? 1}
            onChange={(page) =>
              navigate({ search: (current: ServiceSearch) => ({ ...current, page: page > 1 ? page : undefined }) })
            }
          />
        </Tabs.Panel>
        <Tabs.Panel value="map" pt="md">
          {view === 'map' ? (
            <Suspense fallback={<Loader role="status" aria-label={t('referralServices.loading')} />}>
              <ServicesMap search={search} onCountry={(country) => update({ country, view: undefined })} />
            </Suspense>
          ) : null}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
