import {
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Loader,
  NativeSelect,
  Pagination,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchAnswer, SearchItem } from '../../../../shared/knowledge/contract.js';

type SearchCorrection = NonNullable<SearchAnswer['correction']>;

import type { FacetField } from '../../../../shared/knowledge/kinds.js';
import { api } from '../../../api/client.js';
import { formatNumber, formatParts } from '../../../app/format.js';
import { PageTitle, ProblemAlert } from '../../../app/page.js';
import { countryName } from '../../../i18n/index.js';
import { ExportMenu } from '../export/export-menu.js';
import { itemPath } from '../items/items.js';
import {
  documentPath,
  formatDates,
  type LibraryQuery,
  libraryQuery,
  librarySearch,
  RESULTS_PER_PAGE,
  searchRequest,
} from '../knowledge.js';
import { Snippet, Tags, TypeBadge } from '../parts.js';
import '../knowledge.css';
import { FacetPanel, PANELS, TypeChart, useFacetLabel } from './facets.js';

function ResultCard({ item }: { item: SearchItem }) {
  const { t, i18n } = useTranslation();
  const document = item.document;
  const place = formatParts([document.city, countryName(document.country, i18n.language)], i18n.language);
  const date = formatDates(document.dates.slice(0, 1), i18n.language);
  return (
    <Card withBorder padding="md" component="article" data-testid="knowledge-result">
      <Stack gap="xs">
        <Group gap="xs">
          <TypeBadge type={item.type} />
          {item.matchedThrough === 'translation' ? (
            <Badge
              variant="default"
              tt="none"
              size="md"
              title={t('knowledge.translatedMatchHint')}
              data-testid="knowledge-translated"
            >
              {t('knowledge.translatedMatch')}
            </Badge>
          ) : null}
        </Group>
        <Text dir="auto" data-testid="knowledge-snippet">
          <Snippet snippet={item.snippet || item.text} text={item.text} />
        </Text>
        <Tags countries={item.countries} themes={item.themes} organisations={item.organisations} />
        <Text size="sm" component="p" m={0}>
          <Text component="span" size="sm" c="dimmed">
            {t('knowledge.source')}{' '}
          </Text>
          <Anchor component={Link} to={documentPath(document.id)} hash={`item-${item.id}`} fw={600}>
            <bdi>{document.title}</bdi>
          </Anchor>
          {place || date ? <span>{` — ${formatParts([place, date], i18n.language)}`}</span> : null}
        </Text>
        <Anchor component={Link} to={itemPath(item.id)} size="sm">
          {t('libraryItem.openItem')}
        </Anchor>
      </Stack>
    </Card>
  );
}

/**
 * "Showing results for trafficking. Search instead for trafficing": the reply searched the query with
 * misspelt words corrected; the link searches the words as typed (`exact`). A status, so screen
 * readers hear it with the new results.
 */
function CorrectionNotice({ correction, search }: { correction: SearchCorrection; search: LibraryQuery }) {
  const { t } = useTranslation();
  return (
    <Text role="status" data-testid="knowledge-correction">
      {t('knowledge.correction.showing')}{' '}
      <strong dir="auto" data-testid="knowledge-correction-query">
        {correction.query}
      </strong>
      . {t('knowledge.correction.instead')}{' '}
      <Anchor
        component={Link}
        to="/library"
        search={librarySearch({ ...search, q: correction.from, exact: true, page: undefined }) as never}
        data-testid="knowledge-correction-exact"
      >
        <em dir="auto">{correction.from}</em>
      </Anchor>
    </Text>
  );
}

