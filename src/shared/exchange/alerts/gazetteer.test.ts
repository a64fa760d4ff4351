import { describe, expect, it } from 'vitest';
import type { Geometry } from './contract.js';
import { centreOf, distanceKm, nearestPlace, placeName, whereabouts } from './gazetteer.js';
import { PLACES } from './gazetteer-data.js';

describe('gazetteer', () => {
  it('holds well-formed places of the region', () => {
    expect(PLACES.length).toBeGreaterThanOrEqual(150);
    for (const [name, country, lat, lon, names] of PLACES) {
      for (const other of Object.values(names ?? {})) expect(other.trim()).not.toBe('');
      expect(name.trim()).toBe(name);
      expect(country).toMatch(/^[A-Z]{2}$/);
      expect(lat).toBeGreaterThan(0);
      expect(lat).toBeLessThan(50);
      expect(lon).toBeGreaterThan(-25);
      expect(lon).toBeLessThan(40);
    }
    expect(new Set(PLACES.map(([name, country]) => `${name}/${country}`)).size).toBe(PLACES.length);
  });

  it('measures distances on the sphere', () => {
    // Dakar – Nouakchott is about 420 km.
    expect(distanceKm(14.72, -17.47, 18.09, -15.98)).toBeGreaterThan(400);
    expect(distanceKm(14.72, -17.47, 18.09, -15.98)).toBeLessThan(440);
  });

  it('names the place a point is at, the place it is near, or falls back to countries and coordinates', () => {
    expect(nearestPlace(14.7, -17.45).place.name).toBe('Dakar');
    expect(whereabouts({ type: 'Point', coordinates: [-17.45, 14.7] }, ['SN'])).toMatchObject({
      kind: 'at',
      place: { name: 'Dakar', country: 'SN' },
    });
    // 30 km out at sea off Nouadhibou.
    expect(whereabouts({ type: 'Point', coordinates: [-17.35, 20.9] }, ['MR'])).toMatchObject({
      kind: 'near',
      place: { name: 'Nouadhibou' },
      area: false,
    });
    const square: Geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [-17.2, 20.8],
          [-17.0, 20.8],
          [-17.0, 21.0],
          [-17.2, 21.0],
          [-17.2, 20.8],
        ],
      ],
    };
    expect(centreOf(square)).toEqual([20.9, -17.1]);
    expect(whereabouts(square, ['MR'])).toMatchObject({ kind: 'near', place: { name: 'Nouadhibou' }, area: true });
    // The open Atlantic: nothing near, so the countries; no countries, the coordinates.
    expect(whereabouts({ type: 'Point', coordinates: [-25, 25] }, ['ES', 'MA'])).toEqual({
      kind: 'countries',
      countries: ['ES', 'MA'],
    });
    const nouadhibou = nearestPlace(20.9, -17.35).place;
    expect([placeName(nouadhibou, 'en'), placeName(nouadhibou, 'fr'), placeName(nouadhibou, 'ar')]).toEqual([
      'Nouadhibou',
      'Nouadhibou',
      'نواذيبو',
    ]);
    expect(placeName(nearestPlace(30.04, 31.24).place, 'fr')).toBe('Le Caire');
    expect(whereabouts({ type: 'Point', coordinates: [-25, 25] }, [])).toEqual({ kind: 'coordinates' });
    expect(whereabouts(null, ['SN'])).toEqual({ kind: 'countries', countries: ['SN'] });
  });
});
