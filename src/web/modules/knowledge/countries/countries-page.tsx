import { Card, Grid, Group, Loader, Select, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountryCounts } from '../../../../shared/knowledge/countries/contract.js';
import { api } from '../../../api/client.js';
import { formatNumber } from '../../../app/format.js';
import { PageTitle, ProblemAlert } from '../../../app/page.js';
import { countryName, countryOptions } from '../../../i18n/index.js';
import {
  type CountryCount,
  type CountrySortKey,
  colourClasses,
  countriesRequest,
  NOT_CITED_COLOUR,
  type ScaleClass,
  sortCountries,
} from './countries.js';
import { WorldMap } from './world-map.js';
import './countries.css';

/** `/library/countries`: the world map of citations, a sortable table of the same counts, and a country picker. */
export function CountriesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const answer = useQuery({
    queryKey: ['knowledge', 'countries'],
    queryFn: () => api.get<CountryCounts>(countriesRequest()),
  });
  const rows = answer.data?.countries;
  const counts = useMemo(() => new Map((rows ?? []).map((row) => [row.code, row.items])), [rows]);
  const classes = useMemo(() => colourClasses(Math.max(0, ...counts.values())), [counts]);
  const open = (code: string) => navigate({ to: '/library/countries/$code', params: { code } });

  return (
    <Stack>
      <PageTitle description={t('countryProfiles.intro')}>{t('countryProfiles.title')}</PageTitle>
      <ProblemAlert error={answer.error} />
      <CountryPicker onPick={open} />
      {rows ? (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Card withBorder padding="md" component="section" aria-labelledby="country-map-title">
              <Title order={2} size="h4" id="country-map-title">
                {t('countryProfiles.mapTitle')}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('countryProfiles.mapHint')}
              </Text>
              <WorldMap counts={counts} classes={classes} onOpen={open} />
              <Legend classes={classes} />
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <CountriesTable rows={rows} />
          </Grid.Col>
        </Grid>
      ) : answer.isPending ? (
        <Group>
          <Loader size="sm" aria-label={t('knowledge.loading')} />
          <Text>{t('knowledge.loading')}</Text>
        </Group>
      ) : null}
    </Stack>
  );
}

/** Any country's profile, cited or not, by name. */
function CountryPicker({ onPick }: { onPick: (code: string) => void }) {
  const { t, i18n } = useTranslation();
  const options = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  return (
    <Select
      label={t('countryProfiles.pickLabel')}
      placeholder={t('countryProfiles.pickPlaceholder')}
      data={options}
      searchable
      maw={420}
      nothingFoundMessage={t('common.nothingFound')}
      onChange={(code) => {
        if (code) onPick(code);
      }}
    />
  );
}

function Legend({ classes }: { classes: ScaleClass[] }) {
  const { t, i18n } = useTranslation();
  const number = (value: number) => formatNumber(value, i18n.language);
  const entries = [
    { key: 'none', colour: NOT_CITED_COLOUR, label: t('countryProfiles.legendNone') },
    ...classes.map((scale) => ({
      key: String(scale.from),
      colour: scale.colour,
      label:
        scale.from === scale.to
          ? number(scale.from)
          : t('countryProfiles.legendRange', { from: number(scale.from), to: number(scale.to) }),
    })),
  ];
  return (
    <figure className="country-legend" aria-labelledby="country-legend-title">
      <Text component="figcaption" size="sm" fw={700} id="country-legend-title">
        {t('countryProfiles.legendTitle')}
      </Text>
      <ul>
        {entries.map((entry) => (
          <li key={entry.key}>
            <span className="country-legend-swatch" style={{ background: entry.colour }} aria-hidden="true" />
            <Text component="span" size="sm">
              {entry.label}
            </Text>
          </li>
        ))}
      </ul>
    </figure>
  );
}

const COLUMNS: CountrySortKey[] = ['name', 'items', 'documents'];

/** The map's figures as a table: the path for keyboards and screen readers. Sortable by each column. */
function CountriesTable({ rows }: { rows: CountryCount[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [sort, setSort] = useState<{ key: CountrySortKey; descending: boolean }>({ key: 'items', descending: true });
  const sorted = useMemo(
    () => sortCountries(rows, sort.key, sort.descending, (code) => countryName(code, language), language),
    [rows, sort, language],
  );
  const toggle = (key: CountrySortKey) =>
    setSort((current) => ({ key, descending: current.key === key ? !current.descending : key !== 'name' }));
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="country-table-title">
      <Title order={2} size="h4" id="country-table-title" mb="sm">
        {t('countryProfiles.tableTitle')}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('countryProfiles.noCountries')}</Text>
      ) : (
        <Table striped highlightOnHover data-testid="country-table">
          <caption className="country-visually-hidden">{t('countryProfiles.tableCaption')}</caption>
          <Table.Thead>
            <Table.Tr>
              {COLUMNS.map((key) => {
                const active = sort.key === key;
                return (
                  <Table.Th
                    key={key}
                    scope="col"
                    aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
                    ta={key === 'name' ? 'start' : 'end'}
                  >
                    <UnstyledButton onClick={() => toggle(key)} fw={700} fz="sm" className="country-sort">
                      {t(`countryProfiles.columns.${key}`)}
                      <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                    </UnstyledButton>
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((row) => (
              <Table.Tr key={row.code}>
                <Table.Th scope="row" fw={400}>
                  <Link to="/library/countries/$code" params={{ code: row.code }}>
                    {countryName(row.code, language)}
                  </Link>
                </Table.Th>
                <Table.Td ta="end">{formatNumber(row.items, language)}</Table.Td>
                <Table.Td ta="end">{formatNumber(row.documents, language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
