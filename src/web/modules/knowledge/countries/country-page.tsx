import { Anchor, Badge, Card, Group, Loader, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ITEM_TYPES } from '../../../../shared/knowledge/kinds.js';
import { api, isApiError } from '../../../api/client.js';
import { formatNumber, formatParts } from '../../../app/format.js';
import { NotFoundPage, PageTitle, ProblemAlert } from '../../../app/page.js';
import { countryName } from '../../../i18n/index.js';
import { documentPath, formatDates, librarySearch, organisationLabel, themeLabel } from '../knowledge.js';
import { TypeBadge } from '../parts.js';
import { type CountryProfile, countryRequest } from './countries.js';
import { useYearCharts } from './profile-charts.js';
import { YearChart } from './year-chart.js';
import './countries.css';

/** `/library/countries/$code`: one country's items over time, themes, partners, meetings and latest items. */
export function CountryPage() {
  const { t, i18n } = useTranslation();
  const { code: raw } = useParams({ strict: false }) as { code: string };
  const code = raw.toUpperCase();
  const answer = useQuery({
    queryKey: ['knowledge', 'country', code],
    queryFn: () => api.get<CountryProfile>(countryRequest(code)),
  });
  const name = countryName(code, i18n.language);

  // An unknown or malformed code is an unknown address.
  if (isApiError(answer.error, 400)) return <NotFoundPage />;
  if (!answer.data) {
    return (
      <Stack>
        <PageTitle>{name}</PageTitle>
        <ProblemAlert error={answer.error} />
        {answer.isPending ? (
          <Group>
            <Loader size="sm" aria-label={t('knowledge.loading')} />
            <Text>{t('knowledge.loading')}</Text>
          </Group>
        ) : null}
      </Stack>
    );
  }
  const profile = answer.data;
  const number = (value: number) => formatNumber(value, i18n.language);
  return (
    <Stack>
      <Anchor component={Link} to="/library/countries" size="sm">
        {t('countryProfiles.backToMap')}
      </Anchor>
      <PageTitle
        description={t('countryProfiles.summary', {
          items: number(profile.totals.items),
          meetings: number(profile.totals.meetings),
        })}
      >
        {name}
      </PageTitle>
      <SimpleGrid
        cols={{ base: 2, sm: 4 }}
        component="ul"
        className="country-totals"
        aria-label={t('countryProfiles.byTypeLabel')}
      >
        {ITEM_TYPES.map((type) => (
          <Card key={type} withBorder padding="sm" component="li">
            <TypeBadge type={type} />
            <Text fz="xl" fw={700} mt={4}>
              {number(profile.totals.byType[type] ?? 0)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <ChartSection profile={profile} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TopList
          id="country-themes"
          title={t('countryProfiles.topThemes')}
          empty={t('countryProfiles.noThemes')}
          rows={profile.topThemes.map((row) => ({
            key: row.theme,
            label: themeLabel(row.theme, i18n.language),
            count: row.count,
            search: { country: [code], theme: [row.theme] },
          }))}
        />
        <TopList
          id="country-organisations"
          title={t('countryProfiles.topOrganisations')}
          empty={t('countryProfiles.noOrganisations')}
          rows={profile.topOrganisations.map((row) => ({
            key: row.organisation,
            label: organisationLabel(row.organisation, i18n.language),
            count: row.count,
            search: { country: [code], organisation: [row.organisation] },
          }))}
        />
      </SimpleGrid>
      <Meetings profile={profile} />
      <LatestItems profile={profile} name={name} />
    </Stack>
  );
}

function ChartSection({ profile }: { profile: CountryProfile }) {
  const { t } = useTranslation();
  const [view, setView] = useState<'type' | 'theme'>('type');
  const charts = useYearCharts(profile);
  const chart = charts[view];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="country-chart-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="country-chart-title">
          {t('countryProfiles.chartTitle')}
        </Title>
        <SegmentedControl
          aria-label={t('countryProfiles.chartView')}
          value={view}
          onChange={(value) => setView(value as 'type' | 'theme')}
          data={[
            { value: 'type', label: t('countryProfiles.byType') },
            { value: 'theme', label: t('countryProfiles.byTheme') },
          ]}
        />
      </Group>
      {chart.data.years.length === 0 ? (
        <Text c="dimmed">{t('countryProfiles.noItems')}</Text>
      ) : (
        <>
          {view === 'theme' ? (
            <Text size="sm" c="dimmed" mb="xs">
              {t('countryProfiles.themeNote')}
            </Text>
          ) : null}
          <YearChart key={view} data={chart.data} describe={chart.describe} label={chart.label} tableCaption={chart.label} />
        </>
      )}
    </Card>
  );
}

interface TopRow {
  key: string;
  label: string;
  count: number;
  search: { country: string[]; theme?: string[]; organisation?: string[] };
}

/** Themes or organisations with their item counts, each linking to the library search narrowed to them. */
function TopList({ id, title, empty, rows }: { id: string; title: string; empty: string; rows: TopRow[] }) {
  const { i18n } = useTranslation();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <ol className="country-top-list">
          {rows.map((row) => (
            <li key={row.key}>
              <Anchor renderRoot={(props) => <Link {...props} to="/library" search={librarySearch(row.search)} />}>
                {row.label}
              </Anchor>
              <Text component="span" c="dimmed" size="sm">
                {formatNumber(row.count, i18n.language)}
              </Text>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function Meetings({ profile }: { profile: CountryProfile }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const shown = profile.meetings.length;
  return (
    <section aria-labelledby="country-meetings">
      <Title order={2} size="h3" id="country-meetings">
        {t('countryProfiles.meetings')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {shown < profile.totals.meetings
          ? t('countryProfiles.meetingsSome', {
              shown: formatNumber(shown, language),
              total: formatNumber(profile.totals.meetings, language),
            })
          : t('countryProfiles.meetingsHint')}
      </Text>
      {shown === 0 ? (
        <Text c="dimmed">{t('countryProfiles.noMeetings')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="country-meetings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('countryProfiles.columns.meeting')}</Table.Th>
                <Table.Th scope="col">{t('knowledge.process')}</Table.Th>
                <Table.Th scope="col">{t('knowledge.place')}</Table.Th>
                <Table.Th scope="col">{t('knowledge.dates')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('countryProfiles.columns.citing')}
                </Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('countryProfiles.columns.allItems')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {profile.meetings.map((meeting) => (
                <Table.Tr key={meeting.id}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={documentPath(meeting.id)} dir="auto">
                      <bdi>{meeting.title}</bdi>
                    </Anchor>
                    {meeting.hostedHere ? (
                      <Badge variant="light" color="gray" tt="none" ms="xs">
                        {t('countryProfiles.host')}
                      </Badge>
                    ) : null}
                  </Table.Th>
                  <Table.Td>{t(`knowledge.processes.${meeting.process}`, { defaultValue: meeting.process })}</Table.Td>
                  <Table.Td>{formatParts([meeting.city, countryName(meeting.country, language)], language)}</Table.Td>
                  <Table.Td>{formatDates(meeting.dates, language) || t('countryProfiles.undated')}</Table.Td>
                  <Table.Td ta="end">{formatNumber(meeting.citingItemCount, language)}</Table.Td>
                  <Table.Td ta="end">{formatNumber(meeting.itemCount, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}

function LatestItems({ profile, name }: { profile: CountryProfile; name: string }) {
  const { t, i18n } = useTranslation();
  const search = useMemo(() => ({ country: [profile.code] }), [profile.code]);
  return (
    <section aria-labelledby="country-latest">
      <Title order={2} size="h3" id="country-latest" mb="sm">
        {t('countryProfiles.latestItems')}
      </Title>
      {profile.latestItems.length === 0 ? (
        <Text c="dimmed">{t('countryProfiles.noItems')}</Text>
      ) : (
        <Stack gap="xs" component="ul" className="country-latest" data-testid="country-latest">
          {profile.latestItems.map((item) => (
            <Card key={item.id} withBorder padding="sm" component="li">
              <Group gap="xs" mb={4}>
                <TypeBadge type={item.type} />
                <Anchor component={Link} to={documentPath(item.document.id)} hash={`item-${item.id}`} size="sm" dir="auto">
                  <bdi>{item.document.title}</bdi>
                </Anchor>
              </Group>
              <Text dir="auto">{item.text}</Text>
            </Card>
          ))}
        </Stack>
      )}
      {profile.totals.items > 0 ? (
        <Anchor
          renderRoot={(props) => <Link {...props} to="/library" search={librarySearch(search)} />}
          mt="sm"
          display="inline-block"
          data-testid="country-library-link"
        >
          {t('countryProfiles.allItems', { country: name, total: formatNumber(profile.totals.items, i18n.language) })}
        </Anchor>
      ) : null}
    </section>
  );
}
