import type { Geometry } from './contract.js';
import { PLACES } from './gazetteer-data.js';

export interface Place {
  name: string;
  /** The name in French or Arabic where it differs from `name`. */
  names: { fr?: string; ar?: string };
  country: string;
  latitude: number;
  longitude: number;
}

/** Within this distance a point is "near" a place; farther, the place says nothing useful. */
export const NEAR_KM = 50;
/** Within this distance a point is the place itself ("Dakar, Senegal"). */
export const AT_KM = 10;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The nearest known place and how far it is. */
export function nearestPlace(latitude: number, longitude: number): { place: Place; km: number } {
  let best = { place: PLACES[0], km: Number.POSITIVE_INFINITY };
  for (const place of PLACES) {
    const km = distanceKm(latitude, longitude, place[2], place[3]);
    if (km < best.km) best = { place, km };
  }
  const [name, country, lat, lon, names = {}] = best.place;
  return { place: { name, names, country, latitude: lat, longitude: lon }, km: best.km };
}

/** A place's name in an interface language: its own there if it has one, else the usual one. */
export function placeName(place: Place, language: string): string {
  return (language === 'fr' || language === 'ar' ? place.names[language] : undefined) ?? place.name;
}

/** A geometry's representative point, [latitude, longitude]: the point itself, or a polygon's corner average. */
export function centreOf(geometry: Geometry): [number, number] {
  if (geometry.type === 'Point') return [geometry.coordinates[1], geometry.coordinates[0]];
  const ring = geometry.coordinates[0] ?? [];
  // The ring repeats its first corner at the end: count it once.
  const corners = ring.length > 1 ? ring.slice(0, -1) : ring;
  const sum = corners.reduce(([lat, lon], [x, y]) => [lat + y, lon + x], [0, 0]);
  return [sum[0] / Math.max(1, corners.length), sum[1] / Math.max(1, corners.length)];
}

export type Whereabouts =
  | { kind: 'at'; place: Place }
  | { kind: 'near'; place: Place; area: boolean }
  | { kind: 'countries'; countries: string[] }
  | { kind: 'coordinates' };

/**
 * Where an alert's area is, in words: its own place name when it has one (the caller shows it),
 * else the known place it is at or near, else its countries, else only its coordinates.
 */
export function whereabouts(geometry: Geometry | null, countries: string[]): Whereabouts {
  if (geometry) {
    const [latitude, longitude] = centreOf(geometry);
    const { place, km } = nearestPlace(latitude, longitude);
    const area = geometry.type !== 'Point';
    if (km <= AT_KM && !area) return { kind: 'at', place };
    if (km <= NEAR_KM) return { kind: 'near', place, area };
  }
  return countries.length > 0 ? { kind: 'countries', countries } : { kind: 'coordinates' };
}
