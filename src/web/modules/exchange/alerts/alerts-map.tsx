import { Anchor, Loader, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import L from 'leaflet';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../app/format.js';
import { ProblemAlert } from '../../../app/page.js';
import { countryName } from '../../../i18n/index.js';
import { colourClasses } from '../../knowledge/countries/countries.js';
import '../../knowledge/countries/countries.css';
import { WorldMap } from '../../knowledge/countries/world-map.js';
import { AlertPlace, SeverityBadge } from './alert-parts.js';
import { type AlertMap, type AlertSearch, alertMapQuery, alertPath, type Severity } from './alerts-api.js';

const SEVERITY_COLOURS: Record<Severity, string> = { critical: '#7a0010', high: '#b3001b', medium: '#d89e00', low: '#1c4f8a' };

/** Each alert area as a shape or point in its severity colour; focusable, Enter opens the alert. */
function drawAlerts(
  map: L.Map,
  data: AlertMap,
  label: (title: string, severity: Severity) => string,
  open: (id: string) => void,
) {
  const group = L.featureGroup().addTo(map);
  for (const feature of data.features) {
    const colour = SEVERITY_COLOURS[feature.properties.severity];
    const layer = L.geoJSON(feature as GeoJSON.Feature, {
      style: { color: colour, weight: 2, fillColor: colour, fillOpacity: 0.25 },
      pointToLayer: (_point, at) =>
        L.circleMarker(at, { radius: 8, color: '#fff', weight: 2, fillColor: colour, fillOpacity: 1 }),
    }).addTo(group);
    const text = label(feature.properties.title, feature.properties.severity);
    const tooltip = document.createElement('span');
    tooltip.textContent = text; // text, not HTML: a title is the author's words
    layer.bindTooltip(tooltip, { sticky: true, direction: 'top' });
    layer.on('click', () => open(feature.properties.id));
    layer.eachLayer((part) => {
      const path = (part as L.Path).getElement?.();
      if (!path) return;
      path.setAttribute('data-alert', feature.properties.id);
      path.setAttribute('tabindex', '0');
      path.setAttribute('role', 'link');
      path.setAttribute('aria-label', text);
      path.addEventListener('keydown', (event) => {
        if ((event as KeyboardEvent).key === 'Enter') open(feature.properties.id);
      });
    });
  }
  return group;
}

function CountryTable({ counts, onCountry }: { counts: Record<string, number>; onCountry: (code: string) => void }) {
  const { t, i18n } = useTranslation();
  const rows = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || countryName(a, i18n.language).localeCompare(countryName(b, i18n.language), i18n.language));
  return (
    <Table striped aria-labelledby="alert-country-table">
      <caption id="alert-country-table">{t('alerts.map.countryTable')}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('alerts.map.country')}</Table.Th>
          <Table.Th scope="col">{t('alerts.map.count')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([code, count]) => (
          <Table.Tr key={code} data-country={code}>
            <Table.Td>
              <UnstyledButton className="alert-country-filter" onClick={() => onCountry(code)} td="underline">
                {countryName(code, i18n.language)}
              </UnstyledButton>
            </Table.Td>
            <Table.Td>{formatNumber(count, i18n.language)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function AreaTable({ data }: { data: AlertMap }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Table striped aria-labelledby="alert-area-table">
      <caption id="alert-area-table">{t('alerts.map.areaTable')}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('alerts.map.alert')}</Table.Th>
          <Table.Th scope="col">{t('alerts.map.severity')}</Table.Th>
          <Table.Th scope="col">{t('alerts.map.where')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.features.map((feature) => (
          <Table.Tr key={feature.properties.id}>
            <Table.Td>
              <Anchor
                href={alertPath(feature.properties.id)}
                onClick={(event) => {
                  event.preventDefault();
                  void navigate({ to: alertPath(feature.properties.id) });
                }}
                dir="auto"
              >
                <bdi>{feature.properties.title}</bdi>
              </Anchor>
            </Table.Td>
            <Table.Td>
              <SeverityBadge severity={feature.properties.severity} />
            </Table.Td>
            <Table.Td>
              <AlertPlace geometry={feature.geometry} countries={feature.properties.countries} label={feature.properties.label} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The board's map: countries coloured by visible alerts, each alert's point or area, and the same as tables. */
export function AlertsMap({ search, onCountry }: { search: AlertSearch; onCountry: (code: string) => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const query = useQuery(alertMapQuery(search));
  const counts = useMemo(() => new Map(Object.entries(query.data?.countries ?? {})), [query.data]);
  const classes = useMemo(() => colourClasses(Math.max(0, ...counts.values())), [counts]);

  const data = query.data;
  const overlay = useCallback(
    (map: L.Map) => {
      if (!data) return () => undefined;
      const label = (title: string, severity: Severity) =>
        t('alerts.map.marker', { title, severity: t(`alerts.severity.${severity}`) });
      const group = drawAlerts(map, data, label, (id) => void navigate({ to: alertPath(id) }));
      // Frame the alerts shown rather than the whole region; a lone point is not zoomed in to the street.
      if (group.getLayers().length > 0) map.fitBounds(group.getBounds(), { padding: [32, 32], maxZoom: 5 });
      return () => {
        group.remove();
      };
    },
    [data, t, navigate],
  );
  const describe = useCallback(
    (code: string, count: number) => t('alerts.map.countryLabel', { country: countryName(code, i18n.language), count }),
    [t, i18n.language],
  );

  if (query.isPending) return <Loader aria-label={t('alerts.loading')} />;
  if (!query.data) return <ProblemAlert error={query.error} />;
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('alerts.map.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('alerts.map.hint')}
      </Text>
      <div data-testid="alert-map">
        <WorldMap counts={counts} classes={classes} onOpen={onCountry} describe={describe} overlay={overlay} />
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <AreaTable data={query.data} />
        <CountryTable counts={query.data.countries} onCountry={onCountry} />
      </SimpleGrid>
    </Stack>
  );
}
