import { Anchor, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import L from 'leaflet';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../app/page.js';
import { countryName } from '../../../i18n/index.js';
import { colourClasses } from '../../knowledge/countries/countries.js';
import '../../knowledge/countries/countries.css';
import { WorldMap } from '../../knowledge/countries/world-map.js';
import { NeedTags, placeText } from './provider-parts.js';
import { providerPath, type ServiceMap, serviceMapQuery } from './services-api.js';
import type { ServiceSearch } from './services-search.js';

const POINT_COLOUR = '#0b6e5f';
const APPROXIMATE_COLOUR = '#6c757d';

/** Each place as a focusable point (Enter opens the provider); an approximate one is drawn hollow. */
function drawPoints(map: L.Map, data: ServiceMap, label: (index: number) => string, open: (id: string) => void) {
  const group = L.featureGroup().addTo(map);
  data.points.forEach((point, index) => {
    const colour = point.approximate ? APPROXIMATE_COLOUR : POINT_COLOUR;
    const marker = L.circleMarker([point.latitude, point.longitude], {
      radius: 7,
      color: point.approximate ? colour : '#fff',
      weight: 2,
      fillColor: colour,
      fillOpacity: point.approximate ? 0.35 : 1,
    }).addTo(group);
    const text = label(index);
    const tooltip = document.createElement('span');
    tooltip.textContent = text; // text, not HTML: a name is its author's words
    marker.bindTooltip(tooltip, { direction: 'top' });
    marker.on('click', () => open(point.providerId));
    const path = marker.getElement();
    if (!path) return;
    path.setAttribute('data-provider', point.providerId);
    path.setAttribute('tabindex', '0');
    path.setAttribute('role', 'link');
    path.setAttribute('aria-label', text);
    path.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Enter') open(point.providerId);
    });
  });
  return group;
}

function PointTable({ data }: { data: ServiceMap }) {
  const { t, i18n } = useTranslation();
  return (
    <Table striped aria-labelledby="service-point-table">
      <caption id="service-point-table">{t('referralServices.map.table')}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('referralServices.map.provider')}</Table.Th>
          <Table.Th scope="col">{t('referralServices.map.place')}</Table.Th>
          <Table.Th scope="col">{t('referralServices.map.needs')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.points.map((point) => (
          <Table.Tr key={point.placeId}>
            <Table.Td>
              <Anchor component={Link} to={providerPath(point.providerId)} dir="auto">
                <bdi>{point.name}</bdi>
              </Anchor>
            </Table.Td>
            <Table.Td>
              <bdi>{placeText({ city: point.city, region: '', country: point.country }, i18n.language)}</bdi>
              {point.approximate ? ` (${t('referralServices.map.approximate')})` : ''}
            </Table.Td>
            <Table.Td>
              <NeedTags services={point.services} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The directory's map: countries shaded by places served, each place a point, and the same as a table. */
export function ServicesMap({ search, onCountry }: { search: ServiceSearch; onCountry: (code: string) => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const query = useQuery(serviceMapQuery(search));
  const data = query.data;
  const counts = useMemo(() => {
    const byCountry = new Map<string, number>();
    for (const point of data?.points ?? []) byCountry.set(point.country, (byCountry.get(point.country) ?? 0) + 1);
    return byCountry;
  }, [data]);
  const classes = useMemo(() => colourClasses(Math.max(0, ...counts.values())), [counts]);
  const overlay = useCallback(
    (map: L.Map) => {
      if (!data) return () => undefined;
      const label = (index: number) => {
        const point = data.points[index];
        const place = placeText({ city: point.city, region: '', country: point.country }, i18n.language);
        return t('referralServices.map.marker', { name: point.name, place });
      };
      const group = drawPoints(map, data, label, (id) => void navigate({ to: providerPath(id) }));
      // Without animation: a map removed mid-zoom (a language or tab switch) would throw in Leaflet.
      if (group.getLayers().length > 0) map.fitBounds(group.getBounds(), { padding: [32, 32], maxZoom: 6, animate: false });
      return () => {
        group.remove();
      };
    },
    [data, t, i18n.language, navigate],
  );
  const describe = useCallback(
    (code: string, count: number) => t('referralServices.map.countryLabel', { country: countryName(code, i18n.language), count }),
    [t, i18n.language],
  );

  if (query.isPending) return <Loader role="status" aria-label={t('referralServices.loading')} />;
  if (!data) return <ProblemAlert error={query.error} />;
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('referralServices.map.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('referralServices.map.hint')}
      </Text>
      <div data-testid="services-map">
        <WorldMap counts={counts} classes={classes} onOpen={onCountry} describe={describe} overlay={overlay} />
      </div>
      {data.unplaced > 0 ? <Text size="sm">{t('referralServices.map.unplaced', { count: data.unplaced })}</Text> : null}
      {data.capped ? <Text size="sm">{t('referralServices.map.capped')}</Text> : null}
      <PointTable data={data} />
    </Stack>
  );
}
