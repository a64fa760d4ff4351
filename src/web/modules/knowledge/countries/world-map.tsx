import countryCodes from 'i18n-iso-countries';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json' with { type: 'json' };
import { countryName } from '../../../i18n/index.js';
import { colourOf, type ScaleClass } from './countries.js';

type CountryFeature = GeoJSON.Feature<GeoJSON.Geometry, { name: string }>;

// Natural Earth gives no ISO number to a few territories; those the library may cite are named here.
const CODES_BY_NAME: Record<string, string> = { Kosovo: 'XK' };
const ANTARCTICA = '010';
// The dialogues' region: Europe, Africa and the Middle East, framed when the map opens.
const REGION: L.LatLngBoundsExpression = [
  [-35, -20],
  [60, 52],
];

/** Country shapes of the bundled Natural Earth 1:110m boundaries, keyed by ISO alpha-2 code. */
const COUNTRIES: { code: string; shape: CountryFeature }[] = (() => {
  const topology = world as unknown as Topology;
  const collection = feature(topology, topology.objects.countries) as GeoJSON.FeatureCollection<
    GeoJSON.Geometry,
    { name: string }
  >;
  return collection.features.flatMap((shape) => {
    if (shape.id === ANTARCTICA) return [];
    const code = shape.id === undefined ? CODES_BY_NAME[shape.properties.name] : countryCodes.numericToAlpha2(String(shape.id));
    return code ? [{ code, shape: { ...shape, geometry: acrossTheAntimeridian(shape.geometry) } }] : [];
  });
})();

type Position = number[];
function mapRings(geometry: GeoJSON.Geometry, move: (point: Position) => Position): GeoJSON.Geometry {
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map((ring) => ring.map(move)) };
  if (geometry.type === 'MultiPolygon') {
    return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(move))) };
  }
  return geometry;
}

/**
 * Russia and Fiji straddle longitude 180°: their western halves are moved one turn east, or Leaflet
 * would draw a band across the whole map joining both ends.
 */
function acrossTheAntimeridian(geometry: GeoJSON.Geometry): GeoJSON.Geometry {
  const longitudes: number[] = [];
  mapRings(geometry, (point) => {
    longitudes.push(point[0]);
    return point;
  });
  if (Math.max(...longitudes) - Math.min(...longitudes) <= 180) return geometry;
  return mapRings(geometry, ([longitude, latitude]) => [longitude < 0 ? longitude + 360 : longitude, latitude]);
}

interface WorldMapProps {
  counts: ReadonlyMap<string, number>;
  classes: ScaleClass[];
  onOpen: (code: string) => void;
  /** The label of a country (tooltip and link name); by default "Morocco: 12 items". */
  describe?: (code: string, count: number) => string;
  /** Draws more on the map once it is built (alert areas…); returns how to remove it. */
  overlay?: (map: L.Map) => () => void;
}

/**
 * Countries coloured by how many items cite them, drawn by Leaflet from bundled boundaries: no tile
 * server, nothing fetched. Cited countries are links (focusable, Enter opens the profile) with a
 * tooltip on hover and focus; the table beside the map is the full keyboard and screen-reader path.
 */
export function WorldMap({ counts, classes, onOpen, describe, overlay }: WorldMapProps) {
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const language = i18n.language;
  const rtl = i18n.dir(language) === 'rtl';
  // The latest callback, without rebuilding the map when the page re-renders.
  const open = useRef(onOpen);
  open.current = onOpen;

  useEffect(() => {
    if (!container.current) return;
    const map = L.map(container.current, {
      attributionControl: false,
      zoomControl: false,
      scrollWheelZoom: false,
      zoomSnap: 0.25,
      minZoom: 1,
      maxZoom: 6,
      maxBounds: [
        [-90, -200],
        [90, 220],
      ],
    });
    L.control
      .zoom({
        position: rtl ? 'topright' : 'topleft',
        zoomInTitle: t('countryProfiles.zoomIn'),
        zoomOutTitle: t('countryProfiles.zoomOut'),
      })
      .addTo(map);
    map.fitBounds(REGION);
    for (const { code, shape } of COUNTRIES) {
      const count = counts.get(code) ?? 0;
      const layer = L.geoJSON(shape, {
        style: { fillColor: colourOf(count, classes), fillOpacity: 1, color: '#5c636a', weight: 0.6 },
      }).addTo(map);
      const label = describe
        ? describe(code, count)
        : t('countryProfiles.mapTooltip', { country: countryName(code, language), count });
      // Text, not HTML: Leaflet would set a string tooltip as innerHTML.
      const tooltip = document.createElement('span');
      tooltip.textContent = label;
      layer.bindTooltip(tooltip, { sticky: true, direction: 'top' });
      layer.on('click', () => open.current(code));
      decorate(layer, code, count > 0 ? label : null);
    }
    const removeOverlay = overlay?.(map);
    return () => {
      removeOverlay?.();
      map.remove();
    };
  }, [counts, classes, language, rtl, t, describe, overlay]);

  return <div ref={container} className="country-map" data-testid="country-map" dir="ltr" />;
}

/** Gives each drawn path its code; a cited country's path becomes a focusable link with its tooltip. */
function decorate(layer: L.GeoJSON, code: string, label: string | null) {
  layer.eachLayer((part) => {
    const path = (part as L.Path).getElement?.();
    if (!path) return;
    path.setAttribute('data-country', code);
    if (!label) {
      path.setAttribute('aria-hidden', 'true');
      return;
    }
    path.setAttribute('tabindex', '0');
    path.setAttribute('role', 'link');
    path.setAttribute('aria-label', label);
    path.addEventListener('focus', () => layer.openTooltip(layer.getBounds().getCenter()));
    path.addEventListener('blur', () => layer.closeTooltip());
    path.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Enter') layer.fire('click');
    });
  });
}
