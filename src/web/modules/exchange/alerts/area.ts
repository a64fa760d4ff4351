import type { Geometry } from '../../../../shared/exchange/alerts/contract.js';
import { MAX_GEOMETRY_POINTS } from '../../../../shared/exchange/alerts/vocabulary.js';

export interface AreaState {
  countries: string[];
  label: string;
  shape: 'none' | 'point' | 'polygon';
  latitude: string;
  longitude: string;
  polygon: string;
}

export const emptyArea: AreaState = { countries: [], label: '', shape: 'none', latitude: '', longitude: '', polygon: '' };

const coordinate = (text: string, limit: number): number | null => {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() && Number.isFinite(value) && Math.abs(value) <= limit ? value : null;
};

/**
 * The area's geometry as GeoJSON ([longitude, latitude]), or the key of what is wrong with it.
 * A polygon is typed as "lat, lon" lines, the way coordinates are read out; its ring is closed here.
 */
export function geometryOf(area: AreaState): { geometry?: Geometry; error?: string } {
  if (area.shape === 'point') {
    const latitude = coordinate(area.latitude, 90);
    const longitude = coordinate(area.longitude, 180);
    if (latitude === null) return { error: 'latitude' };
    if (longitude === null) return { error: 'longitude' };
    return { geometry: { type: 'Point', coordinates: [longitude, latitude] } };
  }
  if (area.shape === 'polygon') {
    const lines = area.polygon.split('\n').filter((line) => line.trim());
    const ring: [number, number][] = [];
    for (const line of lines) {
      const parts = line.split(/[;,\s]+/).filter(Boolean);
      const latitude = parts.length === 2 ? coordinate(parts[0], 90) : null;
      const longitude = parts.length === 2 ? coordinate(parts[1], 180) : null;
      if (latitude === null || longitude === null) return { error: 'polygonLine' };
      ring.push([longitude, latitude]);
    }
    const [first, last] = [ring[0], ring[ring.length - 1]];
    if (first && (first[0] !== last[0] || first[1] !== last[1])) ring.push(first);
    if (new Set(ring.slice(0, -1).map(String)).size < 3) return { error: 'polygonCorners' };
    if (ring.length > MAX_GEOMETRY_POINTS) return { error: 'polygonSize' };
    return { geometry: { type: 'Polygon', coordinates: [ring] } };
  }
  return {};
}