export function LibrarySearchPage() {
  const { t, i18n } = useTranslation();
  const search = libraryQuery(useSearch({ strict: false }) as Record<string, unknown>);
  const navigate = useNavigate();
  const [text, setText] = useState(search.q ?? '');
  const label = useFacetLabel();

  // Back and forward (or a shared link) change the search: the box follows.
  useEffect(() => setText(search.q ?? ''), [search.q]);

  const go = (next: LibraryQuery) => void navigate({ to: '/library', search: librarySearch(next) });

  const results = useQuery({
    queryKey: ['knowledge', 'search', searchRequest(search)],
    queryFn: () => api.get<SearchAnswer>(searchRequest(search)),
    placeholderData: keepPreviousData,
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // A new query is corrected again: "search instead" holds for the query it was offered for.
    go({ ...search, q: text.trim() || undefined, exact: undefined, page: undefined });
  };

  const toggle = (facet: FacetField, value: string, on: boolean) => {
    const current = search[facet] ?? [];
    const values = on ? [...current, value] : current.filter((entry) => entry !== value);
    go({ ...search, [facet]: values.length ? values : undefined, page: undefined });
  };

  const selected = PANELS.flatMap((facet) => (search[facet] ?? []).map((value) => ({ facet, value })));
  const total = results.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / RESULTS_PER_PAGE));
  const page = search.page ?? 1;
  const items = results.data?.items ?? [];
  const firstLoad = results.isPending;

  return (
    <Stack>
      <PageTitle description={t('knowledge.intro')}>{t('knowledge.title')}</PageTitle>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <search aria-label={t('knowledge.searchLabel')}>
          <form onSubmit={onSubmit}>
            <Group align="flex-end" gap="xs">
              <TextInput
                label={t('knowledge.searchLabel')}
                type="search"
                value={text}
                onChange={(event) => setText(event.currentTarget.value)}
                w={{ base: 220, sm: 340 }}
              />
              <Button type="submit">{t('knowledge.searchButton')}</Button>
            </Group>
          </form>
        </search>
        <Group align="flex-end" gap="md">
          <NativeSelect
            label={t('knowledge.sort')}
            value={search.sort ?? (search.q ? 'relevance' : 'date')}
            data={[
              { value: 'relevance', label: t('knowledge.sortRelevance') },
              { value: 'date', label: t('knowledge.sortDate') },
            ]}
            onChange={(event) => go({ ...search, sort: event.currentTarget.value as LibraryQuery['sort'], page: undefined })}
          />
          <Anchor component={Link} to="/library/documents" mb={8}>
            {t('knowledge.allDocuments')}
          </Anchor>
        </Group>
      </Group>

      {selected.length ? (
        <Group gap="xs" aria-label={t('knowledge.activeFilters')} role="group">
          {selected.map(({ facet, value }) => (
            <Button
              key={`${facet}:${value}`}
              size="compact-sm"
              variant="light"
              aria-label={t('knowledge.removeFilter', { name: label(facet, value) })}
              onClick={() => toggle(facet, value, false)}
            >
              {label(facet, value)} ×
            </Button>
          ))}
          <Button size="compact-sm" variant="subtle" onClick={() => go({ q: search.q, sort: search.sort })}>
            {t('knowledge.clearFilters')}
          </Button>
        </Group>
      ) : null}

      <ProblemAlert error={results.error} />

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
          <Stack component="aside" aria-labelledby="knowledge-filters-title" gap="lg">
            <Title order={2} size="h4" id="knowledge-filters-title">
              {t('knowledge.filters')}
            </Title>
            {firstLoad ? (
              <Stack gap="xs" aria-hidden="true">
                <Skeleton h={16} />
                <Skeleton h={16} />
                <Skeleton h={16} />
              </Stack>
            ) : (
              PANELS.map((facet) => (
                <FacetPanel
                  key={facet}
                  facet={facet}
                  counts={results.data?.facets[facet] ?? []}
                  selected={search[facet] ?? []}
                  onToggle={(value, on) => toggle(facet, value, on)}
                />
              ))
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
          <Stack component="section" aria-labelledby="knowledge-results-title" aria-busy={results.isFetching}>
            <Group justify="space-between" align="center">
              <Title order={2} size="h4" id="knowledge-results-title">
                {t('knowledge.results')}
              </Title>
              {results.isFetching ? <Loader size="sm" aria-label={t('knowledge.loading')} /> : null}
            </Group>
            <Text aria-live="polite" data-testid="knowledge-total">
              {firstLoad
                ? t('knowledge.loading')
                : t('knowledge.total', { count: total, formatted: formatNumber(total, i18n.language) })}
            </Text>
            {results.data?.correction ? <CorrectionNotice correction={results.data.correction} search={search} /> : null}
            {(results.data?.match === 'fuzzy' && !results.data.correction) || results.data?.match === 'partial' ? (
              <Text size="sm" c="dimmed" data-testid="knowledge-match-notice">
                {t(`knowledge.matchNotice.${results.data.match}`)}
              </Text>
            ) : null}
            {total > 0 ? <ExportMenu search={search} /> : null}
            {results.data && total > 0 ? <TypeChart counts={results.data.facets.type ?? []} /> : null}
            {results.isSuccess && items.length === 0 ? (
              <Card withBorder padding="lg" data-testid="knowledge-empty">
                <Text fw={600}>{t('knowledge.emptyTitle')}</Text>
                <Text c="dimmed" size="sm">
                  {t('knowledge.emptyBody')}
                </Text>
              </Card>
            ) : null}
            {firstLoad ? (
              <Stack aria-hidden="true">
                <Skeleton h={110} />
                <Skeleton h={110} />
              </Stack>
            ) : (
              <Stack gap="sm">
                {items.map((item) => (
                  <ResultCard key={item.id} item={item} />
                ))}
              </Stack>
            )}
            {pages > 1 ? (
              <Pagination
                total={pages}
                value={Math.min(page, pages)}
                onChange={(value) => go({ ...search, page: value })}
                getControlProps={(control) => ({ 'aria-label': t(`common.paging.${control}`) })}
                getItemProps={(item) => ({ 'aria-label': t('common.paging.page', { page: item }) })}
              />
            ) : null}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
